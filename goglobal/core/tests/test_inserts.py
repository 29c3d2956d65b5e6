"""Bulk inserts convert each distinct value once: the rows must read back as written."""

from decimal import Decimal

import pytest

from goglobal.core import inserts
from goglobal.enterprises.models import Enterprise

pytestmark = pytest.mark.django_db


def test_insert_instances_writes_each_value_and_one_moment():
    values = [
        (Decimal("51"), []),
        (Decimal("51.00"), ["FPT Software", "FPT"]),
        (None, []),
        (Decimal("75.5"), ["FPT Software", "FPT"]),
    ]
    enterprises = [
        Enterprise(
            name_vi=f"Công ty {n}",
            name_folded=f"cong ty {n}",
            tax_code=f"01001091{n:02d}",
            province_id=1,
            vn_ownership_pct=share,
            trading_names=names,
        )
        for n, (share, names) in enumerate(values)
    ]
    inserts.insert_instances(Enterprise, enterprises)
    stored = list(
        Enterprise.objects.filter(pk__in=[e.pk for e in enterprises])
        .order_by("tax_code")
        .values_list("vn_ownership_pct", "trading_names", "created_at", "updated_at")
    )
    assert [(share, names) for share, names, _c, _u in stored] == [
        (Decimal("51"), []),
        (Decimal("51"), ["FPT Software", "FPT"]),
        (None, []),
        (Decimal("75.5"), ["FPT Software", "FPT"]),
    ]
    moments = {moment for _s, _n, created, updated in stored for moment in (created, updated)}
    assert moments == {enterprises[0].created_at}


def test_update_writes_the_given_fields_of_each_instance_only():
    enterprises = [
        Enterprise(name_vi=f"Công ty {n}", name_folded=f"cong ty {n}", tax_code=f"01001092{n:02d}")
        for n in range(3)
    ]
    for enterprise in enterprises:
        enterprise.province_id = 1
    inserts.insert_instances(Enterprise, enterprises)
    first, second, _third = enterprises
    first.vn_ownership_pct, first.trading_names, first.province_id = Decimal("60.5"), ["A"], 24
    second.vn_ownership_pct, second.trading_names, second.province_id = None, [], 1
    for enterprise in (first, second):
        enterprise.name_vi = enterprise.name_vi + " (mới)"  # set, but not among the fields
    fields = [
        Enterprise._meta.get_field(name)
        for name in ("vn_ownership_pct", "trading_names", "province_id")
    ]
    inserts.update(Enterprise, fields, [first, second])
    stored = list(
        Enterprise.objects.filter(pk__in=[e.pk for e in enterprises])
        .order_by("tax_code")
        .values_list("name_vi", "vn_ownership_pct", "trading_names", "province_id")
    )
    assert stored == [
        ("Công ty 0", Decimal("60.5"), ["A"], 24),
        ("Công ty 1", None, [], 1),
        ("Công ty 2", None, [], 1),
    ]
