import datetime as dt

import pytest
from django.test import Client
from django.utils.html import escape

from goglobal.events.enums import EventStatus
from goglobal.events.models import Booth, Event, EventSeries, Exhibitor, Session, Venue
from goglobal.events.tests.factories import (
    EventFactory,
    RegistrationFactory,
    SessionFactory,
    VenueFactory,
)
from goglobal.reference.models import Country
from goglobal.testing.factories import EnterpriseFactory, ForeignOrganisationFactory, UserFactory
from goglobal.testing.pages import vi as vi_text

pytestmark = pytest.mark.django_db


def vi(message: str, **params) -> str:
    return escape(vi_text(message, **params))


@pytest.fixture
def staff_client():
    client = Client()
    client.force_login(UserFactory(role="programme_officer"))
    return client


def _titles(response) -> set[str]:
    return {event.title_vi for event in response.context["page_obj"].object_list}


def test_event_list_shows_anonymous_only_published_public_events(client):
    shown = EventFactory(title_vi="Công khai")
    EventFactory(title_vi="Nháp", status=EventStatus.DRAFT)
    EventFactory(title_vi="Chỉ mời", is_public=False)
    response = client.get("/events/")
    assert response.status_code == 200
    assert _titles(response) == {shown.title_vi}


def test_event_list_shows_staff_every_event(staff_client):
    EventFactory(title_vi="Công khai")
    EventFactory(title_vi="Nháp", status=EventStatus.DRAFT)
    EventFactory(title_vi="Chỉ mời", is_public=False)
    assert _titles(staff_client.get("/events/")) == {"Công khai", "Nháp", "Chỉ mời"}


def test_invitation_only_event_is_visible_to_its_invitee_only(client):
    from goglobal.events.tests.factories import RegistrationFactory

    venue = VenueFactory(event__is_public=False, event__title_vi="Gặp mặt Trưởng cơ quan")
    invitee, stranger = UserFactory(role="mission_officer"), UserFactory(role="mission_officer")
    RegistrationFactory(venue=venue, user=invitee, status="invited")
    client.force_login(stranger)
    assert client.get(f"/events/{venue.event_id}/").status_code == 404
    client.force_login(invitee)
    assert client.get(f"/events/{venue.event_id}/").status_code == 200


@pytest.mark.parametrize("items", [1, 3])
def test_event_list_query_count_is_constant(client, django_assert_num_queries, items):
    for _ in range(items):
        VenueFactory(event=EventFactory())
    with django_assert_num_queries(3):  # count, events, venues with countries
        response = client.get("/events/")
    assert len(response.context["page_obj"].object_list) == items


def test_event_detail_shows_each_bridge_point_in_its_own_time(client):
    opening = dt.datetime(2030, 12, 8, 1, 30, tzinfo=dt.UTC)
    event = EventFactory(starts_at=opening, ends_at=opening + dt.timedelta(hours=6))
    hanoi = VenueFactory(event=event, name="Hà Nội", is_main=True)
    singapore = VenueFactory(
        event=event,
        name="Điểm cầu Singapore",
        is_main=False,
        time_zone="Asia/Singapore",
        country=Country.objects.get(code="SG"),
    )
    SessionFactory(venue=hanoi, title_vi="Khai mạc HN", starts_at=opening)
    SessionFactory(venue=singapore, title_vi="Khai mạc SG", starts_at=opening)
    html = client.get(f"/events/{event.pk}/").content.decode()
    assert "08/12/2030 08:30–10:30" in html
    assert "08/12/2030 09:30–11:30" in html


def test_draft_event_detail_is_not_found_for_the_public(client):
    event = EventFactory(status=EventStatus.DRAFT)
    assert client.get(f"/events/{event.pk}/").status_code == 404


