"""Permission matrix of foreign organisations: visible to every signed-in user and to no
anonymous caller (an empty list, 404 on a record); created by staff, or by a mission officer for
a country of its jurisdiction; edited by staff, that mission officer, or the organisation's own
partner_rep. Status rules as in goglobal/enterprises/tests/test_api_permissions.py."""

import pytest

from goglobal.partners.models import ForeignOrganisation
from goglobal.testing.api import Case, call, client_as, expect, matrix, rows, run_case, write

pytestmark = pytest.mark.django_db

JP_ORG = {"name": "Tokyo Digital KK", "kind": "company", "country": "JP", "sectors": ["ai"]}

CASES = [
    Case(
        "organisation-list",
        "get",
        "/foreign-organisations",
        expect(signed_in=rows("org_gb", "org_jp"), others=rows()),
    ),
    Case(
        "organisation-detail",
        "get",
        "/foreign-organisations/{org_gb}",
        expect(signed_in=200, others=404),
    ),
    Case(
        "organisation-create-in-jurisdiction",
        "post",
        "/foreign-organisations",
        write(201, mission_officer=201),
        JP_ORG,
        "partners.ForeignOrganisation",
    ),
    Case(
        "organisation-create-outside-jurisdiction",
        "post",
        "/foreign-organisations",
        write(201),
        {**JP_ORG, "country": "GB"},
        "partners.ForeignOrganisation",
    ),
    Case(
        "organisation-update-own",
        "patch",
        "/foreign-organisations/{org_gb}",
        write(200, partner_rep=200),
        {"city": "London"},
    ),
    Case(
        "organisation-update-in-jurisdiction",
        "patch",
        "/foreign-organisations/{org_jp}",
        write(200, mission_officer=200),
        {"city": "Osaka"},
    ),
    # The Tokyo mission may not move an organisation out of its jurisdiction.
    Case(
        "organisation-move-out-of-jurisdiction",
        "patch",
        "/foreign-organisations/{org_jp}",
        write(200),
        {"country": "DE"},
    ),
]


@pytest.mark.parametrize(("case", "role"), matrix(CASES))
def test_foreign_organisation_api_permission_matrix(case, role, shared_world):
    run_case(case, role, shared_world, client_as(shared_world, role))


def test_foreign_organisation_create_returns_the_record(shared_world):
    status, body = call(
        client_as(shared_world, "mission_officer"), "post", "/foreign-organisations", JP_ORG
    )
    assert status == 201
    organisation = ForeignOrganisation.objects.get(pk=body["id"])
    assert body == {
        "id": organisation.pk,
        "name": "Tokyo Digital KK",
        "name_vi": "",
        "kind": "company",
        "country": {"code": "JP", "name_vi": "Nhật Bản", "name_en": "Japan"},
        "city": "",
        "sectors": [
            {
                "code": "ai",
                "name_vi": body["sectors"][0]["name_vi"],
                "name_en": body["sectors"][0]["name_en"],
            }
        ],
        "website": "",
        "description": "",
    }
    assert organisation.history.get().history_user == shared_world.users["mission_officer"]


def test_foreign_organisation_search_matches_names_as_written(shared_world):
    client = client_as(shared_world, "advisory_member")
    ForeignOrganisation.objects.filter(pk=shared_world.org_jp.pk).update(name="Société Générale")
    _status, body = call(client, "get", "/foreign-organisations?q=soci%C3%A9t%C3%A9")
    assert [item["id"] for item in body["items"]] == [shared_world.org_jp.pk]
    assert body["count"] == 1
