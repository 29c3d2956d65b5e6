"""Playwright, driving Debian's Chromium: a UK participant requests a meeting from a suggestion
on the event's matchmaking page, the Vietnamese enterprise accepts it, the organiser runs the
scheduler, and the meeting is on the UK participant's agenda. Pages in Vietnamese; expected
texts come from the translation catalogue."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from goglobal.accounts.models import Role
from goglobal.matchmaking.enums import RequestStatus, RunStatus
from goglobal.matchmaking.models import Meeting, MeetingRequest, ScheduleRun
from goglobal.matchmaking.tests.factories import (
    enterprise_profile,
    foreign_profile,
    join,
    meeting_event,
    rep_of,
)
from goglobal.testing import factories as f
from goglobal.testing.pages import vi

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _with_password(user):
    user.set_password(f.PASSWORD)
    user.save()
    return user


def _signed_in(browser: Browser, base_url: str, user) -> Page:
    page = browser.new_context(base_url=base_url, locale="vi-VN").new_page()
    page.goto("/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", f.PASSWORD)
    page.get_by_role("button", name=vi("Sign in")).click()
    expect(page.get_by_role("button", name=vi("Sign out"))).to_be_visible()
    return page


@pytest.fixture
def forum(db):
    event = meeting_event(slots=3, tables=2)
    uk = join(event, foreign_profile("ai", summary="AI for health records"))
    vn = join(event, enterprise_profile("ai", summary="Trí tuệ nhân tạo cho bệnh viện"))
    join(event, enterprise_profile("fintech", summary="Ví điện tử"))
    officer = _with_password(f.user_with_role(Role.PROGRAMME_OFFICER))
    return event, uk, vn, officer


def test_a_suggested_partner_is_requested_accepted_scheduled_and_on_the_agenda(
    forum, browser, live_server
):
    event, uk, vn, officer = forum
    vn_name, uk_name = vn.profile.name, uk.profile.name

    # The UK side picks the Vietnamese enterprise from its suggestions at this event.
    visitor = _signed_in(browser, live_server.url, _with_password(rep_of(uk.profile)))
    visitor.goto(f"/matchmaking/events/{event.pk}/")
    suggestions = visitor.locator("ol.suggestions > li")
    expect(suggestions.first).to_contain_text(vn_name)
    expect(suggestions.first).to_contain_text("Ngành chung: Trí tuệ nhân tạo")
    suggestions.first.get_by_role(
        "link", name=vi("Request a meeting with %(name)s", name=vn_name)
    ).click()
    expect(visitor).to_have_url(re.compile(rf"\?to={vn.profile_id}#request-{uk.pk}$"))
    form = visitor.locator(f"#request-{uk.pk}")
    expect(form.get_by_label(vi("Meet with"))).to_have_value(str(vn.profile_id))
    form.get_by_label(vi("Priority")).select_option(label=vi("High"))
    form.get_by_label(vi("Message")).fill("We would like to discuss health records.")
    form.get_by_role("button", name=vi("Send the request")).click()
    expect(visitor.get_by_text(vi("Your request was sent."))).to_be_visible()
    sent = MeetingRequest.objects.get()
    assert (sent.sender, sent.receiver, sent.priority, sent.status) == (
        uk,
        vn,
        1,
        RequestStatus.PENDING,
    )

    # The Vietnamese enterprise accepts it.
    host = _signed_in(browser, live_server.url, _with_password(rep_of(vn.profile)))
    host.goto(f"/matchmaking/events/{event.pk}/")
    incoming = host.locator("li", has_text=uk_name).filter(
        has=host.get_by_role("button", name=vi("Accept"))
    )
    incoming.get_by_role("button", name=vi("Accept")).click()
    expect(host.get_by_text(vi("Request accepted."))).to_be_visible()
    sent.refresh_from_db()
    assert sent.status == RequestStatus.ACCEPTED

    # The organiser runs the final schedule and sees it against the bound.
    organiser = _signed_in(browser, live_server.url, officer)
    organiser.goto(f"/matchmaking/events/{event.pk}/schedule/")
    organiser.get_by_label(vi("Time limit (seconds)")).fill("2")
    organiser.get_by_role("button", name=vi("Run the scheduler")).click()
    share = re.escape(vi("%(percent)s%% of the best possible", percent="X"))
    expect(organiser.get_by_text(re.compile(share.replace("X", r"100[,.]0")))).to_be_visible()
    expect(organiser.locator("table")).to_contain_text(f"{uk_name} · {vn_name}")
    run = ScheduleRun.objects.get()
    assert (run.status, run.meetings, run.value) == (RunStatus.DONE, 1, 3)
    meeting = Meeting.objects.get()

    # The meeting is on the UK participant's agenda, at its time and table.
    visitor.goto(f"/matchmaking/events/{event.pk}/")
    visitor.get_by_role("link", name=vi("Agenda"), exact=True).click()
    row = visitor.locator("tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text(vn_name)
    expect(row).to_contain_text(f"{meeting.slot.starts_at.astimezone(uk.zone):%d/%m %H:%M}")
    expect(row).to_contain_text(vi("Table %(n)d", n=meeting.table))
