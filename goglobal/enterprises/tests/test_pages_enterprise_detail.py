import pytest
from django.conf import settings

from goglobal.accounts.models import Role
from goglobal.enterprises import services
from goglobal.enterprises.enums import ConsentPurpose, EnterpriseStatus
from goglobal.reference.models import Country
from goglobal.testing import factories as f
from goglobal.testing.pages import login_redirect, text

pytestmark = pytest.mark.django_db

ALL_TABS = ["profile", "products", "presence", "declarations", "contacts", "history"]
PUBLIC_TABS = ["profile", "products", "presence"]


def _tabs(response) -> list[str]:
    return [key for key, _label, _url in response.context["tabs"]]


@pytest.fixture
def enterprise():
    return f.EnterpriseFactory(name_vi="Công ty Mục Tiêu", name_en="Target JSC")


def test_enterprise_detail_public_sees_profile_products_presence(client, enterprise):
    f.ProductFactory(enterprise=enterprise, name_vi="Sản phẩm A", make_in_vietnam=True)
    f.PresenceFactory(enterprise=enterprise)
    response = client.get(f"/enterprises/{enterprise.pk}/")
    assert response.status_code == 200
    assert _tabs(response) == PUBLIC_TABS
    assert "Công ty Mục Tiêu" in text(response)
    assert "Sản phẩm A" in text(client.get(f"/enterprises/{enterprise.pk}/products/"))
    assert "Nhật Bản" in text(client.get(f"/enterprises/{enterprise.pk}/presence/"))


def test_enterprise_detail_anonymous_is_sent_to_sign_in_for_confidential_tabs(client, enterprise):
    url = f"/enterprises/{enterprise.pk}/contacts/"
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == login_redirect(url)


def test_enterprise_detail_inactive_enterprise_is_not_found_for_public(client):
    dissolved = f.EnterpriseFactory(status=EnterpriseStatus.DISSOLVED)
    assert client.get(f"/enterprises/{dissolved.pk}/").status_code == 404


def test_enterprise_detail_staff_sees_every_tab(client, officer, enterprise):
    client.force_login(officer)
    assert _tabs(client.get(f"/enterprises/{enterprise.pk}/")) == ALL_TABS


def test_enterprise_detail_own_rep_sees_declarations_and_contacts_not_history(client, enterprise):
    client.force_login(f.user_with_role(Role.ENTERPRISE_REP, enterprise=enterprise))
    response = client.get(f"/enterprises/{enterprise.pk}/")
    assert _tabs(response) == ["profile", "products", "presence", "declarations", "contacts"]
    assert client.get(f"/enterprises/{enterprise.pk}/history/").status_code == 403


def test_enterprise_detail_rep_of_another_enterprise_gets_only_public_tabs(client, enterprise):
    f.ContactFactory(enterprise=enterprise, full_name="Người Bí Mật")
    f.DeclarationFactory(enterprise=enterprise)
    client.force_login(f.user_with_role(Role.ENTERPRISE_REP, enterprise=f.EnterpriseFactory()))
    assert _tabs(client.get(f"/enterprises/{enterprise.pk}/")) == PUBLIC_TABS
    for tab in ("contacts", "declarations", "history"):
        response = client.get(f"/enterprises/{enterprise.pk}/{tab}/")
        assert response.status_code == 403
        assert "Người Bí Mật" not in text(response)
    assert client.get(f"/enterprises/{enterprise.pk}/edit/").status_code == 403


def _mission_officer(country_code="JP"):
    mission = f.MissionFactory(host_country=Country.objects.get(code=country_code))
    return f.user_with_role(Role.MISSION_OFFICER, mission=mission)


def test_enterprise_detail_mission_officer_sees_only_consented_contacts_in_jurisdiction(client):
    present = f.EnterpriseFactory()
    f.PresenceFactory(enterprise=present, country=Country.objects.get(code="JP"))
    shared = f.ContactFactory(enterprise=present, full_name="Chia Sẻ")
    f.ConsentFactory(contact=shared, purpose=ConsentPurpose.SHARE_WITH_MISSIONS)
    private = f.ContactFactory(enterprise=present, full_name="Riêng Tư")
    f.ConsentFactory(contact=private, purpose=ConsentPurpose.PROGRAMME_CONTACT)
    client.force_login(_mission_officer("JP"))
    response = client.get(f"/enterprises/{present.pk}/contacts/")
    assert response.status_code == 200
    assert [c.full_name for c in response.context["contacts"]] == ["Chia Sẻ"]
    assert "Riêng Tư" not in text(response)
    assert "declarations" not in _tabs(response)


def test_enterprise_detail_mission_officer_outside_jurisdiction_sees_no_contacts(client):
    elsewhere = f.EnterpriseFactory()
    f.PresenceFactory(enterprise=elsewhere, country=Country.objects.get(code="US"))
    contact = f.ContactFactory(enterprise=elsewhere, full_name="Ở Mỹ")
    f.ConsentFactory(contact=contact, purpose=ConsentPurpose.SHARE_WITH_MISSIONS)
    client.force_login(_mission_officer("JP"))
    assert _tabs(client.get(f"/enterprises/{elsewhere.pk}/")) == PUBLIC_TABS
    assert client.get(f"/enterprises/{elsewhere.pk}/contacts/").status_code == 403


def test_enterprise_detail_mission_officer_loses_contact_when_consent_withdrawn(client, officer):
    present = f.EnterpriseFactory()
    f.PresenceFactory(enterprise=present, country=Country.objects.get(code="JP"))
    consent = f.ConsentFactory(
        contact=f.ContactFactory(enterprise=present),
        purpose=ConsentPurpose.SHARE_WITH_MISSIONS,
        recorded_by=officer,
    )
    services.consent_withdraw(actor=officer, consent=consent)
    client.force_login(_mission_officer("JP"))
    assert client.get(f"/enterprises/{present.pk}/contacts/").status_code == 403


def test_enterprise_detail_history_shows_who_when_and_old_to_new_with_sectors(
    client, officer, enterprise
):
    services.enterprise_update(
        actor=officer,
        enterprise=enterprise,
        data={"name_vi": "Công ty Tên Mới", "sectors": ["ai"]},
    )
    client.force_login(officer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(f"/enterprises/{enterprise.pk}/history/")
    entry = response.context["entries"][0]
    assert entry.who == officer
    assert entry.kind == "~"
    changes = {change.label: (change.old, change.new) for change in entry.changes}
    assert changes == {
        "legal name (Vietnamese)": ("Công ty Mục Tiêu", "Công ty Tên Mới"),
        "sectors": ("—", "Artificial intelligence"),
    }
    body = text(response)
    assert "Công ty Mục Tiêu" in body
    assert officer.full_name in body


def test_enterprise_detail_htmx_tab_returns_the_tab_fragment(client, enterprise):
    f.ProductFactory(enterprise=enterprise, name_vi="Sản phẩm B")
    response = client.get(
        f"/enterprises/{enterprise.pk}/products/", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="tabbed"
    )
    body = text(response)
    assert "Sản phẩm B" in body
    assert "<html" not in body
    assert 'aria-current="page">' in body


def test_enterprise_detail_unknown_enterprise_is_404(client):
    assert client.get("/enterprises/999999/").status_code == 404
