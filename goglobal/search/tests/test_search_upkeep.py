"""The index follows every write made through the services, and deletes by cascade; the
rebuild command gives the same index as the writes did."""

import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from goglobal.accounts.models import Role
from goglobal.enterprises import services
from goglobal.enterprises.models import Enterprise
from goglobal.missions.services import mission_create, mission_update
from goglobal.partners.services import foreign_organisation_create, foreign_organisation_update
from goglobal.search.models import SearchEntry
from goglobal.search.selectors import SearchFilters, search_for_user
from goglobal.testing.factories import user_with_role, valid_tax_code

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_hashers")]


def _found(user, q, **filters):
    return [
        (hit.kind, hit.title) for hit in search_for_user(user, q, SearchFilters(**filters)).items
    ]


def _tax_code() -> str:
    # valid_tax_code's check digit is sometimes "10" (an 11-character code): skip those.
    while len(code := valid_tax_code()) != 10:
        pass
    return code


@pytest.fixture
def officer():
    return user_with_role(Role.PROGRAMME_OFFICER)


def _enterprise(officer, name="Công ty TNHH Công nghệ Sông Hàn"):
    return services.enterprise_create(
        actor=officer,
        data={"name_vi": name, "name_en": "Song Han Technology", "tax_code": _tax_code(),
              "province": 48, "sectors": ["iot"], "employee_band": "11-50"},
    )  # fmt: skip


def test_enterprise_create_and_update_are_indexed(officer):
    enterprise = _enterprise(officer)
    assert _found(officer, "song han") == [("enterprise", "Công ty TNHH Công nghệ Sông Hàn")]
    assert _found(officer, "song han", sector="iot", province="48", size="11-50")
    services.enterprise_update(
        actor=officer, enterprise=enterprise, data={"name_vi": "Công ty TNHH Công nghệ Trường Sa"}
    )
    assert _found(officer, "truong sa") == [("enterprise", "Công ty TNHH Công nghệ Trường Sa")]
    assert _found(officer, "cong nghe song") == [("enterprise", "Công ty TNHH Công nghệ Trường Sa")]
    assert _found(officer, "cong nghe song han", sector="iot")  # still the English name
    services.enterprise_update(
        actor=officer, enterprise=enterprise, data={"name_en": "Truong Sa Tech"}
    )
    assert _found(officer, "song han") == []
    assert SearchEntry.objects.filter(kind="enterprise", object_id=enterprise.pk).count() == 1


def test_inactive_enterprise_leaves_public_results_at_once(officer):
    from django.contrib.auth.models import AnonymousUser

    enterprise = _enterprise(officer)
    assert _found(AnonymousUser(), "song han")
    services.enterprise_update(actor=officer, enterprise=enterprise, data={"status": "inactive"})
    assert _found(AnonymousUser(), "song han") == []
    assert _found(officer, "song han")


def test_products_presence_and_contacts_are_indexed(officer):
    enterprise = _enterprise(officer)
    product = services.product_create(
        actor=officer, enterprise=enterprise,
        data={"name_vi": "Cảm biến thông minh Hàn Giang", "name_en": "Han Giang smart sensor",
              "target_markets": ["KR"]},
    )  # fmt: skip
    assert _found(officer, "han giang") == [
        ("product", "Cảm biến thông minh Hàn Giang"),
        ("enterprise", "Công ty TNHH Công nghệ Sông Hàn"),  # its text lists its products
    ]
    assert _found(officer, "han giang", country="KR") == [
        ("product", "Cảm biến thông minh Hàn Giang")
    ]
    services.product_update(actor=officer, product=product, data={"name_vi": "Cảm biến Đà Giang"})
    assert ("product", "Cảm biến Đà Giang") in _found(officer, "da giang")

    presence = services.presence_create(
        actor=officer, enterprise=enterprise, data={"country": "JP", "mode": "branch"}
    )
    assert _found(officer, "song han", country="JP", mode="branch") == [
        ("enterprise", "Công ty TNHH Công nghệ Sông Hàn")
    ]
    services.presence_delete(actor=officer, presence=presence)
    assert _found(officer, "song han", country="JP") == []

    services.contact_create(actor=officer, enterprise=enterprise, data={"full_name": "Lý Thị Sen"})
    assert _found(officer, "ly thi sen") == [("contact", "Lý Thị Sen")]


