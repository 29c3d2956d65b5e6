"""Closing idle gaps without touching value: a hill climb that moves one meeting at a time to
another slot both sides can attend, where a table (or room) is free, when that shortens the
two participants' idle time. The same meetings stay placed, so value and coverage are kept;
locked meetings do not move. It finishes what the CP-SAT step left when its time ran out."""

from __future__ import annotations

from goglobal.matchmaking.scheduling.instance import Instance


def _idle(slots: set[int]) -> int:
    return max(slots) - min(slots) + 1 - len(slots) if slots else 0


def compact(instance: Instance, slot_of: dict[int, int], *, passes: int = 20) -> dict[int, int]:
    slot_of = dict(slot_of)
    busy: dict[int, set[int]] = {}
    pool = [0] * instance.slots
    rooms = [0] * instance.slots
    for rid, s in slot_of.items():
        request = instance.by_id[rid]
        busy.setdefault(request.a, set()).add(s)
        busy.setdefault(request.b, set()).add(s)
        if request.virtual:
            rooms[s] += 1
        elif instance.uses_pool(request):
            pool[s] += 1
    feasible = {rid: instance.feasible_slots(instance.by_id[rid]) for rid in slot_of}
    for _ in range(passes):
        moved = False
        for rid in sorted(slot_of):
            if rid in instance.locked:
                continue
            request = instance.by_id[rid]
            here = slot_of[rid]
            a, b = busy[request.a], busy[request.b]
            before = _idle(a) + _idle(b)
            best, gain = None, 0
            for s in feasible[rid]:
                if s == here or s in a or s in b:
                    continue
                if request.virtual and rooms[s] >= instance.rooms:
                    continue
                if instance.uses_pool(request) and pool[s] >= len(instance.pool_tables):
                    continue
                after = _idle((a - {here}) | {s}) + _idle((b - {here}) | {s})
                if before - after > gain:
                    best, gain = s, before - after
            if best is None:
                continue
            for side in (a, b):
                side.discard(here)
                side.add(best)
            if request.virtual:
                rooms[here] -= 1
                rooms[best] += 1
            elif instance.uses_pool(request):
                pool[here] -= 1
                pool[best] += 1
            slot_of[rid] = best
            moved = True
        if not moved:
            break
    return slot_of
