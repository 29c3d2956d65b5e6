import datetime as dt

import pytest
from django.test import Client
from django.utils.html import escape

from goglobal.events import services
from goglobal.events.enums import RegistrationStatus as S
from goglobal.events.models import Registration
from goglobal.events.tests.factories import (
    EventFactory,
    RegistrationFactory,
    VenueFactory,
    in_days,
)
from goglobal.reference.models import Country
from goglobal.testing.factories import EnterpriseFactory, UserFactory
from goglobal.testing.pages import vi as vi_text

pytestmark = pytest.mark.django_db


def vi(message: str, **params) -> str:
    return escape(vi_text(message, **params))


def _form(venue, n=1, **extra):
    return {
        "venue": venue.pk,
        "full_name": f"Jane Tan {n}",
        "email": f"jane{n}@example.sg",
        **extra,
    }


@pytest.fixture
def forum():
    event = EventFactory(title_vi="Diễn đàn quốc gia")
    VenueFactory(event=event, name="Hà Nội", is_main=True)
    singapore = VenueFactory(
        event=event,
        name="Điểm cầu Singapore",
        is_main=False,
        city="Singapore",
        time_zone="Asia/Singapore",
        country=Country.objects.get(code="SG"),
        capacity=1,
    )
    return event, singapore


def test_anonymous_participant_registers_and_lands_on_the_ticket(client, forum):
    event, singapore = forum
    response = client.post(f"/events/{event.pk}/register/", _form(singapore, country="SG"))
    registration = Registration.objects.get()
    assert (registration.venue, registration.status, registration.country_id) == (
        singapore,
        S.CONFIRMED,
        "SG",
    )
    token = services.ticket_token(registration)
    assert response.status_code == 302
    assert response["Location"] == f"/events/tickets/{token}/"
    ticket = client.get(response["Location"]).content.decode()
    assert "<svg" in ticket
    assert "Jane Tan 1" in ticket


def test_second_registrant_is_waitlisted_with_a_message(client, forum):
    event, singapore = forum
    client.post(f"/events/{event.pk}/register/", _form(singapore, 1))
    response = client.post(f"/events/{event.pk}/register/", _form(singapore, 2), follow=True)
    assert Registration.objects.get(email="jane2@example.sg").status == S.WAITLISTED
    assert (
        vi(
            "The venue is full: you are number %(n)s on the waiting list. A place that frees up "
            "is offered to the first in line; this ticket page shows your status.",
            n=1,
        )
        in response.content.decode()
    )


@pytest.mark.parametrize(
    "change, message",
    [
        ({"email": "not-an-address"}, "Enter a valid email address."),
        ({"full_name": ""}, "This field is required."),
    ],
)
def test_registration_bad_input_shows_a_message_and_writes_nothing(client, forum, change, message):
    event, singapore = forum
    response = client.post(f"/events/{event.pk}/register/", {**_form(singapore), **change})
    assert response.status_code == 200
    assert vi(message) in response.content.decode()
    assert Registration.objects.count() == 0


def test_registration_twice_shows_a_message(client, forum):
    event, singapore = forum
    client.post(f"/events/{event.pk}/register/", _form(singapore))
    response = client.post(f"/events/{event.pk}/register/", _form(singapore))
    assert vi("This e-mail address is already registered for this event.") in (
        response.content.decode()
    )
    assert Registration.objects.count() == 1


def test_registration_after_closing_shows_a_message(client):
    venue = VenueFactory(event__registration_closes_at=in_days(-1), event__starts_at=in_days(3))
    response = client.post(f"/events/{venue.event_id}/register/", _form(venue))
    assert response.status_code == 200
    assert vi("Registration for this event closed on %(when)s.", when="")[:20] in (
        response.content.decode()
    )
    assert Registration.objects.count() == 0


def test_full_moderated_event_application_shows_a_message(client):
    venue = VenueFactory(event__moderated=True, capacity=1)
    RegistrationFactory(venue=venue, status=S.SELECTED)
    rep = UserFactory(role="enterprise_rep")
    enterprise = EnterpriseFactory()
    rep.memberships.create(enterprise=enterprise)
    client.force_login(rep)
    response = client.post(
        f"/events/{venue.event_id}/register/", _form(venue, enterprise=enterprise.pk)
    )
    assert response.status_code == 200
    assert (
        vi(
            "Every place at %(venue)s has been allocated; no more applications are taken.",
            venue=venue.name,
        )
        in response.content.decode()
    )
    assert Registration.objects.count() == 1