def test_deletes_remove_entries_by_cascade(officer):
    enterprise = _enterprise(officer)
    services.product_create(
        actor=officer, enterprise=enterprise, data={"name_vi": "Sản phẩm Sông Hàn"}
    )
    services.contact_create(actor=officer, enterprise=enterprise, data={"full_name": "Lý Thị Sen"})
    assert SearchEntry.objects.count() == 3
    Enterprise.objects.filter(pk=enterprise.pk).delete()
    assert SearchEntry.objects.count() == 0
    assert _found(officer, "song han") == []


def test_an_enterprise_deleted_is_not_rewritten_for_each_record_it_takes(officer):
    """Its products and presence go first in the cascade, each of them part of its entry: the
    entry goes with it, and is not rewritten once for each of them on the way."""
    enterprise = _enterprise(officer)
    for name in ("Cảm biến Sông Hàn", "Bản đồ số Sông Hàn", "Cổng thanh toán Sông Hàn"):
        services.product_create(actor=officer, enterprise=enterprise, data={"name_vi": name})
    services.presence_create(
        actor=officer, enterprise=enterprise, data={"country": "JP", "mode": "branch"}
    )
    other = _enterprise(officer, "Công ty TNHH Dữ liệu Trường Sa")
    with CaptureQueriesContext(connection) as captured:
        enterprise.delete()
    written = [
        query["sql"]
        for query in captured.captured_queries
        if re.match(r"\s*INSERT INTO \W?search_searchentry\b", query["sql"], re.IGNORECASE)
    ]
    assert written == []
    assert list(SearchEntry.objects.values_list("kind", "object_id")) == [("enterprise", other.pk)]
    assert _found(officer, "ban do so song han") == []


def test_a_product_deleted_outside_the_services_leaves_its_enterprise_text(officer):
    """As the admin deletes: no service call, only the post_delete receiver."""
    enterprise = _enterprise(officer)
    product = services.product_create(
        actor=officer, enterprise=enterprise, data={"name_vi": "Cảm biến Hàn Giang"}
    )
    assert ("enterprise", "Công ty TNHH Công nghệ Sông Hàn") in _found(officer, "han giang")
    product.delete()
    assert _found(officer, "han giang") == []
    assert _found(officer, "song han") == [("enterprise", "Công ty TNHH Công nghệ Sông Hàn")]


def test_missions_and_organisations_are_indexed(officer):
    mission = mission_create(
        actor=officer,
        data={"name_vi": "Đại sứ quán Việt Nam tại Phần Lan", "name_en": "Embassy of Viet Nam in Finland",
              "kind": "embassy", "host_country": "FI", "city": "Helsinki", "jurisdiction": ["EE"]},
    )  # fmt: skip
    assert _found(officer, "phan lan") == [("mission", "Đại sứ quán Việt Nam tại Phần Lan")]
    assert _found(officer, "helsinki", country="EE") == [
        ("mission", "Đại sứ quán Việt Nam tại Phần Lan")
    ]
    mission_update(actor=officer, mission=mission, data={"city": "Espoo"})
    assert _found(officer, "helsinki") == []
    assert _found(officer, "espoo")

    organisation = foreign_organisation_create(
        actor=officer, data={"name": "Nordic Sauna Robotics Oy", "kind": "company", "country": "FI"}
    )
    assert _found(officer, "sauna robotics") == [("organisation", "Nordic Sauna Robotics Oy")]
    foreign_organisation_update(
        actor=officer, organisation=organisation, data={"name": "Aurora Robotics Oy"}
    )
    assert _found(officer, "sauna") == []
    assert _found(officer, "aurora", country="FI") == [("organisation", "Aurora Robotics Oy")]


def test_rebuild_command_gives_the_same_index(officer):
    enterprise = _enterprise(officer)
    services.product_create(
        actor=officer, enterprise=enterprise, data={"name_vi": "Sản phẩm Sông Hàn"}
    )
    before = sorted(SearchEntry.objects.values_list("kind", "object_id", "names", "body", "facets"))
    SearchEntry.objects.all().delete()
    assert _found(officer, "song han") == []
    call_command("search", "rebuild")
    fields = ("kind", "object_id", "names", "body", "facets")
    assert sorted(SearchEntry.objects.values_list(*fields)) == before
    assert _found(officer, "song han")[0] == ("enterprise", "Công ty TNHH Công nghệ Sông Hàn")


def test_rebuild_command_refuses_an_unknown_kind():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Unknown kind: cases"):
        call_command("search", "rebuild", "--kind", "cases")


