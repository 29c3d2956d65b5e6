"""Products, market presence, contacts and consent pages."""

import pytest

from goglobal.accounts.models import Role
from goglobal.enterprises.enums import ConsentPurpose
from goglobal.enterprises.models import Contact, ContactConsent, MarketPresence, Product
from goglobal.reference.models import Country
from goglobal.testing import factories as f
from goglobal.testing.pages import count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def enterprise():
    return f.EnterpriseFactory()


@pytest.fixture
def rep(enterprise):
    return f.user_with_role(Role.ENTERPRISE_REP, enterprise=enterprise)


def test_product_create_by_rep_saves_sectors_and_markets(client, enterprise, rep):
    client.force_login(rep)
    response = client.post(
        f"/enterprises/{enterprise.pk}/products/new/",
        {
            "name_vi": "Nền tảng hóa đơn điện tử",
            "name_en": "E-invoice platform",
            "sectors": ["fintech"],
            "target_markets": ["JP", "KR"],
            "make_in_vietnam": "on",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"/enterprises/{enterprise.pk}/products/"
    product = Product.objects.get()
    assert (product.enterprise, product.name_vi, product.make_in_vietnam) == (
        enterprise,
        "Nền tảng hóa đơn điện tử",
        True,
    )
    assert sorted(c.code for c in product.target_markets.all()) == ["JP", "KR"]
    assert product.history.get().history_user == rep


def test_product_create_for_another_enterprise_is_refused(client, rep):
    other = f.EnterpriseFactory()
    client.force_login(rep)
    assert client.get(f"/enterprises/{other.pk}/products/new/").status_code == 403
    assert (
        client.post(f"/enterprises/{other.pk}/products/new/", {"name_vi": "X"}).status_code == 403
    )
    assert not Product.objects.exists()


def test_product_create_refuses_oversized_name(client, enterprise, rep):
    client.force_login(rep)
    response = client.post(f"/enterprises/{enterprise.pk}/products/new/", {"name_vi": "A" * 256})
    assert response.context["form"].errors["name_vi"] == [
        "Giá trị này chỉ có tối đa 255 kí tự (hiện có 256)"
    ]
    assert not Product.objects.exists()


def test_product_edit_updates_the_product(client, enterprise, rep):
    product = f.ProductFactory(enterprise=enterprise, name_vi="Cũ")
    client.force_login(rep)
    url = f"/enterprises/{enterprise.pk}/products/{product.pk}/edit/"
    assert client.get(url).context["form"].initial["name_vi"] == "Cũ"
    client.post(url, {"name_vi": "Mới", "target_markets": ["SG"]})
    product.refresh_from_db()
    assert product.name_vi == "Mới"
    assert [c.code for c in product.target_markets.all()] == ["SG"]


def test_products_tab_runs_the_same_queries_for_one_and_three(client, enterprise):
    f.ProductFactory(enterprise=enterprise)
    one = count_queries(client, f"/enterprises/{enterprise.pk}/products/")
    f.ProductFactory.create_batch(2, enterprise=enterprise)
    three = count_queries(client, f"/enterprises/{enterprise.pk}/products/")
    assert one == three


def test_presence_create_reads_day_first_dates(client, enterprise, rep):
    client.force_login(rep)
    response = client.post(
        f"/enterprises/{enterprise.pk}/presence/new/",
        {"country": "JP", "mode": "branch", "since": "05/06/2024", "staff_abroad": "12"},
    )
    assert response.status_code == 302
    presence = MarketPresence.objects.get()
    assert (presence.country_id, presence.mode, presence.since.isoformat()) == (
        "JP",
        "branch",
        "2024-06-05",
    )
    assert presence.staff_abroad == 12


def test_presence_create_refuses_future_date(client, enterprise, rep):
    client.force_login(rep)
    response = client.post(
        f"/enterprises/{enterprise.pk}/presence/new/",
        {"country": "JP", "mode": "branch", "since": "01/01/2999", "staff_abroad": "0"},
    )
    assert response.context["form"].errors["since"] == ["Ngày này không được ở tương lai."]
    assert not MarketPresence.objects.exists()


def test_presence_create_refuses_duplicate(client, enterprise, rep):
    f.PresenceFactory(enterprise=enterprise, country=Country.objects.get(code="JP"), mode="branch")
    client.force_login(rep)
    response = client.post(
        f"/enterprises/{enterprise.pk}/presence/new/",
        {"country": "JP", "mode": "branch", "staff_abroad": "0"},
    )
    assert response.context["form"].errors["mode"] == [
        "Doanh nghiệp đã có hình thức hiện diện này tại quốc gia này."
    ]
    assert MarketPresence.objects.count() == 1


def test_presence_edit_and_delete(client, enterprise, rep):
    presence = f.PresenceFactory(enterprise=enterprise)
    client.force_login(rep)
    base = f"/enterprises/{enterprise.pk}/presence/{presence.pk}"
    client.post(f"{base}/edit/", {"country": "JP", "mode": "subsidiary", "staff_abroad": "40"})
    presence.refresh_from_db()
    assert (presence.mode, presence.staff_abroad) == ("subsidiary", 40)
    assert client.get(f"{base}/delete/").status_code == 200
    assert MarketPresence.objects.count() == 1
    response = client.post(f"{base}/delete/")
    assert response["Location"] == f"/enterprises/{enterprise.pk}/presence/"
    assert not MarketPresence.objects.exists()
    assert MarketPresence.history.filter(history_type="-").get().history_user == rep


def test_presence_delete_of_another_enterprise_is_refused(client, rep):
    presence = f.PresenceFactory()
    client.force_login(rep)
    url = f"/enterprises/{presence.enterprise_id}/presence/{presence.pk}/delete/"
    assert client.post(url).status_code == 403
    assert MarketPresence.objects.count() == 1


def test_presence_tab_runs_the_same_queries_for_one_and_three(client, enterprise):
    countries = Country.objects.filter(code__in=["JP", "KR", "SG"]).order_by("code")
    f.PresenceFactory(enterprise=enterprise, country=countries[0])
    one = count_queries(client, f"/enterprises/{enterprise.pk}/presence/")
    for country in countries[1:]:
        f.PresenceFactory(enterprise=enterprise, country=country)
    three = count_queries(client, f"/enterprises/{enterprise.pk}/presence/")
    assert one == three


def test_contact_create_then_record_and_withdraw_consent(client, enterprise, rep):
    client.force_login(rep)
    response = client.post(
        f"/enterprises/{enterprise.pk}/contacts/new/",
        {"full_name": "Trần Thị Lan", "position": "CEO", "email": "lan@example.vn"},
    )
    contact = Contact.objects.get()
    assert response["Location"] == f"/enterprises/{enterprise.pk}/contacts/{contact.pk}/"
    response = client.post(
        f"/enterprises/{enterprise.pk}/contacts/{contact.pk}/consents/",
        {
            "purpose": ConsentPurpose.SHARE_WITH_MISSIONS,
            "method": "email",
            "evidence": "Thư ngày 02/01/2025",
            "given_at": "02/01/2025 09:30",
        },
    )
    assert response.status_code == 302
    consent = ContactConsent.objects.get()
    assert (consent.purpose, consent.method, consent.recorded_by) == (
        "share_with_missions",
        "email",
        rep,
    )
    assert consent.given_at.date().isoformat() == "2025-01-02"
    client.post(
        f"/enterprises/{enterprise.pk}/contacts/{contact.pk}/consents/{consent.pk}/withdraw/"
    )
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None


def test_consent_record_requires_evidence(client, enterprise, rep):
    contact = f.ContactFactory(enterprise=enterprise)
    client.force_login(rep)
    response = client.post(
        f"/enterprises/{enterprise.pk}/contacts/{contact.pk}/consents/",
        {"purpose": "programme_contact", "method": "email", "evidence": ""},
    )
    assert response.status_code == 200
    assert response.context["consent_form"].errors["evidence"] == ["Trường này là bắt buộc."]
    assert not ContactConsent.objects.exists()


def test_contact_page_of_another_enterprise_is_not_found(client, rep):
    contact = f.ContactFactory(full_name="Người Ngoài")
    client.force_login(rep)
    response = client.get(f"/enterprises/{contact.enterprise_id}/contacts/{contact.pk}/")
    assert response.status_code == 404


def test_contact_edit_refuses_bad_email(client, enterprise, rep):
    contact = f.ContactFactory(enterprise=enterprise, email="a@example.vn")
    client.force_login(rep)
    response = client.post(
        f"/enterprises/{enterprise.pk}/contacts/{contact.pk}/",
        {"full_name": contact.full_name, "email": "not-an-email"},
    )
    assert response.context["form"].errors["email"] == ["Nhập một địa chỉ e-mail hợp lệ."]
    contact.refresh_from_db()
    assert contact.email == "a@example.vn"


def test_contact_page_is_read_only_for_mission_officer(client, officer):
    enterprise = f.EnterpriseFactory()
    f.PresenceFactory(enterprise=enterprise, country=Country.objects.get(code="JP"))
    contact = f.ContactFactory(enterprise=enterprise, full_name="Chia Sẻ")
    f.ConsentFactory(contact=contact, recorded_by=officer)
    client.force_login(f.user_with_role(Role.MISSION_OFFICER, mission=f.MissionFactory()))
    url = f"/enterprises/{enterprise.pk}/contacts/{contact.pk}/"
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["form"] is None
    assert client.post(url, {"full_name": "Đổi"}).status_code == 403
    contact.refresh_from_db()
    assert contact.full_name == "Chia Sẻ"


def test_contacts_tab_runs_the_same_queries_for_one_and_three(client, officer, enterprise):
    client.force_login(officer)
    f.ConsentFactory(contact=f.ContactFactory(enterprise=enterprise), recorded_by=officer)
    one = count_queries(client, f"/enterprises/{enterprise.pk}/contacts/")
    for contact in f.ContactFactory.create_batch(2, enterprise=enterprise):
        f.ConsentFactory(contact=contact, recorded_by=officer)
    three = count_queries(client, f"/enterprises/{enterprise.pk}/contacts/")
    assert one == three
