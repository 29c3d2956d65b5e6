"""The feeds parse back with icalendar and with an independent parser (ical), and every bridge
point's session starts at the same instant, written in its own zone."""

import datetime as dt

import pytest
from ical.calendar_stream import IcsCalendarStream
from icalendar import Calendar

from goglobal.events.calendars import calendar_ics, entries_for, feed_token, feed_user_id
from goglobal.events.selectors import event_programme
from goglobal.events.tests.factories import EventFactory, SessionFactory, VenueFactory
from goglobal.reference.models import Country

pytestmark = pytest.mark.django_db
OPENING = dt.datetime(2022, 12, 8, 1, 30, tzinfo=dt.UTC)  # 08:30 in Hanoi


def _forum():
    event = EventFactory(
        title_vi="Diễn đàn quốc gia lần thứ IV",
        starts_at=OPENING,
        ends_at=OPENING + dt.timedelta(hours=8),
    )
    places = [
        ("Hà Nội", "VN", "Asia/Ho_Chi_Minh", True),
        ("Singapore", "SG", "Asia/Singapore", False),
        ("Seoul", "KR", "Asia/Seoul", False),
    ]
    for city, code, zone, main in places:
        venue = VenueFactory(
            event=event,
            name=f"Điểm cầu {city}",
            city=city,
            country=Country.objects.get(code=code),
            time_zone=zone,
            is_main=main,
        )
        SessionFactory(venue=venue, title_vi="Khai mạc", starts_at=OPENING)
    return event


def _ics(event):
    return calendar_ics(
        entries_for(event, event_programme(event)), name="Forum", url_for=lambda e: f"/e/{e.pk}"
    )


def test_calendar_icalendar_reads_every_bridge_point_in_its_own_zone():
    event = _forum()
    cal = Calendar.from_ical(_ics(event))
    starts = {
        str(item["location"]).split(",")[1].strip(): (
            item["dtstart"].params["TZID"],
            item.decoded("dtstart").strftime("%H:%M"),
            item.decoded("dtstart").astimezone(dt.UTC),
        )
        for item in cal.walk("VEVENT")
    }
    assert starts == {
        "Hà Nội": ("Asia/Ho_Chi_Minh", "08:30", OPENING),
        "Singapore": ("Asia/Singapore", "09:30", OPENING),
        "Seoul": ("Asia/Seoul", "10:30", OPENING),
    }
    zones = {str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")}
    assert zones == {"Asia/Ho_Chi_Minh", "Asia/Singapore", "Asia/Seoul"}


def test_calendar_independent_parser_agrees():
    event = _forum()
    parsed = IcsCalendarStream.calendar_from_ics(_ics(event).decode())
    assert len(parsed.events) == 3
    assert {item.dtstart.astimezone(dt.UTC) for item in parsed.events} == {OPENING}
    assert sorted(item.dtstart.strftime("%H:%M") for item in parsed.events) == [
        "08:30",
        "09:30",
        "10:30",
    ]
    assert {item.summary for item in parsed.events} == {"Diễn đàn quốc gia lần thứ IV: Khai mạc"}


def test_calendar_venue_without_sessions_gives_the_whole_event():
    venue = VenueFactory(time_zone="Europe/London", city="London")
    event = venue.event
    cal = Calendar.from_ical(_ics(event))
    (item,) = cal.walk("VEVENT")
    assert item.decoded("dtstart").astimezone(dt.UTC) == event.starts_at
    assert item["dtstart"].params["TZID"] == "Europe/London"


def test_feed_token_is_signed():
    assert feed_user_id(feed_token(7)) == 7
    assert feed_user_id(feed_token(7)[:-1] + "x") is None
    assert feed_user_id("7") is None
