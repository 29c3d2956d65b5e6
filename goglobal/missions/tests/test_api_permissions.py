"""Permission matrix of missions: public to read; created by staff; edited by staff or the
mission's own officer — who may not change what defines its scope (kind, host country,
jurisdiction), since that decides whose contacts and aggregates it sees. Status rules as in
goglobal/enterprises/tests/test_api_permissions.py."""

import pytest

from goglobal.missions.models import Mission
from goglobal.testing.api import Case, call, client_as, expect, matrix, rows, run_case, write

pytestmark = pytest.mark.django_db

NEW_MISSION = {
    "name_vi": "Tổng Lãnh sự quán Việt Nam tại Osaka",
    "name_en": "Consulate General of Viet Nam in Osaka",
    "kind": "consulate_general",
    "host_country": "JP",
    "city": "Osaka",
}

CASES = [
    Case("mission-list", "get", "/missions", expect(others=rows("mission_jp", "mission_multi"))),
    Case("mission-detail", "get", "/missions/{mission_jp}", expect(others=200)),
    Case("mission-create", "post", "/missions", write(201), NEW_MISSION, "missions.Mission"),
    Case(
        "mission-update-own",
        "patch",
        "/missions/{mission_jp}",
        write(200, mission_officer=200),
        {"head_name": "Phạm Quang Hiệu"},
    ),
    Case("mission-update-other", "patch", "/missions/{mission_multi}", write(200), {"phone": "1"}),
    Case(
        "mission-widen-jurisdiction",
        "patch",
        "/missions/{mission_jp}",
        write(200),
        {"jurisdiction": ["JP", "KR"]},
    ),
]


@pytest.mark.parametrize(("case", "role"), matrix(CASES))
def test_mission_api_permission_matrix(case, role, shared_world):
    run_case(case, role, shared_world, client_as(shared_world, role))


def test_mission_officer_may_resend_its_unchanged_jurisdiction(shared_world):
    client = client_as(shared_world, "mission_officer")
    mission = shared_world.mission_jp
    status, body = call(
        client, "patch", f"/missions/{mission.pk}", {"jurisdiction": ["jp"], "city": "Tokyo"}
    )
    assert status == 200, body
    assert [country["code"] for country in body["jurisdiction"]] == ["JP"]


def test_mission_create_adds_host_country_to_jurisdiction(shared_world):
    client = client_as(shared_world, "programme_officer")
    status, body = call(client, "post", "/missions", {**NEW_MISSION, "jurisdiction": ["KR"]})
    assert status == 201, body
    mission = Mission.objects.get(pk=body["id"])
    assert set(mission.jurisdiction.values_list("code", flat=True)) == {"JP", "KR"}
    record = mission.history.get()
    assert record.history_user == shared_world.users["programme_officer"]
    assert {row.country_id for row in record.jurisdiction.all()} == {"JP", "KR"}
