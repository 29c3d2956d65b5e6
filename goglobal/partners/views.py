from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from goglobal.bulk.exports import list_download
from goglobal.core.changes import change_log
from goglobal.core.pages import render_page, run_service
from goglobal.core.pagination import paginate, query_without_page
from goglobal.enterprises import policies as registry_policies
from goglobal.enterprises.selectors import contact_list_for_user
from goglobal.partners import selectors, services
from goglobal.partners.exports import organisation_export_response
from goglobal.partners.forms import ForeignOrganisationFilterForm, ForeignOrganisationForm
from goglobal.partners.models import ForeignOrganisation


@login_required
@require_GET
def organisation_list(request):
    form = ForeignOrganisationFilterForm(request.GET or None)
    queryset = selectors.foreign_organisation_list_for_user(request.user, **form.filters())
    context = {
        "form": form,
        "page_obj": paginate(request, queryset),
        "filter_query": query_without_page(request),
        "can_create": selectors.can_create_foreign_organisation(request.user),
        "section": "partners",
    }
    return render_page(request, "partners/list.html", context, partial="results", target="results")


@login_required
@require_GET
def organisation_export(request, fmt: str):
    """The list as a file, with the list's filters (its "Download" links)."""
    form = ForeignOrganisationFilterForm(request.GET or None)
    queryset = selectors.foreign_organisation_list_for_user(request.user, **form.filters())
    return list_download(request, fmt, queryset, organisation_export_response)


@login_required
@require_GET
def organisation_detail(request, pk: int):
    organisation = selectors.foreign_organisation_get_for_user(request.user, pk)
    context = {
        "organisation": organisation,
        "contacts": contact_list_for_user(request.user, foreign_organisation_id=pk),
        "can_edit": selectors.can_edit_foreign_organisation(request.user, organisation),
        "history": (
            change_log([("", ForeignOrganisation.history.filter(id=pk))])
            if registry_policies.can_view_history(request.user)
            else None
        ),
        "section": "partners",
    }
    return render_page(request, "partners/detail.html", context)


def _form_page(request, form, *, title: str, back_url: str, back_label: str):
    context = {
        "form": form,
        "title": title,
        "back_url": back_url,
        "back_label": back_label,
        "section": "partners",
    }
    return render_page(request, "includes/form_page.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def organisation_create(request):
    if not selectors.can_create_foreign_organisation(request.user):
        raise PermissionDenied
    form = ForeignOrganisationForm(request.POST or None)
    organisation = request.method == "POST" and run_service(
        form,
        lambda f: services.foreign_organisation_create(
            actor=request.user, data=dict(f.cleaned_data)
        ),
    )
    if organisation:
        messages.success(request, _("The organisation is registered."))
        return redirect("partners:detail", organisation.pk)
    return _form_page(
        request,
        form,
        title=_("Register a foreign organisation"),
        back_url=reverse("partners:list"),
        back_label=_("Foreign organisations"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def organisation_edit(request, pk: int):
    organisation = selectors.foreign_organisation_get_for_user(request.user, pk)
    if not selectors.can_edit_foreign_organisation(request.user, organisation):
        raise PermissionDenied
    form = ForeignOrganisationForm(
        request.POST or None, initial=ForeignOrganisationForm.initial_for(organisation)
    )
    if request.method == "POST" and run_service(
        form,
        lambda f: services.foreign_organisation_update(
            actor=request.user, organisation=organisation, data=dict(f.cleaned_data)
        ),
    ):
        messages.success(request, _("The organisation is saved."))
        return redirect("partners:detail", pk)
    return _form_page(
        request,
        form,
        title=_("Edit %(name)s") % {"name": organisation.name},
        back_url=reverse("partners:detail", args=[pk]),
        back_label=organisation.name,
    )
