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
