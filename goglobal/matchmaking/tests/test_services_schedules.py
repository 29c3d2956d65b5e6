"""Settings, the scheduler's runs on an event's rows, locked meetings, infeasible settings."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from goglobal.accounts.models import Role
from goglobal.core.errors import ConflictError
from goglobal.matchmaking import scheduling, services
from goglobal.matchmaking.enums import MeetingStatus, RequestStatus, RunStatus
from goglobal.matchmaking.models import Meeting, MeetingRequest, Slot
from goglobal.matchmaking.tests.factories import (
    enterprise_profile,
    foreign_profile,
    join,
    meeting_event,
)
from goglobal.testing.factories import user_with_role

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def officer():
    return user_with_role(Role.PROGRAMME_OFFICER)


def _accepted(event, a, b, priority=2):
    return MeetingRequest.objects.create(
        event=event,
        sender=a,
        receiver=b,
        priority=priority,
        status=RequestStatus.ACCEPTED,
        expires_at=event.starts_at,
    )


def _world(event, foreign=3, local=4):
    abroad = [join(event, foreign_profile("ai")) for _ in range(foreign)]
    home = [join(event, enterprise_profile("ai")) for _ in range(local)]
    requests = [
        _accepted(event, f, v, priority=1 + (i + j) % 3)
        for i, f in enumerate(abroad)
        for j, v in enumerate(home)
    ]
    return abroad, home, requests


def test_settings_make_slots_around_the_breaks(officer):
    event = meeting_event(slots=0)
    start = event.starts_at.replace(hour=2, minute=0)
    services.settings_save(
        actor=officer,
        event=event,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=3),
        meeting_minutes=30,
        tables=5,
        breaks=[(start + dt.timedelta(minutes=60), start + dt.timedelta(minutes=100))],
    )
    offsets = [
        int((s.starts_at - start).total_seconds() // 60) for s in Slot.objects.filter(event=event)
    ]
    assert offsets == [0, 30, 100, 130]


def test_settings_are_staff_only_and_refuse_an_empty_day():
    event = meeting_event(slots=0)
    rep = user_with_role(Role.ENTERPRISE_REP, enterprise=enterprise_profile().enterprise)
    start = event.starts_at
    with pytest.raises(PermissionDenied):
        services.settings_save(
            actor=rep,
            event=event,
            starts_at=start,
            ends_at=start + dt.timedelta(hours=1),
            meeting_minutes=20,
            tables=3,
        )
    officer = user_with_role(Role.PROGRAMME_OFFICER)
    with pytest.raises(ValidationError) as caught:
        services.settings_save(
            actor=officer,
            event=event,
            starts_at=start,
            ends_at=start + dt.timedelta(minutes=10),
            meeting_minutes=20,
            tables=3,
        )
    assert caught.value.message_dict["ends_at"] == [
        "No meeting fits between the start and the end."
    ]


def test_a_run_places_a_valid_schedule_at_the_bound(officer):
    event = meeting_event(slots=4, tables=2)
    abroad, home, requests = _world(event)
    run = services.schedule_start(actor=officer, event=event, time_limit=5)
    assert run.status == RunStatus.DONE, run.message
    built = services.build_instance(event)
    placed = {
        m.request_id: scheduling.Placement(built.slots.index(m.slot), m.table, m.room)
        for m in Meeting.objects.filter(request__event=event)
    }
    assert scheduling.validate(built.instance, scheduling.Schedule(placed, "db")) == []
    # 3 foreign × 4 slots = 12 meetings at most, tables 2 × 4 = 8: the tables bind.
    assert (run.meetings, len(placed), run.bound) == (8, 8, float(run.value))
    assert run.percent == 100.0
    assert (run.participants_without, run.fewest_without) == (0, 0)


def test_locked_meetings_stay_put_when_rescheduling_after_a_cancellation(officer):
    event = meeting_event(slots=4, tables=2)
    abroad, home, requests = _world(event)
    services.schedule_start(actor=officer, event=event, time_limit=3)
    kept = Meeting.objects.filter(request__event=event).order_by("-slot__starts_at", "id").first()
    services.meeting_lock(actor=officer, meeting=kept, locked=True)
    other = Meeting.objects.filter(request__event=event).exclude(pk=kept.pk).first()
    services.request_withdraw(actor=officer, request=other.request)
    run = services.schedule_start(actor=officer, event=event, time_limit=3)
    assert run.status == RunStatus.DONE
    again = Meeting.objects.get(pk=kept.pk)
    assert (again.slot_id, again.table, again.locked) == (kept.slot_id, kept.table, True)
    assert not Meeting.objects.filter(request=other.request).exists()


def test_more_fixed_tables_than_tables_is_reported_not_crashed_on(officer):
    event = meeting_event(slots=2, tables=2)
    for table in (1, 2, 3):
        join(event, enterprise_profile(), fixed_table=table)
    abroad, home, requests = _world(event, foreign=1, local=1)
    run = services.schedule_start(actor=officer, event=event, time_limit=2)
    assert run.status == RunStatus.FAILED
    assert run.message == "3 participants have a fixed table but the event has only 2 tables."
    assert not Meeting.objects.exists()


def test_more_locked_meetings_in_a_slot_than_tables_is_reported(officer):
    event = meeting_event(slots=2, tables=1)
    abroad, home, requests = _world(event, foreign=2, local=1)
    first = Slot.objects.filter(event=event).first()
    for table, request in enumerate(requests, start=1):
        Meeting.objects.create(request=request, slot=first, table=table, locked=True)
    run = services.schedule_start(actor=officer, event=event, time_limit=2)
    assert run.status == RunStatus.FAILED
    assert "The locked meetings conflict with each other or the settings" in run.message
    assert Meeting.objects.count() == 2


def test_a_second_run_while_one_is_queued_is_a_conflict(officer):
    event = meeting_event()
    services.schedule_start(actor=officer, event=event, background=True)
    with pytest.raises(ConflictError):
        services.schedule_start(actor=officer, event=event)


def test_meetings_are_recorded_after_they_start_by_either_side(officer):
    event = meeting_event(slots=2, days=-1)
    abroad, home, requests = _world(event, foreign=1, local=1)
    services.schedule_start(actor=officer, event=event, time_limit=2)
    meeting = Meeting.objects.get()
    stranger = user_with_role(
        Role.PARTNER_REP, foreign_organisation=foreign_profile().foreign_organisation
    )
    with pytest.raises(PermissionDenied):
        services.meeting_record(actor=stranger, meeting=meeting, status=MeetingStatus.HELD)
    side = user_with_role(
        Role.PARTNER_REP, foreign_organisation=abroad[0].profile.foreign_organisation
    )
    services.meeting_record(
        actor=side, meeting=meeting, status=MeetingStatus.NO_SHOW, feedback="Không đến", rating=1
    )
    meeting.refresh_from_db()
    assert (meeting.status, meeting.feedback, meeting.rating) == ("no_show", "Không đến", 1)


def test_a_run_reports_who_cannot_meet_beside_who_does_not(officer):
    # The one counterpart of four enterprises is there for two slots: two of them cannot meet,
    # whatever the schedule; the run says so and places the rest.
    event = meeting_event(slots=4, tables=5)
    hub = join(event, foreign_profile("ai"))
    slots = list(Slot.objects.filter(event=event))
    services.availability_set(
        actor=officer, participant=hub, windows=[(slots[1].starts_at, slots[2].ends_at)]
    )
    for _ in range(4):
        _accepted(event, hub, join(event, enterprise_profile("ai")))
    run = services.schedule_start(actor=officer, event=event, time_limit=2)
    assert run.status == RunStatus.DONE, run.message
    assert (run.meetings, run.participants_without, run.fewest_without) == (2, 2, 2)
