"""What a user may do on the missions' desk. Missions write their own notes, opportunities and
orders (ministry staff may act for any mission); enterprises express interest for the
enterprises they speak for; the ministry produces ordered content."""

from __future__ import annotations

from goglobal.accounts import access
from goglobal.accounts.access import AnyUser
from goglobal.accounts.models import Membership, Role

MISSION, MINISTRY = "mission", "ministry"


def officer_of(user: AnyUser, mission_id: int | None) -> bool:
    if mission_id is None or not access.has_role(user, Role.MISSION_OFFICER):
        return False
    return Membership.objects.filter(user_id=user.pk, mission_id=mission_id).exists()


def acts_for_mission(user: AnyUser, mission_id: int | None) -> bool:
    return access.is_staff(user) or officer_of(user, mission_id)


def can_write_for_some_mission(user: AnyUser) -> bool:
    return access.is_staff(user) or access.has_role(user, Role.MISSION_OFFICER)


def speaks_for(user: AnyUser, enterprise_id: int | None) -> bool:
    if enterprise_id is None or not access.has_role(user, Role.ENTERPRISE_REP):
        return False
    return Membership.objects.filter(user_id=user.pk, enterprise_id=enterprise_id).exists()


def can_express_interest(user: AnyUser) -> bool:
    return access.has_role(user, Role.ENTERPRISE_REP)


def roles_on_order(user: AnyUser, order) -> set[str]:
    who = set()
    if access.is_staff(user):
        who.add(MINISTRY)
    if officer_of(user, order.mission_id):
        who.add(MISSION)
    return who
