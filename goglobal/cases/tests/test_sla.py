"""SLA clocks: working days across weekends, Tết and other holidays, pauses while waiting,
warnings at 80%, breaches, and finished clocks. Time is given explicitly (frozen)."""

import datetime as dt

import pytest

from goglobal.cases.sla import (
    TZ,
    Timeline,
    sla_clocks,
    timeline_from,
    working_calendar,
    working_days_between,
)

VN = working_calendar("VN")


def at(year, month, day, hour=0, minute=0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=TZ)


def test_sla_weekend_does_not_count():
    # Friday 09:00 → Monday 09:00: 15 hours of Friday and 9 of Monday.
    assert working_days_between(at(2026, 11, 20, 9), at(2026, 11, 23, 9), VN) == pytest.approx(1.0)
    assert working_days_between(at(2026, 11, 21), at(2026, 11, 23), VN) == 0.0


def test_sla_tet_2027_does_not_count():
    # Tết 2027: 4–10 February are public holidays (6–7 a weekend too).
    assert working_days_between(at(2027, 2, 3), at(2027, 2, 11), VN) == pytest.approx(1.0)
    assert working_days_between(at(2027, 2, 4), at(2027, 2, 11), VN) == 0.0
    assert working_days_between(at(2027, 2, 4), at(2027, 2, 12), VN) == pytest.approx(1.0)


def test_sla_national_day_and_labour_day_do_not_count():
    # 2 September 2026 (Wednesday) and its bridge day are holidays in Vietnam.
    assert not VN(dt.date(2026, 9, 2))
    assert working_days_between(at(2026, 9, 1), at(2026, 9, 4), VN) < 3


def test_sla_mission_country_calendar_differs():
    # 23 November 2026 is Labour Thanksgiving Day in Japan, a working Monday in Vietnam.
    japan = working_calendar("JP")
    assert VN(dt.date(2026, 11, 23)) and not japan(dt.date(2026, 11, 23))
    assert working_days_between(at(2026, 11, 23), at(2026, 11, 24), japan) == 0.0
    assert working_days_between(at(2026, 11, 23), at(2026, 11, 24), VN) == pytest.approx(1.0)


def test_sla_unknown_country_falls_back_to_vietnam():
    assert working_calendar("ZZ")(dt.date(2027, 2, 8)) is False


def test_sla_pause_is_left_out():
    # Monday to Friday midnight-to-midnight is 4 days; waiting Tuesday noon → Thursday noon.
    pauses = [(at(2026, 11, 24, 12), at(2026, 11, 26, 12))]
    assert working_days_between(at(2026, 11, 23), at(2026, 11, 27), VN, pauses) == pytest.approx(
        2.0
    )
    # A pause still open runs to the end.
    open_pause = [(at(2026, 11, 25), None)]
    assert working_days_between(
        at(2026, 11, 23), at(2026, 11, 27), VN, open_pause
    ) == pytest.approx(2.0)


def _states(timeline: Timeline, now: dt.datetime) -> dict[str, tuple[float, str]]:
    return {c.clock: (c.elapsed_days, c.state) for c in sla_clocks(timeline, now, VN)}


def test_sla_warning_at_80_percent_and_breach_after_the_target():
    # P1 acknowledge: 1 working day.
    timeline = Timeline(priority="P1", submitted_at=at(2026, 11, 23))
    assert _states(timeline, at(2026, 11, 23, 19))["acknowledge"][1] == "ok"
    assert _states(timeline, at(2026, 11, 23, 20))["acknowledge"] == (
        pytest.approx(0.8333, abs=1e-3),
        "warning",
    )
    assert _states(timeline, at(2026, 11, 24))["acknowledge"][1] == "warning"  # exactly 1.0
    assert _states(timeline, at(2026, 11, 24, 1))["acknowledge"][1] == "breached"


def test_sla_breach_waits_for_the_weekend_to_pass():
    timeline = Timeline(priority="P1", submitted_at=at(2026, 11, 27, 12))  # Friday noon
    assert _states(timeline, at(2026, 11, 30))["acknowledge"] == (0.5, "ok")  # Monday 00:00
    assert _states(timeline, at(2026, 11, 30, 12, 1))["acknowledge"][1] == "breached"


def test_sla_finished_clocks_are_met_or_missed():
    timeline = Timeline(
        priority="P2",
        submitted_at=at(2026, 11, 23),
        acknowledged_at=at(2026, 11, 24),
        assigned_at=at(2026, 11, 30),  # 5 working days: triage target is 3
        last_update_at=at(2026, 11, 30),
    )
    states = _states(timeline, at(2026, 12, 1))
    assert states["acknowledge"] == (1.0, "met")
    assert states["triage"] == (5.0, "missed")
    assert states["update"] == (1.0, "ok")
    assert states["resolve"] == (6.0, "ok")


def test_sla_draft_has_no_clocks():
    assert sla_clocks(Timeline(priority="P1", submitted_at=None), at(2026, 12, 1), VN) == []


def test_sla_timeline_from_moves_pauses_waiting_and_forgets_a_reopened_resolution():
    moves = [
        ("draft", "submitted", at(2026, 11, 2)),
        ("submitted", "triage", at(2026, 11, 3)),
        ("triage", "assigned", at(2026, 11, 4)),
        ("assigned", "in_progress", at(2026, 11, 5)),
        ("in_progress", "waiting", at(2026, 11, 9)),
        ("waiting", "in_progress", at(2026, 11, 16)),
        ("in_progress", "resolved_part", at(2026, 11, 17)),
        ("resolved_part", "in_progress", at(2026, 11, 18)),
    ]
    timeline = timeline_from("", moves)
    assert timeline.priority == "P3"
    assert timeline.pauses == ((at(2026, 11, 9), at(2026, 11, 16)),)
    assert timeline.resolved_at is None
    assert (timeline.acknowledged_at, timeline.assigned_at) == (at(2026, 11, 3), at(2026, 11, 4))
    # 2 Nov → 20 Nov is 14 working days; 5 of them were spent waiting.
    resolve = _states(timeline, at(2026, 11, 20))["resolve"]
    assert resolve == (9.0, "ok")


def test_sla_resolution_then_close_keeps_the_resolution_time():
    moves = [
        ("draft", "submitted", at(2026, 11, 2)),
        ("in_progress", "resolved_full", at(2026, 11, 6)),
        ("resolved_full", "closed", at(2026, 11, 20)),
    ]
    timeline = timeline_from("P1", moves)
    assert timeline.resolved_at == at(2026, 11, 6)
    assert _states(timeline, at(2026, 12, 20))["resolve"] == (4.0, "met")
