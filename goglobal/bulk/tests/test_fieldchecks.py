"""FieldChecks must say exactly what Model.clean_fields says, message for message, and leave
the instance with the same values."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from goglobal.bulk.fieldchecks import FieldChecks, quick_test
from goglobal.enterprises.enums import EnterpriseStatus
from goglobal.enterprises.models import Enterprise

VALUES = {
    "name_vi": ["Công ty Thử", "", "x" * 255, "x" * 256, "a\x00b", 5, None],
    "name_en": ["FPT", "", "y" * 256],
    "tax_code": ["0100109106", "01001091060011", ""],
    "founded_year": [2010, 0, 32767, 70000, -1, None, "2010"],
    "employee_band": ["11-50", "", "huge", "11-50 "],
    "vn_ownership_pct": [
        Decimal("60"),
        Decimal("75.5"),
        Decimal("100"),
        Decimal("100.001"),
        Decimal("150"),
        Decimal("-1"),
        Decimal("1E+3"),
        Decimal("NaN"),
        Decimal("Infinity"),
        60.5,
        None,
    ],
    "website": [
        "https://example.vn",
        "http://dn1.example.vn/path?q=1#top",
        "https://EXAMPLE.VN/Đà-Nẵng",
        "https://xn--d-kfa.vn",
        "https://đà.vn",
        "https://example.vn:8080/",
        "https://user:pw@example.vn",
        "http://127.0.0.1/",
        "http://[::1]/",
        "ftp://files.example.vn",
        "mailto:someone@example.vn",
        "not a web address",
        "https://-bad.vn",
        "https://example.v",
        "https://example.vn/" + "p" * 200,
        "https://example.vn/a b",
        "https://example.vn/\x00",
        "",
    ],
    "description_vi": ["", "mô tả", "x" * 10000, "x" * 10001],
    "status": [EnterpriseStatus.ACTIVE, "active", "dormant", "", "closed-forever"],
    "trading_names": [[], ["FPT Software"], ["a", 1], "text", None, {"a": 1}],
    "name_folded": ["", "cong ty", "z" * 256],
    "created_at": [None, timezone.now(), dt.datetime(2020, 1, 1), "2020-01-01"],
}


def _clean_fields(enterprise: Enterprise, exclude) -> dict:
    try:
        enterprise.clean_fields(exclude=exclude)
    except ValidationError as exc:
        return exc.message_dict
    return {}


def _enterprise(**values) -> Enterprise:
    enterprise = Enterprise(
        name_vi="Công ty Thử", name_folded="cong ty thu", tax_code="0100109106", province_id=1
    )
    for name, value in values.items():
        setattr(enterprise, name, value)
    return enterprise


@pytest.mark.parametrize("field", sorted(VALUES))
def test_fieldchecks_say_what_clean_fields_says(field):
    checks = FieldChecks(Enterprise)
    for value in VALUES[field]:
        by_django = _enterprise(**{field: value})
        expected = _clean_fields(by_django, {"province"})
        ours = _enterprise(**{field: value})
        assert checks.errors(ours, {"province"}) == expected, (field, value)
        attname = Enterprise._meta.get_field(field).attname
        # repr: NaN is not equal to itself, and 60 and 60.0 are equal but not the same value.
        assert repr(getattr(ours, attname)) == repr(getattr(by_django, attname)), (field, value)


def test_fieldchecks_skip_excluded_fields_and_report_several():
    checks = FieldChecks(Enterprise)
    enterprise = _enterprise(name_vi="x" * 300, website="nope", employee_band="huge")
    errors = checks.errors(enterprise, {"province", "website"})
    assert errors == _clean_fields(_enterprise(**{
        "name_vi": "x" * 300, "website": "nope", "employee_band": "huge"
    }), {"province", "website"})  # fmt: skip
    assert set(errors) == {"name_vi", "employee_band"}


def test_quick_tests_pass_common_values_and_leave_the_rest_to_django():
    # The quick path is what makes the checks cheap: the import's usual values must take it.
    field = Enterprise._meta.get_field
    assert quick_test(field("website"))("https://dn1.example.vn")
    assert not quick_test(field("website"))("https://example.vn:8080/")
    assert quick_test(field("vn_ownership_pct"))(Decimal("75.5"))
    assert not quick_test(field("vn_ownership_pct"))(Decimal("150"))
    assert quick_test(field("employee_band"))("11-50")
    assert not quick_test(field("employee_band"))("huge")
    assert quick_test(field("founded_year"))(2010)
    assert quick_test(field("status"))(EnterpriseStatus.ACTIVE)
    assert quick_test(field("province")) is None