def test_staff_create_event_then_venue_then_session_in_local_time(staff_client):
    response = staff_client.post(
        "/events/new/",
        {
            "title_vi": "Tuần lễ Số Quốc tế",
            "kind": "conference",
            "organiser": "Bộ Khoa học và Công nghệ",
            "starts_at": "10/10/2030 08:00",
            "ends_at": "12/10/2030 17:00",
            "status": "published",
            "is_public": "on",
            "offer_hours": "48",
            "languages": ["vi", "en"],
            "target_countries": ["SG", "KR"],
        },
    )
    event = Event.objects.get(title_vi="Tuần lễ Số Quốc tế")
    assert response.status_code == 302
    assert event.starts_at == dt.datetime(2030, 10, 10, 1, 0, tzinfo=dt.UTC)
    assert sorted(event.target_countries.values_list("code", flat=True)) == ["KR", "SG"]
    assert event.history.count() == 1
    staff_client.post(
        f"/events/{event.pk}/venues/new/",
        {
            "name": "Điểm cầu Seoul",
            "country": "KR",
            "city": "Seoul",
            "time_zone": "Asia/Seoul",
            "capacity": "80",
        },
    )
    venue = Venue.objects.get(event=event)
    response = staff_client.post(
        f"/events/{event.pk}/sessions/new/",
        {
            "venue": venue.pk,
            "title_vi": "Khai mạc",
            "day": "10/10/2030",
            "start": "10:00",
            "end": "11:00",
        },
    )
    assert response.status_code == 302
    session = Session.objects.get(venue=venue)
    assert session.starts_at == dt.datetime(2030, 10, 10, 1, 0, tzinfo=dt.UTC)


def test_create_event_bad_input_shows_messages_and_writes_nothing(staff_client):
    response = staff_client.post(
        "/events/new/",
        {
            "title_vi": "Sự kiện",
            "kind": "forum",
            "organiser": "Bộ",
            "starts_at": "10/10/2030 08:00",
            "ends_at": "09/10/2030 08:00",
            "status": "published",
            "offer_hours": "48",
        },
    )
    assert response.status_code == 200
    assert vi("The event cannot end before it starts.") in response.content.decode()
    assert Event.objects.count() == 0


def test_venue_with_unknown_time_zone_is_refused(staff_client):
    event = EventFactory()
    response = staff_client.post(
        f"/events/{event.pk}/venues/new/",
        {
            "name": "X",
            "country": "SG",
            "city": "Singapore",
            "time_zone": "Mars/Olympus",
            "capacity": "5",
        },
    )
    assert response.status_code == 200
    assert "Mars/Olympus" in response.content.decode()
    assert Venue.objects.count() == 0


@pytest.mark.parametrize("role", ["enterprise_rep", "partner_rep", "mission_officer"])
def test_event_forms_are_refused_to_non_staff(client, role):
    event = EventFactory()
    client.force_login(UserFactory(role=role))
    venue = VenueFactory(event=event)
    for url in (
        "/events/new/",
        f"/events/{event.pk}/edit/",
        f"/events/{event.pk}/venues/new/",
        f"/events/{event.pk}/venues/{venue.pk}/edit/",
    ):
        assert client.get(url).status_code == 403
        assert client.post(url, {"title_vi": "x"}).status_code == 403
    assert Event.objects.count() == 1


def test_event_forms_send_anonymous_to_sign_in(client):
    assert client.get("/events/new/").status_code == 302


def test_programme_flags_months_without_an_event(client):
    EventFactory(starts_at=dt.datetime(2031, 3, 10, 2, tzinfo=dt.UTC), title_vi="Tháng ba")
    EventFactory(starts_at=dt.datetime(2031, 7, 3, 2, tzinfo=dt.UTC), title_vi="Tháng bảy")
    EventFactory(starts_at=dt.datetime(2031, 8, 3, 2, tzinfo=dt.UTC), status=EventStatus.DRAFT)
    response = client.get("/events/programme/?year=2031")
    months = response.context["months"]
    assert [m.month for m in months if not m.missing] == [3, 7]
    assert response.context["missing"] == 10
    assert response.content.decode().count(vi("No event this month")) == 10


