"""Playwright, driving Debian's Chromium: a foreign participant registers for the forum at the
Singapore bridge point, gets the ticket, and is checked in at the door by ministry staff on the
check-in page that the ticket's QR code opens; and a mission officer admits participants at the
Singapore bridge point on a phone-sized screen."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import Page, expect

from goglobal.accounts.models import Role
from goglobal.events import services
from goglobal.events.enums import RegistrationStatus
from goglobal.events.models import Registration
from goglobal.events.tests.factories import (
    EventFactory,
    RegistrationFactory,
    SessionFactory,
    VenueFactory,
    in_days,
)
from goglobal.reference.models import Country
from goglobal.testing import factories as f
from goglobal.testing.pages import vi

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def forum(db):
    opening = in_days(20).replace(hour=1, minute=30, second=0)
    event = EventFactory(
        title_vi="Diễn đàn quốc gia phát triển doanh nghiệp công nghệ số lần thứ VIII",
        starts_at=opening,
        ends_at=opening + dt.timedelta(hours=8),
    )
    VenueFactory(event=event, name="Hà Nội — điểm cầu chính", capacity=1000)
    singapore = VenueFactory(
        event=event,
        name="Điểm cầu Singapore",
        city="Singapore",
        country=Country.objects.get(code="SG"),
        time_zone="Asia/Singapore",
        is_main=False,
        capacity=50,
    )
    SessionFactory(venue=singapore, title_vi="Khai mạc", starts_at=opening)
    officer = f.user_with_role(Role.PROGRAMME_OFFICER)
    officer.set_password(f.PASSWORD)
    officer.save()
    return event, singapore, officer


def test_foreign_participant_registers_at_singapore_and_is_checked_in(page: Page, forum, browser):
    event, singapore, officer = forum

    page.goto("/events/")
    page.get_by_role("link", name=event.title_vi).click()
    expect(page.get_by_role("heading", name="Điểm cầu Singapore")).to_be_visible()
    page.get_by_role("link", name=vi("Register"), exact=True).click()
    page.get_by_label(vi("Venue or bridge point")).select_option(
        label="Điểm cầu Singapore — Singapore"
    )
    page.get_by_label(vi("Full name")).fill("Jane Tan")
    page.get_by_label(vi("E-mail")).fill("not-an-address")
    page.get_by_role("button", name=vi("Register")).click()
    expect(page.locator(".errorlist").first).to_be_visible()
    assert Registration.objects.count() == 0
    page.get_by_label(vi("E-mail")).fill("jane.tan@example.sg")
    page.get_by_label(vi("Country")).select_option("SG")
    page.get_by_role("button", name=vi("Register")).click()

    expect(page.get_by_role("heading", name=vi("Ticket"))).to_be_visible()
    expect(page.locator("figure svg")).to_be_visible()
    code = page.locator("code.secret").inner_text().strip()
    registration = Registration.objects.get()
    assert (registration.venue, registration.status) == (singapore, RegistrationStatus.CONFIRMED)

    # At the door: the officer's phone opens the address the QR code carries.
    door = browser.new_context(base_url=page.url.split("/events/")[0], locale="vi-VN").new_page()
    door.goto("/accounts/login/")
    door.fill("#id_username", officer.username)
    door.fill("#id_password", f.PASSWORD)
    door.get_by_role("button", name=vi("Sign in")).click()
    door.goto(f"/events/{event.pk}/check-in/?code={code}")
    expect(door.get_by_role("heading", name="Jane Tan")).to_be_visible()
    door.get_by_role("button", name=vi("Check in"), exact=True).click()
    expect(door.get_by_role("status")).to_contain_text(
        vi("%(name)s is checked in.", name="Jane Tan")
    )
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CHECKED_IN

    # The same ticket again is refused with the time of the first scan.
    door.get_by_label(vi("Ticket code")).fill(code)
    door.get_by_role("button", name=vi("Check in this code")).click()
    expect(door.get_by_role("alert")).to_have_text(
        re.compile(
            re.escape(
                vi("%(name)s was already checked in at %(time)s.", name="Jane Tan", time="")[:-1]
            )
        )
    )


def test_mission_officer_checks_in_at_the_singapore_bridge_point_on_a_phone(
    forum, browser, live_server
):
    event, singapore, _officer = forum
    hanoi = event.venues.get(is_main=True)
    jane = RegistrationFactory(venue=singapore, full_name="Jane Tan")
    minh = RegistrationFactory(venue=hanoi, full_name="Nguyễn Minh")
    mission = f.MissionFactory(host_country=Country.objects.get(code="SG"), city="Singapore")
    officer = f.user_with_role(Role.MISSION_OFFICER, mission=mission)
    officer.set_password(f.PASSWORD)
    officer.save()

    phone = browser.new_context(
        base_url=live_server.url,
        locale="vi-VN",
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
    ).new_page()
    phone.goto("/accounts/login/")
    phone.fill("#id_username", officer.username)
    phone.fill("#id_password", f.PASSWORD)
    phone.get_by_role("button", name=vi("Sign in")).click()

    # The QR code's address for the event lands on the officer's own door.
    phone.goto(f"/events/{event.pk}/check-in/?code={services.ticket_token(jane)}")
    expect(phone).to_have_url(re.compile(rf"/venues/{singapore.pk}/check-in/"))
    expect(phone.get_by_role("heading", name="Jane Tan")).to_be_visible()
    button = phone.get_by_role("button", name=vi("Check in"), exact=True)
    box = button.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    button.tap()
    expect(phone.get_by_role("status")).to_contain_text(
        vi("%(name)s is checked in.", name="Jane Tan")
    )

    # Hanoi's participant is not admitted at Singapore's door.
    phone.get_by_label(vi("Ticket code")).fill(services.ticket_token(minh))
    phone.get_by_role("button", name=vi("Check in this code")).tap()
    expect(phone.get_by_role("alert")).to_contain_text(
        vi("This ticket is for another venue: %(venue)s.", venue=str(hanoi))
    )
    jane.refresh_from_db()
    minh.refresh_from_db()
    assert (jane.status, minh.status) == (
        RegistrationStatus.CHECKED_IN,
        RegistrationStatus.CONFIRMED,
    )
