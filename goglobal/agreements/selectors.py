"""Reads of agreements, and the one place that says who may see which.

Staff see every agreement. Once signed an agreement is public (its signing is announced), so
everyone sees those signed at some point. A mission officer also sees agreements still being
proposed or negotiated with the countries of its jurisdiction (they help negotiate them).
Linked cases and events are shown only as far as their own selectors allow."""

from __future__ import annotations

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from goglobal.accounts import access
from goglobal.accounts.access import AnyUser
from goglobal.accounts.models import Role
from goglobal.agreements.models import Agreement, AgreementTransition, Signatory
from goglobal.cases.selectors import case_visible_for_user
from goglobal.events.selectors import event_visible_for_user


def _visible_q(user: AnyUser) -> Q:
    if access.is_staff(user):
        return Q()
    visible = Q(signed_on__isnull=False)
    if access.has_role(user, Role.MISSION_OFFICER):
        visible |= Q(partner_country_id__in=access.jurisdiction_codes(user))
    return visible


def agreement_visible_for_user(user: AnyUser) -> QuerySet[Agreement]:
    return Agreement.objects.filter(_visible_q(user))


def agreement_list_for_user(
    user: AnyUser, *, country: str = "", kind: str = "", status: str = ""
) -> QuerySet[Agreement]:
    qs = agreement_visible_for_user(user)
    if country:
        qs = qs.filter(partner_country_id=country.upper())
    if kind:
        qs = qs.filter(kind=kind)
    if status:
        qs = qs.filter(status=status)
    return qs.select_related("partner_country").order_by("-proposed_on", "-id")


def agreement_get_for_user(user: AnyUser, pk: int) -> Agreement:
    found = (
        agreement_visible_for_user(user)
        .select_related("partner_country", "upgraded_from")
        .prefetch_related(
            Prefetch("signatories", queryset=Signatory.objects.order_by("side", "id")),
            Prefetch(
                "transitions",
                queryset=AgreementTransition.objects.select_related("actor").order_by("at", "id"),
            ),
        )
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404
    return found


def agreement_lineage(user: AnyUser, agreement: Agreement) -> list[Agreement]:
    """The chain the agreement belongs to, oldest first: what it upgraded and what upgraded it,
    as far as the user may see (an unseen link ends the chain there)."""
    visible = agreement_visible_for_user(user).select_related("partner_country")
    chain = [agreement]
    seen = {agreement.pk}
    current = agreement
    while current.upgraded_from_id and current.upgraded_from_id not in seen:
        current = visible.filter(pk=current.upgraded_from_id).first()
        if current is None:
            break
        chain.insert(0, current)
        seen.add(current.pk)
    current = agreement
    while True:
        nxt = visible.filter(upgraded_from_id=current.pk).exclude(pk__in=seen).first()
        if nxt is None:
            break
        chain.append(nxt)
        seen.add(nxt.pk)
        current = nxt
    return chain


def agreement_cases_for_user(user: AnyUser, agreement: Agreement):
    return (
        case_visible_for_user(user)
        .filter(agreements=agreement)
        .select_related("enterprise", "country")
        .order_by("-created_at", "-id")
    )


def agreement_events_for_user(user: AnyUser, agreement: Agreement):
    return event_visible_for_user(user).filter(agreements=agreement).order_by("starts_at", "id")
