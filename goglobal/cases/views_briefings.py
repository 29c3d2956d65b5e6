"""Pages of the Advisory Group's briefings: the list, planning a briefing (periodic or ad
hoc), and the briefing page where staff assemble the agenda, the chair accepts nominations,
minutes and action items are recorded, action items are done with evidence, and the next
periodic briefing is planned (open action items carry over)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from goglobal.accounts.models import Role, User
from goglobal.bulk.exports import list_download
from goglobal.cases import briefings, policies, selectors
from goglobal.cases.enums import ActionStatus, BriefingKind, BriefingStatus
from goglobal.cases.exports import briefing_export_response
from goglobal.cases.forms_work import (
    ActionItemForm,
    BriefingForm,
    EvidenceForm,
    MinutesForm,
    NominationForm,
)
from goglobal.cases.models import ActionItem, Briefing, CaseNomination
from goglobal.cases.views_work import case_form_action
from goglobal.core.errors import ConflictError
from goglobal.core.pages import render_page, run_service
from goglobal.core.pagination import paginate


def _people():
    """Who may chair a briefing or own its action items: staff and Advisory Group members."""
    return User.objects.filter(
        Q(role__in=[Role.ADMIN, Role.PROGRAMME_OFFICER, Role.ADVISORY_MEMBER])
        | Q(is_superuser=True),
        is_active=True,
    ).order_by("full_name", "username")


@login_required
@require_GET
def briefing_list(request):
    if not policies.can_see_briefings(request.user):
        raise PermissionDenied
    context = {
        "page_obj": paginate(request, briefings.briefing_visible_for_user(request.user)),
        "filter_query": "",
        "can_manage": policies.can_manage_briefings(request.user),
        "section": "cases",
    }
    return render_page(request, "cases/briefing_list.html", context)


@login_required
@require_GET
def briefing_export(request, fmt: str):
    """The list as a file (its "Download" links): the same briefings, for the same people."""
    if not policies.can_see_briefings(request.user):
        raise PermissionDenied
    queryset = briefings.briefing_visible_for_user(request.user)
    return list_download(request, fmt, queryset, briefing_export_response)


@login_required
@require_http_methods(["GET", "POST"])
def briefing_create(request):
    if not policies.can_manage_briefings(request.user):
        raise PermissionDenied
    form = BriefingForm(request.POST or None, chairs=_people())
    briefing = request.method == "POST" and run_service(
        form, lambda f: briefings.briefing_create(actor=request.user, data=f.cleaned_data)
    )
    if briefing:
        messages.success(request, _("The briefing is planned."))
        return redirect("cases:briefing-detail", briefing.pk)
    context = {
        "form": form,
        "title": _("Plan a briefing"),
        "back_url": reverse("cases:briefing-list"),
        "back_label": _("Advisory Group briefings"),
        "section": "cases",
    }
    return render_page(request, "includes/form_page.html", context)


def _detail(request, briefing: Briefing, *, status: int = 200, **forms):
    user = request.user
    manage = policies.can_manage_briefings(user)
    items = list(briefing.action_items.select_related("owner", "case"))
    for item in items:
        item.can_complete = item.status == ActionStatus.OPEN and policies.can_complete_action(
            user, item
        )
    planned = briefing.status == BriefingStatus.PLANNED
    context = {
        "briefing": briefing,
        "agenda": briefings.briefing_agenda(briefing),
        "action_items": items,
        "can_manage": manage,
        "can_assemble": manage and planned,
        "can_plan_next": manage
        and briefing.kind == BriefingKind.PERIODIC
        and briefing.status == BriefingStatus.HELD,
        "can_chair": policies.can_chair(user, briefing),
        "nominations": briefings.nominations_pending()
        if policies.can_chair(user, briefing)
        else [],
        "minutes_form": forms.get("minutes_form")
        or (MinutesForm(initial={"minutes": briefing.minutes}) if manage else None),
        "action_form": forms.get("action_form")
        or (ActionItemForm(owners=_people()) if manage else None),
        "evidence_form": forms.get("evidence_form") or EvidenceForm(),
        "evidence_for": forms.get("evidence_for"),
        "section": "cases",
    }
    return render_page(request, "cases/briefing_detail.html", context, status=status)


def _briefing(request, pk: int) -> Briefing:
    if not policies.can_see_briefings(request.user):
        raise PermissionDenied
    return briefings.briefing_get_for_user(request.user, pk)


@login_required
@require_GET
def briefing_detail(request, pk: int):
    return _detail(request, _briefing(request, pk))


def _done(request, pk: int, message: str):
    messages.success(request, message)
    return redirect("cases:briefing-detail", pk)


def _conflict(request, pk: int, exc: ConflictError):
    messages.error(request, str(exc))
    return redirect("cases:briefing-detail", pk)


def _form_action(request, briefing: Briefing, form, call, message: str, **again):
    """Runs the service behind a form posted from the briefing page: back to the page with
    `message`, or with a conflict's message, or the page again (422) showing the form's
    errors (`again` names the form in the page's context)."""
    try:
        done = run_service(form, call)
    except ConflictError as exc:
        return _conflict(request, briefing.pk, exc)
    if done:
        return _done(request, briefing.pk, message)
    return _detail(request, briefing, status=422, **again)


@login_required
@require_POST
def briefing_agenda(request, pk: int):
    briefing = _briefing(request, pk)
    try:
        briefings.briefing_assemble_agenda(actor=request.user, briefing=briefing)
    except ConflictError as exc:
        return _conflict(request, pk, exc)
    return _done(request, pk, _("The agenda is assembled again."))


@login_required
@require_POST
def briefing_minutes(request, pk: int):
    briefing = _briefing(request, pk)
    if not policies.can_manage_briefings(request.user):
        raise PermissionDenied
    form = MinutesForm(request.POST)
    return _form_action(
        request,
        briefing,
        form,
        lambda f: briefings.briefing_record_minutes(
            actor=request.user, briefing=briefing, minutes=f.cleaned_data["minutes"]
        ),
        _("The minutes are saved; the briefing is held."),
        minutes_form=form,
    )


@login_required
@require_POST
def briefing_next(request, pk: int):
    briefing = _briefing(request, pk)
    try:
        following = briefings.briefing_plan_next(actor=request.user, briefing=briefing)
    except ConflictError as exc:
        return _conflict(request, pk, exc)
    return _done(request, following.pk, _("The next briefing is planned; open actions carry over."))


@login_required
@require_POST
def action_item_create(request, pk: int):
    briefing = _briefing(request, pk)
    if not policies.can_manage_briefings(request.user):
        raise PermissionDenied
    form = ActionItemForm(request.POST, owners=_people())
    return _form_action(
        request,
        briefing,
        form,
        lambda f: briefings.action_item_create(
            actor=request.user, briefing=briefing, data=f.cleaned_data
        ),
        _("The action item is added."),
        action_form=form,
    )


@login_required
@require_POST
def action_item_done(request, pk: int):
    if not policies.can_see_briefings(request.user):
        raise PermissionDenied
    item = ActionItem.objects.select_related("briefing").filter(pk=pk).first()
    if item is None:
        raise Http404
    form = EvidenceForm(request.POST)
    return _form_action(
        request,
        item.briefing,
        form,
        lambda f: briefings.action_item_complete(
            actor=request.user, item=item, evidence=f.cleaned_data["evidence"]
        ),
        _("The action item is done."),
        evidence_form=form,
        evidence_for=item.pk,
    )


@login_required
@require_POST
def nomination_accept(request, pk: int, nomination_pk: int):
    briefing = _briefing(request, pk)
    nomination = CaseNomination.objects.filter(pk=nomination_pk).first()
    if nomination is None:
        raise Http404
    try:
        briefings.nomination_accept(actor=request.user, nomination=nomination, briefing=briefing)
    except ConflictError as exc:
        return _conflict(request, pk, exc)
    return _done(request, pk, _("The nomination is accepted; it joins the next agenda."))


@login_required
@require_POST
def case_nominate(request, pk: int):
    case = selectors.case_get_for_user(request.user, pk)
    if not policies.can_nominate(request.user, case):
        raise PermissionDenied
    return case_form_action(
        request,
        case,
        NominationForm(request.POST),
        lambda f: briefings.case_nominate(
            actor=request.user, case=case, reason=f.cleaned_data["reason"]
        ),
        _("The case is nominated for a briefing."),
        "nomination_form",
    )
