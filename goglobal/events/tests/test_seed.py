import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser

from goglobal.accounts.models import Role
from goglobal.core.seed import load_seed
from goglobal.events.models import Event, Session, Venue
from goglobal.events.seed import load_seed_events
from goglobal.search.models import SearchEntry
from goglobal.search.selectors import SearchFilters, search_for_user
from goglobal.testing.factories import user_with_role

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


def test_seed_events_are_in_the_search_index_the_public_finding_only_the_public_ones():
    load_seed()
    load_seed_events()
    indexed = SearchEntry.objects.filter(kind="event").values_list("object_id", flat=True)
    assert sorted(indexed) == sorted(Event.objects.values_list("pk", flat=True))
    forum = Event.objects.get(title_vi__endswith="lần thứ IV")
    hits = search_for_user(AnonymousUser(), "dien dan quoc gia lan thu iv").items
    assert [(hit.kind, hit.object_id) for hit in hits] == [("event", forum.pk)]
    # The UK delegation's visit is invitation-only: staff find it, the public does not.
    events = SearchFilters(type="event")
    uk = Event.objects.get(kind="inbound_delegation")
    assert search_for_user(AnonymousUser(), "northern powerhouse", events).count == 0
    staff = user_with_role(Role.PROGRAMME_OFFICER)
    hits = search_for_user(staff, "northern powerhouse", events).items
    assert [hit.object_id for hit in hits] == [uk.pk]
