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
from goglobal.missions import selectors, services
from goglobal.missions.exports import mission_export_response
from goglobal.missions.forms import MissionFilterForm, MissionForm
from goglobal.missions.models import Mission


@require_GET
def mission_list(request):
    form = MissionFilterForm(request.GET or None)
    queryset = selectors.mission_list_for_user(request.user, **form.filters())
    context = {
        "form": form,
        "page_obj": paginate(request, queryset),
        "filter_query": query_without_page(request),
        "can_create": selectors.can_create_mission(request.user),
        "section": "missions",
    }
    return render_page(request, "missions/list.html", context, partial="results", target="results")


@require_GET
def mission_export(request, fmt: str):
    """The list as a file, with the list's filters (its "Download" links)."""
    form = MissionFilterForm(request.GET or None)
    queryset = selectors.mission_list_for_user(request.user, **form.filters())
    return list_download(request, fmt, queryset, mission_export_response)


@require_GET
def mission_detail(request, pk: int):
    mission = selectors.mission_get_for_user(request.user, pk)
    enterprises = selectors.mission_enterprises_for_user(request.user, mission).prefetch_related(
        "sectors"
    )
    context = {
        "mission": mission,
        "page_obj": paginate(request, enterprises),
        "filter_query": query_without_page(request),
        "can_edit": selectors.can_edit_mission(request.user, mission),
        "history": (
            change_log([("", Mission.history.filter(id=pk))])
            if registry_policies.can_view_history(request.user)
            else None
        ),
        "section": "missions",
    }
    return render_page(
        request, "missions/detail.html", context, partial="enterprises", target="enterprises"
    )


def _form_page(request, form, *, title: str, back_url: str, back_label: str):
    context = {
        "form": form,
        "title": title,
        "back_url": back_url,
        "back_label": back_label,
        "section": "missions",
    }
    return render_page(request, "includes/form_page.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def mission_create(request):
    if not selectors.can_create_mission(request.user):
        raise PermissionDenied
    form = MissionForm(request.POST or None)
    mission = request.method == "POST" and run_service(
        form, lambda f: services.mission_create(actor=request.user, data=f.to_data())
    )
    if mission:
        messages.success(request, _("The mission is registered."))
        return redirect("missions:detail", mission.pk)
    return _form_page(
        request,
        form,
        title=_("Register an overseas mission"),
        back_url=reverse("missions:list"),
        back_label=_("Missions"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def mission_edit(request, pk: int):
    mission = selectors.mission_get_for_user(request.user, pk)
    if not selectors.can_edit_mission(request.user, mission):
        raise PermissionDenied
    form = MissionForm(
        request.POST or None,
        initial=MissionForm.initial_for(mission),
        can_change_scope=selectors.can_change_mission_scope(request.user),
    )
    if request.method == "POST" and run_service(
        form,
        lambda f: services.mission_update(actor=request.user, mission=mission, data=f.to_data()),
    ):
        messages.success(request, _("The mission is saved."))
        return redirect("missions:detail", pk)
    return _form_page(
        request,
        form,
        title=_("Edit %(name)s") % {"name": mission.name},
        back_url=reverse("missions:detail", args=[pk]),
        back_label=mission.name,
    )
