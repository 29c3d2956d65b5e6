"""The check-in page at the door, made for a phone: the QR code opens it with the ticket's
code; without a readable code the door searches by name. Staff keep every door of an event
(the event-wide page) or one venue's; a mission officer keeps the doors of the bridge points
in the mission's jurisdiction, one venue's page each."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from goglobal.core.errors import ConflictError
from goglobal.core.pages import query_id, render_page, search_text
from goglobal.events import policies, selectors, services
from goglobal.events.forms import CheckInForm


def _door(request, pk: int, vid: int | None):
    """The event and the venue whose door this page keeps (None: all of the event's)."""
    event = selectors.event_get_for_user(request.user, pk)
    venues = selectors.venue_list_for_check_in(request.user, event)
    if vid is not None:
        venue = next((v for v in venues if v.pk == vid), None)
        if venue is None:
            raise PermissionDenied
        return event, venue, venues
    if not venues:
        raise PermissionDenied
    return event, None, venues


@login_required
@require_http_methods(["GET", "POST"])
def check_in(request, pk: int, vid: int | None = None):
    event, venue, venues = _door(request, pk, vid)
    if venue is None and not policies.can_manage_events(request.user):
        if len(venues) == 1:  # the QR code opens the event's page: on to the officer's venue
            query = request.META.get("QUERY_STRING", "")
            url = reverse("events:venue-check-in", args=[event.pk, venues[0].pk])
            return redirect(url + (f"?{query}" if query else ""))
        return render_page(
            request,
            "events/check_in.html",
            {"event": event, "choose": venues, "section": "events"},
        )
    data = request.POST if request.method == "POST" else request.GET
    form = CheckInForm(data if data.get("code") else None)
    found, error, done = None, "", None
    status = 200
    try:
        if form.is_bound and form.is_valid():
            found = services.ticket_registration(
                form.cleaned_data["code"], event=event, venue=venue
            )
        elif request.method == "POST" and query_id(data.get("registration")):
            found = get_object_or_404(
                selectors.registration_list_for_event(request.user, event, venue=venue),
                pk=query_id(data.get("registration")),
            )
        if found is not None and request.method == "POST":
            done = services.registration_check_in(actor=request.user, registration=found)
    except (ValidationError, ConflictError) as exc:
        error = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        status = 409 if isinstance(exc, ConflictError) else 422
    query = search_text(request, 100)
    matches = (
        list(selectors.registration_list_for_event(request.user, event, q=query, venue=venue)[:20])
        if query
        else []
    )
    context = {
        "event": event,
        "venue": venue,
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
