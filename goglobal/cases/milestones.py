"""The metrics' milestones kept on each case (Case.METRIC_FIELDS): stamped as the case moves,
or recomputed from its transition log. Both give the same values for the same log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache
from zoneinfo import ZoneInfo

from django.conf import settings

from goglobal.cases.enums import CaseStatus
from goglobal.cases.machine import RESOLVED
from goglobal.cases.models.cases import METRIC_FIELDS

REOPENED_FROM = frozenset({*RESOLVED, CaseStatus.CLOSED})


def days_between(start: dt.datetime, end: dt.datetime) -> float:
    return round((end - start).total_seconds() / 86400, 2)


@lru_cache(maxsize=4)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def month_of(moment: dt.datetime | None) -> dt.date | None:
    """The first day of the month `moment` falls in, in the project's time zone."""
    if moment is None:
        return None
    return moment.astimezone(_zone(settings.TIME_ZONE)).date().replace(day=1)


def stamp_move(case, *, start: dt.datetime | None, frm: str, to: str, at: dt.datetime) -> None:
    """Updates the case's milestones (not saved) for one move made at `at`; `start` is when the
    case was first submitted (None before that)."""
    if to == CaseStatus.SUBMITTED:
        case.submitted_month = month_of(case.submitted_at)
    elif to == CaseStatus.TRIAGE and case.acknowledged_at is None:
        case.acknowledged_at = at
        case.days_to_acknowledge = days_between(start, at) if start else None
    elif to == CaseStatus.ASSIGNED and case.assigned_at is None:
        case.assigned_at = at
        case.days_to_triage = days_between(start, at) if start else None
    elif to in RESOLVED:
        case.resolved_at = at
        case.days_to_resolve = days_between(start, at) if start else None
    if frm in REOPENED_FROM and to == CaseStatus.IN_PROGRESS:
        case.reopened = True


def milestones_from(case, moves: Iterable[tuple[str, str, dt.datetime]]) -> dict:
    """The milestones of `case` from its (from, to, at) moves in time order."""
    for name in ("acknowledged_at", "assigned_at", "resolved_at"):
        setattr(case, name, None)
    case.days_to_acknowledge = case.days_to_triage = case.days_to_resolve = None
    case.reopened = False
    start = None
    for frm, to, at in moves:
        if to == CaseStatus.SUBMITTED and start is None:
            start = at
        stamp_move(case, start=start, frm=frm, to=to, at=at)
    case.submitted_month = month_of(case.submitted_at)
    return {name: getattr(case, name) for name in METRIC_FIELDS if name != "sla_breached"}


def case_milestones_refresh(case_ids: Iterable[int] | None = None, *, models=None) -> int:
    """Recomputes the milestones (and the breach flag) of the given cases, or of every case,
    from their transitions and SLA notices, then rebuilds the metrics' roll-up from them;
    returns how many cases were written. `models` (Case, CaseTransition, SlaNotice) lets a
    migration pass its historical models (the roll-up is then left to a later migration)."""
    if models is None:
        from goglobal.cases.models import Case, CaseTransition, SlaNotice
    else:
        Case, CaseTransition, SlaNotice = models
    cases = Case.objects.all() if case_ids is None else Case.objects.filter(pk__in=list(case_ids))
    written = 0
    for case in cases.iterator(chunk_size=2000):
        moves = CaseTransition.objects.filter(case_id=case.pk).order_by("at", "id")
        values = milestones_from(
            case, moves.values_list("from_status", "to_status", "at").iterator()
        )
        values["sla_breached"] = SlaNotice.objects.filter(case_id=case.pk, level="breach").exists()
        Case.objects.filter(pk=case.pk).update(**values)
        written += 1
    if models is None:
        from goglobal.cases.rollup import rollup_rebuild

        rollup_rebuild()
    return written
