import datetime as dt

import pytest
from django.test import Client

from goglobal.events import services
from goglobal.events.enums import EventStatus
from goglobal.events.enums import RegistrationStatus as S
from goglobal.events.models import Event, Registration
from goglobal.events.tests.factories import (
    EventFactory,
    RegistrationFactory,
    SessionFactory,
    VenueFactory,
    in_days,
)
from goglobal.reference.models import Country
from goglobal.testing.api import call, error_fields
from goglobal.testing.factories import EnterpriseFactory, UserFactory

pytestmark = pytest.mark.django_db


def signed_in(role="programme_officer", user=None) -> Client:
    client = Client()
    client.force_login(user or UserFactory(role=role))
    return client


def person(n=1, **extra):
    return {"full_name": f"Kim Min {n}", "email": f"kim{n}@example.kr", **extra}


def test_api_event_list_scoped_by_selector(client):
    EventFactory(title_vi="Công khai")
    EventFactory(title_vi="Nháp", status=EventStatus.DRAFT)
    EventFactory(title_vi="Chỉ mời", is_public=False)
    status, body = call(client, "get", "/events")
    assert status == 200
    assert [item["title_vi"] for item in body["items"]] == ["Công khai"]
    status, body = call(signed_in(), "get", "/events")
    assert sorted(item["title_vi"] for item in body["items"]) == ["Chỉ mời", "Công khai", "Nháp"]


@pytest.mark.parametrize("items", [1, 3])
def test_api_event_list_query_count_is_constant(client, django_assert_num_queries, items):
    for _ in range(items):
        VenueFactory(event=EventFactory())
    with django_assert_num_queries(3):
        status, body = call(client, "get", "/events")
    assert (status, body["count"]) == (200, items)


def test_api_event_detail_gives_session_times_in_the_venue_zone(client):
    opening = dt.datetime(2030, 12, 8, 1, 30, tzinfo=dt.UTC)
    venue = VenueFactory(
        event__starts_at=opening,
        time_zone="Asia/Seoul",
        country=Country.objects.get(code="KR"),
    )
    SessionFactory(venue=venue, starts_at=opening)
    status, body = call(client, "get", f"/events/{venue.event_id}")
    (session,) = body["programme"][0]["sessions"]
    assert status == 200
    assert session["local_start"] == "2030-12-08T10:30:00+09:00"
    assert session["starts_at"] == "2030-12-08T01:30:00Z"


def test_api_draft_event_is_not_found_for_others(client):
    event = EventFactory(status=EventStatus.DRAFT)
    assert call(client, "get", f"/events/{event.pk}")[0] == 404
    assert call(signed_in("enterprise_rep"), "get", f"/events/{event.pk}")[0] == 404


def test_api_staff_creates_event_and_venue():
    staff = signed_in()
    status, body = call(
        staff,
        "post",
        "/events",
        {
            "title_vi": "Diễn đàn Kinh tế số Việt Nam",
            "kind": "forum",
            "organiser": "Bộ Khoa học và Công nghệ",
            "starts_at": "2030-09-15T01:30:00Z",
            "ends_at": "2030-09-15T10:00:00Z",
            "status": "published",
            "target_countries": ["sg"],
        },
    )
    assert status == 201
    assert body["target_country_codes"] == ["SG"]
    status, venue = call(
        staff,
        "post",
        f"/events/{body['id']}/venues",
        {
            "name": "Điểm cầu Singapore",
            "country": "SG",
            "city": "Singapore",
            "time_zone": "Asia/Singapore",
            "capacity": 50,
        },
    )
    assert (status, venue["time_zone"], venue["capacity"]) == (201, "Asia/Singapore", 50)


@pytest.mark.parametrize(
    "change, fields",
    [
        ({"ends_at": "2030-09-14T10:00:00Z"}, {"ends_at"}),
        ({"kind": "party"}, {"kind"}),
        ({"target_countries": ["XX"]}, {"target_countries"}),
        ({"sponsor": "x"}, {"sponsor"}),
    ],
)
def test_api_event_bad_input_is_422_with_fields_and_writes_nothing(change, fields):
    body = {
        "title_vi": "Sự kiện",
        "kind": "forum",
        "organiser": "Bộ",
        "starts_at": "2030-09-15T01:30:00Z",
        "ends_at": "2030-09-15T10:00:00Z",
        **change,
    }
    status, out = call(signed_in(), "post", "/events", body)
    assert status == 422
    assert error_fields(out) == fields
    assert Event.objects.count() == 0


