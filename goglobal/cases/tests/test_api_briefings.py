"""Briefings API: who may see and plan them, the agenda, minutes, action items, nominations,
bad input and constant query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from goglobal.cases.models import ActionItem, Briefing
from goglobal.cases.tests.api_helpers import case_row_counts
from goglobal.cases.tests.helpers import CaseFactory
from goglobal.testing.api import call
from goglobal.testing.world import ROLES

pytestmark = [pytest.mark.django_db]

BRIEFING = {
    "kind": "periodic",
    "title": "Giao ban tháng 12",
    "held_on": "2026-12-03",
    "repeat_every_weeks": 4,
}
SEES = {"admin", "programme_officer", "advisory_member"}
STAFF = {"admin", "programme_officer"}


@pytest.mark.parametrize("role", ROLES)
def test_api_briefings_permissions(world, client_for, role):
    admin = client_for("admin")
    _s, made = call(admin, "post", "/briefings", BRIEFING)
    client = client_for(role)
    status, body = call(client, "get", "/briefings")
    assert status == 200
    assert [b["id"] for b in body] == ([made["id"]] if role in SEES else [])
    status, _b = call(client, "get", f"/briefings/{made['id']}")
    assert status == (200 if role in SEES else 404)
    before = case_row_counts()
    status, _b = call(client, "post", "/briefings", {**BRIEFING, "title": "Khác"})
    expected = 201 if role in STAFF else 401 if role == "anonymous" else 403
    assert status == expected
    if status != 201:
        assert case_row_counts() == before
    status, _b = call(client, "post", f"/briefings/{made['id']}/agenda")
    assert status == (
        200 if role in STAFF else 401 if role == "anonymous" else 403 if role in SEES else 404
    )


def test_api_briefing_flow(world, client_for):
    staff = client_for("programme_officer")
    chair = world.users["advisory_member"]
    case = CaseFactory(
        enterprise=world.ent_a, status="in_progress", priority="P2", owning_agency=world.agency
    )
    p1 = CaseFactory(enterprise=world.ent_b, status="assigned", priority="P1", category="tax")
    status, briefing = call(staff, "post", "/briefings", {**BRIEFING, "chair": chair.pk})
    assert status == 201
    path = f"/briefings/{briefing['id']}"
    # The agency member handles the case, so may nominate it; the chair accepts.
    member = client_for("advisory_member")
    status, nomination = call(
        member, "post", f"/cases/{case.pk}/nominations", {"reason": "Nhiều dự án bị ảnh hưởng"}
    )
    assert (status, nomination["accepted"]) == (201, False)
    status, accepted = call(member, "post", f"{path}/nominations/{nomination['id']}/accept")
    assert (status, accepted["accepted"]) == (200, True)
    status, body = call(staff, "post", f"{path}/agenda")
    assert [(row["reason"], row["case"]) for row in body["agenda"]] == [
        ("p1", p1.pk),
        ("nomination", case.pk),
    ]
    status, item = call(
        staff,
        "post",
        f"{path}/action-items",
        {"title": "Gửi công hàm", "owner": chair.pk, "due_on": "2026-12-20"},
    )
    assert (status, item["status"]) == (201, "open")
    assert call(staff, "post", f"{path}/next")[0] == 409
    status, body = call(staff, "post", f"{path}/minutes", {"minutes": "Thống nhất gửi công hàm."})
    assert (status, body["status"]) == (200, "held")
    status, following = call(staff, "post", f"{path}/next")
    assert status == 201
    assert following["held_on"] == "2026-12-31"
    assert ("action_item", item["id"]) in [
        (r["reason"], r["action_item"]) for r in following["agenda"]
    ]
    status, done = call(
        member, "post", f"/action-items/{item['id']}/done", {"evidence": "Công hàm số 45"}
    )
    assert (status, done["status"]) == (200, "done")
    assert call(member, "post", f"/action-items/{item['id']}/done", {"evidence": "x"})[0] == 409


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({**BRIEFING, "repeat_every_weeks": None}, {"repeat_every_weeks"}),
        ({**BRIEFING, "kind": "yearly"}, {"kind"}),
        ({**BRIEFING, "held_on": "03/12/2026"}, {"held_on"}),
        ({**BRIEFING, "chair": 2_000_000}, {"chair"}),
        ({**BRIEFING, "extra": 1}, {"extra"}),
    ],
)
def test_api_briefing_bad_input(world, client_for, body, fields):
    status, payload = call(client_for("admin"), "post", "/briefings", body)
    assert status == 422, payload
    assert {e["field"] for e in payload["errors"]} == fields
    assert Briefing.objects.count() == 0


def test_api_action_item_bad_input_and_outsiders(world, client_for):
    staff = client_for("admin")
    _s, briefing = call(staff, "post", "/briefings", BRIEFING)
    path = f"/briefings/{briefing['id']}/action-items"
    status, payload = call(
        staff, "post", path, {"title": "x", "owner": 2_000_000, "due_on": "2026-12-01"}
    )
    assert (status, {e["field"] for e in payload["errors"]}) == (422, {"owner"})
    _s, item = call(
        staff,
        "post",
        path,
        {"title": "x", "owner": world.users["admin"].pk, "due_on": "2026-12-01"},
    )
    assert (
        call(
            client_for("enterprise_rep"),
            "post",
            f"/action-items/{item['id']}/done",
            {"evidence": "x"},
        )[0]
        == 404
    )
    assert (
        call(
            client_for("advisory_member"),
            "post",
            f"/action-items/{item['id']}/done",
            {"evidence": "x"},
        )[0]
        == 403
    )
    assert ActionItem.objects.get().status == "open"


def test_api_briefing_detail_query_count_is_constant(world, client_for):
    staff = client_for("admin")
    _s, briefing = call(staff, "post", "/briefings", BRIEFING)
    path = f"/api/v1/briefings/{briefing['id']}"

    def queries(p1_cases: int) -> int:
        for _ in range(p1_cases):
            CaseFactory(enterprise=world.ent_a, status="in_progress", priority="P1")
        call(staff, "post", f"/briefings/{briefing['id']}/agenda")
        with CaptureQueriesContext(connection) as context:
            response = staff.get(path)
        return len(context), len(response.json()["agenda"])

    one, rows = queries(1)
    assert rows == 1
    three, rows = queries(2)
    assert (three, rows) == (one, 3)
