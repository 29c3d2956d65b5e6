"""Match profiles, suggestions and "not interested": the same selectors, policies and services
as the pages."""

from typing import Annotated

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import Field

from goglobal.bulk.api import EXPORT_ROUTE, Format
from goglobal.core.api import READ, READ_ONE, WRITE, WRITE_ONE, PageNumberPagination, responses
from goglobal.core.schemas import Id, InSchema, OptionalId, SearchFilter
from goglobal.enterprises.services.common import require
from goglobal.events.selectors import event_get_for_user
from goglobal.matchmaking import policies, selectors, services
from goglobal.matchmaking.enums import Direction, InterestKind
from goglobal.matchmaking.exports import profile_export_response
from goglobal.matchmaking.models import MatchProfile

router = Router(tags=["matchmaking"])

Code = Annotated[str, Field(max_length=40)]
PositiveId = Annotated[int, Field(ge=1, le=2_147_483_647)]


class ItemIO(Schema):
    direction: Direction
    kind: InterestKind
    text: Annotated[str, Field(min_length=1, max_length=1000)]


class ProfileOut(Schema):
    id: int
    name: str
    enterprise_id: int | None
    foreign_organisation_id: int | None
    summary: str
    is_published: bool
    sector_codes: list[str]
    market_codes: list[str]
    items: list[ItemIO]

    @staticmethod
    def resolve_sector_codes(obj) -> list[str]:
        return sorted(s.code for s in obj.sectors.all())

    @staticmethod
    def resolve_market_codes(obj) -> list[str]:
        return sorted(c.code for c in obj.markets.all())

    @staticmethod
    def resolve_items(obj) -> list:
        return list(obj.items.all())


class ProfileIn(InSchema):
    summary: Annotated[str, Field(max_length=4000)] = ""
    sectors: Annotated[list[Code], Field(max_length=30)] = []
    markets: Annotated[list[Code], Field(max_length=60)] = []
    items: Annotated[list[ItemIO], Field(max_length=20)] = []
    is_published: bool = True


class ProfileCreate(ProfileIn):
    enterprise_id: PositiveId | None = None
    foreign_organisation_id: PositiveId | None = None


class SuggestionOut(Schema):
    profile_id: int
    name: str
    score: float
    reasons: list[str]


class DismissIn(InSchema):
    profile_id: PositiveId


class ProfileFilters(Schema):
    """The list's filters, which its download takes too."""

    q: SearchFilter = ""
    mine: bool = False

    def selected(self, user) -> QuerySet[MatchProfile]:
        return selectors.profile_list_for_user(user, q=self.q, mine=self.mine)


@router.get("/matchmaking/profiles", response=responses({200: list[ProfileOut]}, *READ))
@paginate(PageNumberPagination)
def profile_list(request: HttpRequest, filters: Query[ProfileFilters]):
    return filters.selected(request.auth)


@router.get(
    "/matchmaking/profiles/export",
    **EXPORT_ROUTE,
    summary="Export the match profile list",
    description="The profiles the caller may see (signed-in users), with the list's filters.",
)
def profile_export(request: HttpRequest, filters: Query[ProfileFilters], fmt: Format = "csv"):
    return profile_export_response(
        filters.selected(request.auth), fmt, absolute=request.build_absolute_uri
    )


@router.post("/matchmaking/profiles", response=responses({201: ProfileOut}, *WRITE))
def profile_create(request: HttpRequest, payload: ProfileCreate):
    profile = services.profile_save(actor=request.auth, **payload.model_dump())
    return Status(201, selectors.profile_get_for_user(request.auth, profile.pk))


@router.get("/matchmaking/profiles/{profile_id}", response=responses({200: ProfileOut}, *READ_ONE))
def profile_detail(request: HttpRequest, profile_id: Id):
    return selectors.profile_get_for_user(request.auth, profile_id)


@router.put("/matchmaking/profiles/{profile_id}", response=responses({200: ProfileOut}, *WRITE_ONE))
def profile_update(request: HttpRequest, profile_id: Id, payload: ProfileIn):
    profile = selectors.profile_get_for_user(request.auth, profile_id)
    services.profile_save(actor=request.auth, profile=profile, **payload.model_dump())
    return selectors.profile_get_for_user(request.auth, profile_id)


@router.get(
    "/matchmaking/profiles/{profile_id}/suggestions",
    response=responses({200: list[SuggestionOut]}, 401, 403, 404, 422),
    summary="Suggested partners with their reasons (the profile's own side and staff only)",
)
def profile_suggestions(request: HttpRequest, profile_id: Id, event: OptionalId = None):
    profile = selectors.profile_get_for_user(request.auth, profile_id)
    require(policies.can_edit_profile(request.auth, profile))
    at = event_get_for_user(request.auth, event) if event else None
    return selectors.recommendations_for(request.auth, profile, event=at)


@router.post(
    "/matchmaking/profiles/{profile_id}/dismissals",
    response=responses({204: None}, *WRITE_ONE),
    summary='"Not interested": the profile is no longer suggested',
)
def profile_dismiss(request: HttpRequest, profile_id: Id, payload: DismissIn):
    profile = selectors.profile_get_for_user(request.auth, profile_id)
    other = selectors.profile_get_for_user(request.auth, payload.profile_id)
    services.dismissal_create(actor=request.auth, profile=profile, dismissed=other)
    return Status(204, None)
