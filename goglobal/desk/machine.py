"""The one table of allowed content-order moves and who makes each: the mission that ordered
(mission) or the ministry's staff (ministry)."""

from __future__ import annotations

from dataclasses import dataclass

from goglobal.desk.enums import OrderStatus as S
from goglobal.desk.policies import MINISTRY, MISSION


@dataclass(frozen=True)
class Move:
    who: str
    needs_reason: bool = False


MOVES: dict[tuple[str, str], Move] = {
    (S.REQUESTED, S.ACCEPTED): Move(MINISTRY),
    # The ministry sends an order back (unclear, out of scope) with its reason…
    (S.REQUESTED, S.RETURNED): Move(MINISTRY, needs_reason=True),
    # …and the mission sends it again once changed, or drops it.
    (S.RETURNED, S.REQUESTED): Move(MISSION),
    (S.RETURNED, S.CANCELLED): Move(MISSION, needs_reason=True),
    (S.REQUESTED, S.CANCELLED): Move(MISSION, needs_reason=True),
    (S.ACCEPTED, S.IN_PRODUCTION): Move(MINISTRY),
    # Delivery needs the files (checked by the service).
    (S.IN_PRODUCTION, S.DELIVERED): Move(MINISTRY),
    (S.DELIVERED, S.CONFIRMED): Move(MISSION),
    # The mission asks for changes: back to production, with what to change.
    (S.DELIVERED, S.IN_PRODUCTION): Move(MISSION, needs_reason=True),
}


def allowed_targets(status: str, who: set[str]) -> list[str]:
    return [to for (start, to), move in MOVES.items() if start == status and move.who in who]
