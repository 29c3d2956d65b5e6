"""Missions are public: anyone may see where Vietnam is represented and which countries each
mission covers."""

from __future__ import annotations

from django.db.models import Count, QuerySet
from django.http import Http404

from goglobal.accounts import access
from goglobal.accounts.access import AnyUser
from goglobal.accounts.models import Membership, Role
from goglobal.enterprises.models import Enterprise, MarketPresence
from goglobal.enterprises.selectors import enterprise_visible_for_user
from goglobal.missions.models import Mission


def mission_list_for_user(user: AnyUser, *, country: str = "", kind: str = "") -> QuerySet[Mission]:
    qs = Mission.objects.all()
    if country:
        qs = qs.filter(jurisdiction__code=country.upper())
    if kind:
        qs = qs.filter(kind=kind)
    return (
        qs.select_related("host_country")
        .prefetch_related("jurisdiction")
        .annotate(country_count=Count("jurisdiction", distinct=True))
        .order_by("name_vi", "id")
    )


def mission_get_for_user(user: AnyUser, pk: int) -> Mission:
    try:
        return (
            Mission.objects.select_related("host_country")
            .prefetch_related("jurisdiction")
            .get(pk=pk)
        )
    except Mission.DoesNotExist as exc:
        raise Http404 from exc


def mission_enterprises_for_user(user: AnyUser, mission: Mission) -> QuerySet[Enterprise]:
    """Vietnamese enterprises present in any country of the mission's jurisdiction."""
    present = MarketPresence.objects.filter(country__in=mission.jurisdiction.all()).values(
        "enterprise_id"
    )
    return (
        enterprise_visible_for_user(user)
        .filter(pk__in=present)
        .select_related("province")
        .order_by("name_folded", "id")
    )


def can_create_mission(user: AnyUser) -> bool:
    return access.is_staff(user)


def can_change_mission_scope(user: AnyUser) -> bool:
    """A mission's kind, host country and jurisdiction decide whose contacts and aggregates its
    officers see, so only ministry staff set them."""
    return access.is_staff(user)


def can_edit_mission(user: AnyUser, mission: Mission) -> bool:
    if access.is_staff(user):
        return True
    return (
        access.has_role(user, Role.MISSION_OFFICER)
        and Membership.objects.filter(user_id=user.pk, mission_id=mission.pk).exists()
    )


def mission_own_for_user(user: AnyUser) -> QuerySet[Mission]:
    """The missions a mission officer works for (none for other roles)."""
    return (
        Mission.objects.filter(pk__in=access.own_mission_ids(user))
        .select_related("host_country")
        .prefetch_related("jurisdiction")
        .order_by("name_vi", "id")
    )
