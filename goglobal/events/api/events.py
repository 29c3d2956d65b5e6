"""The events API: the same selectors, policies and services as the pages."""

import datetime as dt
from typing import Annotated

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import AfterValidator, Field

from goglobal.bulk.api import EXPORT_ROUTE, FILE_OPENAPI, FILE_RESPONSES, Format
from goglobal.core.api import (
    READ,
    READ_ONE,
    WRITE,
    WRITE_ONE,
    PageNumberPagination,
    responses,
)
from goglobal.core.schemas import Id, InSchema, LongText, ShortText
from goglobal.enterprises.schemas import Ref
from goglobal.enterprises.services.common import require
from goglobal.events import policies, selectors, services
from goglobal.events.enums import EventKind, EventStatus, Language, RegistrationStatus
from goglobal.events.exports import event_export_response, registration_export_response
from goglobal.events.models import Event, Registration

router = Router(tags=["events"])

CountryCode = Annotated[str, Field(min_length=2, max_length=2)]
SectorCode = Annotated[str, Field(max_length=40)]
Score = Annotated[int, Field(ge=0, le=5)]


def _in_range(value: dt.datetime) -> dt.datetime:
    # Far years overflow when converted to UTC; the programme lives in this century anyway.
    if not 2000 <= value.year <= 2100:
        raise ValueError(_("Use a date between 2000 and 2100."))
    if value.tzinfo is None:
        raise ValueError(_("Give the time zone, e.g. 2026-09-15T08:30:00+07:00."))
    return value


EventTime = Annotated[dt.datetime, AfterValidator(_in_range)]


class SessionOut(Schema):
    id: int
    title_vi: str
    title_en: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    local_start: dt.datetime = Field(description="The start in the venue's own time zone.")
    local_end: dt.datetime


class VenueOut(Schema):
    id: int
    name: str
    country: Ref
    city: str
    time_zone: str
    capacity: int
    online_link: str
    is_main: bool


class VenueWithSessions(VenueOut):
    sessions: list[SessionOut]


class EventOut(Schema):
    id: int
    title_vi: str
    title_en: str
    kind: EventKind
    status: EventStatus
    organiser: str
    is_public: bool
    moderated: bool
    starts_at: dt.datetime
    ends_at: dt.datetime
    registration_closes_at: dt.datetime | None
    languages: list[str]
    venues: list[VenueOut]


class EventDetailOut(EventOut):
    description_vi: str
    description_en: str
    sector_codes: list[str]
    target_country_codes: list[str]
    programme: list[VenueWithSessions]

    @staticmethod
    def resolve_sector_codes(obj) -> list[str]:
        return sorted(sector.code for sector in obj.sectors.all())

    @staticmethod
    def resolve_target_country_codes(obj) -> list[str]:
        return sorted(country.code for country in obj.target_countries.all())

    @staticmethod
    def resolve_programme(obj) -> list:
        return selectors.event_programme(obj)


class EventPatch(InSchema):
    title_vi: ShortText | None = None
    title_en: ShortText | None = None
    description_vi: LongText | None = None
    description_en: LongText | None = None
    kind: EventKind | None = None
    organiser: ShortText | None = None
    is_public: bool | None = None
    moderated: bool | None = None
    status: EventStatus | None = None
    starts_at: EventTime | None = None
    ends_at: EventTime | None = None
    registration_closes_at: EventTime | None = None
    offer_hours: Annotated[int, Field(ge=1, le=720)] | None = None
    languages: Annotated[list[Language], Field(max_length=10)] | None = None
    sectors: Annotated[list[SectorCode], Field(max_length=50)] | None = None
    target_countries: Annotated[list[CountryCode], Field(max_length=250)] | None = None


