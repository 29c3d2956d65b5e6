"""The scheduling core on generated instances: every schedule validated, the bound holds."""

import subprocess
import sys

from goglobal.matchmaking.scheduling import (
    Instance,
    Placement,
    Request,
    Schedule,
    assign_tables,
    greedy,
    lp_bound,
    optimise,
    validate,
)
from goglobal.matchmaking.scheduling.bound import lp_relaxation
from goglobal.matchmaking.scheduling.generate import generate_instance
from goglobal.matchmaking.scheduling.instance import could_meet


def _small() -> Instance:
    # 0 and 1 both want 2; 3 is only there in slot 1; 4 has a fixed table (booth 1).
    return Instance(
        slots=3,
        tables=2,
        rooms=1,
        requests=[
            Request(1, 0, 2, 3),
            Request(2, 1, 2, 2),
            Request(3, 0, 3, 1),
            Request(4, 4, 1, 2),
            Request(5, 0, 5, 1, virtual=True),
        ],
        availability={3: frozenset({1})},
        fixed_tables={4: 1},
    )


def test_validator_passes_a_sound_schedule_and_names_each_broken_rule():
    instance = _small()
    sound = Schedule(
        {1: Placement(0, table=2), 3: Placement(1, table=2), 4: Placement(1, table=1)}, "hand"
    )
    assert validate(instance, sound) == []
    broken = Schedule(
        {
            1: Placement(0, table=2),
            2: Placement(0, table=2),  # 2 twice in slot 0, table 2 twice
            3: Placement(0, table=2),  # 3 is not there in slot 0
            4: Placement(2, table=2),  # away from 4's fixed table
            5: Placement(1, table=2),  # a virtual meeting at a table
            9: Placement(1, table=2),
        },
        "hand",
    )
    problems = validate(instance, broken)
    assert "participant 2 double booked in slot 0 (1, 2)" in problems
    assert "table 2 double booked in slot 0" in problems
    assert "meeting 3 in slot 0 outside availability" in problems
    assert "meeting 4 away from its fixed table 1" in problems
    assert "virtual meeting 5 needs a room and no table" in problems
    assert "meeting 9 answers no request" in problems


def test_validator_refuses_a_moved_locked_meeting_and_an_extra_table():
    instance = _small()
    instance.locked = {1: Placement(2, table=2)}
    moved = Schedule({1: Placement(0, table=2)}, "hand")
    assert "locked meeting 1 moved or dropped" in validate(instance, moved)
    ghost = Schedule({1: Placement(2, table=3)}, "hand")
    assert "meeting 1 at table 3, which does not exist" in validate(instance, ghost)


def test_greedy_and_optimise_keep_locked_meetings_and_reach_the_small_bound():
    instance = _small()
    instance.locked = {2: Placement(2, table=2)}
    first = greedy(instance)
    assert validate(instance, first) == []
    assert first.placements[2] == Placement(2, table=2)
    best = optimise(instance, time_limit=5, start=first)
    assert validate(instance, best) == []
    assert best.placements[2] == Placement(2, table=2)
    # Every request fits: 3 + 2 + 1 + 2 + 1.
    assert best.value(instance) == 9 == lp_bound(instance)


def test_a_200_participant_instance_in_5_seconds_is_valid_and_near_the_bound():
    instance = generate_instance(participants=200, requests=1000, tables=30, seed=7)
    plain = greedy(instance)
    bound, fractions = lp_relaxation(instance)
    guided = greedy(instance, fractions)
    best = optimise(instance, time_limit=5, start=guided, bound=bound)
    for schedule in (plain, guided, best):
        assert validate(instance, schedule) == [], schedule.method
        assert schedule.value(instance) <= bound + 1e-6
    assert best.value(instance) >= 0.99 * bound
    assert best.value(instance) >= plain.value(instance)
    reachable = could_meet(instance)
    assert len(reachable - set(best.met(instance))) <= len(reachable - set(guided.met(instance)))


def test_bound_beside_cp_sat_in_one_process():
    # ortools and highspy clash in one process; scipy's own HiGHS must not. A fresh
    # interpreter imports ortools first and solves with both.
    script = (
        "from ortools.sat.python import cp_model\n"
        "from goglobal.matchmaking.scheduling import Instance, Request, lp_bound, optimise\n"
        "i = Instance(slots=1, tables=1, requests=[Request(1, 0, 1, 2), Request(2, 0, 2, 1)])\n"
        "print(optimise(i, time_limit=2).value(i), lp_bound(i))\n"
    )
    done = subprocess.run(  # noqa: S603 (our own script, this interpreter)
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.split() == ["2", "2.0"]


def test_compact_closes_an_idle_gap_without_moving_locked_meetings():
    from goglobal.matchmaking.scheduling.compact import compact

    instance = Instance(
        slots=4,
        tables=2,
        requests=[Request(1, 0, 1, 1), Request(2, 0, 2, 1), Request(3, 3, 4, 1)],
        availability={1: frozenset({0})},
        locked={3: Placement(3, table=1)},
    )
    closed = compact(instance, {1: 0, 2: 3, 3: 3})
    assert closed == {1: 0, 2: 1, 3: 3}
    schedule = Schedule(assign_tables(instance, closed), "compact")
    assert validate(instance, schedule) == [] and schedule.idle_gaps(instance) == 0


def test_compact_swaps_meetings_when_every_table_is_taken():
    from goglobal.matchmaking.scheduling.compact import compact, idle_slots

    # One table, taken in every slot: 0 waits through slot 1, where 3 and 4 meet. No meeting
    # can move alone; 0–1 (the first looked at) and 3–4 exchange slots.
    instance = Instance(
        slots=3,
        tables=1,
        requests=[Request(1, 0, 1, 1), Request(2, 0, 2, 1), Request(3, 3, 4, 1)],
    )
    start = {1: 0, 2: 2, 3: 1}
    assert idle_slots(instance, start) == 1
    closed = compact(instance, start)
    assert closed == {1: 1, 2: 2, 3: 0}
    schedule = Schedule(assign_tables(instance, closed), "compact")
    assert validate(instance, schedule) == [] and schedule.idle_gaps(instance) == 0


def test_compact_swaps_two_meetings_of_one_participant():
    from goglobal.matchmaking.scheduling.compact import compact

    # 1 waits through slot 1; 0 is busy in slots 0 and 1 and 3 is there in slot 2 only.
    # Swapping 0's two meetings puts 1's next to its other one and costs 0 and 2 nothing.
    instance = Instance(
        slots=3,
        tables=5,
        requests=[Request(1, 0, 1, 1), Request(2, 0, 2, 1), Request(3, 1, 3, 1)],
        availability={3: frozenset({2})},
    )
    assert compact(instance, {1: 0, 2: 1, 3: 2}) == {1: 1, 2: 0, 3: 2}
    instance.locked = {2: Placement(1, table=1)}
    assert compact(instance, {1: 0, 2: 1, 3: 2}) == {1: 0, 2: 1, 3: 2}