def test_api_venue_unknown_time_zone_is_422():
    event = EventFactory()
    status, out = call(
        signed_in(),
        "post",
        f"/events/{event.pk}/venues",
        {"name": "X", "country": "SG", "city": "S", "time_zone": "Asia/Atlantis", "capacity": 5},
    )
    assert (status, error_fields(out)) == (422, {"time_zone"})


@pytest.mark.parametrize(
    "role", ["enterprise_rep", "partner_rep", "mission_officer", "advisory_member"]
)
def test_api_event_writes_refused_to_non_staff(role):
    event = EventFactory()
    client = signed_in(role)
    body = {
        "title_vi": "x",
        "kind": "forum",
        "organiser": "y",
        "starts_at": "2030-09-15T01:30:00Z",
        "ends_at": "2030-09-15T10:00:00Z",
    }
    assert call(client, "post", "/events", body)[0] == 403
    assert call(client, "patch", f"/events/{event.pk}", {"title_vi": "z"})[0] == 403
    assert Event.objects.get().title_vi == event.title_vi


def test_api_anonymous_write_is_401(client):
    venue = VenueFactory()
    assert (
        call(
            client,
            "post",
            f"/events/{venue.event_id}/registrations",
            {"venue": venue.pk, **person()},
        )[0]
        == 401
    )


def test_api_register_waitlist_cancel_promotes():
    venue = VenueFactory(capacity=1)
    first_user, second_user = UserFactory(role="partner_rep"), UserFactory(role="partner_rep")
    path = f"/events/{venue.event_id}/registrations"
    status, first = call(signed_in(user=first_user), "post", path, {"venue": venue.pk, **person(1)})
    assert (status, first["status"]) == (201, "confirmed")
    status, second = call(
        signed_in(user=second_user), "post", path, {"venue": venue.pk, **person(2)}
    )
    assert (status, second["status"], second["waitlist_position"]) == (201, "waitlisted", 1)
    # Someone else may not cancel it: they cannot even see it.
    assert (
        call(signed_in(user=second_user), "post", f"/registrations/{first['id']}/cancel")[0] == 404
    )
    status, cancelled = call(
        signed_in(user=first_user), "post", f"/registrations/{first['id']}/cancel"
    )
    assert (status, cancelled["status"]) == (200, "cancelled")
    status, mine = call(signed_in(user=second_user), "get", "/registrations")
    assert [item["status"] for item in mine["items"]] == ["offered"]
    status, confirmed = call(
        signed_in(user=second_user), "post", f"/registrations/{second['id']}/confirm"
    )
    assert (status, confirmed["status"]) == (200, "confirmed")
    assert (
        call(signed_in(user=first_user), "post", f"/registrations/{first['id']}/cancel")[0] == 409
    )


def test_api_registration_bad_input():
    venue = VenueFactory()
    client = signed_in("partner_rep")
    path = f"/events/{venue.event_id}/registrations"
    status, out = call(client, "post", path, {"venue": venue.pk, **person(email="nope")})
    assert (status, error_fields(out)) == (422, {"email"})
    other_venue = VenueFactory()
    status, out = call(client, "post", path, {"venue": other_venue.pk, **person()})
    assert (status, error_fields(out)) == (422, {"venue"})
    assert call(client, "post", path, {"venue": venue.pk, **person()})[0] == 201
    status, out = call(client, "post", path, {"venue": venue.pk, **person()})
    assert (status, error_fields(out)) == (422, {"email"})
    assert Registration.objects.count() == 1


def test_api_registration_after_closing_is_409():
    venue = VenueFactory(event__registration_closes_at=in_days(-1), event__starts_at=in_days(2))
    status, out = call(
        signed_in("partner_rep"),
        "post",
        f"/events/{venue.event_id}/registrations",
        {"venue": venue.pk, **person()},
    )
    assert status == 409
    assert out["detail"]
    assert Registration.objects.count() == 0


