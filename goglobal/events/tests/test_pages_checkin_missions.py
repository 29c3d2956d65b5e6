"""Mission officers keep the door of the bridge points in their mission's jurisdiction, and of
no other venue or event."""

import pytest
from django.test import Client

from goglobal.accounts.models import Role
from goglobal.events import services
from goglobal.events.enums import RegistrationStatus as S
from goglobal.events.tests.factories import EventFactory, RegistrationFactory, VenueFactory
from goglobal.events.tests.test_pages_registration import vi
from goglobal.reference.models import Country
from goglobal.testing import factories as f
from goglobal.testing.api import call

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def officer_of(*codes: str):
    countries = [Country.objects.get(code=code) for code in codes]
    mission = f.MissionFactory(host_country=countries[0], jurisdiction=countries)
    return f.user_with_role(Role.MISSION_OFFICER, mission=mission)


@pytest.fixture
def forum():
    event = EventFactory(title_vi="Diễn đàn quốc gia")
    hanoi = VenueFactory(event=event, name="Hà Nội", is_main=True)
    singapore = VenueFactory(
        event=event,
        name="Điểm cầu Singapore",
        is_main=False,
        city="Singapore",
        time_zone="Asia/Singapore",
        country=Country.objects.get(code="SG"),
    )
    jane = RegistrationFactory(venue=singapore, full_name="Jane Tan")
    minh = RegistrationFactory(venue=hanoi, full_name="Nguyễn Minh")
    return event, hanoi, singapore, jane, minh


def test_mission_officer_is_sent_from_the_qr_address_to_the_bridge_point_and_checks_in(forum):
    event, _hanoi, singapore, jane, _minh = forum
    officer = signed_in(officer_of("SG"))
    code = services.ticket_token(jane)
    response = officer.get(f"/events/{event.pk}/check-in/", {"code": code})
    venue_page = f"/events/{event.pk}/venues/{singapore.pk}/check-in/"
    assert response.status_code == 302
    assert response["Location"].startswith(venue_page + "?code=")
    page = officer.get(response["Location"])
    assert page.status_code == 200 and "Jane Tan" in page.content.decode()
    done = officer.post(venue_page, {"code": code})
    assert vi("%(name)s is checked in.", name="Jane Tan") in done.content.decode()
    jane.refresh_from_db()
    assert jane.status == S.CHECKED_IN
    again = officer.post(venue_page, {"code": code})
    assert again.status_code == 409
    assert vi("%(name)s was already checked in at %(time)s.", name="Jane Tan", time="")[:-1] in (
        again.content.decode()
    )


def test_mission_officer_finds_only_the_bridge_points_participants_by_name(forum):
    event, _hanoi, singapore, jane, minh = forum
    officer = signed_in(officer_of("SG"))
    venue_page = f"/events/{event.pk}/venues/{singapore.pk}/check-in/"
    found = officer.get(venue_page, {"q": "n"}).content.decode()
    assert "Jane Tan" in found and "Nguyễn Minh" not in found
    # A NUL in the box is dropped, not sent to the database (PostgreSQL refuses it).
    assert "Jane Tan" in officer.get(venue_page, {"q": "Ja\x00ne"}).content.decode()
    assert officer.post(venue_page, {"registration": minh.pk}).status_code == 404
    assert officer.post(venue_page, {"registration": jane.pk}).status_code == 200
    jane.refresh_from_db()
    minh.refresh_from_db()
    assert (jane.status, minh.status) == (S.CHECKED_IN, S.CONFIRMED)


def test_mission_officer_is_refused_another_venues_ticket_and_door(forum):
    event, hanoi, singapore, _jane, minh = forum
    officer = signed_in(officer_of("SG"))
    venue_page = f"/events/{event.pk}/venues/{singapore.pk}/check-in/"
    response = officer.post(venue_page, {"code": services.ticket_token(minh)})
    assert response.status_code == 422
    assert vi("This ticket is for another venue: %(venue)s.", venue=str(hanoi)) in (
        response.content.decode()
    )
    assert officer.get(f"/events/{event.pk}/venues/{hanoi.pk}/check-in/").status_code == 403
    assert (
        officer.post(
            f"/events/{event.pk}/venues/{hanoi.pk}/check-in/", {"code": services.ticket_token(minh)}
        ).status_code
        == 403
    )
    minh.refresh_from_db()
    assert minh.status == S.CONFIRMED


def test_mission_officer_is_refused_other_events_and_other_missions_are_refused(forum):
    event, _hanoi, singapore, jane, _minh = forum
    officer = signed_in(officer_of("SG"))
    elsewhere = VenueFactory(event=EventFactory(), name="Tokyo")
    assert officer.get(f"/events/{elsewhere.event_id}/check-in/").status_code == 403
    assert officer.get(f"/events/{event.pk}/venues/{elsewhere.pk}/check-in/").status_code == 403
    venue_page = f"/events/{event.pk}/venues/{singapore.pk}/check-in/"
    code = services.ticket_token(jane)
    assert signed_in(officer_of("JP")).post(venue_page, {"code": code}).status_code == 403
    rep = f.user_with_role(Role.ENTERPRISE_REP, enterprise=f.EnterpriseFactory())
    assert signed_in(rep).get(f"/events/{event.pk}/check-in/").status_code == 403
    assert Client().get(venue_page).status_code == 302
    jane.refresh_from_db()
    assert jane.status == S.CONFIRMED


def test_mission_officer_sees_an_invitation_only_event_with_a_bridge_point_in_its_countries():
    event = EventFactory(is_public=False)
    singapore = VenueFactory(
        event=event, name="Singapore", country=Country.objects.get(code="SG"), is_main=False
    )
    guest = RegistrationFactory(venue=singapore, status=S.INVITED)
    officer = signed_in(officer_of("SG"))
    detail = officer.get(f"/events/{event.pk}/").content.decode()
    assert f"/events/{event.pk}/venues/{singapore.pk}/check-in/" in detail
    assert signed_in(officer_of("JP")).get(f"/events/{event.pk}/").status_code == 404
    status, body = call(
        officer, "post", f"/events/{event.pk}/check-in", {"code": services.ticket_token(guest)}
    )
    assert (status, body["status"]) == (200, "checked_in")


def test_mission_officer_api_check_in_at_another_venue_is_forbidden(forum):
    event, _hanoi, _singapore, _jane, minh = forum
    officer = signed_in(officer_of("SG"))
    status, _body = call(
        officer, "post", f"/events/{event.pk}/check-in", {"code": services.ticket_token(minh)}
    )
    assert status == 403
    status, _body = call(
        signed_in(officer_of("JP")),
        "post",
        f"/events/{event.pk}/check-in",
        {"code": services.ticket_token(minh)},
    )
    assert status == 403
    minh.refresh_from_db()
    assert minh.status == S.CONFIRMED


def test_a_mission_with_two_bridge_points_chooses_its_door(forum):
    event, _hanoi, singapore, _jane, _minh = forum
    kl = VenueFactory(
        event=event, name="Kuala Lumpur", country=Country.objects.get(code="MY"), is_main=False
    )
    page = signed_in(officer_of("SG", "MY")).get(f"/events/{event.pk}/check-in/")
    text = page.content.decode()
    assert page.status_code == 200
    assert f"/venues/{singapore.pk}/check-in/" in text and f"/venues/{kl.pk}/check-in/" in text
