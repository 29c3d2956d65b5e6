"""Search results downloaded as CSV or XLSX, from the page and the API: the page's results in
its order, only what the user may see, formulas escaped."""

import csv
import io

import pytest
from django.test import Client
from openpyxl import load_workbook

from goglobal.search.services import search_rebuild
from goglobal.testing.api import client_as
from goglobal.testing.factories import EnterpriseFactory, valid_tax_code

pytestmark = pytest.mark.django_db


def _csv(response) -> list[list[str]]:
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def _search_titles(client: Client, **params) -> list[str]:
    body = client.get("/api/v1/search", {**params, "page_size": 50}).json()
    return [item["title"] for item in body["items"]]


@pytest.mark.parametrize("url", ["/search/export.csv", "/api/v1/search/export"])
def test_export_holds_the_results_in_the_pages_order(search_world, url):
    client = client_as(search_world, "officer")
    rows = _csv(client.get(url, {"q": "da nang"}))
    assert rows[0] == ["Loại", "Tên", "Chi tiết", "Liên kết"]
    assert [row[1] for row in rows[1:]] == _search_titles(client, q="da nang")
    assert len(rows) == 4
    assert rows[1][3].startswith("http://testserver/")


def test_export_keeps_the_filters(search_world):
    client = client_as(search_world, "officer")
    rows = _csv(client.get("/search/export.csv", {"q": "da nang", "size": "11-50"}))
    assert [row[1] for row in rows[1:]] == _search_titles(client, q="da nang", size="11-50")
    assert len(rows) == 3
    assert "Chi nhánh Công ty TNHH Dữ liệu Sài Gòn tại Đà Nẵng" not in {r[1] for r in rows}


def test_export_leaves_out_what_the_user_may_not_see(search_world):
    """An inactive enterprise and its contact: staff get both; the public and an enterprise
    representative of another enterprise get neither."""
    staff = _csv(client_as(search_world, "officer").get("/search/export.csv", {"q": "hoa binh"}))
    assert {"Công ty TNHH Công nghệ Hòa Bình", "Đặng Văn Quyết"} <= {r[1] for r in staff}
    for role in ("anonymous", "partner", "mission"):
        rows = _csv(client_as(search_world, role).get("/api/v1/search/export", {"q": "hoa binh"}))
        names = {row[1] for row in rows[1:]}
        assert "Công ty TNHH Công nghệ Hòa Bình" not in names
        assert "Đặng Văn Quyết" not in names


def test_export_in_english_has_english_headers_and_names(search_world):
    client = client_as(search_world, "officer")
    client.cookies["django_language"] = "en"
    rows = _csv(client.get("/search/export.csv", {"q": "saigon data"}, HTTP_ACCEPT_LANGUAGE="en"))
    assert rows[0] == ["Type", "Name", "Details", "Link"]
    assert rows[1][1] == "Saigon Data Company Limited"


def test_export_escapes_formulas_and_xlsx_stores_text(search_world):
    EnterpriseFactory(name_vi='=HYPERLINK("http://evil","Sao Mai")', tax_code=valid_tax_code(77))
    search_rebuild()
    client = client_as(search_world, "officer")
    rows = _csv(client.get("/search/export.csv", {"q": "sao mai"}))
    assert rows[1][1] == '\'=HYPERLINK("http://evil","Sao Mai")'
    response = client.get("/api/v1/search/export", {"q": "sao mai", "format": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cell = sheet.cell(row=2, column=2)
    assert cell.value == '=HYPERLINK("http://evil","Sao Mai")' and cell.data_type == "s"


def test_export_of_a_broad_query_says_it_is_capped(search_world):
    response = client_as(search_world, "officer").get("/api/v1/search/export", {"q": "a"})
    assert response["X-Results-Capped"] in {"true", "false"}
    rows = _csv(response)
    assert (
        len(rows) - 1
        == client_as(search_world, "officer").get("/api/v1/search", {"q": "a"}).json()["count"]
    )


def test_search_page_links_the_downloads_with_its_query(search_world):
    page = (
        client_as(search_world, "anonymous")
        .get("/search/", {"q": "da nang", "size": "11-50"})
        .content.decode()
    )
    assert 'href="/search/export.csv?q=da+nang&amp;size=11-50"' in page
    assert 'href="/search/export.xlsx?q=da+nang&amp;size=11-50"' in page


@pytest.mark.parametrize(
    "url, params, status",
    [("/search/export.pdf", {"q": "fpt"}, 404), ("/api/v1/search/export", {"format": "pdf"}, 422),
     ("/api/v1/search/export", {"q": "fpt", "type": "bogus"}, 422),
     ("/api/v1/search/export", {"q": "a\x00b"}, 422)],
)  # fmt: skip
def test_export_refuses_bad_input_clearly(search_world, url, params, status):
    response = client_as(search_world, "anonymous").get(url, params)
    assert response.status_code == status
    if status == 422:
        assert response.json()["errors"][0]["message"]


@pytest.mark.parametrize("params", [{}, {"q": "x" * 10_000}, {"q": 'NEAR("fpt")*'}, {"page": "-1"}])
def test_export_page_survives_hostile_queries(search_world, params):
    rows = _csv(client_as(search_world, "anonymous").get("/search/export.csv", params))
    assert rows[0] == ["Loại", "Tên", "Chi tiết", "Liên kết"]
