"""Products, presence and declarations: through the services, upserted by their natural keys."""

import pytest

from goglobal.accounts.models import Role
from goglobal.bulk.services import import_file
from goglobal.bulk.tests.helpers import csv_bytes, valid_tax_code
from goglobal.enterprises.enums import DeclarationStatus
from goglobal.enterprises.models import Declaration, MarketPresence, Product
from goglobal.testing.api import row_counts
from goglobal.testing.factories import (
    DeclarationFactory,
    EnterpriseFactory,
    PresenceFactory,
    ProductFactory,
    user_with_role,
)

pytestmark = pytest.mark.django_db
_numbers = iter(range(100, 200))


def _enterprise():
    # Our own valid codes: the factory's sequence can produce an 11-digit one.
    return EnterpriseFactory(tax_code=valid_tax_code(next(_numbers)))


@pytest.fixture
def officer(fast_hashers):
    return user_with_role(Role.PROGRAMME_OFFICER)


def test_import_products_creates_and_updates_by_name(officer):
    enterprise = _enterprise()
    kept = ProductFactory(enterprise=enterprise, name_vi="Nền tảng Hóa đơn", make_in_vietnam=False)
    data = csv_bytes(
        [
            [enterprise.tax_code, "nen tang hoa don", "yes", "JP; Hàn Quốc"],
            [enterprise.tax_code, "Ứng dụng Mới", "không", ""],
        ],
        ["Mã số thuế", "Tên sản phẩm", "Make in Viet Nam", "Thị trường mục tiêu"],
    )
    dry = import_file(actor=officer, kind="products", data=data, dry_run=True)
    assert [(r["row"], r["action"]) for r in dry.as_dict()["rows"]] == [
        (2, "update"),
        (3, "create"),
    ]
    assert Product.objects.count() == 1
    report = import_file(actor=officer, kind="products", data=data, dry_run=False)
    assert report.committed, report.as_dict()
    kept.refresh_from_db()
    assert kept.make_in_vietnam is True
    assert sorted(kept.target_markets.values_list("code", flat=True)) == ["JP", "KR"]
    assert kept.history.first().history_user_id == officer.pk
    assert Product.objects.filter(enterprise=enterprise, name_vi="Ứng dụng Mới").exists()


def test_import_products_refuses_an_unknown_enterprise_and_writes_nothing(officer):
    enterprise = _enterprise()
    data = csv_bytes(
        [[enterprise.tax_code, "Sản phẩm A"], ["0100109106", "Sản phẩm B"]],
        ["Tax code", "Product name (Vietnamese)"],
    )
    before = row_counts()
    report = import_file(actor=officer, kind="products", data=data, dry_run=False)
    assert not report.committed
    assert row_counts() == before
    errors = [(r["row"], r["errors"][0]["column"]) for r in report.as_dict()["rows"] if r["errors"]]
    assert errors == [(3, "Tax code")]


def test_import_presence_upserts_by_country_and_mode(officer):
    enterprise = _enterprise()
    existing = PresenceFactory(enterprise=enterprise, staff_abroad=1)
    data = csv_bytes(
        [
            [enterprise.tax_code, "JP", "Project exports", "12"],
            [enterprise.tax_code, "Singapore", "Văn phòng đại diện", "3"],
        ],
        ["Tax code", "Country", "Mode", "Staff abroad"],
    )
    report = import_file(actor=officer, kind="presence", data=data, dry_run=False)
    assert report.committed, report.as_dict()
    existing.refresh_from_db()
    assert existing.staff_abroad == 12
    assert MarketPresence.objects.filter(
        enterprise=enterprise, country_id="SG", mode="representative_office"
    ).exists()


def test_import_declarations_refuses_what_the_service_refuses(officer):
    enterprise = _enterprise()
    headers = ["Tax code", "Year", "Currency", "Exchange rate", "Total revenue", "Overseas revenue"]
    data = csv_bytes([[enterprise.tax_code, "2023", "USD", "1", "100", "500"]], headers)
    report = import_file(actor=officer, kind="declarations", data=data, dry_run=False)
    assert not report.committed
    row = report.as_dict()["rows"][0]
    assert row["errors"] == [
        {"column": "Overseas revenue", "message": "Overseas revenue cannot exceed total revenue."}
    ]
    assert not Declaration.objects.exists()


def test_import_declarations_creates_and_refuses_a_submitted_one(officer):
    enterprise = _enterprise()
    other = _enterprise()
    DeclarationFactory(enterprise=other, year=2023, status=DeclarationStatus.SUBMITTED)
    headers = [
        "Tax code",
        "Year",
        "Currency",
        "Exchange rate",
        "Total revenue",
        "Overseas revenue",
        "Revenue by country",
    ]
    good = [enterprise.tax_code, "2023", "VND", "25 000", "1.000.000", "400000", "JP: 300.000,00"]
    report = import_file(
        actor=officer, kind="declarations", data=csv_bytes([good], headers), dry_run=False
    )
    assert report.committed, report.as_dict()
    declaration = Declaration.objects.get(enterprise=enterprise)
    assert (declaration.total_revenue, declaration.exchange_rate) == (1_000_000, 25_000)
    assert list(declaration.countries.values_list("country_id", "revenue")) == [("JP", 300_000)]
    locked = [other.tax_code, "2023", "USD", "1", "10", "5", ""]
    refused = import_file(
        actor=officer, kind="declarations", data=csv_bytes([locked], headers), dry_run=False
    )
    assert not refused.committed
    assert "draft or returned" in refused.as_dict()["rows"][0]["errors"][0]["message"]
