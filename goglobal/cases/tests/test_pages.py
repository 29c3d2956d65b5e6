"""Case pages for every role: what is listed, 404 for invisible cases, 403 for visible cases
the user may not change, bad input shown in Vietnamese, constant query counts."""

import pytest

from goglobal.cases.enums import CaseStatus
from goglobal.cases.models import Case, CaseTransition
from goglobal.cases.tests.api_helpers import case_row_counts
from goglobal.cases.tests.helpers import CaseFactory
from goglobal.testing.pages import count_queries, login_redirect, text
from goglobal.testing.world import ROLES

pytestmark = [pytest.mark.django_db]

LISTED = {
    "admin": {"case_a", "case_a_private", "case_a_draft", "case_b", "case_b_other"},
    "programme_officer": {"case_a", "case_a_private", "case_a_draft", "case_b", "case_b_other"},
    "enterprise_rep": {"case_a", "case_a_private", "case_a_draft"},
    "mission_officer": {"case_a"},
    "advisory_member": {"case_a"},
    "partner_rep": set(),
}
CASES = ("case_a", "case_a_private", "case_a_draft", "case_b", "case_b_other")


@pytest.mark.parametrize("role", ROLES)
def test_pages_case_list_shows_what_the_role_may_see(case_world, client_for, role):
    response = client_for(role).get("/cases/")
    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"] == login_redirect("/cases/")
        return
    assert response.status_code == 200
    body = text(response)
    for name in CASES:
        link = f'href="/cases/{case_world.rows[name].pk}/"'
        assert (link in body) == (name in LISTED[role]), name


@pytest.mark.parametrize("role", [r for r in ROLES if r != "anonymous"])
def test_pages_case_detail_invisible_is_404(case_world, client_for, role):
    client = client_for(role)
    for name in CASES:
        status = client.get(f"/cases/{case_world.rows[name].pk}/").status_code
        assert status == (200 if name in LISTED[role] else 404), name


def test_pages_case_list_query_count_is_constant(case_world, client_for):
    client = client_for("admin")
    Case.objects.all().delete()
    CaseFactory(enterprise=case_world.ent_a, status="triage")
    one = count_queries(client, "/cases/")
    CaseFactory(enterprise=case_world.ent_b, status="triage")
    CaseFactory(enterprise=case_world.ent_d, status="triage")
    assert count_queries(client, "/cases/") == one


def _form(**overrides):
    data = {
        "title": "Giấy phép dữ liệu bị treo",
        "country": "DE",
        "category": "data_cyber",
        "description": "Cơ quan bảo vệ dữ liệu yêu cầu hồ sơ bổ sung.",
        "first_met_on": "15/09/2026",
        "impact_band": "10k_100k",
        "urgency": "medium",
        "share_with_mission": "on",
    }
    data.update(overrides)
    return data


def test_pages_enterprise_files_a_case_as_draft(case_world, client_for):
    client = client_for("enterprise_rep")
    assert client.get("/cases/new/").status_code == 200
    response = client.post("/cases/new/", _form(contact=case_world.contact_a.pk))
    case = Case.objects.latest("id")
    assert response.status_code == 302
    assert response["Location"] == f"/cases/{case.pk}/"
    assert (case.enterprise_id, case.status, case.country_id, case.contact_id) == (
        case_world.ent_a.pk,
        "draft",
        "DE",
        case_world.contact_a.pk,
    )


def test_pages_case_form_bad_input_is_shown_in_vietnamese(case_world, client_for):
    client = client_for("enterprise_rep")
    before = case_row_counts()
    response = client.post("/cases/new/", _form(first_met_on="01/01/2999", title=""))
    assert response.status_code == 200
    body = text(response)
    assert "Trường này là bắt buộc." in body
    assert case_row_counts() == before
    response = client.post("/cases/new/", _form(first_met_on="01/01/2999"))
    assert "Ngày gặp vướng mắc không thể ở tương lai." in text(response)
    assert case_row_counts() == before
    assert client.post("/cases/new/?enterprise=abc", _form()).status_code == 404


@pytest.mark.parametrize(
    ("role", "query", "status"),
    [
        ("mission_officer", "", 403),
        ("partner_rep", "", 403),
        ("enterprise_rep", "?enterprise={ent_b}", 403),
        ("enterprise_rep", "?enterprise={ent_c}", 404),
        ("admin", "?enterprise={ent_b}", 200),
    ],
)
def test_pages_who_may_file_a_case(case_world, client_for, role, query, status):
    url = "/cases/new/" + query.format(**{k: v.pk for k, v in case_world.rows.items()})
    assert client_for(role).get(url).status_code == status


