"""The foreign organisation list as a download: the list's rows and filters, signed-in users
only, formulas escaped."""

import io

import pytest
from openpyxl import load_workbook

from goglobal.reference.models import Country, Sector
from goglobal.testing import factories as f
from goglobal.testing.downloads import csv_rows
from goglobal.testing.pages import login_redirect

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisations(db):
    fintech = Sector.objects.get(code="fintech")
    albeego = f.ForeignOrganisationFactory(
        name="Albeego", name_vi="Công ty Albeego", kind="company", city="London",
        website="https://albeego.example", description="Payments",
    )  # fmt: skip
    albeego.sectors.set([fintech])
    f.ForeignOrganisationFactory(name="Tokyo Partner", country=Country.objects.get(code="JP"))
    f.ForeignOrganisationFactory(name="University of Salford", kind="university")
    return albeego


def test_the_page_file_holds_the_lists_rows_with_its_filters(client, officer, organisations):
    client.force_login(officer)
    rows = csv_rows(client.get("/partners/export.csv"))
    assert rows[0] == ["Tên", "Tên (tiếng Việt)", "Loại", "Quốc gia", "Thành phố", "Lĩnh vực",
                       "Trang web", "Mô tả", "Liên kết"]  # fmt: skip
    assert [row[0] for row in rows[1:]] == ["Albeego", "Tokyo Partner", "University of Salford"]
    assert rows[1] == ["Albeego", "Công ty Albeego", "Công ty", "GB", "London", "fintech",
                       "https://albeego.example", "Payments",
                       f"http://testserver/partners/{organisations.pk}/"]  # fmt: skip
    assert [row[0] for row in csv_rows(client.get("/partners/export.csv?country=JP"))[1:]] == [
        "Tokyo Partner"
    ]
    assert [row[0] for row in csv_rows(client.get("/partners/export.csv?kind=university"))[1:]] == [
        "University of Salford"
    ]


def test_the_list_links_its_download_with_the_filters(client, officer, organisations):
    client.force_login(officer)
    page = client.get("/partners/?country=JP").content.decode()
    assert 'href="/partners/export.csv?country=JP"' in page
    assert 'href="/partners/export.xlsx?country=JP"' in page


def test_the_page_file_is_for_signed_in_users_only(client, organisations):
    response = client.get("/partners/export.csv")
    assert response.status_code == 302
    assert response["Location"] == login_redirect("/partners/export.csv")


def test_an_unknown_format_is_not_found(client, officer):
    client.force_login(officer)
    assert client.get("/partners/export.pdf").status_code == 404


def test_the_api_file_is_empty_for_the_public_and_full_for_the_signed_in(client, officer,
                                                                          organisations):  # fmt: skip
    assert csv_rows(client.get("/api/v1/foreign-organisations/export"))[1:] == []
    client.force_login(officer)
    rows = csv_rows(client.get("/api/v1/foreign-organisations/export?sector=fintech"))
    assert [row[0] for row in rows[1:]] == ["Albeego"]
    assert client.get("/api/v1/foreign-organisations/export?format=pdf").status_code == 422


def test_cells_a_spreadsheet_would_run_are_escaped_or_kept_as_text(client, officer):
    f.ForeignOrganisationFactory(name='=HYPERLINK("http://evil","x")', name_vi="@SUM(1)")
    client.force_login(officer)
    rows = csv_rows(client.get("/partners/export.csv"))
    assert rows[1][:2] == ['\'=HYPERLINK("http://evil","x")', "'@SUM(1)"]
    response = client.get("/api/v1/foreign-organisations/export?format=xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    first = next(sheet.iter_rows(min_row=2))
    assert (first[0].value, first[0].data_type) == ('=HYPERLINK("http://evil","x")', "s")
