"""The cases API: the move table through HTTP, two officers at once, bad input, the
enterprise's own flow (file, answer, confirm, rate), and constant query counts."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from goglobal.accounts.models import Role
from goglobal.cases import machine
from goglobal.cases.enums import CaseStatus, WaitingOn
from goglobal.cases.models import Case, CaseTransition
from goglobal.cases.tests.api_helpers import case_row_counts
from goglobal.cases.tests.helpers import CaseFactory, case_payload
from goglobal.testing import factories as f
from goglobal.testing.api import call

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_hashers")]


@pytest.fixture
def staff_client(db, fast_hashers):
    client = Client()
    client.force_login(f.user_with_role(Role.PROGRAMME_OFFICER))
    return client


def _ready(status: str, **extra) -> Case:
    return CaseFactory(
        status=status,
        owner=f.user_with_role(Role.ADVISORY_MEMBER),
        priority="P3",
        waiting_on=WaitingOn.ENTERPRISE if status == CaseStatus.WAITING else "",
        **extra,
    )


def _body(to: str) -> dict:
    body = {"to": to, "reason": "Ghi chú của cán bộ"}
    if to == CaseStatus.WAITING:
        body["waiting_on"] = "other_agency"
    if to == CaseStatus.MERGED:
        body["merged_into"] = _ready(CaseStatus.IN_PROGRESS).pk
    return body


ALLOWED = sorted(machine.MOVES)


@pytest.mark.parametrize(("start", "to"), ALLOWED, ids=[f"{a}->{b}" for a, b in ALLOWED])
def test_api_transition_every_allowed_move(staff_client, start, to):
    case = _ready(start)
    status, body = call(staff_client, "post", f"/cases/{case.pk}/transitions", _body(to))
    assert status == 200, body
    assert (body["status"], body["version"]) == (to, 1)
    status, log = call(staff_client, "get", f"/cases/{case.pk}/transitions")
    assert [(row["from_status"], row["to_status"], row["reason"]) for row in log] == [
        (start, to, "Ghi chú của cán bộ")
    ]


FORBIDDEN_SAMPLE = [
    ("draft", "closed"),
    ("draft", "triage"),
    ("submitted", "assigned"),
    ("triage", "in_progress"),
    ("assigned", "resolved_full"),
    ("in_progress", "closed"),
    ("waiting", "resolved_full"),
    ("closed", "draft"),
    ("merged", "triage"),
    ("redirected", "in_progress"),
    ("dormant", "closed"),
    ("in_progress", "in_progress"),
]


@pytest.mark.parametrize(("start", "to"), FORBIDDEN_SAMPLE)
def test_api_transition_forbidden_move_is_409_and_writes_nothing(staff_client, start, to):
    case = _ready(start)
    before = case_row_counts()
    status, body = call(staff_client, "post", f"/cases/{case.pk}/transitions", _body(to))
    assert status == 409, body
    assert body["detail"].startswith(("A case cannot move", "Hồ sơ không thể chuyển"))
    assert case_row_counts() == before
    case.refresh_from_db()
    assert (case.status, case.version) == (start, 0)


def test_api_two_officers_moving_the_same_case_one_wins_the_other_gets_409(staff_client):
    case = _ready(CaseStatus.IN_PROGRESS)
    other = Client()
    other.force_login(f.user_with_role(Role.ADMIN))
    _s, seen_first = call(staff_client, "get", f"/cases/{case.pk}")
    _s, seen_second = call(other, "get", f"/cases/{case.pk}")
    first = {**_body("waiting"), "expected_version": seen_first["version"]}
    second = {"to": "resolved_full", "reason": "Xong", "expected_version": seen_second["version"]}
    assert call(staff_client, "post", f"/cases/{case.pk}/transitions", first)[0] == 200
    status, body = call(other, "post", f"/cases/{case.pk}/transitions", second)
    assert status == 409
    assert body["detail"]
    case.refresh_from_db()
    assert (case.status, case.waiting_on, case.version) == ("waiting", "other_agency", 1)
    assert CaseTransition.objects.filter(case=case).count() == 1


@pytest.mark.parametrize(
    ("payload", "fields"),
    [
        (
            {},
            {
                "title",
                "country",
                "category",
                "description",
                "first_met_on",
                "impact_band",
                "urgency",
            },
        ),
        (case_payload(first_met_on="2999-01-01"), {"first_met_on"}),
        (case_payload(country="XX"), {"country"}),
        (case_payload(other_countries=["DE", "QQ"]), {"other_countries"}),
        (case_payload(category="weather"), {"category"}),
        (case_payload(colour="red"), {"colour"}),
        (case_payload(title="x" * 201), {"title"}),
        (case_payload(description="\x00"), {"description"}),
        (case_payload(contact=999999), {"contact"}),
        (case_payload(title="   "), {"title"}),
    ],
)
def test_api_case_create_bad_input_is_422_with_field_errors(world, client_for, payload, fields):
    client = client_for("enterprise_rep")
    before = case_row_counts()
    status, body = call(client, "post", f"/enterprises/{world.ent_a.pk}/cases", payload)
    assert status == 422, body
    assert {error["field"] for error in body["errors"]} == fields
    assert all(error["message"] for error in body["errors"])
    assert case_row_counts() == before


def test_api_transition_bad_input(staff_client):
    case = _ready(CaseStatus.IN_PROGRESS)
    path = f"/cases/{case.pk}/transitions"
    status, body = call(staff_client, "post", path, {"to": "waiting", "reason": "?"})
    assert (status, {e["field"] for e in body["errors"]}) == (422, {"waiting_on"})
    status, body = call(staff_client, "post", path, {"to": "flying"})
    assert (status, {e["field"] for e in body["errors"]}) == (422, {"to"})
    status, body = call(staff_client, "post", path, "{not json")
    assert status == 400
    triage = _ready(CaseStatus.TRIAGE)
    status, body = call(
        staff_client,
        "post",
        f"/cases/{triage.pk}/transitions",
        {"to": "merged", "reason": "Trùng", "merged_into": 2_000_000},
    )
    assert (status, {e["field"] for e in body["errors"]}) == (422, {"merged_into"})
    assert CaseTransition.objects.count() == 0


def test_api_enterprise_files_answers_confirms_and_rates(world, client_for):
    rep = client_for("enterprise_rep")
    staff = client_for("programme_officer")
    status, case = call(rep, "post", f"/enterprises/{world.ent_a.pk}/cases", case_payload())
    assert (status, case["status"]) == (201, "draft")
    path = f"/cases/{case['id']}"
    assert call(rep, "patch", path, {"region": "Osaka"})[1]["region"] == "Osaka"
    assert call(rep, "post", path + "/transitions", {"to": "submitted"})[1]["status"] == "submitted"
    assert call(rep, "patch", path, {"region": "Kyoto"})[0] == 409
    assert call(staff, "post", path + "/transitions", {"to": "triage"})[0] == 200
    owner = world.users["advisory_member"].pk
    status, body = call(staff, "post", path + "/triage", {"priority": "P2", "owner": owner})
    assert (status, body["priority"], body["owner"]) == (200, "P2", owner)
    assert call(staff, "post", path + "/transitions", {"to": "assigned"})[0] == 200
    advisory = client_for("advisory_member")
    assert call(advisory, "post", path + "/transitions", {"to": "in_progress"})[0] == 200
    question = {"to": "waiting", "waiting_on": "enterprise", "reason": "Xin thư từ chối?"}
    assert call(advisory, "post", path + "/transitions", question)[0] == 200
    answer = {"to": "in_progress", "reason": "Thư đính kèm."}
    assert call(rep, "post", path + "/transitions", answer)[0] == 200
    done = {"to": "resolved_full", "reason": "Thị thực đã được cấp."}
    assert call(advisory, "post", path + "/transitions", done)[0] == 200
    assert call(rep, "post", path + "/rating", {"rating": 5})[0] == 409
    assert call(rep, "post", path + "/transitions", {"to": "closed"})[1]["status"] == "closed"
    status, body = call(rep, "post", path + "/rating", {"rating": 4, "comment": "Nhanh"})
    assert (status, body["rating"], body["rating_comment"]) == (200, 4, "Nhanh")
    assert call(rep, "post", path + "/rating", {"rating": 5})[0] == 409
    assert call(rep, "post", path + "/rating", {"rating": 6})[0] == 422
    _status, log = call(rep, "get", path + "/transitions")
    assert [row["to_status"] for row in log] == [
        "submitted",
        "triage",
        "assigned",
        "in_progress",
        "waiting",
        "in_progress",
        "resolved_full",
        "closed",
    ]


def test_api_triage_refuses_a_mission_without_consent_and_unknown_people(world, client_for):
    staff = client_for("admin")
    case = CaseFactory(enterprise=world.ent_a, status="triage", share_with_mission=False)
    status, body = call(
        staff,
        "post",
        f"/cases/{case.pk}/triage",
        {"owning_mission": world.mission_jp.pk, "owner": world.users["enterprise_rep"].pk},
    )
    assert status == 422
    assert {e["field"] for e in body["errors"]} == {"owning_mission", "owner"}
    case.refresh_from_db()
    assert (case.owning_mission_id, case.owner_id) == (None, None)


def _queries(client, path: str, count: int) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get("/api/v1" + path)
    assert response.status_code == 200
    assert response.json()["count"] == count
    return len(context)


@pytest.mark.parametrize("role", ["admin", "enterprise_rep", "mission_officer", "advisory_member"])
def test_api_case_list_query_count_is_constant(world, client_for, role):
    client = client_for(role)

    def make():
        CaseFactory(enterprise=world.ent_a, status="in_progress", owning_agency=world.agency)

    make()
    one = _queries(client, "/cases", 1)
    make()
    make()
    assert _queries(client, "/cases", 3) == one


def test_api_case_detail_query_count_is_constant_in_contributors(world, client_for):
    client = client_for("admin")
    case = CaseFactory(enterprise=world.ent_a, status="in_progress")
    users = [f.user_with_role(Role.ADVISORY_MEMBER) for _ in range(3)]
    case.contributors.set(users[:1])
    with CaptureQueriesContext(connection) as one:
        assert client.get(f"/api/v1/cases/{case.pk}").status_code == 200
    case.contributors.set(users)
    with CaptureQueriesContext(connection) as three:
        body = client.get(f"/api/v1/cases/{case.pk}").json()
    assert body["contributors"] == sorted(user.pk for user in users)
    assert len(three) == len(one)


def test_api_triage_never_hands_an_unshared_case_to_a_mission_officer(world, client_for):
    staff = client_for("admin")
    case = CaseFactory(enterprise=world.ent_a, status="triage", share_with_mission=False)
    officer = world.users["mission_officer"].pk
    status, body = call(staff, "post", f"/cases/{case.pk}/triage", {"owner": officer})
    assert (status, {e["field"] for e in body["errors"]}) == (422, {"owner"})
    status, body = call(staff, "post", f"/cases/{case.pk}/triage", {"contributors": [officer]})
    assert (status, {e["field"] for e in body["errors"]}) == (422, {"contributors"})
    assert call(client_for("mission_officer"), "get", f"/cases/{case.pk}")[0] == 404
    shared = CaseFactory(enterprise=world.ent_a, status="triage", share_with_mission=True)
    status, body = call(staff, "post", f"/cases/{shared.pk}/triage", {"owner": officer})
    assert (status, body["owner"]) == (200, officer)
