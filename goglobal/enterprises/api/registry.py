"""Enterprises, products and market presence: public reads, scoped writes."""

from typing import Annotated

from django.http import HttpRequest
from ninja import Query, Router, Status
from ninja.pagination import paginate

from goglobal.core.api import READ, READ_ONE, WRITE, WRITE_ONE, PageNumberPagination, responses
from goglobal.core.pagination import Rows
from goglobal.core.schemas import CodeQuery, CountryQuery, Id, OptionalId, SearchQuery
from goglobal.enterprises import selectors, services
from goglobal.enterprises.enums import EmployeeBand, EnterpriseStatus, PresenceMode
from goglobal.enterprises.schemas import (
    EnterpriseIn,
    EnterpriseListItem,
    EnterpriseOut,
    EnterprisePatch,
    PresenceIn,
    PresenceOut,
    PresencePatch,
    ProductIn,
    ProductOut,
    ProductPatch,
)

router = Router(tags=["registry"])


def _data(payload) -> dict:
    return payload.model_dump(exclude_unset=True)


@router.get("/enterprises", response=responses({200: list[EnterpriseListItem]}, *READ))
@paginate(PageNumberPagination)
def enterprise_list(
    request: HttpRequest,
    q: SearchQuery = "",
    sector: CodeQuery = "",
    province: Annotated[int | None, Query(ge=0, le=32767)] = None,
    country: CountryQuery = "",
    mode: PresenceMode | None = None,
    size: EmployeeBand | None = None,
    status: EnterpriseStatus | None = None,
):
    filters = selectors.EnterpriseFilters(
        q=q,
        sector=sector,
        province=province,
        country=country,
        mode=mode or "",
        size=size or "",
        status=status or "",
    )
    return Rows(
        selectors.enterprise_list_for_user(request.auth, filters),
        selectors.ENTERPRISE_ROW_FIELDS,
        selectors.enterprise_rows_finish,
        many_matches=lambda: selectors.enterprise_list_for_user(
            request.auth, filters, many_matches=True
        ),
    )


@router.post("/enterprises", response=responses({201: EnterpriseOut}, *WRITE))
def enterprise_create(request: HttpRequest, payload: EnterpriseIn):
    enterprise = services.enterprise_create(actor=request.auth, data=_data(payload))
    return Status(201, selectors.enterprise_get_for_user(request.auth, enterprise.pk))


@router.get("/enterprises/{enterprise_id}", response=responses({200: EnterpriseOut}, *READ_ONE))
def enterprise_detail(request: HttpRequest, enterprise_id: Id):
    return selectors.enterprise_get_for_user(request.auth, enterprise_id)


@router.patch("/enterprises/{enterprise_id}", response=responses({200: EnterpriseOut}, *WRITE_ONE))
def enterprise_update(request: HttpRequest, enterprise_id: Id, payload: EnterprisePatch):
    enterprise = selectors.enterprise_get_for_user(request.auth, enterprise_id)
    services.enterprise_update(actor=request.auth, enterprise=enterprise, data=_data(payload))
    return selectors.enterprise_get_for_user(request.auth, enterprise_id)


@router.get("/products", response=responses({200: list[ProductOut]}, *READ))
@paginate(PageNumberPagination)
def product_list(request: HttpRequest, enterprise: OptionalId = None):
    return selectors.product_list_for_user(request.auth, enterprise_id=enterprise).order_by(
        "enterprise_id", "name_vi", "id"
    )


@router.post(
    "/enterprises/{enterprise_id}/products", response=responses({201: ProductOut}, *WRITE_ONE)
)
def product_create(request: HttpRequest, enterprise_id: Id, payload: ProductIn):
    enterprise = selectors.enterprise_get_for_user(request.auth, enterprise_id)
    product = services.product_create(
        actor=request.auth, enterprise=enterprise, data=_data(payload)
    )
    return Status(201, selectors.product_get_for_user(request.auth, product.pk))


@router.get("/products/{product_id}", response=responses({200: ProductOut}, *READ_ONE))
def product_detail(request: HttpRequest, product_id: Id):
    return selectors.product_get_for_user(request.auth, product_id)


@router.patch("/products/{product_id}", response=responses({200: ProductOut}, *WRITE_ONE))
def product_update(request: HttpRequest, product_id: Id, payload: ProductPatch):
    product = selectors.product_get_for_user(request.auth, product_id)
    services.product_update(actor=request.auth, product=product, data=_data(payload))
    return selectors.product_get_for_user(request.auth, product_id)


@router.get("/presence", response=responses({200: list[PresenceOut]}, *READ))
@paginate(PageNumberPagination)
def presence_list(
    request: HttpRequest,
    enterprise: OptionalId = None,
    country: CountryQuery = "",
    mode: PresenceMode | None = None,
):
    qs = selectors.presence_list_for_user(request.auth, enterprise_id=enterprise)
    if country:
        qs = qs.filter(country_id=country.upper())
    if mode:
        qs = qs.filter(mode=mode)
    return qs.order_by("enterprise_id", "country_id", "mode", "id")


@router.post(
    "/enterprises/{enterprise_id}/presence", response=responses({201: PresenceOut}, *WRITE_ONE)
)
def presence_create(request: HttpRequest, enterprise_id: Id, payload: PresenceIn):
    enterprise = selectors.enterprise_get_for_user(request.auth, enterprise_id)
    presence = services.presence_create(
        actor=request.auth, enterprise=enterprise, data=_data(payload)
    )
    return Status(201, selectors.presence_get_for_user(request.auth, presence.pk))


@router.get("/presence/{presence_id}", response=responses({200: PresenceOut}, *READ_ONE))
def presence_detail(request: HttpRequest, presence_id: Id):
    return selectors.presence_get_for_user(request.auth, presence_id)


@router.patch("/presence/{presence_id}", response=responses({200: PresenceOut}, *WRITE_ONE))
def presence_update(request: HttpRequest, presence_id: Id, payload: PresencePatch):
    presence = selectors.presence_get_for_user(request.auth, presence_id)
    services.presence_update(actor=request.auth, presence=presence, data=_data(payload))
    return selectors.presence_get_for_user(request.auth, presence_id)


@router.delete("/presence/{presence_id}", response=responses({204: None}, 401, 403, 404, 422))
def presence_delete(request: HttpRequest, presence_id: Id):
    presence = selectors.presence_get_for_user(request.auth, presence_id)
    services.presence_delete(actor=request.auth, presence=presence)
    return Status(204, None)
