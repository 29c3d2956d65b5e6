"""What a user may do in matchmaking. Selectors decide what they may see; these decide what
they may change. A profile speaks for its organisation: ministry staff and that enterprise's
or foreign organisation's representatives act for it."""

from __future__ import annotations

from goglobal.accounts import access
from goglobal.accounts.access import AnyUser
from goglobal.accounts.models import Membership, Role
from goglobal.events.policies import can_manage_events
from goglobal.matchmaking.models import MatchProfile, Meeting, MeetingRequest, Participant


def _own(user: AnyUser) -> tuple[set[int], set[int]]:
    """The enterprises and foreign organisations the user speaks for (cached on the user)."""
    cache = getattr(user, "_gg_match_orgs", None)
    if cache is None:
        enterprises: set[int] = set()
        foreign: set[int] = set()
        if access.has_role(user, Role.ENTERPRISE_REP) or access.has_role(user, Role.PARTNER_REP):
            for enterprise_id, foreign_id in Membership.objects.filter(user_id=user.pk).values_list(
                "enterprise_id", "foreign_organisation_id"
            ):
                if enterprise_id and access.has_role(user, Role.ENTERPRISE_REP):
                    enterprises.add(enterprise_id)
                if foreign_id and access.has_role(user, Role.PARTNER_REP):
                    foreign.add(foreign_id)
        cache = user._gg_match_orgs = (enterprises, foreign)
    return cache


def can_speak_for_organisation(
    user: AnyUser, *, enterprise_id: int | None = None, foreign_organisation_id: int | None = None
) -> bool:
    if access.is_staff(user):
        return True
    if not user.is_authenticated:
        return False
    enterprises, foreign = _own(user)
    return (enterprise_id is not None and enterprise_id in enterprises) or (
        foreign_organisation_id is not None and foreign_organisation_id in foreign
    )


def can_edit_profile(user: AnyUser, profile: MatchProfile) -> bool:
    return can_speak_for_organisation(
        user,
        enterprise_id=profile.enterprise_id,
        foreign_organisation_id=profile.foreign_organisation_id,
    )


def can_act_for(user: AnyUser, participant: Participant) -> bool:
    """Send and answer requests, set availability, see the agenda."""
    return can_edit_profile(user, participant.profile)


def can_answer(user: AnyUser, request: MeetingRequest) -> bool:
    return can_act_for(user, request.receiver)


def can_withdraw(user: AnyUser, request: MeetingRequest) -> bool:
    return can_act_for(user, request.sender)


def can_manage_matchmaking(user: AnyUser) -> bool:
    """Meeting settings, participants, running the scheduler, table plans, locking."""
    return can_manage_events(user)


def can_record_meeting(user: AnyUser, meeting: Meeting) -> bool:
    """No-show and feedback: the organisers and either side of the meeting."""
    request = meeting.request
    return (
        can_manage_matchmaking(user)
        or can_act_for(user, request.sender)
        or can_act_for(user, request.receiver)
    )