class EventIn(EventPatch):
    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "title_vi": "Diễn đàn Kinh tế số Việt Nam",
                    "kind": "forum",
                    "organiser": "Bộ Khoa học và Công nghệ",
                    "starts_at": "2026-09-15T01:30:00Z",
                    "ends_at": "2026-09-15T10:00:00Z",
                    "status": "published",
                }
            ]
        }
    }

    title_vi: ShortText
    kind: EventKind
    organiser: ShortText
    starts_at: EventTime
    ends_at: EventTime


class VenueIn(InSchema):
    name: ShortText
    country: CountryCode
    city: Annotated[str, Field(max_length=120)]
    time_zone: Annotated[str, Field(max_length=64)] = "Asia/Ho_Chi_Minh"
    capacity: Annotated[int, Field(ge=1, le=100_000)]
    online_link: Annotated[str, Field(max_length=200)] = ""
    is_main: bool = False


class RegistrationIn(InSchema):
    venue: Annotated[int, Field(ge=1, le=2_147_483_647)]
    full_name: Annotated[str, Field(max_length=200)]
    email: Annotated[str, Field(max_length=254)]
    organisation: ShortText = ""
    country: CountryCode | None = None
    enterprise: Annotated[int, Field(ge=1, le=2_147_483_647)] | None = None


class RegistrationOut(Schema):
    id: int
    event_id: int
    venue_id: int
    enterprise_id: int | None
    full_name: str
    email: str
    organisation: str
    status: RegistrationStatus
    reason: str
    waitlist_position: int | None
    offer_expires_at: dt.datetime | None
    checked_in_at: dt.datetime | None
    ticket: str = Field(description="The signed ticket code its QR code carries.")

    @staticmethod
    def resolve_ticket(obj) -> str:
        return services.ticket_token(obj)


class ReasonIn(InSchema):
    reason: Annotated[str, Field(max_length=1000)]


class ScoresIn(InSchema):
    export_readiness: Score | None = None
    market_fit: Score | None = None
    product: Score | None = None
    earlier_participation: Score | None = None


class CheckInIn(InSchema):
    code: Annotated[str, Field(max_length=2000)]


def _detail(request: HttpRequest, event_id: int):
    return selectors.event_get_for_user(request.auth, event_id)


def _venue_of(event, venue_id: int):
    venue = event.venues.filter(pk=venue_id).first()
    if venue is None:
        raise ValidationError({"venue": _("Choose one of this event's venues.")})
    return venue


class EventListFilters(Schema):
    """The list's filters, which its download takes too."""

    kind: EventKind | None = None
    status: EventStatus | None = None
    year: Annotated[int | None, Field(ge=2000, le=2100)] = None
    upcoming: bool = False

    def selected(self, user) -> QuerySet[Event]:
        filters = selectors.EventFilters(
            kind=self.kind or "", status=self.status or "", year=self.year, upcoming=self.upcoming
        )
        return selectors.event_list_for_user(user, filters)


@router.get("/events", response=responses({200: list[EventOut]}, *READ))
@paginate(PageNumberPagination)
def event_list(request: HttpRequest, filters: Query[EventListFilters]):
    return filters.selected(request.auth)


@router.get(
    "/events/export",
    **EXPORT_ROUTE,
    summary="Export the event list",
    description="The events the caller may see, with the list's filters.",
)
def event_export(request: HttpRequest, filters: Query[EventListFilters], fmt: Format = "csv"):
    return event_export_response(
        filters.selected(request.auth), fmt, absolute=request.build_absolute_uri
    )


@router.post("/events", response=responses({201: EventDetailOut}, *WRITE))
def event_create(request: HttpRequest, payload: EventIn):
    event = services.event_create(actor=request.auth, data=payload.model_dump(exclude_unset=True))
    return Status(201, _detail(request, event.pk))


@router.get("/events/{event_id}", response=responses({200: EventDetailOut}, *READ_ONE))
def event_detail(request: HttpRequest, event_id: Id):
    return _detail(request, event_id)


