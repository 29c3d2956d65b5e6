"""Briefing pages that change things: planning periodic and ad hoc briefings, assembling the
agenda, the chair accepting nominations, minutes, action items done with evidence and carried
to the next briefing. Each with who may not, and bad input answered in Vietnamese."""

import datetime as dt

import pytest

from goglobal.cases import briefings
from goglobal.cases.enums import ActionStatus, BriefingStatus
from goglobal.cases.models import ActionItem, AgendaItem, Briefing, CaseNomination
from goglobal.cases.tests.helpers import CaseFactory
from goglobal.testing.pages import text
from goglobal.testing.world import ROLES

pytestmark = [pytest.mark.django_db]
STAFF = {"admin", "programme_officer"}
SIGNED_IN = [r for r in ROLES if r != "anonymous"]


def _briefing(world, **data):
    values = {"kind": "ad_hoc", "title": "Giao ban đột xuất", "held_on": dt.date(2026, 12, 3)}
    values.update(data)
    return briefings.briefing_create(actor=world.users["admin"], data=values)


@pytest.mark.parametrize("role", SIGNED_IN)
def test_pages_briefing_create_only_staff(world, client_for, role):
    client = client_for(role)
    data = {"kind": "periodic", "title": "Giao ban quý", "held_on": "05/01/2027",
            "repeat_every_weeks": "12"}  # fmt: skip
    response = client.post("/cases/briefings/new/", data)
    if role in STAFF:
        briefing = Briefing.objects.get()
        assert response.status_code == 302
        assert response["Location"] == f"/cases/briefings/{briefing.pk}/"
        assert (briefing.kind, briefing.held_on, briefing.repeat_every_weeks) == (
            "periodic",
            dt.date(2027, 1, 5),
            12,
        )
        assert client.get("/cases/briefings/new/").status_code == 200
    else:
        assert response.status_code == 403
        assert client.get("/cases/briefings/new/").status_code == 403
        assert not Briefing.objects.exists()


def test_pages_briefing_create_anonymous_goes_to_login(client_for):
    response = client_for("anonymous").post("/cases/briefings/new/", {"title": "x"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Briefing.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "periodic", "title": "Quý", "held_on": "05/01/2027"},
         "Cuộc giao ban định kỳ cần có lịch lặp lại theo tuần."),
        ({"kind": "ad_hoc", "title": "Gấp", "held_on": "05/01/2027", "repeat_every_weeks": "2"},
         "Cuộc giao ban đột xuất không có lịch lặp lại."),
        ({"kind": "ad_hoc", "title": "", "held_on": "05/01/2027"}, "Trường này là bắt buộc."),
        ({"kind": "ad_hoc", "title": "Gấp", "held_on": "32/13/2027"}, "Nhập một ngày hợp lệ."),
        ({"kind": "monthly", "title": "Gấp", "held_on": "05/01/2027"}, "Hãy chọn"),
    ],
)  # fmt: skip
def test_pages_briefing_create_bad_input_in_vietnamese(world, client_for, data, message):
    response = client_for("admin").post("/cases/briefings/new/", data)
    assert response.status_code == 200
    assert message in text(response)
    assert not Briefing.objects.exists()


def test_pages_briefing_create_refuses_a_chair_who_cannot_see_briefings(world, client_for):
    data = {"kind": "ad_hoc", "title": "Gấp", "held_on": "05/01/2027",
            "chair": str(world.users["enterprise_rep"].pk)}  # fmt: skip
    response = client_for("admin").post("/cases/briefings/new/", data)
    assert response.status_code == 200
    assert not Briefing.objects.exists()


def test_pages_agenda_nomination_accepted_by_the_chair(world, client_for):
    chair = world.users["advisory_member"]
    briefing = _briefing(world, chair=chair.pk)
    case = CaseFactory(enterprise=world.ent_a, status="in_progress", owning_agency=world.agency)
    # The advisory member nominates the case from its page.
    response = client_for("advisory_member").post(
        f"/cases/{case.pk}/nominate/", {"reason": "Nhiều doanh nghiệp gặp"}
    )
    assert response.status_code == 302
    nomination = CaseNomination.objects.get(case=case)
    page = text(client_for("advisory_member").get(f"/cases/briefings/{briefing.pk}/"))
    assert f"/nominations/{nomination.pk}/accept/" in page
    # Someone who is neither the chair nor an administrator may not accept.
    url = f"/cases/briefings/{briefing.pk}/nominations/{nomination.pk}/accept/"
    assert client_for("programme_officer").post(url).status_code == 403
    assert client_for("enterprise_rep").post(url).status_code == 403
    assert client_for("advisory_member").post(url).status_code == 302
    nomination.refresh_from_db()
    assert nomination.accepted_by == chair
    response = client_for("advisory_member").post(url, follow=True)
    assert "Đề xuất này đã được chấp thuận." in text(response)
    assert (
        client_for("advisory_member")
        .post(f"/cases/briefings/{briefing.pk}/nominations/999999/accept/")
        .status_code
        == 404
    )
    # Staff assemble the agenda again: the accepted nomination is on it.
    assert (
        client_for("advisory_member").post(f"/cases/briefings/{briefing.pk}/agenda/").status_code
        == 403
    )
    assert client_for("admin").post(f"/cases/briefings/{briefing.pk}/agenda/").status_code == 302
    assert list(AgendaItem.objects.filter(briefing=briefing).values_list("case_id", "reason")) == [
        (case.pk, "nomination")
    ]


