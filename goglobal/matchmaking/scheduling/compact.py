"""Closing idle gaps without touching value: a hill climb over two kinds of step, each taken
only when it shortens the idle time of the participants it touches.

- a move: one meeting to another slot both sides can attend, where a table (or room) is free;
- a swap: two meetings of the same kind (shared table, or virtual room) exchange slots. When
  the tables are the binding limit (150 tables for 1,000 participants), every slot is full
  and no single meeting can move: swapping keeps each slot's count, so it still can.

The same meetings stay placed, so value and coverage are kept; locked meetings do not move. It
runs before the CP-SAT step (a better start) and after it, to finish what that left when its
time ran out, and stops at `deadline` (a `time.perf_counter()` value)."""

from __future__ import annotations

import time

from goglobal.matchmaking.scheduling.instance import Instance


def _idle(slots: set[int]) -> int:
    return max(slots) - min(slots) + 1 - len(slots) if slots else 0


def idle_slots(instance: Instance, slot_of: dict[int, int]) -> int:
    """Idle slots between each participant's first and last meeting, summed."""
    return sum(_idle(slots) for slots in _Days(instance, slot_of).busy.values())


class _Days:
    """Each participant's busy slots and each slot's meetings by the resource they take."""

    def __init__(self, instance: Instance, slot_of: dict[int, int]) -> None:
        self.instance = instance
        self.slot_of = dict(slot_of)
        self.busy: dict[int, set[int]] = {}
        self.by_slot: dict[tuple[str | None, int], set[int]] = {}
        self.at: dict[tuple[int, int], int] = {}
        for rid, s in self.slot_of.items():
            request = instance.by_id[rid]
            self.at[request.a, s] = self.at[request.b, s] = rid
            self.busy.setdefault(request.a, set()).add(s)
            self.busy.setdefault(request.b, set()).add(s)
            self.by_slot.setdefault((self.kind(rid), s), set()).add(rid)

    def meeting_at(self, p: int, s: int) -> list[int]:
        found = self.at.get((p, s))
        return [] if found is None else [found]

    def kind(self, rid: int) -> str | None:
        request = self.instance.by_id[rid]
        if request.virtual:
            return "rooms"
        return "pool" if self.instance.uses_pool(request) else None

    def has_room(self, rid: int, s: int) -> bool:
        kind = self.kind(rid)
        if kind is None:
            return True
        limit = self.instance.rooms if kind == "rooms" else len(self.instance.pool_tables)
        return len(self.by_slot.get((kind, s), ())) < limit

    def gain(self, changes: list[tuple[int, int, int]]) -> int | None:
        """How much idle time moving each (meeting, from, to) at once saves; None when a
        participant would be in two places."""
        after: dict[int, set[int]] = {}
        for rid, old, _new in changes:
            request = self.instance.by_id[rid]
            for p in (request.a, request.b):
                after.setdefault(p, set(self.busy[p])).discard(old)
        for rid, _old, new in changes:
            request = self.instance.by_id[rid]
            for p in (request.a, request.b):
                if new in after[p]:
                    return None
                after[p].add(new)
        return sum(_idle(self.busy[p]) - _idle(slots) for p, slots in after.items())

    def apply(self, changes: list[tuple[int, int, int]]) -> None:
        for rid, old, _new in changes:
            request = self.instance.by_id[rid]
            self.busy[request.a].discard(old)
            self.busy[request.b].discard(old)
            del self.at[request.a, old], self.at[request.b, old]
            self.by_slot[self.kind(rid), old].discard(rid)
        for rid, _old, new in changes:
            request = self.instance.by_id[rid]
            self.busy[request.a].add(new)
            self.busy[request.b].add(new)
            self.at[request.a, new] = self.at[request.b, new] = rid
            self.by_slot.setdefault((self.kind(rid), new), set()).add(rid)
            self.slot_of[rid] = new


def compact(
    instance: Instance,
    slot_of: dict[int, int],
    *,
    passes: int = 20,
    deadline: float | None = None,
) -> dict[int, int]:
    days = _Days(instance, slot_of)
    feasible = {rid: set(instance.feasible_slots(instance.by_id[rid])) for rid in slot_of}
    for _ in range(passes):
        moved = False
        for rid in sorted(days.slot_of):
            if deadline is not None and time.perf_counter() > deadline:
                return days.slot_of
            if rid in instance.locked:
                continue
            best = _best_step(days, instance, feasible, rid)
            if best is not None:
                days.apply(best)
                moved = True
        if not moved:
            break
    return days.slot_of


def _best_step(
    days: _Days, instance: Instance, feasible: dict[int, set[int]], rid: int
) -> list[tuple[int, int, int]] | None:
    """The move or swap of meeting `rid` that saves the most idle time, if any saves some."""
    request = instance.by_id[rid]
    here = days.slot_of[rid]
    a, b = days.busy[request.a], days.busy[request.b]
    kind = days.kind(rid)
    best, most = None, 0
    for s in sorted(feasible[rid]):
        if s == here:
            continue
        if s in a or s in b:
            # One of the two is in another meeting there: exchange the two meetings' slots.
            for step in _shared_swaps(days, instance, feasible, rid, s):
                saved = days.gain(step)
                if saved is not None and saved > most:
                    best, most = step, saved
            continue
        alone = days.gain([(rid, here, s)])
        if days.has_room(rid, s):
            if alone is not None and alone > most:
                best, most = [(rid, here, s)], alone
            continue
        # The slot is full: swap with a meeting of the same kind there. Only worth a look when
        # the move alone would help this meeting's two; the other's two are weighed in `gain`.
        if kind is None or alone is None or alone <= 0:
            continue
        for other in sorted(days.by_slot.get((kind, s), ())):
            if other in instance.locked or here not in feasible[other]:
                continue
            mate = instance.by_id[other]
            if here in days.busy[mate.a] or here in days.busy[mate.b]:
                continue
            saved = days.gain([(rid, here, s), (other, s, here)])
            if saved is not None and saved > most:
                best, most = [(rid, here, s), (other, s, here)], saved
    return best


def _shared_swaps(
    days: _Days, instance: Instance, feasible: dict[int, set[int]], rid: int, s: int
) -> list[list[tuple[int, int, int]]]:
    """Swaps of meeting `rid` with the meeting one of its two has in slot `s`."""
    request = instance.by_id[rid]
    here = days.slot_of[rid]
    found = []
    for other in days.meeting_at(request.a, s) + days.meeting_at(request.b, s):
        if other in instance.locked or here not in feasible[other]:
            continue
        if days.kind(other) != days.kind(rid) and not (
            days.has_room(rid, s) and days.has_room(other, here)
        ):
            continue
        found.append([(rid, here, s), (other, s, here)])
    return found
