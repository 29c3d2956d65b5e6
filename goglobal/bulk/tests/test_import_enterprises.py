import pytest

from goglobal.accounts.models import Role
from goglobal.bulk.services import import_file
from goglobal.bulk.tests.helpers import (
    VI_HEADERS,
    csv_bytes,
    enterprise_rows,
    valid_tax_code,
    xlsx_bytes,
)
from goglobal.enterprises.models import Enterprise
from goglobal.testing.api import row_counts
from goglobal.testing.factories import EnterpriseFactory, user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(fast_hashers):
    return user_with_role(Role.PROGRAMME_OFFICER)


def test_import_dry_run_reports_and_writes_nothing(officer):
    before = row_counts()
    report = import_file(
        actor=officer, kind="enterprises", data=csv_bytes(enterprise_rows(3)), dry_run=True
    )
    assert report.ok
    assert report.counts() == {"total": 3, "create": 3, "update": 0, "unchanged": 0, "error": 0}
    assert [row["row"] for row in report.as_dict()["rows"]] == [2, 3, 4]
    assert row_counts() == before


def test_import_real_run_creates_with_history(officer):
    report = import_file(
        actor=officer, kind="enterprises", data=csv_bytes(enterprise_rows(3)), dry_run=False
    )
    assert report.committed
    created = Enterprise.objects.get(tax_code=valid_tax_code(500))
    assert created.name_vi == "Công ty Cổ phần Đổi mới 0"
    assert created.name_folded == "cong ty co phan doi moi 0"
    assert created.province_id == 1
    records = list(created.history.all())
    assert [(r.history_type, r.history_user_id) for r in records] == [("+", officer.pk)]


def _refused(officer, data: bytes, kind: str = "enterprises"):
    before = row_counts()
    history = Enterprise.history.count()
    report = import_file(actor=officer, kind=kind, data=data, dry_run=False)
    assert not report.ok
    assert not report.committed
    assert row_counts() == before
    assert Enterprise.history.count() == history
    return report


def _row_errors(report) -> list[tuple[int, str, str]]:
    return [
        (row["row"], error["column"], error["message"])
        for row in report.as_dict()["rows"]
        for error in row["errors"]
    ]


def test_import_refuses_a_wrong_encoding(officer):
    rows = enterprise_rows(2)
    data = csv_bytes(rows).replace("Đổi mới".encode(), "Đổi mới".encode("cp1258", "replace"))
    assert data.decode("cp1258")  # a Windows-1258 file, not UTF-8
    report = _refused(officer, data)
    assert len(report.file_errors) == 1
    assert "UTF-8" in report.file_errors[0] and "line 2" in report.file_errors[0]


def test_import_refuses_missing_required_columns(officer):
    data = csv_bytes(
        [[valid_tax_code(1), "Công ty X"]], headers=["Tax code", "Legal name (Vietnamese)"]
    )
    report = _refused(officer, data)
    assert report.file_errors == [
        "Required columns are missing: Province. The columns found were: "
        "Tax code, Legal name (Vietnamese)."
    ]


def test_import_refuses_duplicate_tax_codes_in_the_file(officer):
    rows = enterprise_rows(3)
    rows[2][0] = rows[0][0][:4] + "-" + rows[0][0][4:]  # the same code spelt differently
    report = _refused(officer, csv_bytes(rows))
    errors = _row_errors(report)
    assert len(errors) == 1
    assert errors[0][0] == 4 and "row 2" in errors[0][2]


def test_import_refuses_invalid_tax_codes(officer):
    rows = enterprise_rows(3)
    rows[1][0] = rows[1][0][:-1] + str((int(rows[1][0][-1]) + 1) % 10)
    rows[2][0] = "12345"
    report = _refused(officer, csv_bytes(rows))
    errors = _row_errors(report)
    assert [(number, column) for number, column, _m in errors] == [(3, "Tax code"), (4, "Tax code")]
    assert "check digit" in errors[0][2]


def test_import_refuses_formulas_in_csv_but_not_negative_numbers(officer):
    rows = enterprise_rows(2)
    rows[0][1] = '=HYPERLINK("http://evil.example","x")'
    rows[1][1] = "@SUM(A1)"
    report = _refused(officer, csv_bytes(rows))
    errors = _row_errors(report)
    assert {(n, c) for n, c, m in errors if "formula" in m} == {
        (2, "Legal name (Vietnamese)"),
        (3, "Legal name (Vietnamese)"),
    }


def test_import_refuses_formula_cells_in_xlsx(officer):
    rows = [
        [valid_tax_code(7), "Công ty Y", 1, "", "11-50"],
        [valid_tax_code(8), '=A2&"!"', 1, "", ""],
    ]
    report = _refused(officer, xlsx_bytes(rows))
    errors = _row_errors(report)
    assert [(n, c) for n, c, m in errors if "formula" in m] == [(3, "Legal name (Vietnamese)")]


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"", "empty"),
        (b"\xef\xbb\xbf\r\n\r\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01", "not a spreadsheet"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00garbage-not-a-real-zip", "not a spreadsheet"),
        (b"%PDF-1.7\n", "not a spreadsheet"),
        (b"Tax code,Legal name (Vietnamese),Province\r\n", "no rows"),
    ],
)
def test_import_refuses_files_that_are_not_a_spreadsheet_or_empty(officer, data, needle):
    report = _refused(officer, data)
    assert len(report.file_errors) == 1 and needle in report.file_errors[0]


def test_import_refuses_a_zip_that_is_not_xlsx(officer):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    report = _refused(officer, buffer.getvalue())
    assert "not a spreadsheet" in report.file_errors[0]


