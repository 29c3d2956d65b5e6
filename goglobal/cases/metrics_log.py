"""The case metrics computed the straightforward way, from the transition log and the SLA
notices, with the durations and percentiles in Python. `metrics.case_metrics` must give exactly
the same numbers from the milestones kept on each case: the tests compare the two, and
`goglobal bench cases` measures this one as its baseline."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Exists, Max, Min, OuterRef, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from goglobal.cases.enums import CaseStatus, SlaLevel
from goglobal.cases.machine import FINAL, RESOLVED
from goglobal.cases.metrics import AGE_BUCKETS, Durations, percentile
from goglobal.cases.models import Case, CaseTransition, SlaNotice


def _durations(days: list[float]) -> Durations:
    return Durations(percentile(days, 0.5), percentile(days, 0.9), len(days))


def _days(start, end) -> float:
    return round((end - start).total_seconds() / 86400, 2)


def case_metrics_from_log(cases: QuerySet[Case], *, now: dt.datetime | None = None) -> dict:
    submitted = cases.exclude(submitted_at__isnull=True)

    def counts(field: str, distinct: bool = False) -> list[dict]:
        rows = submitted.values(field).annotate(n=Count("id", distinct=distinct))
        return [{"key": row[field], "n": row["n"]} for row in rows.order_by("-n", field)]

    intake = {
        "by_category": counts("category"),
        "by_country": counts("country_id"),
        "by_sector": counts("enterprise__sectors__code", distinct=True),
        "by_month": [
            {"key": row["month"].strftime("%Y-%m"), "n": row["n"]}
            for row in submitted.annotate(month=TruncMonth("submitted_at"))
            .values("month")
            .annotate(n=Count("id"))
            .order_by("month")
        ],
    }
    moves = (
        CaseTransition.objects.filter(case__in=submitted)
        .values("case_id")
        .annotate(
            submitted=Min("at", filter=Q(to_status=CaseStatus.SUBMITTED)),
            acknowledged=Min("at", filter=Q(to_status=CaseStatus.TRIAGE)),
            assigned=Min("at", filter=Q(to_status=CaseStatus.ASSIGNED)),
            resolved=Max("at", filter=Q(to_status__in=RESOLVED)),
            reopened=Count(
                "id",
                filter=Q(
                    from_status__in=[*RESOLVED, CaseStatus.CLOSED], to_status=CaseStatus.IN_PROGRESS
                ),
            ),
        )
    )
    acknowledge, triage, resolve = [], [], []
    resolved_cases = reopened_cases = 0
    for row in moves:
        start = row["submitted"]
        if start is None:
            continue
        if row["acknowledged"]:
            acknowledge.append(_days(start, row["acknowledged"]))
        if row["assigned"]:
            triage.append(_days(start, row["assigned"]))
        if row["resolved"]:
            resolve.append(_days(start, row["resolved"]))
            resolved_cases += 1
            reopened_cases += 1 if row["reopened"] else 0
    total = submitted.count()
    breached = submitted.filter(
        Exists(SlaNotice.objects.filter(case=OuterRef("pk"), level=SlaLevel.BREACH))
    ).count()
    now = now or timezone.now()
    open_cases = submitted.exclude(status__in=[*FINAL, *RESOLVED])
    ageing = []
    for low, high in AGE_BUCKETS:
        in_bucket = open_cases.filter(submitted_at__lte=now - timezone.timedelta(days=low))
        if high is not None:
            in_bucket = in_bucket.filter(submitted_at__gt=now - timezone.timedelta(days=high + 1))
        ageing.append({"from_days": low, "to_days": high, "n": in_bucket.count()})
    return {
        "submitted": total,
        "intake": intake,
        "days_to_acknowledge": _durations(acknowledge),
        "days_to_triage": _durations(triage),
        "days_to_resolve": _durations(resolve),
        "sla_compliance": round((total - breached) / total, 4) if total else None,
        "backlog_ageing": ageing,
        "resolution_rate": round(resolved_cases / total, 4) if total else None,
        "reopen_rate": round(reopened_cases / resolved_cases, 4) if resolved_cases else None,
    }
