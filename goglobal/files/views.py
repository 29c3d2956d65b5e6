"""Download and upload of attachments. Downloads are always sent as attachments with the type
found at upload (never rendered inline), so an uploaded file cannot act as a page of the site."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from goglobal.files import selectors, services, storage
from goglobal.files.forms import AttachmentForm


@require_GET
def attachment_download(request, public_id):
    attachment = selectors.attachment_get_for_user(request.user, public_id)
    try:
        handle = open(storage.path_of(attachment.stored_name), "rb")  # noqa: SIM115
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(
        handle, as_attachment=True, filename=attachment.name, content_type=attachment.media_type
    )
    response["Cache-Control"] = "private, no-store"
    return response


def _back(request) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return "/"


@login_required
@require_POST
def attachment_upload(request, kind: str, pk: int):
    parent = selectors.parent_get_for_user(request.user, kind, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            services.attachment_add(
                actor=request.user,
                parent=parent,
                stream=upload,
                size=upload.size,
                name=form.cleaned_data["name"] or upload.name,
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            for text in exc.messages:
                messages.error(request, text)
        else:
            messages.success(request, _("The file is attached."))
    else:
        for errors in form.errors.values():
            for text in errors:
                messages.error(request, text)
    return redirect(_back(request))
