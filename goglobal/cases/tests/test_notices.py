"""The SLA sweep task: warnings at 80%, breaches to the owner and administrators, escalation on
the second breach, each once, in-app and by e-mail; resolved cases closed after 14 silent days."""

import datetime as dt

import pytest
from django.core import mail

from goglobal.accounts.models import Role
from goglobal.cases.enums import CaseStatus
from goglobal.cases.models import CaseTransition, Notification, SlaNotice
from goglobal.cases.notices import sla_sweep
from goglobal.cases.sla import TZ
from goglobal.cases.tasks import sla_check
from goglobal.cases.tests.helpers import CaseFactory
from goglobal.testing import factories as f

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_hashers")]


def at(day, hour=0):
    return dt.datetime(2026, 11, day, hour, tzinfo=TZ)


@pytest.fixture
def people():
    return {
        "owner": f.user_with_role(Role.ADVISORY_MEMBER),
        "admin": f.user_with_role(Role.ADMIN),
        "officer": f.user_with_role(Role.PROGRAMME_OFFICER),
    }


def _submitted(owner, priority="P1", day=23):
    case = CaseFactory(status=CaseStatus.SUBMITTED, priority=priority, owner=owner)
    case.submitted_at = at(day)
    case.save()
    CaseTransition.objects.create(case=case, from_status="draft", to_status="submitted", at=at(day))
    return case


def _recipients(case, level_word: str) -> set[int]:
    return set(
        Notification.objects.filter(case=case, message__icontains=level_word).values_list(
            "recipient_id", flat=True
        )
    )


def test_sla_sweep_warns_the_owner_once_at_80_percent(people):
    case = _submitted(people["owner"])  # P1: acknowledge within 1 working day
    result = sla_sweep(now=at(23, 20))
    assert result.levels == {"warning": 1}
    assert list(SlaNotice.objects.values_list("clock", "level")) == [("acknowledge", "warning")]
    notification = Notification.objects.get()
    assert (notification.recipient_id, notification.case_id) == (people["owner"].pk, case.pk)
    assert [message.to for message in mail.outbox] == [[people["owner"].email]]
    assert sla_sweep(now=at(23, 21)).notices == 0
    assert Notification.objects.count() == 1
    case.refresh_from_db()
    assert case.sla_breached is False  # a warning is not a breach


def test_sla_sweep_breach_goes_to_owner_and_administrators_then_escalates(people):
    case = _submitted(people["owner"])
    # Tuesday noon: acknowledge (1 day) breached; triage (2 days) at 75%: nothing yet.
    result = sla_sweep(now=at(24, 12))
    assert result.levels == {"breach": 1}
    case.refresh_from_db()
    assert case.sla_breached is True  # counted by the metrics' SLA compliance
    breach = Notification.objects.filter(case=case)
    assert {n.recipient_id for n in breach} == {people["owner"].pk, people["admin"].pk}
    # Thursday: triage and update (2 days each at P1) breached too — further breaches
    # escalate to all ministry staff.
    result = sla_sweep(now=at(26, 1))
    assert result.levels == {"breach": 2, "escalation": 2}
    escalated = SlaNotice.objects.filter(level="escalation")
    assert {notice.clock for notice in escalated} == {"triage", "update"}
    last = Notification.objects.filter(case=case).order_by("-id")[:2]
    assert {n.recipient_id for n in last} == {people["admin"].pk, people["officer"].pk}
    assert sla_sweep(now=at(26, 2)).notices == 0


def test_sla_sweep_skips_waiting_time(people):
    case = _submitted(people["owner"], priority="P1", day=23)
    case.status = CaseStatus.WAITING
    case.waiting_on = "foreign_authority"
    case.save()
    for frm, to, hour in (
        ("submitted", "triage", 1),
        ("triage", "assigned", 2),
        ("assigned", "in_progress", 3),
        ("in_progress", "waiting", 4),
    ):
        CaseTransition.objects.create(case=case, from_status=frm, to_status=to, at=at(23, hour))
    # Weeks later: the resolve clock (15 days) has not moved since 04:00 on day one.
    assert sla_sweep(now=dt.datetime(2026, 12, 31, tzinfo=TZ)).notices == 0


def test_sla_sweep_closes_resolved_cases_after_14_silent_days(people):
    old = CaseFactory(status=CaseStatus.RESOLVED_FULL, status_changed_at=at(1))
    recent = CaseFactory(status=CaseStatus.RESOLVED_PART, status_changed_at=at(20))
    result = sla_sweep(now=at(16))
    assert result.closed == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.status, recent.status) == ("closed", "resolved_part")
    transition = CaseTransition.objects.get(case=old)
    assert (transition.actor_id, transition.to_status) == (None, "closed")
    assert transition.reason


def test_sla_check_task_runs_the_sweep(people):
    _submitted(people["owner"], day=2)
    outcome = sla_check.call()
    assert outcome["notices"] >= 1
    assert outcome["notifications"] >= 1
