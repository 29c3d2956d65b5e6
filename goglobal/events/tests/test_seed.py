import datetime as dt

import pytest

from goglobal.core.seed import load_seed
from goglobal.events.models import Event, Session, Venue
from goglobal.events.seed import load_seed_events

pytestmark = pytest.mark.django_db


def test_seed_events_load_once_with_the_forum_bridge_points():
    load_seed()
    first = load_seed_events()
    again = load_seed_events()
    assert Event.objects.count() == 6
    assert (again.created, again.updated) == ({}, {})
    assert first.created["event"] == 6
    forum = Event.objects.get(title_vi__endswith="lần thứ IV")
    assert sorted(forum.venues.values_list("city", "time_zone")) == [
        ("Hà Nội", "Asia/Ho_Chi_Minh"),
        ("Seoul", "Asia/Seoul"),
        ("Singapore", "Asia/Singapore"),
    ]
    opening = {
        s.venue.city: s.local_start.strftime("%H:%M")
        for s in Session.objects.filter(venue__event=forum).select_related("venue")
    }
    assert opening == {"Hà Nội": "08:00", "Singapore": "09:00", "Seoul": "10:00"}
    uk = Event.objects.get(kind="inbound_delegation")
    assert (uk.starts_at.date(), uk.is_public) == (dt.date(2023, 7, 3), False)
    assert uk.partner_organisations.count() == 3
    assert Event.objects.get(kind="outbound_delegation").moderated is True
    assert Venue.objects.filter(is_main=True).count() == 6
