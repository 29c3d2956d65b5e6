"""Who can have a meeting at all: a proven bound on the participants any schedule covers, and a
repair pass that gives a meeting to participants the value-first schedule left without.

The bound is a maximum bipartite matching. Each participant p left to cover is matched to a
"seat" (q, s): the counterpart q in slot s, for a request between p and q that both can attend
in s. Any schedule yields such a matching — each covered participant takes the seat of the
counterpart of one of its meetings, and no seat is taken twice, because q meets one participant
in slot s. So no schedule covers more participants than the largest matching (plus those
covered by locked meetings). It ignores the tables, so it can overstate; when a schedule
reaches it, that schedule's coverage is optimal."""

from __future__ import annotations

import time

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import maximum_bipartite_matching

from goglobal.matchmaking.scheduling.instance import Instance


def coverage_bound(instance: Instance) -> int:
    """No schedule of `instance` gives a meeting to more participants than this."""
    locked_seats = set()
    covered = set()
    pool_used = [0] * instance.slots
    rooms_used = [0] * instance.slots
    for rid, kept in instance.locked.items():
        request = instance.by_id[rid]
        locked_seats.update({(request.a, kept.slot), (request.b, kept.slot)})
        covered.update({request.a, request.b})
        if request.virtual:
            rooms_used[kept.slot] += 1
        elif instance.uses_pool(request):
            pool_used[kept.slot] += 1
    rows: dict[int, int] = {}
    seats: dict[tuple[int, int], int] = {}
    edges_row: list[int] = []
    edges_col: list[int] = []
    for request in instance.requests:
        if request.id in instance.locked:
            continue
        for s in instance.feasible_slots(request):
            if (request.a, s) in locked_seats or (request.b, s) in locked_seats:
                continue
            if request.virtual and rooms_used[s] >= instance.rooms:
                continue
            if instance.uses_pool(request) and pool_used[s] >= len(instance.pool_tables):
                continue
            for p, q in ((request.a, request.b), (request.b, request.a)):
                if p in covered:
                    continue
                edges_row.append(rows.setdefault(p, len(rows)))
                edges_col.append(seats.setdefault((q, s), len(seats)))
    if not rows:
        return len(covered)
    graph = csr_matrix(
        (np.ones(len(edges_row), dtype=np.int8), (edges_row, edges_col)),
        shape=(len(rows), len(seats)),
    )
    matched = maximum_bipartite_matching(graph, perm_type="column")
    return len(covered) + int((matched >= 0).sum())


class _State:
    """A schedule being repaired: who is busy when, and the shared tables and rooms used."""

    def __init__(self, instance: Instance, slot_of: dict[int, int]) -> None:
        self.instance = instance
        self.slot_of: dict[int, int] = {}
        self.busy: dict[tuple[int, int], int] = {}
        self.count: dict[int, int] = {}
        self.used: dict[tuple[str, int], list[int]] = {}
        for rid, s in slot_of.items():
            self.place(rid, s)

    def resource(self, rid: int) -> str | None:
        request = self.instance.by_id[rid]
        if request.virtual:
            return "rooms"
        return "pool" if self.instance.uses_pool(request) else None

    def capacity(self, resource: str) -> int:
        return self.instance.rooms if resource == "rooms" else len(self.instance.pool_tables)

    def full(self, resource: str | None, s: int) -> bool:
        return resource is not None and len(self.used.get((resource, s), [])) >= self.capacity(
            resource
        )

    def place(self, rid: int, s: int) -> None:
        request = self.instance.by_id[rid]
        self.slot_of[rid] = s
        for p in (request.a, request.b):
            self.busy[p, s] = rid
            self.count[p] = self.count.get(p, 0) + 1
        resource = self.resource(rid)
        if resource is not None:
            self.used.setdefault((resource, s), []).append(rid)

    def remove(self, rid: int) -> int:
        request = self.instance.by_id[rid]
        s = self.slot_of.pop(rid)
        for p in (request.a, request.b):
            del self.busy[p, s]
            self.count[p] -= 1
        resource = self.resource(rid)
        if resource is not None:
            self.used[resource, s].remove(rid)
        return s

    def free_slot(self, rid: int, feasible: list[int], avoid: int) -> int | None:
        """Another slot both sides of placed meeting `rid` could move to."""
        request = self.instance.by_id[rid]
        resource = self.resource(rid)
        for s in feasible:
            if s == avoid or (request.a, s) in self.busy or (request.b, s) in self.busy:
                continue
            if not self.full(resource, s):
                return s
        return None

    def spare(self, rid: int) -> bool:
        """Dropping the meeting leaves both sides with another one."""
        request = self.instance.by_id[rid]
        return self.count[request.a] >= 2 and self.count[request.b] >= 2


