"""Keeping the metrics' roll-up (models/rollup.py) equal to the cases table.

What a submitted case counts for is a function of a few of its columns (SNAPSHOT): its
category, country and month of submission, its enterprise, its breach and reopen flags and its
three durations. A write that may change them takes a snapshot before and after and calls
`rollup_apply`, which adds the difference with one INSERT … ON CONFLICT DO UPDATE per table
(an increment, so concurrent writes to the same group add up instead of overwriting each
other; keys in a fixed order, so two such transactions cannot deadlock on them).
`rollup_rebuild` rewrites the roll-up from the cases table."""

from __future__ import annotations

from collections import defaultdict

from django.db import connection, transaction
from django.db.models import Count, Q

DURATIONS = ("days_to_acknowledge", "days_to_triage", "days_to_resolve")
SNAPSHOT = (
    "submitted_month",
    "category",
    "country_id",
    "enterprise_id",
    "sla_breached",
    "reopened",
    *DURATIONS,
)
CELL, ENTERPRISE, DURATION = "cell", "enterprise", "duration"


def hundredths(days: float) -> int:
    """A duration as stored (days rounded to hundredths) as a whole number of hundredths."""
    return round(days * 100)


def snapshot(case) -> dict:
    """The columns of `case` (a Case, or a dict of its values) that the roll-up depends on."""
    if isinstance(case, dict):
        return {name: case[name] for name in SNAPSHOT}
    return {name: getattr(case, name) for name in SNAPSHOT}


def _parts(values: dict | None) -> dict[tuple, tuple[int, ...]]:
    """What one case adds to the roll-up: {(table, *key): counts}; nothing before submission
    (its month of submission is stamped with the submission, in the same transaction)."""
    if values is None or values["submitted_month"] is None:
        return {}
    has = [int(values[field] is not None) for field in DURATIONS]
    reopened = int(values["days_to_resolve"] is not None and bool(values["reopened"]))
    month = values["submitted_month"]
    parts = {
        (CELL, values["category"], values["country_id"], month): (
            1,
            int(bool(values["sla_breached"])),
            reopened,
            *has,
        ),
        (ENTERPRISE, values["enterprise_id"]): (1,),
    }
    for field in DURATIONS:
        if values[field] is not None:
            parts[(DURATION, field, hundredths(values[field]))] = (1,)
    return parts


def _difference(pairs) -> dict[tuple, tuple[int, ...]]:
    """The roll-up's change for (before, after) snapshot pairs, summed per key."""
    changes: dict[tuple, list[int]] = {}
    for before, after in pairs:
        for sign, values in ((-1, before), (1, after)):
            for key, counts in _parts(values).items():
                total = changes.setdefault(key, [0] * len(counts))
                for index, count in enumerate(counts):
                    total[index] += sign * count
    return {key: tuple(counts) for key, counts in changes.items() if any(counts)}


def _models():
    from goglobal.cases.models import CaseDurationCount, CaseEnterpriseCount, CaseIntakeCell

    return CaseIntakeCell, CaseEnterpriseCount, CaseDurationCount


def _upsert_sql(model, key: list[str], counts: list[str]) -> str:
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = [quote(model._meta.get_field(name).column) for name in (*key, *counts)]
    added = ", ".join(
        f"{column} = {table}.{column} + excluded.{column}" for column in columns[-len(counts) :]
    )
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) "  # noqa: S608 (names from the models)
        f"VALUES ({', '.join(['%s'] * len(columns))}) "
        f"ON CONFLICT ({', '.join(columns[: len(key)])}) DO UPDATE SET {added}"
    )


def _tables() -> dict[str, tuple]:
    """Per table: the model, its key columns and its count columns."""
    cell, enterprise, duration = _models()
    return {
        CELL: (
            cell,
            ["category", "country", "month"],
            ["submitted", "breached", "reopened", "acknowledged", "triaged", "resolved"],
        ),
        ENTERPRISE: (enterprise, ["enterprise_id"], ["submitted"]),
        DURATION: (duration, ["measure", "hundredths"], ["n"]),
    }


def rollup_apply(before: dict | None, after: dict | None) -> None:
    """Adds to the roll-up the change from the snapshot `before` to `after` (None: the case
    does not exist). Call it inside the transaction that writes the case."""
    _apply(_difference([(before, after)]))


def _apply(changes: dict[tuple, tuple[int, ...]]) -> None:
    if not changes:
        return
    tables = _tables()
    by_table: dict[str, list[tuple]] = defaultdict(list)
    for key in sorted(changes):
        by_table[key[0]].append((*key[1:], *changes[key]))
    with connection.cursor() as cursor:
        for table in (CELL, ENTERPRISE, DURATION):
            if by_table[table]:
                cursor.executemany(_upsert_sql(*tables[table]), by_table[table])


