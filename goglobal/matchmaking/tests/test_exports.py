"""The match profile list as a download: signed-in users, each getting the profiles its list
shows (staff every one, others the published ones and their own), with the list's search."""

import pytest
from django.test import Client

from goglobal.accounts.models import Role
from goglobal.matchmaking.tests.factories import enterprise_profile, foreign_profile, rep_of
from goglobal.reference.models import Country
from goglobal.testing.downloads import csv_rows
from goglobal.testing.factories import user_with_role
from goglobal.testing.pages import login_redirect

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def profiles(db):
    shown = foreign_profile("ai", summary="Looking for AI partners in Viet Nam")
    shown.markets.set([Country.objects.get(code="VN")])
    hidden = enterprise_profile("fintech", is_published=False)
    own = enterprise_profile("iot", is_published=False)
    return shown, hidden, own


def test_each_user_downloads_the_profiles_its_list_shows(profiles):
    shown, hidden, own = profiles
    officer = _client(user_with_role(Role.PROGRAMME_OFFICER))
    owner = _client(rep_of(own))
    for url in ("/matchmaking/export.csv", "/api/v1/matchmaking/profiles/export"):
        assert {row[0] for row in csv_rows(officer.get(url))[1:]} == {
            shown.name, hidden.name, own.name,
        }, url  # fmt: skip
        assert {row[0] for row in csv_rows(owner.get(url))[1:]} == {shown.name, own.name}, url


def test_the_public_gets_none(profiles):
    client = Client()
    assert client.get("/matchmaking/export.csv")["Location"] == login_redirect(
        "/matchmaking/export.csv"
    )
    assert csv_rows(client.get("/api/v1/matchmaking/profiles/export"))[1:] == []


def test_the_file_has_the_profiles_columns_search_and_links(profiles):
    shown, _hidden, own = profiles
    owner = _client(rep_of(own))
    rows = csv_rows(owner.get(f"/matchmaking/export.csv?q={shown.name[:12]}"))
    assert rows[0] == ["Tổ chức", "Lĩnh vực", "Thị trường", "Tóm tắt", "Đã công bố", "Liên kết"]
    assert rows[1:] == [[
        shown.name, "ai", "VN", "Looking for AI partners in Viet Nam", "✓",
        f"http://testserver/matchmaking/profiles/{shown.pk}/",
    ]]  # fmt: skip
    mine = csv_rows(owner.get("/api/v1/matchmaking/profiles/export?mine=true"))
    assert [row[0] for row in mine[1:]] == [own.name]
    page = owner.get("/matchmaking/?q=Partner").content.decode()
    assert 'href="/matchmaking/export.csv?q=Partner"' in page
    assert owner.get("/matchmaking/export.txt").status_code == 404
    assert owner.get("/api/v1/matchmaking/profiles/export?format=txt").status_code == 422


def test_a_nul_in_the_search_box_is_dropped_on_the_list_and_its_file(profiles):
    shown, _hidden, own = profiles
    owner = _client(rep_of(own))
    typed = f"{shown.name[:4]}\x00{shown.name[4:12]}"
    assert shown.name in owner.get("/matchmaking/", {"q": typed}).content.decode()
    rows = csv_rows(owner.get("/matchmaking/export.csv", {"q": typed}))
    assert [row[0] for row in rows[1:]] == [shown.name]
