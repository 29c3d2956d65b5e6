"""Multi-row INSERTs (and UPDATEs) with prepared values, for the enterprise import's bulk path.

Django's bulk_create spends most of its time compiling each value (about 40 µs a row for an
enterprise and its history); at 100,000 rows that alone would eat the import's time budget.
Here each column's conversion is decided once and the statement text once per batch size, and
ids come back with RETURNING (SQLite 3.35+ and PostgreSQL keep the rows' order, as Django's own
bulk_create assumes)."""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from decimal import Decimal

from django.db import connection, models
from django.utils import timezone

_PREPARED = (
    models.DateTimeField,
    models.DateField,
    models.TimeField,
    models.DecimalField,
    models.JSONField,
    models.UUIDField,
    models.BinaryField,
)


def _same(value):
    return value


def _json_key(value):
    # Lists of strings (trading names: mostly []) by their items; anything else is converted
    # every time (True and 1 are equal keys but different JSON).
    if type(value) is list and all(type(item) is str for item in value):
        return tuple(value)
    return None


def _decimal_key(value):
    # 51 and 51.0 are equal but not the same text: the text is the key.
    return str(value) if isinstance(value, Decimal) else None


def _cache_key(field: models.Field) -> Callable | None:
    """How to recognise a value already converted: dates and times repeat (an import stamps
    every row with one moment), and so do JSON lists and percentages; a conversion costs
    ~10 µs."""
    if isinstance(field, (models.DateTimeField, models.DateField, models.TimeField)):
        return _same
    if isinstance(field, models.JSONField):
        return _json_key
    if isinstance(field, models.DecimalField):
        return _decimal_key
    return None


def column_preparer(field: models.Field) -> Callable | None:
    """The conversion a value needs before the driver sees it, or None when it needs none."""
    if isinstance(field, _PREPARED):
        return lambda value: field.get_db_prep_save(value, connection)
    return None


def _rows_per_statement(columns: int) -> int:
    if connection.vendor == "sqlite":
        raw = connection.connection
        limit = 999
        if raw is not None and hasattr(raw, "getlimit"):
            import sqlite3

            limit = raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    else:
        limit = 65535
    return max(1, min(1000, limit // columns))


def _converting(fields: Sequence[models.Field]) -> list[tuple]:
    """(column, conversion, cache key, cache) of the columns that need converting."""
    return [
        (index, prepare, _cache_key(field), {})
        for index, field in enumerate(fields)
        if (prepare := column_preparer(field)) is not None
    ]


def _converted(row: Sequence, converting: list[tuple]) -> list:
    row = list(row)
    for index, prepare, key_of, done in converting:
        value = row[index]
        if value is None:
            continue
        key = key_of(value) if key_of is not None else None
        if key is None:
            row[index] = prepare(value)
        elif key in done:
            row[index] = done[key]
        else:
            row[index] = done[key] = prepare(value)
    return row


def insert(
    model: type[models.Model],
    fields: Sequence[models.Field],
    rows: Sequence[Sequence],
    *,
    returning: bool = False,
) -> list:
    """Inserts `rows` (one value per field, by attname, not yet prepared) into the model's
    table; returns the new primary keys in order when `returning`."""
    if not rows:
        return []
    connection.ensure_connection()
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    converting = _converting(fields)
    per_statement = _rows_per_statement(len(fields))
    one_row = "(" + ", ".join(["%s"] * len(fields)) + ")"
    tail = f" RETURNING {quote(model._meta.pk.column)}" if returning else ""
    statements: dict[int, str] = {}
    ids: list = []
    with connection.cursor() as cursor:
        for start in range(0, len(rows), per_statement):
            chunk = rows[start : start + per_statement]
            sql = statements.get(len(chunk))
            if sql is None:
                # Names come from the model's meta, values go as parameters.
                table = quote(model._meta.db_table)
                values = ", ".join([one_row] * len(chunk))
                sql = f"INSERT INTO {table} ({columns}) VALUES {values}{tail}"  # noqa: S608
                statements[len(chunk)] = sql
            params: list = []
            for row in chunk:
                params.extend(_converted(row, converting) if converting else row)
            cursor.execute(sql, params)
            if returning:
                ids.extend(row[0] for row in cursor.fetchall())
    return ids


def insert_instances(model: type[models.Model], objs: list[models.Model]) -> None:
    """Inserts unsaved instances (defaults already on them) and gives each its primary key."""
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    stamped = [
        field.attname
        for field in fields
        if isinstance(field, models.DateTimeField) and (field.auto_now or field.auto_now_add)
    ]
    # One moment for the whole call, as a statement's own now() would give (pre_save would
    # read the clock once per object).
    now = timezone.now()
    for obj in objs:
        for attname in stamped:
            setattr(obj, attname, now)
    read = operator.attrgetter(*(field.attname for field in fields))
    rows = [read(obj) for obj in objs] if len(fields) > 1 else [(read(obj),) for obj in objs]
    ids = insert(model, fields, rows, returning=True)
    for obj, pk in zip(objs, ids, strict=True):
        obj.pk = pk
        obj._state.adding = False
        obj._state.db = connection.alias


def refresh_planner_statistics() -> None:
    """After a bulk load, PostgreSQL's planner still holds the statistics of the empty tables
    (it estimated 74 active enterprises out of 90,000, and joined against all of them for every
    search) until autovacuum next passes. ANALYZE them now. SQLite plans without statistics
    unless asked to, and the registry's queries are tuned for that, so it is left alone.

    Outside a transaction it is VACUUM ANALYZE: the vacuum marks the new rows' pages all-visible,
    so that index-only scans (the search's visibility checks, for one) need not visit the table
    to learn that the rows are visible."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")


def update(model: type[models.Model], fields: Sequence[models.Field], objs: list) -> None:
    """Writes these fields of saved instances as they now are, as bulk_update does, but as one
    UPDATE statement run for every instance (executemany) instead of a CASE per field and row:
    bulk_update took three quarters of an import that changed 20,000 enterprises."""
    if not objs:
        return
    quote = connection.ops.quote_name
    pk = model._meta.pk
    sets = ", ".join(f"{quote(field.column)} = %s" for field in fields)
    # Names come from the model's meta, values go as parameters.
    sql = f"UPDATE {quote(model._meta.db_table)} SET {sets} WHERE {quote(pk.column)} = %s"  # noqa: S608
    converting = _converting([*fields, pk])
    read = operator.attrgetter(*(field.attname for field in fields), pk.attname)
    rows = [_converted(read(obj), converting) if converting else read(obj) for obj in objs]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
