"""Reads of the missions' desk, and the one place that says who may see which note,
opportunity, expression of interest and content order.

- Market notes: staff see all; a mission officer sees its missions' notes and any note about a
  country of its jurisdiction (an embassy and a consulate in one country share theirs); an
  enterprise representative sees the notes their author opened to enterprises; nobody else.
- Opportunities: staff see all; a mission officer those of its jurisdiction (and its own); an
  enterprise representative the open ones and those their enterprise matched or answered.
- Interests: staff; the officers of the opportunity's mission; the enterprise's representatives.
- Content orders: staff and the ordering mission's officers."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from goglobal.accounts import access
from goglobal.accounts.access import AnyUser
from goglobal.accounts.models import Role
from goglobal.desk.enums import ORDER_PENDING, NoteVisibility, OpportunityStatus
from goglobal.desk.models import (
    ContentOrder,
    ContentOrderTransition,
    MarketNote,
    Opportunity,
    OpportunityInterest,
    OpportunityMatch,
)


def _mission_scope_q(user: AnyUser) -> Q:
    return Q(mission_id__in=access.own_mission_ids(user)) | Q(
        country_id__in=access.jurisdiction_codes(user)
    )


def note_visible_for_user(user: AnyUser) -> QuerySet[MarketNote]:
    if access.is_staff(user):
        return MarketNote.objects.all()
    if access.has_role(user, Role.MISSION_OFFICER):
        return MarketNote.objects.filter(_mission_scope_q(user))
    if access.has_role(user, Role.ENTERPRISE_REP):
        return MarketNote.objects.filter(visibility=NoteVisibility.ENTERPRISES)
    return MarketNote.objects.none()


def note_list_for_user(
    user: AnyUser, *, country: str = "", mission_id: int | None = None
) -> QuerySet[MarketNote]:
    qs = note_visible_for_user(user)
    if country:
        qs = qs.filter(country_id=country.upper())
    if mission_id:
        qs = qs.filter(mission_id=mission_id)
    return qs.select_related("mission", "country", "sector", "author").order_by(
        "-created_at", "-id"
    )


def note_get_for_user(user: AnyUser, pk: int) -> MarketNote:
    found = note_list_for_user(user).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def opportunity_visible_for_user(user: AnyUser) -> QuerySet[Opportunity]:
    if access.is_staff(user):
        return Opportunity.objects.all()
    if access.has_role(user, Role.MISSION_OFFICER):
        return Opportunity.objects.filter(_mission_scope_q(user))
    if access.has_role(user, Role.ENTERPRISE_REP):
        own = access.own_enterprise_ids(user)
        return Opportunity.objects.filter(
            Q(status=OpportunityStatus.OPEN)
            | Q(
                pk__in=OpportunityMatch.objects.filter(enterprise_id__in=own).values(
                    "opportunity_id"
                )
            )
            | Q(
                pk__in=OpportunityInterest.objects.filter(enterprise_id__in=own).values(
                    "opportunity_id"
                )
            )
        )
    return Opportunity.objects.none()


def opportunity_list_for_user(
    user: AnyUser,
    *,
    country: str = "",
    kind: str = "",
    status: str = "",
    sector: str = "",
    mission_id: int | None = None,
    matched_only: bool = False,
) -> QuerySet[Opportunity]:
    qs = opportunity_visible_for_user(user)
    if country:
        qs = qs.filter(country_id=country.upper())
    if kind:
        qs = qs.filter(kind=kind)
    if status:
        qs = qs.filter(status=status)
    if sector:
        qs = qs.filter(sectors__code=sector)
    if mission_id:
        qs = qs.filter(mission_id=mission_id)
    if matched_only:
        qs = qs.filter(
            pk__in=OpportunityMatch.objects.filter(
                enterprise_id__in=access.own_enterprise_ids(user)
            ).values("opportunity_id")
        )
    return (
        qs.select_related("mission", "country", "currency")
        .prefetch_related("sectors")
        .order_by("deadline", "id")
    )


def opportunity_get_for_user(user: AnyUser, pk: int) -> Opportunity:
    found = opportunity_list_for_user(user).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def interest_visible_for_user(user: AnyUser) -> QuerySet[OpportunityInterest]:
    if access.is_staff(user):
        return OpportunityInterest.objects.all()
    if access.has_role(user, Role.MISSION_OFFICER):
        return OpportunityInterest.objects.filter(
            opportunity__mission_id__in=access.own_mission_ids(user)
        )
    if access.has_role(user, Role.ENTERPRISE_REP):
        return OpportunityInterest.objects.filter(enterprise_id__in=access.own_enterprise_ids(user))
    return OpportunityInterest.objects.none()


def interest_list_for_opportunity(user: AnyUser, opportunity: Opportunity):
    return (
        interest_visible_for_user(user)
        .filter(opportunity=opportunity)
        .select_related("enterprise", "expressed_by", "followed_up_by")
        .order_by("created_at", "id")
    )


def interest_get_for_user(user: AnyUser, opportunity: Opportunity, pk: int) -> OpportunityInterest:
    found = interest_list_for_opportunity(user, opportunity).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def match_count(opportunity: Opportunity) -> int:
    return opportunity.matches.count()


def order_visible_for_user(user: AnyUser) -> QuerySet[ContentOrder]:
    if access.is_staff(user):
        return ContentOrder.objects.all()
    if access.has_role(user, Role.MISSION_OFFICER):
        return ContentOrder.objects.filter(mission_id__in=access.own_mission_ids(user))
    return ContentOrder.objects.none()


def order_list_for_user(
    user: AnyUser,
    *,
    status: str = "",
    kind: str = "",
    mission_id: int | None = None,
    overdue: bool = False,
) -> QuerySet[ContentOrder]:
    qs = order_visible_for_user(user)
    if status:
        qs = qs.filter(status=status)
    if kind:
        qs = qs.filter(kind=kind)
    if mission_id:
        qs = qs.filter(mission_id=mission_id)
    if overdue:
        qs = qs.filter(status__in=ORDER_PENDING, deadline__lt=timezone.localdate())
    return qs.select_related("mission", "requested_by").order_by("deadline", "id")


def order_get_for_user(user: AnyUser, pk: int) -> ContentOrder:
    found = order_list_for_user(user).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def order_transitions(order: ContentOrder) -> QuerySet[ContentOrderTransition]:
    return order.transitions.select_related("actor").order_by("at", "id")
