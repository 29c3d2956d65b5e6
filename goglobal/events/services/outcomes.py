"""Outcomes that participants report after the event."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from goglobal.accounts.access import AnyUser
from goglobal.core.errors import ConflictError
from goglobal.enterprises.services.common import require, resolve_currency, save_validated
from goglobal.events import policies
from goglobal.events.enums import ADMISSIBLE, RegistrationStatus
from goglobal.events.models import Outcome, Registration

FIELDS = ("meetings_held", "agreements", "contracts", "contract_value", "note")


def outcome_report(*, actor: AnyUser, registration: Registration, data: dict) -> Outcome:
    """Only someone who took part reports: checked in at the door, or admitted to an event that
    has ended (an online bridge point has no door)."""
    require(policies.can_manage_registration(actor, registration))
    attended = registration.status == RegistrationStatus.CHECKED_IN or (
        registration.status in ADMISSIBLE and registration.event.ends_at <= timezone.now()
    )
    if not attended:
        raise ConflictError(_("Outcomes are reported by participants after the event."))
    outcome = Outcome.objects.filter(registration=registration).first() or Outcome(
        registration=registration
    )
    for field in FIELDS:
        if data.get(field) is not None:
            value = data[field]
            setattr(outcome, field, value.strip() if isinstance(value, str) else value)
    if data.get("currency"):
        outcome.currency = resolve_currency(data["currency"])
    if outcome.contract_value and Decimal(outcome.contract_value) > 0 and not outcome.contracts:
        raise ValidationError({"contracts": _("A contract value needs at least one contract.")})
    save_validated(outcome, actor=actor)
    return outcome