def case_mark_breached(case_id: int) -> bool:
    """Sets the case's breach flag (the SLA sweep, on its first breach notice) and counts it;
    False if it was already set. Call it inside a transaction."""
    from goglobal.cases.models import Case

    if not Case.objects.filter(pk=case_id, sla_breached=False).update(sla_breached=True):
        return False
    after = Case.objects.filter(pk=case_id).values(*SNAPSHOT).get()
    rollup_apply({**after, "sla_breached": False}, after)
    return True


@transaction.atomic
def case_delete(cases) -> int:
    """Deletes the cases of the queryset `cases` (with what cascades from them) and takes them
    out of the roll-up; returns how many cases were deleted."""
    from goglobal.cases.models import Case

    ids = list(cases.values_list("pk", flat=True))
    # Locked first (PostgreSQL), so that no transition changes them between reading and deleting.
    gone = list(
        Case.objects.select_for_update().filter(pk__in=ids).order_by("pk").values(*SNAPSHOT)
    )
    _deleted, per_model = Case.objects.filter(pk__in=ids).delete()
    _apply(_difference((values, None) for values in gone))
    return per_model.get(Case._meta.label, 0)


def rollup_rows() -> dict[str, dict[tuple, tuple[int, ...]]]:
    """The roll-up's rows with a count other than zero: {table: {key: counts}}."""
    rows = {}
    for table, (model, key, counts) in _tables().items():
        rows[table] = {
            tuple(row[: len(key)]): tuple(row[len(key) :])
            for row in model.objects.values_list(*key, *counts)
            if any(row[len(key) :])
        }
    return rows


def rollup_check() -> dict[str, int]:
    """How many roll-up rows differ from a rebuild, per table (nothing is written)."""
    with transaction.atomic():
        kept = rollup_rows()
        rollup_rebuild()
        rebuilt = rollup_rows()
        transaction.set_rollback(True)
    return {
        table: sum(
            kept[table].get(key) != rebuilt[table].get(key)
            for key in {*kept[table], *rebuilt[table]}
        )
        for table in kept
    }


@transaction.atomic
def rollup_rebuild(*, models=None) -> dict[str, int]:
    """Rewrites the roll-up from the cases table; returns the rows written per table. `models`
    (Case, CaseIntakeCell, CaseEnterpriseCount, CaseDurationCount) lets a migration pass its
    historical models. Concurrent writers wait for it (PostgreSQL: the tables are locked
    first; SQLite: the DELETEs take the database's write lock before anything is read)."""
    if models is None:
        from goglobal.cases.models import Case

        cell, enterprise, duration = _models()
    else:
        Case, cell, enterprise, duration = models
    if connection.vendor == "postgresql":
        names = ", ".join(
            connection.ops.quote_name(m._meta.db_table) for m in (cell, enterprise, duration)
        )
        with connection.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {names} IN EXCLUSIVE MODE")
    for model in (cell, enterprise, duration):
        model.objects.all().delete()
    submitted = Case.objects.filter(submitted_month__isnull=False).order_by()
    cells = submitted.values_list("category", "country_id", "submitted_month").annotate(
        n=Count("pk"),
        n_breached=Count("pk", filter=Q(sla_breached=True)),
        n_reopened=Count("pk", filter=Q(days_to_resolve__isnull=False, reopened=True)),
        **{f"n_{field}": Count(field) for field in DURATIONS},
    )
    made = cell.objects.bulk_create(
        (
            cell(
                category=category,
                country=country,
                month=month,
                submitted=n,
                breached=breached,
                reopened=reopened,
                acknowledged=acknowledged,
                triaged=triaged,
                resolved=resolved,
            )
            for category, country, month, n, breached, reopened, acknowledged, triaged, resolved in cells.iterator()
        ),
        batch_size=1000,
    )
    counts = {"cells": len(made)}
    per_enterprise = submitted.values_list("enterprise_id").annotate(n=Count("pk"))
    made = enterprise.objects.bulk_create(
        (enterprise(enterprise_id=pk, submitted=n) for pk, n in per_enterprise.iterator()),
        batch_size=1000,
    )
    counts["enterprises"] = len(made)
    rows = []
    for field in DURATIONS:
        histogram: dict[int, int] = defaultdict(int)
        values = (
            submitted.filter(**{f"{field}__isnull": False})
            .values_list(field)
            .annotate(n=Count("pk"))
        )
        for days, n in values.iterator():
            histogram[hundredths(days)] += n
        rows += [duration(measure=field, hundredths=h, n=n) for h, n in histogram.items()]
    counts["durations"] = len(duration.objects.bulk_create(rows, batch_size=1000))
    if connection.vendor == "postgresql":
        # Fresh statistics: planned as empty tables, the histogram was read by a bitmap scan
        # and sorted instead of walked in index order.
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {names}")
    return counts
