"""The yearly declaration's workflow through the API: the enterprise drafts and submits, staff
accept or return with a reason, a returned declaration is corrected and submitted again. Every
move not in the table is 409 and leaves the declaration as it was; figures are frozen from
submission until a return."""

import pytest

from goglobal.enterprises.models import Declaration
from goglobal.testing.api import call, client_as
from goglobal.testing.world import declaration_payload

pytestmark = pytest.mark.django_db


def _state(declaration_id: int) -> tuple:
    row = Declaration.objects.get(pk=declaration_id)
    return row.status, row.total_revenue, row.return_reason, row.history.count()


def test_declaration_workflow_draft_submit_return_edit_submit_accept(shared_world):
    world = shared_world
    rep, officer = client_as(world, "enterprise_rep"), client_as(world, "programme_officer")
    status, body = call(
        rep, "post", f"/enterprises/{world.ent_a.pk}/declarations", declaration_payload()
    )
    assert (status, body["status"]) == (201, "draft")
    url = f"/declarations/{body['id']}"

    status, body = call(rep, "post", f"{url}/submit")
    assert (status, body["status"]) == (200, "submitted")
    assert body["submitted_at"] is not None

    # Staff cannot return without saying why.
    before = _state(body["id"])
    status, error = call(officer, "post", f"{url}/return", {"reason": ""})
    assert status == 422
    assert {e["field"] for e in error["errors"]} == {"reason"}
    assert call(officer, "post", f"{url}/return", {})[0] == 422
    assert _state(body["id"]) == before

    status, body = call(officer, "post", f"{url}/return", {"reason": "Thiếu doanh thu Hàn Quốc."})
    assert (status, body["status"], body["return_reason"]) == (
        200,
        "returned",
        "Thiếu doanh thu Hàn Quốc.",
    )
    assert body["reviewed_at"] is not None

    status, body = call(rep, "patch", url, {"countries": [{"country": "KR", "revenue": "350"}]})
    assert (status, body["status"], body["countries"]) == (
        200,
        "returned",
        [{"country": "KR", "revenue": "350.00"}],
    )

    status, body = call(rep, "post", f"{url}/submit")
    assert (status, body["status"], body["return_reason"]) == (200, "submitted", "")

    status, body = call(officer, "post", f"{url}/accept")
    assert (status, body["status"]) == (200, "accepted")
    declaration = Declaration.objects.get(pk=body["id"])
    assert declaration.reviewed_by == world.users["programme_officer"]
    assert declaration.submitted_by == world.users["enterprise_rep"]
    # create, submit, return, edit, submit, accept: one record each.
    assert [r.status for r in declaration.history.all()] == [
        "accepted",
        "submitted",
        "returned",
        "returned",
        "submitted",
        "draft",
    ]


FORBIDDEN = [
    # (status of the declaration, who, action, body)
    ("draft", "programme_officer", "accept", None),
    ("draft", "programme_officer", "return", {"reason": "x"}),
    ("returned", "programme_officer", "accept", None),
    ("returned", "programme_officer", "return", {"reason": "x"}),
    ("submitted", "enterprise_rep", "submit", None),
    ("accepted", "enterprise_rep", "submit", None),
    ("accepted", "programme_officer", "accept", None),
    ("accepted", "programme_officer", "return", {"reason": "x"}),
    ("submitted", "enterprise_rep", "edit", {"total_revenue": "5"}),
    ("submitted", "programme_officer", "edit", {"total_revenue": "5"}),
    ("accepted", "enterprise_rep", "edit", {"total_revenue": "5"}),
]


@pytest.mark.parametrize(
    ("state", "role", "action", "body"),
    FORBIDDEN,
    ids=[f"{action}-{state}-by-{role}" for state, role, action, _body in FORBIDDEN],
)
def test_declaration_forbidden_move_is_409_and_changes_nothing(
    shared_world, state, role, action, body
):
    world = shared_world
    declaration_id = world.decl_a.pk
    Declaration.objects.filter(pk=declaration_id).update(status=state)
    before = _state(declaration_id)
    if action == "edit":
        method, path = "patch", f"/declarations/{declaration_id}"
    else:
        method, path = "post", f"/declarations/{declaration_id}/{action}"
    status, payload = call(client_as(world, role), method, path, body)
    assert status == 409, payload
    assert payload["detail"]
    assert _state(declaration_id) == before


def test_declaration_filters_by_year_and_status(shared_world):
    world = shared_world
    officer = client_as(world, "programme_officer")
    _status, body = call(officer, "get", "/declarations?status=submitted&year=2024")
    assert [item["id"] for item in body["items"]] == [world.decl_b.pk]
    assert body["count"] == 1
    _status, body = call(officer, "get", f"/declarations?enterprise={world.ent_a.pk}")
    assert [item["id"] for item in body["items"]] == [world.decl_a.pk]


@pytest.mark.parametrize(
    ("action", "message"),
    [
        ("accept", "Không thể chấp nhận tờ khai này: tờ khai đang ở trạng thái bản nháp."),
        ("return", "Không thể trả lại tờ khai này: tờ khai đang ở trạng thái bản nháp."),
    ],
)
def test_forbidden_move_says_which_move_in_a_whole_vietnamese_sentence(
    shared_world, action, message
):
    world = shared_world
    Declaration.objects.filter(pk=world.decl_a.pk).update(status="draft")
    body = {"reason": "Thiếu số liệu"} if action == "return" else None
    status, payload = call(
        client_as(world, "programme_officer"),
        "post",
        f"/declarations/{world.decl_a.pk}/{action}",
        body,
    )
    assert (status, payload["detail"]) == (409, message)
