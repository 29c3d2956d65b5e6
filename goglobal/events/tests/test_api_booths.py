import pytest
from django.test import Client

from goglobal.events.enums import EventKind
from goglobal.events.models import Exhibitor, Lead
from goglobal.events.tests.factories import EventFactory
from goglobal.testing.api import call, error_fields
from goglobal.testing.factories import EnterpriseFactory, ProductFactory, UserFactory

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def fair():
    staff = signed_in(UserFactory())
    event = EventFactory(kind=EventKind.FAIR_BOOTH, title_vi="Gian hàng Việt Nam tại GITEX")
    enterprise = EnterpriseFactory()
    product = ProductFactory(enterprise=enterprise)
    status, booth = call(
        staff,
        "post",
        f"/events/{event.pk}/booths",
        {"name": "Gian hàng Việt Nam", "location": "Hall 4, H4-10"},
    )
    assert status == 201
    status, exhibitor = call(
        staff,
        "post",
        f"/booths/{booth['id']}/exhibitors",
        {"enterprise": enterprise.pk, "products": [product.pk]},
    )
    assert status == 201
    rep = UserFactory(role="enterprise_rep")
    rep.memberships.create(enterprise=enterprise)
    return staff, event, booth, exhibitor, enterprise, product, rep


def test_booth_with_exhibitor_and_products_is_listed(fair, client):
    _staff, event, booth, exhibitor, enterprise, product, _rep = fair
    assert exhibitor["product_ids"] == [product.pk]
    status, body = call(client, "get", f"/events/{event.pk}/booths")
    assert status == 200
    assert body["items"] == [
        {
            "id": booth["id"],
            "name": "Gian hàng Việt Nam",
            "location": "Hall 4, H4-10",
            "exhibitors": [
                {
                    "id": exhibitor["id"],
                    "enterprise_id": enterprise.pk,
                    "enterprise_name": enterprise.name_vi,
                    "product_ids": [product.pk],
                }
            ],
        }
    ]


def test_exhibitor_bad_input(fair):
    staff, _event, booth, _exhibitor, enterprise, _product, _rep = fair
    other_product = ProductFactory()
    status, body = call(
        staff,
        "post",
        f"/booths/{booth['id']}/exhibitors",
        {"enterprise": EnterpriseFactory().pk, "products": [other_product.pk]},
    )
    assert (status, error_fields(body)) == (422, {"products"})
    status, body = call(
        staff, "post", f"/booths/{booth['id']}/exhibitors", {"enterprise": enterprise.pk}
    )
    assert (status, error_fields(body)) == (422, {"enterprise"})
    assert Exhibitor.objects.count() == 1


def test_booth_only_on_fair_events_and_only_by_staff(fair):
    staff, _event, _booth, _exhibitor, _enterprise, _product, rep = fair
    forum = EventFactory()
    status, body = call(staff, "post", f"/events/{forum.pk}/booths", {"name": "X"})
    assert (status, error_fields(body)) == (422, {"event"})
    assert call(signed_in(rep), "post", f"/events/{forum.pk}/booths", {"name": "X"})[0] == 403


def test_exhibitor_records_leads_with_consent_and_only_it_sees_them(fair):
    _staff, _event, _booth, exhibitor, _enterprise, _product, rep = fair
    path = f"/exhibitors/{exhibitor['id']}/leads"
    lead = {
        "full_name": "Ahmed Al Mansouri",
        "organisation": "Dubai Smart Gov",
        "country": "AE",
        "email": "ahmed@example.ae",
        "interest": "Nền tảng đô thị thông minh",
    }
    status, body = call(signed_in(rep), "post", path, {**lead, "consent_to_contact": False})
    assert (status, error_fields(body)) == (422, {"consent_to_contact"})
    status, body = call(
        signed_in(rep), "post", path, {**lead, "email": "x", "consent_to_contact": True}
    )
    assert (status, error_fields(body)) == (422, {"email"})
    status, body = call(signed_in(rep), "post", path, {**lead, "consent_to_contact": True})
    assert (status, body["country_id"]) == (201, "AE")
    status, listed = call(signed_in(rep), "get", path)
    assert [item["full_name"] for item in listed["items"]] == ["Ahmed Al Mansouri"]
    competitor = UserFactory(role="enterprise_rep")
    competitor.memberships.create(enterprise=EnterpriseFactory())
    status, listed = call(signed_in(competitor), "get", path)
    assert (status, listed["items"]) == (200, [])
    assert call(signed_in(competitor), "post", path, {**lead, "consent_to_contact": True})[0] == 403
    assert Lead.objects.count() == 1


def test_lead_follow_up_is_patched_by_its_exhibitor_only(fair):
    _staff, _event, _booth, exhibitor, _enterprise, _product, rep = fair
    lead = Lead.objects.create(
        exhibitor_id=exhibitor["id"], full_name="Ahmed", consent_to_contact=True
    )
    status, body = call(
        signed_in(rep), "patch", f"/leads/{lead.pk}", {"follow_up": "won", "follow_up_note": "PO"}
    )
    assert (status, body["follow_up"], body["follow_up_note"], body["full_name"]) == (
        200,
        "won",
        "PO",
        "Ahmed",
    )
    status, body = call(signed_in(rep), "patch", f"/leads/{lead.pk}", {"follow_up": "lost"})
    assert (status, error_fields(body)) == (422, {"follow_up"})
    competitor = UserFactory(role="enterprise_rep")
    competitor.memberships.create(enterprise=EnterpriseFactory())
    status, _body = call(signed_in(competitor), "patch", f"/leads/{lead.pk}", {"follow_up": "new"})
    assert status == 404
    lead.refresh_from_db()
    assert lead.follow_up == "won"
