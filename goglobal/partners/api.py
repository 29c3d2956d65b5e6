from typing import Annotated

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import Field

from goglobal.bulk.api import EXPORT_ROUTE, Format
from goglobal.core.api import READ, READ_ONE, WRITE, WRITE_ONE, PageNumberPagination, responses
from goglobal.core.schemas import (
    CodeFilter,
    CountryFilter,
    Id,
    InSchema,
    SearchFilter,
    ShortText,
)
from goglobal.enterprises.schemas import Ref
from goglobal.partners import selectors, services
from goglobal.partners.exports import organisation_export_response
from goglobal.partners.models import ForeignOrganisation, OrganisationKind

router = Router(tags=["foreign organisations"])


class ForeignOrganisationOut(Schema):
    id: int
    name: str
    name_vi: str
    kind: OrganisationKind
    country: Ref
    city: str
    sectors: list[Ref]
    website: str
    description: str


class ForeignOrganisationPatch(InSchema):
    name: ShortText | None = None
    name_vi: ShortText | None = None
    kind: OrganisationKind | None = None
    country: Annotated[str, Field(min_length=2, max_length=2)] | None = None
    city: Annotated[str, Field(max_length=120)] | None = None
    sectors: Annotated[list[Annotated[str, Field(max_length=40)]], Field(max_length=30)] | None = (
        None
    )
    website: Annotated[str, Field(max_length=200)] | None = None
    description: Annotated[str, Field(max_length=5000)] | None = None


class ForeignOrganisationIn(ForeignOrganisationPatch):
    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "name": "Example Robotics Ltd",
                    "kind": "company",
                    "country": "GB",
                    "city": "Cambridge",
                    "sectors": ["ai"],
                    "website": "https://example.co.uk",
                }
            ]
        }
    }

    name: ShortText
    kind: OrganisationKind
    country: Annotated[str, Field(min_length=2, max_length=2)]


class ForeignOrganisationFilters(Schema):
    """The list's filters, which its download takes too."""

    q: SearchFilter = ""
    country: CountryFilter = ""
    kind: OrganisationKind | None = None
    sector: CodeFilter = ""

    def selected(self, user) -> QuerySet[ForeignOrganisation]:
        return selectors.foreign_organisation_list_for_user(
            user, q=self.q, country=self.country, kind=self.kind or "", sector=self.sector
        )


@router.get(
    "/foreign-organisations", response=responses({200: list[ForeignOrganisationOut]}, *READ)
)
@paginate(PageNumberPagination)
def foreign_organisation_list(request: HttpRequest, filters: Query[ForeignOrganisationFilters]):
    return filters.selected(request.auth)


@router.get(
    "/foreign-organisations/export",
    **EXPORT_ROUTE,
    summary="Export the foreign organisation list",
    description="The organisations the caller can see (signed-in users), with the list's filters.",
)
def foreign_organisation_export(
    request: HttpRequest, filters: Query[ForeignOrganisationFilters], fmt: Format = "csv"
):
    return organisation_export_response(
        filters.selected(request.auth), fmt, absolute=request.build_absolute_uri
    )


@router.post("/foreign-organisations", response=responses({201: ForeignOrganisationOut}, *WRITE))
def foreign_organisation_create(request: HttpRequest, payload: ForeignOrganisationIn):
    organisation = services.foreign_organisation_create(
        actor=request.auth, data=payload.model_dump(exclude_unset=True)
    )
    return Status(201, selectors.foreign_organisation_get_for_user(request.auth, organisation.pk))


@router.get(
    "/foreign-organisations/{organisation_id}",
    response=responses({200: ForeignOrganisationOut}, *READ_ONE),
)
def foreign_organisation_detail(request: HttpRequest, organisation_id: Id):
    return selectors.foreign_organisation_get_for_user(request.auth, organisation_id)


@router.patch(
    "/foreign-organisations/{organisation_id}",
    response=responses({200: ForeignOrganisationOut}, *WRITE_ONE),
)
def foreign_organisation_update(
    request: HttpRequest, organisation_id: Id, payload: ForeignOrganisationPatch
):
    organisation = selectors.foreign_organisation_get_for_user(request.auth, organisation_id)
    services.foreign_organisation_update(
        actor=request.auth, organisation=organisation, data=payload.model_dump(exclude_unset=True)
    )
    return selectors.foreign_organisation_get_for_user(request.auth, organisation_id)
