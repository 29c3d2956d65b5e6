"""The content order list as a download (page and API): only those who have the list get it,
each with exactly the orders the list shows them, with the list's filters and columns (in the
request's language, with a link to each order); a bad format is refused."""

import datetime as dt
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from goglobal.desk.models import ContentOrder
from goglobal.testing import factories as f
from goglobal.testing.api import call, client_as
from goglobal.testing.downloads import csv_rows
from goglobal.testing.pages import login_redirect

pytestmark = pytest.mark.django_db

ORDERS = ("order_jp", "order_late", "order_de")
# The orders each role's list page holds; the other signed-in roles have no list (403).
LISTED = {
    "admin": set(ORDERS),
    "programme_officer": set(ORDERS),
    "mission_officer": {"order_jp", "order_late"},
    "mission_multi": {"order_de"},
}
REFUSED = ("enterprise_rep", "partner_rep", "advisory_member")
HEADER = ["Tiêu đề", "Loại", "Cơ quan đại diện", "Cần trước ngày", "Quá hạn", "Trạng thái",
          "Liên kết"]  # fmt: skip


@pytest.fixture
def orders(desk_world):
    """Beside order_jp (mission_jp, video, requested, due in 30 days): order_late (mission_jp,
    photo set, requested, due yesterday: overdue) and order_de (mission_multi, article,
    accepted, due in 10 days)."""
    today = timezone.localdate()
    common = dict(languages=["vi"], purpose="Triển lãm.")
    desk_world.rows["order_late"] = ContentOrder.objects.create(
        mission=desk_world.mission_jp,
        kind="photo_set",
        title="Bộ ảnh Việt Nam số",
        deadline=today - dt.timedelta(days=1),
        **common,
    )
    desk_world.rows["order_de"] = ContentOrder.objects.create(
        mission=desk_world.mission_multi,
        kind="article",
        title="Bài viết về bán dẫn",
        deadline=today + dt.timedelta(days=10),
        status="accepted",
        **common,
    )
    return desk_world


def linked(world, rows: list[list[str]]) -> list[str]:
    """The world orders a download's rows link to (its last column), in file order."""
    names = {f"http://testserver/desk/orders/{world.rows[n].pk}/": n for n in ORDERS}
    return [names[row[-1]] for row in rows]


def shown_on_page(response) -> set[int]:
    assert response.status_code == 200
    return {int(pk) for pk in re.findall(r'href="/desk/orders/(\d+)/"', response.content.decode())}


def page_and_api(client, page_query: str, api_query: str) -> list[list[list[str]]]:
    """The page's and the API's CSV downloads, without their header rows."""
    return [
        csv_rows(client.get(f"/desk/orders/export.csv{page_query}"))[1:],
        csv_rows(client.get(f"/api/v1/content-orders/export{api_query}"))[1:],
    ]


@pytest.mark.parametrize(("role", "expected"), LISTED.items())
def test_each_role_downloads_the_orders_its_list_shows(orders, role, expected):
    client = client_as(orders, role)
    ids = orders.ids(*expected)
    assert shown_on_page(client.get("/desk/orders/")) == ids
    assert {item["id"] for item in call(client, "GET", "/content-orders")[1]["items"]} == ids
    for rows in page_and_api(client, "", ""):
        assert sorted(linked(orders, rows)) == sorted(expected)


@pytest.mark.parametrize("role", REFUSED)
def test_roles_without_the_list_get_no_orders(orders, role):
    client = client_as(orders, role)
    assert client.get("/desk/orders/").status_code == 403
    assert client.get("/desk/orders/export.csv").status_code == 403
    assert client.get("/desk/orders/export.xlsx").status_code == 403
    # The API's list is empty for them; so is its download.
    assert call(client, "GET", "/content-orders")[1]["count"] == 0
    assert csv_rows(client.get("/api/v1/content-orders/export"))[1:] == []


def test_the_public_is_sent_to_sign_in_or_gets_an_empty_file(orders):
    client = client_as(orders, "anonymous")
    page = client.get("/desk/orders/export.csv")
    assert page.status_code == 302
    assert page["Location"] == login_redirect("/desk/orders/export.csv")
    assert call(client, "GET", "/content-orders")[1]["count"] == 0
    assert csv_rows(client.get("/api/v1/content-orders/export"))[1:] == []


