"""Agreements: the workflow (allowed and forbidden moves, each recorded with actor, reason and
time), dates in order, upgrades kept as lineage, who sees what, and the pages."""

import datetime as dt

import pytest
from django.utils import timezone

from goglobal.agreements.models import Agreement, AgreementTransition
from goglobal.cases.tests.helpers import add_cases
from goglobal.testing.api import call, client_as

PAYLOAD = {
    "kind": "mou",
    "title_vi": "Biên bản ghi nhớ hợp tác chuyển đổi số Việt Nam – Singapore",
    "partner_country": "SG",
    "vietnam_party": "Bộ Khoa học và Công nghệ",
    "partner_party": "Bộ Phát triển số và Thông tin Singapore",
    "proposed_on": "2024-02-01",
    "place": "Singapore",
    "areas": ["chuyển đổi số", "an toàn thông tin", "chuyển đổi số"],
    "signatories": [
        {"side": "vietnam", "name": "Nguyễn Văn A", "position": "Thứ trưởng"},
        {"side": "partner", "name": "Tan B"},
    ],
}


def _move(client, pk, to, on=None, reason=""):
    body = {"to": to, "reason": reason}
    if on:
        body["on"] = on
    return call(client, "POST", f"/agreements/{pk}/transitions", body)


def test_agreement_create_by_staff_only(desk_world):
    admin = client_as(desk_world, "admin")
    status, body = call(admin, "POST", "/agreements", PAYLOAD)
    assert status == 201, body
    assert body["status"] == "proposed"
    assert body["areas"] == ["chuyển đổi số", "an toàn thông tin"]
    assert [s["name"] for s in body["signatories"]] == ["Tan B", "Nguyễn Văn A"]
    assert body["allowed_moves"] == ["negotiating", "terminated"]
    before = Agreement.objects.count()
    for role, expected in (("mission_officer", 403), ("enterprise_rep", 403), ("anonymous", 401)):
        assert call(client_as(desk_world, role), "POST", "/agreements", PAYLOAD)[0] == expected
    assert Agreement.objects.count() == before


def test_agreement_create_refuses_bad_input(desk_world):
    admin = client_as(desk_world, "admin")
    both = {**PAYLOAD, "partner_organisation": "ASEAN"}
    status, body = call(admin, "POST", "/agreements", both)
    assert status == 422 and {e["field"] for e in body["errors"]} == {"partner_country"}
    future = (timezone.localdate() + dt.timedelta(days=3)).isoformat()
    status, body = call(admin, "POST", "/agreements", {**PAYLOAD, "proposed_on": future})
    assert status == 422 and {e["field"] for e in body["errors"]} == {"proposed_on"}
    status, body = call(admin, "POST", "/agreements", {**PAYLOAD, "partner_country": "XX"})
    assert status == 422 and {e["field"] for e in body["errors"]} == {"partner_country"}
    status, body = call(admin, "POST", "/agreements", {**PAYLOAD, "kind": "treaty"})
    assert status == 422


def test_agreement_workflow_records_every_move_with_actor_reason_and_time(desk_world):
    admin = client_as(desk_world, "admin")
    pk = desk_world.agreement_jp.pk
    steps = [
        ("negotiating", "2024-03-01"),
        ("signed", "2024-06-15"),
        ("in_force", "2024-07-01"),
        ("expired", "2025-07-01"),
    ]
    for to, on in steps:
        status, body = _move(admin, pk, to, on)
        assert status == 200, body
        assert body["status"] == to
    agreement = Agreement.objects.get(pk=pk)
    assert (agreement.signed_on, agreement.in_force_on, agreement.ended_on) == (
        dt.date(2024, 6, 15),
        dt.date(2024, 7, 1),
        dt.date(2025, 7, 1),
    )
    moves = list(AgreementTransition.objects.filter(agreement_id=pk).order_by("at", "id"))
    assert [(m.from_status, m.to_status) for m in moves] == [
        ("proposed", "negotiating"),
        ("negotiating", "signed"),
        ("signed", "in_force"),
        ("in_force", "expired"),
    ]
    assert {m.actor_id for m in moves} == {desk_world.users["admin"].pk}
    assert all(timezone.now() - m.at < dt.timedelta(minutes=1) for m in moves)
    changes = agreement.history.filter(history_type="~")
    assert [h.status for h in changes.order_by("history_date")] == [to for to, _ in steps]
    assert {h.history_user_id for h in changes} == {desk_world.users["admin"].pk}


