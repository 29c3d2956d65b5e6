"""Participants, availability, meeting requests, settings, the scheduler and agendas."""

import datetime as dt
from typing import Annotated

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.pagination import paginate
from pydantic import AfterValidator, Field

from goglobal.core.api import READ_ONE, WRITE_ONE, PageNumberPagination, responses
from goglobal.core.schemas import Id, InSchema
from goglobal.enterprises.services.common import require
from goglobal.events.models import Venue
from goglobal.events.selectors import event_get_for_user
from goglobal.matchmaking import policies, selectors, services
from goglobal.matchmaking.enums import MeetingStatus, Priority, RequestStatus

router = Router(tags=["matchmaking"])

PositiveId = Annotated[int, Field(ge=1, le=2_147_483_647)]


def _in_range(value: dt.datetime) -> dt.datetime:
    if not 2000 <= value.year <= 2100:
        raise ValueError(_("Use a date between 2000 and 2100."))
    return value


Moment = Annotated[dt.datetime, AfterValidator(_in_range)]


def _aware(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        raise ValueError(_("Give the time zone, e.g. 2026-09-15T08:30:00+07:00."))
    return value


AwareMoment = Annotated[Moment, AfterValidator(_aware)]


class ParticipantIn(InSchema):
    profile_id: PositiveId
    venue_id: PositiveId | None = None
    fixed_table: Annotated[int, Field(ge=1, le=5000)] | None = None


class ParticipantOut(Schema):
    id: int
    profile_id: int
    name: str
    venue_id: int | None
    time_zone: str
    fixed_table: int | None

    @staticmethod
    def resolve_name(obj) -> str:
        return obj.profile.name


class Window(Schema):
    starts_at: Moment = Field(description="Without a zone: the participant's own local time.")
    ends_at: Moment


class AvailabilityIn(InSchema):
    windows: Annotated[list[Window], Field(max_length=20)]


class RequestIn(InSchema):
    sender_id: PositiveId = Field(description="The sender's participant id.")
    receiver_profile_id: PositiveId
    message: Annotated[str, Field(max_length=2000)] = ""
    priority: Priority = Priority.NORMAL
    slot_id: PositiveId | None = None


class RequestOut(Schema):
    id: int
    event_id: int
    sender_id: int
    receiver_id: int
    message: str
    priority: int
    slot_id: int | None
    status: RequestStatus
    expires_at: dt.datetime


class SettingsIn(InSchema):
    starts_at: AwareMoment
    ends_at: AwareMoment
    meeting_minutes: Annotated[int, Field(ge=5, le=180)] = 20
    tables: Annotated[int, Field(ge=0, le=5000)]
    virtual_rooms: Annotated[int, Field(ge=0, le=5000)] = 0
    pending_limit: Annotated[int, Field(ge=1, le=500)] = 10
    request_hours: Annotated[int, Field(ge=1, le=720)] = 72
    breaks: Annotated[list[tuple[AwareMoment, AwareMoment]], Field(max_length=20)] = []


class SettingsOut(Schema):
    meeting_minutes: int
    tables: int
    virtual_rooms: int
    pending_limit: int
    request_hours: int
    slots: list[tuple[dt.datetime, dt.datetime]]

    @staticmethod
    def resolve_slots(obj) -> list:
        return [(s.starts_at, s.ends_at) for s in selectors.slots_of(obj.event)]


class RunIn(InSchema):
    time_limit: Annotated[int, Field(ge=1, le=600)] = 20
    background: bool | None = None


class RunOut(Schema):
    id: int
    status: str
    value: int
    bound: float | None
    percent: float | None = Field(description="The value as a percentage of the LP bound.")
    greedy_value: int
    meetings: int
    requests: int
    participants_without: int
    fewest_without: int | None = Field(
        description="Of the participants who could meet, how many no schedule can give a "
        "meeting (a proven minimum for participants_without)."
    )
    seconds: float
    message: str


class MeetingOut(Schema):
    id: int
    request_id: int
    slot_starts_at: dt.datetime
    slot_ends_at: dt.datetime
    table: int | None
    room: int | None
    locked: bool
    status: MeetingStatus
    with_names: list[str]

    @staticmethod
    def resolve_slot_starts_at(obj) -> dt.datetime:
        return obj.slot.starts_at

    @staticmethod
    def resolve_slot_ends_at(obj) -> dt.datetime:
        return obj.slot.ends_at

    @staticmethod
    def resolve_with_names(obj) -> list[str]:
        return [obj.request.sender.profile.name, obj.request.receiver.profile.name]


class LockIn(InSchema):
    locked: bool


class RecordIn(InSchema):
    status: MeetingStatus
    feedback: Annotated[str, Field(max_length=2000)] = ""
    rating: Annotated[int, Field(ge=1, le=5)] | None = None


@router.get(
    "/matchmaking/events/{event_id}/participants",
    response=responses({200: list[ParticipantOut]}, *READ_ONE),
)
@paginate(PageNumberPagination)
def participant_list(request: HttpRequest, event_id: Id):
    event = event_get_for_user(request.auth, event_id)
    return selectors.participant_list_for_event(request.auth, event)


@router.post(
    "/matchmaking/events/{event_id}/participants",
    response=responses({201: ParticipantOut}, *WRITE_ONE),
)
def participant_add(request: HttpRequest, event_id: Id, payload: ParticipantIn):
    event = event_get_for_user(request.auth, event_id)
    profile = selectors.profile_get_for_user(request.auth, payload.profile_id)
    venue = None
    if payload.venue_id is not None:
        venue = Venue.objects.filter(pk=payload.venue_id, event=event).first()
        if venue is None:
            raise ValidationError({"venue_id": _("Choose one of this event's venues.")})
    found = services.participant_add(
        actor=request.auth,
        event=event,
        profile=profile,
        venue=venue,
        fixed_table=payload.fixed_table,
    )
    return Status(201, selectors.participant_get_for_user(request.auth, found.pk))


@router.put(
    "/matchmaking/participants/{participant_id}/availability",
    response=responses({200: list[Window]}, *WRITE_ONE),
)
def availability_set(request: HttpRequest, participant_id: Id, payload: AvailabilityIn):
    participant = selectors.participant_get_for_user(request.auth, participant_id)
    rows = services.availability_set(
        actor=request.auth,
        participant=participant,
        windows=[(w.starts_at, w.ends_at) for w in payload.windows],
    )
    return rows


@router.get(
    "/matchmaking/participants/{participant_id}/agenda",
    response=responses({200: list[MeetingOut]}, 401, 403, 404, 422),
)
def agenda(request: HttpRequest, participant_id: Id):
    participant = selectors.participant_get_for_user(request.auth, participant_id)
    require(policies.can_act_for(request.auth, participant))
    return selectors.agenda_for(request.auth, participant)


@router.get("/matchmaking/requests", response=responses({200: list[RequestOut]}, 401, 422))
@paginate(PageNumberPagination)
def request_list(request: HttpRequest, status: RequestStatus | None = None):
    return selectors.request_list_for_user(request.auth, status=status or "")


@router.post("/matchmaking/requests", response=responses({201: RequestOut}, *WRITE_ONE))
def request_send(request: HttpRequest, payload: RequestIn):
    sender = selectors.participant_get_for_user(request.auth, payload.sender_id)
    data = payload.model_dump(exclude={"sender_id"})
    return Status(201, services.request_send(actor=request.auth, sender=sender, **data))


def _answer(request: HttpRequest, request_id: int, accept: bool):
    found = selectors.request_get_for_user(request.auth, request_id)
    return services.request_answer(actor=request.auth, request=found, accept=accept)


@router.post(
    "/matchmaking/requests/{request_id}/accept", response=responses({200: RequestOut}, *WRITE_ONE)
)
def request_accept(request: HttpRequest, request_id: Id):
    return _answer(request, request_id, True)


@router.post(
    "/matchmaking/requests/{request_id}/decline", response=responses({200: RequestOut}, *WRITE_ONE)
)
def request_decline(request: HttpRequest, request_id: Id):
    return _answer(request, request_id, False)


@router.post(
    "/matchmaking/requests/{request_id}/withdraw",
    response=responses({200: RequestOut}, *WRITE_ONE),
)
def request_withdraw(request: HttpRequest, request_id: Id):
    found = selectors.request_get_for_user(request.auth, request_id)
    return services.request_withdraw(actor=request.auth, request=found)


@router.put(
    "/matchmaking/events/{event_id}/settings", response=responses({200: SettingsOut}, *WRITE_ONE)
)
def settings_save(request: HttpRequest, event_id: Id, payload: SettingsIn):
    event = event_get_for_user(request.auth, event_id)
    return services.settings_save(actor=request.auth, event=event, **payload.model_dump())


@router.post(
    "/matchmaking/events/{event_id}/schedule",
    response=responses({201: RunOut}, *WRITE_ONE),
    summary="Run the scheduler (small events at once, large ones in the task worker)",
)
def schedule_run(request: HttpRequest, event_id: Id, payload: RunIn):
    event = event_get_for_user(request.auth, event_id)
    run = services.schedule_start(actor=request.auth, event=event, **payload.model_dump())
    return Status(201, run)


@router.get(
    "/matchmaking/events/{event_id}/meetings",
    response=responses({200: list[MeetingOut]}, 401, 403, 404, 422),
    summary="The event's schedule (organisers)",
)
@paginate(PageNumberPagination)
def meeting_list(request: HttpRequest, event_id: Id):
    event = event_get_for_user(request.auth, event_id)
    require(policies.can_manage_matchmaking(request.auth))
    return selectors.meeting_list_for_event(request.auth, event)


@router.post(
    "/matchmaking/meetings/{meeting_id}/lock", response=responses({200: MeetingOut}, *WRITE_ONE)
)
def meeting_lock(request: HttpRequest, meeting_id: Id, payload: LockIn):
    meeting = selectors.meeting_get_for_user(request.auth, meeting_id)
    services.meeting_lock(actor=request.auth, meeting=meeting, locked=payload.locked)
    return selectors.meeting_list_for_event(request.auth, meeting.request.event).get(pk=meeting_id)


@router.post(
    "/matchmaking/meetings/{meeting_id}/record", response=responses({200: MeetingOut}, *WRITE_ONE)
)
def meeting_record(request: HttpRequest, meeting_id: Id, payload: RecordIn):
    meeting = selectors.meeting_get_for_user(request.auth, meeting_id)
    services.meeting_record(actor=request.auth, meeting=meeting, **payload.model_dump())
    return selectors.meeting_list_for_event(request.auth, meeting.request.event).get(pk=meeting_id)
