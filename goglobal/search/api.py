"""GET /search and /search/autocomplete: one search over every record type the user may see."""

from typing import Annotated

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from pydantic import BaseModel, ConfigDict

from goglobal.bulk.api import EXPORT_ROUTE, Format
from goglobal.core.api import READ, responses
from goglobal.core.schemas import NO_NUL
from goglobal.enterprises.enums import EmployeeBand, PresenceMode
from goglobal.search.exports import search_export_response
from goglobal.search.registry import source_for, sources
from goglobal.search.selectors import (
    CANDIDATES,
    EXPORT_CANDIDATES,
    PAGE_SIZE,
    SearchFilters,
    search_autocomplete_for_user,
    search_for_user,
)

router = Router(tags=["search"])

# Long pasted text is not an error: only the first words are searched (query.MAX_WORDS).
SearchText = Annotated[str, Query(max_length=10_000, pattern=NO_NUL)]
KindQuery = Annotated[str, Query(max_length=30, pattern=r"^[a-z_]*$")]


class _Out(BaseModel):
    """The search's answers are plain pydantic models read from the selector's dataclasses:
    ninja's Schema wraps every nested object in a Django-aware getter, which cost 0.7 ms a
    search (20 hits and their facets), against 0.1 ms."""

    model_config = ConfigDict(from_attributes=True)


class SearchHitOut(_Out):
    kind: str = Field(
        description="The record type: the kind of a registered search source (enterprise, "
        "organisation, mission, product, contact, event, opportunity, case)."
    )
    kind_label: str
    id: int = Field(alias="object_id")
    title: str
    subtitle: str
    url: str


class FacetValueOut(_Out):
    value: str
    label: str
    count: int
    selected: bool


class FacetOut(_Out):
    name: str
    label: str
    values: list[FacetValueOut]


class SearchOut(_Out):
    q: str
    items: list[SearchHitOut]
    count: int
    page: int
    page_size: int
    pages: int
    capped: bool = Field(
        description=f"True when the query matched more than {CANDIDATES} entries within its "
        f"filters: the results, count and facets then cover {CANDIDATES} of them (those matching "
        "in their names first)."
    )
    facets: list[FacetOut]


def _kind(kind: str) -> str:
    if kind and source_for(kind) is None:
        known = ", ".join(source.kind for source in sources())
        raise ValidationError(
            {"type": _("Unknown type. Choose one of: %(kinds)s.") % {"kinds": known}}
        )
    return kind


class SearchFilterQuery(Schema):
    """The search's filters, shared by the results and their download."""

    type: str = Field("", max_length=30, pattern=r"^[a-z_]*$")
    sector: str = Field("", max_length=40, pattern=NO_NUL)
    province: int | None = Field(None, ge=0, le=32767)
    country: str = Field("", max_length=2, pattern=r"^([A-Za-z]{2})?$")
    mode: PresenceMode | None = None
    size: EmployeeBand | None = None

    def filters(self) -> SearchFilters:
        return SearchFilters(
            type=_kind(self.type),
            sector=self.sector,
            province="" if self.province is None else str(self.province),
            country=self.country.upper(),
            mode=self.mode or "",
            size=self.size or "",
        )


@router.get(
    "/search",
    response=responses({200: SearchOut}, *READ),
    summary="Search enterprises, products, organisations, missions, contacts, events, "
    "opportunities and cases",
)
def search(
    request: HttpRequest,
    filters: Query[SearchFilterQuery],
    q: SearchText = "",
    page: Annotated[int, Query(ge=1, le=1000)] = 1,
    page_size: Annotated[int, Query(ge=1, le=50)] = PAGE_SIZE,
):
    """Diacritic- and case-blind ("da nang" finds "Đà Nẵng"), the last word matched as a prefix,
    one typo forgiven in words of five letters or more, tax codes whole or by their start.
    Ranked: exact name, name prefix, a match in the names, then elsewhere. Facet counts cover
    only what the caller may see."""
    return search_for_user(request.auth, q, filters.filters(), page=page, page_size=page_size)


@router.get(
    "/search/export",
    **EXPORT_ROUTE,
    summary="Download search results",
    description="Every result of the search the caller may see, in its order (a broad query: the "
    f"best {EXPORT_CANDIDATES}; the header X-Results-Capped says so), as CSV or XLSX.",
)
def search_export(
    request: HttpRequest, filters: Query[SearchFilterQuery], fmt: Format = "csv", q: SearchText = ""
):
    return search_export_response(
        request.auth, q, filters.filters(), fmt, absolute=request.build_absolute_uri
    )


@router.get(
    "/search/autocomplete",
    response=responses({200: list[SearchHitOut]}, *READ),
    summary="The best ten matches, for organisation pickers",
)
def autocomplete(request: HttpRequest, q: SearchText = "", type: KindQuery = ""):
    kinds = [_kind(type)] if type else None
    return search_autocomplete_for_user(request.auth, q, kinds=kinds)
