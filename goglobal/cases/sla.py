"""SLA clocks, as pure functions of a case's timeline and the time asked about.

Time counts only on working days: Monday to Friday that are not public holidays of the
calendar's country (Vietnam's, Tết included; a mission-owned case counts its mission's host
country's holidays), and never while the case waits on someone else. A partly worked day counts
in proportion (a case submitted at noon on Friday has used half a day by midnight). Days are
calendar days in Vietnam's time zone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

from goglobal.cases.enums import CaseStatus, SlaClock

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
DAY = 86400.0
WARNING_SHARE = 0.8
# Working days per clock and priority: acknowledge, triage, update the enterprise, resolve.
TARGETS: dict[str, dict[str, int]] = {
    "P1": {"acknowledge": 1, "triage": 2, "update": 2, "resolve": 15},
    "P2": {"acknowledge": 2, "triage": 3, "update": 5, "resolve": 30},
    "P3": {"acknowledge": 3, "triage": 5, "update": 10, "resolve": 60},
    "P4": {"acknowledge": 5, "triage": 10, "update": 20, "resolve": 90},
}
# Before triage sets a priority the clocks run at P3's pace.
DEFAULT_PRIORITY = "P3"
RESOLVED = frozenset(
    {CaseStatus.RESOLVED_FULL, CaseStatus.RESOLVED_PART, CaseStatus.NOT_RESOLVABLE}
)
STOPPED = frozenset(
    {CaseStatus.CLOSED, CaseStatus.DECLINED, CaseStatus.MERGED, CaseStatus.REDIRECTED}
)

IsWorkingDay = Callable[[dt.date], bool]
Interval = tuple[dt.datetime, dt.datetime | None]


@lru_cache(maxsize=64)
def _holidays(country: str) -> holidays.HolidayBase:
    try:
        return holidays.country_holidays(country)
    except NotImplementedError:
        # A country the package does not know: its mission works to Vietnam's calendar.
        return holidays.country_holidays("VN")


def working_calendar(country: str = "VN") -> IsWorkingDay:
    public = _holidays(country.upper() or "VN")
    return lambda day: day.weekday() < 5 and day not in public


def _subtract(start: dt.datetime, end: dt.datetime, pauses: Iterable[Interval]):
    """[start, end) without the pauses, as sorted disjoint intervals."""
    pieces = [(start, end)]
    for pause_start, pause_end in pauses:
        pause_end = pause_end or end
        kept = []
        for a, b in pieces:
            if pause_end <= a or pause_start >= b:
                kept.append((a, b))
                continue
            if a < pause_start:
                kept.append((a, pause_start))
            if pause_end < b:
                kept.append((pause_end, b))
        pieces = kept
    return pieces


def working_days_between(
    start: dt.datetime,
    end: dt.datetime,
    is_working_day: IsWorkingDay,
    pauses: Iterable[Interval] = (),
) -> float:
    """Working days (fractional) from start to end, leaving out the pauses."""
    if end <= start:
        return 0.0
    total = 0.0
    for a, b in _subtract(start, end, list(pauses)):
        a, b = a.astimezone(TZ), b.astimezone(TZ)
        day = a.date()
        while day <= b.date():
            if is_working_day(day):
                day_start = dt.datetime.combine(day, dt.time(), TZ)
                day_end = day_start + dt.timedelta(days=1)
                overlap = (min(b, day_end) - max(a, day_start)).total_seconds()
                total += max(overlap, 0.0) / DAY
            day += dt.timedelta(days=1)
    return total


@dataclass(frozen=True)
class Timeline:
    """What the clocks need from a case's transition log."""

    priority: str
    submitted_at: dt.datetime | None
    acknowledged_at: dt.datetime | None = None
    assigned_at: dt.datetime | None = None
    resolved_at: dt.datetime | None = None
    stopped_at: dt.datetime | None = None
    last_update_at: dt.datetime | None = None
    pauses: tuple[Interval, ...] = ()


def timeline_from(priority: str, moves: Sequence[tuple[str, str, dt.datetime]]) -> Timeline:
    """Builds the timeline from (from, to, at) moves in time order. A reopened case's
    resolution no longer counts; waiting intervals become pauses (an open one runs to now)."""
    submitted = acknowledged = assigned = resolved = stopped = last_update = None
    pauses: list[Interval] = []
    waiting_since = None
    for _from, to, at in moves:
        last_update = at
        if to == CaseStatus.SUBMITTED and submitted is None:
            submitted = at
        elif to == CaseStatus.TRIAGE and acknowledged is None:
            acknowledged = at
        elif to == CaseStatus.ASSIGNED and assigned is None:
            assigned = at
        if waiting_since is not None and to != CaseStatus.WAITING:
            pauses.append((waiting_since, at))
            waiting_since = None
        if to == CaseStatus.WAITING:
            waiting_since = at
        resolved = at if to in RESOLVED else (resolved if to == CaseStatus.CLOSED else None)
        stopped = at if to in STOPPED else None
    if waiting_since is not None:
        pauses.append((waiting_since, None))
    return Timeline(
        priority=priority or DEFAULT_PRIORITY,
        submitted_at=submitted,
        acknowledged_at=acknowledged,
        assigned_at=assigned,
        resolved_at=resolved,
        stopped_at=stopped,
        last_update_at=last_update,
        pauses=tuple(pauses),
    )


@dataclass(frozen=True)
class ClockState:
    clock: str
    target_days: int
    elapsed_days: float
    # running: ok / warning / breached; finished: met / missed
    state: str

    @property
    def share(self) -> float:
        return self.elapsed_days / self.target_days


def _state(elapsed: float, target: int, finished: bool) -> str:
    if finished:
        return "met" if elapsed <= target else "missed"
    if elapsed > target:
        return "breached"
    if elapsed >= WARNING_SHARE * target:
        return "warning"
    return "ok"


def sla_clocks(
    timeline: Timeline, now: dt.datetime, is_working_day: IsWorkingDay
) -> list[ClockState]:
    """The four clocks at `now`. A draft has none; a clock stops when its step is done, or
    when the case is resolved or stopped (declined, merged, redirected, closed)."""
    if timeline.submitted_at is None:
        return []
    targets = TARGETS.get(timeline.priority, TARGETS[DEFAULT_PRIORITY])
    halt = timeline.resolved_at or timeline.stopped_at
    spans = {
        SlaClock.ACKNOWLEDGE: (timeline.submitted_at, timeline.acknowledged_at or halt),
        SlaClock.TRIAGE: (timeline.submitted_at, timeline.assigned_at or halt),
        SlaClock.UPDATE: (timeline.last_update_at or timeline.submitted_at, halt),
        SlaClock.RESOLVE: (timeline.submitted_at, halt),
    }
    out = []
    for clock, (start, end) in spans.items():
        finished = end is not None
        elapsed = working_days_between(start, end or now, is_working_day, timeline.pauses)
        target = targets[clock]
        out.append(
            ClockState(str(clock), target, round(elapsed, 4), _state(elapsed, target, finished))
        )
    return out
