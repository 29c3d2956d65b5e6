import csv
import io

import pytest
from django.test import Client
from openpyxl import load_workbook

from goglobal.events.enums import EventKind, LeadFollowUp
from goglobal.events.models import Booth, Exhibitor, Lead
from goglobal.events.tests.factories import EventFactory
from goglobal.events.tests.test_pages_registration import vi
from goglobal.testing.factories import EnterpriseFactory, ProductFactory, UserFactory

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def rep_of(enterprise):
    rep = UserFactory(role="enterprise_rep")
    rep.memberships.create(enterprise=enterprise)
    return rep


@pytest.fixture
def fair():
    event = EventFactory(kind=EventKind.FAIR_BOOTH, title_vi="GITEX Global")
    booth = Booth.objects.create(event=event, name="Gian hàng Việt Nam", location="Hall 4")
    exhibitor = Exhibitor.objects.create(booth=booth, enterprise=EnterpriseFactory())
    other = Exhibitor.objects.create(booth=booth, enterprise=EnterpriseFactory())
    return event, booth, exhibitor, other


LEAD = {
    "full_name": "Ahmed Al Mansouri",
    "organisation": "Dubai Smart Gov",
    "country": "AE",
    "email": "ahmed@example.ae",
    "interest": "Smart-city platform",
    "follow_up": "new",
    "consent_to_contact": "on",
}


def test_organiser_adds_a_booth_and_an_exhibitor_with_its_products():
    staff = signed_in(UserFactory())
    event = EventFactory(kind=EventKind.FAIR_BOOTH)
    response = staff.post(f"/events/{event.pk}/booths/new/", {"name": "Vietnam Pavilion"})
    booth = Booth.objects.get()
    assert (response.status_code, response["Location"]) == (302, f"/events/{event.pk}/booths/")
    enterprise = EnterpriseFactory()
    shown, hidden = ProductFactory(enterprise=enterprise), ProductFactory(enterprise=enterprise)
    path = f"/events/booths/{booth.pk}/exhibitors/new/"
    step = staff.post(path, {"tax_code": enterprise.tax_code})
    assert step.status_code == 200 and Exhibitor.objects.count() == 0
    assert shown.name_vi in step.content.decode() and 'value="products"' in step.content.decode()
    done = staff.post(
        path, {"tax_code": enterprise.tax_code, "step": "products", "products": [shown.pk]}
    )
    assert done.status_code == 302
    exhibitor = Exhibitor.objects.get()
    assert (exhibitor.enterprise, list(exhibitor.products.all())) == (enterprise, [shown])
    page = Client().get(f"/events/{event.pk}/booths/").content.decode()
    assert enterprise.name_vi in page and shown.name_vi in page and hidden.name_vi not in page


def test_exhibitor_bad_input_shows_a_message(fair):
    event, booth, exhibitor, _other = fair
    staff = signed_in(UserFactory())
    path = f"/events/booths/{booth.pk}/exhibitors/new/"
    response = staff.post(path, {"tax_code": "0000000000"})
    assert vi("No enterprise has this tax code.") in response.content.decode()
    response = staff.post(path, {"tax_code": exhibitor.enterprise.tax_code, "step": "products"})
    assert vi("This enterprise already exhibits at this booth.") in response.content.decode()
    assert Exhibitor.objects.count() == 2


def test_booths_only_for_fairs_and_managed_only_by_staff(fair):
    event, booth, exhibitor, _other = fair
    forum = EventFactory()
    assert signed_in(UserFactory()).get(f"/events/{forum.pk}/booths/").status_code == 404
    rep = signed_in(rep_of(exhibitor.enterprise))
    assert rep.post(f"/events/{event.pk}/booths/new/", {"name": "X"}).status_code == 403
    assert rep.get(f"/events/booths/{booth.pk}/exhibitors/new/").status_code == 403
    assert Booth.objects.count() == 1


def test_representative_records_a_lead_and_sees_only_its_own(fair):
    event, _booth, exhibitor, other = fair
    rep = signed_in(rep_of(exhibitor.enterprise))
    response = rep.post(f"/events/exhibitors/{exhibitor.pk}/leads/new/", LEAD)
    assert response.status_code == 302
    lead = Lead.objects.get()
    assert (lead.exhibitor, lead.country_id, lead.follow_up, lead.consent_to_contact) == (
        exhibitor,
        "AE",
        LeadFollowUp.NEW,
        True,
    )
    Lead.objects.create(exhibitor=other, full_name="Competitor's lead", consent_to_contact=True)
    page = rep.get(f"/events/{event.pk}/leads/").content.decode()
    assert "Ahmed Al Mansouri" in page and "Competitor&#x27;s lead" not in page
    staff_page = signed_in(UserFactory()).get(f"/events/{event.pk}/leads/").content.decode()
    assert "Ahmed Al Mansouri" in staff_page and "Competitor&#x27;s lead" in staff_page


