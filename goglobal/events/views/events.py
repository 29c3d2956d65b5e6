"""Event pages: the list, the programme calendar, an event's page and staff's forms."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from goglobal.bulk.exports import list_download
from goglobal.core.pages import render_page
from goglobal.events import policies, selectors, services
from goglobal.events.enums import Language
from goglobal.events.exports import event_export_response
from goglobal.events.forms import EventForm, SessionForm, VenueForm
from goglobal.events.models import Registration
from goglobal.events.views.common import form_page, run_form


def _require_manager(request) -> None:
    if not policies.can_manage_events(request.user):
        raise PermissionDenied


@require_GET
def event_list(request):
    upcoming = request.GET.get("past") != "1"
    events = selectors.event_list_for_user(request.user, selectors.EventFilters(upcoming=upcoming))
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    context = {
        "page_obj": page,
        "upcoming": upcoming,
        "can_create": policies.can_manage_events(request.user),
        "section": "events",
    }
    return render_page(request, "events/list.html", context, partial="results", target="results")


@require_GET
def event_export(request, fmt: str):
    """The list as a file: upcoming events, or all with ?past=1, as the list shows them."""
    upcoming = request.GET.get("past") != "1"
    events = selectors.event_list_for_user(request.user, selectors.EventFilters(upcoming=upcoming))
    return list_download(request, fmt, events, event_export_response)


@require_GET
def programme(request):
    try:
        year = int(request.GET.get("year") or timezone.localdate().year)
    except ValueError:
        year = timezone.localdate().year
    year = min(max(year, 2000), 2100)
    months = selectors.programme_for_year(request.user, year)
    context = {
        "year": year,
        "months": months,
        "missing": sum(month.missing for month in months),
        "section": "events",
    }
    return render_page(request, "events/programme.html", context)


@require_GET
def event_detail(request, pk: int):
    event = selectors.event_get_for_user(request.user, pk)
    venues = selectors.event_programme(event)
    seats = selectors.venue_seat_counts(event)
    mine = list(
        selectors.registration_list_for_user(request.user).filter(event=event)
        if request.user.is_authenticated
        else Registration.objects.none()
    )
    context = {
        "event": event,
        "venues": [(venue, seats.get(venue.pk, {"held": 0, "waiting": 0})) for venue in venues],
        "mine": mine,
        "can_manage": policies.can_manage_events(request.user),
        "languages": [label for code, label in Language.choices if code in event.languages],
        "check_in_venues": {v.pk for v in selectors.venue_list_for_check_in(request.user, event)},
        "can_register": policies.can_self_register(request.user, event) and event.is_open(),
        "section": "events",
    }
    return render_page(request, "events/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def event_create(request):
    _require_manager(request)
    form = EventForm(request.POST or None, initial={"is_public": True, "status": "draft"})
    event = request.method == "POST" and run_form(
        form, lambda f: services.event_create(actor=request.user, data=dict(f.cleaned_data))
    )
    if event:
        messages.success(request, _("The event is created. Add its venues next."))
        return redirect("events:detail", event.pk)
    return form_page(
        request,
        form,
        title=_("New event"),
        back_url=reverse("events:list"),
        back_label=_("Events"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def event_edit(request, pk: int):
    _require_manager(request)
    event = selectors.event_get_for_user(request.user, pk)
    form = EventForm(request.POST or None, initial=EventForm.initial_for(event))
    if request.method == "POST" and run_form(
        form,
        lambda f: services.event_update(actor=request.user, event=event, data=dict(f.cleaned_data)),
    ):
        messages.success(request, _("The event is saved."))
        return redirect("events:detail", event.pk)
    return form_page(
        request,
        form,
        title=_("Edit %(title)s") % {"title": event.title},
        back_url=reverse("events:detail", args=[event.pk]),
        back_label=event.title,
    )


@login_required
@require_http_methods(["GET", "POST"])
def venue_create(request, pk: int):
    return _venue_form(request, pk, None)


@login_required
@require_http_methods(["GET", "POST"])
def venue_edit(request, pk: int, vid: int):
    return _venue_form(request, pk, vid)


def _venue_form(request, pk: int, vid: int | None):
    """Adds a venue (vid None) or edits one of the event's."""
    _require_manager(request)
    event = selectors.event_get_for_user(request.user, pk)
    venue = get_object_or_404(event.venues.all(), pk=vid) if vid else None
    if venue is None:
        initial = {"time_zone": "Asia/Ho_Chi_Minh"}
        title, done = _("Add a venue or bridge point"), _("The venue is added.")
    else:
        initial = {name: getattr(venue, name) for name in VenueForm.base_fields} | {
            "country": venue.country_id
        }
        title, done = _("Edit %(title)s") % {"title": venue.name}, _("The venue is saved.")
    form = VenueForm(request.POST or None, initial=initial)

    def save(f):
        data = dict(f.cleaned_data)
        if venue is None:
            return services.venue_create(actor=request.user, event=event, data=data)
        return services.venue_update(actor=request.user, venue=venue, data=data)

    if request.method == "POST" and run_form(form, save):
        messages.success(request, done)
        return redirect("events:detail", event.pk)
    return form_page(
        request,
        form,
        title=title,
        back_url=reverse("events:detail", args=[event.pk]),
        back_label=event.title,
    )


@login_required
@require_http_methods(["GET", "POST"])
def session_create(request, pk: int):
    _require_manager(request)
    event = selectors.event_get_for_user(request.user, pk)
    form = SessionForm(request.POST or None, venues=list(event.venues.all()))

    def create(f):
        venue, data = f.service_data()
        return services.session_create(actor=request.user, venue=venue, data=data)

    if request.method == "POST" and run_form(
        form, create, {"starts_at": "start", "ends_at": "end"}
    ):
        messages.success(request, _("The session is added to the programme."))
        return redirect("events:detail", event.pk)
    return form_page(
        request,
        form,
        title=_("Add a session"),
        back_url=reverse("events:detail", args=[event.pk]),
        back_label=event.title,
    )