def test_full_text_indexes_keep_no_pending_list():
    """On PostgreSQL the GIN indexes take writes straight in (fastupdate off, migration 0005):
    a pending list would be read in full by every search. SQLite's FTS5 table has none."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT relname, reloptions FROM pg_class WHERE relname IN "
                "('search_entry_document', 'search_entry_names') ORDER BY relname"
            )
            assert cursor.fetchall() == [
                ("search_entry_document", ["fastupdate=off"]),
                ("search_entry_names", ["fastupdate=off"]),
            ]
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE name = 'search_fts'")
            assert cursor.fetchall() == [("search_fts",)]


def test_a_long_prefix_finds_every_completion_letters_and_digits_alike(officer):
    """A prefix of four letters or more with few completions is matched through them on
    SQLite (query.Term.completions): words mixing letters and digits must be among them."""
    from goglobal.search.selectors import search_parse

    names = ["Công ty Tech4U", "Công ty Technova", "Công ty Techx Việt", "Công ty Tec Hà"]
    for name in names:
        enterprise = _enterprise(officer, name=name)
        services.enterprise_update(actor=officer, enterprise=enterprise, data={"name_en": ""})
    found = {title for _kind, title in _found(officer, "cong ty tech")}
    assert found == set(names[:3])
    if search_parse("tech").terms[0].completions is not None:  # SQLite
        assert {"tech4u", "technova", "techx"} <= set(search_parse("tech").terms[0].completions)
    assert {title for _kind, title in _found(officer, "technov")} == {"Công ty Technova"}
    assert _found(officer, "tech4") == [("enterprise", "Công ty Tech4U")]


def test_a_broad_query_keeps_the_matches_in_names_first(officer, monkeypatch):
    """Beyond CANDIDATES matches, the search is answered from those matching in their names
    first (the names index: search_names_fts on SQLite, the names tsvector on PostgreSQL)."""
    from goglobal.search import selectors

    for n in range(4):
        enterprise = _enterprise(officer, name=f"Công ty Hà Giang {n}")
        services.enterprise_update(
            actor=officer, enterprise=enterprise, data={"description_vi": "Đối tác của Zetaplus"}
        )
    _enterprise(officer, name="Công ty Zetaplus")
    monkeypatch.setattr(selectors, "CANDIDATES", 3)
    result = search_for_user(officer, "zetaplus")
    assert result.capped and result.count == 3
    assert result.items[0].title == "Công ty Zetaplus"
    # Exactly as many matches as candidates is not capped; one more is.
    for candidates, capped in ((5, False), (4, True)):
        monkeypatch.setattr(selectors, "CANDIDATES", candidates)
        result = search_for_user(officer, "zetaplus")
        assert (result.capped, result.count) == (capped, 4 if capped else 5)
        assert result.items[0].title == "Công ty Zetaplus"


def test_names_beginning_with_the_query_come_first_however_many_match(officer, monkeypatch):
    """More entries match in their names than there are candidates, and the engines give them
    in id order: the names beginning with the query (SearchName, migration 0012) are looked up
    first, so the exact name and the name prefixes still rank first."""
    from goglobal.search import selectors
    from goglobal.search.models import SearchName

    for n in range(4):
        _enterprise(officer, name=f"Công ty Zetaplus Miền Trung {n}")
    exact = _enterprise(officer, name="Zetaplus")
    prefixed = _enterprise(officer, name="Công ty Phần mềm Khánh Hòa")
    services.enterprise_update(
        actor=officer, enterprise=prefixed, data={"name_en": "Zetaplus Software"}
    )
    assert set(
        SearchName.objects.filter(entry__object_id=prefixed.pk).values_list("name", flat=True)
    ) >= {
        "cong ty phan mem khanh hoa",
        "zetaplus software",
    }
    monkeypatch.setattr(selectors, "CANDIDATES", 3)
    result = search_for_user(officer, "zetaplus")
    assert result.capped
    assert [hit.title for hit in result.items[:2]] == ["Zetaplus", "Công ty Phần mềm Khánh Hòa"]
    assert search_for_user(officer, "zetaplus so").items[0].title == "Công ty Phần mềm Khánh Hòa"
    # Within the filters (the names' entries hold their facet words), and gone with the entry.
    result = search_for_user(officer, "zetaplus", SearchFilters(province="48", size="11-50"))
    assert [hit.title for hit in result.items[:2]] == ["Zetaplus", "Công ty Phần mềm Khánh Hòa"]
    assert search_for_user(officer, "zetaplus", SearchFilters(sector="ai")).count == 0
    exact.delete()
    assert not SearchName.objects.filter(name="zetaplus").exists()
    assert search_for_user(officer, "zetaplus").items[0].title == "Công ty Phần mềm Khánh Hòa"


def test_a_filter_is_matched_with_the_words_however_broad_they_are(officer, monkeypatch):
    """The filters' facet words are matched by the engine with the query (SearchEntry.
    facet_words, migration 0011): a query capped without its filter finds every match within
    it, not only those among the unfiltered query's first CANDIDATES."""
    from goglobal.search import selectors

    for n in range(4):
        _enterprise(officer, name=f"Công ty Zetaplus Hà Nội {n}")
        Enterprise.objects.filter(name_vi=f"Công ty Zetaplus Hà Nội {n}").update(province=1)
    # Written last, so the engines come to them last.
    for n in range(2):
        _enterprise(officer, name=f"Công ty Zetaplus Đà Nẵng {n}")
    from goglobal.search.services import search_rebuild

    search_rebuild()  # the provinces updated around the services
    monkeypatch.setattr(selectors, "CANDIDATES", 3)
    assert search_for_user(officer, "zetaplus").capped
    result = search_for_user(officer, "zetaplus", SearchFilters(province="48"))
    assert (result.capped, result.count) == (False, 2)
    assert {hit.title for hit in result.items} == {
        "Công ty Zetaplus Đà Nẵng 0",
        "Công ty Zetaplus Đà Nẵng 1",
    }
    assert _facet_counts(result, "province") == {"48": 2}
    # Every filter at once, and one no entry holds.
    result = search_for_user(
        officer, "zetaplus", SearchFilters(province="48", sector="iot", size="11-50")
    )
    assert result.count == 2
    assert search_for_user(officer, "zetaplus", SearchFilters(sector="ai")).count == 0
    # Still capped when more match within the filter than the candidates.
    result = search_for_user(officer, "zetaplus", SearchFilters(province="1"))
    assert (result.capped, result.count) == (True, 3)
    # The words written for the entries, as the engine matches them.
    entry = SearchEntry.objects.get(kind="enterprise", title="Công ty Zetaplus Đà Nẵng 0")
    assert set(entry.facet_words.split()) == {
        "#typeenterprise",
        "#province48",
        "#sectoriot",
        "#size1150",
    }


