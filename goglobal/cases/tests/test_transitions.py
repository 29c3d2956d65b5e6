"""The move table, exhaustively, through the service: every allowed move works and is logged;
every other pair of statuses is refused with a conflict and writes nothing; each move is open
exactly to the people the table names."""

from __future__ import annotations

import itertools

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from goglobal.accounts.models import Role
from goglobal.cases import machine, services
from goglobal.cases.enums import CaseStatus, WaitingOn
from goglobal.cases.models import Case, CaseTransition
from goglobal.cases.tests.helpers import CaseFactory
from goglobal.core.errors import ConflictError
from goglobal.testing import factories as f

ALL_PAIRS = list(itertools.product(CaseStatus.values, CaseStatus.values))
ALLOWED = sorted(machine.MOVES)
FORBIDDEN = [pair for pair in ALL_PAIRS if pair not in machine.MOVES]


@pytest.fixture
def people(db, fast_hashers):
    enterprise = f.EnterpriseFactory()
    mission = f.MissionFactory()
    return {
        "enterprise": enterprise,
        "mission": mission,
        "staff": f.user_with_role(Role.PROGRAMME_OFFICER),
        "reporter": f.user_with_role(Role.ENTERPRISE_REP, enterprise=enterprise),
        "other_rep": f.user_with_role(Role.ENTERPRISE_REP, enterprise=f.EnterpriseFactory()),
        "owner": f.user_with_role(Role.ADVISORY_MEMBER, agency=f.AgencyFactory()),
        "mission_officer": f.user_with_role(Role.MISSION_OFFICER, mission=mission),
        "partner": f.user_with_role(Role.PARTNER_REP),
    }


def _case_in(status: str, people, **extra) -> Case:
    return CaseFactory(
        enterprise=people["enterprise"],
        status=status,
        owner=people["owner"],
        priority="P2",
        owning_mission=people["mission"],
        waiting_on=WaitingOn.ENTERPRISE if status == CaseStatus.WAITING else "",
        **extra,
    )


def _arguments(to: str, people) -> dict:
    arguments = {"reason": "Lý do ghi lại", "waiting_on": ""}
    if to == CaseStatus.WAITING:
        arguments["waiting_on"] = WaitingOn.FOREIGN_AUTHORITY
    if to == CaseStatus.MERGED:
        arguments["merged_into"] = _case_in(CaseStatus.IN_PROGRESS, people)
    return arguments


def _snapshot(case: Case) -> tuple:
    case.refresh_from_db()
    return (
        case.status,
        case.version,
        case.waiting_on,
        CaseTransition.objects.count(),
        Case.history.filter(id=case.pk).count(),
    )


@pytest.mark.parametrize(("start", "to"), ALLOWED, ids=[f"{a}->{b}" for a, b in ALLOWED])
def test_transition_every_allowed_move_works_and_is_logged(people, start, to):
    case = _case_in(start, people)
    actor = people["staff"]
    moved = services.case_transition(actor=actor, case=case, to=to, **_arguments(to, people))
    case.refresh_from_db()
    assert (case.status, case.version) == (to, 1)
    assert moved.status == to
    log = list(CaseTransition.objects.filter(case=case))
    assert [(t.from_status, t.to_status, t.actor_id, t.reason) for t in log] == [
        (start, to, actor.pk, "Lý do ghi lại")
    ]
    assert case.waiting_on == (WaitingOn.FOREIGN_AUTHORITY if to == CaseStatus.WAITING else "")
    assert Case.history.filter(id=case.pk).latest("history_date").history_user_id == actor.pk


@pytest.mark.parametrize(("start", "to"), FORBIDDEN, ids=[f"{a}->{b}" for a, b in FORBIDDEN])
def test_transition_every_other_pair_is_refused_and_writes_nothing(people, start, to):
    case = _case_in(start, people)
    before = _snapshot(case)
    with pytest.raises(ConflictError):
        services.case_transition(actor=people["staff"], case=case, to=to, **_arguments(to, people))
    assert _snapshot(case) == before


# Who each person is to a case built by _case_in (the reporter answers only while the case
# waits on the enterprise; that is checked on its own below).
KINDS = {
    "staff": {machine.STAFF},
    "reporter": {machine.REPORTER},
    "owner": {machine.HANDLER},
    "mission_officer": {machine.HANDLER},
    "other_rep": set(),
    "partner": set(),
}


@pytest.mark.parametrize(("start", "to"), ALLOWED, ids=[f"{a}->{b}" for a, b in ALLOWED])
def test_transition_each_move_is_open_only_to_whom_the_table_names(people, start, to):
    for person, kinds in KINDS.items():
        case = _case_in(start, people)
        if start == CaseStatus.WAITING:
            # Waiting on a foreign authority: the reporter has nothing to answer.
            Case.objects.filter(pk=case.pk).update(waiting_on=WaitingOn.FOREIGN_AUTHORITY)
            case.refresh_from_db()
        before = _snapshot(case)
        allowed = bool(machine.MOVES[(start, to)].who & kinds)
        arguments = _arguments(to, people)
        if allowed:
            services.case_transition(actor=people[person], case=case, to=to, **arguments)
            assert _snapshot(case)[:2] == (to, 1), person
        else:
            with pytest.raises(PermissionDenied):
                services.case_transition(actor=people[person], case=case, to=to, **arguments)
            assert _snapshot(case) == before, person


