"""The one table of allowed agreement moves. Each move stamps one date of the agreement, and
the dates must follow each other in the order of the moves (an agreement cannot be signed before
it was proposed)."""

from __future__ import annotations

from goglobal.agreements.enums import AgreementStatus as S

# (from, to) → whether a reason is required
MOVES: dict[tuple[str, str], bool] = {
    (S.PROPOSED, S.NEGOTIATING): False,
    (S.PROPOSED, S.TERMINATED): True,
    (S.NEGOTIATING, S.SIGNED): False,
    (S.NEGOTIATING, S.TERMINATED): True,
    (S.SIGNED, S.IN_FORCE): False,
    (S.SIGNED, S.TERMINATED): True,
    (S.IN_FORCE, S.EXPIRED): False,
    (S.IN_FORCE, S.TERMINATED): True,
}

# The date field a move into each status sets.
DATE_OF = {
    S.PROPOSED: "proposed_on",
    S.NEGOTIATING: "negotiation_started_on",
    S.SIGNED: "signed_on",
    S.IN_FORCE: "in_force_on",
    S.EXPIRED: "ended_on",
    S.TERMINATED: "ended_on",
}
# The dates in the order they must come.
DATE_ORDER = ("proposed_on", "negotiation_started_on", "signed_on", "in_force_on", "ended_on")


def allowed_targets(status: str) -> list[str]:
    return [to for (start, to) in MOVES if start == status]
