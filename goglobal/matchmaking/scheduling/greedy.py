"""The fast placement: live booking, and the warm start of the optimisation."""

from __future__ import annotations

import time

from goglobal.matchmaking.scheduling.instance import Instance, Placement, Schedule


def assign_tables(instance: Instance, slot_of: dict[int, int]) -> dict[int, Placement]:
    """Concrete tables and rooms for meetings already given a slot. Locked meetings keep theirs,
    meetings of a participant with a fixed table go there, the rest take the free shared tables
    in order. The slot choice has already respected the counts, so a table is always free."""
    placements: dict[int, Placement] = {}
    taken_tables: dict[int, set[int]] = {}
    taken_rooms: dict[int, set[int]] = {}
    for rid, slot in slot_of.items():
        kept = instance.locked.get(rid)
        if kept is not None and kept.slot == slot:
            placements[rid] = kept
            if kept.table is not None:
                taken_tables.setdefault(slot, set()).add(kept.table)
            if kept.room is not None:
                taken_rooms.setdefault(slot, set()).add(kept.room)
    for rid, slot in sorted(slot_of.items(), key=lambda item: (item[1], item[0])):
        if rid in placements:
            continue
        request = instance.by_id[rid]
        if request.virtual:
            used = taken_rooms.setdefault(slot, set())
            room = next(r for r in range(1, instance.rooms + 1) if r not in used)
            used.add(room)
            placements[rid] = Placement(slot, room=room)
            continue
        used = taken_tables.setdefault(slot, set())
        table = instance.fixed_table(request)
        if table is None:
            table = next(t for t in instance.pool_tables if t not in used)
        used.add(table)
        placements[rid] = Placement(slot, table=table)
    return placements


def greedy(instance: Instance, guide: dict[tuple[int, int], float] | None = None) -> Schedule:
    """Locked meetings first, then the most valuable requests, the hardest to place (fewest
    slots left) first among equals; each into the free slot next to the pair's other meetings
    (no idle gaps), else the earliest.

    With `guide` (the linear relaxation's fractions, see `lp_relaxation`) the requests go in
    the order of their fraction and each tries the slots the relaxation gave it first: the
    relaxation has already weighed the conflicts that plain value order ignores."""
    started = time.perf_counter()
    busy: set[tuple[int, int]] = set()
    pool = [0] * instance.slots
    rooms = [0] * instance.slots
    slot_of: dict[int, int] = {}

    def take(rid: int, slot: int) -> None:
        request = instance.by_id[rid]
        busy.add((request.a, slot))
        busy.add((request.b, slot))
        if request.virtual:
            rooms[slot] += 1
        elif instance.uses_pool(request):
            pool[slot] += 1
        slot_of[rid] = slot

    for rid, kept in instance.locked.items():
        take(rid, kept.slot)
    feasible = {r.id: instance.feasible_slots(r) for r in instance.requests}
    share: dict[int, float] = {}
    if guide:
        for (rid, _slot), fraction in guide.items():
            share[rid] = share.get(rid, 0.0) + fraction
        for rid, slots in feasible.items():
            slots.sort(key=lambda s, rid=rid: -guide.get((rid, s), 0.0))
    order = sorted(
        (r for r in instance.requests if r.id not in slot_of),
        key=lambda r: (-share.get(r.id, 0.0), -r.value, len(feasible[r.id]), r.id),
    )
    for request in order:
        free = [
            s
            for s in feasible[request.id]
            if (request.a, s) not in busy
            and (request.b, s) not in busy
            and (
                rooms[s] < instance.rooms
                if request.virtual
                else not instance.uses_pool(request) or pool[s] < len(instance.pool_tables)
            )
        ]
        if not free:
            continue
        near = [
            s
            for s in free
            if any((p, s + d) in busy for p in (request.a, request.b) for d in (-1, 1))
        ]
        take(request.id, free[0] if guide else (near or free)[0])
    placements = assign_tables(instance, slot_of)
    return Schedule(
        placements,
        method="guided greedy" if guide else "greedy",
        seconds=time.perf_counter() - started,
    )