def test_transition_reporter_answers_only_while_the_case_waits_on_the_enterprise(people):
    waiting_on_them = _case_in(CaseStatus.WAITING, people)
    services.case_transition(
        actor=people["reporter"],
        case=waiting_on_them,
        to=CaseStatus.IN_PROGRESS,
        reason="Đây là thư từ chối.",
    )
    waiting_on_them.refresh_from_db()
    assert waiting_on_them.status == CaseStatus.IN_PROGRESS
    waiting_on_authority = _case_in(CaseStatus.WAITING, people)
    Case.objects.filter(pk=waiting_on_authority.pk).update(waiting_on=WaitingOn.FOREIGN_AUTHORITY)
    with pytest.raises(PermissionDenied):
        services.case_transition(
            actor=people["reporter"],
            case=waiting_on_authority,
            to=CaseStatus.IN_PROGRESS,
            reason="…",
        )


def test_transition_system_closes_a_resolved_case_without_an_actor(people):
    case = _case_in(CaseStatus.RESOLVED_FULL, people)
    services.case_transition(actor=None, case=case, to=CaseStatus.CLOSED)
    assert CaseTransition.objects.get(case=case).actor_id is None
    with pytest.raises(PermissionDenied):
        services.case_transition(
            actor=None, case=_case_in(CaseStatus.TRIAGE, people), to=CaseStatus.ASSIGNED
        )


@pytest.mark.parametrize(
    ("start", "to", "arguments", "field"),
    [
        (CaseStatus.TRIAGE, CaseStatus.DECLINED, {"reason": "  "}, "reason"),
        (CaseStatus.IN_PROGRESS, CaseStatus.WAITING, {"reason": "Câu hỏi"}, "waiting_on"),
        (
            CaseStatus.IN_PROGRESS,
            CaseStatus.WAITING,
            {"reason": "?", "waiting_on": "x"},
            "waiting_on",
        ),
        (CaseStatus.TRIAGE, CaseStatus.MERGED, {"reason": "Trùng"}, "merged_into"),
    ],
)
def test_transition_missing_details_are_field_errors_and_write_nothing(
    people, start, to, arguments, field
):
    case = _case_in(start, people)
    before = _snapshot(case)
    with pytest.raises(ValidationError) as caught:
        services.case_transition(actor=people["staff"], case=case, to=to, **arguments)
    assert set(caught.value.message_dict) == {field}
    assert _snapshot(case) == before


def test_transition_assigning_needs_an_owner_and_a_priority(people):
    case = CaseFactory(enterprise=people["enterprise"], status=CaseStatus.TRIAGE)
    with pytest.raises(ValidationError) as caught:
        services.case_transition(actor=people["staff"], case=case, to=CaseStatus.ASSIGNED)
    assert set(caught.value.message_dict) == {"owner", "priority"}


def test_transition_merge_into_itself_is_refused(people):
    case = _case_in(CaseStatus.TRIAGE, people)
    with pytest.raises(ValidationError) as caught:
        services.case_transition(
            actor=people["staff"], case=case, to=CaseStatus.MERGED, reason="x", merged_into=case
        )
    assert set(caught.value.message_dict) == {"merged_into"}


def test_transition_from_a_stale_copy_is_a_conflict_and_loses_nothing(people):
    """Two officers open the same case; the first moves it, the second's move is refused."""
    case = _case_in(CaseStatus.IN_PROGRESS, people)
    first_copy = Case.objects.get(pk=case.pk)
    second_copy = Case.objects.get(pk=case.pk)
    services.case_transition(
        actor=people["staff"],
        case=first_copy,
        to=CaseStatus.WAITING,
        reason="Chờ Bộ Tư pháp Nhật Bản",
        waiting_on=WaitingOn.FOREIGN_AUTHORITY,
        expected_version=first_copy.version,
    )
    with pytest.raises(ConflictError) as caught:
        services.case_transition(
            actor=people["owner"],
            case=second_copy,
            to=CaseStatus.RESOLVED_FULL,
            reason="Đã xong",
            expected_version=second_copy.version,
        )
    assert "Reload" in str(caught.value) or "Tải lại" in str(caught.value)
    case.refresh_from_db()
    assert (case.status, case.version, case.waiting_on) == (
        CaseStatus.WAITING,
        1,
        WaitingOn.FOREIGN_AUTHORITY,
    )
    assert list(CaseTransition.objects.values_list("to_status", flat=True)) == [CaseStatus.WAITING]


def test_transition_without_version_checks_against_the_current_status(people):
    """The second officer sent no version: their move is judged from the status the first left."""
    case = _case_in(CaseStatus.IN_PROGRESS, people)
    stale = Case.objects.get(pk=case.pk)
    services.case_transition(
        actor=people["staff"], case=case, to=CaseStatus.RESOLVED_PART, reason="Một phần"
    )
    with pytest.raises(ConflictError):
        services.case_transition(
            actor=people["staff"], case=stale, to=CaseStatus.RESOLVED_FULL, reason="Toàn bộ"
        )
    assert CaseTransition.objects.count() == 1
