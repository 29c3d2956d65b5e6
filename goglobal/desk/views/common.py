from __future__ import annotations

from goglobal.core.pages import render_page
from goglobal.files.forms import AttachmentForm
from goglobal.files.selectors import attachment_list_for_parent


def form_page(request, form, *, title: str, back_url: str, back_label: str, status: int = 200):
    context = {
        "form": form,
        "title": title,
        "back_url": back_url,
        "back_label": back_label,
        "section": "desk",
    }
    return render_page(request, "includes/form_page.html", context, status=status)


def files_context(parent, kind: str, can_attach: bool) -> dict:
    return {
        "attachments": attachment_list_for_parent(parent),
        "can_attach": can_attach,
        "attach_form": AttachmentForm(),
        "attach_kind": kind,
        "attach_pk": parent.pk,
    }
