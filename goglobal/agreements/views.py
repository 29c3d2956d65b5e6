from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from goglobal.agreements import machine, policies, selectors, services
from goglobal.agreements.exports import agreement_export_response
from goglobal.agreements.forms import (
    AgreementFilterForm,
    AgreementForm,
    TransitionForm,
    UpgradeForm,
)
from goglobal.bulk.exports import list_download
from goglobal.core.pages import render_page, run_service, run_service_or_report
from goglobal.core.pagination import paginate, query_without_page
from goglobal.files.forms import AttachmentForm
from goglobal.files.selectors import attachment_list_for_parent


@require_GET
def agreement_list(request):
    form = AgreementFilterForm(request.GET or None)
    filters = form.valid_data()
    queryset = selectors.agreement_list_for_user(request.user, **filters)
    context = {
        "form": form,
        "page_obj": paginate(request, queryset),
        "filter_query": query_without_page(request),
        "can_manage": policies.can_manage_agreements(request.user),
        "section": "agreements",
    }
    return render_page(
        request, "agreements/list.html", context, partial="results", target="results"
    )


@require_GET
def agreement_export(request, fmt: str):
    """The list as a file, with the list's filters (its "Download" links)."""
    form = AgreementFilterForm(request.GET or None)
    queryset = selectors.agreement_list_for_user(request.user, **form.valid_data())
    return list_download(request, fmt, queryset, agreement_export_response)


def _detail_context(request, agreement, *, transition_form=None, upgrade_form=None) -> dict:
    can_manage = policies.can_manage_agreements(request.user)
    targets = machine.allowed_targets(agreement.status)
    return {
        "agreement": agreement,
        "lineage": selectors.agreement_lineage(request.user, agreement),
        "cases": selectors.agreement_cases_for_user(request.user, agreement),
        "events": selectors.agreement_events_for_user(request.user, agreement),
        "attachments": attachment_list_for_parent(agreement),
        "can_attach": can_manage,
        "attach_form": AttachmentForm(),
        "attach_kind": "agreement",
        "attach_pk": agreement.pk,
        "can_manage": can_manage,
        "transition_form": transition_form
        or (TransitionForm(targets=targets) if targets else None),
        "upgrade_form": upgrade_form or UpgradeForm(),
        "section": "agreements",
    }


@require_GET
def agreement_detail(request, pk: int):
    agreement = selectors.agreement_get_for_user(request.user, pk)
    return render_page(request, "agreements/detail.html", _detail_context(request, agreement))


@login_required
@require_http_methods(["GET", "POST"])
def agreement_create(request):
    if not policies.can_manage_agreements(request.user):
        raise PermissionDenied
    form = AgreementForm(request.POST or None)
    agreement = request.method == "POST" and run_service(
        form, lambda f: services.agreement_create(actor=request.user, data=f.to_data())
    )
    if agreement:
        messages.success(request, _("The agreement is recorded."))
        return redirect("agreements:detail", agreement.pk)
    context = {
        "form": form,
        "title": _("Record an agreement"),
        "back_url": reverse("agreements:list"),
        "back_label": _("Agreements"),
        "section": "agreements",
    }
    return render_page(request, "includes/form_page.html", context)


@login_required
@require_POST
def agreement_transition(request, pk: int):
    agreement = selectors.agreement_get_for_user(request.user, pk)
    if not policies.can_manage_agreements(request.user):
        raise PermissionDenied
    form = TransitionForm(request.POST, targets=machine.allowed_targets(agreement.status))
    done = run_service_or_report(
        request,
        form,
        lambda f: services.agreement_transition(
            actor=request.user,
            agreement=agreement,
            to=f.cleaned_data["to"],
            on=f.cleaned_data["on"],
            reason=f.cleaned_data["reason"],
        ),
    )
    if done:
        messages.success(request, _("The agreement's status is changed."))
    if done or not form.errors:
        return redirect("agreements:detail", pk)
    context = _detail_context(request, agreement, transition_form=form)
    return render_page(request, "agreements/detail.html", context, status=422)


@login_required
@require_POST
def agreement_upgrade(request, pk: int):
    agreement = selectors.agreement_get_for_user(request.user, pk)
    if not policies.can_manage_agreements(request.user):
        raise PermissionDenied
    form = UpgradeForm(request.POST)
    new = run_service_or_report(
        request,
        form,
        lambda f: services.agreement_upgrade(
            actor=request.user, agreement=agreement, data=dict(f.cleaned_data)
        ),
    )
    if new:
        messages.success(request, _("The upgrade is recorded."))
        return redirect("agreements:detail", new.pk)
    if not form.errors:
        return redirect("agreements:detail", pk)
    context = _detail_context(request, agreement, upgrade_form=form)
    return render_page(request, "agreements/detail.html", context, status=422)
