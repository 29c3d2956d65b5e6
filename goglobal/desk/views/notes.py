from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from goglobal.bulk.exports import list_download
from goglobal.core.pages import render_page, run_service
from goglobal.core.pagination import paginate
from goglobal.desk import policies, selectors
from goglobal.desk.exports import note_export_response
from goglobal.desk.forms import NoteForm
from goglobal.desk.services import notes
from goglobal.desk.views.common import files_context, form_page


@login_required
@require_GET
def note_list(request):
    context = {
        "page_obj": paginate(request, selectors.note_list_for_user(request.user)),
        "can_write": policies.can_write_for_some_mission(request.user),
        "section": "desk",
    }
    return render_page(request, "desk/note_list.html", context)


@login_required
@require_GET
def note_export(request, fmt: str):
    """The list as a file (its "Download" links); the list has no filters."""
    queryset = selectors.note_list_for_user(request.user)
    return list_download(request, fmt, queryset, note_export_response)


@login_required
@require_GET
def note_detail(request, pk: int):
    note = selectors.note_get_for_user(request.user, pk)
    can_edit = policies.acts_for_mission(request.user, note.mission_id)
    context = {"note": note, "section": "desk", **files_context(note, "market-note", can_edit)}
    return render_page(request, "desk/note_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def note_create(request):
    if not policies.can_write_for_some_mission(request.user):
        raise PermissionDenied
    form = NoteForm(request.POST or None, user=request.user)
    note = request.method == "POST" and run_service(
        form, lambda f: notes.note_create(actor=request.user, data=dict(f.cleaned_data))
    )
    if note:
        messages.success(request, _("The market note is saved."))
        return redirect("desk:note-detail", note.pk)
    return form_page(
        request,
        form,
        title=_("Write a market note"),
        back_url=reverse("desk:note-list"),
        back_label=_("Market notes"),
    )
