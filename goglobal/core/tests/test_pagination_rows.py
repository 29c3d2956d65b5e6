"""The API's row pages: both plans (ordering index, or sorting the matches) give the same rows
in the same order, and rows carry what the list schema needs."""

import pytest
from django.contrib.auth.models import AnonymousUser

from goglobal.core.pagination import Rows
from goglobal.enterprises import selectors
from goglobal.enterprises.models import Enterprise
from goglobal.reference.models import Sector
from goglobal.testing import factories as f

pytestmark = pytest.mark.django_db

NAMES = ["Đông Á", "dong a", "An Phát", "Bình Minh", "Ánh Dương", "Zeta", "Cát Tường", "an phat"]


def _pages(sort_matches_below: int, filters=None, page_size: int = 3) -> list[list[int]]:
    filters = filters or selectors.EnterpriseFilters()
    user = AnonymousUser()
    rows = Rows(
        selectors.enterprise_list_for_user(user, filters),
        selectors.ENTERPRISE_ROW_FIELDS,
        selectors.enterprise_rows_finish,
        many_matches=lambda: selectors.enterprise_list_for_user(user, filters, many_matches=True),
        sort_matches_below=sort_matches_below,
    )
    count = rows.count()
    return [
        [row["id"] for row in rows[start : start + page_size]]
        for start in range(0, count, page_size)
    ]


def test_every_plan_gives_the_same_pages_in_name_order():
    sector, other = Sector.objects.order_by("code")[:2]
    for index, name in enumerate(NAMES):
        enterprise = f.EnterpriseFactory(name_vi=name)
        enterprise.sectors.set([sector] if index % 3 else [other])
    by_index = _pages(sort_matches_below=0)
    by_sorting = _pages(sort_matches_below=10_000)
    assert by_index == by_sorting
    flat = [pk for page in by_index for pk in page]
    expected = list(Enterprise.objects.order_by("name_folded", "id").values_list("pk", flat=True))
    assert flat == expected
    assert len(by_index) == 3

    in_sector = selectors.EnterpriseFilters(sector=sector.code)
    walked = _pages(sort_matches_below=0, filters=in_sector)  # the EXISTS form
    sorted_ = _pages(sort_matches_below=10_000, filters=in_sector)  # the join, sorted
    assert walked == sorted_
    expected = list(
        Enterprise.objects.filter(sectors=sector)
        .order_by("name_folded", "id")
        .values_list("pk", flat=True)
    )
    assert [pk for page in walked for pk in page] == expected
    assert len(expected) == 5


def test_rows_carry_province_and_sectors_in_schema_shape():
    sectors = list(Sector.objects.order_by("code")[:2])
    enterprise = f.EnterpriseFactory(name_vi="Công ty Hàng Hải", province_id=48)
    enterprise.sectors.set(sectors)
    f.EnterpriseFactory(name_vi="Công ty Không Ngành")
    rows = Rows(
        selectors.enterprise_list_for_user(AnonymousUser(), selectors.EnterpriseFilters()),
        selectors.ENTERPRISE_ROW_FIELDS,
        selectors.enterprise_rows_finish,
    )
    assert rows.count() == 2
    first, second = rows[0:50]
    assert first["id"] == enterprise.pk
    assert first["province"]["code"] == 48
    assert first["province"]["name_vi"] == enterprise.province.name_vi
    assert sorted(s["code"] for s in first["sectors"]) == [s.code for s in sectors]
    assert second["sectors"] == []
