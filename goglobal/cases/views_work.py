"""Pages beside a case's moves: its contributors, its nomination for a briefing and its
anonymised public summary (drafted, approved by one person, published by another), and the
user's notifications marked read one by one or all at once."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from goglobal.cases import machine, policies, publication, selectors, work
from goglobal.cases.enums import CaseStatus
from goglobal.cases.forms_work import ContributorForm, NominationForm, SummaryForm
from goglobal.cases.models import Case, PublicSummary
from goglobal.core.errors import ConflictError
from goglobal.core.pages import run_service


def _is_open(case: Case) -> bool:
    return case.status != CaseStatus.DRAFT and case.status not in machine.FINAL


def case_work_context(user, case: Case, forms: dict) -> dict:
    """What the case page shows of contributors, nomination and public summary."""
    staff = policies.can_triage(user)
    summary = (
        PublicSummary.objects.select_related("approved_by", "published_by")
        .filter(case=case)
        .first()
        if staff
        else None
    )
    can_summarise = (
        staff and summary is None and case.publish_summary and case.status != CaseStatus.DRAFT
    )
    return {
        "contributors": list(case.contributors.order_by("full_name", "id")) if staff else [],
        "contributor_form": forms.get("contributor_form")
        or (
            ContributorForm(candidates=work.contributor_candidates())
            if staff and _is_open(case)
            else None
        ),
        "can_change_contributors": staff and _is_open(case),
        "nomination_form": forms.get("nomination_form")
        or (NominationForm() if _is_open(case) and policies.can_nominate(user, case) else None),
        "summary": summary,
        "summary_form": forms.get("summary_form") or (SummaryForm() if can_summarise else None),
        "can_approve_summary": summary is not None and summary.approved_at is None,
        "can_publish_summary": summary is not None
        and summary.approved_at is not None
        and summary.published_at is None
        and summary.approved_by_id != user.pk,
    }


def _again(request, case: Case, **forms):
    from goglobal.cases.views import case_detail_page

    return case_detail_page(request, case, status=422, **forms)


def _back(request, pk: int, message: str, *, error: bool = False):
    (messages.error if error else messages.success)(request, message)
    return redirect("cases:detail", pk)


def case_form_action(request, case: Case, form, call, message: str, form_name: str):
    """Runs the service behind a form posted from the case page: back to the page with
    `message`, or with a conflict's message, or the page again (422) showing the form's
    errors."""
    try:
        done = run_service(form, call)
    except ConflictError as exc:
        return _back(request, case.pk, str(exc), error=True)
    if done:
        return _back(request, case.pk, message)
    return _again(request, case, **{form_name: form})


def _staff_case(request, pk: int) -> Case:
    case = selectors.case_get_for_user(request.user, pk)
    if not policies.can_triage(request.user):
        raise PermissionDenied
    return case


@login_required
@require_POST
def contributor_add(request, pk: int):
    case = _staff_case(request, pk)
    form = ContributorForm(request.POST, candidates=work.contributor_candidates())
    return case_form_action(
        request,
        case,
        form,
        lambda f: work.case_contributor_add(
            actor=request.user, case=case, user_id=f.cleaned_data["user"]
        ),
        _("The contributor is added."),
        "contributor_form",
    )


@login_required
@require_POST
def contributor_remove(request, pk: int, user_pk: int):
    case = _staff_case(request, pk)
    try:
        work.case_contributor_remove(actor=request.user, case=case, user_id=user_pk)
    except ConflictError as exc:
        return _back(request, pk, str(exc), error=True)
    return _back(request, pk, _("The contributor is removed."))


@login_required
@require_POST
def summary_draft(request, pk: int):
    case = _staff_case(request, pk)
    return case_form_action(
        request,
        case,
        SummaryForm(request.POST),
        lambda f: publication.summary_draft(
            actor=request.user, case=case, text=f.cleaned_data["text"]
        ),
        _("The summary is drafted; another step approves it."),
        "summary_form",
    )


def _summary_step(request, pk: int, step, message: str):
    case = _staff_case(request, pk)
    summary = PublicSummary.objects.filter(case=case).first()
    if summary is None:
        raise Http404
    try:
        step(actor=request.user, summary=summary)
    except ConflictError as exc:
        return _back(request, pk, str(exc), error=True)
    return _back(request, pk, message)


@login_required
@require_POST
def summary_approve(request, pk: int):
    return _summary_step(request, pk, publication.summary_approve, _("The summary is approved."))


@login_required
@require_POST
def summary_publish(request, pk: int):
    """Someone other than the approver publishes (403 for the approver)."""
    return _summary_step(request, pk, publication.summary_publish, _("The summary is published."))


@login_required
@require_POST
def notification_read(request, pk: int):
    work.notification_mark_read(actor=request.user, notification_id=pk)
    messages.success(request, _("The notification is marked as read."))
    return redirect("cases:notifications")


@login_required
@require_POST
def notification_read_all(request):
    count = work.notification_mark_all_read(actor=request.user)
    messages.success(request, _("%(count)s notifications marked as read.") % {"count": count})
    return redirect("cases:notifications")
