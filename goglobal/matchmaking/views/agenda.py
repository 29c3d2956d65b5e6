"""A participant's agenda: page, PDF and ICS; availability; recording a meeting afterwards."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from goglobal.core.pages import render_page
from goglobal.events.views.common import run_form
from goglobal.matchmaking import agenda as documents
from goglobal.matchmaking import policies, selectors, services
from goglobal.matchmaking.forms import AvailabilityForm, RecordForm, parse_windows


def _participant(request, pid: int):
    participant = selectors.participant_get_for_user(request.user, pid)
    if not policies.can_act_for(request.user, participant):
        raise PermissionDenied
    return participant


def _rows(user, participant) -> list[dict]:
    zone = participant.zone
    return [
        {
            "meeting": m,
            "starts": m.slot.starts_at.astimezone(zone),
            "ends": m.slot.ends_at.astimezone(zone),
            "other": documents.other_side(m, participant).profile.name,
            "place": documents.place(m),
            "past": m.slot.starts_at <= timezone.now(),
        }
        for m in selectors.agenda_for(user, participant)
    ]


@login_required
@require_GET
def agenda_page(request, pid: int):
    participant = _participant(request, pid)
    context = {
        "participant": participant,
        "rows": _rows(request.user, participant),
        "section": "matchmaking",
    }
    return render_page(request, "matchmaking/agenda.html", context)


@login_required
@require_GET
def agenda_ics(request, pid: int):
    participant = _participant(request, pid)
    meetings = selectors.agenda_for(request.user, participant)
    response = HttpResponse(
        documents.agenda_ics(participant, meetings), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="agenda-{participant.pk}.ics"'
    return response


@login_required
@require_GET
def agenda_pdf(request, pid: int):
    participant = _participant(request, pid)
    response = HttpResponse(
        documents.agenda_pdf(participant, _rows(request.user, participant)),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = f'attachment; filename="agenda-{participant.pk}.pdf"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def availability(request, pid: int):
    participant = _participant(request, pid)
    day = timezone.localtime(participant.event.starts_at, participant.zone).date()
    current = ", ".join(
        f"{w.starts_at.astimezone(participant.zone):%H:%M}-{w.ends_at.astimezone(participant.zone):%H:%M}"
        for w in participant.availability.all()
    )
    form = AvailabilityForm(request.POST or None, initial={"windows": current})

    def save(f):
        try:
            windows = parse_windows(f.cleaned_data["windows"], day)
        except ValidationError as exc:
            raise ValidationError({"windows": exc.messages}) from exc
        return (
            services.availability_set(actor=request.user, participant=participant, windows=windows)
            or True
        )

    if request.method == "POST" and run_form(form, save):
        messages.success(request, _("Availability saved."))
        return redirect("matchmaking:agenda", pid)
    title = _("Availability on %(day)s (%(zone)s)") % {
        "day": day.strftime("%d/%m/%Y"),
        "zone": participant.time_zone,
    }
    context = {
        "form": form,
        "title": title,
        "back_url": reverse("matchmaking:agenda", args=[pid]),
        "back_label": _("Agenda"),
        "section": "matchmaking",
    }
    return render_page(request, "includes/form_page.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def record(request, mid: int):
    meeting = selectors.meeting_get_for_user(request.user, mid)
    if not policies.can_record_meeting(request.user, meeting):
        raise PermissionDenied
    form = RecordForm(
        request.POST or None,
        initial={"status": meeting.status, "feedback": meeting.feedback, "rating": meeting.rating},
    )
    done = request.method == "POST" and run_form(
        form,
        lambda f: services.meeting_record(actor=request.user, meeting=meeting, **f.cleaned_data),
    )
    if done:
        messages.success(request, _("Meeting recorded."))
        return redirect("matchmaking:event", meeting.request.event_id)
    context = {
        "form": form,
        "title": _("After the meeting"),
        "back_url": reverse("matchmaking:event", args=[meeting.request.event_id]),
        "back_label": _("Matchmaking"),
        "section": "matchmaking",
    }
    return render_page(request, "includes/form_page.html", context)
