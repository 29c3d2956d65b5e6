"""The matchmaking API: the happy paths, the "not allowed" paths and bad input."""

import pytest
from django.test import Client

from goglobal.accounts.models import Role
from goglobal.matchmaking.enums import RequestStatus
from goglobal.matchmaking.models import MatchProfile, Meeting, MeetingRequest, ScheduleRun
from goglobal.matchmaking.tests.factories import (
    foreign_profile,
    signed_in,
)
from goglobal.testing.api import call
from goglobal.testing.factories import EnterpriseFactory, user_with_role

pytestmark = pytest.mark.django_db


def test_a_representative_creates_their_profile_and_nobody_else_can():
    enterprise = EnterpriseFactory()
    rep = user_with_role(Role.ENTERPRISE_REP, enterprise=enterprise)
    body = {
        "enterprise_id": enterprise.pk,
        "summary": "Giải pháp trí tuệ nhân tạo",
        "sectors": ["ai"],
        "markets": ["gb"],
        "items": [{"direction": "offer", "kind": "technology", "text": "Nhận dạng ảnh"}],
    }
    other = user_with_role(Role.ENTERPRISE_REP, enterprise=EnterpriseFactory())
    assert call(signed_in(other), "post", "/matchmaking/profiles", body)[0] == 403
    assert call(Client(), "post", "/matchmaking/profiles", body)[0] in (401, 403)
    status, created = call(signed_in(rep), "post", "/matchmaking/profiles", body)
    assert status == 201
    assert (created["sector_codes"], created["market_codes"], created["items"][0]["kind"]) == (
        ["ai"],
        ["GB"],
        "technology",
    )
    status, again = call(signed_in(rep), "post", "/matchmaking/profiles", body)
    assert status == 422 and again["errors"][0]["field"] == "organisation"
    assert MatchProfile.objects.count() == 1


def test_bad_profile_input_is_refused_with_the_field_named():
    enterprise = EnterpriseFactory()
    rep = signed_in(user_with_role(Role.ENTERPRISE_REP, enterprise=enterprise))
    status, body = call(
        rep, "post", "/matchmaking/profiles", {"enterprise_id": enterprise.pk, "sectors": ["nope"]}
    )
    assert status == 422 and [e["field"] for e in body["errors"]] == ["sectors"]
    status, body = call(
        rep,
        "post",
        "/matchmaking/profiles",
        {
            "enterprise_id": enterprise.pk,
            "items": [{"direction": "sideways", "kind": "business", "text": "x"}],
        },
    )
    assert status == 422
    assert not MatchProfile.objects.exists()


def test_suggestions_are_for_the_profiles_own_side_only(setup):
    event, vn, uk, vn_client, uk_client = setup
    status, found = call(
        uk_client, "get", f"/matchmaking/profiles/{uk.profile_id}/suggestions?event={event.pk}"
    )
    assert status == 200 and [s["profile_id"] for s in found] == [vn.profile_id]
    assert found[0]["reasons"]
    assert call(vn_client, "get", f"/matchmaking/profiles/{uk.profile_id}/suggestions")[0] == 403
    assert call(Client(), "get", f"/matchmaking/profiles/{uk.profile_id}/suggestions")[0] == 404
    status, _ = call(
        uk_client,
        "post",
        f"/matchmaking/profiles/{uk.profile_id}/dismissals",
        {"profile_id": vn.profile_id},
    )
    assert status == 204
    assert call(uk_client, "get", f"/matchmaking/profiles/{uk.profile_id}/suggestions")[1] == []


def test_request_send_accept_and_the_agenda(setup):
    event, vn, uk, vn_client, uk_client = setup
    status, sent = call(
        vn_client,
        "post",
        "/matchmaking/requests",
        {
            "sender_id": vn.pk,
            "receiver_profile_id": uk.profile_id,
            "message": "Hẹn gặp",
            "priority": 1,
        },
    )
    assert status == 201 and sent["status"] == "pending"
    assert call(vn_client, "post", f"/matchmaking/requests/{sent['id']}/accept")[0] == 403
    status, accepted = call(uk_client, "post", f"/matchmaking/requests/{sent['id']}/accept")
    assert status == 200 and accepted["status"] == RequestStatus.ACCEPTED
    status, agenda = call(vn_client, "get", f"/matchmaking/participants/{vn.pk}/agenda")
    assert status == 200 and len(agenda) == 1 and agenda[0]["table"] == 1
    assert call(uk_client, "get", f"/matchmaking/participants/{vn.pk}/agenda")[0] == 403
    assert call(uk_client, "post", f"/matchmaking/requests/{sent['id']}/accept")[0] == 409


