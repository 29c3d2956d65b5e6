"""The agreement list as a download: for each role exactly the agreements its list shows, with
the list's filters and columns."""

import pytest

from goglobal.testing.api import client_as
from goglobal.testing.downloads import csv_rows

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("admin", {"agreement_jp", "agreement_de_sgn"}),
        ("mission_officer", {"agreement_jp", "agreement_de_sgn"}),
        ("mission_multi", {"agreement_de_sgn"}),
        ("enterprise_rep", {"agreement_de_sgn"}),
        ("anonymous", {"agreement_de_sgn"}),
    ],
)
def test_each_role_downloads_the_agreements_its_list_shows(desk_world, role, expected):
    client = client_as(desk_world, role)
    links = {
        f"http://testserver/agreements/{desk_world.rows[name].pk}/": name
        for name in ("agreement_jp", "agreement_de_sgn")
    }
    for url in ("/agreements/export.csv", "/api/v1/agreements/export"):
        assert {links[row[-1]] for row in csv_rows(client.get(url))[1:]} == expected, url


def test_the_file_has_the_lists_columns_and_filters(desk_world):
    client = client_as(desk_world, "admin")
    signed = desk_world.agreement_de_sgn
    rows = csv_rows(client.get("/agreements/export.csv?country=DE"))
    assert rows[0] == ["Tiêu đề", "Loại", "Đối tác", "Nước đối tác", "Trạng thái",
                       "Ngày đề xuất", "Ngày ký", "Liên kết"]  # fmt: skip
    assert rows[1:] == [[
        signed.title, signed.get_kind_display(), signed.partner_name, "DE",
        signed.get_status_display(), signed.proposed_on.isoformat(), signed.signed_on.isoformat(),
        f"http://testserver/agreements/{signed.pk}/",
    ]]  # fmt: skip
    assert csv_rows(client.get("/api/v1/agreements/export?status=proposed"))[1][0] == (
        desk_world.agreement_jp.title
    )
    page = client.get("/agreements/?country=DE").content.decode()
    assert 'href="/agreements/export.csv?country=DE"' in page
    assert client.get("/agreements/export.json").status_code == 404
    assert client.get("/api/v1/agreements/export?kind=treaty").status_code == 422
