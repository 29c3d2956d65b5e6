"""Anonymised publication: consent first, two different people approve and publish, never the
enterprise, hidden where fewer than three enterprises share the country and category."""

import pytest

from goglobal.cases.models import Case, PublicSummary
from goglobal.cases.tests.helpers import CaseFactory
from goglobal.reference.models import Country
from goglobal.testing.api import call

pytestmark = [pytest.mark.django_db]


@pytest.fixture
def staff(world, client_for):
    return client_for("admin"), client_for("programme_officer")


def _published(approver, publisher, **case_fields) -> Case:
    case = CaseFactory(status="resolved_full", publish_summary=True, **case_fields)
    status, summary = call(
        approver,
        "post",
        f"/cases/{case.pk}/summary",
        {"text": "Doanh nghiệp phần mềm gặp khó khăn về thị thực; đã được giải quyết."},
    )
    assert status == 201, summary
    assert call(approver, "post", f"/summaries/{summary['id']}/approve")[0] == 200
    status, body = call(publisher, "post", f"/summaries/{summary['id']}/publish")
    assert (status, body["published"]) == (200, True)
    return case


def test_publication_needs_consent(world, staff):
    case = CaseFactory(status="resolved_full", publish_summary=False)
    status, body = call(staff[0], "post", f"/cases/{case.pk}/summary", {"text": "x"})
    assert status == 409
    assert PublicSummary.objects.count() == 0


def test_publication_by_two_different_people(world, staff):
    admin, officer = staff
    case = CaseFactory(status="closed", publish_summary=True)
    _s, summary = call(admin, "post", f"/cases/{case.pk}/summary", {"text": "Tóm tắt"})
    path = f"/summaries/{summary['id']}"
    assert call(officer, "post", path + "/publish")[0] == 409  # not approved yet
    assert call(admin, "post", path + "/approve")[0] == 200
    status, body = call(admin, "post", path + "/publish")
    assert status == 403
    assert body["detail"]
    assert PublicSummary.objects.get().published_at is None
    assert call(officer, "post", path + "/publish")[0] == 200
    saved = PublicSummary.objects.get()
    assert (saved.approved_by_id, saved.published_by_id) == (
        world.users["admin"].pk,
        world.users["programme_officer"].pk,
    )


@pytest.mark.parametrize(
    "role", ["advisory_member", "mission_officer", "enterprise_rep", "partner_rep"]
)
def test_publication_is_refused_to_non_staff(world, client_for, role):
    case = CaseFactory(
        enterprise=world.ent_a,
        status="in_progress",
        publish_summary=True,
        owning_agency=world.agency,
    )
    status, _b = call(client_for(role), "post", f"/cases/{case.pk}/summary", {"text": "x"})
    assert status in (403, 404)
    assert status == (
        403 if role in ("advisory_member", "mission_officer", "enterprise_rep") else 404
    )
    assert PublicSummary.objects.count() == 0


def test_public_list_hides_small_groups_and_never_names_the_enterprise(world, staff, client_for):
    admin, officer = staff
    de = Country.objects.get(code="DE")
    for _ in range(2):
        _published(admin, officer, country=de, category="tax")
    anonymous = client_for("anonymous")
    status, body = call(anonymous, "get", "/public/case-summaries")
    assert (status, body["count"]) == (200, 0)  # two enterprises: too few
    _published(admin, officer, country=de, category="tax")
    status, body = call(anonymous, "get", "/public/case-summaries")
    assert body["count"] == 3
    assert set(body["items"][0]) == {"country", "category", "sector", "status", "year", "text"}
    assert {(item["country"], item["category"]) for item in body["items"]} == {("DE", "tax")}
    # One enterprise withdraws its consent: the group falls below three and disappears.
    Case.objects.filter(pk=PublicSummary.objects.first().case_id).update(publish_summary=False)
    assert call(anonymous, "get", "/public/case-summaries")[1]["count"] == 0


def test_public_list_query_count_is_constant(world, staff, client_for):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    admin, officer = staff
    for _ in range(3):
        _published(admin, officer, category="tax")
    anonymous = client_for("anonymous")
    with CaptureQueriesContext(connection) as three:
        assert anonymous.get("/api/v1/public/case-summaries").json()["count"] == 3
    for _ in range(3):
        _published(admin, officer, category="procurement")
    with CaptureQueriesContext(connection) as six:
        assert anonymous.get("/api/v1/public/case-summaries").json()["count"] == 6
    # One query per country-and-category group is not allowed: the same count either way.
    assert len(six) == len(three)