def cover(
    instance: Instance,
    slot_of: dict[int, int],
    *,
    budget: int,
    deadline: float | None = None,
) -> dict[int, int]:
    """Gives a meeting to participants the schedule leaves without, giving up at most `budget`
    of value in all. For each such participant it tries every request and slot they could
    attend; the counterpart is freed by moving their meeting in that slot elsewhere (or, when
    it cannot move, dropping it if its other side keeps a meeting), and a shared table or room
    by moving (or dropping) another meeting of that slot. The cheapest way wins; moves cost
    nothing, drops their value. Locked meetings stay put. Stops at `deadline` (a
    `time.perf_counter()` value) with the participants repaired so far."""
    state = _State(instance, slot_of)
    feasible = {r.id: instance.feasible_slots(r) for r in instance.requests}
    mine: dict[int, list[int]] = {}
    for request in instance.requests:
        if feasible[request.id] and request.id not in instance.locked:
            mine.setdefault(request.a, []).append(request.id)
            mine.setdefault(request.b, []).append(request.id)
    spent = 0

    def attempt(rid: int, s: int) -> tuple[int, list] | None:
        """Applies a way to place `rid` in `s`; returns its cost and the undo steps."""
        request = instance.by_id[rid]
        undo: list = []
        cost = -request.value
        for p in (request.a, request.b):
            other = state.busy.get((p, s))
            if other is None:
                continue
            if other in instance.locked:
                return _rollback(state, undo)
            target = state.free_slot(other, feasible[other], s)
            state.remove(other)
            undo.append((other, s))
            if target is not None:
                state.place(other, target)
                undo.append((other, None))
            elif _keeps(state, instance, other, p):
                cost += instance.by_id[other].value
            else:
                return _rollback(state, undo)
        resource = state.resource(rid)
        if state.full(resource, s):
            movable = sorted(
                state.used.get((resource, s), []), key=lambda m: instance.by_id[m].value
            )
            moved = False
            for other in movable:
                if other in instance.locked:
                    continue
                target = state.free_slot(other, feasible[other], s)
                if target is not None:
                    state.remove(other)
                    undo.append((other, s))
                    state.place(other, target)
                    undo.append((other, None))
                    moved = True
                    break
            if not moved:
                dropped = next(
                    (m for m in movable if m not in instance.locked and state.spare(m)), None
                )
                if dropped is None:
                    return _rollback(state, undo)
                state.remove(dropped)
                undo.append((dropped, s))
                cost += instance.by_id[dropped].value
        state.place(rid, s)
        undo.append((rid, None))
        return cost, undo

    waiting = sorted(
        (p for p in mine if state.count.get(p, 0) == 0),
        key=lambda p: (len(mine[p]), p),
    )
    for p in waiting:
        if deadline is not None and time.perf_counter() > deadline:
            break
        if state.count.get(p, 0):
            continue  # covered meanwhile, as the counterpart of someone else's repair
        best: tuple[int, int, int] | None = None
        for rid in mine[p]:
            if rid in state.slot_of:
                continue
            for s in feasible[rid]:
                tried = attempt(rid, s)
                if tried is None:
                    continue
                cost, undo = tried
                _rollback(state, undo)
                if best is None or cost < best[0]:
                    best = (cost, rid, s)
        if best is None or spent + best[0] > budget:
            continue
        applied = attempt(best[1], best[2])
        if applied is not None:
            spent += applied[0]
    return dict(state.slot_of)


def _keeps(state: _State, instance: Instance, other: int, freed: int) -> bool:
    """Meeting `other` may be dropped to free participant `freed`: its other side keeps a
    meeting (`freed` gets the new one)."""
    request = instance.by_id[other]
    side = request.b if request.a == freed else request.a
    return state.count[side] >= 1


def _rollback(state: _State, undo: list) -> None:
    for rid, slot in reversed(undo):
        if slot is None:
            state.remove(rid)
        else:
            state.place(rid, slot)
    return None
