from typing import Annotated

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import Field

from goglobal.bulk.api import EXPORT_ROUTE, Format
from goglobal.core.api import READ, READ_ONE, WRITE, WRITE_ONE, PageNumberPagination, responses
from goglobal.core.pagination import Rows
from goglobal.core.schemas import CountryFilter, Id, InSchema, ShortText
from goglobal.enterprises import selectors as enterprise_selectors
from goglobal.enterprises.schemas import EnterpriseListItem, Ref
from goglobal.missions import selectors, services
from goglobal.missions.exports import mission_export_response
from goglobal.missions.models import Mission, MissionKind

router = Router(tags=["missions"])

CountryCode = Annotated[str, Field(min_length=2, max_length=2)]


class MissionOut(Schema):
    id: int
    name_vi: str
    name_en: str
    kind: MissionKind
    host_country: Ref
    city: str
    jurisdiction: list[Ref]
    international_organisation: str
    head_name: str
    website: str
    email: str
    phone: str


class MissionPatch(InSchema):
    name_vi: ShortText | None = None
    name_en: ShortText | None = None
    kind: MissionKind | None = None
    host_country: CountryCode | None = None
    city: Annotated[str, Field(max_length=120)] | None = None
    jurisdiction: Annotated[list[CountryCode], Field(max_length=250)] | None = None
    international_organisation: Annotated[str, Field(max_length=200)] | None = None
    head_name: Annotated[str, Field(max_length=200)] | None = None
    website: Annotated[str, Field(max_length=200)] | None = None
    email: Annotated[str, Field(max_length=254)] | None = None
    phone: Annotated[str, Field(max_length=40)] | None = None


class MissionIn(MissionPatch):
    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "name_vi": "Tổng Lãnh sự quán Việt Nam tại Osaka",
                    "name_en": "Consulate General of Viet Nam in Osaka",
                    "kind": "consulate_general",
                    "host_country": "JP",
                    "city": "Osaka",
                    "jurisdiction": ["JP"],
                }
            ]
        }
    }

    name_vi: ShortText
    name_en: ShortText
    kind: MissionKind
    host_country: CountryCode
    city: Annotated[str, Field(max_length=120)]


class MissionFilters(Schema):
    """The list's filters, which its download takes too."""

    country: CountryFilter = ""
    kind: MissionKind | None = None

    def selected(self, user) -> QuerySet[Mission]:
        return selectors.mission_list_for_user(user, country=self.country, kind=self.kind or "")


@router.get("/missions", response=responses({200: list[MissionOut]}, *READ))
@paginate(PageNumberPagination)
def mission_list(request: HttpRequest, filters: Query[MissionFilters]):
    return filters.selected(request.auth)


@router.get(
    "/missions/export",
    **EXPORT_ROUTE,
    summary="Export the mission list",
    description="The missions, with the list's filters.",
)
def mission_export(request: HttpRequest, filters: Query[MissionFilters], fmt: Format = "csv"):
    return mission_export_response(
        filters.selected(request.auth), fmt, absolute=request.build_absolute_uri
    )


@router.post("/missions", response=responses({201: MissionOut}, *WRITE))
def mission_create(request: HttpRequest, payload: MissionIn):
    mission = services.mission_create(
        actor=request.auth, data=payload.model_dump(exclude_unset=True)
    )
    return Status(201, selectors.mission_get_for_user(request.auth, mission.pk))


@router.get("/missions/{mission_id}", response=responses({200: MissionOut}, *READ_ONE))
def mission_detail(request: HttpRequest, mission_id: Id):
    return selectors.mission_get_for_user(request.auth, mission_id)


@router.patch("/missions/{mission_id}", response=responses({200: MissionOut}, *WRITE_ONE))
def mission_update(request: HttpRequest, mission_id: Id, payload: MissionPatch):
    mission = selectors.mission_get_for_user(request.auth, mission_id)
    services.mission_update(
        actor=request.auth, mission=mission, data=payload.model_dump(exclude_unset=True)
    )
    return selectors.mission_get_for_user(request.auth, mission_id)


@router.get(
    "/missions/{mission_id}/enterprises",
    response=responses({200: list[EnterpriseListItem]}, *READ_ONE),
)
@paginate(PageNumberPagination)
def mission_enterprises(request: HttpRequest, mission_id: Id):
    mission = selectors.mission_get_for_user(request.auth, mission_id)
    return Rows(
        selectors.mission_enterprises_for_user(request.auth, mission),
        enterprise_selectors.ENTERPRISE_ROW_FIELDS,
        enterprise_selectors.enterprise_rows_finish,
    )
