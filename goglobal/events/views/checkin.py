"""The check-in page at the door, made for a phone: the QR code opens it with the ticket's
code; without a readable code staff search by name."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from goglobal.core.errors import ConflictError
from goglobal.core.pages import render_page
from goglobal.events import policies, selectors, services
from goglobal.events.forms import CheckInForm


@login_required
@require_http_methods(["GET", "POST"])
def check_in(request, pk: int):
    if not policies.can_manage_events(request.user):
        raise PermissionDenied
    event = selectors.event_get_for_user(request.user, pk)
    data = request.POST if request.method == "POST" else request.GET
    form = CheckInForm(data if data.get("code") else None)
    found, error, done = None, "", None
    status = 200
    try:
        if form.is_bound and form.is_valid():
            found = services.ticket_registration(form.cleaned_data["code"], event=event)
        elif request.method == "POST" and data.get("registration", "").isdigit():
            found = get_object_or_404(
                selectors.registration_visible_for_user(request.user),
                pk=int(data["registration"]),
                event=event,
            )
        if found is not None and request.method == "POST":
            done = services.registration_check_in(actor=request.user, registration=found)
    except (ValidationError, ConflictError) as exc:
        error = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        status = 409 if isinstance(exc, ConflictError) else 422
    query = (request.GET.get("q") or "").strip()[:100]
    matches = (
        list(selectors.registration_list_for_event(request.user, event, q=query)[:20])
        if query
        else []
    )
    context = {
        "event": event,
        "form": form,
        "found": found,
        "done": done,
        "error": error,
        "query": query,
        "matches": matches,
        "done_message": done and _("%(name)s is checked in.") % {"name": done.full_name},
        "section": "events",
    }
    return render_page(request, "events/check_in.html", context, status=status)