def test_moderated_event_refuses_anonymous_registration(client):
    venue = VenueFactory(event__moderated=True)
    assert client.post(f"/events/{venue.event_id}/register/", _form(venue)).status_code == 403


def test_cancel_from_my_registrations_offers_the_seat_to_the_next(client, forum):
    event, singapore = forum
    owner = UserFactory(role="partner_rep")
    mine = services.registration_create(
        actor=owner, event=event, venue=singapore, data=_form(singapore, 1)
    )
    waiting = services.registration_create(
        actor=UserFactory(role="partner_rep"),
        event=event,
        venue=singapore,
        data=_form(singapore, 2),
    )
    client.force_login(owner)
    assert "Jane Tan 1" in client.get("/events/mine/").content.decode()
    assert client.post(f"/events/registrations/{mine.pk}/cancel/").status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == S.OFFERED


def test_cancel_of_someone_elses_registration_is_not_found(client):
    registration = RegistrationFactory(user=UserFactory(role="partner_rep"))
    client.force_login(UserFactory(role="partner_rep"))
    assert client.post(f"/events/registrations/{registration.pk}/cancel/").status_code == 404
    assert Registration.objects.get().status == S.CONFIRMED


def test_staff_moderation_select_reject_and_score(client):
    venue = VenueFactory(event__moderated=True, capacity=5)
    a = RegistrationFactory(venue=venue, status=S.APPLIED)
    b = RegistrationFactory(venue=venue, status=S.APPLIED)
    client.force_login(UserFactory())
    base = f"/events/{venue.event_id}/registrations"
    assert client.get(f"{base}/").status_code == 200
    client.post(f"{base}/{a.pk}/score/", {"export_readiness": "4", "product": "5"})
    client.post(f"{base}/{a.pk}/select/")
    response = client.post(f"{base}/{b.pk}/reject/", {"reason": ""}, follow=True)
    assert vi("Give the reason for the rejection.") in response.content.decode()
    client.post(f"{base}/{b.pk}/reject/", {"reason": "Chưa phù hợp thị trường"})
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.status, b.status, b.reason) == (S.SELECTED, S.REJECTED, "Chưa phù hợp thị trường")
    assert sorted(a.scores.values_list("criterion", "value")) == [
        ("export_readiness", 4),
        ("product", 5),
    ]


@pytest.mark.parametrize("role", ["enterprise_rep", "partner_rep", "advisory_member"])
def test_moderation_is_refused_to_non_staff(client, role):
    registration = RegistrationFactory(venue__event__moderated=True, status=S.APPLIED)
    client.force_login(UserFactory(role=role))
    base = f"/events/{registration.event_id}/registrations"
    assert client.get(f"{base}/").status_code == 403
    assert client.post(f"{base}/{registration.pk}/select/").status_code == 403
    assert Registration.objects.get().status == S.APPLIED


