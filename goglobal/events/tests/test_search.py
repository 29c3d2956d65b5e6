"""Events in the one search: registered by the events app (search.py), scoped by its own
selector, kept in step by its services; the search core is unchanged."""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from goglobal.accounts.models import Role
from goglobal.events import services
from goglobal.events.models import EventSeries
from goglobal.events.tests.factories import RegistrationFactory
from goglobal.search.models import SearchEntry
from goglobal.search.selectors import SearchFilters, search_for_user
from goglobal.search.services import search_rebuild
from goglobal.testing.factories import (
    EnterpriseFactory,
    ForeignOrganisationFactory,
    user_with_role,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_hashers")]

FORUM = {
    "title_vi": "Diễn đàn Kinh tế số Đông Nam Á",
    "title_en": "South-East Asia Digital Economy Forum",
    "description_vi": "Kết nối doanh nghiệp công nghệ số với nhà đầu tư trong khu vực.",
    "kind": "forum",
    "organiser": "Bộ Khoa học và Công nghệ",
    # 08:30 on the 15th to 17:00 on the 16th in Hà Nội.
    "starts_at": dt.datetime(2030, 9, 15, 1, 30, tzinfo=dt.UTC),
    "ends_at": dt.datetime(2030, 9, 16, 10, 0, tzinfo=dt.UTC),
    "status": "published",
    "sectors": ["ai"],
}
HANOI = {
    "name": "Trung tâm Hội nghị Quốc gia",
    "country": "VN",
    "city": "Hà Nội",
    "time_zone": "Asia/Ho_Chi_Minh",
    "capacity": 500,
    "is_main": True,
}
SINGAPORE = {
    "name": "Điểm cầu Singapore",
    "country": "SG",
    "city": "Singapore",
    "time_zone": "Asia/Singapore",
    "capacity": 50,
}
TITLE = FORUM["title_vi"]


@pytest.fixture
def staff():
    return user_with_role(Role.PROGRAMME_OFFICER)


def _forum(staff, **changes):
    event = services.event_create(actor=staff, data={**FORUM, **changes})
    services.venue_create(actor=staff, event=event, data=HANOI)
    return event


def _found(user, q, **filters) -> list[tuple[str, str]]:
    result = search_for_user(user, q, SearchFilters(**filters))
    return [(hit.kind, hit.title) for hit in result.items]


ENTRY_FIELDS = ("object_id", "title", "title_en", "subtitle", "subtitle_en", "url", "sort_key",
                "names", "body", "facets")  # fmt: skip


def _entries() -> list[tuple]:
    return sorted(SearchEntry.objects.filter(kind="event").values_list(*ENTRY_FIELDS))


def test_event_is_found_without_diacritics_with_its_dates_and_place(staff):
    event = _forum(staff)
    hits = search_for_user(AnonymousUser(), "dien dan kinh te so dong nam a").items
    assert [(h.kind, h.kind_label, h.title, h.subtitle, h.url) for h in hits] == [
        (
            "event",
            "Sự kiện",
            TITLE,
            "15/09/2030 – 16/09/2030 · Hà Nội, Việt Nam",
            f"/events/{event.pk}/",
        )
    ]
    # By its venue, its English title, its organiser and its kind in either language.
    for q in ("trung tam hoi nghi", "digital economy forum", "bo khoa hoc", "dien dan"):
        assert _found(AnonymousUser(), q, type="event") == [("event", TITLE)], q


def test_public_does_not_find_a_draft_event_but_staff_do(staff):
    event = _forum(staff, status="draft")
    representative = user_with_role(Role.ENTERPRISE_REP, enterprise=EnterpriseFactory())
    assert _found(AnonymousUser(), "dong nam a") == []
    assert _found(representative, "dong nam a") == []
    assert _found(staff, "dong nam a") == [("event", TITLE)]
    services.event_update(actor=staff, event=event, data={"status": "published"})
    assert _found(AnonymousUser(), "dong nam a") == [("event", TITLE)]
    services.event_update(actor=staff, event=event, data={"status": "cancelled"})
    assert _found(AnonymousUser(), "dong nam a") == []
    assert _found(staff, "dong nam a") == [("event", TITLE)]


def test_invitation_only_event_is_found_by_its_invitee_only(staff):
    event = _forum(staff, is_public=False)
    invitee = user_with_role(Role.ENTERPRISE_REP)
    stranger = user_with_role(Role.ENTERPRISE_REP)
    RegistrationFactory(venue=event.venues.get(), user=invitee, status="invited")
    assert _found(invitee, "dong nam a") == [("event", TITLE)]
    assert _found(stranger, "dong nam a") == []
    assert _found(AnonymousUser(), "dong nam a") == []


def test_an_update_renames_the_event_in_the_index(staff):
    event = _forum(staff)
    services.event_update(
        actor=staff, event=event, data={"title_vi": "Diễn đàn Chuyển đổi số Mê Kông"}
    )
    assert _found(AnonymousUser(), "dong nam a") == []
    assert _found(AnonymousUser(), "me kong") == [("event", "Diễn đàn Chuyển đổi số Mê Kông")]


def test_a_bridge_point_adds_its_city_and_country_and_a_venue_edit_moves_the_event(staff):
    event = _forum(staff)
    assert _found(AnonymousUser(), "kinh te so", country="SG") == []
    services.venue_create(actor=staff, event=event, data=SINGAPORE)
    assert _found(AnonymousUser(), "kinh te so", country="SG") == [("event", TITLE)]
    assert _found(AnonymousUser(), "kinh te so", country="VN", sector="ai") == [("event", TITLE)]
    hanoi = event.venues.get(is_main=True)
    services.venue_update(actor=staff, venue=hanoi, data={"city": "Đà Nẵng"})
    hit = search_for_user(AnonymousUser(), "da nang").items
    assert [(h.title, h.subtitle) for h in hit] == [
        (TITLE, "15/09/2030 – 16/09/2030 · Đà Nẵng, Việt Nam")
    ]


def test_a_delete_removes_the_event_from_the_index(staff):
    event, other = _forum(staff), _forum(staff, title_vi="Hội thảo Dữ liệu mở")
    event.delete()
    assert list(SearchEntry.objects.filter(kind="event").values_list("object_id", flat=True)) == [
        other.pk
    ]
    assert _found(staff, "dong nam a") == []


def test_a_rebuild_gives_the_entries_the_services_wrote(staff):
    series = EventSeries.objects.create(name_vi="Chuỗi diễn đàn khu vực", name_en="Regional forums")
    partner = ForeignOrganisationFactory(name="Phoenix Partnership")
    event = _forum(staff, series=series.pk, partner_organisations=[partner.pk],
                   target_countries=["TH"])  # fmt: skip
    services.venue_create(actor=staff, event=event, data=SINGAPORE)
    _forum(staff, title_vi="Hội thảo Dữ liệu mở", status="draft")
    written = _entries()
    assert len(written) == 2
    assert _found(AnonymousUser(), "phoenix", type="event") == [("event", TITLE)]
    assert _found(AnonymousUser(), "thai lan chuoi dien dan", type="event") == [("event", TITLE)]
    SearchEntry.objects.filter(kind="event").delete()
    counts = search_rebuild(kinds=["event"])
    assert counts["event"] == 2
    assert _entries() == written


def test_api_search_filters_to_events_and_counts_the_other_kinds(staff):
    event = _forum(staff)
    EnterpriseFactory(name_vi="Công ty Cổ phần Kinh tế số Đông Nam Á")
    search_rebuild(kinds=["enterprise"])
    response = Client().get("/api/v1/search", {"q": "dong nam a", "type": "event"})
    assert response.status_code == 200
    body = response.json()
    assert [(item["kind"], item["id"], item["kind_label"]) for item in body["items"]] == [
        ("event", event.pk, "Sự kiện")
    ]
    assert body["count"] == 1
    types = next(facet for facet in body["facets"] if facet["name"] == "type")
    assert {v["value"]: (v["label"], v["count"]) for v in types["values"]} == {
        "enterprise": ("Doanh nghiệp", 1),
        "event": ("Sự kiện", 1),
    }
    everything = Client().get("/api/v1/search", {"q": "dong nam a"}).json()
    assert {item["kind"] for item in everything["items"]} == {"enterprise", "event"}


def test_api_search_refuses_an_unknown_type_and_lists_event_among_the_known():
    response = Client().get("/api/v1/search", {"q": "dong nam a", "type": "events"})
    assert response.status_code == 422
    assert "event" in response.json()["errors"][0]["message"].split(": ")[-1].rstrip(".").split(
        ", "
    )


def test_search_page_shows_the_event_with_its_kind_in_vietnamese(staff):
    event = _forum(staff)
    page = Client().get("/search/", {"q": "dong nam a"}).content.decode()
    assert f'<span class="tag">Sự kiện</span> <a href="/events/{event.pk}/">{TITLE}</a>' in page
    assert "?q=dong+nam+a&amp;type=event" in page  # the type facet offers events


def _queries(client, q) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as context:
        response = client.get("/api/v1/search", {"q": q})
    assert response.status_code == 200
    return response.json()["count"], len(context)


@pytest.mark.parametrize("role", ["anonymous", Role.PROGRAMME_OFFICER])
def test_search_queries_do_not_grow_with_events_one_visibility_query_for_the_kind(staff, role):
    client = Client()
    if role != "anonymous":
        client.force_login(user_with_role(role))
    EnterpriseFactory(name_vi="Công ty Cổ phần Hồ Tây")
    search_rebuild(kinds=["enterprise"])
    _queries(client, "ho tay")  # warms the facet labels read once per process
    without_events = _queries(client, "ho tay")
    _forum(staff, title_vi="Diễn đàn Hồ Tây 1")
    one = _queries(client, "ho tay")
    for n in (2, 3):
        _forum(staff, title_vi=f"Diễn đàn Hồ Tây {n}")
    three = _queries(client, "ho tay")
    assert (without_events[0], one[0], three[0]) == (1, 2, 4)
    assert one[1] == three[1]
    # The public's events are checked by one query of the events' selector; staff see them all.
    assert one[1] - without_events[1] == (1 if role == "anonymous" else 0)


def test_a_renamed_or_deleted_partner_organisation_is_rewritten_in_its_events(staff):
    """The event's entry lists its partners' names (SearchSource.includes): the organisation's
    own service and its delete rewrite it, though the partners app knows nothing of events."""
    from goglobal.partners.services import foreign_organisation_update

    partner = ForeignOrganisationFactory(name="Phoenix Partnership")
    _forum(staff, partner_organisations=[partner.pk])
    assert _found(staff, "phoenix", type="event") == [("event", TITLE)]
    foreign_organisation_update(actor=staff, organisation=partner, data={"name": "Lotus Alliance"})
    assert _found(staff, "phoenix", type="event") == []
    assert _found(staff, "lotus alliance", type="event") == [("event", TITLE)]
    written = _entries()
    partner.delete()
    assert _found(staff, "lotus", type="event") == []
    assert _found(staff, "dong nam a", type="event") == [("event", TITLE)]
    # Each time, what a rebuild writes.
    assert _entries() != written
    rewritten = _entries()
    search_rebuild(kinds=["event"])
    assert _entries() == rewritten


def test_an_english_page_shows_the_event_in_english(staff):
    from django.utils import translation

    from goglobal.reference.models import Country

    _forum(staff)
    with translation.override("en"):
        hit = search_for_user(AnonymousUser(), "dien dan kinh te so").items[0]
    vietnam = Country.objects.get(code="VN").name_en
    assert (hit.title, hit.subtitle) == (
        "South-East Asia Digital Economy Forum",
        f"15/09/2030 – 16/09/2030 · Hà Nội, {vietnam}",
    )
    assert vietnam != "Việt Nam"
