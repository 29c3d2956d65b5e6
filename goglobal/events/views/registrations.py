"""Registration pages: register, one's own registrations and tickets, cancel and confirm;
staff's list of an event's registrations with moderation and invitations."""

from __future__ import annotations

from functools import partial

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from goglobal.bulk.exports import list_download
from goglobal.core.pages import render_page
from goglobal.enterprises.models import Enterprise
from goglobal.events import calendars, policies, selectors, services
from goglobal.events.enums import Criterion, RegistrationStatus
from goglobal.events.exports import registration_export_response
from goglobal.events.forms import OutcomeForm, RegistrationForm, RejectForm, ScoreForm
from goglobal.events.views.common import form_page, run_action, run_form


def _enterprises(user) -> list[Enterprise]:
    ids = policies.own_enterprise_set(user)
    return list(Enterprise.objects.filter(pk__in=ids).order_by("name_folded")) if ids else []


def _registration_form(request, event, *, invite: bool):
    venues = list(event.venues.all())
    enterprises = [] if invite else _enterprises(request.user)
    initial = {}
    if request.user.is_authenticated and not invite:
        initial = {"full_name": request.user.full_name, "email": request.user.email}
    return RegistrationForm(
        request.POST or None, venues=venues, enterprises=enterprises, initial=initial
    ), {venue.pk: venue for venue in venues}


def _form_page(request, event, form, title):
    return form_page(
        request,
        form,
        title=title,
        back_url=reverse("events:detail", args=[event.pk]),
        back_label=event.title,
        submit_label=_("Register"),
    )


@require_http_methods(["GET", "POST"])
def register(request, pk: int):
    """Anyone may register for a public event (a foreign participant has no account); the
    ticket page they land on is theirs by its signed address."""
    event = selectors.event_get_for_user(request.user, pk)
    if not policies.can_self_register(request.user, event):
        raise PermissionDenied
    form, venues = _registration_form(request, event, invite=False)

    def create(f):
        data = dict(f.cleaned_data)
        return services.registration_create(
            actor=request.user, event=event, venue=venues[data.pop("venue")], data=data
        )

    registration = request.method == "POST" and run_form(form, create)
    if registration:
        messages.success(request, _status_message(registration))
        return redirect("events:ticket", services.ticket_token(registration))
    return _form_page(request, event, form, _("Register for %(title)s") % {"title": event.title})


def _status_message(registration) -> str:
    status = registration.status
    if status == RegistrationStatus.CONFIRMED:
        return _("You are registered. Keep this ticket: it is checked at the door.")
    if status == RegistrationStatus.WAITLISTED:
        return _(
            "The venue is full: you are number %(n)s on the waiting list. A place that frees up "
            "is offered to the first in line; this ticket page shows your status."
        ) % {"n": registration.waitlist_position}
    return _("Your application is received; the ministry will let you know its decision.")


@require_GET
def ticket(request, token: str):
    try:
        registration = services.ticket_registration(token)
    except ValidationError as exc:  # a forged or stale address is simply not found
        raise Http404 from exc
    check_in_url = request.build_absolute_uri(
        reverse("events:check-in", args=[registration.event_id]) + "?code=" + token
    )
    qr = segno.make(check_in_url, error="m")
    context = {
        "registration": registration,
        "event": registration.event,
        "qr_svg": qr.svg_inline(scale=5, title=_("Ticket QR code")),
        "token": token,
        "can_manage": policies.can_manage_registration(request.user, registration),
        "section": "events",
    }
    return render_page(request, "events/ticket.html", context)


@login_required
@require_GET
def mine(request):
    registrations = list(selectors.registration_list_for_user(request.user))
    context = {
        "rows": [(r, services.ticket_token(r)) for r in registrations],
        "exhibitions": selectors.exhibitor_list_for_user(request.user),
        "feed_url": request.build_absolute_uri(
            reverse("events:feed", args=[calendars.feed_token(request.user.pk)])
        ),
        "section": "events",
    }
    return render_page(request, "events/mine.html", context)


def _own_registration(request, rid: int):
    registration = selectors.registration_get_for_user(request.user, rid)
    if not policies.can_manage_registration(request.user, registration):
        raise PermissionDenied
    return registration


@login_required
@require_POST
def registration_cancel(request, rid: int):
    registration = _own_registration(request, rid)
    run_action(
        request,
        lambda: services.registration_cancel(
            actor=request.user, registration=registration, reason=request.POST.get("reason", "")
        ),
        _("The registration is cancelled."),
    )
    return redirect(request.POST.get("next") or reverse("events:mine"))


@login_required
@require_POST
def registration_confirm(request, rid: int):
    registration = _own_registration(request, rid)
    run_action(
        request,
        lambda: services.registration_confirm(actor=request.user, registration=registration),
        _("Your place is confirmed."),
    )
    return redirect("events:mine")


