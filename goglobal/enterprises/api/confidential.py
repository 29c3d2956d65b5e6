"""Contacts (personal data) and yearly declarations: confidential, scoped by the selectors."""

from typing import Annotated

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from ninja import Query, Router, Status
from ninja.pagination import paginate

from goglobal.core.api import READ, READ_ONE, WRITE_ONE, PageNumberPagination, responses
from goglobal.core.schemas import Id, OptionalId
from goglobal.enterprises import selectors, services
from goglobal.enterprises.enums import DeclarationStatus
from goglobal.enterprises.models import ContactConsent
from goglobal.enterprises.schemas import (
    ConsentIn,
    ConsentOut,
    ContactIn,
    ContactOut,
    ContactPatch,
    CountryAggregate,
    DeclarationIn,
    DeclarationOut,
    DeclarationPatch,
    ReturnIn,
)

router = Router(tags=["registry: confidential"])


def _data(payload) -> dict:
    return payload.model_dump(exclude_unset=True)


@router.get("/contacts", response=responses({200: list[ContactOut]}, *READ))
@paginate(PageNumberPagination)
def contact_list(
    request: HttpRequest, enterprise: OptionalId = None, foreign_organisation: OptionalId = None
):
    return selectors.contact_list_for_user(
        request.auth, enterprise_id=enterprise, foreign_organisation_id=foreign_organisation
    ).order_by("full_name", "id")


@router.post(
    "/enterprises/{enterprise_id}/contacts", response=responses({201: ContactOut}, *WRITE_ONE)
)
def contact_create(request: HttpRequest, enterprise_id: Id, payload: ContactIn):
    enterprise = selectors.enterprise_get_for_user(request.auth, enterprise_id)
    contact = services.contact_create(
        actor=request.auth, enterprise=enterprise, data=_data(payload)
    )
    return Status(201, selectors.contact_get_for_user(request.auth, contact.pk))


@router.get("/contacts/{contact_id}", response=responses({200: ContactOut}, *READ_ONE))
def contact_detail(request: HttpRequest, contact_id: Id):
    return selectors.contact_get_for_user(request.auth, contact_id)


@router.patch("/contacts/{contact_id}", response=responses({200: ContactOut}, *WRITE_ONE))
def contact_update(request: HttpRequest, contact_id: Id, payload: ContactPatch):
    contact = selectors.contact_get_for_user(request.auth, contact_id)
    services.contact_update(actor=request.auth, contact=contact, data=_data(payload))
    return selectors.contact_get_for_user(request.auth, contact_id)


@router.post("/contacts/{contact_id}/consents", response=responses({201: ConsentOut}, *WRITE_ONE))
def consent_record(request: HttpRequest, contact_id: Id, payload: ConsentIn):
    contact = selectors.contact_get_for_user(request.auth, contact_id)
    return Status(
        201, services.consent_record(actor=request.auth, contact=contact, **_data(payload))
    )


@router.post("/consents/{consent_id}/withdraw", response=responses({200: ConsentOut}, *WRITE_ONE))
def consent_withdraw(request: HttpRequest, consent_id: Id):
    visible = selectors.contact_visible_for_user(request.auth)
    consent = (
        ContactConsent.objects.filter(pk=consent_id, contact__in=visible)
        .select_related("contact")
        .first()
    )
    if consent is None:
        raise Http404
    return services.consent_withdraw(actor=request.auth, consent=consent)


@router.get("/declarations", response=responses({200: list[DeclarationOut]}, *READ))
@paginate(PageNumberPagination)
def declaration_list(
    request: HttpRequest,
    enterprise: OptionalId = None,
    year: Annotated[int | None, Query(ge=1000, le=9999)] = None,
    status: DeclarationStatus | None = None,
):
    return selectors.declaration_list_for_user(
        request.auth, enterprise_id=enterprise, year=year, status=status or ""
    )


@router.get(
    "/declarations/aggregate", response=responses({200: list[CountryAggregate]}, 401, 403, 422)
)
def declaration_aggregate(request: HttpRequest, year: Annotated[int, Query(ge=1000, le=9999)]):
    """Accepted overseas revenue by country in USD; countries with fewer than three declaring
    enterprises are left out. Staff see every country, mission officers their jurisdiction."""
    if not selectors.can_see_declaration_aggregates(request.auth):
        raise PermissionDenied
    return selectors.declaration_aggregate_by_country(request.auth, year=year)


@router.post(
    "/enterprises/{enterprise_id}/declarations",
    response=responses({201: DeclarationOut}, *WRITE_ONE),
)
def declaration_create(request: HttpRequest, enterprise_id: Id, payload: DeclarationIn):
    enterprise = selectors.enterprise_get_for_user(request.auth, enterprise_id)
    declaration = services.declaration_create(
        actor=request.auth, enterprise=enterprise, data=_data(payload)
    )
    return Status(201, selectors.declaration_get_for_user(request.auth, declaration.pk))


@router.get("/declarations/{declaration_id}", response=responses({200: DeclarationOut}, *READ_ONE))
def declaration_detail(request: HttpRequest, declaration_id: Id):
    return selectors.declaration_get_for_user(request.auth, declaration_id)


@router.patch(
    "/declarations/{declaration_id}", response=responses({200: DeclarationOut}, *WRITE_ONE)
)
def declaration_update(request: HttpRequest, declaration_id: Id, payload: DeclarationPatch):
    declaration = selectors.declaration_get_for_user(request.auth, declaration_id)
    services.declaration_update(actor=request.auth, declaration=declaration, data=_data(payload))
    return selectors.declaration_get_for_user(request.auth, declaration_id)


@router.post(
    "/declarations/{declaration_id}/submit", response=responses({200: DeclarationOut}, *WRITE_ONE)
)
def declaration_submit(request: HttpRequest, declaration_id: Id):
    declaration = selectors.declaration_get_for_user(request.auth, declaration_id)
    services.declaration_submit(actor=request.auth, declaration=declaration)
    return selectors.declaration_get_for_user(request.auth, declaration_id)


@router.post(
    "/declarations/{declaration_id}/accept", response=responses({200: DeclarationOut}, *WRITE_ONE)
)
def declaration_accept(request: HttpRequest, declaration_id: Id):
    declaration = selectors.declaration_get_for_user(request.auth, declaration_id)
    services.declaration_accept(actor=request.auth, declaration=declaration)
    return selectors.declaration_get_for_user(request.auth, declaration_id)


@router.post(
    "/declarations/{declaration_id}/return", response=responses({200: DeclarationOut}, *WRITE_ONE)
)
def declaration_return(request: HttpRequest, declaration_id: Id, payload: ReturnIn):
    declaration = selectors.declaration_get_for_user(request.auth, declaration_id)
    services.declaration_return(actor=request.auth, declaration=declaration, reason=payload.reason)
    return selectors.declaration_get_for_user(request.auth, declaration_id)
