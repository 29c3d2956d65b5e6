"""Market notes: written by a mission about its countries; read by staff and missions, and by
enterprises only when the author chose so."""

import pytest

from goglobal.desk.models import MarketNote
from goglobal.testing.api import call, client_as


def _payload(world, **overrides):
    payload = {
        "mission": world.mission_jp.pk,
        "country": "JP",
        "sector": "healthtech",
        "topic": "regulation",
        "title": "Quy định mới về dữ liệu y tế",
        "body": "Từ 2027, dữ liệu y tế phải lưu tại Nhật Bản.",
        "visibility": "enterprises",
    }
    payload.update(overrides)
    return payload


def test_note_create_by_the_mission(desk_world):
    officer = client_as(desk_world, "mission_officer")
    status, body = call(officer, "POST", "/market-notes", _payload(desk_world))
    assert status == 201, body
    assert (body["country"]["code"], body["sector"]["code"], body["visibility"]) == (
        "JP",
        "healthtech",
        "enterprises",
    )
    assert MarketNote.objects.get(pk=body["id"]).author == desk_world.users["mission_officer"]


@pytest.mark.parametrize(
    ("role", "overrides", "field", "status"),
    [
        ("mission_officer", {"country": "DE"}, "country", 422),  # outside its jurisdiction
        ("mission_officer", {"sector": "nope"}, "sector", 422),
        ("mission_officer", {"mission": 0}, "mission", 422),
        ("mission_multi", {}, "mission", 422),  # not its mission
        ("enterprise_rep", {}, "mission", 422),
    ],
)
def test_note_create_refuses_bad_input(desk_world, role, overrides, field, status):
    got, body = call(
        client_as(desk_world, role), "POST", "/market-notes", _payload(desk_world, **overrides)
    )
    assert got == status, body
    if got == 422 and body["errors"]:
        assert field in {e["field"] for e in body["errors"]}
    assert MarketNote.objects.count() == 3


def test_note_multi_country_mission_writes_about_each_of_its_countries(desk_world):
    multi = client_as(desk_world, "mission_multi")
    for code in ("DE", "AT"):
        payload = _payload(desk_world, mission=desk_world.mission_multi.pk, country=code)
        assert call(multi, "POST", "/market-notes", payload)[0] == 201


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("admin", {"note_jp_staff", "note_jp_ent", "note_at"}),
        ("mission_officer", {"note_jp_staff", "note_jp_ent"}),
        ("mission_multi", {"note_at"}),
        ("enterprise_rep", {"note_jp_ent"}),
        ("partner_rep", set()),
        ("advisory_member", set()),
        ("anonymous", set()),
    ],
)
def test_note_list_scoping(desk_world, role, expected):
    client = client_as(desk_world, role)
    status, body = call(client, "GET", "/market-notes")
    assert status == 200
    assert {item["id"] for item in body["items"]} == desk_world.ids(*expected)
    for name in {"note_jp_staff", "note_jp_ent", "note_at"} - expected:
        assert call(client, "GET", f"/market-notes/{desk_world.rows[name].pk}")[0] == 404


def test_note_pages(desk_world):
    officer = client_as(desk_world, "mission_officer")
    assert officer.get("/desk/notes/").status_code == 200
    response = officer.post(
        "/desk/notes/new/",
        {
            "mission": desk_world.mission_jp.pk,
            "country": "JP",
            "topic": "demand",
            "title": "Nhu cầu AI",
            "body": "Tăng mạnh.",
            "visibility": "staff",
        },
    )
    assert response.status_code == 302
    note = MarketNote.objects.get(title="Nhu cầu AI")
    assert officer.get(f"/desk/notes/{note.pk}/").status_code == 200
    assert client_as(desk_world, "enterprise_rep").get(f"/desk/notes/{note.pk}/").status_code == 404
    assert client_as(desk_world, "partner_rep").get("/desk/notes/new/").status_code == 403