def test_programme_bad_year_falls_back(client):
    assert client.get("/events/programme/?year=abc").status_code == 200


def test_event_with_series_and_partners_shows_them_on_its_page(staff_client):
    series = EventSeries.objects.create(name_vi="Đoàn hằng tháng", name_en="Monthly delegations")
    partner = ForeignOrganisationFactory(name="Department for Business and Trade")
    response = staff_client.post(
        "/events/new/",
        {
            "title_vi": "Đoàn doanh nghiệp tại London",
            "kind": "outbound_delegation",
            "series": series.pk,
            "organiser": "Bộ Khoa học và Công nghệ",
            "starts_at": "10/06/2030 09:00",
            "ends_at": "14/06/2030 17:00",
            "status": "published",
            "is_public": "on",
            "offer_hours": "48",
            "languages": ["vi", "en"],
            "target_countries": ["GB"],
            "partner_organisations": [partner.pk],
        },
    )
    assert response.status_code == 302
    event = Event.objects.get()
    assert (event.series, list(event.partner_organisations.all())) == (series, [partner])
    page = staff_client.get(f"/events/{event.pk}/").content.decode()
    assert "Department for Business and Trade" in page and "Đoàn hằng tháng" in page
    assert Country.objects.get(code="GB").name_vi in page
    assert vi("Vietnamese") + ", " + vi("English") in page
    edit = staff_client.get(f"/events/{event.pk}/edit/").content.decode()
    assert f'value="{partner.pk}" selected' in edit


def test_event_with_unknown_series_or_partner_is_refused(staff_client):
    response = staff_client.post(
        "/events/new/",
        {
            "title_vi": "X",
            "kind": "forum",
            "series": "999",
            "organiser": "Bộ",
            "starts_at": "10/06/2030 09:00",
            "ends_at": "10/06/2030 17:00",
            "status": "draft",
            "offer_hours": "48",
            "partner_organisations": ["999"],
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"series", "partner_organisations"}
    assert Event.objects.count() == 0


def test_staff_edit_a_venue_and_cannot_shrink_it_below_the_seats_taken(staff_client):
    venue = VenueFactory(capacity=3)
    RegistrationFactory.create_batch(2, venue=venue)
    path = f"/events/{venue.event_id}/venues/{venue.pk}/edit/"
    form = {
        "name": "Điểm cầu Seoul",
        "country": "KR",
        "city": "Seoul",
        "time_zone": "Asia/Seoul",
        "capacity": "1",
    }
    response = staff_client.post(path, form)
    assert response.status_code == 200
    assert vi("%(held)s seats are already taken; the capacity cannot be lower.", held=2) in (
        response.content.decode()
    )
    venue.refresh_from_db()
    assert (venue.capacity, venue.city) == (3, "Hà Nội")
    assert staff_client.post(path, {**form, "capacity": "50"}).status_code == 302
    venue.refresh_from_db()
    assert (venue.capacity, venue.city, venue.country_id) == (50, "Seoul", "KR")
    other = VenueFactory()
    assert staff_client.get(f"/events/{venue.event_id}/venues/{other.pk}/edit/").status_code == 404


def test_my_registrations_list_the_enterprises_booths(client):
    enterprise = EnterpriseFactory()
    rep = UserFactory(role="enterprise_rep")
    rep.memberships.create(enterprise=enterprise)
    event = EventFactory(kind="fair_booth", title_vi="GITEX Global 2030")
    booth = Booth.objects.create(event=event, name="Gian hàng Việt Nam")
    exhibitor = Exhibitor.objects.create(booth=booth, enterprise=enterprise)
    Exhibitor.objects.create(booth=booth, enterprise=EnterpriseFactory())
    client.force_login(rep)
    page = client.get("/events/mine/").content.decode()
    assert "GITEX Global 2030" in page
    assert f"/events/exhibitors/{exhibitor.pk}/leads/new/" in page
    assert page.count("/leads/new/") == 1
