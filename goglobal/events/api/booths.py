"""Booths at fairs abroad: exhibitors with their products, and the leads they collect."""

import datetime as dt
from typing import Annotated

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.pagination import paginate
from pydantic import Field

from goglobal.bulk.api import FILE_OPENAPI, FILE_RESPONSES, Format
from goglobal.core.api import READ_ONE, WRITE_ONE, PageNumberPagination, responses
from goglobal.core.schemas import Id, InSchema, ShortText
from goglobal.events import selectors, services
from goglobal.events.api.events import CountryCode
from goglobal.events.enums import LeadFollowUp
from goglobal.events.exports import booth_export_response

router = Router(tags=["events"])


class ExhibitorOut(Schema):
    id: int
    enterprise_id: int
    enterprise_name: str
    product_ids: list[int]

    @staticmethod
    def resolve_enterprise_name(obj) -> str:
        return obj.enterprise.name_vi

    @staticmethod
    def resolve_product_ids(obj) -> list[int]:
        return sorted(product.pk for product in obj.products.all())


class BoothOut(Schema):
    id: int
    name: str
    location: str
    exhibitors: list[ExhibitorOut]


class BoothIn(InSchema):
    name: ShortText
    location: Annotated[str, Field(max_length=120)] = ""


class ExhibitorIn(InSchema):
    enterprise: Annotated[int, Field(ge=1, le=2_147_483_647)]
    products: Annotated[
        list[Annotated[int, Field(ge=1, le=2_147_483_647)]], Field(max_length=50)
    ] = []


class LeadIn(InSchema):
    full_name: Annotated[str, Field(max_length=200)]
    organisation: ShortText = ""
    country: CountryCode | None = None
    email: Annotated[str, Field(max_length=254)] = ""
    interest: Annotated[str, Field(max_length=2000)] = ""
    consent_to_contact: bool
    follow_up: LeadFollowUp = LeadFollowUp.NEW
    follow_up_note: Annotated[str, Field(max_length=2000)] = ""


class LeadPatch(InSchema):
    full_name: Annotated[str, Field(max_length=200)] | None = None
    organisation: ShortText | None = None
    country: CountryCode | None = None
    email: Annotated[str, Field(max_length=254)] | None = None
    interest: Annotated[str, Field(max_length=2000)] | None = None
    follow_up: LeadFollowUp | None = None
    follow_up_note: Annotated[str, Field(max_length=2000)] | None = None


class LeadOut(Schema):
    id: int
    exhibitor_id: int
    full_name: str
    organisation: str
    country_id: str | None
    email: str
    interest: str
    consent_to_contact: bool
    follow_up: str
    follow_up_note: str
    created_at: dt.datetime


def _booths(request: HttpRequest, event_id: int):
    """An event's booths the caller may see (the list and its download)."""
    event = selectors.event_get_for_user(request.auth, event_id)
    return event, selectors.booth_visible_for_user(request.auth).filter(event=event)


@router.get("/events/{event_id}/booths", response=responses({200: list[BoothOut]}, *READ_ONE))
@paginate(PageNumberPagination)
def booth_list(request: HttpRequest, event_id: Id):
    return _booths(request, event_id)[1]


@router.get(
    "/events/{event_id}/booths/export",
    response=responses(FILE_RESPONSES, *READ_ONE),
    openapi_extra=FILE_OPENAPI,
    summary="Export an event's booths",
    description="The booths the list gives, one row a booth with its exhibitors and products.",
)
def booth_export(request: HttpRequest, event_id: Id, fmt: Format = "csv"):
    event, booths = _booths(request, event_id)
    return booth_export_response(event, booths, fmt, absolute=request.build_absolute_uri)


@router.post("/events/{event_id}/booths", response=responses({201: BoothOut}, *WRITE_ONE))
def booth_create(request: HttpRequest, event_id: Id, payload: BoothIn):
    event = selectors.event_get_for_user(request.auth, event_id)
    booth = services.booth_create(actor=request.auth, event=event, data=payload.model_dump())
    return Status(201, selectors.booth_visible_for_user(request.auth).get(pk=booth.pk))


@router.post("/booths/{booth_id}/exhibitors", response=responses({201: ExhibitorOut}, *WRITE_ONE))
def exhibitor_add(request: HttpRequest, booth_id: Id, payload: ExhibitorIn):
    booth = get_object_or_404(selectors.booth_visible_for_user(request.auth), pk=booth_id)
    exhibitor = services.exhibitor_add(
        actor=request.auth,
        booth=booth,
        enterprise_id=payload.enterprise,
        product_ids=payload.products,
    )
    return Status(201, exhibitor)


@router.post("/exhibitors/{exhibitor_id}/leads", response=responses({201: LeadOut}, *WRITE_ONE))
def lead_record(request: HttpRequest, exhibitor_id: Id, payload: LeadIn):
    exhibitor = get_object_or_404(
        selectors.exhibitor_visible_for_user(request.auth), pk=exhibitor_id
    )
    lead = services.lead_record(actor=request.auth, exhibitor=exhibitor, data=payload.model_dump())
    return Status(201, lead)


@router.get("/exhibitors/{exhibitor_id}/leads", response=responses({200: list[LeadOut]}, *READ_ONE))
@paginate(PageNumberPagination)
def lead_list(request: HttpRequest, exhibitor_id: Id):
    exhibitor = get_object_or_404(
        selectors.exhibitor_visible_for_user(request.auth), pk=exhibitor_id
    )
    return selectors.lead_visible_for_user(request.auth).filter(exhibitor=exhibitor)


@router.patch("/leads/{lead_id}", response=responses({200: LeadOut}, *WRITE_ONE))
def lead_update(request: HttpRequest, lead_id: Id, payload: LeadPatch):
    lead = get_object_or_404(
        selectors.lead_visible_for_user(request.auth).select_related("exhibitor"), pk=lead_id
    )
    return services.lead_update(
        actor=request.auth, lead=lead, data=payload.model_dump(exclude_unset=True)
    )
