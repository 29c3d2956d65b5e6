"""Anonymised public summaries of cases: drafted, approved and published by two people."""

from django.http import Http404, HttpRequest
from ninja import Router, Status
from ninja.pagination import paginate

from goglobal.cases import policies, publication, selectors
from goglobal.cases.models import PublicSummary
from goglobal.cases.schemas import PublicSummaryOut, SummaryIn, SummaryOut
from goglobal.core.api import READ, WRITE_ONE, PageNumberPagination, responses
from goglobal.core.schemas import Id

router = Router(tags=["cases: public summaries"])


def _summary(request, summary_id: int) -> PublicSummary:
    if not policies.can_triage(request.auth):
        raise Http404
    found = PublicSummary.objects.filter(pk=summary_id).first()
    if found is None:
        raise Http404
    return found


@router.get("/public/case-summaries", response=responses({200: list[PublicSummaryOut]}, *READ))
@paginate(PageNumberPagination)
def public_summary_list(request: HttpRequest):
    """Open to everyone; groups of fewer than three enterprises are left out."""
    return publication.summary_public_list()


@router.post("/cases/{case_id}/summary", response=responses({201: SummaryOut}, *WRITE_ONE))
def summary_draft(request: HttpRequest, case_id: Id, payload: SummaryIn):
    case = selectors.case_get_for_user(request.auth, case_id)
    return Status(201, publication.summary_draft(actor=request.auth, case=case, text=payload.text))


@router.post("/summaries/{summary_id}/approve", response=responses({200: SummaryOut}, *WRITE_ONE))
def summary_approve(request: HttpRequest, summary_id: Id):
    return publication.summary_approve(actor=request.auth, summary=_summary(request, summary_id))


@router.post("/summaries/{summary_id}/publish", response=responses({200: SummaryOut}, *WRITE_ONE))
def summary_publish(request: HttpRequest, summary_id: Id):
    """Published by someone other than the approver (403 otherwise)."""
    return publication.summary_publish(actor=request.auth, summary=_summary(request, summary_id))
