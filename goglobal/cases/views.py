"""Pages of support cases: the list, filing and editing a draft, the case page with its moves,
SLA clocks, history, triage and rating, and the user's notifications."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from goglobal.accounts import access
from goglobal.bulk.exports import list_download
from goglobal.cases import (
    charts,
    machine,
    metrics,
    policies,
    selectors,
    services,
    sla,
)
from goglobal.cases.enums import CaseStatus
from goglobal.cases.exports import case_export_response
from goglobal.cases.forms import CaseFilterForm, CaseForm, MoveForm, RateForm, TriageForm
from goglobal.cases.models import Case
from goglobal.cases.views_work import case_work_context
from goglobal.core.errors import ConflictError
from goglobal.core.forms import apply_service_errors
from goglobal.core.pages import query_id, render_page, run_service
from goglobal.core.pagination import paginate, query_without_page
from goglobal.enterprises.models import Contact, Enterprise
from goglobal.enterprises.selectors import enterprise_visible_for_user


@login_required
@require_GET
def case_list(request):
    form = CaseFilterForm(request.GET or None)
    queryset = selectors.case_list_for_user(request.user, **form.valid_data())
    context = {
        "form": form,
        "page_obj": paginate(request, queryset),
        "filter_query": query_without_page(request),
        "can_file": policies.can_file_any_case(request.user),
        "can_see_briefings": policies.can_see_briefings(request.user),
        "can_see_metrics": policies.can_triage(request.user),
        "section": "cases",
    }
    return render_page(request, "cases/list.html", context, partial="results", target="results")


@login_required
@require_GET
def case_export(request, fmt: str):
    """The list as a file, with the list's filters (its "Download" links)."""
    form = CaseFilterForm(request.GET or None)
    queryset = selectors.case_list_for_user(request.user, **form.valid_data())
    return list_download(request, fmt, queryset, case_export_response)


def _form_page(request, form, *, title, back_url):
    context = {
        "form": form,
        "title": title,
        "back_url": back_url,
        "back_label": _("Support cases"),
        "section": "cases",
    }
    return render_page(request, "includes/form_page.html", context)


def _enterprise_for_filing(request) -> Enterprise:
    """The enterprise a new case is for: `?enterprise=` for staff, or the representative's own
    (the first, if they speak for several and name none)."""
    wanted = request.GET.get("enterprise") or request.POST.get("enterprise")
    visible = enterprise_visible_for_user(request.user)
    if wanted:
        pk = query_id(wanted)
        enterprise = visible.filter(pk=pk).first() if pk else None
    else:
        enterprise = visible.filter(pk__in=access.own_enterprise_ids(request.user)).first()
    if enterprise is None:
        raise Http404
    if not policies.can_file_case(request.user, enterprise.pk):
        raise PermissionDenied
    return enterprise


@login_required
@require_http_methods(["GET", "POST"])
def case_create(request):
    if not policies.can_file_any_case(request.user):
        raise PermissionDenied
    enterprise = _enterprise_for_filing(request)
    contacts = Contact.objects.filter(enterprise=enterprise)
    form = CaseForm(request.POST or None, contacts=contacts)
    case = request.method == "POST" and run_service(
        form,
        lambda f: services.case_create(actor=request.user, enterprise=enterprise, data=f.to_data()),
    )
    if case:
        messages.success(request, _("The case is saved as a draft. Submit it when it is ready."))
        return redirect("cases:detail", case.pk)
    title = _("Report an obstacle abroad: %(name)s") % {"name": enterprise.name}
    return _form_page(request, form, title=title, back_url=reverse("cases:list"))


@login_required
@require_http_methods(["GET", "POST"])
def case_edit(request, pk: int):
    case = selectors.case_get_for_user(request.user, pk)
    if not policies.can_edit_case(request.user, case):
        raise PermissionDenied
    form = CaseForm(
        request.POST or None,
        initial=CaseForm.initial_for(case),
        contacts=Contact.objects.filter(enterprise_id=case.enterprise_id),
    )
    try:
        saved = request.method == "POST" and run_service(
            form, lambda f: services.case_update(actor=request.user, case=case, data=f.to_data())
        )
    except ConflictError as exc:
        messages.error(request, str(exc))
        return redirect("cases:detail", pk)
    if saved:
        messages.success(request, _("The case is saved."))
        return redirect("cases:detail", pk)
    return _form_page(request, form, title=case.title, back_url=reverse("cases:detail", args=[pk]))


def _clocks(case: Case) -> list[sla.ClockState]:
    moves = [(t.from_status, t.to_status, t.at) for t in case.transitions.all()]
    timeline = sla.timeline_from(case.priority, moves)
    country = case.owning_mission.host_country_id if case.owning_mission else "VN"
    return sla.sla_clocks(timeline, timezone.now(), sla.working_calendar(country))


def _detail(request, case: Case, *, move_form=None, triage_form=None, rate_form=None, status=200):
    return case_detail_page(
        request,
        case,
        status=status,
        move_form=move_form,
        triage_form=triage_form,
        rate_form=rate_form,
    )