def test_pages_nomination_bad_input_and_not_allowed(world, client_for):
    case = CaseFactory(enterprise=world.ent_a, status="in_progress", owning_agency=world.agency)
    response = client_for("advisory_member").post(f"/cases/{case.pk}/nominate/", {"reason": " "})
    assert response.status_code == 422
    assert "Trường này là bắt buộc." in text(response)
    # The enterprise sees its case but may not nominate it; others do not see it at all.
    assert (
        client_for("enterprise_rep")
        .post(f"/cases/{case.pk}/nominate/", {"reason": "x"})
        .status_code
        == 403
    )
    assert (
        client_for("partner_rep").post(f"/cases/{case.pk}/nominate/", {"reason": "x"}).status_code
        == 404
    )
    closed = CaseFactory(enterprise=world.ent_a, status="closed")
    response = client_for("admin").post(
        f"/cases/{closed.pk}/nominate/", {"reason": "x"}, follow=True
    )
    assert "Chỉ đề xuất được hồ sơ đang mở." in text(response)
    assert not CaseNomination.objects.exists()


def test_pages_minutes_action_items_and_the_next_briefing(world, client_for):
    briefing = _briefing(world, kind="periodic", repeat_every_weeks=4)
    admin = client_for("admin")
    base = f"/cases/briefings/{briefing.pk}"
    response = admin.post(f"{base}/next/", follow=True)
    assert "Hãy ghi biên bản trước khi lên lịch cuộc giao ban tiếp theo." in text(response)
    owner = world.users["advisory_member"]
    item_data = {
        "title": "Làm việc với Đại sứ quán",
        "owner": str(owner.pk),
        "due_on": "10/12/2026",
    }
    assert client_for("advisory_member").post(f"{base}/action-items/", item_data).status_code == 403
    assert admin.post(f"{base}/action-items/", item_data).status_code == 302
    item = ActionItem.objects.get()
    assert (item.owner, item.due_on, item.status) == (owner, dt.date(2026, 12, 10), "open")
    assert (
        admin.post(f"{base}/minutes/", {"minutes": "Thống nhất các việc cần làm."}).status_code
        == 302
    )
    briefing.refresh_from_db()
    assert briefing.status == BriefingStatus.HELD
    assert admin.post(f"{base}/next/").status_code == 302
    following = Briefing.objects.get(previous=briefing)
    assert following.held_on == dt.date(2026, 12, 31)
    # The open action item is carried to the next agenda.
    assert list(following.agenda.values_list("action_item_id", flat=True)) == [item.pk]
    page = text(client_for("advisory_member").get(f"/cases/briefings/{following.pk}/"))
    assert "Làm việc với Đại sứ quán" in page
    # Only its owner (or staff) marks it done, with evidence.
    done = f"/cases/action-items/{item.pk}/done/"
    assert client_for("enterprise_rep").post(done, {"evidence": "x"}).status_code == 403
    response = client_for("advisory_member").post(done, {"evidence": ""})
    assert response.status_code == 422 and "Trường này là bắt buộc." in text(response)
    assert (
        client_for("advisory_member").post(done, {"evidence": "Công văn số 12"}).status_code == 302
    )
    item.refresh_from_db()
    assert (item.status, item.evidence) == (ActionStatus.DONE, "Công văn số 12")
    response = client_for("advisory_member").post(done, {"evidence": "lại"}, follow=True)
    assert "Việc này đã hoàn thành." in text(response)
    assert admin.post("/cases/action-items/999999/done/", {"evidence": "x"}).status_code == 404


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "Việc", "owner": "", "due_on": "10/12/2026"}, "Trường này là bắt buộc."),
        ({"title": "Việc", "owner": "999999", "due_on": "10/12/2026"}, "Hãy chọn"),
        ({"title": "Việc", "owner": "OWNER", "due_on": "không phải ngày"}, "Nhập một ngày hợp lệ."),
        ({"title": "Việc", "owner": "OWNER", "due_on": "10/12/2026", "case": "999999"},
         "Không có hồ sơ này."),
    ],
)  # fmt: skip
def test_pages_action_item_bad_input_in_vietnamese(world, client_for, data, message):
    briefing = _briefing(world)
    data = {k: (str(world.users["admin"].pk) if v == "OWNER" else v) for k, v in data.items()}
    response = client_for("admin").post(f"/cases/briefings/{briefing.pk}/action-items/", data)
    assert response.status_code == 422
    assert message in text(response)
    assert not ActionItem.objects.exists()


def test_pages_minutes_bad_input_and_not_allowed(world, client_for):
    briefing = _briefing(world)
    url = f"/cases/briefings/{briefing.pk}/minutes/"
    response = client_for("admin").post(url, {"minutes": "   "})
    assert response.status_code == 422 and "Trường này là bắt buộc." in text(response)
    assert client_for("advisory_member").post(url, {"minutes": "x"}).status_code == 403
    assert client_for("mission_officer").post(url, {"minutes": "x"}).status_code == 403
    assert (
        client_for("admin").post("/cases/briefings/999999/minutes/", {"minutes": "x"}).status_code
        == 404
    )
    briefing.refresh_from_db()
    assert briefing.minutes == "" and briefing.status == BriefingStatus.PLANNED
