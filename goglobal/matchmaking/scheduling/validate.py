"""The validator every schedule goes through, whoever produced it."""

from __future__ import annotations

from goglobal.matchmaking.scheduling.instance import Instance, Schedule


def validate(instance: Instance, schedule: Schedule) -> list[str]:
    """Every broken rule, in words; an empty list means the schedule is sound."""
    problems: list[str] = []
    busy: dict[tuple[int, int], int] = {}
    tables: dict[tuple[int, int], int] = {}
    rooms: dict[tuple[int, int], int] = {}
    for rid, placement in sorted(schedule.placements.items()):
        request = instance.by_id.get(rid)
        if request is None:
            problems.append(f"meeting {rid} answers no request")
            continue
        slot = placement.slot
        if slot not in instance.feasible_slots(request):
            problems.append(f"meeting {rid} in slot {slot} outside availability")
        for p in (request.a, request.b):
            other = busy.setdefault((p, slot), rid)
            if other != rid:
                problems.append(f"participant {p} double booked in slot {slot} ({other}, {rid})")
        if request.virtual:
            if placement.table is not None or placement.room is None:
                problems.append(f"virtual meeting {rid} needs a room and no table")
            elif not 1 <= placement.room <= instance.rooms:
                problems.append(f"meeting {rid} in room {placement.room}, which does not exist")
            elif rooms.setdefault((placement.room, slot), rid) != rid:
                problems.append(f"room {placement.room} double booked in slot {slot}")
        else:
            fixed = instance.fixed_table(request)
            if placement.table is None or placement.room is not None:
                problems.append(f"meeting {rid} needs a table and no room")
            elif not 1 <= placement.table <= instance.tables:
                problems.append(f"meeting {rid} at table {placement.table}, which does not exist")
            elif fixed is not None and placement.table != fixed:
                problems.append(f"meeting {rid} away from its fixed table {fixed}")
            elif fixed is None and placement.table not in instance.pool_tables:
                problems.append(f"meeting {rid} at table {placement.table}, fixed for another")
            elif tables.setdefault((placement.table, slot), rid) != rid:
                problems.append(f"table {placement.table} double booked in slot {slot}")
    for rid, kept in instance.locked.items():
        if schedule.placements.get(rid) != kept:
            problems.append(f"locked meeting {rid} moved or dropped")
    return problems
