import pytest
from django.conf import settings

from goglobal.accounts.models import Role
from goglobal.enterprises.enums import DeclarationStatus, EnterpriseStatus
from goglobal.reference.models import Country
from goglobal.testing import factories as f
from goglobal.testing.pages import text

pytestmark = pytest.mark.django_db


def _population():
    active = f.EnterpriseFactory(name_vi="Đang hoạt động")
    f.EnterpriseFactory(status=EnterpriseStatus.DISSOLVED)
    f.ProductFactory(enterprise=active, make_in_vietnam=True)
    f.ProductFactory(enterprise=active, make_in_vietnam=False)
    f.PresenceFactory(enterprise=active, country=Country.objects.get(code="JP"))
    f.DeclarationFactory(enterprise=active, status=DeclarationStatus.SUBMITTED)
    f.MissionFactory()
    f.ForeignOrganisationFactory()
    return active


def test_home_anonymous_sees_public_counts_and_sign_in(client):
    _population()
    response = client.get("/")
    assert response.context["summary"] == {"public": {"enterprises": 1, "make_in_vietnam": 1}}
    body = text(response)
    assert '<html lang="vi">' in body
    assert 'href="/accounts/login/"' in body


def test_home_staff_sees_registry_counts(client, officer):
    _population()
    client.force_login(officer)
    summary = client.get("/").context["summary"]
    assert summary["staff"] == {
        "enterprises": 2,
        "abroad": 1,
        "awaiting_review": 1,
        "missions": 1,
        "foreign_organisations": 1,
    }
    assert summary["public"] == {"enterprises": 1, "make_in_vietnam": 1}


def test_home_enterprise_rep_sees_own_enterprise_and_declaration_statuses(client):
    active = _population()
    client.force_login(f.user_with_role(Role.ENTERPRISE_REP, enterprise=active))
    response = client.get("/")
    summary = response.context["summary"]["enterprise_rep"]
    assert summary["own_enterprises"] == [active]
    assert [(str(label), n) for label, n in summary["declarations"]][:2] == [
        ("Bản nháp", 0),
        ("Đã nộp", 1),
    ]
    assert f'href="/enterprises/{active.pk}/edit/"' in text(response)


def test_home_mission_officer_sees_mission_and_enterprises_present(client):
    _population()
    mission = f.MissionFactory(name_vi="Đại sứ quán tại Tokyo")
    client.force_login(f.user_with_role(Role.MISSION_OFFICER, mission=mission))
    response = client.get("/")
    assert response.context["summary"]["mission_officer"] == {"own_missions": [(mission, 1)]}
    assert "Nhật Bản" in text(response)


def test_home_partner_rep_and_advisory_member_see_their_organisation(client):
    organisation = f.ForeignOrganisationFactory(name="Pagoda Project")
    client.force_login(f.user_with_role(Role.PARTNER_REP, foreign_organisation=organisation))
    assert "Pagoda Project" in text(client.get("/"))
    agency = f.AgencyFactory(name_vi="Vụ Hợp tác quốc tế", in_advisory_group=True)
    client.force_login(f.user_with_role(Role.ADVISORY_MEMBER, agency=agency))
    summary = client.get("/").context["summary"]["advisory_member"]
    assert summary == {"own_agencies": [agency], "advisory_agencies": 1}


def test_home_navigation_depends_on_role(client, officer):
    anonymous = [key for key, _l, _u in client.get("/").context["nav_items"]]
    assert anonymous == ["home", "enterprises", "missions", "events"]
    client.force_login(officer)
    staff = [key for key, _l, _u in client.get("/").context["nav_items"]]
    assert staff == [
        "home",
        "enterprises",
        "missions",
        "events",
        "partners",
        "cases",
        "declarations",
        "aggregate",
        "desk",
        "tokens",
        "matchmaking",
    ]


def test_language_switch_shows_english_then_vietnamese(client):
    assert "Doanh nghiệp" in text(client.get("/"))
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/enterprises/"})
    assert response.status_code == 302
    assert response["Location"] == "/enterprises/"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    body = text(client.get("/enterprises/"))
    assert '<html lang="en">' in body
    assert "<h1>Enterprises</h1>" in body
    assert 'value="vi" lang="vi"' in body
    client.post("/i18n/setlang/", {"language": "vi", "next": "/"})
    assert "<h1>Doanh nghiệp</h1>" in text(client.get("/enterprises/"))


def test_pages_have_skip_link_and_stylesheet_without_inline_script_or_style(client):
    body = text(client.get("/"))
    assert 'href="#main"' in body
    assert "/static/goglobal/site.css" in body
    assert "/static/django_htmx/htmx-2.min.js" in body
    assert "<style" not in body
    assert "style=" not in body
    assert "<script>" not in body
    assert " on" + "click=" not in body


def test_error_pages_are_rendered_in_the_site_layout(client):
    response = client.get("/enterprises/999999/")
    assert response.status_code == 404
    assert "<h1>Không tìm thấy trang</h1>" in text(response)
    client.force_login(f.user_with_role(Role.ENTERPRISE_REP, enterprise=f.EnterpriseFactory()))
    response = client.get("/enterprises/new/")
    assert response.status_code == 403
    assert "<h1>Không được phép</h1>" in text(response)
