"""Tickets and check-in. A ticket is the registration's id, its event's id and a random nonce,
signed with the site's key: it cannot be guessed or altered, and one event's ticket does not
open another's door."""

from __future__ import annotations

import datetime as dt

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from goglobal.accounts.access import AnyUser
from goglobal.core.errors import ConflictError
from goglobal.core.history import save_with_history
from goglobal.enterprises.services.common import require
from goglobal.events import policies
from goglobal.events.enums import ADMISSIBLE, RegistrationStatus
from goglobal.events.models import Event, Registration, Venue

SALT = "goglobal.events.ticket"


def ticket_token(registration: Registration) -> str:
    payload = {"r": registration.pk, "e": registration.event_id, "n": registration.ticket_nonce}
    # No timestamp: a ticket stays the same however often it is shown.
    return signing.Signer(salt=SALT).sign_object(payload, compress=True)


def ticket_registration(
    token: str, *, event: Event | None = None, venue: Venue | None = None
) -> Registration:
    """The registration a ticket stands for, if the ticket is genuine (and for `event`, and
    `venue`: a bridge point's door admits its own participants only)."""
    forged = ValidationError({"code": _("This ticket is not valid: it is forged or damaged.")})
    try:
        payload = signing.Signer(salt=SALT).unsign_object((token or "").strip())
    except signing.BadSignature as exc:
        raise forged from exc
    if not isinstance(payload, dict) or not {"r", "e", "n"} <= payload.keys():
        raise forged
    if event is not None and payload["e"] != event.pk:
        raise ValidationError({"code": _("This ticket is for another event.")})
    found = (
        Registration.objects.select_related("event", "venue")
        .filter(pk=payload["r"], event_id=payload["e"], ticket_nonce=payload["n"])
        .first()
    )
    if found is None:
        raise forged
    if venue is not None and found.venue_id != venue.pk:
        raise ValidationError(
            {"code": _("This ticket is for another venue: %(venue)s.") % {"venue": found.venue}}
        )
    return found


def _local_time(registration: Registration, moment: dt.datetime) -> str:
    return registration.venue.local(moment).strftime("%H:%M")


def registration_check_in(
    *, actor: AnyUser, registration: Registration, now: dt.datetime | None = None
) -> Registration:
    """Admits the participant once; a second scan says when the first one was. Staff admit at
    any venue, a mission officer at the bridge points of the mission's jurisdiction."""
    now = now or timezone.now()
    with transaction.atomic():
        registration = (
            Registration.objects.select_for_update()
            .select_related("event", "venue")
            .get(pk=registration.pk)
        )
        require(policies.can_check_in(actor, registration.venue))
        if registration.status == RegistrationStatus.CHECKED_IN:
            raise ConflictError(
                _("%(name)s was already checked in at %(time)s.")
                % {
                    "name": registration.full_name,
                    "time": _local_time(registration, registration.checked_in_at),
                }
            )
        if registration.status not in ADMISSIBLE:
            raise ConflictError(
                _("%(name)s cannot be admitted: the registration is %(status)s.")
                % {
                    "name": registration.full_name,
                    "status": registration.get_status_display().lower(),
                }
            )
        registration.status = RegistrationStatus.CHECKED_IN
        registration.checked_in_at = now
        save_with_history(registration, actor=actor)
    return registration
