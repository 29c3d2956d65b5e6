"""Meeting settings, the scheduler's runs, live booking, and what happens to a meeting.

The scheduling itself is `goglobal.matchmaking.scheduling` (plain Python); this module turns
the event's rows into its `Instance` and its `Schedule` back into rows."""

from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from goglobal.accounts.access import AnyUser
from goglobal.core.errors import ConflictError
from goglobal.enterprises.services.common import require
from goglobal.events.models import Event
from goglobal.matchmaking import policies, scheduling
from goglobal.matchmaking.enums import MeetingStatus, RequestStatus, RunStatus
from goglobal.matchmaking.models import (
    Meeting,
    MeetingRequest,
    MeetingSettings,
    Participant,
    ScheduleRun,
    Slot,
)
from goglobal.matchmaking.scheduling.bound import lp_relaxation
from goglobal.matchmaking.scheduling.instance import PRIORITY_VALUE, could_meet

log = logging.getLogger(__name__)
MAX_SLOTS = 96
# Events with at most this many accepted requests are scheduled while the organiser waits.
SYNC_REQUESTS = 400


def slot_times(
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    minutes: int,
    breaks: list[tuple[dt.datetime, dt.datetime]],
) -> list[tuple[dt.datetime, dt.datetime]]:
    """Back-to-back slots of `minutes` from start to end, none overlapping a break (a slot
    that would overlap one starts when the break ends)."""
    length = dt.timedelta(minutes=minutes)
    out: list[tuple[dt.datetime, dt.datetime]] = []
    t = starts_at
    while t + length <= ends_at and len(out) <= MAX_SLOTS:
        clash = next((end for start, end in breaks if t < end and start < t + length), None)
        if clash is not None:
            t = clash
            continue
        out.append((t, t + length))
        t += length
    return out


@transaction.atomic
def settings_save(
    *,
    actor: AnyUser,
    event: Event,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    meeting_minutes: int,
    tables: int,
    virtual_rooms: int = 0,
    pending_limit: int = 10,
    request_hours: int = 72,
    breaks: list[tuple[dt.datetime, dt.datetime]] = (),
) -> MeetingSettings:
    require(policies.can_manage_matchmaking(actor))
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("The meetings must end after they start.")})
    for start, end in breaks:
        if end <= start:
            raise ValidationError({"breaks": _("Each break must end after it starts.")})
    found = MeetingSettings.objects.filter(event=event).first() or MeetingSettings(event=event)
    found.meeting_minutes = meeting_minutes
    found.tables = tables
    found.virtual_rooms = virtual_rooms
    found.pending_limit = pending_limit
    found.request_hours = request_hours
    found.full_clean()
    times = slot_times(starts_at, ends_at, meeting_minutes, list(breaks))
    if not times:
        raise ValidationError({"ends_at": _("No meeting fits between the start and the end.")})
    if len(times) > MAX_SLOTS:
        raise ValidationError({"ends_at": _("At most %(n)d slots.") % {"n": MAX_SLOTS}})
    existing = list(Slot.objects.filter(event=event).values_list("starts_at", "ends_at"))
    if existing != times:
        placed = Meeting.objects.filter(slot__event=event).exclude(status=MeetingStatus.CANCELLED)
        if placed.exists():
            raise ConflictError(
                _("Meetings are already placed in the current slots; the slots cannot change.")
            )
        Meeting.objects.filter(slot__event=event).delete()
        Slot.objects.filter(event=event).delete()
        Slot.objects.bulk_create(Slot(event=event, starts_at=a, ends_at=b) for a, b in times)
    fixed = Participant.objects.filter(event=event, fixed_table__gt=tables)
    if fixed.exists():
        raise ValidationError(
            {"tables": _("Some participants have a fixed table above %(n)d.") % {"n": tables}}
        )
    found.save()
    return found


@dataclass
class Built:
    instance: scheduling.Instance
    slots: list[Slot]
    problems: list[str]


