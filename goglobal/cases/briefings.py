"""Briefings of the Advisory Group: planning (periodic on a schedule, or ad hoc), the agenda
assembled from escalated cases and open action items, minutes, and action items carried to each
next agenda until done."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from goglobal.accounts.access import AnyUser
from goglobal.cases import policies
from goglobal.cases.enums import (
    ActionStatus,
    AgendaReason,
    BriefingKind,
    BriefingStatus,
    CaseStatus,
    SlaLevel,
)
from goglobal.cases.machine import FINAL
from goglobal.cases.models import (
    ActionItem,
    AgendaItem,
    Briefing,
    Case,
    CaseNomination,
    SlaNotice,
)
from goglobal.core.errors import ConflictError
from goglobal.enterprises.services.common import require, save_validated

# A country and category met by this many enterprises at once is a pattern, not a one-off.
CLUSTER_MIN_ENTERPRISES = 3
NOT_OPEN = (CaseStatus.DRAFT, *FINAL)


def briefing_visible_for_user(user: AnyUser) -> QuerySet[Briefing]:
    if not policies.can_see_briefings(user):
        return Briefing.objects.none()
    return Briefing.objects.select_related("chair")


def briefing_get_for_user(user: AnyUser, briefing_id: int) -> Briefing:
    found = briefing_visible_for_user(user).filter(pk=briefing_id).first()
    if found is None:
        raise Http404
    return found


def briefing_agenda(briefing: Briefing) -> QuerySet[AgendaItem]:
    return briefing.agenda.select_related("case", "case__country", "action_item__owner")


def nominations_pending() -> QuerySet[CaseNomination]:
    """Nominations of open cases the chair has not accepted yet."""
    return (
        CaseNomination.objects.filter(accepted_at__isnull=True)
        .exclude(case__status__in=NOT_OPEN)
        .select_related("case", "case__country", "nominated_by")
    )


def _clean(data: dict) -> dict:
    errors: dict = {}
    kind = data.get("kind")
    if kind not in BriefingKind.values:
        errors["kind"] = [_("Choose periodic or ad hoc.")]
    if not (data.get("title") or "").strip():
        errors["title"] = [_("This field is required.")]
    if not isinstance(data.get("held_on"), dt.date):
        errors["held_on"] = [_("This field is required.")]
    weeks = data.get("repeat_every_weeks")
    if kind == BriefingKind.PERIODIC and not weeks:
        errors["repeat_every_weeks"] = [_("A periodic briefing needs its schedule in weeks.")]
    if kind == BriefingKind.AD_HOC and weeks:
        errors["repeat_every_weeks"] = [_("An ad hoc briefing has no schedule.")]
    chair = None
    if data.get("chair"):
        chair = get_user_model().objects.filter(pk=data["chair"], is_active=True).first()
        if chair is None or not policies.can_see_briefings(chair):
            errors["chair"] = [_("Choose a ministry officer or Advisory Group member.")]
    if errors:
        raise ValidationError(errors)
    return {
        "kind": kind,
        "title": data["title"].strip(),
        "held_on": data["held_on"],
        "repeat_every_weeks": weeks or None,
        "chair": chair,
    }


@transaction.atomic
def briefing_create(*, actor: AnyUser, data: dict) -> Briefing:
    require(policies.can_manage_briefings(actor))
    briefing = Briefing(**_clean(data))
    save_validated(briefing, actor=actor)
    return briefing


def _escalated_cases(briefing: Briefing) -> list[tuple[Case, str]]:
    open_cases = Case.objects.exclude(status__in=NOT_OPEN)
    picked: dict[int, tuple[Case, str]] = {}

    def add(queryset, reason):
        for case in queryset.order_by("created_at", "id"):
            picked.setdefault(case.pk, (case, reason))

    add(open_cases.filter(priority="P1"), AgendaReason.P1)
    repeated = (
        SlaNotice.objects.filter(level=SlaLevel.BREACH)
        .values("case_id")
        .annotate(n=Count("id"))
        .filter(n__gte=2)
        .values("case_id")
    )
    add(open_cases.filter(pk__in=repeated), AgendaReason.REPEATED_BREACH)
    clusters = (
        open_cases.values("country_id", "category")
        .annotate(n=Count("enterprise_id", distinct=True))
        .filter(n__gte=CLUSTER_MIN_ENTERPRISES)
    )
    cluster_q = Q(pk__in=[])
    for row in clusters:
        cluster_q |= Q(country_id=row["country_id"], category=row["category"])
    add(open_cases.filter(cluster_q), AgendaReason.CLUSTER)
    accepted = CaseNomination.objects.filter(accepted_at__isnull=False).values("case_id")
    add(open_cases.filter(pk__in=accepted), AgendaReason.NOMINATION)
    return list(picked.values())


@transaction.atomic
def briefing_assemble_agenda(*, actor: AnyUser, briefing: Briefing) -> list[AgendaItem]:
    """Replaces the agenda with: open P1 cases, open cases whose deadlines were breached more
    than once, open cases of a country and category that several enterprises meet, accepted
    nominations, then every open action item (overdue ones first)."""
    require(policies.can_manage_briefings(actor))
    briefing = Briefing.objects.select_for_update().get(pk=briefing.pk)
    if briefing.status != BriefingStatus.PLANNED:
        raise ConflictError(_("The agenda of a briefing that has been held cannot change."))
    briefing.agenda.all().delete()
    rows = [
        AgendaItem(briefing=briefing, reason=reason, case=case)
        for case, reason in _escalated_cases(briefing)
    ]
    actions = ActionItem.objects.filter(status=ActionStatus.OPEN).order_by("due_on", "id")
    rows += [
        AgendaItem(briefing=briefing, reason=AgendaReason.ACTION_ITEM, action_item=item)
        for item in actions
    ]
    for position, row in enumerate(rows, start=1):
        row.position = position
    return AgendaItem.objects.bulk_create(rows)


@transaction.atomic
def briefing_record_minutes(*, actor: AnyUser, briefing: Briefing, minutes: str) -> Briefing:
    require(policies.can_manage_briefings(actor))
    briefing = Briefing.objects.select_for_update().get(pk=briefing.pk)
    minutes = (minutes or "").strip()
    if not minutes:
        raise ValidationError({"minutes": _("Write the minutes.")})
    briefing.minutes = minutes
    briefing.status = BriefingStatus.HELD
    save_validated(briefing, actor=actor)
    return briefing


@transaction.atomic
def briefing_plan_next(*, actor: AnyUser, briefing: Briefing) -> Briefing:
    """The next periodic briefing on the schedule, with its agenda assembled (open action items
    carry over)."""
    require(policies.can_manage_briefings(actor))
    briefing = Briefing.objects.select_for_update().get(pk=briefing.pk)
    if briefing.kind != BriefingKind.PERIODIC:
        raise ConflictError(_("Only a periodic briefing has a next one."))
    if briefing.status != BriefingStatus.HELD:
        raise ConflictError(_("Record the minutes before planning the next briefing."))
    if Briefing.objects.filter(previous=briefing).exists():
        raise ConflictError(_("The next briefing is already planned."))
    following = Briefing(
        kind=BriefingKind.PERIODIC,
        title=briefing.title,
        held_on=briefing.held_on + dt.timedelta(weeks=briefing.repeat_every_weeks),
        repeat_every_weeks=briefing.repeat_every_weeks,
        chair=briefing.chair,
        previous=briefing,
    )
    save_validated(following, actor=actor)
    briefing_assemble_agenda(actor=actor, briefing=following)
    return following


@transaction.atomic
def action_item_create(*, actor: AnyUser, briefing: Briefing, data: dict) -> ActionItem:
    require(policies.can_manage_briefings(actor))
    errors = {}
    owner = get_user_model().objects.filter(pk=data.get("owner") or 0, is_active=True).first()
    if owner is None:
        errors["owner"] = [_("Choose who is responsible.")]
    case = None
    if data.get("case"):
        case = Case.objects.filter(pk=data["case"]).first()
        if case is None:
            errors["case"] = [_("Unknown case.")]
    if not isinstance(data.get("due_on"), dt.date):
        errors["due_on"] = [_("This field is required.")]
    if not (data.get("title") or "").strip():
        errors["title"] = [_("This field is required.")]
    if errors:
        raise ValidationError(errors)
    item = ActionItem(
        briefing=briefing,
        case=case,
        title=data["title"].strip(),
        owner=owner,
        due_on=data["due_on"],
    )
    save_validated(item, actor=actor)
    return item


@transaction.atomic
def action_item_complete(*, actor: AnyUser, item: ActionItem, evidence: str) -> ActionItem:
    require(policies.can_complete_action(actor, item))
    item = ActionItem.objects.select_for_update().get(pk=item.pk)
    if item.status == ActionStatus.DONE:
        raise ConflictError(_("This action item is already done."))
    evidence = (evidence or "").strip()
    if not evidence:
        raise ValidationError({"evidence": _("Say what shows the action is done.")})
    item.status = ActionStatus.DONE
    item.evidence = evidence
    item.done_at = timezone.now()
    save_validated(item, actor=actor)
    return item


@transaction.atomic
def case_nominate(*, actor: AnyUser, case: Case, reason: str) -> CaseNomination:
    require(policies.can_nominate(actor, case))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the briefing should discuss this case.")})
    if case.status in NOT_OPEN:
        raise ConflictError(_("Only an open case can be nominated."))
    return CaseNomination.objects.create(case=case, nominated_by=actor, reason=reason)


@transaction.atomic
def nomination_accept(
    *, actor: AnyUser, nomination: CaseNomination, briefing: Briefing
) -> CaseNomination:
    require(policies.can_chair(actor, briefing))
    nomination = CaseNomination.objects.select_for_update().get(pk=nomination.pk)
    if nomination.accepted_at is not None:
        raise ConflictError(_("This nomination is already accepted."))
    nomination.accepted_by = actor
    nomination.accepted_at = timezone.now()
    nomination.save(update_fields=["accepted_by", "accepted_at"])
    return nomination
