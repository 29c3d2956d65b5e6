"""Writes of business opportunities: posting (with matching and notices), interest, the
mission's follow-up and the outcome. Posting and closing rewrite the opportunity's search
entry in their transaction (desk/search.py)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from goglobal.accounts.access import AnyUser
from goglobal.accounts.models import Membership, Role
from goglobal.cases.models import Notification
from goglobal.core.errors import ConflictError
from goglobal.desk import policies
from goglobal.desk.enums import InterestStatus, OpportunityOutcome, OpportunityStatus
from goglobal.desk.models import Opportunity, OpportunityInterest, OpportunityMatch
from goglobal.desk.services.common import as_date, country_in_jurisdiction, mission_for_writer
from goglobal.enterprises.enums import EnterpriseStatus
from goglobal.enterprises.models import Enterprise, MarketPresence, Product
from goglobal.enterprises.services.common import (
    assign,
    require,
    resolve_currency,
    resolve_sectors,
    save_validated,
)
from goglobal.search.services import search_index_record

REQUIRED = ("mission", "kind", "title", "description", "country", "deadline", "contact_name")
TEXT = ("kind", "title", "description", "contact_name", "contact_email", "contact_phone")


def _value(data: dict, opportunity: Opportunity) -> None:
    value = data.get("value")
    if value in (None, ""):
        opportunity.value, opportunity.currency = None, None
        return
    try:
        value = Decimal(str(value))
    except InvalidOperation as exc:
        raise ValidationError({"value": _("Enter a number.")}) from exc
    if value < 0:
        raise ValidationError({"value": _("The value cannot be negative.")})
    if not data.get("currency"):
        raise ValidationError({"currency": _("Give the currency of the value.")})
    opportunity.value = value
    opportunity.currency = resolve_currency(data["currency"])


def matching_enterprises(opportunity: Opportunity):
    """Active enterprises in one of the opportunity's sectors that are present in its country
    or have a product aimed at it, with which of the two holds."""
    sector_ids = opportunity.sectors.values("pk")
    in_sector = Enterprise.sectors.through.objects.filter(sector_id__in=sector_ids).values(
        "enterprise_id"
    )
    present = MarketPresence.objects.filter(
        enterprise_id=OuterRef("pk"), country_id=opportunity.country_id
    )
    targeting = Product.target_markets.through.objects.filter(
        product__enterprise_id=OuterRef("pk"), country_id=opportunity.country_id
    )
    return (
        Enterprise.objects.filter(status=EnterpriseStatus.ACTIVE, pk__in=in_sector)
        .annotate(is_present=Exists(present), is_targeting=Exists(targeting))
        .filter(Q(is_present=True) | Q(is_targeting=True))
    )


def _match_and_notify(opportunity: Opportunity) -> int:
    rows = list(matching_enterprises(opportunity).values_list("pk", "is_present", "is_targeting"))
    OpportunityMatch.objects.bulk_create(
        [
            OpportunityMatch(
                opportunity=opportunity, enterprise_id=pk, present=present, targeting=targeting
            )
            for pk, present, targeting in rows
        ],
        batch_size=500,
    )
    recipients = (
        get_user_model()
        .objects.filter(
            is_active=True,
            role=Role.ENTERPRISE_REP,
            pk__in=Membership.objects.filter(enterprise_id__in=[r[0] for r in rows]).values(
                "user_id"
            ),
        )
        .values_list("pk", flat=True)
    )
    # Stored in the platform's language, as the cases' notices are.
    with translation.override(settings.LANGUAGE_CODE):
        message = _(
            "New business opportunity in %(country)s matching your enterprise: “%(title)s” "
            "(deadline %(deadline)s)."
        ) % {
            "country": opportunity.country.name,
            "title": opportunity.title,
            "deadline": opportunity.deadline.strftime("%d/%m/%Y"),
        }
    Notification.objects.bulk_create(
        [Notification(recipient_id=pk, message=message) for pk in recipients], batch_size=500
    )
    return len(rows)


@transaction.atomic
def opportunity_create(*, actor: AnyUser, data: dict) -> Opportunity:
    """Posts the opportunity, matches it to enterprises by sector and market and notifies their
    representatives in-app, all in one transaction."""
    missing = {f: [_("This field is required.")] for f in REQUIRED if data.get(f) in (None, "")}
    if not data.get("sectors"):
        missing["sectors"] = [_("Choose at least one sector.")]
    if missing:
        raise ValidationError(missing)
    mission = mission_for_writer(actor, data["mission"])
    opportunity = Opportunity(mission=mission, created_by=actor)
    opportunity.country = country_in_jurisdiction(actor, mission, data["country"])
    assign(opportunity, data, TEXT)
    opportunity.deadline = as_date(data["deadline"], "deadline")
    if opportunity.deadline < timezone.localdate():
        raise ValidationError({"deadline": _("The deadline cannot be in the past.")})
    _value(data, opportunity)
    sectors = resolve_sectors(data["sectors"])
    save_validated(opportunity, actor=actor, m2m={"sectors": sectors})
    search_index_record(opportunity)
    _match_and_notify(opportunity)
    return opportunity


@transaction.atomic
def interest_express(
    *, actor: AnyUser, opportunity: Opportunity, enterprise_id: int, message: str = ""
) -> OpportunityInterest:
    require(policies.speaks_for(actor, enterprise_id))
    opportunity = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
    if opportunity.status != OpportunityStatus.OPEN or opportunity.deadline < timezone.localdate():
        raise ConflictError(_("This opportunity is no longer open."))
    if OpportunityInterest.objects.filter(
        opportunity=opportunity, enterprise_id=enterprise_id
    ).exists():
        raise ConflictError(_("Your enterprise has already expressed interest."))
    interest = OpportunityInterest(
        opportunity=opportunity,
        enterprise_id=enterprise_id,
        message=(message or "").strip(),
        expressed_by=actor,
    )
    save_validated(interest, actor=actor)
    return interest


@transaction.atomic
def interest_follow_up(
    *, actor: AnyUser, interest: OpportunityInterest, status: str, note: str = ""
) -> OpportunityInterest:
    interest = OpportunityInterest.objects.select_for_update().get(pk=interest.pk)
    require(policies.acts_for_mission(actor, interest.opportunity.mission_id))
    if status not in InterestStatus.values:
        raise ValidationError({"status": _("Choose a follow-up status.")})
    interest.status = status
    interest.follow_up_note = (note or "").strip()
    interest.followed_up_at = timezone.now()
    interest.followed_up_by = actor
    save_validated(interest, actor=actor)
    return interest


@transaction.atomic
def opportunity_close(
    *, actor: AnyUser, opportunity: Opportunity, outcome: str, note: str = ""
) -> Opportunity:
    """The mission closes the opportunity and records what came of it."""
    opportunity = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
    require(policies.acts_for_mission(actor, opportunity.mission_id))
    if opportunity.status == OpportunityStatus.CLOSED:
        raise ConflictError(_("This opportunity is already closed."))
    if outcome not in OpportunityOutcome.values:
        raise ValidationError({"outcome": _("Choose the outcome.")})
    opportunity.status = OpportunityStatus.CLOSED
    opportunity.outcome = outcome
    opportunity.outcome_note = (note or "").strip()
    opportunity.outcome_recorded_at = timezone.now()
    opportunity.outcome_recorded_by = actor
    save_validated(opportunity, actor=actor)
    search_index_record(opportunity)
    return opportunity
