"""Who can have a meeting: the proven bound, the repair pass, and the optimisation reaching it."""

from goglobal.matchmaking.scheduling import (
    Instance,
    Placement,
    Request,
    Schedule,
    assign_tables,
    coverage_bound,
    greedy,
    optimise,
    validate,
)
from goglobal.matchmaking.scheduling.bound import lp_relaxation
from goglobal.matchmaking.scheduling.coverage import cover
from goglobal.matchmaking.scheduling.generate import generate_instance
from goglobal.matchmaking.scheduling.instance import could_meet


def _star() -> Instance:
    # Participant 0 is there for two slots only and is the one counterpart of 1, 2, 3 and 4;
    # 5 and 6 want each other.
    return Instance(
        slots=4,
        tables=10,
        requests=[Request(i, 0, i, 1) for i in range(1, 5)] + [Request(5, 5, 6, 1)],
        availability={0: frozenset({1, 2})},
    )


def test_the_bound_counts_a_busy_counterparts_slots_not_the_requests():
    instance = _star()
    assert len(could_meet(instance)) == 7
    # 0 meets two of its four in its two slots: 0, two of them, 5 and 6.
    assert coverage_bound(instance) == 5
    best = optimise(instance, time_limit=2)
    assert validate(instance, best) == []
    assert len(best.met(instance)) == 5


def test_the_bound_leaves_out_seats_held_by_locked_meetings_and_counts_their_sides():
    instance = _star()
    instance.locked = {1: Placement(1, table=1)}
    # 0 and 1 are met by the locked meeting; slot 1 is 0's no longer: one more of 2, 3, 4.
    assert coverage_bound(instance) == 5
    instance.locked = {1: Placement(1, table=1), 5: Placement(2, table=1)}
    assert coverage_bound(instance) == 5
    instance.availability[0] = frozenset({1})
    instance.locked = {1: Placement(1, table=1)}
    assert coverage_bound(instance) == 4


def _one_table() -> Instance:
    # One table, two slots. Value first places 0–1 and 0–2 (worth 3 each) and leaves 3, whose
    # one request is with 1, without a meeting; the table is taken in both slots.
    return Instance(
        slots=2,
        tables=1,
        requests=[Request(1, 0, 1, 3), Request(2, 0, 2, 3), Request(3, 1, 3, 1)],
    )


def test_the_repair_drops_a_meeting_within_its_budget_to_give_everyone_one():
    instance = _one_table()
    first = {1: 0, 2: 1}
    assert coverage_bound(instance) == 4
    # 0–1 gives way to 1–3: 0 keeps 0–2, 1 meets 3; value 6 → 4.
    assert cover(instance, first, budget=1) == first
    repaired = cover(instance, first, budget=2)
    assert repaired == {2: 1, 3: 0}
    schedule = Schedule(assign_tables(instance, repaired), "repair")
    assert validate(instance, schedule) == []
    assert (len(schedule.met(instance)), schedule.value(instance)) == (4, 4)


def test_the_repair_moves_a_meeting_rather_than_drop_one():
    # 1 is in slot 0 with 0; 2 can only meet 1, in slot 0: 0–1 moves to slot 1, nothing lost.
    instance = Instance(
        slots=2,
        tables=5,
        requests=[Request(1, 0, 1, 3), Request(2, 1, 2, 1)],
        availability={2: frozenset({0})},
    )
    assert cover(instance, {1: 0}, budget=0) == {1: 1, 2: 0}
    instance.locked = {1: Placement(0, table=1)}
    assert cover(instance, {1: 0}, budget=10) == {1: 0}


def test_optimise_gives_up_value_for_coverage_only_within_its_slack():
    instance = _one_table()
    kept = optimise(instance, time_limit=2)
    assert (kept.value(instance), len(kept.met(instance))) == (6, 3)
    covered = optimise(instance, time_limit=2, coverage_slack=0.5)
    assert validate(instance, covered) == []
    assert (covered.value(instance), len(covered.met(instance))) == (4, 4)


def test_a_200_participant_instance_reaches_the_coverage_bound_near_the_value_bound():
    instance = generate_instance(participants=200, requests=1000, tables=30, seed=7)
    bound, fractions = lp_relaxation(instance)
    guided = greedy(instance, fractions)
    best = optimise(instance, time_limit=5, start=guided, bound=bound)
    assert validate(instance, best) == []
    assert len(best.met(instance)) == coverage_bound(instance) == best.coverable
    assert len(could_meet(instance) - set(guided.met(instance))) > 0
    assert best.value(instance) >= 0.99 * bound


def test_the_repair_stops_at_its_deadline():
    instance = _one_table()
    assert cover(instance, {1: 0, 2: 1}, budget=2, deadline=0.0) == {1: 0, 2: 1}


def test_a_participant_at_another_venue_without_virtual_rooms_cannot_meet():
    # 2 is at a bridge point and the event has no virtual room: neither the bound nor the
    # repair counts on 2.
    instance = Instance(
        slots=2,
        tables=2,
        rooms=0,
        requests=[Request(1, 0, 1, 1), Request(2, 0, 2, 3, virtual=True)],
    )
    assert coverage_bound(instance) == 2
    assert cover(instance, {1: 0}, budget=10) == {1: 0}
