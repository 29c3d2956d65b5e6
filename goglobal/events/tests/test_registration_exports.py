"""An event's registrations as a download (CSV or XLSX), page and API: the organisers (ministry
staff) get exactly the rows the registrations list shows them, with its status filter and its
columns; no other role gets a row, whatever else it may see of the registrations. And an
event's booths as a download, for whoever sees the booth list."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from goglobal.events.enums import Criterion, EventKind, EventStatus
from goglobal.events.enums import RegistrationStatus as S
from goglobal.events.models import Booth, Exhibitor, Score
from goglobal.events.tests.factories import EventFactory, RegistrationFactory, VenueFactory
from goglobal.reference.models import Country
from goglobal.testing.api import call, client_as
from goglobal.testing.downloads import csv_rows
from goglobal.testing.pages import login_redirect, vi
from goglobal.testing.world import ROLES, STAFF

pytestmark = pytest.mark.django_db

HEADER = [
    "Người tham dự", "E-mail", "Tổ chức", "Địa điểm", "Trạng thái",
    "Thứ tự trong danh sách chờ", "Lý do",
    "Mức sẵn sàng xuất khẩu", "Mức phù hợp với thị trường mục tiêu", "Sản phẩm",
    "Đã tham gia trước đây", "Tổng điểm",
    "Đăng ký lúc", "Liên kết",
]  # fmt: skip
NOT_STAFF = [role for role in ROLES if role not in STAFF and role != "anonymous"]


@pytest.fixture
def forum(world):
    """A moderated forum in Hà Nội with a bridge point in Tokyo (the JP mission's
    jurisdiction); the enterprise representative applied for their enterprise."""
    event = EventFactory(title_vi="Diễn đàn Tokyo", moderated=True)
    hanoi = VenueFactory(event=event, name="Hà Nội", is_main=True)
    tokyo = VenueFactory(
        event=event,
        name="Điểm cầu Tokyo",
        is_main=False,
        city="Tokyo",
        time_zone="Asia/Tokyo",
        country=Country.objects.get(code="JP"),
    )
    rows = {
        "applied": RegistrationFactory(
            venue=hanoi,
            full_name="Nguyễn An",
            email="an@example.vn",
            status=S.APPLIED,
            enterprise=world.ent_a,
            user=world.users["enterprise_rep"],
        ),
        "confirmed": RegistrationFactory(
            venue=tokyo, full_name="Sato Ken", organisation="Đại học Kyoto", status=S.CONFIRMED
        ),
        "waiting": RegistrationFactory(
            venue=tokyo, full_name="Tanaka Yui", status=S.WAITLISTED, waitlist_position=1
        ),
        "rejected": RegistrationFactory(
            venue=hanoi, full_name="Lê Bình", status=S.REJECTED, reason="Chưa đủ điều kiện"
        ),
    }
    Score.objects.create(
        registration=rows["applied"], criterion=Criterion.EXPORT_READINESS, value=4
    )
    Score.objects.create(registration=rows["applied"], criterion=Criterion.MARKET_FIT, value=3)
    RegistrationFactory(full_name="Người của sự kiện khác")  # another event's: never in the file
    return event, rows


def _page(event, fmt="csv"):
    return f"/events/{event.pk}/registrations/export.{fmt}"


def _api(event):
    return f"/api/v1/events/{event.pk}/registrations/export"


def _names(response) -> set[str]:
    return {row[0] for row in csv_rows(response)[1:]}


def _listed(client, event, query="") -> set[str]:
    """The names the API list gives the caller (the page's list gives staff the same)."""
    status, body = call(client, "get", f"/events/{event.pk}/registrations?page_size=100{query}")
    assert status == 200, status
    return {item["full_name"] for item in body["items"]}


@pytest.mark.parametrize("role", sorted(STAFF))
def test_the_organisers_download_exactly_the_lists_rows(world, forum, role):
    event, rows = forum
    client = client_as(world, role)
    everyone = {"Nguyễn An", "Sato Ken", "Tanaka Yui", "Lê Bình"}
    assert _listed(client, event) == everyone
    page = client.get(f"/events/{event.pk}/registrations/").content.decode()
    assert all(name in page for name in everyone) and "Người của sự kiện khác" not in page
    assert _names(client.get(_page(event))) == everyone
    assert _names(client.get(_api(event))) == everyone


def test_the_file_has_the_lists_columns_in_vietnamese(world, forum):
    event, rows = forum
    client = client_as(world, "admin")
    table = csv_rows(client.get(_page(event)))
    assert table[0] == HEADER
    by_name = {row[0]: row for row in table[1:]}
    link = f"http://testserver/events/{event.pk}/"

    def registered(name):
        return timezone.localtime(rows[name].created_at).strftime("%Y-%m-%d %H:%M")

    assert by_name["Nguyễn An"] == [
        "Nguyễn An", "an@example.vn", "Công ty A", "Hà Nội", vi("Applied"), "", "",
        "4", "3", "", "", "7", registered("applied"), link,
    ]  # fmt: skip
    assert by_name["Sato Ken"][2:7] == ["Đại học Kyoto", "Điểm cầu Tokyo", vi("Confirmed"), "", ""]
    assert by_name["Tanaka Yui"][4:6] == [vi("On the waiting list"), "1"]
    assert by_name["Lê Bình"][4:7] == [vi("Rejected"), "", "Chưa đủ điều kiện"]
    assert by_name["Lê Bình"][7:12] == ["", "", "", "", "0"]
    # The API's file is the page's.
    assert csv_rows(client.get(_api(event))) == table


def test_an_unmoderated_events_file_has_no_score_columns(world):
    venue = VenueFactory(event__moderated=False)
    # What a participant typed reaches a spreadsheet as text, never as a formula.
    RegistrationFactory(venue=venue, full_name="Phạm Chi", organisation="=HYPERLINK(1)")
    client = client_as(world, "programme_officer")
    table = csv_rows(client.get(_page(venue.event)))
    assert table[0] == [*HEADER[:7], *HEADER[-2:]]
    assert [row[:3] for row in table[1:]] == [["Phạm Chi", table[1][1], "'=HYPERLINK(1)"]]
    # An offered place keeps its old position, which the list shows of those waiting only.
    RegistrationFactory(venue=venue, full_name="Vũ Dũng", status=S.OFFERED, waitlist_position=2)
    offered = csv_rows(client.get(_page(venue.event) + "?status=offered"))[1]
    assert offered[:6] == ["Vũ Dũng", offered[1], "", venue.name, vi("Offered a place"), ""]


def test_the_xlsx_file_holds_the_same_rows(world, forum):
    event, _rows = forum
    client = client_as(world, "admin")
    response = client.get(_page(event, "xlsx"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [
        ["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)
    ]
    assert values == csv_rows(client.get(_page(event)))
    api = client.get(_api(event), {"format": "xlsx"})
    assert api.status_code == 200 and api["Content-Disposition"].endswith('.xlsx"')


def test_the_status_filter_is_the_lists(world, forum):
    event, _rows = forum
    client = client_as(world, "admin")
    assert _names(client.get(_page(event) + "?status=applied")) == {"Nguyễn An"}
    assert _names(client.get(_api(event) + "?status=waitlisted")) == {"Tanaka Yui"}
    assert _listed(client, event, "&status=waitlisted") == {"Tanaka Yui"}
    # An unknown status is no filter on the page (as on its list) and 422 on the API (as its list).
    page_list = client.get(f"/events/{event.pk}/registrations/?status=bogus")
    assert page_list.status_code == 200
    assert len(_names(client.get(_page(event) + "?status=bogus"))) == 4
    assert call(client, "get", f"/events/{event.pk}/registrations?status=bogus")[0] == 422
    assert client.get(_api(event) + "?status=bogus").status_code == 422


@pytest.mark.parametrize("role", NOT_STAFF)
def test_other_roles_are_refused_as_on_the_page(world, forum, role):
    event, _rows = forum
    client = client_as(world, role)
    listed = client.get(f"/events/{event.pk}/registrations/")
    assert listed.status_code == 403
    for url in (_page(event), _page(event, "xlsx")):
        response = client.get(url)
        assert response.status_code == 403, url
        assert b"Nguy" not in response.content


@pytest.mark.parametrize("role", NOT_STAFF)
def test_other_roles_get_no_file_from_the_api(world, forum, role):
    """The API's list gives each caller the registrations it may see (its own; a mission
    officer the bridge points of its jurisdiction); its file is the organisers' alone."""
    event, _rows = forum
    client = client_as(world, role)
    for query in ("", "?format=xlsx", "?status=confirmed"):
        response = client.get(_api(event) + query)
        assert response.status_code == 403, (query, response.status_code)
        assert "application/json" in response["Content-Type"]
        assert b"Sato" not in response.content and b"Nguy" not in response.content


def test_the_list_shows_the_jp_mission_and_the_representative_some_rows_but_no_file(world, forum):
    event, _rows = forum
    officer = client_as(world, "mission_officer")
    assert _listed(officer, event) == {"Sato Ken", "Tanaka Yui"}
    assert officer.get(_api(event)).status_code == 403
    rep = client_as(world, "enterprise_rep")
    assert _listed(rep, event) == {"Nguyễn An"}
    assert rep.get(_api(event)).status_code == 403
    assert _listed(client_as(world, "mission_multi"), event) == set()


def test_anonymous_is_sent_to_sign_in_on_the_page_and_refused_by_the_api(world, forum):
    event, _rows = forum
    client = client_as(world, "anonymous")
    listed = client.get(f"/events/{event.pk}/registrations/")
    response = client.get(_page(event))
    assert response.status_code == listed.status_code == 302
    assert response["Location"] == login_redirect(_page(event))
    api = client.get(_api(event))
    assert api.status_code == 401 and b"Sato" not in api.content


def test_the_page_links_its_download_with_the_current_filter(world, forum):
    event, _rows = forum
    client = client_as(world, "admin")
    filtered = client.get(f"/events/{event.pk}/registrations/?status=applied").content.decode()
    assert f'href="/events/{event.pk}/registrations/export.csv?status=applied"' in filtered
    assert f'href="/events/{event.pk}/registrations/export.xlsx?status=applied"' in filtered
    plain = client.get(f"/events/{event.pk}/registrations/").content.decode()
    assert f'href="/events/{event.pk}/registrations/export.csv"' in plain
    bogus = client.get(f"/events/{event.pk}/registrations/?status=bogus").content.decode()
    assert f'href="/events/{event.pk}/registrations/export.csv"' in bogus
    assert vi("Download this list:") in plain


def test_bad_format_and_unknown_or_non_numeric_events(world, forum):
    event, _rows = forum
    client = client_as(world, "admin")
    assert client.get(_page(event, "ods")).status_code == 404
    assert client.get(_page(event, "json")).status_code == 404
    assert client.get(_api(event) + "?format=ods").status_code == 422
    assert client.get("/events/999999/registrations/export.csv").status_code == 404
    assert client.get("/events/abc/registrations/export.csv").status_code == 404
    assert client.get("/api/v1/events/999999/registrations/export").status_code == 404
    # The API validates its path as every route does: not an id is 422, as on the list.
    for path in ("/events/abc/registrations", "/events/0/registrations"):
        assert call(client, "get", path)[0] == 422
        assert client.get(f"/api/v1{path}/export").status_code == 422


def test_a_draft_events_registrations_download_for_staff(world):
    venue = VenueFactory(event__status=EventStatus.DRAFT)
    RegistrationFactory(venue=venue, full_name="Đỗ Hà")
    assert _names(client_as(world, "admin").get(_page(venue.event))) == {"Đỗ Hà"}
    assert client_as(world, "enterprise_rep").get(_api(venue.event)).status_code == 403


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        csv_rows(response)  # the CSV is streamed: its queries run as it is read
    return len(queries)


def test_the_download_runs_no_query_per_row(world, forum):
    event, _rows = forum
    client = client_as(world, "admin")
    before = {url: _queries(client, url) for url in (_page(event), _api(event))}
    venue = event.venues.get(name="Hà Nội")
    for n in range(6):
        registration = RegistrationFactory(
            venue=venue, status=S.APPLIED, enterprise=world.ent_b, full_name=f"Thêm {n}"
        )
        Score.objects.create(registration=registration, criterion=Criterion.PRODUCT, value=2)
    after = {url: _queries(client, url) for url in (_page(event), _api(event))}
    assert after == before


# Booths -----------------------------------------------------------------------------------


@pytest.fixture
def fair(world):
    event = EventFactory(title_vi="Hội chợ Tokyo", kind=EventKind.FAIR_BOOTH)
    hall = Booth.objects.create(event=event, name="Gian Việt Nam", location="Hall 4, A12")
    first = Exhibitor.objects.create(booth=hall, enterprise=world.ent_a)
    first.products.set([world.product_a])
    Exhibitor.objects.create(booth=hall, enterprise=world.ent_b)
    Booth.objects.create(event=event, name="Gian trống")
    other = EventFactory(kind=EventKind.FAIR_BOOTH)
    Booth.objects.create(event=other, name="Gian của hội chợ khác")
    return event


def test_the_booth_list_downloads_as_it_shows(world, fair):
    client = client_as(world, "anonymous")
    page = client.get(f"/events/{fair.pk}/booths/").content.decode()
    assert f'href="/events/{fair.pk}/booths/export.csv"' in page
    table = csv_rows(client.get(f"/events/{fair.pk}/booths/export.csv"))
    link = f"http://testserver/events/{fair.pk}/"
    product = world.product_a.name_vi
    assert table[0] == ["Gian hàng", "Khu và số gian", "Đơn vị trưng bày", "Liên kết"]
    assert sorted(table[1:]) == sorted(
        [
            ["Gian trống", "", "", link],
            ["Gian Việt Nam", "Hall 4, A12", f"Công ty A — {product}; Công ty B", link],
        ]
    )
    assert csv_rows(client.get(f"/api/v1/events/{fair.pk}/booths/export")) == table
    xlsx = client.get(f"/events/{fair.pk}/booths/export.xlsx")
    assert xlsx.status_code == 200 and xlsx["Content-Disposition"].endswith('.xlsx"')


def test_booth_downloads_refuse_what_the_list_refuses(world):
    draft = EventFactory(kind=EventKind.FAIR_BOOTH, status=EventStatus.DRAFT)
    Booth.objects.create(event=draft, name="Gian nháp")
    forum = EventFactory(kind=EventKind.FORUM)
    public, staff = client_as(world, "enterprise_rep"), client_as(world, "admin")
    assert public.get(f"/events/{draft.pk}/booths/").status_code == 404
    assert public.get(f"/events/{draft.pk}/booths/export.csv").status_code == 404
    assert public.get(f"/api/v1/events/{draft.pk}/booths/export").status_code == 404
    assert [row[0] for row in csv_rows(staff.get(f"/events/{draft.pk}/booths/export.csv"))] == [
        "Gian hàng", "Gian nháp",
    ]  # fmt: skip
    assert staff.get(f"/events/{forum.pk}/booths/export.csv").status_code == 404
    assert staff.get(f"/events/{draft.pk}/booths/export.ods").status_code == 404
    assert staff.get(f"/api/v1/events/{draft.pk}/booths/export?format=ods").status_code == 422
    assert staff.get("/api/v1/events/999999/booths/export").status_code == 404