def test_the_file_has_the_lists_columns_in_vietnamese(orders):
    client = client_as(orders, "mission_officer")
    late, jp = orders.order_late, orders.order_jp
    mission = orders.mission_jp.name_vi
    expected = [
        HEADER,
        [late.title, "Bộ ảnh", mission, late.deadline.isoformat(), "Có", "Đã đặt hàng",
         f"http://testserver/desk/orders/{late.pk}/"],
        [jp.title, "Video", mission, jp.deadline.isoformat(), "Không", "Đã đặt hàng",
         f"http://testserver/desk/orders/{jp.pk}/"],
    ]  # fmt: skip
    assert csv_rows(client.get("/desk/orders/export.csv")) == expected
    assert csv_rows(client.get("/api/v1/content-orders/export")) == expected
    for url in ("/desk/orders/export.xlsx", "/api/v1/content-orders/export?format=xlsx"):
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/vnd.openxmlformats")
        sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
        assert [[cell.value for cell in row] for row in sheet.iter_rows()] == expected, url


def test_the_labels_follow_the_requests_language(orders):
    client = client_as(orders, "mission_multi")
    rows = csv_rows(client.get("/desk/orders/export.csv", HTTP_ACCEPT_LANGUAGE="en"))
    assert rows[0] == ["Title", "Kind", "Mission", "Needed by", "Overdue", "Status", "Link"]
    assert rows[1][1:6] == [
        "Article",
        orders.mission_multi.name_en,
        orders.order_de.deadline.isoformat(),
        "No",
        "Accepted",
    ]


@pytest.mark.parametrize(
    ("role", "page_query", "api_query", "expected"),
    [
        ("admin", "?status=accepted", "?status=accepted", ["order_de"]),
        ("admin", "?kind=photo_set", "?kind=photo_set", ["order_late"]),
        ("admin", "?overdue=on", "?overdue=true", ["order_late"]),
        ("admin", "?status=requested&kind=video", "?status=requested&kind=video", ["order_jp"]),
        ("admin", "?status=requested", "?status=requested", ["order_late", "order_jp"]),
        ("admin", "?status=delivered", "?status=delivered", []),
        # A filter never widens what a role sees.
        ("mission_multi", "?kind=photo_set", "?kind=photo_set", []),
        ("mission_officer", "?status=accepted", "?status=accepted", []),
    ],
)
def test_the_downloads_take_the_lists_filters(orders, role, page_query, api_query, expected):
    client = client_as(orders, role)
    listed = shown_on_page(client.get(f"/desk/orders/{page_query}"))
    assert listed == orders.ids(*expected)
    _, body = call(client, "GET", f"/content-orders{api_query}")
    assert [item["id"] for item in body["items"]] == [orders.rows[n].pk for n in expected]
    for rows in page_and_api(client, page_query, api_query):
        assert linked(orders, rows) == expected


def test_unknown_filter_values_are_treated_as_the_list_treats_them(orders):
    client = client_as(orders, "admin")
    # The page's list ignores a value it does not know; so does its download.
    query = "?status=bogus&kind=castle"
    assert shown_on_page(client.get(f"/desk/orders/{query}")) == orders.ids(*ORDERS)
    rows = csv_rows(client.get(f"/desk/orders/export.csv{query}"))[1:]
    assert sorted(linked(orders, rows)) == sorted(ORDERS)
    # The API's list refuses it (422); so does its download.
    for query in ("?status=bogus", "?kind=castle", "?overdue=maybe"):
        assert call(client, "GET", f"/content-orders{query}")[0] == 422, query
        assert client.get(f"/api/v1/content-orders/export{query}").status_code == 422, query


def test_a_bad_format_is_not_found_on_the_page_and_refused_by_the_api(orders):
    client = client_as(orders, "admin")
    assert client.get("/desk/orders/export.doc").status_code == 404
    assert client.get("/desk/orders/export.pdf?status=requested").status_code == 404
    assert client.get("/api/v1/content-orders/export?format=doc").status_code == 422


def test_the_list_page_links_to_its_downloads_with_the_current_filters(orders):
    client = client_as(orders, "mission_officer")
    page = client.get("/desk/orders/?status=requested&kind=video&page=1").content.decode()
    for fmt in ("csv", "xlsx"):
        assert f'href="/desk/orders/export.{fmt}?status=requested&amp;kind=video"' in page
    # The filter form swaps only the results, which carry the links too.
    part = client.get("/desk/orders/?overdue=on", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results")
    assert "<h1>" not in part.content.decode()
    assert 'href="/desk/orders/export.csv?overdue=on"' in part.content.decode()
    plain = client.get("/desk/orders/").content.decode()
    assert 'href="/desk/orders/export.csv"' in plain


def test_more_rows_cost_no_more_queries(orders):
    client = client_as(orders, "admin")

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            assert len(csv_rows(client.get("/api/v1/content-orders/export"))) > 1
        return len(context)

    before = queries()
    for n in range(3):
        ContentOrder.objects.create(
            mission=f.MissionFactory(),
            kind="brochure",
            title=f"Tờ rơi {n}",
            languages=["en"],
            purpose="Hội chợ.",
            deadline=timezone.localdate() + dt.timedelta(days=n),
        )
    assert queries() == before
