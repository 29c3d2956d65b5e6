"""The final schedule run in the task worker (here django-tasks' immediate backend): queued by
the organiser, run when the transaction commits, reported on the organisers' page — a
placed schedule and an infeasible setting alike."""

import pytest
from django.utils import translation

from goglobal.accounts.models import Role
from goglobal.matchmaking import scheduling, services
from goglobal.matchmaking.enums import RequestStatus, RunStatus
from goglobal.matchmaking.models import Meeting, MeetingRequest, MeetingSettings, ScheduleRun
from goglobal.matchmaking.services.schedules import SYNC_REQUESTS
from goglobal.matchmaking.tests.factories import (
    enterprise_profile,
    foreign_profile,
    join,
    meeting_event,
    signed_in,
)
from goglobal.testing.factories import user_with_role
from goglobal.testing.pages import text, vi

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def officer():
    return user_with_role(Role.PROGRAMME_OFFICER)


def _accepted(event, pairs):
    MeetingRequest.objects.bulk_create(
        MeetingRequest(
            event=event,
            sender=a,
            receiver=b,
            priority=1 + n % 3,
            status=RequestStatus.ACCEPTED,
            expires_at=event.starts_at,
        )
        for n, (a, b) in enumerate(pairs)
    )


def _placed(event) -> scheduling.Schedule:
    built = services.build_instance(event)
    return scheduling.Schedule(
        {
            m.request_id: scheduling.Placement(built.slots.index(m.slot), m.table, m.room)
            for m in Meeting.objects.filter(request__event=event)
        },
        "db",
    )


def test_a_large_event_is_queued_from_the_page_and_placed_by_the_task(
    officer, django_capture_on_commit_callbacks
):
    event = meeting_event(slots=4, tables=3)
    abroad = [join(event, foreign_profile("ai")) for _ in range(21)]
    home = [join(event, enterprise_profile("ai")) for _ in range(20)]
    _accepted(event, [(f, v) for f in abroad for v in home])
    assert MeetingRequest.objects.count() == 420 > SYNC_REQUESTS
    client = signed_in(officer)
    url = f"/matchmaking/events/{event.pk}/schedule/"

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(url, {"time_limit": 3})
    assert response.status_code == 302
    run = ScheduleRun.objects.get()
    assert (run.status, Meeting.objects.count(), len(callbacks)) == (RunStatus.QUEUED, 0, 1)
    assert vi("The scheduler is running.") in text(client.get(url))

    callbacks[0]()  # the commit: the worker (the immediate backend) runs the task
    run.refresh_from_db()
    assert run.status == RunStatus.DONE, run.message
    built = services.build_instance(event)
    placed = _placed(event)
    assert scheduling.validate(built.instance, placed) == []
    # 3 tables × 4 slots bind: 12 meetings, every one worth its priority.
    assert (run.requests, run.meetings, len(placed.placements)) == (420, 12, 12)
    assert run.value == placed.value(built.instance) and run.value <= run.bound
    with translation.override("vi"):
        placed_message = translation.ngettext(
            "%(n)d meeting placed.", "%(n)d meetings placed.", 12
        ) % {"n": 12}
    assert run.message == placed_message == "Đã xếp 12 cuộc gặp."
    page = text(client.get(url))
    assert vi("Done") in page and run.message in page


def test_an_infeasible_setting_in_the_worker_is_reported_to_the_organiser(
    officer, django_capture_on_commit_callbacks
):
    event = meeting_event(slots=2, tables=2)
    booths = [join(event, enterprise_profile(), fixed_table=t) for t in (1, 2, 3)]
    guest = join(event, foreign_profile())
    _accepted(event, [(guest, b) for b in booths])
    with django_capture_on_commit_callbacks(execute=True):
        run = services.schedule_start(actor=officer, event=event, time_limit=2, background=True)
    run.refresh_from_db()
    expected = vi(
        "%(fixed)d participants have a fixed table but the event has only %(tables)d tables.",
        fixed=3,
        tables=2,
    )
    assert (run.status, run.message, run.meetings) == (RunStatus.FAILED, expected, 0)
    assert run.finished_at is not None
    assert not Meeting.objects.exists()
    page = signed_in(officer).get(f"/matchmaking/events/{event.pk}/schedule/")
    assert page.status_code == 200
    assert f"{vi('Failed')}: {expected}" in text(page)
    # The failed run does not block the next one.
    MeetingSettings.objects.filter(event=event).update(tables=3)
    with django_capture_on_commit_callbacks(execute=True):
        again = services.schedule_start(actor=officer, event=event, time_limit=2, background=True)
    again.refresh_from_db()
    assert (again.status, again.meetings) == (RunStatus.DONE, 2)


def test_settings_removed_while_the_run_waited_are_reported_not_crashed_on(
    officer, django_capture_on_commit_callbacks
):
    event = meeting_event(slots=2, tables=2)
    _accepted(event, [(join(event, foreign_profile()), join(event, enterprise_profile()))])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        run = services.schedule_start(actor=officer, event=event, time_limit=2, background=True)
    event.slots.all().delete()
    MeetingSettings.objects.filter(event=event).delete()
    callbacks[0]()
    run.refresh_from_db()
    assert (run.status, run.message) == (
        RunStatus.FAILED,
        vi("This event has no meeting slots yet: save its meeting settings."),
    )
    assert not Meeting.objects.exists()
