"""Market notes, business opportunities and the country overview."""

import datetime as dt
from decimal import Decimal
from typing import Annotated

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import Field

from goglobal.bulk.api import EXPORT_ROUTE, Format
from goglobal.core.api import READ, READ_ONE, WRITE, WRITE_ONE, PageNumberPagination, responses
from goglobal.core.schemas import CodeFilter, CountryFilter, Id, InSchema, Money
from goglobal.desk import overview, selectors
from goglobal.desk.enums import (
    InterestStatus,
    NoteTopic,
    NoteVisibility,
    OpportunityKind,
    OpportunityOutcome,
    OpportunityStatus,
)
from goglobal.desk.exports import note_export_response, opportunity_export_response
from goglobal.desk.models import MarketNote, Opportunity
from goglobal.desk.services import notes, opportunities
from goglobal.enterprises.schemas import Ref

router = Router(tags=["missions' desk"])

Code2 = Annotated[str, Field(min_length=2, max_length=2)]
SectorCode = Annotated[str, Field(max_length=40)]


class MissionRef(Schema):
    id: int
    name_vi: str
    name_en: str


class NoteOut(Schema):
    id: int
    mission: MissionRef
    country: Ref
    sector: Ref | None
    topic: NoteTopic
    title: str
    body: str
    visibility: NoteVisibility
    created_at: dt.datetime


class NoteIn(InSchema):
    mission: Annotated[int, Field(ge=1)]
    country: Code2
    sector: SectorCode = ""
    topic: NoteTopic
    title: Annotated[str, Field(min_length=1, max_length=200)]
    body: Annotated[str, Field(min_length=1, max_length=10000)]
    visibility: NoteVisibility = NoteVisibility.STAFF


class OpportunityOut(Schema):
    id: int
    mission: MissionRef
    kind: OpportunityKind
    title: str
    description: str
    country: Ref
    sectors: list[Ref]
    value: Decimal | None
    currency_id: str | None
    deadline: dt.date
    contact_name: str
    contact_email: str
    contact_phone: str
    status: OpportunityStatus
    outcome: str
    outcome_note: str


class OpportunityIn(InSchema):
    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "mission": 1,
                    "kind": "tender",
                    "title": "Hệ thống quản lý bệnh viện cho tỉnh Osaka",
                    "description": "Gói thầu phần mềm quản lý bệnh viện.",
                    "country": "JP",
                    "sectors": ["software"],
                    "value": "250000",
                    "currency": "USD",
                    "deadline": "2027-03-31",
                    "contact_name": "Tanaka Hiro",
                }
            ]
        }
    }

    mission: Annotated[int, Field(ge=1)]
    kind: OpportunityKind
    title: Annotated[str, Field(min_length=1, max_length=200)]
    description: Annotated[str, Field(min_length=1, max_length=10000)]
    country: Code2
    sectors: Annotated[list[SectorCode], Field(min_length=1, max_length=20)]
    value: Money | None = None
    currency: Annotated[str, Field(max_length=3)] = ""
    deadline: dt.date
    contact_name: Annotated[str, Field(min_length=1, max_length=200)]
    contact_email: Annotated[str, Field(max_length=254)] = ""
    contact_phone: Annotated[str, Field(max_length=40)] = ""


class InterestIn(InSchema):
    enterprise: Annotated[int, Field(ge=1)]
    message: Annotated[str, Field(max_length=2000)] = ""


class InterestOut(Schema):
    id: int
    enterprise_id: int
    message: str
    status: InterestStatus
    follow_up_note: str
    created_at: dt.datetime
    followed_up_at: dt.datetime | None


class FollowUpIn(InSchema):
    status: InterestStatus
    note: Annotated[str, Field(max_length=2000)] = ""


class OutcomeIn(InSchema):
    outcome: OpportunityOutcome
    note: Annotated[str, Field(max_length=2000)] = ""


class CountryOverview(Schema):
    country: Ref
    missions: list[MissionRef]
    agreements: list[dict]
    presence_by_mode: list[dict]
    presence_total: int
    events: list[dict]
    opportunities: list[dict]
    notes: list[dict]
    overseas_revenue: dict | None


class NoteFilters(Schema):
    """The list's filters, which its download takes too."""

    country: CountryFilter = ""

    def selected(self, user) -> QuerySet[MarketNote]:
        return selectors.note_list_for_user(user, country=self.country)


@router.get("/market-notes", response=responses({200: list[NoteOut]}, *READ))
@paginate(PageNumberPagination)
def note_list(request: HttpRequest, filters: Query[NoteFilters]):
    return filters.selected(request.auth)


@router.get(
    "/market-notes/export",
    **EXPORT_ROUTE,
    summary="Export the market note list",
    description="The market notes the caller may read, with the list's filters.",
)
def note_export(request: HttpRequest, filters: Query[NoteFilters], fmt: Format = "csv"):
    return note_export_response(
        filters.selected(request.auth), fmt, absolute=request.build_absolute_uri
    )


@router.post("/market-notes", response=responses({201: NoteOut}, *WRITE))
def note_create(request: HttpRequest, payload: NoteIn):
    note = notes.note_create(actor=request.auth, data=payload.model_dump())
    return Status(201, selectors.note_get_for_user(request.auth, note.pk))