class TestCheckIn:
    @pytest.fixture
    def staff(self):
        client = Client()
        client.force_login(UserFactory())
        return client

    def test_scan_shows_then_checks_in_then_says_already(self, staff):
        registration = RegistrationFactory(full_name="Jane Tan", venue__time_zone="Asia/Singapore")
        code = services.ticket_token(registration)
        url = f"/events/{registration.event_id}/check-in/"
        page = staff.get(url, {"code": code}).content.decode()
        assert "Jane Tan" in page
        assert Registration.objects.get().status == S.CONFIRMED  # a GET admits nobody
        response = staff.post(url, {"code": code})
        assert vi("%(name)s is checked in.", name="Jane Tan") in response.content.decode()
        registration.refresh_from_db()
        assert registration.status == S.CHECKED_IN
        again = staff.post(url, {"code": code})
        local = registration.checked_in_at.astimezone(registration.venue.zone).strftime("%H:%M")
        assert again.status_code == 409
        assert (
            vi("%(name)s was already checked in at %(time)s.", name="Jane Tan", time=local)
            in again.content.decode()
        )

    def test_ticket_of_another_event_and_forged_code_are_refused(self, staff):
        registration = RegistrationFactory()
        other = VenueFactory().event
        response = staff.post(
            f"/events/{other.pk}/check-in/", {"code": services.ticket_token(registration)}
        )
        assert response.status_code == 422
        assert vi("This ticket is for another event.") in response.content.decode()
        forged = staff.post(f"/events/{registration.event_id}/check-in/", {"code": "abc:def"})
        assert forged.status_code == 422
        assert vi("This ticket is not valid: it is forged or damaged.") in forged.content.decode()
        assert Registration.objects.get().status == S.CONFIRMED

    def test_search_by_name_and_check_in_by_button(self, staff):
        registration = RegistrationFactory(full_name="Nguyễn Thị Hoa")
        RegistrationFactory(venue=registration.venue, full_name="Trần Văn Nam")
        url = f"/events/{registration.event_id}/check-in/"
        page = staff.get(url, {"q": "Hoa"})
        assert [r.full_name for r in page.context["matches"]] == ["Nguyễn Thị Hoa"]
        staff.post(url, {"registration": registration.pk})
        assert Registration.objects.get(pk=registration.pk).status == S.CHECKED_IN

    @pytest.mark.parametrize("role", ["enterprise_rep", "partner_rep", "mission_officer"])
    def test_check_in_is_refused_to_non_staff(self, client, role):
        registration = RegistrationFactory()
        client.force_login(UserFactory(role=role))
        response = client.post(
            f"/events/{registration.event_id}/check-in/",
            {"code": services.ticket_token(registration)},
        )
        assert response.status_code == 403
        assert Registration.objects.get().status == S.CONFIRMED


def test_ics_feeds_answer_with_calendars(client, forum):
    event, singapore = forum
    owner = UserFactory(role="partner_rep")
    services.registration_create(actor=owner, event=event, venue=singapore, data=_form(singapore))
    for url in (f"/events/{event.pk}/event.ics", "/events/programme.ics"):
        response = client.get(url)
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        assert b"BEGIN:VCALENDAR" in response.content
    client.force_login(owner)
    feed_url = client.get("/events/mine/").context["feed_url"]
    client.logout()
    feed = client.get(feed_url.replace("http://testserver", ""))
    assert b"TZID=Asia/Singapore" in feed.content
    assert client.get("/events/feeds/forged/events.ics").status_code == 404


def test_ticket_with_a_forged_address_is_not_found(client):
    assert client.get("/events/tickets/forged-token/").status_code == 404


def test_expired_offer_confirmation_shows_a_message(client):
    venue = VenueFactory(capacity=1)
    owner = UserFactory(role="partner_rep")
    registration = RegistrationFactory(
        venue=venue,
        user=owner,
        status=S.OFFERED,
        offer_expires_at=in_days(0) - dt.timedelta(hours=1),
    )
    client.force_login(owner)
    response = client.post(f"/events/registrations/{registration.pk}/confirm/", follow=True)
    assert vi("The offer of a place expired; it has passed to the next in line.") in (
        response.content.decode()
    )
    assert Registration.objects.get().status == S.CANCELLED


def test_guest_without_account_cancels_and_accepts_offers_from_the_ticket_page(client, forum):
    event, singapore = forum  # one seat at Singapore
    first = client.post(f"/events/{event.pk}/register/", _form(singapore, 1))["Location"]
    second = client.post(f"/events/{event.pk}/register/", _form(singapore, 2))["Location"]
    assert client.post(first + "cancel/").status_code == 302
    waiting = Registration.objects.get(email="jane2@example.sg")
    assert waiting.status == S.OFFERED
    page = client.get(second).content.decode()
    assert vi("Confirm my place") in page
    response = client.post(second + "confirm/", follow=True)
    assert vi("Your place is confirmed.") in response.content.decode()
    assert Registration.objects.get(pk=waiting.pk).status == S.CONFIRMED
    again = client.post(first + "cancel/", follow=True)
    assert Registration.objects.get(email="jane1@example.sg").status == S.CANCELLED
    assert again.status_code == 200
    assert client.post("/events/tickets/forged/cancel/").status_code == 404
    assert client.get(first + "cancel/").status_code == 405
