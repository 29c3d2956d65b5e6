"""The matchmaking pages: happy paths, "not allowed" paths, bad input, query counts."""

import datetime as dt

import icalendar
import pytest
from django.test import Client
from django.utils import translation

from goglobal.accounts.models import Role
from goglobal.events.tests.factories import VenueFactory
from goglobal.matchmaking.models import Dismissal, Meeting, MeetingRequest, ScheduleRun
from goglobal.matchmaking.tests.factories import (
    enterprise_profile,
    foreign_profile,
    join,
    signed_in,
)
from goglobal.reference.models import Country
from goglobal.testing.factories import user_with_role
from goglobal.testing.pages import count_queries, login_redirect, text

pytestmark = pytest.mark.django_db


def test_the_list_needs_a_sign_in_and_costs_the_same_queries_for_1_and_3_profiles():
    assert Client().get("/matchmaking/")["Location"] == login_redirect("/matchmaking/")
    officer = signed_in(user_with_role(Role.PROGRAMME_OFFICER))
    enterprise_profile("ai")
    one = count_queries(officer, "/matchmaking/")
    enterprise_profile("fintech"), foreign_profile("ai")
    assert count_queries(officer, "/matchmaking/") == one


def test_the_owner_sees_suggestions_with_reasons_and_others_do_not(setup):
    event, vn, uk, vn_client, uk_client = setup
    page = text(uk_client.get(f"/matchmaking/profiles/{uk.profile_id}/"))
    assert vn.profile.name in page and "Ngành chung: Trí tuệ nhân tạo" in page
    page = text(vn_client.get(f"/matchmaking/profiles/{uk.profile_id}/"))
    assert "Ngành chung" not in page and "Không quan tâm" not in page
    hidden = enterprise_profile("ai", is_published=False)
    assert vn_client.get(f"/matchmaking/profiles/{hidden.pk}/").status_code == 404
    assert vn_client.get(f"/matchmaking/profiles/{uk.profile_id}/edit/").status_code == 403


def test_not_interested_is_remembered_and_refused_to_strangers(setup):
    event, vn, uk, vn_client, uk_client = setup
    url = f"/matchmaking/profiles/{uk.profile_id}/dismiss/{vn.profile_id}/"
    assert vn_client.post(url).status_code == 403
    assert uk_client.post(url).status_code == 302
    assert Dismissal.objects.filter(profile=uk.profile, dismissed=vn.profile).count() == 1
    assert url not in text(uk_client.get(f"/matchmaking/profiles/{uk.profile_id}/"))


def test_a_profile_is_created_from_the_form_in_vietnamese():
    enterprise = enterprise_profile().enterprise
    enterprise.match_profile.delete()
    client = signed_in(user_with_role(Role.ENTERPRISE_REP, enterprise=enterprise))
    response = client.post(
        "/matchmaking/profiles/new/",
        {
            "summary": "Phần mềm y tế",
            "sectors": ["healthtech"],
            "markets": ["GB"],
            "is_published": "on",
            "offer_technology": "Bệnh án điện tử",
        },
    )
    assert response.status_code == 302
    profile = enterprise.__class__.objects.get(pk=enterprise.pk).match_profile
    assert [(i.direction, i.kind, i.text) for i in profile.items.all()] == [
        ("offer", "technology", "Bệnh án điện tử")
    ]
    response = client.post("/matchmaking/profiles/new/", {"sectors": ["nope"]})
    assert response.status_code == 200 and "has-error" in text(response)


def test_a_request_sent_from_the_page_and_one_beyond_the_limit_refused(setup):
    event, vn, uk, vn_client, uk_client = setup
    url = f"/matchmaking/events/{event.pk}/participants/{vn.pk}/requests/"
    response = vn_client.post(url, {"receiver": uk.profile_id, "priority": 1, "message": "Chào"})
    assert response.status_code == 302
    other = join(event, foreign_profile("ai"))
    response = vn_client.post(url, {"receiver": other.profile_id, "priority": 2})
    assert response.status_code == 422
    assert "giới hạn" in text(response)
    assert MeetingRequest.objects.count() == 1
    assert uk_client.post(url, {"receiver": uk.profile_id, "priority": 2}).status_code == 403