@router.patch("/events/{event_id}", response=responses({200: EventDetailOut}, *WRITE_ONE))
def event_update(request: HttpRequest, event_id: Id, payload: EventPatch):
    event = selectors.event_get_for_user(request.auth, event_id)
    services.event_update(
        actor=request.auth, event=event, data=payload.model_dump(exclude_unset=True)
    )
    return _detail(request, event_id)


@router.post("/events/{event_id}/venues", response=responses({201: VenueOut}, *WRITE_ONE))
def venue_create(request: HttpRequest, event_id: Id, payload: VenueIn):
    event = selectors.event_get_for_user(request.auth, event_id)
    return Status(
        201, services.venue_create(actor=request.auth, event=event, data=payload.model_dump())
    )


@router.post(
    "/events/{event_id}/registrations",
    response=responses({201: RegistrationOut}, *WRITE_ONE),
    summary="Register (or apply, for a moderated event)",
)
def registration_create(request: HttpRequest, event_id: Id, payload: RegistrationIn):
    event = selectors.event_get_for_user(request.auth, event_id)
    data = payload.model_dump()
    venue = _venue_of(event, data.pop("venue"))
    registration = services.registration_create(
        actor=request.auth, event=event, venue=venue, data=data
    )
    return Status(201, registration)


@router.post(
    "/events/{event_id}/invitations", response=responses({201: RegistrationOut}, *WRITE_ONE)
)
def registration_invite(request: HttpRequest, event_id: Id, payload: RegistrationIn):
    event = selectors.event_get_for_user(request.auth, event_id)
    data = payload.model_dump()
    venue = _venue_of(event, data.pop("venue"))
    registration = services.registration_invite(
        actor=request.auth, event=event, venue=venue, data=data
    )
    return Status(201, registration)


class RegistrationListFilters(Schema):
    """An event's registration list's filters, which its download takes too."""

    status: RegistrationStatus | None = None

    def selected(self, user, event: Event) -> QuerySet[Registration]:
        return selectors.registration_list_for_event(user, event, status=self.status or "")


@router.get(
    "/events/{event_id}/registrations",
    response=responses({200: list[RegistrationOut]}, *READ_ONE),
    summary=(
        "An event's registrations the caller may see (staff: all; mission officers: their "
        "jurisdiction's venues; others: their own)"
    ),
)
@paginate(PageNumberPagination)
def event_registrations(
    request: HttpRequest, event_id: Id, filters: Query[RegistrationListFilters]
):
    event = selectors.event_get_for_user(request.auth, event_id)
    return filters.selected(request.auth, event)


@router.get(
    "/events/{event_id}/registrations/export",
    response=responses(FILE_RESPONSES, 401, 403, 404, 422),
    openapi_extra=FILE_OPENAPI,
    summary="Export an event's registrations",
    description=(
        "For the event's organisers (ministry staff) only: the participants' personal data. "
        "Every registration of the event, with the list's status filter and the registrations "
        "page's columns (a moderated event's also with its scores)."
    ),
)
def registration_export(
    request: HttpRequest,
    event_id: Id,
    filters: Query[RegistrationListFilters],
    fmt: Format = "csv",
):
    # Not the list's "each caller their own": a file of participants is the organisers' (the
    # page's own check), whatever else the caller may see.
    if not policies.can_manage_events(request.auth):
        raise PermissionDenied
    event = selectors.event_get_for_user(request.auth, event_id)
    return registration_export_response(
        event, filters.selected(request.auth, event), fmt, absolute=request.build_absolute_uri
    )


@router.post("/events/{event_id}/check-in", response=responses({200: RegistrationOut}, *WRITE_ONE))
def check_in(request: HttpRequest, event_id: Id, payload: CheckInIn):
    event = selectors.event_get_for_user(request.auth, event_id)
    require(bool(selectors.venue_list_for_check_in(request.auth, event)))
    registration = services.ticket_registration(payload.code, event=event)
    return services.registration_check_in(actor=request.auth, registration=registration)
