"""Writes to support cases. Status changes go through `case_transition` only."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import OperationalError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from goglobal.accounts.access import AnyUser
from goglobal.accounts.models import Role
from goglobal.advisory.models import Agency
from goglobal.cases import machine, milestones, policies, rollup
from goglobal.cases.enums import CaseStatus, RoutingKind, WaitingOn
from goglobal.cases.models import Case, CaseTransition
from goglobal.cases.selectors import routing_rules_active
from goglobal.core.errors import ConflictError
from goglobal.core.history import save_with_history
from goglobal.enterprises.models import Contact, Enterprise
from goglobal.enterprises.services.common import (
    assign,
    require,
    resolve_countries,
    resolve_country,
    save_validated,
)
from goglobal.missions.models import Mission
from goglobal.search.services import search_index_record

CASE_FIELDS = (
    "title",
    "region",
    "category",
    "sub_category",
    "description",
    "first_met_on",
    "impact_band",
    "urgency",
    "share_with_mission",
    "publish_summary",
    "is_systemic",
)
REQUIRED = ("title", "country", "category", "description", "first_met_on", "impact_band", "urgency")
HANDLER_ROLES = (Role.ADMIN, Role.PROGRAMME_OFFICER, Role.MISSION_OFFICER, Role.ADVISORY_MEMBER)


def _apply(case: Case, data: dict) -> list | None:
    errors: dict = {}
    assign(case, data, CASE_FIELDS)
    if "country" in data:
        try:
            case.country = resolve_country(data["country"])
        except ValidationError as exc:
            errors.update(exc.message_dict)
    other = None
    if data.get("other_countries") is not None:
        try:
            other = resolve_countries(data["other_countries"], "other_countries")
        except ValidationError as exc:
            errors.update(exc.message_dict)
    if "contact" in data:
        contact_id = data["contact"]
        if contact_id is None:
            case.contact = None
        else:
            contact = Contact.objects.filter(
                pk=contact_id, enterprise_id=case.enterprise_id
            ).first()
            if contact is None:
                errors["contact"] = [_("Choose a contact person of this enterprise.")]
            case.contact = contact
    if case.first_met_on and case.first_met_on > timezone.localdate():
        errors["first_met_on"] = [_("The date first met cannot be in the future.")]
    try:
        case.full_clean(exclude=[*errors, "enterprise", "owner", "merged_into"])
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, messages)
    if errors:
        raise ValidationError(errors)
    return other


@transaction.atomic
def case_create(*, actor: AnyUser, enterprise: Enterprise, data: dict) -> Case:
    """A new case, as a draft the enterprise can still change before submitting it."""
    require(policies.can_file_case(actor, enterprise.pk))
    missing = {
        field: [_("This field is required.")] for field in REQUIRED if data.get(field) in (None, "")
    }
    if missing:
        raise ValidationError(missing)
    case = Case(enterprise=enterprise, created_by=actor)
    other = _apply(case, data)
    save_validated(case, actor=actor, m2m={"other_countries": other})
    search_index_record(case)
    return case


@transaction.atomic
def case_update(*, actor: AnyUser, case: Case, data: dict) -> Case:
    case = Case.objects.select_for_update().get(pk=case.pk)
    require(policies.can_file_case(actor, case.enterprise_id))
    if not policies.can_edit_case(actor, case):
        raise ConflictError(_("A case can be changed only while it is a draft."))
    for field in REQUIRED:
        if field in data and data[field] in (None, ""):
            raise ValidationError({field: _("This field is required.")})
    other = _apply(case, data)
    save_validated(case, actor=actor, m2m={"other_countries": other})
    search_index_record(case)
    return case


def routing_apply(case: Case) -> None:
    """Fills what triage has not set from the active rules: the mission covering the case's
    country (only if the enterprise agreed to share with it), the agency for its category, and
    a referral to the Advisory Group for systemic or multi-country cases."""
    for rule in routing_rules_active():
        if (
            rule.kind == RoutingKind.COUNTRY
            and case.owning_mission_id is None
            and case.share_with_mission
            and rule.country_id == case.country_id
        ):
            case.owning_mission_id = rule.mission_id
        elif (
            rule.kind == RoutingKind.CATEGORY
            and case.owning_agency_id is None
            and rule.category == case.category
        ):
            case.owning_agency_id = rule.agency_id
        elif rule.kind == RoutingKind.SYSTEMIC and (
            case.is_systemic or case.other_countries.exists()
        ):
            case.advisory_group = True


def _check_move(
    case: Case, to: str, move: machine.Move, *, reason: str, waiting_on: str, merged_into
) -> None:
    if move.needs_reason and not reason:
        raise ValidationError({"reason": _("Give a reason for this change.")})
    if to == CaseStatus.WAITING and waiting_on not in WaitingOn.values:
        raise ValidationError({"waiting_on": _("Say whom the case is waiting on.")})
    if to == CaseStatus.ASSIGNED:
        errors = {}
        if case.owner_id is None:
            errors["owner"] = [_("Choose an owner before assigning the case.")]
        if not case.priority:
            errors["priority"] = [_("Set a priority before assigning the case.")]
        if errors:
            raise ValidationError(errors)
    if to == CaseStatus.MERGED:
        if merged_into is None:
            raise ValidationError({"merged_into": _("Choose the case this one duplicates.")})
        if merged_into.pk == case.pk or merged_into.status in (
            CaseStatus.DRAFT,
            CaseStatus.MERGED,
            CaseStatus.DECLINED,
        ):
            raise ValidationError(
                {"merged_into": _("A case can be merged only into another open case.")}
            )


def case_transition(
    *,
    actor: AnyUser | None,
    case: Case,
    to: str,
    reason: str = "",
    waiting_on: str = "",
    merged_into: Case | None = None,
    expected_version: int | None = None,
) -> Case:
    """Moves the case to `to` if the move table allows it from its current status and `actor`
    (None: the system) may make it. Side effects, all in one transaction:
    - a CaseTransition row (from, to, actor, reason, time) and a history record of the case;
    - submitted: the submission time is stamped (the SLA clocks start);
    - triage (acknowledged): the routing rules fill the owning mission, agency and referral;
    - waiting: whom it waits on is recorded (the SLA clocks pause until it leaves);
    - merged: the duplicate it was merged into is recorded;
    - the metrics' milestones (acknowledged, assigned, resolved, reopened) are stamped, and
      the metrics' roll-up counts the change.
    A move from a stale copy (`expected_version` no longer current, or the status changed
    meanwhile) is refused with ConflictError, so of two officers moving the same case at once
    one succeeds and the other is told, and nothing either did is lost."""
    try:
        return _transition(
            actor=actor,
            case=case,
            to=to,
            reason=reason,
            waiting_on=waiting_on,
            merged_into=merged_into,
            expected_version=expected_version,
        )
    except OperationalError as exc:
        # SQLite: the other officer's transaction held the write lock past the busy timeout
        # (at once, in the tests' shared in-memory database). Their move is the one that counts.
        if connection.vendor == "sqlite" and "locked" in str(exc):
            raise ConflictError(
                _("Someone else is changing this case right now. Reload it and try again.")
            ) from exc
        raise


@transaction.atomic
def _transition(
    *,
    actor: AnyUser | None,
    case: Case,
    to: str,
    reason: str,
    waiting_on: str,
    merged_into: Case | None,
    expected_version: int | None,
) -> Case:
    locked = Case.objects.select_for_update().get(pk=case.pk)
    reason = (reason or "").strip()
    if expected_version is not None and locked.version != expected_version:
        raise ConflictError(
            _("Someone else changed this case meanwhile: it is now %(status)s. Reload it.")
            % {"status": str(locked.get_status_display()).lower()}
        )
    move = machine.MOVES.get((locked.status, to))
    if move is None:
        raise ConflictError(
            _("A case cannot move from %(from)s to %(to)s.")
            % {
                "from": str(locked.get_status_display()).lower(),
                "to": str(CaseStatus(to).label).lower() if to in CaseStatus.values else to,
            }
        )
    if not move.who & policies.roles_on_case(actor, locked):
        raise PermissionDenied(_("You are not allowed to make this change."))
    _check_move(locked, to, move, reason=reason, waiting_on=waiting_on, merged_into=merged_into)

    now = timezone.now()
    previous = locked.status
    counted = rollup.snapshot(locked)
    # The row is locked on PostgreSQL; the version in the WHERE clause makes the refusal of a
    # concurrent move hold on every backend.
    if not Case.objects.filter(pk=locked.pk, version=locked.version).update(
        version=locked.version + 1
    ):
        raise ConflictError(_("Someone else changed this case meanwhile. Reload it."))
    locked.version += 1
    locked.status = to
    locked.status_changed_at = now
    locked.waiting_on = waiting_on if to == CaseStatus.WAITING else ""
    if to == CaseStatus.SUBMITTED and locked.submitted_at is None:
        locked.submitted_at = now
    if to == CaseStatus.TRIAGE and previous == CaseStatus.SUBMITTED:
        routing_apply(locked)
    if to == CaseStatus.MERGED:
        locked.merged_into = merged_into
    milestones.stamp_move(locked, start=locked.submitted_at, frm=previous, to=to, at=now)
    save_with_history(locked, actor=actor)
    rollup.rollup_apply(counted, rollup.snapshot(locked))
    CaseTransition.objects.create(
        case=locked,
        from_status=previous,
        to_status=to,
        waiting_on=locked.waiting_on,
        actor=actor if actor is not None and actor.is_authenticated else None,
        reason=reason,
        at=now,
    )
    # The entry shows where the case stands.
    search_index_record(locked)
    return locked


@transaction.atomic
def case_triage(*, actor: AnyUser, case: Case, data: dict) -> Case:
    """Priority, owner, contributors, owning mission and agency, referral to the Advisory
    Group: set by staff while the case is open."""
    require(policies.can_triage(actor))
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.status in machine.FINAL or case.status in (CaseStatus.DRAFT, CaseStatus.SUBMITTED):
        raise ConflictError(_("Triage fields can be set only once the case is acknowledged."))
    errors: dict = {}
    users = get_user_model().objects.filter(is_active=True, role__in=HANDLER_ROLES)
    if "priority" in data:
        case.priority = data["priority"] or ""
    if "owner" in data:
        case.owner = users.filter(pk=data["owner"]).first() if data["owner"] else None
        if data["owner"] and case.owner is None:
            errors["owner"] = [_("Choose an active officer or Advisory Group member.")]
    contributors = None
    if data.get("contributors") is not None:
        contributors = list(users.filter(pk__in=data["contributors"]))
        if len(contributors) != len(set(data["contributors"])):
            errors["contributors"] = [_("Choose active officers or Advisory Group members.")]
    # A mission officer may see a case only if the enterprise agreed to share it with missions.
    if not case.share_with_mission:
        no_consent = _("The enterprise has not agreed to share this case with a mission.")
        if case.owner is not None and case.owner.role == Role.MISSION_OFFICER:
            errors["owner"] = [no_consent]
        if contributors and any(user.role == Role.MISSION_OFFICER for user in contributors):
            errors["contributors"] = [no_consent]
    if "owning_mission" in data:
        case.owning_mission = (
            Mission.objects.filter(pk=data["owning_mission"]).first()
            if data["owning_mission"]
            else None
        )
        if data["owning_mission"] and case.owning_mission is None:
            errors["owning_mission"] = [_("Unknown mission.")]
        elif case.owning_mission is not None and not case.share_with_mission:
            errors["owning_mission"] = [
                _("The enterprise has not agreed to share this case with a mission.")
            ]
    if "owning_agency" in data:
        case.owning_agency = (
            Agency.objects.filter(pk=data["owning_agency"]).first()
            if data["owning_agency"]
            else None
        )
        if data["owning_agency"] and case.owning_agency is None:
            errors["owning_agency"] = [_("Unknown agency.")]
    if "advisory_group" in data:
        case.advisory_group = bool(data["advisory_group"])
    if case.priority and case.priority not in ("P1", "P2", "P3", "P4"):
        errors["priority"] = [_("Choose a priority from P1 to P4.")]
    if errors:
        raise ValidationError(errors)
    save_validated(case, actor=actor, m2m={"contributors": contributors})
    return case


@transaction.atomic
def case_rate(*, actor: AnyUser, case: Case, rating: int, comment: str = "") -> Case:
    case = Case.objects.select_for_update().get(pk=case.pk)
    require(policies.speaks_for(actor, case.enterprise_id))
    if case.status != CaseStatus.CLOSED:
        raise ConflictError(_("The help can be rated once the case is closed."))
    if case.rated_at is not None:
        raise ConflictError(_("This case has already been rated."))
    if not isinstance(rating, int) or not 1 <= rating <= 5:
        raise ValidationError({"rating": _("Give a rating from 1 to 5.")})
    case.rating = rating
    case.rating_comment = (comment or "").strip()
    case.rated_at = timezone.now()
    save_validated(case, actor=actor)
    return case
