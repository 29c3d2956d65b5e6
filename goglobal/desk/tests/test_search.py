"""Business opportunities in the one search: registered by the desk (desk/search.py), scoped by
the desk's own selector, kept in step by its services; the search core is unchanged."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from goglobal.desk.services.opportunities import opportunity_close, opportunity_create
from goglobal.desk.tests.helpers import opportunity_payload
from goglobal.search.models import SearchEntry
from goglobal.search.selectors import SearchFilters, search_for_user
from goglobal.search.services import search_rebuild
from goglobal.testing import factories as f

pytestmark = pytest.mark.django_db

OSAKA = "Gói thầu AI cho bệnh viện Osaka"

ENTRY_FIELDS = ("object_id", "title", "title_en", "subtitle", "subtitle_en", "url", "sort_key",
                "names", "body", "facets")  # fmt: skip


def _found(user, q, **filters) -> list[tuple[str, str]]:
    result = search_for_user(user, q, SearchFilters(**filters))
    return [(hit.kind, hit.title) for hit in result.items]


def _entries() -> list[tuple]:
    return sorted(SearchEntry.objects.filter(kind="opportunity").values_list(*ENTRY_FIELDS))


def test_opportunity_is_found_without_diacritics_by_those_the_desk_selector_lets_see(desk_world):
    opp = desk_world.opp_jp
    hits = search_for_user(desk_world.users["programme_officer"], "goi thau benh vien").items
    assert [(h.kind, h.kind_label, h.title, h.subtitle, h.url) for h in hits] == [
        (
            "opportunity",
            "Cơ hội kinh doanh",
            OSAKA,
            f"{desk_world.mission_jp.name_vi} · Nhật Bản · {opp.deadline:%d/%m/%Y}",
            f"/desk/opportunities/{opp.pk}/",
        )
    ]
    # The mission of its country and enterprise representatives (it is open) find it; by its
    # kind in either language too.
    for role in ("mission_officer", "enterprise_rep"):
        assert _found(desk_world.users[role], "osaka") == [("opportunity", OSAKA)], role
    assert _found(desk_world.users["enterprise_rep"], "tender chan doan") == [
        ("opportunity", OSAKA)
    ]
    # Not allowed: the public, a partner, another country's mission.
    for role in ("anonymous", "partner_rep", "mission_multi"):
        user = AnonymousUser() if role == "anonymous" else desk_world.users[role]
        assert _found(user, "osaka") == [], role


def test_a_closed_opportunity_is_found_only_by_enterprises_that_matched_it(desk_world):
    officer = desk_world.users["mission_officer"]
    opp = opportunity_create(
        actor=officer,
        data=opportunity_payload(desk_world.mission_jp.pk, title="Đối tác dữ liệu Kyoto"),
    )
    stranger = f.user_with_role("enterprise_rep", enterprise=desk_world.ent_b)
    assert _found(stranger, "kyoto") == [("opportunity", "Đối tác dữ liệu Kyoto")]
    opportunity_close(actor=officer, opportunity=opp, outcome="no_deal")
    assert _found(stranger, "kyoto") == []
    # ent_a matched it (sector ai, present in Japan).
    assert _found(desk_world.users["enterprise_rep"], "kyoto") == [
        ("opportunity", "Đối tác dữ liệu Kyoto")
    ]
    assert _found(officer, "kyoto") == [("opportunity", "Đối tác dữ liệu Kyoto")]


def test_opportunity_facets_country_and_sector_and_type_filter(desk_world):
    staff = desk_world.users["programme_officer"]
    assert _found(staff, "osaka", country="JP", sector="ai") == [("opportunity", OSAKA)]
    assert _found(staff, "osaka", country="DE") == []
    response = Client()
    response.force_login(staff)
    body = response.get("/api/v1/search", {"q": "osaka", "type": "opportunity"}).json()
    assert [(item["kind"], item["id"]) for item in body["items"]] == [
        ("opportunity", desk_world.opp_jp.pk)
    ]
    types = next(facet for facet in body["facets"] if facet["name"] == "type")
    assert {v["value"]: v["label"] for v in types["values"]} == {"opportunity": "Cơ hội kinh doanh"}


def test_a_delete_removes_the_opportunity_and_a_rebuild_gives_the_written_entries(desk_world):
    other = opportunity_create(
        actor=desk_world.users["mission_officer"],
        data=opportunity_payload(desk_world.mission_jp.pk, title="Đầu tư trung tâm dữ liệu Kobe",
                                 kind="investment"),
    )  # fmt: skip
    written = _entries()
    assert [row[0] for row in written] == [desk_world.opp_jp.pk, other.pk]
    SearchEntry.objects.filter(kind="opportunity").delete()
    assert search_rebuild(kinds=["opportunity"])["opportunity"] == 2
    assert _entries() == written
    other.delete()
    assert [row[0] for row in _entries()] == [desk_world.opp_jp.pk]
    assert _found(desk_world.users["programme_officer"], "kobe") == []


def test_search_page_shows_the_opportunity_with_its_kind_in_vietnamese(desk_world):
    client = Client()
    client.force_login(desk_world.users["mission_officer"])
    page = client.get("/search/", {"q": "osaka"}).content.decode()
    url = f"/desk/opportunities/{desk_world.opp_jp.pk}/"
    assert f'<span class="tag">Cơ hội kinh doanh</span> <a href="{url}">{OSAKA}</a>' in page


def _queries(client, q) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as context:
        response = client.get("/api/v1/search", {"q": q})
    assert response.status_code == 200
    return response.json()["count"], len(context)


def test_search_queries_do_not_grow_with_opportunities(desk_world):
    client = Client()
    client.force_login(desk_world.users["enterprise_rep"])
    _queries(client, "osaka")  # warms the facet labels read once per process
    one = _queries(client, "osaka")
    for n in (2, 3):
        opportunity_create(
            actor=desk_world.users["mission_officer"],
            data=opportunity_payload(desk_world.mission_jp.pk, title=f"Gói thầu Osaka {n}"),
        )
    three = _queries(client, "osaka")
    assert (one[0], three[0]) == (1, 3)
    assert one[1] == three[1]


def test_a_renamed_mission_is_rewritten_in_its_opportunities(desk_world):
    """The opportunity's entry names its mission (SearchSource.includes): the mission's own
    service rewrites it, though the missions app knows nothing of the desk."""
    from goglobal.missions.services import mission_update

    officer = desk_world.users["programme_officer"]
    mission = desk_world.mission_jp
    old_name = " ".join(mission.name_vi.split()[-3:])
    assert _found(officer, f"osaka {old_name}") == [("opportunity", OSAKA)]
    mission_update(actor=officer, mission=mission, data={"name_vi": "Tổng lãnh sự quán Phù Tang"})
    assert _found(officer, f"osaka {old_name}") == []
    assert _found(officer, "osaka phu tang") == [("opportunity", OSAKA)]
    hit = search_for_user(officer, "osaka").items[0]
    assert hit.subtitle.startswith("Tổng lãnh sự quán Phù Tang · ")
    rewritten = _entries()
    search_rebuild(kinds=["opportunity"])
    assert _entries() == rewritten
    # A deleted mission takes its opportunities, and their entries, with it.
    mission.delete()
    assert _entries() == [] and _found(officer, "osaka") == []


def test_an_english_page_shows_the_opportunity_mission_and_country_in_english(desk_world):
    from django.utils import translation

    opp = desk_world.opp_jp
    with translation.override("en"):
        hit = search_for_user(desk_world.users["programme_officer"], "osaka").items[0]
    assert hit.subtitle == f"{desk_world.mission_jp.name_en} · Japan · {opp.deadline:%d/%m/%Y}"
    assert desk_world.mission_jp.name_en != desk_world.mission_jp.name_vi
