"""The mission list as a download: public like the list, with its filters."""

import io

import pytest
from openpyxl import load_workbook

from goglobal.missions.models import Mission
from goglobal.reference.models import Country
from goglobal.testing import factories as f
from goglobal.testing.downloads import csv_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def missions(db):
    cn = Country.objects.get(code="CN")
    f.MissionFactory(name_vi="Đại sứ quán tại Nhật Bản", name_en="Embassy in Japan",
                     head_name="Phạm Quang Hiệu", email="embassy@vnembassy.jp", phone="+81 3")  # fmt: skip
    f.MissionFactory(
        name_vi="Đại sứ quán tại Trung Quốc", host_country=cn, city="Bắc Kinh",
        jurisdiction=[cn, Country.objects.get(code="FM")],
    )  # fmt: skip
    f.MissionFactory(name_vi="Tổng lãnh sự quán tại Osaka", kind="consulate_general")


def test_anyone_downloads_the_list_with_its_filters(client, missions):
    rows = csv_rows(client.get("/missions/export.csv"))
    assert rows[0][:6] == ["Tên (tiếng Việt)", "Tên (tiếng Anh)", "Loại", "Nước sở tại",
                           "Thành phố", "Các nước kiêm nhiệm"]  # fmt: skip
    assert [row[0] for row in rows[1:]] == [
        "Tổng lãnh sự quán tại Osaka", "Đại sứ quán tại Nhật Bản", "Đại sứ quán tại Trung Quốc",
    ]  # fmt: skip
    japan = rows[2]
    # A leading "+" is escaped as any cell a spreadsheet would run (Excel shows "+81 3").
    assert (japan[3], japan[5], japan[7], japan[9], japan[10]) == (
        "JP", "JP", "Phạm Quang Hiệu", "embassy@vnembassy.jp", "'+81 3",
    )  # fmt: skip
    china = csv_rows(client.get("/missions/export.csv?country=FM"))
    beijing = Mission.objects.get(city="Bắc Kinh")
    assert [(row[0], row[3], row[4], row[5], row[11]) for row in china[1:]] == [
        ("Đại sứ quán tại Trung Quốc", "CN", "Bắc Kinh", "CN; FM",
         f"http://testserver/missions/{beijing.pk}/")
    ]  # fmt: skip
    api = csv_rows(client.get("/api/v1/missions/export?kind=consulate_general"))
    assert [row[0] for row in api[1:]] == ["Tổng lãnh sự quán tại Osaka"]


def test_the_list_links_its_download_with_the_filters(client, missions):
    page = client.get("/missions/?kind=embassy").content.decode()
    assert 'href="/missions/export.csv?kind=embassy"' in page
    assert 'href="/missions/export.xlsx?kind=embassy"' in page


def test_the_xlsx_holds_the_same_rows(client, missions):
    response = client.get("/missions/export.xlsx?country=JP")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    names = [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert names == ["Tổng lãnh sự quán tại Osaka", "Đại sứ quán tại Nhật Bản"]


def test_a_bad_format_or_filter_is_refused_or_ignored_as_on_the_list(client, missions):
    assert client.get("/missions/export.pdf").status_code == 404
    assert client.get("/api/v1/missions/export?format=pdf").status_code == 422
    assert client.get("/api/v1/missions/export?kind=castle").status_code == 422
    # The page's filter form ignores a value it does not know, as the list does.
    assert len(csv_rows(client.get("/missions/export.csv?kind=castle"))) == 4
