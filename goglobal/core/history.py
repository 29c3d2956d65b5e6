"""Change history (django-simple-history) with one record per change.

simple-history writes a record on save and another on every many-to-many add or remove, so a
create with sectors leaves two or three records. Services instead save and set the
many-to-many fields with history paused, then write one record that has them all."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords


class History(HistoricalRecords):
    def contribute_to_class(self, cls, name):
        super().contribute_to_class(cls, name)
        cls._history_records = self


def save_with_history(instance: models.Model, *, actor, m2m: dict | None = None) -> None:
    created = instance._state.adding
    instance.skip_history_when_saving = True
    try:
        instance.save()
        for name, values in (m2m or {}).items():
            getattr(instance, name).set(values)
    finally:
        del instance.skip_history_when_saving
    instance._history_user = actor if actor is not None and actor.is_authenticated else None
    type(instance)._history_records.create_historical_record(instance, "+" if created else "~")
