"""The final schedule: OR-Tools CP-SAT, warm-started (AddHint) from a greedy placement and
time-limited.

Three steps on one model, each keeping what the one before achieved:
1. maximise the value of the meetings placed (their priorities) — skipped when the start
   already reaches the proven bound;
2. give a meeting to everyone who can have one, giving up at most `coverage_slack` (0.2 %) of
   that value: a delegate who travelled and meets nobody costs the event more than one
   lower-priority meeting elsewhere. A repair pass (`coverage.cover`) moves or drops a meeting
   to free the counterpart and a table for each participant left at zero; only when that
   falls short of the proven maximum (`coverage.coverage_bound`) does CP-SAT maximise the
   participants met;
3. with the value and coverage reached kept, close idle gaps: a hill climb of moves and swaps
   (`compact`), CP-SAT minimising the separate blocks in each participant's day from its
   result, and the hill climb again.
A bool per (request, feasible slot) and, per slot, a count of shared tables and of virtual
rooms: concrete table numbers are assigned afterwards (`assign_tables`), which keeps the model
near 80,000 bools for 5,000 requests over 16 slots instead of multiplying it by the tables."""

from __future__ import annotations

import math
import time

from ortools.sat.python import cp_model

from goglobal.matchmaking.scheduling.compact import compact, idle_slots
from goglobal.matchmaking.scheduling.coverage import cover, coverage_bound
from goglobal.matchmaking.scheduling.greedy import assign_tables, greedy
from goglobal.matchmaking.scheduling.instance import Instance, Schedule


class _Model:
    def __init__(self, instance: Instance) -> None:
        self.instance = instance
        self.model = model = cp_model.CpModel()
        self.x: dict[tuple[int, int], cp_model.IntVar] = {}
        self.at: dict[tuple[int, int], list] = {}  # (participant, slot) → its meetings' vars
        pool: dict[int, list] = {}
        rooms: dict[int, list] = {}
        for request in instance.requests:
            kept = instance.locked.get(request.id)
            mine = []
            for s in [kept.slot] if kept else instance.feasible_slots(request):
                var = self.x[request.id, s] = model.new_bool_var(f"x{request.id}_{s}")
                mine.append(var)
                self.at.setdefault((request.a, s), []).append(var)
                self.at.setdefault((request.b, s), []).append(var)
                if request.virtual:
                    rooms.setdefault(s, []).append(var)
                elif instance.uses_pool(request):
                    pool.setdefault(s, []).append(var)
            if kept:
                model.add(mine[0] == 1)
            elif len(mine) > 1:
                model.add_at_most_one(mine)
        for variables in self.at.values():
            if len(variables) > 1:
                model.add_at_most_one(variables)
        for variables in pool.values():
            if len(variables) > len(instance.pool_tables):
                model.add(sum(variables) <= len(instance.pool_tables))
        for variables in rooms.values():
            if len(variables) > instance.rooms:
                model.add(sum(variables) <= instance.rooms)
        self.value = sum(instance.by_id[rid].value * var for (rid, _), var in self.x.items())
        self.met: dict[int, cp_model.IntVar] = {}
        self.starts: dict[tuple[int, int], cp_model.IntVar] = {}

    def add_coverage(self) -> None:
        meets: dict[int, list] = {}
        for (p, _), variables in self.at.items():
            meets.setdefault(p, []).extend(variables)
        for p, variables in sorted(meets.items()):
            y = self.met[p] = self.model.new_bool_var(f"y{p}")
            self.model.add(sum(variables) >= y)

    def add_blocks(self) -> None:
        """A block starts where a participant is busy and was not in the slot before."""
        for (p, s), variables in self.at.items():
            before = self.at.get((p, s - 1), [])
            start = self.starts[p, s] = self.model.new_bool_var(f"b{p}_{s}")
            self.model.add(start >= sum(variables) - sum(before))

    def hint(self, slot_of: dict[int, int]) -> None:
        self.model.clear_hints()
        busy = set()
        for rid, s in slot_of.items():
            request = self.instance.by_id[rid]
            busy.update({(request.a, s), (request.b, s)})
        for (rid, s), var in self.x.items():
            self.model.add_hint(var, slot_of.get(rid) == s)
        for p, var in self.met.items():
            self.model.add_hint(var, any((p, s) in busy for s in range(self.instance.slots)))
        for (p, s), var in self.starts.items():
            self.model.add_hint(var, (p, s) in busy and (p, s - 1) not in busy)


def _met(instance: Instance, slot_of: dict[int, int]) -> set[int]:
    return {p for rid in slot_of for p in (instance.by_id[rid].a, instance.by_id[rid].b)}


