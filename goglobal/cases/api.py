"""Support cases under /api/v1/cases: scoped by `selectors`, changed through `services`."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate

from goglobal.bulk.api import EXPORT_ROUTE, Format
from goglobal.cases import metrics, policies, selectors, services
from goglobal.cases.api_briefings import router as briefings_router
from goglobal.cases.api_publication import router as publication_router
from goglobal.cases.enums import CaseCategory, CaseStatus
from goglobal.cases.exports import case_export_response
from goglobal.cases.models import Case
from goglobal.cases.schemas import (
    CaseIn,
    CaseOut,
    CasePatch,
    CaseRow,
    MetricsOut,
    RatingIn,
    TransitionIn,
    TransitionOut,
    TriageIn,
)
from goglobal.core.api import READ, READ_ONE, WRITE_ONE, PageNumberPagination, responses
from goglobal.core.schemas import CountryFilter, Id, OptionalIdFilter
from goglobal.enterprises.selectors import enterprise_get_for_user

router = Router(tags=["cases"])
router.add_router("", briefings_router)
router.add_router("", publication_router)


def _detail(user, case_id: int) -> Case:
    return selectors.case_get_for_user(user, case_id)


class CaseFilters(Schema):
    """The list's filters, which its download takes too."""

    status: CaseStatus | None = None
    category: CaseCategory | None = None
    country: CountryFilter = ""
    enterprise: OptionalIdFilter = None

    def selected(self, user) -> QuerySet[Case]:
        return selectors.case_list_for_user(
            user,
            status=self.status or "",
            category=self.category or "",
            country=self.country,
            enterprise_id=self.enterprise,
        )


@router.get("/cases", response=responses({200: list[CaseRow]}, *READ))
@paginate(PageNumberPagination)
def case_list(request: HttpRequest, filters: Query[CaseFilters]):
    """The cases the caller may see, newest first."""
    return filters.selected(request.auth)


@router.get(
    "/cases/export",
    **EXPORT_ROUTE,
    summary="Export the case list",
    description="The cases the caller may see, newest first, with the list's filters.",
)
def case_export(request: HttpRequest, filters: Query[CaseFilters], fmt: Format = "csv"):
    return case_export_response(
        filters.selected(request.auth), fmt, absolute=request.build_absolute_uri
    )


@router.post("/enterprises/{enterprise_id}/cases", response=responses({201: CaseOut}, *WRITE_ONE))
def case_create(request: HttpRequest, enterprise_id: Id, payload: CaseIn):
    """A new case, saved as a draft; submit it with a transition to `submitted`."""
    enterprise = enterprise_get_for_user(request.auth, enterprise_id)
    case = services.case_create(
        actor=request.auth, enterprise=enterprise, data=payload.model_dump(exclude_unset=True)
    )
    return Status(201, _detail(request.auth, case.pk))


@router.get("/cases/metrics", response=responses({200: MetricsOut}, 401, 403, 422))
def case_metrics(request: HttpRequest):
    """Intake, durations (calendar days, median and 90th percentile), SLA compliance, backlog
    ageing, resolution and reopen rates over every case. Ministry staff only."""
    if not policies.can_triage(request.auth):
        raise PermissionDenied
    return metrics.case_metrics_for_user(request.auth)


@router.get("/cases/{case_id}", response=responses({200: CaseOut}, *READ_ONE))
def case_detail(request: HttpRequest, case_id: Id):
    return _detail(request.auth, case_id)


@router.patch("/cases/{case_id}", response=responses({200: CaseOut}, *WRITE_ONE))
def case_update(request: HttpRequest, case_id: Id, payload: CasePatch):
    case = _detail(request.auth, case_id)
    services.case_update(actor=request.auth, case=case, data=payload.model_dump(exclude_unset=True))
    return _detail(request.auth, case_id)


@router.get(
    "/cases/{case_id}/transitions", response=responses({200: list[TransitionOut]}, *READ_ONE)
)
def case_transition_list(request: HttpRequest, case_id: Id):
    return list(selectors.case_transitions(_detail(request.auth, case_id)))


@router.post("/cases/{case_id}/transitions", response=responses({200: CaseOut}, *WRITE_ONE))
def case_transition(request: HttpRequest, case_id: Id, payload: TransitionIn):
    """Moves the case. 409 when the move is not allowed from the case's status or the case
    changed since `expected_version`; 403 when the move exists but not for the caller."""
    case = _detail(request.auth, case_id)
    merged_into = None
    if payload.merged_into is not None:
        merged_into = (
            selectors.case_visible_for_user(request.auth).filter(pk=payload.merged_into).first()
        )
        if merged_into is None:
            raise ValidationError({"merged_into": _("Unknown case.")})
    services.case_transition(
        actor=request.auth,
        case=case,
        to=payload.to,
        reason=payload.reason,
        waiting_on=payload.waiting_on or "",
        merged_into=merged_into,
        expected_version=payload.expected_version,
    )
    return _detail(request.auth, case_id)


@router.post("/cases/{case_id}/triage", response=responses({200: CaseOut}, *WRITE_ONE))
def case_triage(request: HttpRequest, case_id: Id, payload: TriageIn):
    case = _detail(request.auth, case_id)
    services.case_triage(actor=request.auth, case=case, data=payload.model_dump(exclude_unset=True))
    return _detail(request.auth, case_id)


@router.post("/cases/{case_id}/rating", response=responses({200: CaseOut}, *WRITE_ONE))
def case_rate(request: HttpRequest, case_id: Id, payload: RatingIn):
    case = _detail(request.auth, case_id)
    services.case_rate(
        actor=request.auth, case=case, rating=payload.rating, comment=payload.comment
    )
    return _detail(request.auth, case_id)


@router.get(
    "/cases/{case_id}/duplicates", response=responses({200: list[CaseRow]}, 401, 403, 404, 422)
)
def case_duplicates(request: HttpRequest, case_id: Id):
    """Possible duplicates for triage: recent cases of the same enterprise, or of the same
    country and category."""
    case = _detail(request.auth, case_id)
    if not policies.can_triage(request.auth):
        raise PermissionDenied
    return list(selectors.case_duplicate_candidates(case))