@router.get("/market-notes/{note_id}", response=responses({200: NoteOut}, *READ_ONE))
def note_detail(request: HttpRequest, note_id: Id):
    return selectors.note_get_for_user(request.auth, note_id)


class OpportunityFilters(Schema):
    """The list's filters, which its download takes too."""

    country: CountryFilter = ""
    kind: OpportunityKind | None = None
    status: OpportunityStatus | None = None
    sector: CodeFilter = ""
    matched: bool = False

    def selected(self, user) -> QuerySet[Opportunity]:
        return selectors.opportunity_list_for_user(
            user,
            country=self.country,
            kind=self.kind or "",
            status=self.status or "",
            sector=self.sector,
            matched_only=self.matched,
        )


@router.get("/opportunities", response=responses({200: list[OpportunityOut]}, *READ))
@paginate(PageNumberPagination)
def opportunity_list(request: HttpRequest, filters: Query[OpportunityFilters]):
    return filters.selected(request.auth)


@router.get(
    "/opportunities/export",
    **EXPORT_ROUTE,
    summary="Export the business opportunity list",
    description="The opportunities the caller may see, with the list's filters.",
)
def opportunity_export(
    request: HttpRequest, filters: Query[OpportunityFilters], fmt: Format = "csv"
):
    return opportunity_export_response(
        filters.selected(request.auth), fmt, absolute=request.build_absolute_uri
    )


@router.post("/opportunities", response=responses({201: OpportunityOut}, *WRITE))
def opportunity_create(request: HttpRequest, payload: OpportunityIn):
    created = opportunities.opportunity_create(actor=request.auth, data=payload.model_dump())
    return Status(201, selectors.opportunity_get_for_user(request.auth, created.pk))


@router.get("/opportunities/{opportunity_id}", response=responses({200: OpportunityOut}, *READ_ONE))
def opportunity_detail(request: HttpRequest, opportunity_id: Id):
    return selectors.opportunity_get_for_user(request.auth, opportunity_id)


@router.get(
    "/opportunities/{opportunity_id}/interests",
    response=responses({200: list[InterestOut]}, *READ_ONE),
)
def interest_list(request: HttpRequest, opportunity_id: Id):
    opportunity = selectors.opportunity_get_for_user(request.auth, opportunity_id)
    return list(selectors.interest_list_for_opportunity(request.auth, opportunity))


@router.post(
    "/opportunities/{opportunity_id}/interests",
    response=responses({201: InterestOut}, *WRITE_ONE),
)
def interest_create(request: HttpRequest, opportunity_id: Id, payload: InterestIn):
    opportunity = selectors.opportunity_get_for_user(request.auth, opportunity_id)
    interest = opportunities.interest_express(
        actor=request.auth,
        opportunity=opportunity,
        enterprise_id=payload.enterprise,
        message=payload.message,
    )
    return Status(201, interest)


@router.post(
    "/opportunities/{opportunity_id}/interests/{interest_id}/follow-up",
    response=responses({200: InterestOut}, *WRITE_ONE),
)
def interest_follow_up(
    request: HttpRequest, opportunity_id: Id, interest_id: Id, payload: FollowUpIn
):
    opportunity = selectors.opportunity_get_for_user(request.auth, opportunity_id)
    interest = selectors.interest_get_for_user(request.auth, opportunity, interest_id)
    return opportunities.interest_follow_up(
        actor=request.auth, interest=interest, status=payload.status, note=payload.note
    )


@router.post(
    "/opportunities/{opportunity_id}/outcome",
    response=responses({200: OpportunityOut}, *WRITE_ONE),
)
def opportunity_close(request: HttpRequest, opportunity_id: Id, payload: OutcomeIn):
    opportunity = selectors.opportunity_get_for_user(request.auth, opportunity_id)
    opportunities.opportunity_close(
        actor=request.auth, opportunity=opportunity, outcome=payload.outcome, note=payload.note
    )
    return selectors.opportunity_get_for_user(request.auth, opportunity_id)


def _ref(row) -> dict:
    return {"code": row.code, "name_vi": row.name_vi, "name_en": row.name_en}


@router.get("/countries/{code}/overview", response=responses({200: CountryOverview}, *READ_ONE))
def country_overview(request: HttpRequest, code: str):
    page = overview.country_page(request.auth, overview.country_get(code))
    return {
        "country": _ref(page.country),
        "missions": page.missions,
        "agreements": [
            {"id": a.pk, "kind": a.kind, "status": a.status, "title_vi": a.title_vi}
            for a in page.agreements
        ],
        "presence_by_mode": [{"mode": r["mode"], "count": r["count"]} for r in page.modes],
        "presence_total": page.presence_total,
        "events": [
            {"id": e.pk, "title_vi": e.title_vi, "starts_at": e.starts_at} for e in page.events
        ],
        "opportunities": [
            {"id": o.pk, "title": o.title, "kind": o.kind, "deadline": o.deadline}
            for o in page.opportunities
        ],
        "notes": [{"id": n.pk, "title": n.title, "topic": n.topic} for n in page.notes],
        "overseas_revenue": page.revenue
        and {
            "year": page.revenue_year,
            "enterprises": page.revenue["enterprises"],
            "usd": str(page.revenue["overseas_revenue_usd"]),
        },
    }
