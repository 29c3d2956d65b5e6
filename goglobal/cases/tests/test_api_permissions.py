# ruff: noqa: E501
"""Permission matrix of the cases API (world: goglobal/cases/tests/helpers.py). Invisible → 404,
visible but not allowed → 403, anonymous writes → 401; a refused request writes nothing."""

import pytest

from goglobal.cases.tests.api_helpers import case_row_counts, request
from goglobal.cases.tests.helpers import case_payload
from goglobal.testing.api import expect, rows, write
from goglobal.testing.world import ROLES

pytestmark = pytest.mark.django_db

EVERY = rows("case_a", "case_a_private", "case_a_draft", "case_b", "case_b_other")
NONE = rows()

LISTS = {
    "admin": EVERY,
    "programme_officer": EVERY,
    "enterprise_rep": rows("case_a", "case_a_private", "case_a_draft"),
    "mission_officer": rows("case_a"),
    "advisory_member": rows("case_a"),
    "partner_rep": NONE,
    "anonymous": NONE,
}

MATRIX = [
    (
        "detail-shared-jp",
        "get",
        "/cases/{case_a}",
        None,
        expect(staff=200, enterprise_rep=200, mission_officer=200, advisory_member=200, others=404),
    ),
    (
        "detail-not-shared",
        "get",
        "/cases/{case_a_private}",
        None,
        expect(staff=200, enterprise_rep=200, others=404),
    ),
    (
        "detail-draft",
        "get",
        "/cases/{case_a_draft}",
        None,
        expect(staff=200, enterprise_rep=200, others=404),
    ),
    ("detail-germany", "get", "/cases/{case_b}", None, expect(staff=200, others=404)),
    ("detail-other-agency", "get", "/cases/{case_b_other}", None, expect(staff=200, others=404)),
    (
        "create-own",
        "post",
        "/enterprises/{ent_a}/cases",
        case_payload(),
        write(201, enterprise_rep=201),
    ),
    ("create-other", "post", "/enterprises/{ent_b}/cases", case_payload(), write(201)),
    (
        "edit-draft",
        "patch",
        "/cases/{case_a_draft}",
        {"region": "Osaka"},
        write(200, enterprise_rep=200, others=404),
    ),
    (
        "edit-submitted",
        "patch",
        "/cases/{case_a_private}",
        {"region": "Osaka"},
        write(409, enterprise_rep=409, others=404),
    ),
    (
        "submit-draft",
        "post",
        "/cases/{case_a_draft}/transitions",
        {"to": "submitted"},
        write(200, enterprise_rep=200, others=404),
    ),
    (
        "wait-on-enterprise",
        "post",
        "/cases/{case_a}/transitions",
        {"to": "waiting", "waiting_on": "enterprise", "reason": "Xin gửi thư từ chối."},
        write(200, advisory_member=200, enterprise_rep=403, mission_officer=403, partner_rep=404),
    ),
    (
        "acknowledge",
        "post",
        "/cases/{case_a_private}/transitions",
        {"to": "triage"},
        write(200, enterprise_rep=403, others=404),
    ),
    (
        "illegal-move",
        "post",
        "/cases/{case_a}/transitions",
        {"to": "draft"},
        write(409, enterprise_rep=409, mission_officer=409, advisory_member=409, partner_rep=404),
    ),
    ("triage", "post", "/cases/{case_b}/triage", {"priority": "P1"}, write(200, others=404)),
    (
        "triage-visible",
        "post",
        "/cases/{case_a}/triage",
        {"priority": "P1"},
        write(200, enterprise_rep=403, mission_officer=403, advisory_member=403, partner_rep=404),
    ),
    (
        "rate-open-case",
        "post",
        "/cases/{case_a}/rating",
        {"rating": 5},
        write(403, enterprise_rep=409, mission_officer=403, advisory_member=403, partner_rep=404),
    ),
    (
        "duplicates",
        "get",
        "/cases/{case_a}/duplicates",
        None,
        expect(
            staff=200,
            enterprise_rep=403,
            mission_officer=403,
            advisory_member=403,
            others=404,
        ),
    ),
    ("transitions-log", "get", "/cases/{case_b}/transitions", None, expect(staff=200, others=404)),
]


@pytest.mark.parametrize("role", ROLES)
def test_case_list_returns_exactly_what_the_role_may_see(shared_case_world, role):
    world = shared_case_world
    status, body = request(world, role, "get", "/cases")
    assert status == 200, body
    assert {item["id"] for item in body["items"]} == world.ids(*LISTS[role])
    assert body["count"] == len(LISTS[role])


@pytest.mark.parametrize(
    ("name", "method", "path", "body", "expected", "role"),
    [(*case, role) for case in MATRIX for role in ROLES],
    ids=[f"{case[0]}-{role}" for case in MATRIX for role in ROLES],
)
def test_case_api_permission_matrix(shared_case_world, name, method, path, body, expected, role):
    world = shared_case_world
    before = case_row_counts()
    status, payload = request(world, role, method, path, body)
    assert status == expected[role], payload
    if status >= 400:
        assert payload["detail"]
        assert case_row_counts() == before
    elif method == "post" and status == 201:
        assert case_row_counts()["cases.Case"] == before["cases.Case"] + 1
        assert payload["status"] == "draft"


def test_case_list_mission_with_two_countries_sees_germany_shared_only(shared_case_world):
    world = shared_case_world
    from django.test import Client

    from goglobal.testing.api import call

    client = Client()
    client.force_login(world.users["mission_multi"])
    status, body = call(client, "get", "/cases")
    assert status == 200
    assert {item["id"] for item in body["items"]} == world.ids("case_b")


def test_case_list_filters_by_status_country_and_category(shared_case_world):
    world = shared_case_world
    status, body = request(world, "admin", "get", "/cases?status=triage&country=de")
    assert (status, [item["id"] for item in body["items"]]) == (200, [world.case_b.pk])
    status, body = request(world, "admin", "get", "/cases?category=tax")
    assert (status, body["count"]) == (200, 0)
    status, body = request(world, "admin", "get", "/cases?status=flying")
    assert status == 422
    assert {error["field"] for error in body["errors"]} == {"status"}
