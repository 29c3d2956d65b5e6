"""The event list as a download: the events the list shows the user (the public: published
public ones), upcoming unless past ones are asked for, with a link to each."""

import pytest
from django.test import Client
from django.utils import timezone

from goglobal.events.enums import EventStatus
from goglobal.events.tests.factories import EventFactory, VenueFactory, in_days
from goglobal.testing.downloads import csv_rows
from goglobal.testing.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(db):
    forum = VenueFactory(event__title_vi="Diễn đàn Tokyo", city="Tokyo").event
    VenueFactory(event=forum, city="Osaka", is_main=False)
    EventFactory(title_vi="Nháp", status=EventStatus.DRAFT)
    EventFactory(title_vi="Chỉ mời", is_public=False)
    EventFactory(title_vi="Đã qua", starts_at=in_days(-30), ends_at=in_days(-29))
    return forum


def test_the_public_downloads_the_published_public_events_it_sees(client, events):
    rows = csv_rows(client.get("/events/export.csv"))
    assert rows[0] == ["Sự kiện", "Loại", "Thời gian", "Địa điểm", "Trạng thái", "Chỉ dành cho khách mời",
                       "Liên kết"]  # fmt: skip
    assert rows[1:] == [[
        "Diễn đàn Tokyo", events.get_kind_display(),
        timezone.localdate(events.starts_at).isoformat(), "Tokyo; Osaka",
        events.get_status_display(), "", f"http://testserver/events/{events.pk}/",
    ]]  # fmt: skip
    past = csv_rows(client.get("/events/export.csv?past=1"))
    assert {row[0] for row in past[1:]} == {"Diễn đàn Tokyo", "Đã qua"}
    assert {row[0] for row in csv_rows(client.get("/api/v1/events/export"))[1:]} == {
        "Diễn đàn Tokyo", "Đã qua",
    }  # fmt: skip


def test_staff_download_every_event(events):
    client = Client()
    client.force_login(UserFactory(role="programme_officer"))
    rows = csv_rows(client.get("/api/v1/events/export?upcoming=true"))
    assert {row[0]: row[5] for row in rows[1:]} == {
        "Diễn đàn Tokyo": "", "Nháp": "", "Chỉ mời": "✓",
    }  # fmt: skip
    drafts = csv_rows(client.get("/api/v1/events/export?status=draft"))
    assert [row[0] for row in drafts[1:]] == ["Nháp"]


def test_the_list_links_its_download_and_bad_formats_are_refused(client, events):
    page = client.get("/events/?past=1").content.decode()
    assert 'href="/events/export.csv?past=1"' in page
    assert client.get("/events/export.ods").status_code == 404
    assert client.get("/api/v1/events/export?format=ods").status_code == 422
    assert client.get("/api/v1/events/export?year=1800").status_code == 422