def test_a_kind_is_matched_with_the_words_however_broad_they_are(officer, monkeypatch):
    """A foreign organisation among a broad query's many matches of other kinds: a picker's
    autocomplete for organisations and the search's type filter find it (the kind's facet
    word, "#typeorganisation"), and the type facet still counts the other kinds."""
    from goglobal.search import selectors
    from goglobal.search.selectors import search_autocomplete_for_user

    for n in range(4):
        _enterprise(officer, name=f"Công ty Zetaplus {n}")
    foreign_organisation_create(
        actor=officer,
        data={"name": "Rhein Zetaplus Partners GmbH", "kind": "company", "country": "DE"},
    )
    monkeypatch.setattr(selectors, "CANDIDATES", 3)
    assert search_for_user(officer, "zetaplus").capped
    picked = search_autocomplete_for_user(officer, "zetaplus", kinds=["organisation"])
    assert [hit.title for hit in picked] == ["Rhein Zetaplus Partners GmbH"]
    picked = search_autocomplete_for_user(officer, "zetap", kinds=["organisation", "mission"])
    assert [hit.title for hit in picked] == ["Rhein Zetaplus Partners GmbH"]
    result = search_for_user(officer, "zetaplus", SearchFilters(type="organisation"))
    assert (result.count, result.capped) == (1, False)
    assert [hit.title for hit in result.items] == ["Rhein Zetaplus Partners GmbH"]
    # The other kinds' counts come from the broad match (three candidates, in the engine's
    # order: the organisation may be one of them), the chosen kind's from its own.
    counts = _facet_counts(result, "type")
    assert counts["organisation"] == 1 and counts["enterprise"] in (2, 3)
    assert set(counts) == {"enterprise", "organisation"}
    # A kind that fills the page among the first matches is not matched again; one that does
    # not is (whatever the engine's order of the first three).
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for page_size, again in ((2, False), (20, True)):
        with CaptureQueriesContext(connection) as captured:
            result = search_for_user(
                officer, "zetaplus", SearchFilters(type="enterprise"), page_size=page_size
            )
        assert result.capped and {hit.kind for hit in result.items} == {"enterprise"}
        sent = " ".join(entry["sql"] for entry in captured)
        assert ("#typeenterprise" in sent) is again, page_size


