import io

import pytest
from django.test import Client
from django.utils.translation import gettext
from openpyxl import load_workbook

from goglobal.accounts.models import Role
from goglobal.events.enums import RegistrationStatus as S
from goglobal.events.reports import attendance
from goglobal.events.tests.factories import RegistrationFactory, VenueFactory
from goglobal.reference.models import Country, Sector
from goglobal.testing.factories import EnterpriseFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def forum():
    hanoi = VenueFactory(name="Hà Nội", capacity=100)
    singapore = VenueFactory(event=hanoi.event, name="Singapore", city="Singapore", is_main=False)
    ai = Sector.objects.get(code="ai")
    rep = UserFactory(role="enterprise_rep")
    enterprise = EnterpriseFactory(sectors=[ai])
    sg = Country.objects.get(code="SG")
    RegistrationFactory(venue=hanoi, user=rep, enterprise=enterprise, status=S.CHECKED_IN)
    RegistrationFactory(venue=hanoi, status=S.CONFIRMED)
    RegistrationFactory(venue=singapore, country=sg, status=S.CHECKED_IN, full_name="=HYPERLINK(1)")
    RegistrationFactory(venue=singapore, country=sg, status=S.CANCELLED)
    return hanoi.event


def _table(rows):
    return [(row.label, row.registered, row.checked_in) for row in rows]


def test_attendance_by_venue_country_sector_and_role(forum):
    report = attendance(forum)
    assert _table(report["venue"]) == [("Hà Nội (Hà Nội)", 2, 1), ("Singapore (Singapore)", 1, 1)]
    assert _table(report["country"]) == [(gettext("Not given"), 2, 1), ("Singapore", 1, 1)]
    assert _table(report["sector"]) == [(Sector.objects.get(code="ai").name_vi, 1, 1)]
    assert _table(report["role"]) == [
        (gettext("Guest without an account"), 2, 1),
        (str(Role.ENTERPRISE_REP.label), 1, 1),
    ]


def test_attendance_xlsx_parses_back_and_escapes_formulas(forum):
    client = Client()
    client.force_login(UserFactory())
    response = client.get(f"/events/{forum.pk}/attendance.xlsx")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    people = book.worksheets[0]
    names = [row[0] for row in people.iter_rows(min_row=2, values_only=True)]
    assert "'=HYPERLINK(1)" in names
    assert len(names) == 4
    by_venue = [row for row in book.worksheets[1].iter_rows(min_row=2, values_only=True)]
    assert by_venue == [("Hà Nội (Hà Nội)", 2, 1), ("Singapore (Singapore)", 1, 1)]


@pytest.mark.parametrize("role", ["enterprise_rep", "partner_rep", "mission_officer"])
def test_attendance_is_refused_to_non_staff(forum, role):
    client = Client()
    client.force_login(UserFactory(role=role))
    assert client.get(f"/events/{forum.pk}/attendance/").status_code == 403
    assert client.get(f"/events/{forum.pk}/attendance.xlsx").status_code == 403


def test_attendance_page_shows_the_tables(forum):
    client = Client()
    client.force_login(UserFactory())
    response = client.get(f"/events/{forum.pk}/attendance/")
    assert response.status_code == 200
    assert "Singapore (Singapore)" in response.content.decode()
