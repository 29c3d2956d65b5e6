"""Create-or-update by natural key that writes only when something differs, so loading the seed
again changes nothing — not even the history, which records one entry per real change."""

from __future__ import annotations

from django.db import models

from goglobal.core.history import save_with_history


class Tally:
    def __init__(self) -> None:
        self.created: dict[str, int] = {}
        self.updated: dict[str, int] = {}

    def add(self, model: type[models.Model], *, created: bool, changed: bool) -> None:
        name = model._meta.model_name
        if created:
            self.created[name] = self.created.get(name, 0) + 1
        elif changed:
            self.updated[name] = self.updated.get(name, 0) + 1


def upsert(
    model: type[models.Model],
    *,
    keys: dict,
    values: dict,
    m2m: dict[str, list] | None = None,
    tally: Tally | None = None,
):
    """The row with `keys`, created or brought to `values` (attnames) and `m2m` (name → pks)."""
    instance = model._base_manager.filter(**keys).first()
    created = instance is None
    if created:
        instance = model(**keys, **values)
        changed = True
    else:
        changed = False
        for name, value in values.items():
            if getattr(instance, name) != value:
                setattr(instance, name, value)
                changed = True
    for name, pks in (m2m or {}).items():
        if created or set(getattr(instance, name).values_list("pk", flat=True)) != set(pks):
            changed = True
    if changed:
        if hasattr(model, "_history_records"):
            save_with_history(instance, actor=None, m2m=m2m)
        else:
            instance.save()
            for name, pks in (m2m or {}).items():
                getattr(instance, name).set(pks)
    if tally is not None:
        tally.add(model, created=created, changed=changed)
    return instance
