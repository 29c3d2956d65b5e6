import pytest

from goglobal.accounts.models import Role
from goglobal.missions.models import Mission
from goglobal.reference.models import Country
from goglobal.testing import factories as f
from goglobal.testing.pages import count_queries, login_redirect, text

pytestmark = pytest.mark.django_db


def _country(code):
    return Country.objects.get(code=code)


def test_mission_list_is_public_and_filters_by_country_and_kind(client):
    f.MissionFactory(name_vi="Đại sứ quán tại Nhật Bản")
    f.MissionFactory(
        name_vi="Đại sứ quán tại Trung Quốc",
        host_country=_country("CN"),
        jurisdiction=[_country("CN"), _country("FM")],
    )
    f.MissionFactory(name_vi="Tổng lãnh sự quán tại Osaka", kind="consulate_general")
    names = [m.name_vi for m in client.get("/missions/?country=FM").context["page_obj"]]
    assert names == ["Đại sứ quán tại Trung Quốc"]
    names = [m.name_vi for m in client.get("/missions/?kind=consulate_general").context["page_obj"]]
    assert names == ["Tổng lãnh sự quán tại Osaka"]


def test_mission_list_runs_the_same_queries_for_one_and_three(client):
    f.MissionFactory()
    one = count_queries(client, "/missions/")
    f.MissionFactory.create_batch(2)
    three = count_queries(client, "/missions/")
    assert one == three


def test_mission_detail_lists_countries_and_present_enterprises(client):
    mission = f.MissionFactory(
        host_country=_country("CN"), jurisdiction=[_country("CN"), _country("FM")]
    )
    present = f.EnterpriseFactory(name_vi="Có mặt ở Micronesia")
    f.PresenceFactory(enterprise=present, country=_country("FM"))
    f.PresenceFactory(enterprise=f.EnterpriseFactory(name_vi="Ở Mỹ"), country=_country("US"))
    response = client.get(f"/missions/{mission.pk}/")
    assert [e.name_vi for e in response.context["page_obj"]] == ["Có mặt ở Micronesia"]
    body = text(response)
    assert "Trung Quốc" in body
    assert "Micronesia" in body
    assert response.context["history"] is None


def test_mission_detail_enterprise_list_runs_the_same_queries_for_one_and_three(client):
    mission = f.MissionFactory()
    f.PresenceFactory()
    one = count_queries(client, f"/missions/{mission.pk}/")
    f.PresenceFactory.create_batch(2)
    three = count_queries(client, f"/missions/{mission.pk}/")
    assert one == three


def test_mission_create_by_staff_adds_host_country_to_jurisdiction(client, officer):
    client.force_login(officer)
    response = client.post(
        "/missions/new/",
        {
            "name_vi": "Đại sứ quán Việt Nam tại Hàn Quốc",
            "name_en": "Embassy of Viet Nam in the Republic of Korea",
            "kind": "embassy",
            "host_country": "KR",
            "city": "Seoul",
            "jurisdiction": [],
        },
    )
    mission = Mission.objects.get()
    assert response["Location"] == f"/missions/{mission.pk}/"
    assert [c.code for c in mission.jurisdiction.all()] == ["KR"]


def test_mission_create_refuses_bad_email_and_non_staff(client, officer):
    client.force_login(officer)
    response = client.post(
        "/missions/new/",
        {
            "name_vi": "A",
            "name_en": "A",
            "kind": "embassy",
            "host_country": "KR",
            "city": "Seoul",
            "email": "nope",
        },
    )
    assert response.context["form"].errors["email"] == ["Nhập một địa chỉ e-mail hợp lệ."]
    client.force_login(f.user_with_role(Role.MISSION_OFFICER, mission=f.MissionFactory()))
    assert client.get("/missions/new/").status_code == 403
    assert Mission.objects.count() == 1


def test_mission_create_sends_anonymous_to_sign_in(client):
    assert client.get("/missions/new/")["Location"] == login_redirect("/missions/new/")


def test_mission_edit_by_its_officer_keeps_the_scope(client):
    mission = f.MissionFactory(head_name="")
    client.force_login(f.user_with_role(Role.MISSION_OFFICER, mission=mission))
    page = client.get(f"/missions/{mission.pk}/edit/")
    assert page.context["form"].fields["jurisdiction"].disabled is True
    response = client.post(
        f"/missions/{mission.pk}/edit/",
        {
            "name_vi": mission.name_vi,
            "name_en": mission.name_en,
            "city": "Tokyo",
            "head_name": "Phạm Quang Hiệu",
            "jurisdiction": ["US"],
            "kind": "permanent_mission",
        },
    )
    assert response.status_code == 302
    mission.refresh_from_db()
    assert mission.head_name == "Phạm Quang Hiệu"
    assert (mission.kind, [c.code for c in mission.jurisdiction.all()]) == ("embassy", ["JP"])


def test_mission_edit_of_another_mission_is_refused(client):
    other = f.MissionFactory()
    client.force_login(f.user_with_role(Role.MISSION_OFFICER, mission=f.MissionFactory()))
    assert client.get(f"/missions/{other.pk}/edit/").status_code == 403


def test_mission_detail_shows_history_to_staff(client, officer):
    mission = f.MissionFactory()
    client.force_login(officer)
    client.post(
        f"/missions/{mission.pk}/edit/",
        {
            "name_vi": mission.name_vi,
            "name_en": mission.name_en,
            "kind": "embassy",
            "host_country": "JP",
            "city": "Osaka",
            "jurisdiction": ["JP"],
        },
    )
    latest = client.get(f"/missions/{mission.pk}/").context["history"][0]
    assert (latest.who, [(c.old, c.new) for c in latest.changes]) == (officer, [("Tokyo", "Osaka")])
