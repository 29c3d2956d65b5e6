"""Permission matrix of the public registry API: every role × enterprises, products and market
presence (list, detail, create, update), with cross-enterprise probes. The world is described in
goglobal/testing/world.py.

The status rules, the same on every endpoint:
- anonymous writes → 401, before the target or body is looked at;
- a record the caller may not see → 404 (its existence is not revealed);
- a record the caller sees but may not change → 403;
- lists return only what the caller may see, and `count` counts exactly that.
"""

import pytest

from goglobal.enterprises.models import Enterprise
from goglobal.testing.api import Case, call, client_as, expect, matrix, rows, run_case, write
from goglobal.testing.factories import valid_tax_code

pytestmark = pytest.mark.django_db

ACTIVE = ("a", "b", "d")
EVERY = ("a", "b", "c", "d")


def _named(prefix: str, keys: tuple[str, ...]) -> frozenset[str]:
    return rows(*(f"{prefix}_{key}" for key in keys))


def _records(noun: str, plural: str, create_body: dict, patch_body: dict, model: str) -> list:
    """The same eight probes for products and presence: they follow their enterprise."""
    return [
        Case(
            f"{noun}-list",
            "get",
            f"/{plural}",
            expect(staff=_named(noun, EVERY), others=_named(noun, ACTIVE)),
        ),
        Case(f"{noun}-detail-active", "get", f"/{plural}/{{{noun}_b}}", expect(others=200)),
        Case(
            f"{noun}-detail-inactive",
            "get",
            f"/{plural}/{{{noun}_c}}",
            expect(staff=200, others=404),
        ),
        Case(
            f"{noun}-create-own",
            "post",
            f"/enterprises/{{ent_a}}/{plural}",
            write(201, enterprise_rep=201),
            create_body,
            model,
        ),
        Case(
            f"{noun}-create-other",
            "post",
            f"/enterprises/{{ent_b}}/{plural}",
            write(201),
            create_body,
            model,
        ),
        Case(
            f"{noun}-update-own",
            "patch",
            f"/{plural}/{{{noun}_a}}",
            write(200, enterprise_rep=200),
            patch_body,
        ),
        Case(f"{noun}-update-other", "patch", f"/{plural}/{{{noun}_b}}", write(200), patch_body),
        Case(
            f"{noun}-update-inactive",
            "patch",
            f"/{plural}/{{{noun}_c}}",
            write(200, others=404),
            patch_body,
        ),
    ]


CASES = [
    Case(
        "enterprise-list",
        "get",
        "/enterprises",
        expect(staff=_named("ent", EVERY), others=_named("ent", ACTIVE)),
    ),
    Case("enterprise-detail-active", "get", "/enterprises/{ent_a}", expect(others=200)),
    Case(
        "enterprise-detail-inactive", "get", "/enterprises/{ent_c}", expect(staff=200, others=404)
    ),
    Case(
        "enterprise-create",
        "post",
        "/enterprises",
        write(201),
        {"name_vi": "Công ty Mới", "tax_code": valid_tax_code(900_001), "province": 1},
        "enterprises.Enterprise",
    ),
    Case(
        "enterprise-update-own",
        "patch",
        "/enterprises/{ent_a}",
        write(200, enterprise_rep=200),
        {"name_en": "Renamed JSC"},
    ),
    Case("enterprise-update-other", "patch", "/enterprises/{ent_b}", write(200), {"name_en": "X"}),
    Case(
        "enterprise-update-inactive",
        "patch",
        "/enterprises/{ent_c}",
        write(200, others=404),
        {"name_en": "X"},
    ),
    # A representative edits their enterprise but not its status.
    Case("enterprise-status", "patch", "/enterprises/{ent_a}", write(200), {"status": "inactive"}),
    Case(
        "mission-enterprises",
        "get",
        "/missions/{mission_jp}/enterprises",
        expect(staff=rows("ent_a", "ent_c"), others=rows("ent_a")),
    ),
    *_records(
        "product",
        "products",
        {"name_vi": "Sản phẩm mới", "target_markets": ["JP"]},
        {"make_in_vietnam": True},
        "enterprises.Product",
    ),
    *_records(
        "presence",
        "presence",
        {"country": "SG", "mode": "exploring"},
        {"staff_abroad": 9},
        "enterprises.MarketPresence",
    ),
    *(
        Case(
            f"presence-delete-{label}",
            "delete",
            f"/presence/{{presence_{key}}}",
            expected,
            deletes="enterprises.MarketPresence",
        )
        for label, key, expected in (
            ("own", "a", write(204, enterprise_rep=204)),
            ("other", "b", write(204)),
            ("inactive", "c", write(204, others=404)),
        )
    ),
]


@pytest.mark.parametrize(("case", "role"), matrix(CASES))
def test_registry_api_permission_matrix(case, role, shared_world):
    run_case(case, role, shared_world, client_as(shared_world, role))


def test_enterprise_rep_update_changes_only_their_enterprise(shared_world):
    world = shared_world
    client = client_as(world, "enterprise_rep")
    status, body = call(client, "patch", f"/enterprises/{world.ent_a.pk}", {"name_en": "A Ltd"})
    assert status == 200
    assert body["name_en"] == "A Ltd"
    assert Enterprise.objects.filter(name_en="A Ltd").count() == 1
    status, _body = call(client, "patch", f"/enterprises/{world.ent_b.pk}", {"name_en": "B Ltd"})
    assert status == 403
    assert not Enterprise.objects.filter(name_en="B Ltd").exists()


def test_enterprise_rep_sees_own_inactive_enterprise_but_not_others(shared_world):
    world = shared_world
    Enterprise.objects.filter(pk=world.ent_a.pk).update(status="inactive")
    client = client_as(world, "enterprise_rep")
    _status, body = call(client, "get", "/enterprises")
    assert {item["id"] for item in body["items"]} == world.ids("ent_a", "ent_b", "ent_d")
    assert body["count"] == 3
    assert call(client, "get", f"/products/{world.product_a.pk}")[0] == 200
    assert call(client, "get", f"/products/{world.product_c.pk}")[0] == 404


def test_enterprise_list_filters_by_country_of_presence_and_mode(shared_world):
    world = shared_world
    client = client_as(world, "anonymous")
    _status, body = call(client, "get", "/enterprises?country=jp&mode=project_exports")
    assert [item["id"] for item in body["items"]] == [world.ent_a.pk]
    assert body["count"] == 1
    _status, body = call(client, "get", "/enterprises?country=JP&mode=branch")
    assert body == {"items": [], "count": 0, "page": 1, "page_size": 50, "pages": 0}
