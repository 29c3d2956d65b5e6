"""iCalendar feeds: one event, the public programme, and a person's registrations (by a signed
address a calendar application can poll without signing in)."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from goglobal.accounts.models import User
from goglobal.events import selectors
from goglobal.events.calendars import calendar_ics, entries_for, feed_user_id
from goglobal.events.enums import ENDED
from goglobal.events.models import Session, Venue


def _ics(request, entries, name: str, filename: str) -> HttpResponse:
    def url_for(event):
        return request.build_absolute_uri(reverse("events:detail", args=[event.pk]))

    response = HttpResponse(
        calendar_ics(entries, name=name, url_for=url_for),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _venues_with_sessions():
    return Prefetch(
        "venues",
        queryset=Venue.objects.select_related("country").prefetch_related(
            Prefetch("sessions", queryset=Session.objects.order_by("starts_at", "id"))
        ),
    )


@require_GET
def event_ics(request, pk: int):
    event = selectors.event_get_for_user(request.user, pk)
    return _ics(
        request,
        entries_for(event, selectors.event_programme(event)),
        event.title_vi,
        f"event-{event.pk}.ics",
    )


@require_GET
def programme_ics(request):
    """The public programme: what an anonymous visitor sees, whoever asks."""
    events = (
        selectors.event_visible_for_user(AnonymousUser())
        .prefetch_related(_venues_with_sessions())
        .select_related()
        .order_by("starts_at", "id")
    )
    entries = [entry for event in events for entry in entries_for(event, event.venues.all())]
    return _ics(request, entries, "Go Global Vietnam", "programme.ics")


@require_GET
def feed(request, token: str):
    user = User.objects.filter(pk=feed_user_id(token) or 0, is_active=True).first()
    if user is None:
        raise Http404
    registrations = (
        selectors.registration_list_for_user(user)
        .exclude(status__in=sorted(ENDED))
        .select_related("venue__country")
        .prefetch_related(
            Prefetch("venue__sessions", queryset=Session.objects.order_by("starts_at", "id"))
        )
    )
    entries = [
        entry
        for registration in registrations
        for entry in entries_for(registration.event, [registration.venue])
    ]
    return _ics(request, entries, "Go Global Vietnam", "my-events.ics")