def build_instance(event: Event, *, kept_all: bool = False) -> Built:
    """The event as a scheduling instance: accepted requests (ids are the request ids),
    participants (ids are participant ids), slots by index. Locked meetings, and meetings that
    have already been held or missed, stay where they are; with `kept_all`, every placed
    meeting does (live booking)."""
    meeting = MeetingSettings.objects.filter(event=event).first()
    slots = list(Slot.objects.filter(event=event).order_by("starts_at"))
    index = {slot.pk: i for i, slot in enumerate(slots)}
    participants = list(
        Participant.objects.filter(event=event)
        .select_related("venue")
        .prefetch_related("availability")
    )
    availability = {}
    where = {}
    for p in participants:
        where[p.pk] = p.venue_id if p.remote else None
        windows = list(p.availability.all())
        if windows:
            availability[p.pk] = frozenset(
                i
                for i, s in enumerate(slots)
                if any(w.starts_at <= s.starts_at and s.ends_at <= w.ends_at for w in windows)
            )
    fixed = {p.pk: p.fixed_table for p in participants if p.fixed_table}
    requests = []
    accepted = MeetingRequest.objects.filter(event=event, status=RequestStatus.ACCEPTED)
    for r in accepted.order_by("id"):
        requests.append(
            scheduling.Request(
                r.pk,
                r.sender_id,
                r.receiver_id,
                PRIORITY_VALUE[r.priority],
                virtual=where.get(r.sender_id) != where.get(r.receiver_id),
                slots=frozenset({index[r.slot_id]}) if r.slot_id in index else None,
            )
        )
    locked = {}
    placed = Meeting.objects.filter(request__in=accepted).exclude(status=MeetingStatus.CANCELLED)
    for m in placed:
        if kept_all or m.locked or m.status != MeetingStatus.SCHEDULED:
            locked[m.request_id] = scheduling.Placement(index[m.slot_id], m.table, m.room)
    tables = meeting.tables if meeting else 0
    problems = []
    if meeting is None or not slots:
        problems.append(_("This event has no meeting slots yet: save its meeting settings."))
    if len(fixed) > tables:
        problems.append(
            _("%(fixed)d participants have a fixed table but the event has only %(tables)d tables.")
            % {"fixed": len(fixed), "tables": tables}
        )
    elif any(t > tables for t in fixed.values()):
        problems.append(
            _("A fixed table number is above the number of tables (%(n)d).") % {"n": tables}
        )
    instance = scheduling.Instance(
        slots=len(slots),
        tables=tables,
        rooms=meeting.virtual_rooms if meeting else 0,
        requests=requests,
        availability=availability,
        fixed_tables=fixed,
        locked=locked,
    )
    if not problems:
        broken = scheduling.validate(instance, scheduling.Schedule(dict(locked), method="locked"))
        if broken:
            problems.append(
                _("The locked meetings conflict with each other or the settings: %(why)s.")
                % {"why": "; ".join(broken[:3])}
            )
    return Built(instance, slots, problems)


def _write(built: Built, schedule: scheduling.Schedule, event: Event) -> int:
    """Replaces the movable meetings with the schedule's; locked ones stay untouched."""
    Meeting.objects.filter(
        request__event=event, locked=False, status=MeetingStatus.SCHEDULED
    ).delete()
    Meeting.objects.filter(request__event=event, status=MeetingStatus.CANCELLED).delete()
    rows = [
        Meeting(
            request_id=rid,
            slot=built.slots[p.slot],
            table=p.table,
            room=p.room,
        )
        for rid, p in schedule.placements.items()
        if rid not in built.instance.locked
    ]
    Meeting.objects.bulk_create(rows)
    return len(rows)


def meeting_book(request: MeetingRequest) -> Meeting | None:
    """Live booking: the first free slot for a newly accepted request, nothing else moved."""
    built = build_instance(request.event, kept_all=True)
    if built.problems:
        return None
    placed = scheduling.greedy(built.instance).placements.get(request.pk)
    if placed is None or request.pk in built.instance.locked:
        return None
    return Meeting.objects.create(
        request=request, slot=built.slots[placed.slot], table=placed.table, room=placed.room
    )


def schedule_start(
    *, actor: AnyUser, event: Event, time_limit: int = 20, background: bool | None = None
) -> ScheduleRun:
    """Starts a run of the scheduler: at once for a small event, in the task worker for a
    large one (or as `background` says)."""
    require(policies.can_manage_matchmaking(actor))
    if not 1 <= time_limit <= 600:
        raise ValidationError({"time_limit": _("Give a time limit from 1 to 600 seconds.")})
    if ScheduleRun.objects.filter(
        event=event, status__in=[RunStatus.QUEUED, RunStatus.RUNNING]
    ).exists():
        raise ConflictError(_("The scheduler is already running for this event."))
    run = ScheduleRun.objects.create(
        event=event, time_limit=time_limit, created_by=actor if actor.is_authenticated else None
    )
    if background is None:
        accepted = MeetingRequest.objects.filter(event=event, status=RequestStatus.ACCEPTED)
        background = accepted.count() > SYNC_REQUESTS
    if background:
        from goglobal.matchmaking.tasks import schedule_task

        transaction.on_commit(lambda: schedule_task.enqueue(run.pk))
        return run
    return schedule_execute(run.pk)


