"""Writes beside the case's own workflow: its contributors, and the user's in-app
notifications being read."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from goglobal.accounts.access import AnyUser
from goglobal.accounts.models import Role
from goglobal.cases import machine, policies, selectors
from goglobal.cases.enums import CaseStatus
from goglobal.cases.models import Case, Notification
from goglobal.cases.services import HANDLER_ROLES
from goglobal.core.errors import ConflictError
from goglobal.enterprises.services.common import require, save_validated


def contributor_candidates():
    """Who may be made a contributor: active officers and Advisory Group members."""
    return get_user_model().objects.filter(is_active=True, role__in=HANDLER_ROLES)


def _open_for_changes(case: Case) -> Case:
    locked = Case.objects.select_for_update().get(pk=case.pk)
    if locked.status == CaseStatus.DRAFT or locked.status in machine.FINAL:
        raise ConflictError(_("Contributors can be changed only while the case is open."))
    return locked


@transaction.atomic
def case_contributor_add(*, actor: AnyUser, case: Case, user_id: int | None) -> Case:
    """Adds an officer or Advisory Group member to the case's contributors. A mission officer
    only if the enterprise agreed to share the case with missions."""
    require(policies.can_triage(actor))
    case = _open_for_changes(case)
    user = contributor_candidates().filter(pk=user_id or 0).first()
    if user is None:
        raise ValidationError({"user": _("Choose an active officer or Advisory Group member.")})
    if user.role == Role.MISSION_OFFICER and not case.share_with_mission:
        raise ValidationError(
            {"user": _("The enterprise has not agreed to share this case with a mission.")}
        )
    current = list(case.contributors.all())
    if user in current:
        raise ValidationError({"user": _("This person already contributes to the case.")})
    save_validated(case, actor=actor, m2m={"contributors": [*current, user]})
    return case


@transaction.atomic
def case_contributor_remove(*, actor: AnyUser, case: Case, user_id: int) -> Case:
    require(policies.can_triage(actor))
    case = _open_for_changes(case)
    current = list(case.contributors.all())
    kept = [user for user in current if user.pk != user_id]
    if len(kept) == len(current):
        raise Http404
    save_validated(case, actor=actor, m2m={"contributors": kept})
    return case


def notification_mark_read(*, actor: AnyUser, notification_id: int) -> Notification:
    """Marks one of the user's own notifications read (someone else's is not found)."""
    notification = selectors.notification_list_for_user(actor).filter(pk=notification_id).first()
    if notification is None:
        raise Http404
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def notification_mark_all_read(*, actor: AnyUser) -> int:
    """Marks every unread notification of the user read; returns how many."""
    return (
        selectors.notification_list_for_user(actor)
        .filter(read_at__isnull=True)
        .update(read_at=timezone.now())
    )