def _facet_counts(result, name):
    return {v.value: v.count for facet in result.facets if facet.name == name for v in facet.values}


def test_full_text_tables_stay_in_step_with_the_entries(officer):
    """SQLite: FTS5's integrity check compares both full-text tables with the entries after
    creates, renames and deletes (the triggers of migrations 0002 and 0007)."""
    from django.db import connection

    first, second = _enterprise(officer), _enterprise(officer, name="Công ty Đà Lạt Số")
    services.enterprise_update(actor=officer, enterprise=first, data={"name_vi": "Công ty Mới"})
    second.delete()
    assert _found(officer, "da lat so") == []
    assert _found(officer, "cong ty moi") == [("enterprise", "Công ty Mới")]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for table in ("search_fts", "search_names_fts"):
            # Raises (SQLITE_CORRUPT_VTAB) when the index and the entries differ.
            cursor.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")  # noqa: S608


def _admin_save(client, admin_user, obj, **changes):
    """Posts the record's admin change form with its current values and `changes`, as an
    administrator repairing it would."""
    from django.contrib import admin
    from django.test import RequestFactory

    model_admin = admin.site._registry[type(obj)]
    url = f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/change/"
    request = RequestFactory().get(url)
    request.user = admin_user
    form = model_admin.get_form(request, obj)(instance=obj)
    data = {}
    for name in form.fields:
        value = changes.get(name, form[name].value())
        if value is True:
            data[name] = "on"
        elif value is not None and value is not False:  # 0 is a value
            data[name] = [str(v) for v in value] if isinstance(value, list) else str(value)
    for formset, _inline in model_admin.get_formsets_with_inlines(request, obj):
        prefix = formset.get_default_prefix()
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    response = client.post(url, data)
    errors = response.context["adminform"].form.errors if response.status_code == 200 else None
    assert response.status_code == 302, errors


def test_a_repair_in_the_admin_is_found_at_once(officer, client):
    """The admin bypasses the services; its ModelAdmins keep the search in step all the same."""
    admin_user = user_with_role(Role.ADMIN)
    client.force_login(admin_user)
    enterprise = _enterprise(officer)
    product = services.product_create(
        actor=officer, enterprise=enterprise, data={"name_vi": "Cảm biến Ánh Dương"}
    )
    _admin_save(
        client, admin_user, enterprise,
        name_vi="Công ty TNHH Công nghệ Sông Lam", name_en="Song Lam Technology",
    )  # fmt: skip
    assert _found(officer, "song han") == []
    assert _found(officer, "song lam", type="enterprise") == [
        ("enterprise", "Công ty TNHH Công nghệ Sông Lam")
    ]
    # Its product's entry names the enterprise as it is now.
    assert _found(officer, "anh duong song lam", type="product") == [
        ("product", "Cảm biến Ánh Dương")
    ]
    _admin_save(client, admin_user, product, name_vi="Cảm biến Bến Thủy")
    assert _found(officer, "anh duong") == []
    assert ("enterprise", "Công ty TNHH Công nghệ Sông Lam") in _found(officer, "ben thuy")


def test_a_presence_moved_in_the_admin_moves_the_enterprise_in_the_facets(officer, client):
    admin_user = user_with_role(Role.ADMIN)
    client.force_login(admin_user)
    enterprise = _enterprise(officer)
    presence = services.presence_create(
        actor=officer, enterprise=enterprise, data={"country": "JP", "mode": "branch"}
    )
    assert _found(officer, "song han", country="JP")
    _admin_save(client, admin_user, presence, country="KR")
    assert _found(officer, "song han", country="JP") == []
    assert _found(officer, "song han", country="KR") == [
        ("enterprise", "Công ty TNHH Công nghệ Sông Hàn")
    ]
    # And one deleted there takes its country out of them.
    presence.delete()
    assert _found(officer, "song han", country="KR") == []