def test_import_one_bad_row_refuses_the_whole_file(officer):
    rows = enterprise_rows(3)
    rows[1][2] = "99"  # no such province
    report = _refused(officer, csv_bytes(rows))
    assert _row_errors(report) == [(3, "Province", "Unknown province code: 99.")]
    assert report.counts()["create"] == 2


@pytest.mark.parametrize(
    ("delimiter", "encoding"),
    [(",", "utf-8"), (";", "utf-8-sig"), ("\t", "utf-16"), (",", "utf-16"), (";", "utf-8")],
)
def test_import_reads_csv_dialects_and_encodings(officer, delimiter, encoding):
    data = csv_bytes(enterprise_rows(2), delimiter=delimiter, encoding=encoding)
    report = import_file(actor=officer, kind="enterprises", data=data, dry_run=False)
    assert report.committed, report.as_dict()
    names = sorted(Enterprise.objects.values_list("name_vi", flat=True))
    assert names == ["Công ty Cổ phần Đổi mới 0", "Công ty Cổ phần Đổi mới 1"]


def test_import_reads_xlsx_with_vietnamese_headers(officer):
    rows = [[valid_tax_code(3), "Công ty Phần mềm Đà Nẵng", "Đà Nẵng", "Phần mềm", "Từ 11 đến 50"]]
    from goglobal.reference.models import Province, Sector

    sector = Sector.objects.filter(disabled_on__isnull=True).first()
    rows[0][3] = sector.name_vi
    rows[0][4] = "11-50"
    report = import_file(
        actor=officer, kind="enterprises", data=xlsx_bytes(rows, VI_HEADERS), dry_run=False
    )
    assert report.committed, report.as_dict()
    enterprise = Enterprise.objects.get()
    assert enterprise.province == Province.objects.get(name_vi__contains="Đà Nẵng")
    assert list(enterprise.sectors.all()) == [sector]
    record = enterprise.history.get()
    assert [s.sector_id for s in record.sectors.all()] == [sector.pk]


def test_import_upserts_by_tax_code_and_records_history(officer):
    existing = EnterpriseFactory(
        tax_code=valid_tax_code(10), name_vi="Tên cũ", employee_band="1-10"
    )
    rows = [[valid_tax_code(10), "Tên mới", "1", "", ""], *enterprise_rows(1, start=20)]
    dry = import_file(actor=officer, kind="enterprises", data=csv_bytes(rows), dry_run=True)
    assert [(r["row"], r["action"]) for r in dry.as_dict()["rows"]] == [
        (2, "update"),
        (3, "create"),
    ]
    existing.refresh_from_db()
    assert existing.name_vi == "Tên cũ"
    report = import_file(actor=officer, kind="enterprises", data=csv_bytes(rows), dry_run=False)
    assert report.committed
    existing.refresh_from_db()
    assert (existing.name_vi, existing.employee_band, existing.province_id) == (
        "Tên mới",
        "1-10",
        1,
    )
    assert existing.name_folded == "ten moi"
    latest = existing.history.first()
    assert (latest.history_type, latest.name_vi, latest.history_user_id) == (
        "~",
        "Tên mới",
        officer.pk,
    )
    again = import_file(actor=officer, kind="enterprises", data=csv_bytes(rows), dry_run=False)
    assert again.counts()["unchanged"] == 2
    assert existing.history.filter(history_type="~").count() == 1


def test_import_reports_in_the_users_language(officer):
    from django.utils import translation

    rows = enterprise_rows(1)
    rows[0][2] = "99"
    with translation.override("vi"):
        report = import_file(
            actor=officer, kind="enterprises", data=csv_bytes(rows, VI_HEADERS), dry_run=True
        )
        refused = import_file(actor=officer, kind="enterprises", data=b"%PDF-1.4", dry_run=True)
    assert _row_errors(report) == [(2, "Tỉnh/thành phố", "Mã tỉnh/thành phố không tồn tại: 99.")]
    assert refused.file_errors == ["Tệp này không phải bảng tính: hãy tải lên tệp CSV hoặc XLSX."]


def test_import_refuses_more_rows_than_the_limit(officer, monkeypatch):
    from goglobal.bulk import reader

    monkeypatch.setattr(reader, "MAX_ROWS", 3)
    report = _refused(officer, csv_bytes(enterprise_rows(4)))
    assert report.file_errors == ["The file has more than 3 rows: split it into smaller files."]
    report = _refused(officer, xlsx_bytes([[valid_tax_code(n), "X", 1, "", ""] for n in range(4)]))
    assert report.file_errors == ["The file has more than 3 rows: split it into smaller files."]


def test_imported_and_renamed_enterprises_are_found_by_search(officer):
    from django.utils import translation

    from goglobal.search.selectors import SearchFilters, search_for_user
    from goglobal.testing.factories import ProductFactory

    existing = EnterpriseFactory(tax_code=valid_tax_code(30), name_vi="Công ty Tên Cũ")
    ProductFactory(enterprise=existing, name_vi="Phần mềm Kế toán Sao Mai")
    rows = [
        [valid_tax_code(30), "Công ty Hải Đăng Số", "1", "", ""],
        [valid_tax_code(31), "Công ty Bình Minh Xanh", "1", "", ""],
    ]
    report = import_file(actor=officer, kind="enterprises", data=csv_bytes(rows), dry_run=False)
    assert report.committed, report.as_dict()

    def titles(q: str) -> list[str]:
        with translation.override("vi"):
            result = search_for_user(officer, q, SearchFilters())
        return [hit.title for hit in result.items]

    assert "Công ty Bình Minh Xanh" in titles("binh minh xanh")
    assert "Công ty Hải Đăng Số" in titles("hai dang so")
    assert "Công ty Tên Cũ" not in titles("ten cu")
    # The product's entry carries its enterprise's name: it follows the rename.
    assert "Phần mềm Kế toán Sao Mai" in titles("hai dang sao mai")