def schedule_execute(run_id: int) -> ScheduleRun:
    """Runs the scheduler for a queued run: greedy, the bound, CP-SAT, the validator; writes
    the meetings only when the validator passes. A failure is recorded on the run, never
    half-written."""
    run = ScheduleRun.objects.select_related("event").get(pk=run_id)
    run.status = RunStatus.RUNNING
    run.save(update_fields=["status"])
    started = time.perf_counter()
    try:
        return _execute(run, started)
    except Exception as exc:
        # A run left "running" would block every later one: record the failure instead.
        log.exception("schedule run %s failed", run.pk)
        message = _("The scheduler failed: %(why)s") % {"why": exc}
        return _finish(run, RunStatus.FAILED, message, started)


def _execute(run: ScheduleRun, started: float) -> ScheduleRun:
    built = build_instance(run.event)
    instance = built.instance
    run.requests = len(instance.requests)
    if built.problems:
        return _finish(run, RunStatus.FAILED, " ".join(built.problems), started)
    plain = scheduling.greedy(instance)
    bound, fractions = lp_relaxation(instance)
    guided = scheduling.greedy(instance, fractions)
    start = max((plain, guided), key=lambda s: s.value(instance))
    final = scheduling.optimise(instance, time_limit=run.time_limit, start=start, bound=bound)
    broken = scheduling.validate(instance, final) + scheduling.validate(instance, plain)
    if broken:
        log.error("schedule run %s failed validation: %s", run.pk, broken[:5])
        return _finish(
            run,
            RunStatus.FAILED,
            _("The schedule failed validation: %(why)s") % {"why": "; ".join(broken[:3])},
            started,
        )
    with transaction.atomic():
        _write(built, final, run.event)
    run.value = final.value(instance)
    run.greedy_value = plain.value(instance)
    run.bound = bound
    run.meetings = len(final.placements)
    reachable = could_meet(instance)
    run.participants_without = len(reachable - set(final.met(instance)))
    if final.coverable is not None:
        run.fewest_without = max(0, len(reachable) - final.coverable)
    message = ngettext("%(n)d meeting placed.", "%(n)d meetings placed.", run.meetings) % {
        "n": run.meetings
    }
    return _finish(run, RunStatus.DONE, message, started)


def _finish(run: ScheduleRun, status: str, message: str, started: float) -> ScheduleRun:
    run.status = status
    run.message = message
    run.seconds = round(time.perf_counter() - started, 2)
    run.finished_at = timezone.now()
    run.save()
    return run


@transaction.atomic
def meeting_lock(*, actor: AnyUser, meeting: Meeting, locked: bool) -> Meeting:
    require(policies.can_manage_matchmaking(actor))
    if meeting.status == MeetingStatus.CANCELLED:
        raise ConflictError(_("A cancelled meeting cannot be locked."))
    meeting.locked = locked
    meeting.save(update_fields=["locked", "updated_at"])
    return meeting


@transaction.atomic
def meeting_record(
    *, actor: AnyUser, meeting: Meeting, status: str, feedback: str = "", rating: int | None = None
) -> Meeting:
    """After the meeting: held or no-show, with feedback and a rating of 1–5."""
    require(policies.can_record_meeting(actor, meeting))
    if status not in (MeetingStatus.HELD, MeetingStatus.NO_SHOW):
        raise ValidationError({"status": _("Record the meeting as held or as a no-show.")})
    if meeting.status == MeetingStatus.CANCELLED:
        raise ConflictError(_("This meeting was cancelled."))
    if meeting.slot.starts_at > timezone.now():
        raise ValidationError({"status": _("The meeting has not started yet.")})
    meeting.status = status
    meeting.feedback = feedback.strip()
    meeting.rating = rating
    meeting.full_clean(exclude=["request", "slot"])
    meeting.save()
    return meeting
