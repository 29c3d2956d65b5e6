"""Participants, their availability, and meeting requests.

A request is refused, with the reason, when it is to oneself, to a profile that does not take
part in the event's matchmaking, beyond the sender's limit of pending requests, or for a slot
outside either side's availability. The sender's participant row is locked while the pending
requests are counted, so two requests sent at once cannot both slip under the limit."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from goglobal.accounts.access import AnyUser
from goglobal.core.errors import ConflictError
from goglobal.enterprises.services.common import require
from goglobal.events.models import Event, Venue
from goglobal.matchmaking import policies
from goglobal.matchmaking.enums import LIVE_REQUEST, MeetingStatus, Priority, RequestStatus
from goglobal.matchmaking.models import (
    Availability,
    MatchProfile,
    MeetingRequest,
    MeetingSettings,
    Participant,
    Slot,
)

MAX_WINDOWS = 20


def _settings(event: Event) -> MeetingSettings:
    found = MeetingSettings.objects.filter(event=event).first()
    if found is None:
        raise ValidationError(_("This event has no one-to-one meetings set up yet."))
    return found


@transaction.atomic
def participant_add(
    *,
    actor: AnyUser,
    event: Event,
    profile: MatchProfile,
    venue: Venue | None = None,
    fixed_table: int | None = None,
) -> Participant:
    """The profile joins the event's matchmaking (its own representatives or staff); only
    staff give a fixed table."""
    require(policies.can_edit_profile(actor, profile))
    if fixed_table is not None:
        require(policies.can_manage_matchmaking(actor))
    meeting = _settings(event)
    if venue is not None and venue.event_id != event.pk:
        raise ValidationError({"venue": _("Choose one of this event's venues.")})
    if fixed_table is not None and not 1 <= fixed_table <= meeting.tables:
        raise ValidationError(
            {"fixed_table": _("Choose a table from 1 to %(n)d.") % {"n": meeting.tables}}
        )
    found = Participant.objects.filter(event=event, profile=profile).first()
    participant = found or Participant(event=event, profile=profile)
    participant.venue = venue
    participant.fixed_table = fixed_table
    try:
        with transaction.atomic():
            participant.save()
    except IntegrityError as exc:
        raise ValidationError(
            {"fixed_table": _("That table is already someone's fixed table.")}
        ) from exc
    return participant


@transaction.atomic
def availability_set(
    *, actor: AnyUser, participant: Participant, windows: list[tuple[dt.datetime, dt.datetime]]
) -> list[Availability]:
    """Replaces the participant's availability. Naive times are read in the participant's own
    time zone (a bridge point's); an empty list means available all day."""
    require(policies.can_act_for(actor, participant))
    # The zone is the participant's venue's as stored now, not as the caller last read it.
    participant = Participant.objects.select_related("venue").get(pk=participant.pk)
    if len(windows) > MAX_WINDOWS:
        raise ValidationError({"windows": _("At most %(n)d windows.") % {"n": MAX_WINDOWS}})
    rows = []
    for start, end in windows:
        start = start if timezone.is_aware(start) else start.replace(tzinfo=participant.zone)
        end = end if timezone.is_aware(end) else end.replace(tzinfo=participant.zone)
        if end <= start:
            raise ValidationError({"windows": _("Each window must end after it starts.")})
        rows.append(Availability(participant=participant, starts_at=start, ends_at=end))
    participant.availability.all().delete()
    return Availability.objects.bulk_create(rows)


def available_slot_ids(participant: Participant, slots: list[Slot]) -> set[int]:
    windows = list(participant.availability.all())
    if not windows:
        return {s.pk for s in slots}
    return {
        s.pk
        for s in slots
        if any(w.starts_at <= s.starts_at and s.ends_at <= w.ends_at for w in windows)
    }


def _pending(participant: Participant, now: dt.datetime) -> int:
    return MeetingRequest.objects.filter(
        sender=participant, status=RequestStatus.PENDING, expires_at__gt=now
    ).count()


@transaction.atomic
def request_send(
    *,
    actor: AnyUser,
    sender: Participant,
    receiver_profile_id: int,
    message: str = "",
    priority: int = Priority.NORMAL,
    slot_id: int | None = None,
) -> MeetingRequest:
    require(policies.can_act_for(actor, sender))
    sender = Participant.objects.select_for_update().select_related("event").get(pk=sender.pk)
    event = sender.event
    meeting = _settings(event)
    if receiver_profile_id == sender.profile_id:
        raise ValidationError({"receiver": _("You cannot request a meeting with yourself.")})
    receiver = Participant.objects.filter(event=event, profile_id=receiver_profile_id).first()
    if receiver is None:
        raise ValidationError(
            {"receiver": _("This organisation does not take part in this event's meetings.")}
        )
    if priority not in Priority.values:
        raise ValidationError({"priority": _("Choose a priority of 1, 2 or 3.")})
    if len(message) > 2000:
        raise ValidationError({"message": _("At most 2,000 characters.")})
    now = timezone.now()
    if _pending(sender, now) >= meeting.pending_limit:
        raise ValidationError(
            {
                "receiver": _(
                    "You already have %(n)d pending requests, the limit for this event. Wait "
                    "for answers or withdraw one."
                )
                % {"n": meeting.pending_limit}
            }
        )
    live = MeetingRequest.objects.filter(
        Q(status=RequestStatus.ACCEPTED) | Q(status=RequestStatus.PENDING, expires_at__gt=now)
    )
    pair = Q(sender=sender, receiver=receiver) | Q(sender=receiver, receiver=sender)
    if live.filter(pair).exists():
        raise ConflictError(_("A request between you two is already open or accepted."))
    slot = None
    if slot_id is not None:
        slot = Slot.objects.filter(pk=slot_id, event=event).first()
        if slot is None:
            raise ValidationError({"slot": _("Choose one of this event's slots.")})
        for side in (sender, receiver):
            if slot.pk not in available_slot_ids(side, [slot]):
                raise ValidationError(
                    {
                        "slot": _("That slot is outside the availability of %(name)s.")
                        % {"name": side.profile.name}
                    }
                )
    # A lapsed request between the two no longer counts; clear it out of the unique index.
    MeetingRequest.objects.filter(
        sender=sender, receiver=receiver, status=RequestStatus.PENDING, expires_at__lte=now
    ).update(status=RequestStatus.EXPIRED)
    try:
        with transaction.atomic():
            return MeetingRequest.objects.create(
                event=event,
                sender=sender,
                receiver=receiver,
                message=message.strip(),
                priority=priority,
                slot=slot,
                expires_at=now + dt.timedelta(hours=meeting.request_hours),
                created_by=actor if actor.is_authenticated else None,
            )
    except IntegrityError as exc:
        raise ConflictError(_("A request between you two is already open or accepted.")) from exc


@transaction.atomic
def request_answer(*, actor: AnyUser, request: MeetingRequest, accept: bool) -> MeetingRequest:
    """Accept or decline. An accepted request is booked at once into the first free slot the
    two share (greedy, every meeting already placed kept); the organisers' scheduler may move
    it later unless it is locked."""
    require(policies.can_answer(actor, request))
    request = MeetingRequest.objects.select_for_update().get(pk=request.pk)
    now = timezone.now()
    if request.status == RequestStatus.PENDING and request.expires_at <= now:
        raise ConflictError(_("This request has expired and can no longer be answered."))
    if request.status != RequestStatus.PENDING:
        raise ConflictError(
            _("This request is %(status)s and can no longer be answered.")
            % {"status": request.get_status_display().lower()}
        )
    request.status = RequestStatus.ACCEPTED if accept else RequestStatus.DECLINED
    request.decided_at = now
    request.save(update_fields=["status", "decided_at", "updated_at"])
    if accept:
        from goglobal.matchmaking.services.schedules import meeting_book

        meeting_book(request)
    return request


@transaction.atomic
def request_withdraw(*, actor: AnyUser, request: MeetingRequest) -> MeetingRequest:
    """The sender withdraws (or cancels an accepted meeting); its meeting is cancelled and
    its table freed."""
    require(policies.can_withdraw(actor, request) or policies.can_answer(actor, request))
    request = MeetingRequest.objects.select_for_update().get(pk=request.pk)
    if request.status not in LIVE_REQUEST:
        raise ConflictError(_("This request is no longer open."))
    request.status = RequestStatus.CANCELLED
    request.save(update_fields=["status", "updated_at"])
    meeting = getattr(request, "meeting", None)
    if meeting is not None:
        meeting.status = MeetingStatus.CANCELLED
        meeting.locked = False
        meeting.save(update_fields=["status", "locked", "updated_at"])
    return request


def requests_expire(*, now: dt.datetime | None = None) -> int:
    """Pending requests past their deadline become "expired". Sending, answering and the
    pending limit already ignore a lapsed request; this sweep makes its status say so (the
    pages, the exports and the sender's list). Run by `goglobal periodic` and
    `requests_expire_task`; idempotent: a second run finds nothing left to change."""
    now = now or timezone.now()
    lapsed = MeetingRequest.objects.filter(status=RequestStatus.PENDING, expires_at__lte=now)
    return lapsed.update(status=RequestStatus.EXPIRED, updated_at=now)
