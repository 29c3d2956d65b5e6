"""The case list as a download: for every role exactly the cases the list shows it, with the
list's filters and columns, and a link back to each case."""

import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from goglobal.cases.tests.test_pages import CASES, LISTED
from goglobal.testing.api import client_as
from goglobal.testing.downloads import csv_rows
from goglobal.testing.pages import login_redirect
from goglobal.testing.world import ROLES

pytestmark = pytest.mark.django_db


def _listed(world, rows) -> set[str]:
    names = {str(world.rows[name].pk): name for name in CASES}
    return {names[row[0]] for row in rows[1:]}


@pytest.mark.parametrize("role", ROLES)
def test_each_role_downloads_exactly_the_cases_its_list_shows(shared_case_world, role):
    client = client_as(shared_case_world, role)
    page = client.get("/cases/export.csv")
    api = client.get("/api/v1/cases/export")
    if role == "anonymous":
        assert page["Location"] == login_redirect("/cases/export.csv")
        assert csv_rows(api)[1:] == []
        return
    assert _listed(shared_case_world, csv_rows(page)) == LISTED[role]
    assert _listed(shared_case_world, csv_rows(api)) == LISTED[role]


def test_the_file_has_the_lists_columns_filters_and_links(shared_case_world):
    client = client_as(shared_case_world, "programme_officer")
    rows = csv_rows(client.get("/cases/export.csv?status=in_progress"))
    case = shared_case_world.rows["case_a"]
    assert rows[0] == ["#", "Tiêu đề", "Doanh nghiệp", "Quốc gia", "Lĩnh vực", "Mức ưu tiên",
                       "Trạng thái", "Ngày mở", "Liên kết"]  # fmt: skip
    assert rows[1:] == [[
        str(case.pk), case.title, case.enterprise.name, "JP", case.get_category_display(), "P2",
        case.get_status_display(), timezone.localdate(case.created_at).isoformat(),
        f"http://testserver/cases/{case.pk}/",
    ]]  # fmt: skip
    api = csv_rows(client.get(f"/api/v1/cases/export?country=DE&enterprise={case.enterprise_id}"))
    assert api[1:] == []
    germany = csv_rows(client.get("/api/v1/cases/export?country=DE"))
    assert _listed(shared_case_world, germany) == {"case_b", "case_b_other"}
    page = client.get("/cases/?country=DE").content.decode()
    assert 'href="/cases/export.xlsx?country=DE"' in page


def test_the_xlsx_holds_the_same_cases_and_bad_formats_are_refused(shared_case_world):
    client = client_as(shared_case_world, "enterprise_rep")
    response = client.get("/cases/export.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    ids = {str(row[0].value) for row in sheet.iter_rows(min_row=2)}
    assert ids == {str(shared_case_world.rows[name].pk) for name in LISTED["enterprise_rep"]}
    assert client.get("/cases/export.pdf").status_code == 404
    assert client.get("/api/v1/cases/export?format=pdf").status_code == 422
    assert client.get("/api/v1/cases/export?status=lost").status_code == 422