def _managed_event(request, pk: int):
    if not policies.can_manage_events(request.user):
        raise PermissionDenied
    return selectors.event_get_for_user(request.user, pk)


def _status_filter(request) -> str:
    """The list's one filter; an unknown status is no filter (the list and its download)."""
    status = request.GET.get("status", "")
    return status if status in RegistrationStatus.values else ""


@login_required
@require_GET
def registration_list(request, pk: int):
    event = _managed_event(request, pk)
    status = _status_filter(request)
    rows = list(selectors.registration_list_for_event(request.user, event, status=status))
    for row in rows:
        row.score_map = {score.criterion: score.value for score in row.scores.all()}
        row.score_total = sum(row.score_map.values())
    context = {
        "event": event,
        "rows": rows,
        "status": status,
        "statuses": RegistrationStatus.choices,
        "criteria": Criterion.choices,
        "section": "events",
    }
    return render_page(request, "events/registrations.html", context)


@login_required
@require_GET
def registration_export(request, pk: int, fmt: str):
    """The list as a file, for the event's organisers only (participants' personal data): the
    same check, selector and status filter as the list, so it holds exactly its rows."""
    event = _managed_event(request, pk)
    rows = selectors.registration_list_for_event(
        request.user, event, status=_status_filter(request)
    )
    return list_download(request, fmt, rows, partial(registration_export_response, event))


def _event_registration(request, pk: int, rid: int):
    event = _managed_event(request, pk)
    return event, get_object_or_404(
        selectors.registration_visible_for_user(request.user), pk=rid, event=event
    )


@login_required
@require_POST
def registration_select(request, pk: int, rid: int):
    event, registration = _event_registration(request, pk, rid)
    run_action(
        request,
        lambda: services.registration_select(actor=request.user, registration=registration),
        _("%(name)s is selected.") % {"name": registration.full_name},
    )
    return redirect("events:registrations", event.pk)


@login_required
@require_POST
def registration_reject(request, pk: int, rid: int):
    event, registration = _event_registration(request, pk, rid)
    form = RejectForm(request.POST)
    form.is_valid()
    run_action(
        request,
        lambda: services.registration_reject(
            actor=request.user,
            registration=registration,
            reason=form.cleaned_data.get("reason", ""),
        ),
        _("%(name)s is rejected.") % {"name": registration.full_name},
    )
    return redirect("events:registrations", event.pk)


@login_required
@require_POST
def registration_score(request, pk: int, rid: int):
    event, registration = _event_registration(request, pk, rid)
    form = ScoreForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("A score is a whole number from 0 to 5."))
    else:
        run_action(
            request,
            lambda: services.registration_score(
                actor=request.user, registration=registration, scores=form.scores()
            ),
            _("The scores are saved."),
        )
    return redirect("events:registrations", event.pk)


@login_required
@require_http_methods(["GET", "POST"])
def invite(request, pk: int):
    event = _managed_event(request, pk)
    form, venues = _registration_form(request, event, invite=True)

    def create(f):
        data = dict(f.cleaned_data)
        return services.registration_invite(
            actor=request.user, event=event, venue=venues[data.pop("venue")], data=data
        )

    if request.method == "POST" and run_form(form, create):
        messages.success(request, _("The guest is invited."))
        return redirect("events:registrations", event.pk)
    return _form_page(request, event, form, _("Invite a guest"))


@login_required
@require_http_methods(["GET", "POST"])
def outcome(request, rid: int):
    registration = _own_registration(request, rid)
    current = getattr(registration, "outcome", None)
    initial = (
        {field: getattr(current, field) for field in OutcomeForm.base_fields if field != "currency"}
        | {"currency": current.currency_id}
        if current
        else {
            "meetings_held": 0,
            "agreements": 0,
            "contracts": 0,
            "contract_value": 0,
            "currency": "USD",
        }
    )
    form = OutcomeForm(request.POST or None, initial=initial)
    if request.method == "POST" and run_form(
        form,
        lambda f: services.outcome_report(
            actor=request.user, registration=registration, data=dict(f.cleaned_data)
        ),
    ):
        messages.success(request, _("Thank you: the outcomes are saved."))
        return redirect("events:mine")
    return form_page(
        request,
        form,
        title=_("Outcomes of %(title)s") % {"title": registration.event.title},
        back_url=reverse("events:mine"),
        back_label=_("My registrations"),
    )


def _ticket_action(request, token: str, call, success: str):
    try:
        services.ticket_registration(token)
    except ValidationError as exc:
        raise Http404 from exc
    run_action(request, lambda: call(actor=request.user, token=token), success)
    return redirect("events:ticket", token)


@require_POST
def ticket_confirm(request, token: str):
    return _ticket_action(
        request, token, services.registration_confirm_by_ticket, _("Your place is confirmed.")
    )


@require_POST
def ticket_cancel(request, token: str):
    return _ticket_action(
        request, token, services.registration_cancel_by_ticket, _("The registration is cancelled.")
    )
