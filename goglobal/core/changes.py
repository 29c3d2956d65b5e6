"""Change history as people read it: who changed what, when, and every field's old → new value
(many-to-many fields included), from django-simple-history's records."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from itertools import groupby

from django.db import models
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.utils import get_m2m_reverse_field_name

EMPTY = "—"
KIND_LABELS = {
    "+": gettext_lazy("created"),
    "~": gettext_lazy("changed"),
    "-": gettext_lazy("deleted"),
}


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class Entry:
    when: datetime
    who: object
    kind: str
    subject: str
    changes: list[FieldChange] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS.get(self.kind, self.kind))


class _Display:
    """Turns stored values into text, looking related rows up once per model and key."""

    def __init__(self) -> None:
        self._cache: dict[tuple[type, object], str] = {}

    def related(self, model: type[models.Model], pk) -> str:
        if pk is None:
            return EMPTY
        key = (model, pk)
        if key not in self._cache:
            found = model._default_manager.filter(pk=pk).first()
            self._cache[key] = str(found) if found is not None else f"#{pk}"
        return self._cache[key]

    def value(self, model_field: models.Field, value) -> str:
        if value in (None, "", []):
            return EMPTY
        if model_field.choices:
            return str(dict(model_field.flatchoices).get(value, value))
        if isinstance(model_field, models.ForeignKey):
            return self.related(model_field.related_model, value)
        if isinstance(model_field, models.BooleanField):
            return _("Yes") if value else _("No")
        if model_field.name.endswith("year"):
            return str(value)  # a year is not a quantity: no thousands separator
        if isinstance(value, list):
            return "; ".join(str(item) for item in value)
        return str(formats.localize(value))

    def m2m(self, model_field: models.ManyToManyField, rows: list[dict]) -> str:
        target = get_m2m_reverse_field_name(model_field)
        names = sorted(self.related(model_field.related_model, row[target]) for row in rows)
        return ", ".join(names) or EMPTY


def _m2m_rows(record, model_field) -> list[dict]:
    target = get_m2m_reverse_field_name(model_field)
    return list(getattr(record, model_field.name).values(target))


def _field_changes(new, old, display: _Display) -> list[FieldChange]:
    model = new.instance_type
    changes = []
    if old is None:
        for model_field in new.tracked_fields:
            if not model_field.editable or model_field.primary_key:
                continue
            value = display.value(model_field, getattr(new, model_field.attname))
            if value != EMPTY:
                changes.append(FieldChange(str(model_field.verbose_name), EMPTY, value))
        for m2m_field in new._history_m2m_fields:
            value = display.m2m(m2m_field, _m2m_rows(new, m2m_field))
            if value != EMPTY:
                changes.append(FieldChange(str(m2m_field.verbose_name), EMPTY, value))
        return changes
    for change in new.diff_against(old).changes:
        model_field = model._meta.get_field(change.field)
        if model_field.many_to_many:
            old_text = display.m2m(model_field, change.old)
            new_text = display.m2m(model_field, change.new)
        else:
            old_text = display.value(model_field, change.old)
            new_text = display.value(model_field, change.new)
        changes.append(FieldChange(str(model_field.verbose_name), old_text, new_text))
    return changes


def change_log(sources: list[tuple[str, models.QuerySet]], *, limit: int = 200) -> list[Entry]:
    """Entries from several history querysets (label, records), newest first. Each record is
    compared with the previous record of the same object."""
    display = _Display()
    entries: list[Entry] = []
    for label, records in sources:
        rows = records.select_related("history_user").order_by("id", "history_date", "history_id")
        for _pk, versions in groupby(rows, key=lambda record: record.id):
            previous = None
            for record in versions:
                name = str(record.history_object)
                subject = f"{label}: {name}" if label else name
                changes = (
                    [] if record.history_type == "-" else _field_changes(record, previous, display)
                )
                entries.append(
                    Entry(
                        record.history_date,
                        record.history_user,
                        record.history_type,
                        subject,
                        changes,
                    )
                )
                previous = record
    entries.sort(key=lambda entry: entry.when, reverse=True)
    return entries[:limit]