def test_pages_edit_only_drafts(case_world, client_for):
    client = client_for("enterprise_rep")
    assert client.get(f"/cases/{case_world.case_a_draft.pk}/edit/").status_code == 200
    assert client.get(f"/cases/{case_world.case_a_private.pk}/edit/").status_code == 403
    response = client.post(f"/cases/{case_world.case_a_draft.pk}/edit/", _form(region="München"))
    assert response.status_code == 302
    case_world.case_a_draft.refresh_from_db()
    assert case_world.case_a_draft.region == "München"


def test_pages_move_submit_draft_and_log_it(case_world, client_for):
    client = client_for("enterprise_rep")
    case = case_world.case_a_draft
    detail = text(client.get(f"/cases/{case.pk}/"))
    assert 'value="submitted"' in detail
    response = client.post(
        f"/cases/{case.pk}/move/", {"to": "submitted", "expected_version": case.version}
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == "submitted"
    assert CaseTransition.objects.filter(case=case, to_status="submitted").count() == 1


def test_pages_move_stale_version_is_refused_and_writes_nothing(case_world, client_for):
    client = client_for("admin")
    case = case_world.case_a
    Case.objects.filter(pk=case.pk).update(version=3)
    before = case_row_counts()
    response = client.post(
        f"/cases/{case.pk}/move/",
        {"to": "resolved_full", "reason": "Xong", "expected_version": 2},
        follow=True,
    )
    assert "Tải lại" in text(response)
    assert case_row_counts() == before


def test_pages_move_missing_reason_is_a_vietnamese_field_error(case_world, client_for):
    client = client_for("advisory_member")
    case = case_world.case_a
    response = client.post(
        f"/cases/{case.pk}/move/", {"to": "resolved_full", "expected_version": case.version}
    )
    assert response.status_code == 422
    assert "Hãy nêu lý do của thay đổi này." in text(response)
    case.refresh_from_db()
    assert case.status == CaseStatus.IN_PROGRESS


def test_pages_move_not_allowed_is_403(case_world, client_for):
    # The mission officer sees case_a but does not handle it.
    response = client_for("mission_officer").post(
        f"/cases/{case_world.case_a.pk}/move/", {"to": "waiting", "expected_version": 0}
    )
    assert response.status_code == 403
    assert client_for("partner_rep").post(f"/cases/{case_world.case_a.pk}/move/").status_code == 404


def test_pages_triage_by_staff_only(case_world, client_for):
    case = case_world.case_b
    owner = case_world.users["advisory_member"]
    detail = text(client_for("admin").get(f"/cases/{case.pk}/"))
    assert 'id="duplicates"' in detail or "None found" in detail or "Không tìm thấy" in detail
    response = client_for("admin").post(
        f"/cases/{case.pk}/triage/", {"priority": "P1", "owner": owner.pk}
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.priority, case.owner_id) == ("P1", owner.pk)
    assert (
        client_for("enterprise_rep").post(f"/cases/{case_world.case_a.pk}/triage/").status_code
        == 403
    )


def test_pages_rate_a_closed_case(case_world, client_for):
    case = case_world.case_a
    Case.objects.filter(pk=case.pk).update(status="closed")
    client = client_for("enterprise_rep")
    assert 'name="rating"' in text(client.get(f"/cases/{case.pk}/"))
    response = client.post(f"/cases/{case.pk}/rate/", {"rating": "9"})
    assert response.status_code == 422
    response = client.post(f"/cases/{case.pk}/rate/", {"rating": "4", "comment": "Tốt"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.rating, case.rating_comment) == (4, "Tốt")


def test_pages_detail_shows_sla_clocks_for_submitted_cases(case_world, client_for):
    case = case_world.case_a_private
    CaseTransition.objects.create(case=case, from_status="draft", to_status="submitted")
    body = text(client_for("enterprise_rep").get(f"/cases/{case.pk}/"))
    assert 'id="sla"' in body


def test_pages_notifications_are_the_users_own(case_world, client_for):
    from goglobal.cases.models import Notification

    Notification.objects.create(
        recipient=case_world.users["advisory_member"], case=case_world.case_a, message="Nhắc việc A"
    )
    Notification.objects.create(
        recipient=case_world.users["admin"], case=case_world.case_a, message="Nhắc việc B"
    )
    body = text(client_for("advisory_member").get("/cases/notifications/"))
    assert "Nhắc việc A" in body and "Nhắc việc B" not in body
