"""Who a user is in the programme: their role and the organisations their memberships tie them
to. Every selector and policy asks these questions here, as subqueries, so scoping costs no extra
round-trips and is written once."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet

from goglobal.accounts.models import STAFF_ROLES, Membership, Role, User

AnyUser = User | AnonymousUser


def role_of(user: AnyUser) -> str:
    if not user.is_authenticated:
        return ""
    return getattr(user, "role", "") or ""


def is_staff(user: AnyUser) -> bool:
    """Ministry staff (administrators and programme officers) see the whole registry."""
    return user.is_authenticated and (user.is_superuser or role_of(user) in STAFF_ROLES)


def has_role(user: AnyUser, role: Role) -> bool:
    return role_of(user) == role


def _memberships(user: AnyUser) -> QuerySet[Membership]:
    return Membership.objects.filter(user_id=user.pk)


def own_enterprise_ids(user: AnyUser) -> QuerySet:
    """Enterprises an enterprise representative speaks for (empty for every other role)."""
    if not has_role(user, Role.ENTERPRISE_REP):
        return Membership.objects.none().values("enterprise_id")
    return _memberships(user).filter(enterprise__isnull=False).values("enterprise_id")


def own_foreign_organisation_ids(user: AnyUser) -> QuerySet:
    if not has_role(user, Role.PARTNER_REP):
        return Membership.objects.none().values("foreign_organisation_id")
    return (
        _memberships(user)
        .filter(foreign_organisation__isnull=False)
        .values("foreign_organisation_id")
    )


def own_mission_ids(user: AnyUser) -> QuerySet:
    if not has_role(user, Role.MISSION_OFFICER):
        return Membership.objects.none().values("mission_id")
    return _memberships(user).filter(mission__isnull=False).values("mission_id")


def own_agency_ids(user: AnyUser) -> QuerySet:
    if not has_role(user, Role.ADVISORY_MEMBER):
        return Membership.objects.none().values("agency_id")
    return _memberships(user).filter(agency__isnull=False).values("agency_id")


def jurisdiction_codes(user: AnyUser) -> QuerySet:
    """Country codes covered by the user's missions (every country of a multi-country
    accreditation), as a subquery."""
    from goglobal.missions.models import Mission

    return Mission.jurisdiction.through.objects.filter(mission_id__in=own_mission_ids(user)).values(
        "country_id"
    )
