"""Reads of support cases, and the one place that says who may see which case.

Staff see every case. An enterprise representative sees their enterprise's cases (drafts
included). A mission officer sees submitted cases in the countries of its jurisdiction that the
enterprise agreed to share with the mission. An Advisory Group member sees the cases of their
agency and those referred to the whole Advisory Group. Anyone sees a case they own or
contribute to. Partner representatives and the public see none."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from goglobal.accounts import access
from goglobal.accounts.access import AnyUser
from goglobal.accounts.models import Role
from goglobal.cases.enums import CaseStatus
from goglobal.cases.models import Case, CaseTransition, Notification, RoutingRule

DUPLICATE_WINDOW_DAYS = 180
NOT_DUPLICATES = (CaseStatus.DRAFT, CaseStatus.MERGED, CaseStatus.DECLINED)


def case_visible_all(user: AnyUser) -> bool:
    """Whether the user sees every case (the metrics then read their roll-up)."""
    return access.is_staff(user)


def _visible_q(user: AnyUser) -> Q | None:
    if not user.is_authenticated:
        return None
    if case_visible_all(user):
        return Q()
    visible = Q(owner_id=user.pk) | Q(
        pk__in=Case.contributors.through.objects.filter(user_id=user.pk).values("case_id")
    )
    if access.has_role(user, Role.ENTERPRISE_REP):
        visible |= Q(enterprise_id__in=access.own_enterprise_ids(user))
    if access.has_role(user, Role.MISSION_OFFICER):
        visible |= Q(share_with_mission=True, country_id__in=access.jurisdiction_codes(user)) & ~Q(
            status=CaseStatus.DRAFT
        )
    if access.has_role(user, Role.ADVISORY_MEMBER):
        visible |= (
            Q(owning_agency_id__in=access.own_agency_ids(user)) | Q(advisory_group=True)
        ) & ~Q(status=CaseStatus.DRAFT)
    return visible


def case_visible_for_user(user: AnyUser) -> QuerySet[Case]:
    visible = _visible_q(user)
    if visible is None:
        return Case.objects.none()
    return Case.objects.filter(visible)


def case_list_for_user(
    user: AnyUser,
    *,
    status: str = "",
    category: str = "",
    country: str = "",
    enterprise_id: int | None = None,
) -> QuerySet[Case]:
    qs = case_visible_for_user(user)
    if status:
        qs = qs.filter(status=status)
    if category:
        qs = qs.filter(category=category)
    if country:
        qs = qs.filter(country_id=country.upper())
    if enterprise_id:
        qs = qs.filter(enterprise_id=enterprise_id)
    return qs.select_related("enterprise", "country", "owner").order_by("-created_at", "-id")


def case_get_for_user(user: AnyUser, case_id: int) -> Case:
    case = (
        case_visible_for_user(user)
        .select_related(
            "enterprise", "contact", "country", "owner", "owning_mission", "owning_agency"
        )
        .filter(pk=case_id)
        .first()
    )
    if case is None:
        raise Http404
    return case


def case_transitions(case: Case) -> QuerySet[CaseTransition]:
    return case.transitions.select_related("actor").order_by("at", "id")


def case_duplicate_candidates(case: Case, *, limit: int = 10) -> QuerySet[Case]:
    """Recent cases of the same enterprise, or of the same country and category: for triage to
    merge or link. Drafts, merged and declined cases are never suggested."""
    since = timezone.now() - timedelta(days=DUPLICATE_WINDOW_DAYS)
    return (
        Case.objects.filter(
            Q(enterprise_id=case.enterprise_id)
            | Q(country_id=case.country_id, category=case.category),
            created_at__gte=since,
        )
        .exclude(pk=case.pk)
        .exclude(status__in=NOT_DUPLICATES)
        .select_related("enterprise", "country")
        .order_by("-created_at", "-id")[:limit]
    )


def routing_rules_active() -> QuerySet[RoutingRule]:
    return RoutingRule.objects.filter(active=True).select_related("country", "mission", "agency")


def notification_list_for_user(user: AnyUser) -> QuerySet[Notification]:
    if not user.is_authenticated:
        return Notification.objects.none()
    return Notification.objects.filter(recipient_id=user.pk).select_related("case")
