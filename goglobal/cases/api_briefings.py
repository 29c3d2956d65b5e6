"""Briefings of the Advisory Group under /api/v1/briefings; nominations of cases."""

from django.http import Http404, HttpRequest
from ninja import Router, Status

from goglobal.bulk.api import EXPORT_ROUTE, Format
from goglobal.cases import briefings, selectors
from goglobal.cases.exports import briefing_export_response
from goglobal.cases.models import ActionItem, CaseNomination
from goglobal.cases.schemas import (
    ActionItemIn,
    ActionItemOut,
    BriefingDetailOut,
    BriefingIn,
    BriefingOut,
    EvidenceIn,
    MinutesIn,
    NominationIn,
    NominationOut,
)
from goglobal.core.api import READ, READ_ONE, WRITE, WRITE_ONE, responses
from goglobal.core.schemas import Id

router = Router(tags=["briefings"])


def _detail(user, briefing_id: int):
    briefing = briefings.briefing_get_for_user(user, briefing_id)
    briefing.agenda_rows = briefings.briefing_agenda(briefing)
    return briefing


@router.get("/briefings", response=responses({200: list[BriefingOut]}, *READ))
def briefing_list(request: HttpRequest):
    """Staff and Advisory Group members see every briefing; others an empty list."""
    return list(briefings.briefing_visible_for_user(request.auth))


@router.get(
    "/briefings/export",
    **EXPORT_ROUTE,
    summary="Export the briefing list",
    description="The briefings the caller may see (as the list: none for others), newest first.",
)
def briefing_export(request: HttpRequest, fmt: Format = "csv"):
    return briefing_export_response(
        briefings.briefing_visible_for_user(request.auth), fmt, absolute=request.build_absolute_uri
    )


@router.post("/briefings", response=responses({201: BriefingDetailOut}, *WRITE))
def briefing_create(request: HttpRequest, payload: BriefingIn):
    briefing = briefings.briefing_create(actor=request.auth, data=payload.model_dump())
    return Status(201, _detail(request.auth, briefing.pk))


@router.get("/briefings/{briefing_id}", response=responses({200: BriefingDetailOut}, *READ_ONE))
def briefing_detail(request: HttpRequest, briefing_id: Id):
    return _detail(request.auth, briefing_id)


@router.post(
    "/briefings/{briefing_id}/agenda", response=responses({200: BriefingDetailOut}, *WRITE_ONE)
)
def briefing_assemble(request: HttpRequest, briefing_id: Id):
    """Assembles the agenda again from the escalated cases and open action items."""
    briefing = briefings.briefing_get_for_user(request.auth, briefing_id)
    briefings.briefing_assemble_agenda(actor=request.auth, briefing=briefing)
    return _detail(request.auth, briefing_id)


@router.post(
    "/briefings/{briefing_id}/minutes", response=responses({200: BriefingDetailOut}, *WRITE_ONE)
)
def briefing_minutes(request: HttpRequest, briefing_id: Id, payload: MinutesIn):
    briefing = briefings.briefing_get_for_user(request.auth, briefing_id)
    briefings.briefing_record_minutes(
        actor=request.auth, briefing=briefing, minutes=payload.minutes
    )
    return _detail(request.auth, briefing_id)


@router.post(
    "/briefings/{briefing_id}/next", response=responses({201: BriefingDetailOut}, *WRITE_ONE)
)
def briefing_next(request: HttpRequest, briefing_id: Id):
    briefing = briefings.briefing_get_for_user(request.auth, briefing_id)
    following = briefings.briefing_plan_next(actor=request.auth, briefing=briefing)
    return Status(201, _detail(request.auth, following.pk))


@router.post(
    "/briefings/{briefing_id}/action-items",
    response=responses({201: ActionItemOut}, *WRITE_ONE),
)
def action_item_create(request: HttpRequest, briefing_id: Id, payload: ActionItemIn):
    briefing = briefings.briefing_get_for_user(request.auth, briefing_id)
    return Status(
        201,
        briefings.action_item_create(
            actor=request.auth, briefing=briefing, data=payload.model_dump()
        ),
    )


@router.post("/action-items/{item_id}/done", response=responses({200: ActionItemOut}, *WRITE_ONE))
def action_item_done(request: HttpRequest, item_id: Id, payload: EvidenceIn):
    if not briefings.policies.can_see_briefings(request.auth):
        raise Http404
    item = ActionItem.objects.filter(pk=item_id).first()
    if item is None:
        raise Http404
    return briefings.action_item_complete(actor=request.auth, item=item, evidence=payload.evidence)


@router.post("/cases/{case_id}/nominations", response=responses({201: NominationOut}, *WRITE_ONE))
def case_nominate(request: HttpRequest, case_id: Id, payload: NominationIn):
    """Puts a case forward for a briefing; the chair accepts it onto the agenda."""
    case = selectors.case_get_for_user(request.auth, case_id)
    return Status(
        201, briefings.case_nominate(actor=request.auth, case=case, reason=payload.reason)
    )


@router.post(
    "/briefings/{briefing_id}/nominations/{nomination_id}/accept",
    response=responses({200: NominationOut}, *WRITE_ONE),
)
def nomination_accept(request: HttpRequest, briefing_id: Id, nomination_id: Id):
    briefing = briefings.briefing_get_for_user(request.auth, briefing_id)
    nomination = CaseNomination.objects.filter(pk=nomination_id).first()
    if nomination is None:
        raise Http404
    return briefings.nomination_accept(actor=request.auth, nomination=nomination, briefing=briefing)
