"""The scheduling problem and its answer as plain data.

Participants are plain integers, slots are 0..slots-1, tables are numbered 1..tables and virtual
rooms 1..rooms. A meeting between participants at different venues (a bridge point and the main
hall) takes a virtual room; any other takes a table. A participant with a fixed table (a booth)
holds every in-person meeting there, so such meetings never draw on the shared tables: the
participant can be in one meeting at a time, and so can the table."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

# What a placed meeting is worth by its priority (1 is the most wanted).
PRIORITY_VALUE = {1: 3, 2: 2, 3: 1}


@dataclass(frozen=True)
class Request:
    id: int
    a: int
    b: int
    value: int
    virtual: bool = False
    # The slots the two asked for; None leaves the choice to the scheduler.
    slots: frozenset[int] | None = None


@dataclass(frozen=True)
class Placement:
    slot: int
    table: int | None = None
    room: int | None = None


@dataclass
class Instance:
    slots: int
    tables: int
    requests: list[Request]
    rooms: int = 0
    # Participant → the slots they can attend; a participant absent here can attend every slot.
    availability: dict[int, frozenset[int]] = field(default_factory=dict)
    fixed_tables: dict[int, int] = field(default_factory=dict)
    # Request id → the placement that must stay put (a locked meeting).
    locked: dict[int, Placement] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_id = {request.id: request for request in self.requests}
        fixed = set(self.fixed_tables.values())
        self.pool_tables = [t for t in range(1, self.tables + 1) if t not in fixed]

    def available(self, participant: int) -> Iterable[int]:
        return self.availability.get(participant, range(self.slots))

    def feasible_slots(self, request: Request) -> list[int]:
        """The slots both participants can attend (and that the request asked for, if any)."""
        a = set(self.available(request.a))
        both = a.intersection(self.available(request.b))
        if request.slots is not None:
            both &= request.slots
        return sorted(s for s in both if 0 <= s < self.slots)

    def fixed_table(self, request: Request) -> int | None:
        if request.virtual:
            return None
        return self.fixed_tables.get(request.a) or self.fixed_tables.get(request.b)

    def uses_pool(self, request: Request) -> bool:
        return not request.virtual and self.fixed_table(request) is None

    def participants(self) -> set[int]:
        return {p for r in self.requests for p in (r.a, r.b)}


@dataclass
class Schedule:
    placements: dict[int, Placement]
    method: str
    seconds: float = 0.0
    optimal: bool = False
    notes: list[str] = field(default_factory=list)
    # The most participants any schedule of the instance gives a meeting, where computed.
    coverable: int | None = None

    def value(self, instance: Instance) -> int:
        return sum(instance.by_id[rid].value for rid in self.placements)

    def met(self, instance: Instance) -> dict[int, int]:
        counts: dict[int, int] = {}
        for rid in self.placements:
            request = instance.by_id[rid]
            for p in (request.a, request.b):
                counts[p] = counts.get(p, 0) + 1
        return counts

    def idle_gaps(self, instance: Instance) -> int:
        """Idle slots between a participant's first and last meeting, summed over everyone."""
        busy: dict[int, list[int]] = {}
        for rid, placement in self.placements.items():
            request = instance.by_id[rid]
            for p in (request.a, request.b):
                busy.setdefault(p, []).append(placement.slot)
        return sum(max(s) - min(s) + 1 - len(s) for s in busy.values())


def could_meet(instance: Instance) -> set[int]:
    """Participants with a locked meeting or at least one request that fits a slot both can
    attend. Not all of them can always meet (a popular counterpart has too few slots for
    everyone who asked): `coverage.coverage_bound` says how many can."""
    return {
        p
        for r in instance.requests
        if r.id in instance.locked or instance.feasible_slots(r)
        for p in (r.a, r.b)
    }
