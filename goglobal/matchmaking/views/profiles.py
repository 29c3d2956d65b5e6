"""Profile pages: the list, one profile with its suggestions, the profile form, dismissals."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from goglobal.bulk.exports import list_download
from goglobal.core.pages import query_id, render_page, search_text
from goglobal.events.views.common import run_action, run_form
from goglobal.matchmaking import policies, selectors, services
from goglobal.matchmaking.exports import profile_export_response
from goglobal.matchmaking.forms import ProfileForm


@login_required
@require_GET
def profile_list(request):
    q = search_text(request, 200)
    profiles = list(selectors.profile_list_for_user(request.user, q=q)[:200])
    mine = [p for p in profiles if policies.can_edit_profile(request.user, p)]
    context = {"profiles": profiles, "mine": mine, "q": q, "section": "matchmaking"}
    return render_page(request, "matchmaking/list.html", context)


@login_required
@require_GET
def profile_export(request, fmt: str):
    """Every profile the list's search finds (the page shows the first 200), as a file."""
    profiles = selectors.profile_list_for_user(request.user, q=search_text(request, 200))
    return list_download(request, fmt, profiles, profile_export_response)


@login_required
@require_GET
def profile_detail(request, pk: int):
    profile = selectors.profile_get_for_user(request.user, pk)
    editable = policies.can_edit_profile(request.user, profile)
    suggestions = selectors.recommendations_for(request.user, profile) if editable else []
    context = {
        "profile": profile,
        "editable": editable,
        "suggestions": suggestions,
        "participations": profile.participations.select_related("event") if editable else [],
        "section": "matchmaking",
    }
    return render_page(request, "matchmaking/profile.html", context)


def _form_page(request, form, title, back_url):
    context = {
        "form": form,
        "title": title,
        "back_url": back_url,
        "back_label": _("Matchmaking"),
        "section": "matchmaking",
    }
    return render_page(request, "includes/form_page.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def profile_create(request):
    """For the user's own organisation (?enterprise=ID or ?organisation=ID for staff)."""
    ids = {"enterprise_id": None, "foreign_organisation_id": None}
    for key, name in (("enterprise", "enterprise_id"), ("organisation", "foreign_organisation_id")):
        ids[name] = query_id(request.GET.get(key))
    if ids == {"enterprise_id": None, "foreign_organisation_id": None}:
        enterprises, foreign = policies._own(request.user)
        ids["enterprise_id"] = min(enterprises, default=None)
        if ids["enterprise_id"] is None:
            ids["foreign_organisation_id"] = min(foreign, default=None)
    if not policies.can_speak_for_organisation(request.user, **ids):
        raise PermissionDenied
    form = ProfileForm(request.POST or None)
    saved = request.method == "POST" and run_form(
        form, lambda f: services.profile_save(actor=request.user, **ids, **f.service_data())
    )
    if saved:
        messages.success(request, _("Profile saved."))
        return redirect("matchmaking:profile", saved.pk)
    return _form_page(request, form, _("New match profile"), reverse("matchmaking:list"))


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request, pk: int):
    profile = selectors.profile_get_for_user(request.user, pk)
    if not policies.can_edit_profile(request.user, profile):
        raise PermissionDenied
    form = ProfileForm(request.POST or None, initial=ProfileForm.initial_for(profile))
    saved = request.method == "POST" and run_form(
        form,
        lambda f: services.profile_save(actor=request.user, profile=profile, **f.service_data()),
    )
    if saved:
        messages.success(request, _("Profile saved."))
        return redirect("matchmaking:profile", pk)
    title = _("Edit %(name)s") % {"name": profile.name}
    return _form_page(request, form, title, reverse("matchmaking:profile", args=[pk]))


@login_required
@require_POST
def dismiss(request, pk: int, other: int):
    profile = selectors.profile_get_for_user(request.user, pk)
    dismissed = selectors.profile_get_for_user(request.user, other)
    run_action(
        request,
        lambda: services.dismissal_create(actor=request.user, profile=profile, dismissed=dismissed),
        _("%(name)s will not be suggested again.") % {"name": dismissed.name},
    )
    return redirect("matchmaking:profile", pk)