def test_request_bad_input_is_refused_and_writes_nothing(setup):
    event, vn, uk, vn_client, uk_client = setup
    outsider = foreign_profile("ai")
    cases = [
        ({"sender_id": vn.pk, "receiver_profile_id": vn.profile_id}, 422, "receiver"),
        ({"sender_id": vn.pk, "receiver_profile_id": outsider.pk}, 422, "receiver"),
        ({"sender_id": vn.pk, "receiver_profile_id": uk.profile_id, "priority": 7}, 422, None),
        (
            {"sender_id": vn.pk, "receiver_profile_id": uk.profile_id, "slot_id": 999999},
            422,
            "slot",
        ),
        ({"sender_id": uk.pk, "receiver_profile_id": vn.profile_id}, 403, None),
        ({"sender_id": 999999, "receiver_profile_id": uk.profile_id}, 404, None),
    ]
    for body, expected, field in cases:
        status, answer = call(vn_client, "post", "/matchmaking/requests", body)
        assert status == expected, (body, answer)
        if field:
            assert answer["errors"][0]["field"] == field
    assert not MeetingRequest.objects.exists()


def test_organisers_run_the_scheduler_and_see_the_schedule_others_cannot(setup):
    event, vn, uk, vn_client, uk_client = setup
    MeetingRequest.objects.create(
        event=event, sender=vn, receiver=uk, status="accepted", expires_at=event.starts_at
    )
    officer = signed_in(user_with_role(Role.PROGRAMME_OFFICER))
    assert (
        call(vn_client, "post", f"/matchmaking/events/{event.pk}/schedule", {"time_limit": 2})[0]
        == 403
    )
    status, run = call(
        officer, "post", f"/matchmaking/events/{event.pk}/schedule", {"time_limit": 2}
    )
    assert status == 201 and (run["status"], run["meetings"], run["percent"]) == ("done", 1, 100.0)
    assert (run["participants_without"], run["fewest_without"]) == (0, 0)
    status, page = call(officer, "get", f"/matchmaking/events/{event.pk}/meetings")
    assert status == 200 and page["count"] == 1
    assert call(uk_client, "get", f"/matchmaking/events/{event.pk}/meetings")[0] == 403
    meeting = Meeting.objects.get()
    assert (
        call(uk_client, "post", f"/matchmaking/meetings/{meeting.pk}/lock", {"locked": True})[0]
        == 403
    )
    status, locked = call(
        officer, "post", f"/matchmaking/meetings/{meeting.pk}/lock", {"locked": True}
    )
    assert status == 200 and locked["locked"] is True
    assert ScheduleRun.objects.count() == 1


def test_settings_are_refused_to_representatives_and_checked(setup):
    event, vn, uk, vn_client, uk_client = setup
    officer = signed_in(user_with_role(Role.PROGRAMME_OFFICER))
    body = {
        "starts_at": "2030-01-01T09:00:00+07:00",
        "ends_at": "2030-01-01T10:00:00+07:00",
        "tables": 4,
    }
    assert call(vn_client, "put", f"/matchmaking/events/{event.pk}/settings", body)[0] == 403
    status, answer = call(
        officer,
        "put",
        f"/matchmaking/events/{event.pk}/settings",
        {**body, "ends_at": "2030-01-01T08:00:00+07:00"},
    )
    assert status == 422 and answer["errors"][0]["field"] == "ends_at"
    status, saved = call(officer, "put", f"/matchmaking/events/{event.pk}/settings", body)
    assert status == 200 and len(saved["slots"]) == 3 and saved["tables"] == 4


def test_participants_are_listed_to_signed_in_users_only(setup):
    event, vn, uk, vn_client, uk_client = setup
    url = f"/matchmaking/events/{event.pk}/participants"
    status, page = call(vn_client, "get", url)
    assert status == 200 and {p["profile_id"] for p in page["items"]} == {
        vn.profile_id,
        uk.profile_id,
    }
    status, page = call(Client(), "get", url)
    assert status == 200 and page["count"] == 0
