"""Registration, the waiting list, moderation and invitations.

Seats: a venue's seats are held by the registrations whose status is in SEAT_HOLDING. Every
write that could take or free a seat first locks the venue row (SELECT … FOR UPDATE on
PostgreSQL; on SQLite the IMMEDIATE transaction mode already serialises writers at BEGIN), then
counts the held seats, so two registrations can never both see the last seat free."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from goglobal.accounts.access import AnyUser
from goglobal.core.errors import ConflictError
from goglobal.core.history import save_with_history
from goglobal.enterprises.models import Enterprise
from goglobal.enterprises.services.common import require, resolve_country
from goglobal.events import policies
from goglobal.events.enums import (
    ENDED,
    SEAT_HOLDING,
    Criterion,
    RegistrationStatus,
)
from goglobal.events.models import Event, Registration, Score, Venue

S = RegistrationStatus
PERSON_FIELDS = ("full_name", "email", "organisation")


def _locked_venue(venue_id: int) -> Venue:
    return Venue.objects.select_for_update().select_related("event").get(pk=venue_id)


def _held(venue: Venue) -> int:
    return Registration.objects.filter(venue_id=venue.pk, status__in=SEAT_HOLDING).count()


def _save(registration: Registration, actor: AnyUser) -> None:
    save_with_history(registration, actor=actor)
    _notify(registration)


def _notify(registration: Registration) -> None:
    """Mails the participant their new status once the transaction commits. Robust: a failing
    queue must not turn a committed registration into an error page."""
    from goglobal.events.tasks import registration_notify_task  # tasks import the services

    pk = registration.pk
    transaction.on_commit(lambda: registration_notify_task.enqueue(pk), robust=True)


def _person(*, actor: AnyUser, event: Event, venue: Venue, data: dict) -> Registration:
    """A registration built from the form or request body and validated, not yet saved."""
    if venue.event_id != event.pk:
        raise ValidationError({"venue": _("Choose one of this event's venues.")})
    registration = Registration(event=event, venue=venue, status=S.APPLIED)
    for field in PERSON_FIELDS:
        setattr(registration, field, str(data.get(field) or "").strip())
    registration.email = registration.email.lower()
    if data.get("country"):
        registration.country = resolve_country(data["country"])
    enterprise_id = data.get("enterprise")
    if enterprise_id:
        if not policies.can_speak_for(actor, int(enterprise_id)):
            raise ValidationError(
                {"enterprise": _("You can only register enterprises you represent.")}
            )
        registration.enterprise = Enterprise.objects.filter(pk=enterprise_id).first()
        if registration.enterprise is None:
            raise ValidationError({"enterprise": _("Unknown enterprise.")})
        registration.organisation = registration.organisation or registration.enterprise.name_vi
    elif event.moderated:
        raise ValidationError(
            {"enterprise": _("Delegations take applications from enterprises: choose one.")}
        )
    if actor.is_authenticated:
        registration.user = actor
    registration.full_clean(exclude=["event", "venue", "user", "status"])
    return registration


def _refuse_duplicate(registration: Registration) -> None:
    live = Registration.objects.filter(event_id=registration.event_id, email=registration.email)
    if live.exclude(status__in=ENDED).exists():
        raise ValidationError(
            {"email": _("This e-mail address is already registered for this event.")}
        )


def _insert(registration: Registration, actor: AnyUser) -> Registration:
    try:
        with transaction.atomic():
            _save(registration, actor)
    except IntegrityError as exc:  # the unique constraint, if a twin slipped past the check
        raise ValidationError(
            {"email": _("This e-mail address is already registered for this event.")}
        ) from exc
    return registration


def registration_create(
    *, actor: AnyUser, event: Event, venue: Venue, data: dict, now: dt.datetime | None = None
) -> Registration:
    """Self-registration. Public events: a confirmed seat if one is free at the venue, else the
    next place on its waiting list. Moderated events: an application for staff to score, refused
    once every seat has been allocated."""
    now = now or timezone.now()
    require(policies.can_self_register(actor, event))
    if not event.is_open(now):
        raise ConflictError(
            _("Registration for this event closed on %(when)s.")
            % {"when": timezone.localtime(event.closes_at).strftime("%d/%m/%Y %H:%M")}
        )
    registration = _person(actor=actor, event=event, venue=venue, data=data)
    with transaction.atomic():
        venue = _locked_venue(venue.pk)
        _refuse_duplicate(registration)
        free = venue.capacity - _held(venue)
        if event.moderated:
            if free <= 0:
                raise ConflictError(
                    _(
                        "Every place at %(venue)s has been allocated; no more applications are taken."
                    )
                    % {"venue": venue.name}
                )
            registration.status = S.APPLIED
        elif free > 0:
            registration.status = S.CONFIRMED
        else:
            registration.status = S.WAITLISTED
            registration.waitlist_position = _next_position(venue)
        return _insert(registration, actor)


def registration_invite(*, actor: AnyUser, event: Event, venue: Venue, data: dict) -> Registration:
    """Staff invite a guest (an inbound delegation, a VIP): no moderation, no closing date, but
    still a seat of the venue."""
    require(policies.can_manage_events(actor))
    registration = _invitee(actor=actor, event=event, venue=venue, data=data)
    with transaction.atomic():
        venue = _locked_venue(venue.pk)
        _refuse_duplicate(registration)
        if venue.capacity - _held(venue) <= 0:
            raise ConflictError(_("%(venue)s is full.") % {"venue": venue.name})
        registration.status = S.INVITED
        return _insert(registration, actor)


def _invitee(*, actor: AnyUser, event: Event, venue: Venue, data: dict) -> Registration:
    registration = Registration(event=event, venue=venue, status=S.INVITED)
    for field in PERSON_FIELDS:
        setattr(registration, field, str(data.get(field) or "").strip())
    registration.email = registration.email.lower()
    if venue.event_id != event.pk:
        raise ValidationError({"venue": _("Choose one of this event's venues.")})
    if data.get("country"):
        registration.country = resolve_country(data["country"])
    if data.get("enterprise"):
        registration.enterprise = Enterprise.objects.filter(pk=data["enterprise"]).first()
        if registration.enterprise is None:
            raise ValidationError({"enterprise": _("Unknown enterprise.")})
    registration.full_clean(exclude=["event", "venue", "user", "status"])
    return registration


def _next_position(venue: Venue) -> int:
    last = (
        Registration.objects.filter(venue_id=venue.pk, waitlist_position__isnull=False)
        .order_by("-waitlist_position")
        .values_list("waitlist_position", flat=True)
        .first()
    )
    return (last or 0) + 1


def _offer_freed_places(
    venue: Venue, *, actor: AnyUser | None, now: dt.datetime
) -> list[Registration]:
    """Offers each free seat of a locked venue to the first in line, valid for the event's
    offer hours. Called after every write that frees a seat."""
    free = venue.capacity - _held(venue)
    if free <= 0:
        return []
    offered = list(
        Registration.objects.select_for_update()
        .filter(venue_id=venue.pk, status=S.WAITLISTED)
        .order_by("waitlist_position", "id")[:free]
    )
    expires = now + dt.timedelta(hours=venue.event.offer_hours)
    for registration in offered:
        registration.status = S.OFFERED
        registration.offer_expires_at = expires
        _save(registration, actor)
    return offered


def _locked_registration(registration: Registration) -> Registration:
    return Registration.objects.select_for_update().select_related("event").get(pk=registration.pk)


def registration_cancel(
    *, actor: AnyUser, registration: Registration, reason: str = "", now: dt.datetime | None = None
) -> Registration:
    """The participant (or staff) cancels; a freed seat goes to the first in line."""
    require(policies.can_manage_registration(actor, registration))
    return _cancel(actor=actor, registration=registration, reason=reason, now=now)


def _cancel(*, actor: AnyUser, registration: Registration, reason: str, now) -> Registration:
    now = now or timezone.now()
    with transaction.atomic():
        venue = _locked_venue(registration.venue_id)
        registration = _locked_registration(registration)
        if registration.status in ENDED or registration.status == S.CHECKED_IN:
            raise ConflictError(
                _("This registration is %(status)s and cannot be cancelled.")
                % {"status": registration.get_status_display().lower()}
            )
        freed = registration.status in SEAT_HOLDING
        registration.status = S.CANCELLED
        registration.reason = reason.strip()[:1000]
        registration.waitlist_position = None
        registration.offer_expires_at = None
        _save(registration, actor)
        if freed:
            _offer_freed_places(venue, actor=actor, now=now)
    return registration


def registration_confirm(
    *, actor: AnyUser, registration: Registration, now: dt.datetime | None = None
) -> Registration:
    """The participant accepts an offered place, an invitation or their selection."""
    require(policies.can_manage_registration(actor, registration))
    return _confirm(actor=actor, registration=registration, now=now)


def _confirm(*, actor: AnyUser, registration: Registration, now) -> Registration:
    now = now or timezone.now()
    with transaction.atomic():
        venue = _locked_venue(registration.venue_id)
        registration = _locked_registration(registration)
        lapsed = registration.status == S.OFFERED and registration.offer_expires_at <= now
        if lapsed:
            # The lapse is committed before the refusal: the next in line must not wait for the
            # expiry task because this participant came back late.
            _expire(registration, actor=None)
            _offer_freed_places(venue, actor=None, now=now)
        elif registration.status not in (S.OFFERED, S.INVITED, S.SELECTED):
            raise ConflictError(
                _("This registration is %(status)s; there is nothing to confirm.")
                % {"status": registration.get_status_display().lower()}
            )
        else:
            registration.status = S.CONFIRMED
            registration.offer_expires_at = None
            registration.waitlist_position = None
            _save(registration, actor)
    if lapsed:
        raise ConflictError(_("The offer of a place expired; it has passed to the next in line."))
    return registration


def _expire(registration: Registration, *, actor: AnyUser | None) -> None:
    registration.status = S.CANCELLED
    registration.reason = _("The offer of a place expired.")
    registration.waitlist_position = None
    _save(registration, actor)


def offers_expire(*, now: dt.datetime | None = None) -> int:
    """Offers past their deadline lapse and the seat passes to the next in line. Run by the
    `offers_expire_task` task; idempotent, so running it twice does no harm."""
    now = now or timezone.now()
    venue_ids = set(
        Registration.objects.filter(status=S.OFFERED, offer_expires_at__lte=now).values_list(
            "venue_id", flat=True
        )
    )
    lapsed = 0
    for venue_id in sorted(venue_ids):
        with transaction.atomic():
            venue = _locked_venue(venue_id)
            for registration in Registration.objects.select_for_update().filter(
                venue_id=venue_id, status=S.OFFERED, offer_expires_at__lte=now
            ):
                _expire(registration, actor=None)
                lapsed += 1
            _offer_freed_places(venue, actor=None, now=now)
    return lapsed


def registration_score(
    *, actor: AnyUser, registration: Registration, scores: dict[str, int]
) -> list[Score]:
    """Staff score an application on the published criteria (0–5 each)."""
    require(policies.can_manage_events(actor))
    if registration.status != S.APPLIED:
        raise ConflictError(_("Only applications awaiting a decision can be scored."))
    errors = {}
    for criterion, value in scores.items():
        if criterion not in Criterion.values:
            errors[criterion] = _("Unknown criterion.")
        elif not isinstance(value, int) or not 0 <= value <= 5:
            errors[criterion] = _("A score is a whole number from 0 to 5.")
    if errors:
        raise ValidationError(errors)
    saved = []
    with transaction.atomic():
        for criterion, value in scores.items():
            score, _created = Score.objects.update_or_create(
                registration=registration,
                criterion=criterion,
                defaults={"value": value, "scored_by": actor},
            )
            saved.append(score)
    return saved


def registration_select(*, actor: AnyUser, registration: Registration) -> Registration:
    require(policies.can_manage_events(actor))
    with transaction.atomic():
        venue = _locked_venue(registration.venue_id)
        registration = _locked_registration(registration)
        if registration.status != S.APPLIED:
            raise ConflictError(_("Only applications awaiting a decision can be selected."))
        if venue.capacity - _held(venue) <= 0:
            raise ConflictError(
                _("Every place at %(venue)s is already allocated.") % {"venue": venue.name}
            )
        registration.status = S.SELECTED
        _save(registration, actor)
    return registration


def registration_reject(*, actor: AnyUser, registration: Registration, reason: str) -> Registration:
    require(policies.can_manage_events(actor))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for the rejection.")})
    if len(reason) > 1000:
        raise ValidationError({"reason": _("Keep the reason under 1,000 characters.")})
    with transaction.atomic():
        registration = _locked_registration(registration)
        if registration.status not in (S.APPLIED, S.SELECTED):
            raise ConflictError(
                _("Only applications awaiting a decision or selected can be rejected.")
            )
        registration.status = S.REJECTED
        registration.reason = reason
        _save(registration, actor)
    return registration


def registration_cancel_by_ticket(
    *, actor: AnyUser, token: str, now: dt.datetime | None = None
) -> Registration:
    """The ticket's signed code stands for its holder: a participant without an account (a
    foreign guest) cancels or accepts an offered place from the ticket page."""
    from goglobal.events.services.tickets import ticket_registration

    return _cancel(actor=actor, registration=ticket_registration(token), reason="", now=now)


def registration_confirm_by_ticket(
    *, actor: AnyUser, token: str, now: dt.datetime | None = None
) -> Registration:
    from goglobal.events.services.tickets import ticket_registration

    return _confirm(actor=actor, registration=ticket_registration(token), now=now)