@pytest.mark.parametrize(
    ("moves", "to"),
    [
        ([], "in_force"),
        ([], "signed"),
        ([], "expired"),
        (["negotiating"], "proposed"),
        (["negotiating", "signed"], "negotiating"),
        (["negotiating", "signed", "in_force"], "signed"),
    ],
)
def test_agreement_illegal_moves_are_refused_with_409(desk_world, moves, to):
    admin = client_as(desk_world, "admin")
    pk = desk_world.agreement_jp.pk
    for step in moves:
        assert _move(admin, pk, step)[0] == 200
    before = AgreementTransition.objects.count()
    status, body = _move(admin, pk, to)
    assert status == 409, body
    assert body["detail"]
    assert AgreementTransition.objects.count() == before


def test_agreement_terminated_needs_a_reason(desk_world):
    admin = client_as(desk_world, "admin")
    pk = desk_world.agreement_jp.pk
    status, body = _move(admin, pk, "terminated")
    assert status == 422 and {e["field"] for e in body["errors"]} == {"reason"}
    status, body = _move(admin, pk, "terminated", reason="The partner withdrew.")
    assert status == 200 and body["transitions"][-1]["reason"] == "The partner withdrew."


def test_agreement_signed_before_it_was_proposed_is_refused(desk_world):
    admin = client_as(desk_world, "admin")
    pk = desk_world.agreement_jp.pk  # proposed on 2024-01-10
    assert _move(admin, pk, "negotiating", "2024-01-20")[0] == 200
    status, body = _move(admin, pk, "signed", "2023-12-31")
    assert status == 422, body
    assert {e["field"] for e in body["errors"]} == {"on"}
    assert "before" in body["errors"][0]["message"] or body["errors"][0]["message"]
    assert Agreement.objects.get(pk=pk).status == "negotiating"
    assert Agreement.objects.get(pk=pk).signed_on is None
    future = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    assert _move(admin, pk, "signed", future)[0] == 422
    assert _move(admin, pk, "signed", "2024-05-05")[0] == 200
    # Moving the proposal after the signature is refused too.
    status, body = call(admin, "PATCH", f"/agreements/{pk}", {"proposed_on": "2024-06-01"})
    assert status == 422 and {e["field"] for e in body["errors"]} == {"negotiation_started_on"}


def test_agreement_moves_are_staff_only(desk_world):
    pk = desk_world.agreement_jp.pk
    assert _move(client_as(desk_world, "mission_officer"), pk, "negotiating")[0] == 403
    assert _move(client_as(desk_world, "mission_multi"), pk, "negotiating")[0] == 404
    assert _move(client_as(desk_world, "anonymous"), pk, "negotiating")[0] == 401
    assert AgreementTransition.objects.count() == 0


