"""The events API, a participant's registrations: cancel, confirm, select or reject, score,
and report the outcome. Same selectors, policies and services as the pages."""

from decimal import Decimal
from typing import Annotated

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate
from pydantic import Field

from goglobal.core.api import READ, WRITE_ONE, PageNumberPagination, responses
from goglobal.core.schemas import Id, InSchema, Money
from goglobal.events import selectors, services
from goglobal.events.api.events import ReasonIn, RegistrationOut, ScoresIn

router = Router(tags=["events"])


@router.get("/registrations", response=responses({200: list[RegistrationOut]}, *READ))
@paginate(PageNumberPagination)
def my_registrations(request: HttpRequest):
    return selectors.registration_list_for_user(request.auth)


def _registration(request: HttpRequest, registration_id: int):
    return get_object_or_404(
        selectors.registration_visible_for_user(request.auth), pk=registration_id
    )


@router.post(
    "/registrations/{registration_id}/cancel",
    response=responses({200: RegistrationOut}, *WRITE_ONE),
)
def registration_cancel(request: HttpRequest, registration_id: Id):
    return services.registration_cancel(
        actor=request.auth, registration=_registration(request, registration_id)
    )


@router.post(
    "/registrations/{registration_id}/confirm",
    response=responses({200: RegistrationOut}, *WRITE_ONE),
    summary="Accept an offered place, an invitation or a selection",
)
def registration_confirm(request: HttpRequest, registration_id: Id):
    return services.registration_confirm(
        actor=request.auth, registration=_registration(request, registration_id)
    )


@router.post(
    "/registrations/{registration_id}/select",
    response=responses({200: RegistrationOut}, *WRITE_ONE),
)
def registration_select(request: HttpRequest, registration_id: Id):
    return services.registration_select(
        actor=request.auth, registration=_registration(request, registration_id)
    )


@router.post(
    "/registrations/{registration_id}/reject",
    response=responses({200: RegistrationOut}, *WRITE_ONE),
)
def registration_reject(request: HttpRequest, registration_id: Id, payload: ReasonIn):
    return services.registration_reject(
        actor=request.auth,
        registration=_registration(request, registration_id),
        reason=payload.reason,
    )


@router.put(
    "/registrations/{registration_id}/scores",
    response=responses({200: RegistrationOut}, *WRITE_ONE),
    summary="Score an application on the published criteria (0–5 each)",
)
def registration_score(request: HttpRequest, registration_id: Id, payload: ScoresIn):
    registration = _registration(request, registration_id)
    scores = {key: value for key, value in payload.model_dump().items() if value is not None}
    services.registration_score(actor=request.auth, registration=registration, scores=scores)
    return registration


class OutcomeIn(InSchema):
    meetings_held: Annotated[int, Field(ge=0, le=100_000)] = 0
    agreements: Annotated[int, Field(ge=0, le=10_000)] = 0
    contracts: Annotated[int, Field(ge=0, le=10_000)] = 0
    contract_value: Money = Decimal(0)
    currency: Annotated[str, Field(min_length=3, max_length=3)] = "USD"
    note: Annotated[str, Field(max_length=2000)] = ""


class OutcomeOut(Schema):
    registration_id: int
    meetings_held: int
    agreements: int
    contracts: int
    contract_value: Decimal
    currency_id: str
    note: str


@router.put(
    "/registrations/{registration_id}/outcome",
    response=responses({200: OutcomeOut}, *WRITE_ONE),
    summary="Report what the event brought (participants, after the event)",
)
def outcome_report(request: HttpRequest, registration_id: Id, payload: OutcomeIn):
    return services.outcome_report(
        actor=request.auth,
        registration=_registration(request, registration_id),
        data=payload.model_dump(),
    )
