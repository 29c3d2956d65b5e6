"""Anonymised public summaries of cases: drafted by staff only with the enterprise's consent,
approved and published by two different people, and shown only where at least three
enterprises share the country and category (so that no summary points at one enterprise)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from goglobal.accounts.access import AnyUser
from goglobal.cases import policies
from goglobal.cases.enums import CaseStatus
from goglobal.cases.models import Case, PublicSummary
from goglobal.core.errors import ConflictError
from goglobal.enterprises.services.common import require, save_validated

MIN_ENTERPRISES = 3


@transaction.atomic
def summary_draft(*, actor: AnyUser, case: Case, text: str) -> PublicSummary:
    require(policies.can_triage(actor))
    if not case.publish_summary:
        raise ConflictError(_("The enterprise has not agreed to publish a summary of this case."))
    if case.status == CaseStatus.DRAFT:
        raise ConflictError(_("A draft case cannot be summarised."))
    if PublicSummary.objects.filter(case=case).exists():
        raise ConflictError(_("This case already has a public summary."))
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write the summary.")})
    summary = PublicSummary(
        case=case,
        sector=case.enterprise.sectors.order_by("code").first(),
        year=(case.submitted_at or case.created_at).year,
        text=text,
        drafted_by=actor,
    )
    save_validated(summary, actor=actor)
    return summary


@transaction.atomic
def summary_approve(*, actor: AnyUser, summary: PublicSummary) -> PublicSummary:
    require(policies.can_triage(actor))
    summary = PublicSummary.objects.select_for_update().get(pk=summary.pk)
    if summary.approved_at is not None:
        raise ConflictError(_("This summary is already approved."))
    summary.approved_by = actor
    summary.approved_at = timezone.now()
    save_validated(summary, actor=actor)
    return summary


@transaction.atomic
def summary_publish(*, actor: AnyUser, summary: PublicSummary) -> PublicSummary:
    require(policies.can_triage(actor))
    summary = PublicSummary.objects.select_for_update().select_related("case").get(pk=summary.pk)
    if summary.approved_at is None:
        raise ConflictError(_("A summary must be approved before it is published."))
    if summary.published_at is not None:
        raise ConflictError(_("This summary is already published."))
    if summary.approved_by_id == actor.pk:
        raise PermissionDenied(_("Someone other than the approver must publish the summary."))
    if not summary.case.publish_summary:
        raise ConflictError(_("The enterprise has not agreed to publish a summary of this case."))
    summary.published_by = actor
    summary.published_at = timezone.now()
    save_validated(summary, actor=actor)
    return summary


def summary_public_list() -> QuerySet[PublicSummary]:
    """What the public sees: published, consent standing, in a country and category that at
    least MIN_ENTERPRISES enterprises' published summaries share."""
    shown = PublicSummary.objects.filter(published_at__isnull=False, case__publish_summary=True)
    groups = (
        shown.values("case__country_id", "case__category")
        .annotate(n=Count("case__enterprise_id", distinct=True))
        .filter(n__gte=MIN_ENTERPRISES)
    )
    wanted = Q(pk__in=[])
    for row in groups:
        wanted |= Q(case__country_id=row["case__country_id"], case__category=row["case__category"])
    return (
        shown.filter(wanted)
        .select_related("case__country", "sector")
        .order_by("-year", "case__country_id", "case__category", "id")
    )