def test_agreement_upgrade_keeps_the_lineage(desk_world):
    admin = client_as(desk_world, "admin")
    mou = desk_world.agreement_de_sgn
    upgrade = {
        "kind": "national_partnership",
        "title_vi": "Đối tác số quốc gia Việt Nam – Đức",
        "proposed_on": "2024-11-28",
    }
    status, body = call(admin, "POST", f"/agreements/{mou.pk}/upgrade", upgrade)
    assert status == 201, body
    assert body["upgraded_from_id"] == mou.pk
    assert body["partner_country"]["code"] == "DE"
    assert body["lineage"] == [mou.pk, body["id"]]
    assert call(admin, "GET", f"/agreements/{mou.pk}")[1]["lineage"] == [mou.pk, body["id"]]
    # Only once, only upwards, only once signed, and not before the signature.
    assert call(admin, "POST", f"/agreements/{mou.pk}/upgrade", upgrade)[0] == 409
    proposed = desk_world.agreement_jp.pk
    assert call(admin, "POST", f"/agreements/{proposed}/upgrade", upgrade)[0] == 409
    newest = body["id"]
    Agreement.objects.filter(pk=newest).update(status="signed", signed_on=dt.date(2025, 1, 1))
    down = {**upgrade, "kind": "mou"}
    status, body = call(admin, "POST", f"/agreements/{newest}/upgrade", down)
    assert status == 422 and {e["field"] for e in body["errors"]} == {"kind"}
    other = Agreement.objects.create(
        kind="mou",
        status="signed",
        title_vi="MoU khác",
        partner_country_id="FR",
        vietnam_party="Bộ",
        partner_party="Bộ",
        proposed_on=dt.date(2024, 1, 1),
        signed_on=dt.date(2024, 6, 1),
    )
    early = {**upgrade, "proposed_on": "2024-05-01"}
    before = Agreement.objects.count()
    status, body = call(admin, "POST", f"/agreements/{other.pk}/upgrade", early)
    assert status == 422 and {e["field"] for e in body["errors"]} == {"proposed_on"}
    assert Agreement.objects.count() == before


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("admin", {"agreement_jp", "agreement_de_sgn"}),
        ("mission_officer", {"agreement_jp", "agreement_de_sgn"}),  # JP in its jurisdiction
        ("mission_multi", {"agreement_de_sgn"}),
        ("enterprise_rep", {"agreement_de_sgn"}),
        ("anonymous", {"agreement_de_sgn"}),
    ],
)
def test_agreement_list_scoping(desk_world, role, expected):
    status, body = call(client_as(desk_world, role), "GET", "/agreements")
    assert status == 200
    assert {item["id"] for item in body["items"]} == desk_world.ids(*expected)
    hidden = {"agreement_jp", "agreement_de_sgn"} - expected
    for name in hidden:
        pk = desk_world.rows[name].pk
        assert call(client_as(desk_world, role), "GET", f"/agreements/{pk}")[0] == 404
        assert client_as(desk_world, role).get(f"/agreements/{pk}/").status_code == 404


def test_agreement_linked_cases_show_only_what_the_user_may_see(desk_world):
    add_cases(desk_world)
    admin = client_as(desk_world, "admin")
    mou = desk_world.agreement_de_sgn
    cases = [desk_world.case_b.pk, desk_world.case_b_other.pk]
    status, body = call(admin, "PATCH", f"/agreements/{mou.pk}", {"cases": cases})
    assert status == 200, body
    page = client_as(desk_world, "mission_multi").get(f"/agreements/{mou.pk}/")
    text = page.content.decode()
    assert desk_world.case_b.title in text  # shared with the mission
    assert desk_world.case_b_other.title not in text  # not shared
    assert call(admin, "PATCH", f"/agreements/{mou.pk}", {"cases": [999999]})[0] == 422


def test_agreement_pages(desk_world):
    admin = client_as(desk_world, "admin")
    assert admin.get("/agreements/").status_code == 200
    assert admin.get("/agreements/?kind=nonsense&country=ZZ").status_code == 200
    pk = desk_world.agreement_jp.pk
    response = admin.post(
        f"/agreements/{pk}/transition/", {"to": "negotiating", "on": "20/01/2024"}
    )
    assert response.status_code == 302
    assert Agreement.objects.get(pk=pk).negotiation_started_on == dt.date(2024, 1, 20)
    response = admin.post(f"/agreements/{pk}/transition/", {"to": "signed", "on": "01/01/2024"})
    assert response.status_code == 422
    assert Agreement.objects.get(pk=pk).status == "negotiating"
    officer = client_as(desk_world, "mission_officer")
    assert officer.get("/agreements/new/").status_code == 403
    assert officer.post(f"/agreements/{pk}/transition/", {"to": "signed"}).status_code == 403
    response = admin.post(
        "/agreements/new/",
        {
            "kind": "mou",
            "title_vi": "MoU mới",
            "partner_country": "KR",
            "vietnam_party": "Bộ KH&CN",
            "partner_party": "MSIT",
            "proposed_on": "15/09/2024",
            "areas": "AI\nbán dẫn",
        },
    )
    assert response.status_code == 302
    assert Agreement.objects.get(title_vi="MoU mới").areas == ["AI", "bán dẫn"]
