"""The import writes the search index in bulk, around the services: afterwards the index must
be exactly what rebuilding it from the records gives."""

import pytest
from django.db import connection

from goglobal.accounts.models import Role
from goglobal.bulk.services import import_file
from goglobal.bulk.tests.helpers import csv_bytes, valid_tax_code
from goglobal.cases.tests.helpers import CaseFactory
from goglobal.reference.models import Sector
from goglobal.search.models import SearchEntry, SearchWord
from goglobal.search.services import search_rebuild
from goglobal.testing.factories import (
    ContactFactory,
    EnterpriseFactory,
    PresenceFactory,
    ProductFactory,
    user_with_role,
)

pytestmark = pytest.mark.django_db

HEADERS = [
    "Tax code",
    "Legal name (Vietnamese)",
    "English name",
    "Trading names",
    "Province",
    "Sectors",
    "Employees",
    "Description (Vietnamese)",
]


def _index() -> list[tuple]:
    return sorted(
        SearchEntry.objects.values_list(
            "kind", "object_id", "title", "title_en", "subtitle", "subtitle_en", "url", "sort_key",
            "names", "body", "facets",
        )
    )  # fmt: skip


def _fulltext_is_consistent() -> bool:
    if connection.vendor != "sqlite":
        return True
    with connection.cursor() as cursor:
        for table in ("search_fts", "search_names_fts"):
            # Raises when the full-text index differs from the entries it indexes.
            cursor.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")  # noqa: S608
    return True


def test_import_leaves_the_index_as_a_rebuild_would(fast_hashers):
    officer = user_with_role(Role.PROGRAMME_OFFICER)
    ai, cloud = Sector.objects.get(code="ai"), Sector.objects.get(code="cloud-data-centres")
    renamed = EnterpriseFactory(tax_code=valid_tax_code(30), name_vi="Công ty Tên Cũ")
    renamed.sectors.set([ai])
    ProductFactory(enterprise=renamed, name_vi="Phần mềm Kế toán Sao Mai")
    ContactFactory(enterprise=renamed, full_name="Trần Thị Bình")
    CaseFactory(enterprise=renamed, title="Thị thực bị từ chối")
    PresenceFactory(enterprise=renamed)
    kept = EnterpriseFactory(tax_code=valid_tax_code(31), name_vi="Công ty Giữ Nguyên")
    search_rebuild()
    rows = [
        # renamed, new sectors (one by its Vietnamese name)
        [valid_tax_code(30), "Công ty Hải Đăng Số", "Hai Dang Digital", "", "1", "ai; Điện toán "
         "đám mây và trung tâm dữ liệu", "11-50", "Phần mềm cho đô thị thông minh"],
        [kept.tax_code, kept.name_vi, "", "", str(kept.province_id), "", "", ""],
        [valid_tax_code(32) + "-001", "Chi nhánh Đà Nẵng", "", "ĐN Branch; Chi nhánh 1",
         "Thành phố Đà Nẵng", "big-data", "1-10", ""],
        *[
            [valid_tax_code(40 + n), f"Công ty Đổi mới {n}", f"Innovation {n}", "", "1", "ai",
             "51-200", "Giải pháp số " * n]
            for n in range(5)
        ],
    ]  # fmt: skip
    report = import_file(
        actor=officer, kind="enterprises", data=csv_bytes(rows, HEADERS), dry_run=False
    )
    assert report.committed, report.as_dict()
    assert report.counts() == {"total": 8, "create": 6, "update": 1, "unchanged": 1, "error": 0}
    renamed.refresh_from_db()
    assert sorted(renamed.sectors.values_list("code", flat=True)) == [ai.code, cloud.code]

    imported, words = _index(), set(SearchWord.objects.values_list("word", flat=True))
    assert _fulltext_is_consistent()
    assert len([entry for entry in imported if entry[0] == "enterprise"]) == 8
    search_rebuild()
    assert imported == _index()
    assert words == set(SearchWord.objects.values_list("word", flat=True))
    # The renamed enterprise's product and contact entries follow the new name.
    product = next(entry for entry in imported if entry[0] == "product")
    assert "hai dang so" in product[9]
    contact = next(entry for entry in imported if entry[0] == "contact")
    assert contact[4].endswith("Công ty Hải Đăng Số")
    assert contact[5].endswith("Hai Dang Digital")  # the English subtitle
    case = next(entry for entry in imported if entry[0] == "case")
    assert " · Công ty Hải Đăng Số · " in case[4]
