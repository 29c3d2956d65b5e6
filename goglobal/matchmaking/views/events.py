"""An event's matchmaking: the participant's page (requests), the organisers' settings, the
scheduler and the table plan."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from goglobal.core.pages import query_id, render_page
from goglobal.events.selectors import event_get_for_user
from goglobal.events.views.common import run_action, run_form
from goglobal.matchmaking import policies, selectors, services
from goglobal.matchmaking.forms import RequestForm, RunForm, SettingsForm
from goglobal.matchmaking.models import MeetingSettings


def _event_context(request, event, receiver: int | None = None) -> dict:
    """`receiver` (a profile id, from a suggestion's "Request a meeting") is chosen in the
    request form in advance."""
    own = list(selectors.own_participants(request.user, event))
    others = [
        p
        for p in selectors.participant_list_for_event(request.user, event)
        if p.pk not in {o.pk for o in own}
    ]
    slots = selectors.slots_of(event)
    requests = (
        list(selectors.request_list_for_user(request.user, event=event))
        if own or policies.can_manage_matchmaking(request.user)
        else []
    )
    own_ids = {p.pk for p in own}
    joinable = list(
        selectors.profile_list_for_user(request.user, mine=True).exclude(
            participations__event=event
        )
    )
    return {
        "event": event,
        "settings": MeetingSettings.objects.filter(event=event).first(),
        "own": own,
        # Each own participant with its best partners among this event's participants.
        "suggested": [
            (me, selectors.recommendations_for(request.user, me.profile, event=event, limit=5))
            for me in own
        ],
        "joinable": joinable,
        "slots": slots,
        "incoming": [r for r in requests if r.receiver_id in own_ids],
        "outgoing": [r for r in requests if r.sender_id in own_ids],
        "form": (
            RequestForm(receivers=others, slots=slots, initial={"receiver": receiver})
            if own
            else None
        ),
        "manager": policies.can_manage_matchmaking(request.user),
        "run": selectors.last_run(event),
        "section": "matchmaking",
    }


@login_required
@require_GET
def event_page(request, pk: int):
    event = event_get_for_user(request.user, pk)
    to = request.GET.get("to", "")
    receiver = query_id(to)
    return render_page(request, "matchmaking/event.html", _event_context(request, event, receiver))


@login_required
@require_POST
def join(request, pk: int):
    event = event_get_for_user(request.user, pk)
    chosen = request.POST.get("profile", "")
    if query_id(chosen) is None:
        messages.error(request, _("Choose one of your profiles."))
    else:
        profile = selectors.profile_get_for_user(request.user, query_id(chosen))
        run_action(
            request,
            lambda: services.participant_add(actor=request.user, event=event, profile=profile),
            _("You take part in this event's meetings."),
        )
    return redirect("matchmaking:event", pk)


@login_required
@require_POST
def send_request(request, pk: int, participant: int):
    event = event_get_for_user(request.user, pk)
    sender = selectors.participant_get_for_user(request.user, participant)
    if sender.event_id != event.pk or not policies.can_act_for(request.user, sender):
        raise PermissionDenied
    context = _event_context(request, event)
    others = [
        p for p in selectors.participant_list_for_event(request.user, event) if p.pk != sender.pk
    ]
    form = RequestForm(request.POST, receivers=others, slots=context["slots"])
    sent = run_form(
        form,
        lambda f: services.request_send(
            actor=request.user,
            sender=sender,
            receiver_profile_id=f.cleaned_data["receiver"],
            message=f.cleaned_data["message"],
            priority=f.cleaned_data["priority"],
            slot_id=f.cleaned_data["slot"],
        ),
        field_map={"slot": "slot", "receiver": "receiver"},
    )
    if sent:
        messages.success(request, _("Your request was sent."))
        return redirect("matchmaking:event", pk)
    context["form"] = form
    return render_page(request, "matchmaking/event.html", context, status=422)


@login_required
@require_POST
def answer(request, rid: int, action: str):
    found = selectors.request_get_for_user(request.user, rid)
    if action == "withdraw":
        call, done = (
            (lambda: services.request_withdraw(actor=request.user, request=found)),
            _("Request withdrawn."),
        )
    elif action in ("accept", "decline"):
        accept = action == "accept"
        call = lambda: services.request_answer(actor=request.user, request=found, accept=accept)  # noqa: E731
        done = _("Request accepted.") if accept else _("Request declined.")
    else:
        raise PermissionDenied
    run_action(request, call, done)
    return redirect("matchmaking:event", found.event_id)


@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request, pk: int):
    event = event_get_for_user(request.user, pk)
    if not policies.can_manage_matchmaking(request.user):
        raise PermissionDenied
    current = MeetingSettings.objects.filter(event=event).first()
    slots = selectors.slots_of(event)
    initial = {
        "starts_at": timezone.localtime(slots[0].starts_at) if slots else event.starts_at,
        "ends_at": timezone.localtime(slots[-1].ends_at) if slots else event.ends_at,
    }
    if current:
        initial.update(
            {
                f: getattr(current, f)
                for f in (
                    "meeting_minutes",
                    "tables",
                    "virtual_rooms",
                    "pending_limit",
                    "request_hours",
                )
            }
        )
    else:
        initial.update(
            {
                "meeting_minutes": 20,
                "tables": 10,
                "virtual_rooms": 0,
                "pending_limit": 10,
                "request_hours": 72,
            }
        )
    form = SettingsForm(request.POST or None, initial=initial)
    saved = request.method == "POST" and run_form(
        form, lambda f: services.settings_save(actor=request.user, event=event, **f.service_data())
    )
    if saved:
        messages.success(request, _("Meeting settings saved."))
        return redirect("matchmaking:event", pk)
    context = {
        "form": form,
        "title": _("Meeting settings"),
        "back_url": reverse("matchmaking:event", args=[pk]),
        "back_label": event.title,
        "section": "matchmaking",
    }
    return render_page(request, "includes/form_page.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def schedule(request, pk: int):
    """The organisers' schedule: run the scheduler, see "x % of the best possible", the table
    plan (slots × tables) and lock meetings."""
    event = event_get_for_user(request.user, pk)
    if not policies.can_manage_matchmaking(request.user):
        raise PermissionDenied
    form = RunForm(request.POST or None)
    if request.method == "POST":
        run = run_form(
            form,
            lambda f: services.schedule_start(
                actor=request.user, event=event, time_limit=f.cleaned_data["time_limit"]
            ),
        )
        if run:
            messages.success(request, run.message or _("The scheduler is running."))
            return redirect("matchmaking:schedule", pk)
    meetings = list(selectors.meeting_list_for_event(request.user, event))
    slots = selectors.slots_of(event)
    settings = MeetingSettings.objects.filter(event=event).first()
    places = sorted({("t", m.table) if m.table else ("r", m.room) for m in meetings})
    grid = {(m.slot_id, ("t", m.table) if m.table else ("r", m.room)): m for m in meetings}
    plan = [(slot, [grid.get((slot.pk, place)) for place in places]) for slot in slots]
    context = {
        "event": event,
        "form": form,
        "run": selectors.last_run(event),
        "settings": settings,
        "places": places,
        "plan": plan,
        "count": len(meetings),
        "section": "matchmaking",
    }
    return render_page(request, "matchmaking/schedule.html", context)


@login_required
@require_POST
def lock(request, mid: int):
    meeting = selectors.meeting_get_for_user(request.user, mid)
    locked = request.POST.get("locked") == "1"
    run_action(
        request,
        lambda: services.meeting_lock(actor=request.user, meeting=meeting, locked=locked),
        _("Meeting locked.") if locked else _("Meeting unlocked."),
    )
    return redirect("matchmaking:schedule", meeting.request.event_id)
