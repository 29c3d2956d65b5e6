"""The briefing list as a download: for every role exactly the briefings its list shows it (staff
and Advisory Group members all, others none), with the list's columns in Vietnamese and a link
back to each briefing. The list has no filters: a query the list ignores, the file ignores too."""

import datetime as dt
import io
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from goglobal.cases import briefings
from goglobal.testing.api import client_as
from goglobal.testing.downloads import csv_rows
from goglobal.testing.pages import login_redirect, text
from goglobal.testing.world import ROLES

pytestmark = pytest.mark.django_db
SEES = {"admin", "programme_officer", "advisory_member"}
HEADER = ["Thời gian", "Tiêu đề", "Loại", "Trạng thái", "Chủ trì", "Liên kết"]
# Ignored by the list (it has no filters): the file ignores them as well.
IGNORED_QUERY = "?status=bogus&kind=%C2%B2&chair=abc&page=x"


def _plan(world, title, held_on, **data):
    return briefings.briefing_create(
        actor=world.users["admin"],
        data={"kind": "ad_hoc", "title": title, "held_on": held_on, **data},
    )


@pytest.fixture(scope="module")
def briefing_world(shared_world, django_db_blocker):
    """Three briefings (one held and chaired, one periodic with a chair, one with neither),
    added to the shared world once per module and rolled back with it."""
    with django_db_blocker.unblock():
        chair = shared_world.users["advisory_member"]
        held = _plan(shared_world, "Giao ban tháng 11", dt.date(2026, 11, 5), chair=chair.pk)
        briefings.briefing_record_minutes(
            actor=shared_world.users["admin"], briefing=held, minutes="Đã thống nhất."
        )
        shared_world.rows["held"] = held
        shared_world.rows["periodic"] = _plan(
            shared_world,
            "Giao ban định kỳ",
            dt.date(2026, 12, 10),
            kind="periodic",
            repeat_every_weeks=4,
            chair=shared_world.users["programme_officer"].pk,
        )
        shared_world.rows["ad_hoc"] = _plan(shared_world, "=Họp đột xuất", dt.date(2026, 12, 1))
    return shared_world


def _user(world, role):
    return AnonymousUser() if role == "anonymous" else world.users[role]


def _link(briefing_id) -> str:
    return f"http://testserver/cases/briefings/{briefing_id}/"


def _links(rows) -> list[str]:
    return [row[-1] for row in rows[1:]]


def _xlsx_rows(response) -> list[list]:
    assert response.status_code == 200, response.status_code
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


@pytest.mark.parametrize("role", ROLES)
def test_each_role_downloads_exactly_the_briefings_its_list_shows(briefing_world, role):
    client = client_as(briefing_world, role)
    selected = [b.pk for b in briefings.briefing_visible_for_user(_user(briefing_world, role))]
    api_list = [b["id"] for b in client.get("/api/v1/briefings").json()]
    assert api_list == selected
    expected = [_link(pk) for pk in selected]
    if role in SEES:
        # Everything, newest first, as the list page (which links each briefing) shows it.
        ordered = ["periodic", "ad_hoc", "held"]
        assert selected == [briefing_world.rows[name].pk for name in ordered]
        page = text(client.get("/cases/briefings/"))
        positions = [page.index(f'href="/cases/briefings/{pk}/"') for pk in selected]
        assert positions == sorted(positions)
    else:
        assert selected == []
    api = csv_rows(client.get("/api/v1/briefings/export"))
    assert api[0] == HEADER
    assert _links(api) == expected
    page_download = client.get("/cases/briefings/export.csv")
    if role == "anonymous":
        assert page_download["Location"] == login_redirect("/cases/briefings/export.csv")
        assert client.get("/cases/briefings/")["Location"] == login_redirect("/cases/briefings/")
    elif role not in SEES:
        # Refused, as the list page is.
        assert client.get("/cases/briefings/").status_code == 403
        assert page_download.status_code == 403
        assert client.get("/cases/briefings/export.xlsx").status_code == 403
    else:
        assert _links(csv_rows(page_download)) == expected


