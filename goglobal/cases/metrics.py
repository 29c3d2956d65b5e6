"""Case metrics for ministry staff: intake by category, country, sector and month; median and
90th percentile days to acknowledge, triage and resolve; SLA compliance; backlog ageing;
resolution and reopen rates.

Everything is aggregated in SQL over the cases table alone, from the milestones each case
carries (Case.METRIC_FIELDS, stamped as it moves), on covering indexes: one GROUP BY category
and country that also gives the totals, one by month, one per enterprise for the sectors, one
count of the open backlog by age, and for each percentile one indexed ORDER BY … OFFSET that
reads a single value. `metrics_log.case_metrics_from_log` computes the same numbers from the
transition log; the tests hold the two equal."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Count, F, Q, QuerySet, Sum
from django.utils import timezone

from goglobal.accounts.access import AnyUser
from goglobal.cases import selectors
from goglobal.cases.enums import CaseStatus
from goglobal.cases.machine import FINAL, RESOLVED
from goglobal.cases.models import Case, CaseDurationCount, CaseEnterpriseCount, CaseIntakeCell
from goglobal.cases.rollup import DURATIONS
from goglobal.enterprises.models import Enterprise
from goglobal.reference.models import Sector

AGE_BUCKETS = ((0, 7), (8, 30), (31, 90), (91, None))
OPEN = [status for status in CaseStatus.values if status not in {*FINAL, *RESOLVED}]


def percentile(values: Sequence[float], share: float) -> float | None:
    """Nearest-rank percentile (share in 0..1); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


@dataclass(frozen=True)
class Durations:
    median: float | None
    p90: float | None
    count: int


def _durations(submitted: QuerySet[Case], field: str, count: int) -> Durations:
    """The nearest-rank median and 90th percentile of a stored duration, read from the
    database one value each (an index on the column makes the OFFSET a short walk)."""
    if not count:
        return Durations(None, None, 0)
    ordered = (
        submitted.filter(**{f"{field}__isnull": False})
        .order_by(field)
        .values_list(field, flat=True)
    )

    def at(share: float) -> float:
        return ordered[max(1, math.ceil(share * count)) - 1]

    return Durations(at(0.5), at(0.9), count)


# What the counts count: every submitted case has it, and every covering index below holds it,
# so PostgreSQL can answer from the index alone. COUNT(id) made it read the whole table (a
# sequential scan of 200,000 cases: 130 ms against 21 ms for the month count, loaded machine).
COUNTED = "submitted_at"


def _summed(rows, months) -> tuple[dict[str, list[dict]], dict]:
    """Intake by category, country and month, and the totals (submitted, breached, reopened,
    with each duration), from rows of (category, country, n, breached, reopened, and how many
    have each duration) — a few hundred groups, summed up here — and rows of (month, n)."""
    by_category: dict[str, int] = {}
    by_country: dict[str, int] = {}
    totals = dict.fromkeys(("total", "breached", "reopened", *DURATIONS), 0)
    for category, country, n, breached, reopened, *durations in rows:
        if not n:
            continue
        by_category[category] = by_category.get(category, 0) + n
        by_country[country] = by_country.get(country, 0) + n
        totals["total"] += n
        totals["breached"] += breached
        totals["reopened"] += reopened
        for field, count in zip(DURATIONS, durations, strict=True):
            totals[field] += count

    def most_first(counts: dict) -> list[dict]:
        ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        return [{"key": key, "n": n} for key, n in ordered]

    intake = {
        "by_category": most_first(by_category),
        "by_country": most_first(by_country),
        "by_month": [{"key": month.strftime("%Y-%m"), "n": n} for month, n in months if n],
    }
    return intake, totals


def _intake_and_totals(submitted: QuerySet[Case]) -> tuple[dict[str, list[dict]], dict]:
    """`_summed` over one GROUP BY category and country and one by month of the cases: two
    passes over covering indexes."""
    rows = (
        submitted.order_by()
        .values_list("category", "country_id")
        .annotate(
            n=Count(COUNTED),
            n_breached=Count(COUNTED, filter=Q(sla_breached=True)),
            # A resolution counts once the case had been submitted (it has a duration).
            n_reopened=Count(COUNTED, filter=Q(days_to_resolve__isnull=False, reopened=True)),
            **{f"n_{field}": Count(field) for field in DURATIONS},
        )
    )
    months = (
        submitted.order_by("submitted_month")
        .values_list("submitted_month")
        .annotate(n=Count(COUNTED))
    )
    return _summed(rows, months)