def test_a_broad_query_tries_the_word_being_typed_whole_first(officer, monkeypatch):
    """A last word that is itself indexed and begins many others ("zetaxon", "zetaxona…") is
    first matched whole (ParsedQuery.whole_words): more than CANDIDATES such matches settle that
    the query is capped; otherwise the prefix decides, and what only a longer word matches is
    found as before."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from goglobal.search import selectors
    from goglobal.search.backends import backend
    from goglobal.search.selectors import search_parse

    _enterprise(officer, name="Công ty Zetaxon")
    for n in range(3):
        enterprise = _enterprise(officer, name=f"Công ty Hà Giang {n}")
        services.enterprise_update(
            actor=officer, enterprise=enterprise, data={"description_vi": "Đối tác của Zetaxon"}
        )
    longer = _enterprise(officer, name="Công ty Bắc Kạn")
    services.enterprise_update(
        actor=officer,
        enterprise=longer,
        data={"description_vi": " ".join(f"zetaxon{letter}" for letter in "abcdefghi")},
    )
    query = search_parse("zetaxon")
    assert query.terms[-1].indexed and query.terms[-1].completions is None
    whole = query.whole_words()
    assert whole is not None and not whole.terms[-1].prefix
    # A prefix the engine keeps as one list (SQLite: six letters, PostgreSQL: four) is not.
    assert search_parse("zetaxon"[: backend().PREFIX_INDEXED]).whole_words() is None
    # Four whole matches: with three candidates, capped by the whole word alone.
    monkeypatch.setattr(selectors, "CANDIDATES", 3)
    with CaptureQueriesContext(connection) as captured:
        result = search_for_user(officer, "zetaxon")
    assert (result.capped, result.count) == (True, 3)
    assert result.items[0].title == "Công ty Zetaxon"
    # The whole word's expression was sent (as a parameter, or a quoted literal on PostgreSQL).
    probe = backend().expression(whole)
    sent = " ".join(entry["sql"] for entry in captured)
    assert probe in sent or probe.replace("'", "''") in sent
    # Four: the prefix decides (five matches); five: every match, the longer words' too.
    for candidates, capped, count in ((4, True, 4), (5, False, 5)):
        monkeypatch.setattr(selectors, "CANDIDATES", candidates)
        result = search_for_user(officer, "zetaxon")
        assert (result.capped, result.count) == (capped, count)
        assert result.items[0].title == "Công ty Zetaxon"
    assert "Công ty Bắc Kạn" in [hit.title for hit in result.items]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_rebuild_leaves_the_index_in_its_fastest_shape(officer):
    """SQLite: one segment per full-text table (each committed write adds one, and every query
    looks each of its words up in every segment). PostgreSQL: the planner's statistics counted
    afresh (pg_class.reltuples, which ANALYZE sets)."""
    from django.db import connection

    from goglobal.search.services import search_rebuild

    for n in range(3):
        _enterprise(officer, name=f"Công ty TNHH Công nghệ Sông Hàn {n}")
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            segments = "SELECT count(DISTINCT segid) FROM {}_idx"
            cursor.execute(segments.format("search_fts"))
            assert cursor.fetchone()[0] > 1  # one per committed write
            search_rebuild()
            for table in ("search_fts", "search_names_fts"):
                cursor.execute(segments.format(table))
                assert cursor.fetchone()[0] == 1, table
        else:
            search_rebuild()
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'search_searchentry'")
            assert cursor.fetchone()[0] == SearchEntry.objects.count()
    assert _found(officer, "song han 2") == [("enterprise", "Công ty TNHH Công nghệ Sông Hàn 2")]


def test_a_download_holds_more_matches_than_the_page(officer, monkeypatch):
    """The page is answered from CANDIDATES matches, a download from EXPORT_CANDIDATES: a query
    the page calls broad is downloaded whole when the download's limit holds it, and the
    download says it is capped only beyond its own limit."""
    from goglobal.search import exports, selectors

    for n in range(4):
        _enterprise(officer, name=f"Công ty Quetzal {n}")
    monkeypatch.setattr(selectors, "CANDIDATES", 3)
    monkeypatch.setattr(exports, "EXPORT_CANDIDATES", 5)
    page = search_for_user(officer, "quetzal")
    assert (page.capped, page.count) == (True, 3)
    response = exports.search_export_response(
        officer, "quetzal", selectors.SearchFilters(), "csv", absolute=lambda path: path
    )
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert sorted(line.split(",")[1] for line in text.splitlines()[1:]) == [
        f"Công ty Quetzal {n}" for n in range(4)
    ]
    assert response["X-Results-Capped"] == "false"
    monkeypatch.setattr(exports, "EXPORT_CANDIDATES", 2)
    response = exports.search_export_response(
        officer, "quetzal", selectors.SearchFilters(), "csv", absolute=lambda path: path
    )
    assert len(b"".join(response.streaming_content).decode("utf-8-sig").splitlines()) == 3
    assert response["X-Results-Capped"] == "true"