def case_detail_page(
    request,
    case: Case,
    *,
    status: int = 200,
    move_form=None,
    triage_form=None,
    rate_form=None,
    **forms,
):
    """The case page; a form the user got wrong is passed back to show its errors."""
    user = request.user
    targets = machine.allowed_targets(case.status, policies.roles_on_case(user, case))
    can_triage = policies.can_triage(user)
    context = {
        **case_work_context(user, case, forms),
        "case": case,
        "transitions": selectors.case_transitions(case),
        "clocks": _clocks(case),
        "move_form": move_form
        or (
            MoveForm(targets=targets, initial={"expected_version": case.version})
            if targets
            else None
        ),
        "can_edit": policies.can_edit_case(user, case),
        "can_triage": can_triage,
        "triage_form": triage_form
        or (TriageForm(initial=TriageForm.initial_for(case)) if can_triage else None),
        "duplicates": selectors.case_duplicate_candidates(case) if can_triage else [],
        "rate_form": rate_form
        or (RateForm() if policies.can_rate(user, case) and case.rated_at is None else None),
        "section": "cases",
    }
    return render_page(request, "cases/detail.html", context, status=status)


@login_required
@require_GET
def case_detail(request, pk: int):
    return _detail(request, selectors.case_get_for_user(request.user, pk))


@login_required
@require_POST
def case_move(request, pk: int):
    case = selectors.case_get_for_user(request.user, pk)
    targets = machine.allowed_targets(case.status, policies.roles_on_case(request.user, case))
    if not targets:
        raise PermissionDenied
    form = MoveForm(request.POST, targets=targets)
    if not form.is_valid():
        if "to" in form.errors or "expected_version" in form.errors:
            messages.error(request, _("This case has moved on since you opened it. Look again."))
            return redirect("cases:detail", pk)
        return _detail(request, case, move_form=form, status=422)
    data = form.cleaned_data
    merged_into = None
    if data["merged_into"]:
        merged_into = (
            selectors.case_visible_for_user(request.user).filter(pk=data["merged_into"]).first()
        )
        if merged_into is None:
            form.add_error("merged_into", _("Unknown case."))
            return _detail(request, case, move_form=form, status=422)
    try:
        services.case_transition(
            actor=request.user,
            case=case,
            to=data["to"],
            reason=data["reason"],
            waiting_on=data["waiting_on"],
            merged_into=merged_into,
            expected_version=data["expected_version"],
        )
    except ConflictError as exc:
        messages.error(request, str(exc))
        return redirect("cases:detail", pk)
    except ValidationError as exc:
        apply_service_errors(form, exc)
        return _detail(request, case, move_form=form, status=422)
    messages.success(
        request, _("The case is now: %(status)s.") % {"status": CaseStatus(data["to"]).label}
    )
    return redirect("cases:detail", pk)


@login_required
@require_POST
def case_triage(request, pk: int):
    case = selectors.case_get_for_user(request.user, pk)
    if not policies.can_triage(request.user):
        raise PermissionDenied
    form = TriageForm(request.POST)
    try:
        done = run_service(
            form,
            lambda f: services.case_triage(actor=request.user, case=case, data=f.cleaned_data),
        )
    except ConflictError as exc:
        messages.error(request, str(exc))
        return redirect("cases:detail", pk)
    if done:
        messages.success(request, _("Triage is saved."))
        return redirect("cases:detail", pk)
    return _detail(request, case, triage_form=form, status=422)


@login_required
@require_POST
def case_rate(request, pk: int):
    case = selectors.case_get_for_user(request.user, pk)
    if not policies.speaks_for(request.user, case.enterprise_id):
        raise PermissionDenied
    form = RateForm(request.POST)
    try:
        done = run_service(
            form,
            lambda f: services.case_rate(
                actor=request.user,
                case=case,
                rating=f.cleaned_data["rating"],
                comment=f.cleaned_data["comment"],
            ),
        )
    except ConflictError as exc:
        messages.error(request, str(exc))
        return redirect("cases:detail", pk)
    if done:
        messages.success(request, _("Thank you for rating the support."))
        return redirect("cases:detail", pk)
    return _detail(request, case, rate_form=form, status=422)


@login_required
@require_GET
def notification_list(request):
    notifications = selectors.notification_list_for_user(request.user)
    context = {
        "page_obj": paginate(request, notifications),
        "unread": notifications.filter(read_at__isnull=True).exists(),
        "filter_query": "",
        "section": "cases",
    }
    return render_page(request, "cases/notifications.html", context)


@login_required
@require_GET
def case_metrics(request):
    if not policies.can_triage(request.user):
        raise PermissionDenied
    numbers = metrics.case_metrics_for_user(request.user)
    context = {"metrics": numbers, "charts": charts.metrics_charts(numbers), "section": "cases"}
    return render_page(request, "cases/metrics.html", context)
