import datetime as dt
from typing import Annotated

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import Field

from goglobal.agreements import machine, selectors, services
from goglobal.agreements.enums import AgreementKind, AgreementStatus, SignatorySide
from goglobal.agreements.exports import agreement_export_response
from goglobal.agreements.models import Agreement
from goglobal.bulk.api import EXPORT_ROUTE, Format
from goglobal.core.api import READ, READ_ONE, WRITE, WRITE_ONE, PageNumberPagination, responses
from goglobal.core.schemas import MAX_ID, CountryFilter, Id, InSchema, LongText, ShortText
from goglobal.enterprises.schemas import Ref

router = Router(tags=["agreements"])

Area = Annotated[str, Field(max_length=120)]
RowId = Annotated[int, Field(ge=1, le=MAX_ID)]


class SignatoryIO(Schema):
    side: SignatorySide
    name: Annotated[str, Field(min_length=1, max_length=200)]
    position: Annotated[str, Field(max_length=200)] = ""


class TransitionOut(Schema):
    from_status: AgreementStatus
    to_status: AgreementStatus
    effective_on: dt.date
    actor: str | None
    reason: str
    at: dt.datetime

    @staticmethod
    def resolve_actor(obj) -> str | None:
        return str(obj.actor) if obj.actor_id else None


class AgreementListItem(Schema):
    id: int
    kind: AgreementKind
    status: AgreementStatus
    title_vi: str
    title_en: str
    partner_country: Ref | None
    partner_organisation: str
    proposed_on: dt.date
    signed_on: dt.date | None
    upgraded_from_id: int | None


class AgreementOut(AgreementListItem):
    vietnam_party: str
    partner_party: str
    negotiation_started_on: dt.date | None
    in_force_on: dt.date | None
    ended_on: dt.date | None
    place: str
    areas: list[str]
    summary: str
    signatories: list[SignatoryIO]
    transitions: list[TransitionOut]
    lineage: list[int]
    allowed_moves: list[AgreementStatus]


class AgreementPatch(InSchema):
    title_vi: ShortText | None = None
    title_en: ShortText | None = None
    partner_country: Annotated[str, Field(max_length=2)] | None = None
    partner_organisation: Annotated[str, Field(max_length=200)] | None = None
    vietnam_party: ShortText | None = None
    partner_party: ShortText | None = None
    proposed_on: dt.date | None = None
    place: Annotated[str, Field(max_length=200)] | None = None
    areas: Annotated[list[Area], Field(max_length=30)] | None = None
    summary: Annotated[str, Field(max_length=5000)] | None = None
    signatories: Annotated[list[SignatoryIO], Field(max_length=20)] | None = None
    events: Annotated[list[RowId], Field(max_length=100)] | None = None
    cases: Annotated[list[RowId], Field(max_length=100)] | None = None


class AgreementIn(AgreementPatch):
    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "kind": "mou",
                    "title_vi": "Biên bản ghi nhớ hợp tác về chuyển đổi số",
                    "partner_country": "JP",
                    "vietnam_party": "Bộ Khoa học và Công nghệ",
                    "partner_party": "Bộ Nội vụ và Truyền thông Nhật Bản",
                    "proposed_on": "2024-03-01",
                    "areas": ["chuyển đổi số", "an toàn thông tin"],
                }
            ]
        }
    }

    kind: AgreementKind
    title_vi: ShortText
    vietnam_party: ShortText
    partner_party: ShortText
    proposed_on: dt.date


class TransitionIn(InSchema):
    to: AgreementStatus
    on: dt.date | None = None
    reason: LongText = ""


class UpgradeIn(InSchema):
    kind: AgreementKind
    title_vi: ShortText
    title_en: ShortText = ""
    proposed_on: dt.date
    summary: Annotated[str, Field(max_length=5000)] = ""


def _out(request, agreement_id: int) -> dict:
    agreement = selectors.agreement_get_for_user(request.auth, agreement_id)
    return {
        **{f: getattr(agreement, f) for f in AgreementOut.model_fields if hasattr(agreement, f)},
        "partner_country": agreement.partner_country,
        "signatories": list(agreement.signatories.all()),
        "transitions": list(agreement.transitions.all()),
        "lineage": [a.pk for a in selectors.agreement_lineage(request.auth, agreement)],
        "allowed_moves": machine.allowed_targets(agreement.status),
    }


class AgreementFilters(Schema):
    """The list's filters, which its download takes too."""

    country: CountryFilter = ""
    kind: AgreementKind | None = None
    status: AgreementStatus | None = None

    def selected(self, user) -> QuerySet[Agreement]:
        return selectors.agreement_list_for_user(
            user, country=self.country, kind=self.kind or "", status=self.status or ""
        )


@router.get("/agreements", response=responses({200: list[AgreementListItem]}, *READ))
@paginate(PageNumberPagination)
def agreement_list(request: HttpRequest, filters: Query[AgreementFilters]):
    return filters.selected(request.auth)


@router.get(
    "/agreements/export",
    **EXPORT_ROUTE,
    summary="Export the agreement list",
    description="The agreements the caller may see, with the list's filters.",
)
def agreement_export(request: HttpRequest, filters: Query[AgreementFilters], fmt: Format = "csv"):
    return agreement_export_response(
        filters.selected(request.auth), fmt, absolute=request.build_absolute_uri
    )


@router.post("/agreements", response=responses({201: AgreementOut}, *WRITE))
def agreement_create(request: HttpRequest, payload: AgreementIn):
    agreement = services.agreement_create(
        actor=request.auth, data=payload.model_dump(exclude_unset=True, mode="python")
    )
    return Status(201, _out(request, agreement.pk))


@router.get("/agreements/{agreement_id}", response=responses({200: AgreementOut}, *READ_ONE))
def agreement_detail(request: HttpRequest, agreement_id: Id):
    return _out(request, agreement_id)


@router.patch("/agreements/{agreement_id}", response=responses({200: AgreementOut}, *WRITE_ONE))
def agreement_update(request: HttpRequest, agreement_id: Id, payload: AgreementPatch):
    agreement = selectors.agreement_get_for_user(request.auth, agreement_id)
    services.agreement_update(
        actor=request.auth, agreement=agreement, data=payload.model_dump(exclude_unset=True)
    )
    return _out(request, agreement_id)


@router.post(
    "/agreements/{agreement_id}/transitions",
    response=responses({200: AgreementOut}, *WRITE_ONE),
    summary="Move an agreement to its next status",
    description="Illegal moves (e.g. proposed → in force) are refused with 409; a date before "
    "an earlier stage (signed before proposed) with 422.",
)
def agreement_transition(request: HttpRequest, agreement_id: Id, payload: TransitionIn):
    agreement = selectors.agreement_get_for_user(request.auth, agreement_id)
    services.agreement_transition(
        actor=request.auth,
        agreement=agreement,
        to=payload.to,
        on=payload.on,
        reason=payload.reason,
    )
    return _out(request, agreement_id)


@router.post(
    "/agreements/{agreement_id}/upgrade",
    response=responses({201: AgreementOut}, *WRITE_ONE),
    summary="Upgrade an agreement (e.g. an MoU to a digital partnership)",
)
def agreement_upgrade(request: HttpRequest, agreement_id: Id, payload: UpgradeIn):
    agreement = selectors.agreement_get_for_user(request.auth, agreement_id)
    new = services.agreement_upgrade(
        actor=request.auth, agreement=agreement, data=payload.model_dump()
    )
    return Status(201, _out(request, new.pk))
