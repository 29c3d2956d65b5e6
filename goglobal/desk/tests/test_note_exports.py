"""The market note list as a download (page and API): for each role exactly the notes its list
shows, the list's columns in the request's language with a link to each note, and the API's
filter; a bad format is refused."""

import datetime as dt
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from goglobal.desk.models import MarketNote
from goglobal.reference.models import Country, Sector
from goglobal.testing.api import call, client_as
from goglobal.testing.downloads import csv_rows
from goglobal.testing.pages import login_redirect

pytestmark = pytest.mark.django_db

NOTES = ("note_jp_staff", "note_jp_ent", "note_at")
# The notes each signed-in role's list holds (see test_notes.test_note_list_scoping).
LISTED = {
    "admin": set(NOTES),
    "programme_officer": set(NOTES),
    "mission_officer": {"note_jp_staff", "note_jp_ent"},
    "mission_multi": {"note_at"},
    "enterprise_rep": {"note_jp_ent"},
    "partner_rep": set(),
    "advisory_member": set(),
}
DOWNLOADS = ("/desk/notes/export.csv", "/api/v1/market-notes/export")


def linked(world, rows: list[list[str]]) -> list[str]:
    """The world notes a download's rows link to (its last column), in file order."""
    names = {f"http://testserver/desk/notes/{world.rows[n].pk}/": n for n in NOTES}
    return [names[row[-1]] for row in rows]


def shown_on_page(response) -> set[int]:
    assert response.status_code == 200
    return {int(pk) for pk in re.findall(r'href="/desk/notes/(\d+)/"', response.content.decode())}


def xlsx_rows(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True).active
    return [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]


@pytest.mark.parametrize(("role", "expected"), LISTED.items())
def test_each_role_downloads_the_notes_its_list_shows(desk_world, role, expected):
    client = client_as(desk_world, role)
    ids = desk_world.ids(*expected)
    assert shown_on_page(client.get("/desk/notes/")) == ids
    assert {item["id"] for item in call(client, "GET", "/market-notes")[1]["items"]} == ids
    for url in DOWNLOADS:
        names = linked(desk_world, csv_rows(client.get(url))[1:])
        assert sorted(names) == sorted(expected), url


def test_the_public_is_sent_to_sign_in_or_gets_an_empty_file(desk_world):
    client = client_as(desk_world, "anonymous")
    page = client.get("/desk/notes/export.csv")
    assert page.status_code == 302
    assert page["Location"] == login_redirect("/desk/notes/export.csv")
    assert call(client, "GET", "/market-notes")[1]["count"] == 0
    assert csv_rows(client.get("/api/v1/market-notes/export"))[1:] == []
    assert csv_rows(client.get("/api/v1/market-notes/export?country=JP"))[1:] == []


def test_the_file_has_the_lists_columns_in_vietnamese(desk_world):
    note = desk_world.note_jp_ent
    # 20:00 UTC is the next morning in Hanoi: the day is the one the page shows.
    MarketNote.objects.filter(pk=note.pk).update(
        sector=Sector.objects.get(code="healthtech"),
        topic="regulation",
        created_at=dt.datetime(2026, 3, 1, 20, 0, tzinfo=dt.UTC),
    )
    client = client_as(desk_world, "enterprise_rep")
    expected = [
        ["Tiêu đề", "Quốc gia", "Lĩnh vực", "Chủ đề", "Cơ quan đại diện", "Ngày viết", "Liên kết"],
        [
            "Ghi chú mở",
            "JP",
            "healthtech",
            "Quy định",
            desk_world.mission_jp.name_vi,
            "2026-03-02",
            f"http://testserver/desk/notes/{note.pk}/",
        ],
    ]
    for url in DOWNLOADS:
        assert csv_rows(client.get(url)) == expected, url
    assert xlsx_rows(client.get("/desk/notes/export.xlsx")) == expected
    assert xlsx_rows(client.get("/api/v1/market-notes/export?format=xlsx")) == expected
    # A note without a sector has an empty cell.
    officer = client_as(desk_world, "mission_officer")
    rows = {row[0]: row for row in csv_rows(officer.get("/desk/notes/export.csv"))[1:]}
    assert rows["Ghi chú nội bộ"][2] == ""


def test_the_labels_follow_the_requests_language(desk_world):
    client = client_as(desk_world, "enterprise_rep")
    rows = csv_rows(client.get("/desk/notes/export.csv", HTTP_ACCEPT_LANGUAGE="en"))
    assert rows[0] == ["Title", "Country", "Sector", "Topic", "Mission", "Written on", "Link"]
    assert rows[1][3:5] == ["Demand", desk_world.mission_jp.name_en]


def test_the_rows_are_in_the_lists_order(desk_world):
    MarketNote.objects.filter(pk=desk_world.note_jp_staff.pk).update(
        created_at=timezone.now() + dt.timedelta(hours=1)
    )
    client = client_as(desk_world, "admin")
    for url in DOWNLOADS:
        assert linked(desk_world, csv_rows(client.get(url))[1:]) == [
            "note_jp_staff",
            "note_at",
            "note_jp_ent",
        ], url


@pytest.mark.parametrize(
    ("role", "country", "expected"),
    [
        ("admin", "AT", {"note_at"}),
        ("admin", "jp", {"note_jp_staff", "note_jp_ent"}),
        ("admin", "ZZ", set()),  # well-formed but unknown: nothing, as on the list
        ("mission_multi", "JP", set()),  # a filter never widens what a role sees
        ("enterprise_rep", "JP", {"note_jp_ent"}),
    ],
)
def test_the_api_download_takes_the_lists_filter(desk_world, role, country, expected):
    client = client_as(desk_world, role)
    _, body = call(client, "GET", f"/market-notes?country={country}")
    assert {item["id"] for item in body["items"]} == desk_world.ids(*expected)
    rows = csv_rows(client.get(f"/api/v1/market-notes/export?country={country}"))[1:]
    assert sorted(linked(desk_world, rows)) == sorted(expected)


def test_bad_input_is_refused_as_on_the_list(desk_world):
    client = client_as(desk_world, "admin")
    assert client.get("/desk/notes/export.doc").status_code == 404
    assert client.get("/desk/notes/export.CSV").status_code == 404
    assert client.get("/api/v1/market-notes/export?format=doc").status_code == 422
    assert call(client, "GET", "/market-notes?country=JPN")[0] == 422
    assert client.get("/api/v1/market-notes/export?country=JPN").status_code == 422


def test_the_list_page_links_to_its_downloads(desk_world):
    page = client_as(desk_world, "mission_officer").get("/desk/notes/").content.decode()
    assert 'class="export-links"' in page
    assert 'href="/desk/notes/export.csv"' in page
    assert 'href="/desk/notes/export.xlsx"' in page


def test_more_rows_cost_no_more_queries(desk_world):
    client = client_as(desk_world, "admin")

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            assert len(csv_rows(client.get("/api/v1/market-notes/export"))) > 1
        return len(context)

    before = queries()
    at, sector = Country.objects.get(code="AT"), Sector.objects.get(code="ai")
    for n in range(3):
        MarketNote.objects.create(
            mission=desk_world.mission_multi,
            country=at,
            sector=sector,
            topic="tenders",
            title=f"Ghi chú {n}",
            body="…",
        )
    assert queries() == before
