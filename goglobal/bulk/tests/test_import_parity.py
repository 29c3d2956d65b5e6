"""The bulk path must refuse what enterprise_create refuses, and accept what it accepts."""

import pytest
from django.core.exceptions import ValidationError

from goglobal.accounts.models import Role
from goglobal.bulk.services import import_file
from goglobal.bulk.tests.helpers import csv_bytes, valid_tax_code
from goglobal.enterprises import services
from goglobal.enterprises.models import Enterprise
from goglobal.testing.factories import user_with_role

pytestmark = pytest.mark.django_db

HEADERS = [
    "Tax code",
    "Legal name (Vietnamese)",
    "Province",
    "Founding year",
    "Website",
    "Vietnamese ownership (%)",
    "Trading names",
    "Sectors",
    "Description (Vietnamese)",
    "Employees",
]
GOOD = {
    "tax_code": "",
    "name_vi": "Công ty Thử",
    "province": "1",
    "founded_year": "2010",
    "website": "https://example.vn",
    "vn_ownership_pct": "60",
    "trading_names": "",
    "sectors": "",
    "description_vi": "",
    "employee_band": "11-50",
}
BAD = [
    {"name_vi": "x" * 256},
    {"founded_year": "2999"},
    {"founded_year": "1850"},
    {"website": "not a web address"},
    {"vn_ownership_pct": "150"},
    {"trading_names": ";".join(f"T{n}" for n in range(11))},
    {"sectors": "no-such-sector"},
    {"province": "99"},
    {"tax_code": "0100109107"},
    {"description_vi": "x" * 10001},
    {"employee_band": "huge"},
]


def _service_data(values: dict) -> dict:
    data = {key: value for key, value in values.items() if value != ""}
    if "founded_year" in data:
        data["founded_year"] = int(data["founded_year"])
    if "trading_names" in data:
        data["trading_names"] = data["trading_names"].split(";")
    if "sectors" in data:
        data["sectors"] = [data["sectors"]]
    return data


@pytest.mark.parametrize("change", BAD, ids=[next(iter(c)) for c in BAD])
def test_bulk_path_refuses_what_the_service_refuses(fast_hashers, change):
    officer = user_with_role(Role.PROGRAMME_OFFICER)
    values = {**GOOD, "tax_code": valid_tax_code(1), **change}
    with pytest.raises(ValidationError):
        services.enterprise_create(actor=officer, data=_service_data(values))
    row = [values[key] for key in GOOD]
    report = import_file(
        actor=officer, kind="enterprises", data=csv_bytes([row], HEADERS), dry_run=False
    )
    assert report.counts()["error"] == 1
    assert not Enterprise.objects.exists()


def test_bulk_path_accepts_what_the_service_accepts(fast_hashers):
    officer = user_with_role(Role.PROGRAMME_OFFICER)
    values = {**GOOD, "tax_code": valid_tax_code(1)}
    services.enterprise_create(actor=officer, data=_service_data(values))
    by_service = Enterprise.objects.values(*[k for k in GOOD if k not in ("sectors", "province")])
    by_service = {k: v for k, v in by_service.get().items()}
    Enterprise.objects.all().delete()
    row = [values[key] for key in GOOD]
    report = import_file(
        actor=officer, kind="enterprises", data=csv_bytes([row], HEADERS), dry_run=False
    )
    assert report.committed
    by_import = Enterprise.objects.values(*by_service).get()
    assert by_import == by_service