def _by_sector(per_enterprise: QuerySet) -> list[dict]:
    """Cases per sector of their enterprise (None: an enterprise without a sector), from
    `per_enterprise` rows of (enterprise_id, n) spread over the enterprises' sectors: the same
    numbers as counting distinct cases over the join, without joining every case."""
    try:
        per_enterprise, params = per_enterprise.query.sql_with_params()
    except EmptyResultSet:  # no case visible at all (Case.objects.none())
        return []
    through = Enterprise.sectors.through._meta
    quote = connection.ops.quote_name
    sql = (
        f"SELECT s.{quote('code')}, SUM(c.n) FROM ({per_enterprise}) c "  # noqa: S608
        f"LEFT JOIN {quote(through.db_table)} es ON es.{quote('enterprise_id')} = c.enterprise_id "
        f"LEFT JOIN {quote(Sector._meta.db_table)} s ON s.{quote('id')} = es.{quote('sector_id')} "
        "GROUP BY 1 ORDER BY 2 DESC, 1 ASC"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [{"key": key, "n": int(n)} for key, n in cursor.fetchall()]


def _ageing(submitted: QuerySet[Case], now: dt.datetime) -> list[dict]:
    """Open cases by days since submission, counted on the (status, submitted_at) index."""
    buckets = {}
    for index, (low, high) in enumerate(AGE_BUCKETS):
        wanted = Q(submitted_at__lte=now - dt.timedelta(days=low))
        if high is not None:
            wanted &= Q(submitted_at__gt=now - dt.timedelta(days=high + 1))
        buckets[f"age_{index}"] = Count(COUNTED, filter=wanted)
    counts = submitted.filter(status__in=OPEN).aggregate(**buckets)
    return [
        {"from_days": low, "to_days": high, "n": counts[f"age_{index}"]}
        for index, (low, high) in enumerate(AGE_BUCKETS)
    ]


def _numbers(intake: dict, totals: dict, durations, ageing: list[dict]) -> dict:
    total, resolved = totals["total"], totals["days_to_resolve"]
    return {
        "submitted": total,
        "intake": intake,
        **{field: durations(field, totals[field]) for field in DURATIONS},
        "sla_compliance": round((total - totals["breached"]) / total, 4) if total else None,
        "backlog_ageing": ageing,
        "resolution_rate": round(resolved / total, 4) if total else None,
        "reopen_rate": round(totals["reopened"] / resolved, 4) if resolved else None,
    }


def case_metrics(cases: QuerySet[Case], *, now: dt.datetime | None = None) -> dict:
    """The numbers over `cases` (any subset), from the cases table; backlog ages are counted
    at `now` (default: the current time)."""
    submitted = cases.filter(submitted_at__isnull=False)
    intake, totals = _intake_and_totals(submitted)
    intake["by_sector"] = _by_sector(
        submitted.order_by().values("enterprise_id").annotate(n=Count(COUNTED))
    )
    return _numbers(
        intake,
        totals,
        lambda field, count: _durations(submitted, field, count),
        _ageing(submitted, now or timezone.now()),
    )


def _durations_rolled_up(field: str, count: int) -> Durations:
    """The nearest-rank median and 90th percentile from the duration's histogram: one pass
    over its few thousand values, cumulating the counts."""
    if not count:
        return Durations(None, None, 0)
    table = connection.ops.quote_name(CaseDurationCount._meta.db_table)
    sql = (
        "SELECT MIN(CASE WHEN below >= %s THEN hundredths END), "  # noqa: S608 (quoted name)
        "MIN(CASE WHEN below >= %s THEN hundredths END) FROM ("
        "SELECT hundredths, SUM(n) OVER (ORDER BY hundredths) AS below "
        f"FROM {table} WHERE measure = %s AND n > 0) cumulated"
    )
    ranks = [max(1, math.ceil(share * count)) for share in (0.5, 0.9)]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*ranks, field])
        median, p90 = cursor.fetchone()
    if median is None or p90 is None:  # a roll-up out of step: `goglobal cases rollup --check`
        return Durations(None, None, count)
    return Durations(median / 100, p90 / 100, count)


def case_metrics_all(*, now: dt.datetime | None = None) -> dict:
    """The numbers over every case, from the roll-up (models/rollup.py) instead of the cases
    table: they take the same time whatever the number of cases. Only the backlog's ages,
    which change with `now`, are counted on the cases table (the open cases only)."""
    cells = CaseIntakeCell.objects.filter(submitted__gt=0).order_by()
    rows = cells.values_list("category", "country").annotate(
        Sum("submitted"),
        Sum("breached"),
        Sum("reopened"),
        Sum("acknowledged"),
        Sum("triaged"),
        Sum("resolved"),
    )
    months = cells.order_by("month").values_list("month").annotate(Sum("submitted"))
    intake, totals = _summed(rows, months)
    intake["by_sector"] = _by_sector(
        CaseEnterpriseCount.objects.filter(submitted__gt=0)
        .annotate(n=F("submitted"))
        .values("enterprise_id", "n")
    )
    submitted = Case.objects.filter(submitted_at__isnull=False)
    return _numbers(intake, totals, _durations_rolled_up, _ageing(submitted, now or timezone.now()))


def case_metrics_for_user(user: AnyUser, *, now: dt.datetime | None = None) -> dict:
    """The numbers over the cases `user` may see: from the roll-up when that is every case,
    from the cases table otherwise. (Who may open the metrics at all is `policies`' call.)"""
    if selectors.case_visible_all(user):
        return case_metrics_all(now=now)
    return case_metrics(selectors.case_visible_for_user(user), now=now)
