"""Booths at fairs abroad: exhibitors with their products, and the leads they collect."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from goglobal.accounts.access import AnyUser
from goglobal.core.history import save_with_history
from goglobal.enterprises.models import Enterprise, Product
from goglobal.enterprises.services.common import require, resolve_country
from goglobal.events import policies
from goglobal.events.enums import EventKind
from goglobal.events.models import Booth, Event, Exhibitor, Lead


def booth_create(*, actor: AnyUser, event: Event, data: dict) -> Booth:
    require(policies.can_manage_events(actor))
    if event.kind != EventKind.FAIR_BOOTH:
        raise ValidationError(
            {"event": _("Booths belong to events of the kind “booth at a fair”.")}
        )
    booth = Booth(
        event=event,
        name=str(data.get("name") or "").strip(),
        location=str(data.get("location") or "").strip(),
    )
    booth.full_clean()
    booth.save()
    return booth


def exhibitor_add(
    *, actor: AnyUser, booth: Booth, enterprise_id: int, product_ids: list[int]
) -> Exhibitor:
    require(policies.can_manage_events(actor))
    enterprise = Enterprise.objects.filter(pk=enterprise_id).first()
    if enterprise is None:
        raise ValidationError({"enterprise": _("Unknown enterprise.")})
    products = list(Product.objects.filter(pk__in=set(product_ids), enterprise=enterprise))
    if len(products) != len(set(product_ids)):
        raise ValidationError({"products": _("Choose products of this enterprise.")})
    exhibitor = Exhibitor(booth=booth, enterprise=enterprise)
    try:
        with transaction.atomic():
            save_with_history(exhibitor, actor=actor, m2m={"products": products})
    except IntegrityError as exc:
        raise ValidationError(
            {"enterprise": _("This enterprise already exhibits at this booth.")}
        ) from exc
    return exhibitor


LEAD_FIELDS = ("full_name", "organisation", "email", "interest", "follow_up_note")


def _fill_lead(lead: Lead, data: dict) -> None:
    for field in LEAD_FIELDS:
        if field in data:
            setattr(lead, field, str(data.get(field) or "").strip())
    if "country" in data:
        lead.country = resolve_country(data["country"]) if data["country"] else None
    if data.get("follow_up"):
        lead.follow_up = data["follow_up"]
    lead.full_clean(exclude=["collected_by"])


def lead_record(*, actor: AnyUser, exhibitor: Exhibitor, data: dict) -> Lead:
    """The exhibitor's representative (or staff) records a visitor who agreed to be contacted."""
    require(policies.can_speak_for(actor, exhibitor.enterprise_id))
    if not data.get("consent_to_contact"):
        raise ValidationError(
            {"consent_to_contact": _("Record a lead only when the visitor agreed to be contacted.")}
        )
    lead = Lead(exhibitor=exhibitor, collected_by=actor, consent_to_contact=True)
    _fill_lead(lead, data)
    save_with_history(lead, actor=actor)
    return lead


def lead_update(*, actor: AnyUser, lead: Lead, data: dict) -> Lead:
    """Corrects a lead or records how its follow-up went (the history keeps the earlier values)."""
    require(policies.can_speak_for(actor, lead.exhibitor.enterprise_id))
    with transaction.atomic():
        lead = Lead.objects.select_for_update().select_related("exhibitor").get(pk=lead.pk)
        _fill_lead(lead, data)
        save_with_history(lead, actor=actor)
    return lead
