"""Case page actions beside the moves: contributors added and removed, the anonymised
summary drafted, approved and published by two people, and notifications marked read. Each
with who may not, and bad input answered in Vietnamese."""

import pytest
from django.utils import timezone

from goglobal.cases.models import Case, Notification, PublicSummary
from goglobal.cases.tests.helpers import CaseFactory
from goglobal.testing import factories as f
from goglobal.testing.pages import count_queries, text
from goglobal.testing.world import ROLES

pytestmark = [pytest.mark.django_db]
STAFF = {"admin", "programme_officer"}


@pytest.mark.parametrize("role", [r for r in ROLES if r != "anonymous"])
def test_pages_contributors_only_staff_change_them(case_world, client_for, role):
    case = case_world.rows["case_a"]
    helper = case_world.users["advisory_member"]
    response = client_for(role).post(f"/cases/{case.pk}/contributors/", {"user": str(helper.pk)})
    if role in STAFF:
        assert response.status_code == 302
        assert list(case.contributors.all()) == [helper]
    else:
        # Those who see the case are refused; the others do not learn it exists.
        assert response.status_code in (403, 404)
        assert response.status_code == (403 if role in {"enterprise_rep", "advisory_member",
                                                         "mission_officer"} else 404)  # fmt: skip
        assert not case.contributors.exists()


def test_pages_contributors_add_and_remove(case_world, client_for):
    case = case_world.rows["case_a"]
    helper = case_world.users["advisory_member"]
    client = client_for("admin")
    client.post(f"/cases/{case.pk}/contributors/", {"user": str(helper.pk)})
    page = text(client.get(f"/cases/{case.pk}/"))
    assert f"/cases/{case.pk}/contributors/{helper.pk}/remove/" in page
    assert (
        client_for("enterprise_rep")
        .post(f"/cases/{case.pk}/contributors/{helper.pk}/remove/")
        .status_code
        == 403
    )
    assert client.post(f"/cases/{case.pk}/contributors/{helper.pk}/remove/").status_code == 302
    assert not case.contributors.exists()
    assert client.post(f"/cases/{case.pk}/contributors/{helper.pk}/remove/").status_code == 404


@pytest.mark.parametrize(
    ("who", "message"),
    [
        ("", "Trường này là bắt buộc."),
        ("enterprise_rep", "Hãy chọn một giá trị hợp lệ."),
        ("999999", "Hãy chọn một giá trị hợp lệ."),
        ("mission_officer", "Doanh nghiệp chưa đồng ý chia sẻ hồ sơ này với cơ quan đại diện."),
        ("twice", "Người này đã tham gia xử lý hồ sơ."),
    ],
)
def test_pages_contributors_bad_input_in_vietnamese(case_world, client_for, who, message):
    case = case_world.rows["case_a_private"]  # not shared with missions
    Case.objects.filter(pk=case.pk).update(status="triage")
    users = case_world.users
    if who == "twice":
        case.contributors.add(users["advisory_member"])
        value = str(users["advisory_member"].pk)
    else:
        value = str(users[who].pk) if who in users else who
    response = client_for("admin").post(f"/cases/{case.pk}/contributors/", {"user": value})
    assert response.status_code == 422
    assert message in text(response)
    assert case.contributors.count() == (1 if who == "twice" else 0)


def test_pages_contributors_of_a_draft_or_closed_case_are_refused(case_world, client_for):
    case = case_world.rows["case_a_draft"]
    helper = case_world.users["advisory_member"]
    response = client_for("admin").post(
        f"/cases/{case.pk}/contributors/", {"user": str(helper.pk)}, follow=True
    )
    assert "Chỉ thay đổi được người tham gia khi hồ sơ đang mở." in text(response)
    assert not case.contributors.exists()


