"""The one table of allowed case moves, and who may make each.

Who, relative to a case:
- reporter: a representative of the case's enterprise;
- answerer: the reporter while the case waits on the enterprise (they answer the question);
- handler: the case's owner or a contributor, an officer of the owning mission or a member of
  the owning agency;
- staff: ministry administrators and programme officers;
- system: background tasks (closing after 14 silent days, marking stalled cases dormant).
"""

from __future__ import annotations

from dataclasses import dataclass

from goglobal.cases.enums import CaseStatus as S

REPORTER, ANSWERER, HANDLER, STAFF, SYSTEM = "reporter", "answerer", "handler", "staff", "system"


@dataclass(frozen=True)
class Move:
    who: frozenset[str]
    needs_reason: bool = False


def _move(*who: str, reason: bool = False) -> Move:
    return Move(frozenset(who), reason)


RESOLVED = (S.RESOLVED_FULL, S.RESOLVED_PART, S.NOT_RESOLVABLE)
WORKING = (S.ASSIGNED, S.IN_PROGRESS, S.WAITING)

MOVES: dict[tuple[str, str], Move] = {
    (S.DRAFT, S.SUBMITTED): _move(REPORTER, STAFF),
    # Acknowledging the case starts triage; the routing rules are applied on this move.
    (S.SUBMITTED, S.TRIAGE): _move(STAFF),
    (S.TRIAGE, S.ASSIGNED): _move(STAFF),
    (S.TRIAGE, S.DECLINED): _move(STAFF, reason=True),
    (S.TRIAGE, S.MERGED): _move(STAFF, reason=True),
    (S.TRIAGE, S.REDIRECTED): _move(STAFF, reason=True),
    (S.DECLINED, S.TRIAGE): _move(STAFF, reason=True),
    (S.ASSIGNED, S.IN_PROGRESS): _move(HANDLER, STAFF),
    (S.IN_PROGRESS, S.WAITING): _move(HANDLER, STAFF, reason=True),
    (S.WAITING, S.IN_PROGRESS): _move(ANSWERER, HANDLER, STAFF, reason=True),
    **{(S.IN_PROGRESS, done): _move(HANDLER, STAFF, reason=True) for done in RESOLVED},
    # The enterprise confirms the resolution, or the system closes after 14 silent days.
    **{(done, S.CLOSED): _move(REPORTER, STAFF, SYSTEM) for done in RESOLVED},
    # The enterprise says it is not solved after all: back to work.
    **{(done, S.IN_PROGRESS): _move(REPORTER, HANDLER, STAFF, reason=True) for done in RESOLVED},
    (S.CLOSED, S.IN_PROGRESS): _move(STAFF, reason=True),
    **{(state, S.DORMANT): _move(STAFF, SYSTEM, reason=True) for state in WORKING},
    (S.DORMANT, S.IN_PROGRESS): _move(HANDLER, STAFF, reason=True),
}

# Where the SLA clocks stop.
FINAL = frozenset({S.CLOSED, S.DECLINED, S.MERGED, S.REDIRECTED})


def allowed_targets(status: str, who: set[str]) -> list[str]:
    """The statuses the case may move to next by someone who is `who` to it, in table order."""
    return [to for (start, to), move in MOVES.items() if start == status and move.who & who]