def test_accept_from_the_page_then_the_agenda_pdf_and_ics_in_the_bridge_points_zone(setup):
    event, vn, uk, vn_client, uk_client = setup
    singapore = VenueFactory(
        event=event,
        is_main=False,
        time_zone="Asia/Singapore",
        country=Country.objects.get(code="SG"),
    )
    uk.venue = singapore
    uk.save()
    sent = MeetingRequest.objects.create(
        event=event, sender=vn, receiver=uk, expires_at=event.starts_at
    )
    assert vn_client.post(f"/matchmaking/requests/{sent.pk}/accept/").status_code == 403
    assert uk_client.post(f"/matchmaking/requests/{sent.pk}/accept/").status_code == 302
    meeting = Meeting.objects.get()
    assert (meeting.table, meeting.room) == (None, 1)  # different venues: a virtual room
    page = text(uk_client.get(f"/matchmaking/participants/{uk.pk}/agenda/"))
    assert "Asia/Singapore" in page and vn.profile.name in page
    assert vn_client.get(f"/matchmaking/participants/{uk.pk}/agenda/").status_code == 403
    ics = icalendar.Calendar.from_ical(
        uk_client.get(f"/matchmaking/participants/{uk.pk}/agenda.ics").content
    )
    [item] = ics.walk("VEVENT")
    start = item.decoded("dtstart")
    assert str(start.tzinfo) == "Asia/Singapore" and start == meeting.slot.starts_at
    pdf = uk_client.get(f"/matchmaking/participants/{uk.pk}/agenda.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert vn_client.get(f"/matchmaking/participants/{uk.pk}/agenda.pdf").status_code == 403


def test_organisers_run_the_scheduler_and_see_the_share_of_the_best_possible(setup):
    event, vn, uk, vn_client, uk_client = setup
    MeetingRequest.objects.create(
        event=event, sender=vn, receiver=uk, status="accepted", expires_at=event.starts_at
    )
    officer = signed_in(user_with_role(Role.PROGRAMME_OFFICER))
    url = f"/matchmaking/events/{event.pk}/schedule/"
    assert vn_client.get(url).status_code == 403
    assert vn_client.post(url, {"time_limit": 2}).status_code == 403
    assert officer.post(url, {"time_limit": 0}).status_code == 200
    assert not ScheduleRun.objects.exists()
    assert officer.post(url, {"time_limit": 2}).status_code == 302
    page = text(officer.get(url))
    assert "100,0% của mức tốt nhất có thể" in page or "100.0% của mức tốt nhất có thể" in page
    assert "Bàn 1" in page
    assert "0 bên chưa có cuộc gặp nào; ít nhất có thể: 0" in page
    meeting = Meeting.objects.get()
    assert (
        vn_client.post(f"/matchmaking/meetings/{meeting.pk}/lock/", {"locked": "1"}).status_code
        == 403
    )
    officer.post(f"/matchmaking/meetings/{meeting.pk}/lock/", {"locked": "1"})
    assert Meeting.objects.get().locked


def test_settings_page_is_for_organisers_and_reports_a_bad_break(setup):
    event, vn, uk, vn_client, uk_client = setup
    url = f"/matchmaking/events/{event.pk}/settings/"
    assert vn_client.get(url).status_code == 403
    officer = signed_in(user_with_role(Role.PROGRAMME_OFFICER))
    day = (event.starts_at + dt.timedelta(days=1)).strftime("%d/%m/%Y")
    body = {
        "starts_at": f"{day} 09:00",
        "ends_at": f"{day} 11:00",
        "breaks": "lunch",
        "meeting_minutes": 20,
        "tables": 3,
        "virtual_rooms": 0,
        "pending_limit": 5,
        "request_hours": 48,
    }
    response = officer.post(url, body)
    assert response.status_code == 200 and "09:00-11:00" in text(response)
    with translation.override("vi"):
        assert officer.post(url, {**body, "breaks": "10:00-10:20"}).status_code == 302
    assert event.slots.count() == 5


def test_availability_is_saved_in_the_participants_own_time(setup):
    event, vn, uk, vn_client, uk_client = setup
    url = f"/matchmaking/participants/{vn.pk}/availability/"
    assert uk_client.get(url).status_code == 403
    assert vn_client.post(url, {"windows": "25:00-26:00"}).status_code == 200
    assert vn_client.post(url, {"windows": "09:00-10:00"}).status_code == 302
    [window] = vn.availability.all()
    assert window.starts_at.astimezone(vn.zone).hour == 9


def test_the_event_page_suggests_partners_there_and_preselects_the_one_chosen(setup):
    event, vn, uk, vn_client, uk_client = setup
    join(event, foreign_profile("fintech"))
    url = f"/matchmaking/events/{event.pk}/"
    page = uk_client.get(f"{url}?to={vn.profile_id}").content.decode()
    assert f'href="?to={vn.profile_id}#request-{uk.pk}"' in page
    assert f'<option value="{vn.profile_id}" selected>' in page
    for bad in ("x", "1" * 12, "-1"):
        response = uk_client.get(f"{url}?to={bad}")
        assert response.status_code == 200
        assert f'<option value="{vn.profile_id}" selected>' not in response.content.decode()
    officer = signed_in(user_with_role(Role.PROGRAMME_OFFICER))
    assert "?to=" not in officer.get(url).content.decode()


def test_the_event_page_costs_the_same_queries_for_1_and_3_other_participants(setup):
    event, vn, uk, vn_client, uk_client = setup
    url = f"/matchmaking/events/{event.pk}/"
    count_queries(uk_client, url)  # the first visit also caches the sector names
    one = count_queries(uk_client, url)
    join(event, enterprise_profile("ai")), join(event, enterprise_profile("ai"))
    assert count_queries(uk_client, url) == one