def _value(instance: Instance, slot_of: dict[int, int]) -> int:
    return sum(instance.by_id[rid].value for rid in slot_of)


def _fix(model: cp_model.CpModel, var: cp_model.IntVar, value: int) -> None:
    domain = model.proto.variables[var.index].domain
    domain[0] = domain[1] = value


def optimise(
    instance: Instance,
    *,
    time_limit: float = 60.0,
    workers: int = 2,
    start: Schedule | None = None,
    bound: float | None = None,
    seed: int = 0,
    coverage_slack: float = 0.002,
) -> Schedule:
    started = time.perf_counter()
    start = start or greedy(instance)
    coverable = coverage_bound(instance)
    built = _Model(instance)
    best = {rid: p.slot for rid, p in start.placements.items()}
    notes = [f"{start.method} value {start.value(instance)}"]

    def solve(
        objective,
        maximise: bool,
        share: float,
        label: str,
        presolve: bool = True,
        until: float = 0.97,
    ) -> bool:
        nonlocal best
        built.hint(best)
        (built.model.maximize if maximise else built.model.minimize)(objective)
        solver = cp_model.CpSolver()
        # Kept back: the hill climb and the table numbers after the last step.
        left = until * time_limit - (time.perf_counter() - started)
        solver.parameters.max_time_in_seconds = max(0.5, left * share)
        solver.parameters.num_workers = workers
        solver.parameters.random_seed = seed
        # Steps 2 and 3 start from a complete, feasible hint; presolving the large model again
        # costs more of their short time than it saves.
        solver.parameters.cp_model_presolve = presolve
        status = solver.solve(built.model)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            notes.append(f"{label}: {solver.status_name(status)}")
            return False
        best = {rid: s for (rid, s), var in built.x.items() if solver.boolean_value(var)}
        notes.append(f"{label}: {solver.objective_value:g} ({solver.status_name(status)})")
        return status == cp_model.OPTIMAL

    achieved = start.value(instance)
    if bound is not None and achieved >= math.floor(bound + 1e-6):
        optimal = True
        notes.append("value: the start reaches the bound")
    else:
        # A start within 0.5 % of the bound leaves little value to find: the time is better
        # spent on coverage and gaps.
        close = bound is not None and achieved >= 0.995 * bound
        optimal = solve(built.value, True, 0.2 if close else 0.6, "value")
        achieved = _value(instance, best)
    total = sum(r.value for r in instance.requests)
    floor = built.model.new_int_var(0, total, "floor")
    built.model.add(built.value >= floor)
    _fix(built.model, floor, math.ceil(achieved * (1 - coverage_slack)))

    # The repair pass covers, cheaply and at once, most of what the CP-SAT coverage step
    # would search for; CP-SAT then only runs when the proven bound is not reached yet.
    best = cover(
        instance,
        best,
        budget=math.floor(achieved * coverage_slack),
        deadline=time.perf_counter() + 0.1 * time_limit,
    )
    reached = _met(instance, best)
    notes.append(f"repair: {len(reached)} participants met, value {_value(instance, best)}")
    built.add_coverage()
    if built.met and len(reached) < coverable:
        repaired = best
        solve(sum(built.met.values()), True, 0.5, "participants met", presolve=False)
        if len(_met(instance, best)) < len(reached):  # the solver did not keep to its hint
            best = repaired
        reached = _met(instance, best)
    elif built.met:
        notes.append(f"participants met: {len(reached)}, the bound")
    if built.met:
        built.model.add(sum(built.met.values()) >= len(reached))
    # From here on no value is lost: gaps close only by moving meetings. The hill climb first
    # (up to 15 % of the time), then CP-SAT from its result, then the hill climb again; the
    # CP-SAT step minimises blocks, not idle slots, so its result is kept only when fewer idle
    # slots remain after the second climb.
    _fix(built.model, floor, _value(instance, best))
    climbed = compact(instance, best, deadline=time.perf_counter() + 0.15 * time_limit)
    notes.append(f"hill climb: {idle_slots(instance, climbed)} idle slots")
    best = climbed
    built.add_blocks()
    if built.starts:
        solve(sum(built.starts.values()), False, 1.0, "blocks", presolve=False, until=0.85)
        best = compact(instance, best, deadline=started + 0.97 * time_limit)
        notes.append(f"blocks then hill climb: {idle_slots(instance, best)} idle slots")
        if idle_slots(instance, best) > idle_slots(instance, climbed):
            best = climbed
    return Schedule(
        assign_tables(instance, best),
        method="cp-sat",
        seconds=time.perf_counter() - started,
        optimal=optimal,
        notes=notes,
        coverable=coverable,
    )
