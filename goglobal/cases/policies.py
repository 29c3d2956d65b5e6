"""What a user may do to a case. `selectors` decide what they may see; the move table in
`machine` decides which status changes exist and who, relative to the case, may make them."""

from __future__ import annotations

from goglobal.accounts import access
from goglobal.accounts.access import AnyUser
from goglobal.accounts.models import Membership, Role
from goglobal.cases import machine
from goglobal.cases.enums import CaseStatus, WaitingOn
from goglobal.cases.models import Case


def speaks_for(user: AnyUser, enterprise_id: int | None) -> bool:
    if enterprise_id is None or not access.has_role(user, Role.ENTERPRISE_REP):
        return False
    return Membership.objects.filter(user_id=user.pk, enterprise_id=enterprise_id).exists()


def _handles(user: AnyUser, case: Case) -> bool:
    if not user.is_authenticated:
        return False
    if case.owner_id == user.pk:
        return True
    if case.pk and case.contributors.filter(pk=user.pk).exists():
        return True
    if case.owning_mission_id and access.has_role(user, Role.MISSION_OFFICER):
        return Membership.objects.filter(
            user_id=user.pk, mission_id=case.owning_mission_id
        ).exists()
    if case.owning_agency_id and access.has_role(user, Role.ADVISORY_MEMBER):
        return Membership.objects.filter(user_id=user.pk, agency_id=case.owning_agency_id).exists()
    return False


def roles_on_case(user: AnyUser | None, case: Case) -> set[str]:
    """Who the user is to this case, in the move table's terms (None is the system)."""
    if user is None:
        return {machine.SYSTEM}
    who: set[str] = set()
    if access.is_staff(user):
        who.add(machine.STAFF)
    if speaks_for(user, case.enterprise_id):
        who.add(machine.REPORTER)
        if case.status == CaseStatus.WAITING and case.waiting_on == WaitingOn.ENTERPRISE:
            who.add(machine.ANSWERER)
    if _handles(user, case):
        who.add(machine.HANDLER)
    return who


def can_file_case(user: AnyUser, enterprise_id: int | None) -> bool:
    return access.is_staff(user) or speaks_for(user, enterprise_id)


def can_file_any_case(user: AnyUser) -> bool:
    return access.is_staff(user) or access.has_role(user, Role.ENTERPRISE_REP)


def can_edit_case(user: AnyUser, case: Case) -> bool:
    """The enterprise's own words can be changed only while the case is a draft."""
    return case.status == CaseStatus.DRAFT and can_file_case(user, case.enterprise_id)


def can_triage(user: AnyUser) -> bool:
    """Priority, owner, contributors, owning mission and agency."""
    return access.is_staff(user)


def can_rate(user: AnyUser, case: Case) -> bool:
    return case.status == CaseStatus.CLOSED and speaks_for(user, case.enterprise_id)


def can_edit_routing_rules(user: AnyUser) -> bool:
    return user.is_authenticated and (user.is_superuser or access.has_role(user, Role.ADMIN))


def can_see_briefings(user: AnyUser) -> bool:
    return access.is_staff(user) or access.has_role(user, Role.ADVISORY_MEMBER)


def can_manage_briefings(user: AnyUser) -> bool:
    """Plan briefings, assemble agendas, record minutes and action items."""
    return access.is_staff(user)


def can_nominate(user: AnyUser, case: Case) -> bool:
    return (
        access.is_staff(user)
        or access.has_role(user, Role.ADVISORY_MEMBER)
        or machine.HANDLER in roles_on_case(user, case)
    )


def can_chair(user: AnyUser, briefing) -> bool:
    return access.has_role(user, Role.ADMIN) or (
        user.is_authenticated and briefing.chair_id == user.pk
    )


def can_complete_action(user: AnyUser, item) -> bool:
    return access.is_staff(user) or (user.is_authenticated and item.owner_id == user.pk)
