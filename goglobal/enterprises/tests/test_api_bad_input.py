"""Bad input to the public registry (enterprises, products, presence, missions, foreign
organisations) and to query strings and paths is refused with a 4xx naming the fields at fault,
and nothing is written: no row and no history record in any registry table. Text is stored
exactly as sent — HTML included — because escaping is the pages' job."""

import pytest
from django.utils import timezone

from goglobal.enterprises.models import Product
from goglobal.testing.api import assert_refused, call, client_as, row_counts
from goglobal.testing.factories import valid_tax_code

pytestmark = pytest.mark.django_db

NEXT_YEAR = timezone.localdate().year + 1
A = "/enterprises/{ent_a.pk}"


def _enterprise(**fields) -> dict:
    return {"name_vi": "Công ty Mới", "tax_code": valid_tax_code(800_001), "province": 1} | fields


def bad(name, method, path, body, fields, status=422):
    return pytest.param(method, path, body, status, fields, id=name)


# fmt: off
BAD_REQUESTS = [
    bad("tax-check-digit", "post", "/enterprises", _enterprise(tax_code="0100109107"), {"tax_code"}),
    bad("tax-length", "post", "/enterprises", _enterprise(tax_code="010010910"), {"tax_code"}),
    bad("tax-letters", "post", "/enterprises", _enterprise(tax_code="01001O9106"), {"tax_code"}),
    bad("tax-branch-letters", "post", "/enterprises", _enterprise(tax_code="0100109106-0A1"), {"tax_code"}),
    bad("tax-duplicate", "post", "/enterprises", _enterprise(tax_code="{ent_a.tax_code}"), {"tax_code"}),
    bad("tax-duplicate-on-update", "patch", "/enterprises/{ent_b.pk}", {"tax_code": "{ent_a.tax_code}"}, {"tax_code"}),
    bad("founded-future", "post", "/enterprises", _enterprise(founded_year=NEXT_YEAR), {"founded_year"}),
    bad("ownership-over-100", "post", "/enterprises", _enterprise(vn_ownership_pct="150"), {"vn_ownership_pct"}),
    bad("unknown-province", "post", "/enterprises", _enterprise(province=9999), {"province"}),
    bad("unknown-sector", "post", "/enterprises", _enterprise(sectors=["quantum"]), {"sectors"}),
    bad("oversized-name", "post", "/enterprises", _enterprise(name_vi="x" * 256), {"name_vi"}),
    bad("oversized-description", "patch", A, {"description_vi": "x" * 10_001}, {"description_vi"}),
    bad("blank-name", "patch", A, {"name_vi": "   "}, {"name_vi"}),
    bad("null-name", "patch", A, {"name_vi": None}, {"name_vi"}),
    bad("unknown-field", "post", "/enterprises", _enterprise(revenue=1), {"revenue"}),
    bad("nul-character", "patch", A, {"name_en": "A\x00B"}, {"name_en"}),
    bad("nul-in-list", "patch", A, {"trading_names": ["A\x00"]}, {"trading_names"}),
    bad("lone-surrogate", "patch", A, '{"name_en": "\\ud800"}', {"name_en"}),
    bad("script-url", "patch", A, {"website": "javascript:alert(1)"}, {"website"}),
    bad("malformed-json", "patch", A, '{"name_en": ', set(), status=400),
    bad("not-an-object", "patch", A, "[1, 2]", {"body"}),
    bad("not-a-number", "patch", A, '{"vn_ownership_pct": NaN}', {"vn_ownership_pct"}),
    bad("status-unknown", "patch", A, {"status": "deleted"}, {"status"}),
    bad("unknown-presence-country", "post", f"{A}/presence", {"country": "ZZ", "mode": "branch"}, {"country"}),
    bad("presence-since-future", "post", f"{A}/presence", {"country": "SG", "mode": "branch", "since": f"{NEXT_YEAR}-01-01"}, {"since"}),
    bad("presence-duplicate", "post", f"{A}/presence", {"country": "JP", "mode": "project_exports"}, {"mode"}),
    bad("presence-staff-negative", "patch", "/presence/{presence_a.pk}", {"staff_abroad": -1}, {"staff_abroad"}),
    bad("unknown-target-market", "post", f"{A}/products", {"name_vi": "P", "target_markets": ["ZZ"]}, {"target_markets"}),
    bad("mission-intl-org-for-embassy", "patch", "/missions/{mission_jp.pk}", {"international_organisation": "UNESCO"}, {"non_field"}),
    bad("mission-unknown-country", "patch", "/missions/{mission_jp.pk}", {"jurisdiction": ["JP", "ZZ"]}, {"jurisdiction"}),
    bad("organisation-unknown-kind", "post", "/foreign-organisations", {"name": "X", "kind": "club", "country": "JP"}, {"kind"}),
    bad("page-size-over-max", "get", "/enterprises?page_size=201", None, {"page_size"}),
    bad("page-zero", "get", "/products?page=0", None, {"page"}),
    bad("id-beyond-int", "get", "/enterprises/2147483648", None, {"enterprise_id"}),
    bad("id-negative", "patch", "/products/-1", {"name_en": "x"}, {"product_id"}),
    bad("filter-id-beyond-int", "get", "/contacts?enterprise=99999999999", None, {"enterprise"}),
    bad("search-nul", "get", "/enterprises?q=a%00b", None, {"q"}),
    bad("country-filter-not-a-code", "get", "/presence?country=1%00", None, {"country"}),
]
# fmt: on


@pytest.mark.parametrize(("method", "path", "body", "status", "fields"), BAD_REQUESTS)
def test_registry_api_refuses_bad_input_and_writes_nothing(
    shared_world, method, path, body, status, fields
):
    assert_refused(shared_world, "programme_officer", method, path, body, status, fields)


def test_api_refuses_oversized_body_with_413(shared_world):
    world = shared_world
    before = row_counts()
    status, body = call(
        client_as(world, "programme_officer"),
        "patch",
        f"/enterprises/{world.ent_a.pk}",
        {"description_vi": "x" * 6_000_000},
    )
    assert status == 413
    assert body["detail"]
    assert row_counts() == before


def test_api_stores_html_verbatim(shared_world):
    world = shared_world
    text = '<script>alert("x")</script><b onmouseover=alert(1)>Sản phẩm</b> & "quotes"'
    status, body = call(
        client_as(world, "enterprise_rep"),
        "post",
        f"/enterprises/{world.ent_a.pk}/products",
        {"name_vi": text, "description_en": text},
    )
    assert status == 201
    assert (body["name_vi"], body["description_en"]) == (text, text)
    product = Product.objects.get(pk=body["id"])
    assert (product.name_vi, product.description_en) == (text, text)


def test_api_accepts_branch_tax_code_with_dash(shared_world):
    status, body = call(
        client_as(shared_world, "admin"),
        "post",
        "/enterprises",
        _enterprise(tax_code="0100109106-001"),
    )
    assert status == 201, body
    assert body["tax_code"] == "0100109106001"
