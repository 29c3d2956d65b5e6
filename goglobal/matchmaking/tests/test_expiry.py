"""Lapsed meeting requests are swept to "expired": by the service at a given time, by the task,
and by `goglobal periodic`."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from goglobal.core.errors import ConflictError
from goglobal.matchmaking import services
from goglobal.matchmaking.enums import RequestStatus
from goglobal.matchmaking.models import MeetingRequest
from goglobal.matchmaking.tasks import requests_expire_task
from goglobal.matchmaking.tests.factories import (
    enterprise_profile,
    foreign_profile,
    join,
    meeting_event,
    rep_of,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def _requests():
    """Three requests sent now with the event's 72 hours to answer: one accepted, two left
    pending; the second pending one is given a later deadline."""
    event = meeting_event(pending_limit=5)
    vn_profile = enterprise_profile("ai")
    vn = join(event, vn_profile)
    others = [join(event, foreign_profile("ai")) for _ in range(3)]
    sent = [
        services.request_send(
            actor=rep_of(vn_profile), sender=vn, receiver_profile_id=other.profile_id
        )
        for other in others
    ]
    services.request_answer(actor=rep_of(others[0].profile), request=sent[0], accept=True)
    MeetingRequest.objects.filter(pk=sent[2].pk).update(
        expires_at=sent[2].expires_at + dt.timedelta(hours=24)
    )
    return sent


def _statuses(sent) -> list[str]:
    return [MeetingRequest.objects.get(pk=r.pk).status for r in sent]


def test_only_lapsed_pending_requests_expire_and_a_second_sweep_changes_nothing():
    sent = _requests()
    deadline = sent[1].expires_at
    assert services.requests_expire(now=deadline - dt.timedelta(seconds=1)) == 0
    assert _statuses(sent) == ["accepted", "pending", "pending"]

    assert services.requests_expire(now=deadline) == 1
    assert _statuses(sent) == ["accepted", "expired", "pending"]
    swept = MeetingRequest.objects.get(pk=sent[1].pk)
    assert swept.updated_at == deadline

    assert services.requests_expire(now=deadline) == 0
    assert MeetingRequest.objects.get(pk=sent[1].pk).updated_at == deadline
    # Long after every deadline: the accepted request is still untouched.
    assert services.requests_expire(now=deadline + dt.timedelta(days=30)) == 1
    assert _statuses(sent) == ["accepted", "expired", "expired"]
    assert services.requests_expire(now=deadline + dt.timedelta(days=30)) == 0


def test_an_expired_request_can_no_longer_be_answered_but_can_be_sent_again():
    sent = _requests()
    services.requests_expire(now=sent[1].expires_at)
    lapsed = MeetingRequest.objects.get(pk=sent[1].pk)
    with pytest.raises(ConflictError, match="expired and can no longer be answered"):
        services.request_answer(actor=rep_of(lapsed.receiver.profile), request=lapsed, accept=True)
    # The expired request no longer holds the pair's one live request: a new one can be sent.
    again = services.request_send(
        actor=rep_of(lapsed.sender.profile),
        sender=lapsed.sender,
        receiver_profile_id=lapsed.receiver.profile_id,
    )
    assert again.status == RequestStatus.PENDING and again.pk != lapsed.pk


def test_the_task_sweeps_what_has_lapsed_by_now(immediate_tasks):
    sent = _requests()
    MeetingRequest.objects.filter(pk=sent[1].pk).update(
        expires_at=timezone.now() - dt.timedelta(minutes=1)
    )
    result = requests_expire_task.enqueue()
    assert result.return_value == 1
    assert _statuses(sent) == ["accepted", "expired", "pending"]
    assert requests_expire_task.enqueue().return_value == 0


def test_periodic_runs_the_sweep():
    sent = _requests()
    MeetingRequest.objects.filter(pk__in=[sent[1].pk, sent[2].pk]).update(
        expires_at=timezone.now() - dt.timedelta(minutes=1)
    )
    out = StringIO()
    call_command("periodic", "--only", "matchmaking.requests", stdout=out)
    assert out.getvalue() == "matchmaking.requests: 2 meeting requests expired\n"
    assert _statuses(sent) == ["accepted", "expired", "expired"]
    call_command("periodic", "--only", "matchmaking.requests", stdout=out)
    assert out.getvalue().endswith("matchmaking.requests: 0 meeting requests expired\n")