def test_pages_summary_two_people_approve_and_publish(case_world, client_for):
    case = case_world.rows["case_a"]
    Case.objects.filter(pk=case.pk).update(publish_summary=True)
    admin, officer = client_for("admin"), client_for("programme_officer")
    assert (
        client_for("enterprise_rep").post(f"/cases/{case.pk}/summary/", {"text": "x"}).status_code
        == 403
    )
    response = admin.post(f"/cases/{case.pk}/summary/", {"text": ""})
    assert response.status_code == 422 and "Trường này là bắt buộc." in text(response)
    assert (
        admin.post(
            f"/cases/{case.pk}/summary/", {"text": "Một doanh nghiệp phần mềm gặp khó về thị thực."}
        ).status_code
        == 302
    )
    summary = PublicSummary.objects.get(case=case)
    assert (
        client_for("advisory_member").post(f"/cases/{case.pk}/summary/approve/").status_code == 403
    )
    assert admin.post(f"/cases/{case.pk}/summary/approve/").status_code == 302
    # The approver may not publish too.
    assert admin.post(f"/cases/{case.pk}/summary/publish/").status_code == 403
    summary.refresh_from_db()
    assert summary.published_at is None
    assert "/summary/publish/" not in text(admin.get(f"/cases/{case.pk}/"))
    assert "/summary/publish/" in text(officer.get(f"/cases/{case.pk}/"))
    assert officer.post(f"/cases/{case.pk}/summary/publish/").status_code == 302
    summary.refresh_from_db()
    assert summary.published_by == case_world.users["programme_officer"]
    response = officer.post(f"/cases/{case.pk}/summary/publish/", follow=True)
    assert "Bản tóm tắt này đã được công bố." in text(response)


def test_pages_summary_needs_consent_and_a_summary(case_world, client_for):
    case = case_world.rows["case_b"]  # publish_summary is False
    admin = client_for("admin")
    response = admin.post(f"/cases/{case.pk}/summary/", {"text": "Tóm tắt"}, follow=True)
    assert "Doanh nghiệp chưa đồng ý công bố bản tóm tắt của hồ sơ này." in text(response)
    assert not PublicSummary.objects.exists()
    assert admin.post(f"/cases/{case.pk}/summary/approve/").status_code == 404


def _notices(user, n, case=None):
    return [
        Notification.objects.create(recipient=user, case=case, message=f"Tin {i}") for i in range(n)
    ]


def test_pages_notifications_mark_one_and_all_read(world, client_for):
    user = world.users["programme_officer"]
    first, second, third = _notices(user, 3)
    other = _notices(world.users["admin"], 1)[0]
    client = client_for("programme_officer")
    page = text(client.get("/cases/notifications/"))
    assert f"/cases/notifications/{first.pk}/read/" in page and "Đánh dấu tất cả đã đọc" in page
    assert client.post(f"/cases/notifications/{first.pk}/read/").status_code == 302
    first.refresh_from_db()
    assert first.read_at is not None
    # Someone else's notification is not found, and stays unread.
    assert client.post(f"/cases/notifications/{other.pk}/read/").status_code == 404
    assert client.post("/cases/notifications/999999/read/").status_code == 404
    other.refresh_from_db()
    assert other.read_at is None
    response = client.post("/cases/notifications/read/", follow=True)
    assert "Đã đánh dấu 2 thông báo là đã đọc." in text(response)
    assert not Notification.objects.filter(recipient=user, read_at__isnull=True).exists()
    assert Notification.objects.get(pk=other.pk).read_at is None
    assert "Đánh dấu tất cả đã đọc" not in text(client.get("/cases/notifications/"))


def test_pages_notifications_need_sign_in_and_post(world, client_for):
    note = _notices(world.users["admin"], 1)[0]
    anonymous = client_for("anonymous")
    assert anonymous.post(f"/cases/notifications/{note.pk}/read/").status_code == 302
    assert anonymous.post("/cases/notifications/read/").status_code == 302
    assert client_for("admin").get("/cases/notifications/read/").status_code == 405
    note.refresh_from_db()
    assert note.read_at is None


def test_pages_notifications_query_count_is_constant(world, client_for):
    user = world.users["admin"]
    case = CaseFactory(enterprise=world.ent_a, status="triage")
    client = client_for("admin")
    _notices(user, 1, case)
    one = count_queries(client, "/cases/notifications/")
    _notices(user, 2, case)
    Notification.objects.filter(recipient=user).update(read_at=timezone.now())
    assert count_queries(client, "/cases/notifications/") == one
    assert f.UserFactory is not None