def test_lead_follow_up_is_updated(fair):
    _event, _booth, exhibitor, _other = fair
    lead = Lead.objects.create(exhibitor=exhibitor, full_name="Ahmed", consent_to_contact=True)
    rep = signed_in(rep_of(exhibitor.enterprise))
    response = rep.post(
        f"/events/leads/{lead.pk}/edit/",
        {"full_name": "Ahmed", "follow_up": "meeting", "follow_up_note": "Met in Hanoi"},
    )
    assert response.status_code == 302
    lead.refresh_from_db()
    assert (lead.follow_up, lead.follow_up_note) == (LeadFollowUp.MEETING, "Met in Hanoi")


@pytest.mark.parametrize(
    "change, message",
    [
        ({"consent_to_contact": ""}, "Record a lead only when the visitor agreed to be contacted."),
        ({"email": "not-an-address"}, "Enter a valid email address."),
        ({"full_name": ""}, "This field is required."),
        (
            {"follow_up": "lost"},
            "Select a valid choice. %(value)s is not one of the available choices.",
        ),
    ],
)
def test_lead_bad_input_shows_a_message_and_writes_nothing(fair, change, message):
    _event, _booth, exhibitor, _other = fair
    rep = signed_in(rep_of(exhibitor.enterprise))
    response = rep.post(f"/events/exhibitors/{exhibitor.pk}/leads/new/", {**LEAD, **change})
    assert response.status_code == 200
    assert vi(message, value="lost") in response.content.decode()
    assert Lead.objects.count() == 0


def test_leads_are_refused_to_others(fair):
    event, _booth, exhibitor, other = fair
    lead = Lead.objects.create(exhibitor=exhibitor, full_name="Ahmed", consent_to_contact=True)
    competitor = signed_in(rep_of(other.enterprise))
    assert competitor.post(f"/events/exhibitors/{exhibitor.pk}/leads/new/", LEAD).status_code == 403
    assert competitor.get(f"/events/leads/{lead.pk}/edit/").status_code == 404
    partner = signed_in(UserFactory(role="partner_rep"))
    assert partner.get(f"/events/{event.pk}/leads/").status_code == 403
    assert partner.get(f"/events/{event.pk}/leads/?format=csv").status_code == 403
    anonymous = Client().get(f"/events/{event.pk}/leads/")
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    assert Lead.objects.count() == 1


def test_leads_export_as_csv_and_xlsx_with_formulas_escaped(fair):
    event, _booth, exhibitor, other = fair
    Lead.objects.create(
        exhibitor=exhibitor,
        full_name="=HYPERLINK(1)",
        organisation="Ngân hàng",
        consent_to_contact=True,
    )
    Lead.objects.create(exhibitor=other, full_name="Someone else", consent_to_contact=True)
    rep = signed_in(rep_of(exhibitor.enterprise))
    response = rep.get(f"/events/{event.pk}/leads/?format=csv")
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == 2
    assert (rows[1][2], rows[1][3]) == ("'=HYPERLINK(1)", "Ngân hàng")
    staff = signed_in(UserFactory())
    response = staff.get(f"/events/{event.pk}/leads/?format=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    names = sorted(row[2] for row in sheet.iter_rows(min_row=2, values_only=True))
    assert names == ["=HYPERLINK(1)", "Someone else"]
    assert sheet.cell(row=2, column=3).data_type == "s"


def test_lead_list_query_count_does_not_grow(fair, django_assert_max_num_queries):
    event, _booth, exhibitor, _other = fair
    staff = signed_in(UserFactory())
    Lead.objects.create(
        exhibitor=exhibitor, full_name="One", country_id="AE", consent_to_contact=True
    )
    staff.get(f"/events/{event.pk}/leads/")
    with django_assert_max_num_queries(12) as one:
        staff.get(f"/events/{event.pk}/leads/")
    for n in range(2):
        Lead.objects.create(
            exhibitor=exhibitor, full_name=f"More {n}", country_id="JP", consent_to_contact=True
        )
    with django_assert_max_num_queries(len(one.captured_queries)):
        staff.get(f"/events/{event.pk}/leads/")