def test_the_file_has_the_lists_columns_and_a_link_to_each_briefing(briefing_world):
    client = client_as(briefing_world, "advisory_member")
    held, periodic, ad_hoc = (briefing_world.rows[n] for n in ("held", "periodic", "ad_hoc"))
    expected = [
        HEADER,
        ["2026-12-10", "Giao ban định kỳ", "Định kỳ", "Đã lên lịch",
         str(briefing_world.users["programme_officer"]), _link(periodic.pk)],
        # A title a spreadsheet would run as a formula is written as text.
        ["2026-12-01", "'=Họp đột xuất", "Đột xuất", "Đã lên lịch", "", _link(ad_hoc.pk)],
        ["2026-11-05", "Giao ban tháng 11", "Đột xuất", "Đã diễn ra",
         str(briefing_world.users["advisory_member"]), _link(held.pk)],
    ]  # fmt: skip
    assert csv_rows(client.get("/cases/briefings/export.csv")) == expected
    assert csv_rows(client.get("/api/v1/briefings/export?format=csv")) == expected
    # The list page's own columns, in its order, then the link.
    page = text(client.get("/cases/briefings/"))
    assert re.findall(r'<th scope="col">([^<]*)</th>', page) + ["Liên kết"] == HEADER
    for cell in ("Giao ban định kỳ", "Đột xuất", "Đã diễn ra", "Đã lên lịch"):
        assert cell in page


def test_the_xlsx_holds_the_same_rows(briefing_world):
    client = client_as(briefing_world, "programme_officer")
    csv_file = csv_rows(client.get("/cases/briefings/export.csv"))
    for url in ("/cases/briefings/export.xlsx", "/api/v1/briefings/export?format=xlsx"):
        sheet = _xlsx_rows(client.get(url))
        assert sheet[0] == HEADER
        assert [row[-1] for row in sheet[1:]] == _links(csv_file)
        assert [row[1] for row in sheet[1:]] == [
            "Giao ban định kỳ",
            "=Họp đột xuất",  # a text cell, never a formula
            "Giao ban tháng 11",
        ]


def test_the_list_page_shows_the_download_links(briefing_world):
    client = client_as(briefing_world, "advisory_member")
    page = text(client.get("/cases/briefings/"))
    assert "Tải danh sách này:" in page
    assert 'href="/cases/briefings/export.csv" download' in page
    assert 'href="/cases/briefings/export.xlsx" download' in page
    # The list has no filters to carry: a query it ignores is not passed on to the links.
    page = text(client.get("/cases/briefings/" + IGNORED_QUERY))
    assert 'href="/cases/briefings/export.csv" download' in page


def test_queries_the_list_ignores_change_nothing_and_bad_formats_are_refused(briefing_world):
    client = client_as(briefing_world, "admin")
    everything = csv_rows(client.get("/cases/briefings/export.csv"))
    assert len(everything) == 4
    assert csv_rows(client.get("/cases/briefings/export.csv" + IGNORED_QUERY)) == everything
    assert csv_rows(client.get("/api/v1/briefings/export" + IGNORED_QUERY)) == everything
    assert client.get("/api/v1/briefings" + IGNORED_QUERY).status_code == 200
    for fmt in ("pdf", "json", "CSV", "csv.xlsx"):
        assert client.get(f"/cases/briefings/export.{fmt}").status_code == 404, fmt
        assert client.get(f"/api/v1/briefings/export?format={fmt}").status_code == 422, fmt
    assert client.get("/api/v1/briefings/export?format=").status_code == 422


def _download_queries(client, url: str) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        rows = csv_rows(client.get(url))
    return len(rows), len(queries)


def test_the_download_runs_no_query_per_briefing(briefing_world):
    client = client_as(briefing_world, "admin")
    urls = ("/cases/briefings/export.csv", "/api/v1/briefings/export")
    before = [_download_queries(client, url) for url in urls]
    for n in range(3):
        _plan(
            briefing_world,
            f"Thêm {n}",
            dt.date(2027, 1, 1 + n),
            chair=briefing_world.users["advisory_member"].pk,
        )
    after = [_download_queries(client, url) for url in urls]
    assert [rows for rows, _q in after] == [rows + 3 for rows, _q in before]
    assert [q for _r, q in after] == [q for _r, q in before]
