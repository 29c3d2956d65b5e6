"""What the events pages share: running a service behind a form or a button, where a
refusal of the record's state (ConflictError) is shown like any other message."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError

from goglobal.core.errors import ConflictError
from goglobal.core.pages import run_service


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
