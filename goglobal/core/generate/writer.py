"""Inserts plain rows (dicts keyed by column attname) with one executemany per table batch.

bulk_create spends most of its time building model instances and compiling one placeholder per
value; at a million rows that alone takes minutes. Rows here skip both: each column's value is
converted for the database only where its type needs it (dates, decimals, JSON), and columns a
row leaves out take the field's default, or "now" for auto_now fields, computed once."""

from __future__ import annotations

from django.db import connection, models
from django.db.models import Max
from django.utils import timezone

# Column types whose Python values the database driver cannot take as they are.
_ADAPTED = (models.DateTimeField, models.DateField, models.DecimalField, models.JSONField)
ROWS_PER_CALL = 5000


class TableWriter:
    def __init__(self, model: type[models.Model]):
        self.model = model
        self._keys: tuple | None = None
        self._columns: list = []
        self._sql = ""

    def _prepare(self, keys: tuple) -> None:
        now = timezone.now()
        self._columns = []
        for field in self.model._meta.concrete_fields:
            if field.attname in keys:
                adapt = isinstance(field, _ADAPTED)
                self._columns.append((field, field.attname, adapt, None))
            elif field.primary_key:
                continue
            else:
                if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                    value = now
                else:
                    value = field.get_default()
                constant = field.get_db_prep_save(value, connection)
                self._columns.append((field, None, False, constant))
        quote = connection.ops.quote_name
        names = ", ".join(quote(field.column) for field, *_ in self._columns)
        marks = ", ".join(["%s"] * len(self._columns))
        # Only quoted identifiers from the model's metadata go into the text; values are params.
        table = quote(self.model._meta.db_table)
        self._sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"  # noqa: S608
        self._keys = keys

    def insert(self, rows: list[dict]) -> int:
        if not rows:
            return 0
        keys = tuple(sorted(rows[0]))
        if keys != self._keys:
            self._prepare(keys)
        columns = self._columns
        params = [
            tuple(
                constant
                if attname is None
                else (field.get_db_prep_save(row[attname], connection) if adapt else row[attname])
                for field, attname, adapt, constant in columns
            )
            for row in rows
        ]
        with connection.cursor() as cursor:
            for start in range(0, len(params), ROWS_PER_CALL):
                cursor.executemany(self._sql, params[start : start + ROWS_PER_CALL])
        return len(rows)


def next_id(model) -> int:
    """The first id after the model's rows: the generators number their rows themselves."""
    return (model.objects.aggregate(top=Max("id"))["top"] or 0) + 1
