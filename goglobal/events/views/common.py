"""What the events pages share: running a service behind a form or a button, where a
refusal of the record's state (ConflictError) is shown like any other message."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError

from goglobal.core.errors import ConflictError
from goglobal.core.pages import render_page, run_service


def run_form(form, call: Callable, field_map: dict | None = None):
    try:
        return run_service(form, call, field_map)
    except ConflictError as exc:
        form.add_error(None, str(exc))
        return None


def run_action(request, call: Callable, success: str) -> bool:
    """A button's service call; its outcome becomes a flash message."""
    try:
        call()
    except ConflictError as exc:
        messages.error(request, str(exc))
        return False
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return False
    messages.success(request, success)
    return True


def form_page(request, form, *, title, back_url, back_label, submit_label=None):
    """A staff or participant form on the shared form page."""
    context = {
        "form": form,
        "title": title,
        "back_url": back_url,
        "back_label": back_label,
        "submit_label": submit_label,
        "section": "events",
    }
    return render_page(request, "includes/form_page.html", context)
