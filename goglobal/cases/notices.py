"""The SLA sweep: warnings at 80%, breach notices to the owner and the ministry's
administrators (their head), escalation to all ministry staff on a case's second breach, and
closing resolved cases the enterprise left unanswered for 14 days. Each notice is sent once
(SlaNotice), in-app and by e-mail."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.utils import translation
from django.utils.translation import gettext as _

from goglobal.accounts.models import Role
from goglobal.cases import sla
from goglobal.cases.enums import CaseStatus, SlaLevel
from goglobal.cases.machine import FINAL, RESOLVED
from goglobal.cases.models import Case, CaseTransition, Notification, SlaNotice
from goglobal.cases.rollup import case_mark_breached
from goglobal.cases.services import case_transition
from goglobal.core.errors import ConflictError

SILENCE_BEFORE_CLOSING = dt.timedelta(days=14)
SKIPPED = (CaseStatus.DRAFT, CaseStatus.DORMANT, *FINAL, *RESOLVED)


@dataclass
class SweepResult:
    notices: int = 0
    notifications: int = 0
    closed: int = 0
    levels: dict[str, int] = field(default_factory=dict)


def _staff(*roles: str) -> list:
    return list(get_user_model().objects.filter(is_active=True, role__in=roles))


def _notify(case: Case, recipients: list, message: str, result: SweepResult) -> None:
    seen = set()
    for user in recipients:
        if user is None or user.pk in seen:
            continue
        seen.add(user.pk)
        Notification.objects.create(recipient=user, case=case, message=message)
        result.notifications += 1
        if user.email:
            send_mail(
                _("Support case #%(id)s") % {"id": case.pk},
                message,
                None,
                [user.email],
                fail_silently=True,
            )


def _message(case: Case, clock: sla.ClockState, level: str) -> str:
    values = {
        "id": case.pk,
        "title": case.title,
        "clock": str(dict(sla.SlaClock.choices)[clock.clock]).lower(),
        "elapsed": f"{clock.elapsed_days:.1f}",
        "target": clock.target_days,
    }
    if level == SlaLevel.WARNING:
        text = _(
            "Case #%(id)s “%(title)s”: %(elapsed)s of %(target)s working days used to %(clock)s."
        )
    elif level == SlaLevel.BREACH:
        text = _(
            "Case #%(id)s “%(title)s” is past its deadline to %(clock)s: %(elapsed)s of "
            "%(target)s working days."
        )
    else:
        text = _("Case #%(id)s “%(title)s” is escalated: a second deadline is breached.")
    return text % values


def _send_once(case: Case, clock, level: str, recipients: list, result: SweepResult) -> bool:
    try:
        with transaction.atomic():
            SlaNotice.objects.create(case=case, clock=clock.clock, level=level)
            if level == SlaLevel.BREACH:
                case_mark_breached(case.pk)
    except IntegrityError:
        return False
    result.notices += 1
    result.levels[level] = result.levels.get(level, 0) + 1
    _notify(case, recipients, _message(case, clock, level), result)
    return True


def _close_silent(now: dt.datetime, result: SweepResult) -> None:
    stale = Case.objects.filter(
        status__in=RESOLVED, status_changed_at__lte=now - SILENCE_BEFORE_CLOSING
    )
    for case in stale:
        try:
            case_transition(
                actor=None,
                case=case,
                to=CaseStatus.CLOSED,
                reason=_("Closed after 14 days without an answer from the enterprise."),
            )
        except ConflictError:
            continue  # moved by someone meanwhile
        result.closed += 1


def sla_sweep(*, now: dt.datetime) -> SweepResult:
    result = SweepResult()
    with translation.override(settings.LANGUAGE_CODE):
        admins = _staff(Role.ADMIN)
        all_staff = _staff(Role.ADMIN, Role.PROGRAMME_OFFICER)
        cases = (
            Case.objects.exclude(status__in=SKIPPED)
            .exclude(submitted_at__isnull=True)
            .select_related("owner", "owning_mission")
            .prefetch_related(
                Prefetch("transitions", queryset=CaseTransition.objects.order_by("at", "id"))
            )
        )
        for case in cases:
            country = case.owning_mission.host_country_id if case.owning_mission else "VN"
            moves = [(t.from_status, t.to_status, t.at) for t in case.transitions.all()]
            timeline = sla.timeline_from(case.priority, moves)
            if timeline.submitted_at is None:
                timeline = sla.Timeline(priority=timeline.priority, submitted_at=case.submitted_at)
            owner = [case.owner] if case.owner else all_staff
            for clock in sla.sla_clocks(timeline, now, sla.working_calendar(country)):
                if clock.state == "warning":
                    _send_once(case, clock, SlaLevel.WARNING, owner, result)
                elif clock.state == "breached":
                    sent = _send_once(case, clock, SlaLevel.BREACH, owner + admins, result)
                    breaches = case.sla_notices.filter(level=SlaLevel.BREACH).count()
                    if sent and breaches >= 2:
                        _send_once(case, clock, SlaLevel.ESCALATION, all_staff, result)
        _close_silent(now, result)
    return result
