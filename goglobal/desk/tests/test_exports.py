"""The business opportunity list as a download: signed-in users, for each role exactly the
opportunities its list shows, with the list's filters and columns."""

import pytest

from goglobal.desk.tests.test_opportunities import LISTED
from goglobal.testing.api import client_as
from goglobal.testing.downloads import csv_rows
from goglobal.testing.pages import login_redirect

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "count"), [(role, n) for role, n in LISTED.items() if role != "anonymous"]
)
def test_each_role_downloads_the_opportunities_its_list_shows(desk_world, role, count):
    client = client_as(desk_world, role)
    for url in ("/desk/opportunities/export.csv", "/api/v1/opportunities/export"):
        assert len(csv_rows(client.get(url))[1:]) == count, url


def test_the_public_gets_none(desk_world):
    client = client_as(desk_world, "anonymous")
    page = client.get("/desk/opportunities/export.csv")
    assert page["Location"] == login_redirect("/desk/opportunities/export.csv")
    assert csv_rows(client.get("/api/v1/opportunities/export"))[1:] == []


def test_the_file_has_the_lists_columns_and_filters(desk_world):
    client = client_as(desk_world, "mission_officer")
    opp = desk_world.opp_jp
    rows = csv_rows(client.get("/desk/opportunities/export.csv?country=JP"))
    assert rows[0] == ["Tiêu đề", "Loại", "Quốc gia", "Lĩnh vực", "Giá trị", "Đơn vị tiền tệ",
                       "Hạn chót", "Trạng thái", "Liên kết"]  # fmt: skip
    assert rows[1:] == [[
        opp.title, opp.get_kind_display(), "JP", "ai", "250000", "USD",
        opp.deadline.isoformat(), opp.get_status_display(),
        f"http://testserver/desk/opportunities/{opp.pk}/",
    ]]  # fmt: skip
    assert csv_rows(client.get("/desk/opportunities/export.csv?country=DE"))[1:] == []
    assert csv_rows(client.get("/api/v1/opportunities/export?sector=fintech"))[1:] == []
    page = client.get("/desk/opportunities/?country=JP").content.decode()
    assert 'href="/desk/opportunities/export.xlsx?country=JP"' in page
    assert client.get("/desk/opportunities/export.doc").status_code == 404
    assert client.get("/api/v1/opportunities/export?format=doc").status_code == 422