def test_api_full_moderated_event_application_is_409():
    venue = VenueFactory(event__moderated=True, capacity=1)
    RegistrationFactory(venue=venue, status=S.SELECTED)
    rep = UserFactory(role="enterprise_rep")
    enterprise = EnterpriseFactory()
    rep.memberships.create(enterprise=enterprise)
    status, _out = call(
        signed_in(user=rep),
        "post",
        f"/events/{venue.event_id}/registrations",
        {"venue": venue.pk, "enterprise": enterprise.pk, **person()},
    )
    assert status == 409
    assert Registration.objects.count() == 1


def test_api_moderation_flow_and_refusal():
    venue = VenueFactory(event__moderated=True, capacity=3)
    application = RegistrationFactory(venue=venue, status=S.APPLIED)
    rep = signed_in("enterprise_rep")
    assert call(rep, "post", f"/registrations/{application.pk}/select")[0] == 404
    staff = signed_in()
    status, out = call(staff, "put", f"/registrations/{application.pk}/scores", {"product": 7})
    assert (status, error_fields(out)) == (422, {"product"})
    assert (
        call(
            staff, "put", f"/registrations/{application.pk}/scores", {"product": 4, "market_fit": 3}
        )[0]
        == 200
    )
    status, out = call(staff, "post", f"/registrations/{application.pk}/reject", {"reason": " "})
    assert (status, error_fields(out)) == (422, {"reason"})
    status, out = call(staff, "post", f"/registrations/{application.pk}/select")
    assert (status, out["status"]) == (200, "selected")


def test_api_check_in_twice_other_event_and_forged():
    registration = RegistrationFactory()
    staff = signed_in()
    path = f"/events/{registration.event_id}/check-in"
    code = services.ticket_token(registration)
    status, out = call(staff, "post", path, {"code": code})
    assert (status, out["status"]) == (200, "checked_in")
    status, out = call(staff, "post", path, {"code": code})
    assert status == 409
    assert registration.full_name in out["detail"]
    other = VenueFactory().event
    status, out = call(staff, "post", f"/events/{other.pk}/check-in", {"code": code})
    assert (status, error_fields(out)) == (422, {"code"})
    status, out = call(staff, "post", path, {"code": code[:-3] + "xyz"})
    assert (status, error_fields(out)) == (422, {"code"})
    assert call(signed_in("partner_rep"), "post", path, {"code": code})[0] == 403


def test_api_openapi_documents_the_events_endpoints(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "409" in schema["paths"]["/api/v1/events/{event_id}/registrations"]["post"]["responses"]


@pytest.mark.parametrize(
    "starts_at", ["9999-12-31T23:59:59-23:00", "2030-09-15T01:30:00", "1900-01-01T00:00:00Z"]
)
def test_api_event_times_out_of_range_or_without_zone_are_422(starts_at):
    body = {
        "title_vi": "x",
        "kind": "forum",
        "organiser": "y",
        "starts_at": starts_at,
        "ends_at": "2030-09-15T10:00:00Z",
    }
    status, out = call(signed_in(), "post", "/events", body)
    assert (status, error_fields(out)) == (422, {"starts_at"})


@pytest.mark.parametrize("zone", ["America", "", "Asia//Seoul", "__init__.py"])
def test_api_odd_time_zones_are_422(zone):
    event = EventFactory()
    status, out = call(
        signed_in(),
        "post",
        f"/events/{event.pk}/venues",
        {"name": "X", "country": "SG", "city": "S", "time_zone": zone, "capacity": 5},
    )
    assert (status, error_fields(out)) == (422, {"time_zone"})


def test_api_registration_for_an_unknown_enterprise_is_422():
    venue = VenueFactory()
    status, out = call(
        signed_in(),
        "post",
        f"/events/{venue.event_id}/registrations",
        {"venue": venue.pk, "enterprise": 999999, **person()},
    )
    assert (status, error_fields(out)) == (422, {"enterprise"})
