"""Hostile queries, what each user may find, and facet counts that hide nothing and count
nothing hidden."""

import re

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from goglobal.enterprises.models import Enterprise
from goglobal.enterprises.selectors import contact_visible_for_user, enterprise_visible_for_user
from goglobal.search.backend_postgresql import PostgreSQLBackend
from goglobal.search.backend_sqlite import SQLiteBackend
from goglobal.search.backends import backend, rows_by_id
from goglobal.search.models import SearchEntry
from goglobal.search.query import (
    MAX_WORD_LENGTH,
    MAX_WORDS,
    ParsedQuery,
    edits1,
    facet_word,
    parse,
    words,
)
from goglobal.search.registry import sources
from goglobal.search.selectors import (
    SearchFilters,
    _visible_ids,
    search_autocomplete_for_user,
    search_for_user,
)

pytestmark = pytest.mark.django_db

HOSTILE = [
    "",
    "   ",
    "x" * 10_000,
    "viettel " * 2000,
    '"',
    '"viettel',
    "viettel*",
    "*",
    "-viettel",
    "- -",
    "NEAR(viettel fpt)",
    "viettel NEAR fpt",
    "(viettel",
    "viettel)",
    "names:viettel",
    "body : fpt",
    "{names}: viettel",
    "viettel AND OR NOT",
    "' OR 1=1 --",
    "'; DROP TABLE search_searchentry; --",
    "\\",
    "%",
    "_",
    "viettel:*",
    "fpt & | !",
    "😀 ∑ ‮",
    "ß ǅ Ⅻ",
]


def test_words_are_folded_and_only_letters_and_digits():
    assert words("Đà Nẵng, ĐÔNG-Á (0101248141)") == ["da", "nang", "dong", "a", "0101248141"]
    assert words('"NEAR(x y)* - names:z') == ["near", "x", "y", "names", "z"]


def test_edits1_has_one_edit_words_only():
    found = edits1("abc")
    assert {"ab", "bac", "abd", "abcd", "xabc"} <= found
    assert "abc" not in found and "ba" not in found


def test_parse_caps_words_and_prefixes_only_the_last():
    query = parse("a " * 50, vocabulary=lambda candidates: set())
    assert len(query.terms) == MAX_WORDS == 12
    assert [term.prefix for term in query.terms] == [False] * 11 + [True]


def test_matcher_reads_names_as_the_engines_do():
    query = parse("vietel soft", vocabulary=lambda candidates: candidates & {"viettel"})
    matches = query.matcher()
    assert matches("|tap doan viettel|viettel software|")
    assert matches("|vietel|softbank|")  # the word as typed, and the prefix
    assert not matches("|viettel|")  # "soft" is missing
    assert not matches("|viettelsoft|")  # a word only begins with "vietel"'s correction
    assert not matches("|xviettel microsoft|")  # the prefix begins a word, not inside one
    query.terms[-1].completions = ["softx"]
    assert query.matcher()("|viettel|softx|")


def test_parse_corrects_only_words_of_five_letters_or_more():
    vocabulary = {"viettel", "fpt", "vnpt"}
    query = parse("vietel fpx vnp", vocabulary=lambda candidates: candidates & vocabulary)
    assert [term.alternatives for term in query.terms] == [["vietel", "viettel"], ["fpx"], ["vnp"]]


def test_short_tax_code_starts_find_the_enterprise(search_world):
    """Two to six digits: FTS5's prefix indexes (one to six characters) and PostgreSQL's prefix
    lexemes (one to four), then a plain prefix; fewer matches as the start grows."""
    officer = search_world.users["officer"]
    counts = []
    for length in range(2, 7):
        start = "0101248141"[:length]
        result = search_for_user(officer, start, SearchFilters(type="enterprise"), page_size=50)
        titles = [hit.title for hit in result.items]
        assert "Công ty Cổ phần FPT" in titles, start
        assert all(hit.subtitle.startswith(start) for hit in result.items[:1]), start
        counts.append(result.count)
    assert counts == sorted(counts, reverse=True) and counts[-1] < counts[0]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_queries_answer_calmly(search_world, text):
    for role in ("anonymous", "officer"):
        result = search_for_user(search_world.users[role], text)
        assert result.count == len(result.items) or result.count > len(result.items)
        search_autocomplete_for_user(search_world.users[role], text)


def test_hostile_queries_find_what_their_words_say(search_world):
    anonymous = search_world.users["anonymous"]
    for text in ('"viettel', "viettel*", "-viettel", "(viettel", "viettel:*", "{viettel}"):
        titles = [hit.title for hit in search_for_user(anonymous, text).items]
        assert titles[0] == "Tập đoàn Công nghiệp - Viễn thông Quân đội", text
    assert search_for_user(anonymous, "' OR 1=1 --").count == 0
    assert search_for_user(anonymous, "").items == []


HOSTILE_FILTERS = [
    "' OR 1=1 --",
    "48' | '#sectorai",
    '48" OR "x',
    "#",
    "",
    "x" * 10_000,
    "\x00",
    "48:*",
    "ĐÀ NẴNG",
]


@pytest.mark.parametrize("value", HOSTILE_FILTERS, ids=range(len(HOSTILE_FILTERS)))
def test_hostile_filter_values_answer_calmly(search_world, value):
    """Filters become facet words matched by the engine (query.facet_word): whatever their
    value, only [0-9a-z] after the mark reaches it, and no value that is not a facet's finds
    anything."""
    officer = search_world.users["officer"]
    for name in ("province", "sector", "country", "mode", "size"):
        result = search_for_user(officer, "cong ty", SearchFilters(**{name: value}))
        assert result.count == 0 or value == "", (name, value)


def test_no_query_word_reaches_a_facet_word(search_world):
    """Every entry holds facet words ("#province48"); a query word, whole or being typed, never
    matches one on either engine."""
    officer = search_world.users["officer"]
    assert facet_word("province", "48") == "#province48"
    assert facet_word("size", "5000+") == "#size5000"
    assert facet_word("country", "JP") == "#countryjp"
    assert len(facet_word("sector", "x" * 500)) == 1 + MAX_WORD_LENGTH
    assert search_for_user(officer, "cong ty", SearchFilters(province="48")).count > 0
    words = ("province48", "#province48", "province4", "sectorai", "size11", "countryj", "typee")
    for text in words:
        assert search_for_user(officer, text).count == 0, text
        assert search_for_user(officer, f"cong ty {text}").count == 0, text


def _titles(result):
    return {hit.title for hit in result.items}


def test_anonymous_finds_no_inactive_enterprise_nor_its_products(search_world):
    result = search_for_user(search_world.users["anonymous"], "hoa binh", page_size=50)
    assert result.count == 0
    officer = search_for_user(search_world.users["officer"], "hoa binh", page_size=50)
    assert _titles(officer) == {
        "Công ty TNHH Công nghệ Hòa Bình",
        "Phần mềm kế toán Hòa Bình",
        "Đặng Văn Quyết",
    }


def test_anonymous_and_partners_find_no_contacts(search_world):
    for role in ("anonymous", "partner"):
        for text in ("pham duc anh", "tran thu ha", "dang van quyet"):
            assert (
                search_for_user(search_world.users[role], text, SearchFilters(type="contact")).count
                == 0
            )


def test_mission_officer_finds_only_contacts_it_may_see(search_world):
    mission = search_world.users["mission"]
    allowed = set(contact_visible_for_user(mission).values_list("full_name", flat=True))
    everyone = set(
        contact_visible_for_user(search_world.users["officer"])
        .filter(~Q(full_name__in=allowed))
        .values_list("full_name", flat=True)
    )
    assert allowed and everyone  # the world has contacts on both sides
    for name in allowed:
        assert name in _titles(search_for_user(mission, name, SearchFilters(type="contact"))), name
    for name in everyone:
        assert name not in _titles(search_for_user(mission, name, SearchFilters(type="contact"))), (
            name
        )


def _facet(result, name):
    for facet in result.facets:
        if facet.name == name:
            return {value.value: value.count for value in facet.values}
    return {}


def test_facet_counts_exclude_hidden_records(search_world):
    # Only the inactive Hòa Bình enterprise (size 1-10), its product and its contact match.
    anonymous = search_for_user(search_world.users["anonymous"], "hoa binh cong nghe")
    officer = search_for_user(search_world.users["officer"], "hoa binh cong nghe")
    assert anonymous.count == 0 and anonymous.facets == []
    assert _facet(officer, "type") == {"enterprise": 1, "product": 1, "contact": 1}
    assert _facet(officer, "size") == {"1-10": 1}
    broad_public = search_for_user(search_world.users["anonymous"], "cong ty", page_size=50)
    broad_staff = search_for_user(search_world.users["officer"], "cong ty", page_size=50)
    assert "1-10" not in _facet(broad_public, "size")
    assert _facet(broad_staff, "size").get("1-10") == 1
    assert "contact" not in _facet(broad_public, "type")
    assert sum(_facet(broad_public, "type").values()) == broad_public.count


def test_facet_counts_match_the_filtered_results(search_world):
    user = search_world.users["anonymous"]
    result = search_for_user(user, "da nang", page_size=50)
    sizes = _facet(result, "size")
    assert sizes == {"11-50": 2, "51-200": 1}
    for size, count in sizes.items():
        assert search_for_user(user, "da nang", SearchFilters(size=size)).count == count
    provinces = _facet(result, "province")
    assert provinces == {"48": 3}
    labels = {v.label for facet in result.facets if facet.name == "province" for v in facet.values}
    assert labels == {"Thành phố Đà Nẵng"}


def test_type_facet_keeps_other_types_when_one_is_chosen(search_world):
    user = search_world.users["anonymous"]
    result = search_for_user(user, "viettel", SearchFilters(type="product"))
    assert {hit.kind for hit in result.items} == {"product"}
    assert _facet(result, "type") == {"enterprise": 1, "product": 3}


def test_paging_walks_every_result_once(search_world):
    user = search_world.users["officer"]
    first = search_for_user(user, "cong", page_size=5)
    assert first.pages > 1
    seen = []
    for page in range(1, first.pages + 1):
        seen += [
            (h.kind, h.object_id)
            for h in search_for_user(user, "cong", page=page, page_size=5).items
        ]
    assert len(seen) == len(set(seen)) == first.count


def test_autocomplete_limits_kinds(search_world):
    hits = search_autocomplete_for_user(search_world.users["officer"], "vie", kinds=["enterprise"])
    assert hits and {hit.kind for hit in hits} == {"enterprise"}
    assert len(hits) <= 10


def test_titles_and_subtitles_follow_the_page_language(search_world):
    """Vietnamese first, English one click away: the province, the country, the enterprise a
    product or a contact belongs to."""
    from django.utils import translation

    from goglobal.partners.models import ForeignOrganisation

    officer = search_world.users["officer"]
    saigon = search_world.enterprises["Saigon Data Company Limited"]
    province = saigon.province
    organisation = ForeignOrganisation.objects.exclude(city="").select_related("country").first()
    hoa_binh = search_world.enterprises["Hoa Binh Technology Co., Ltd"]
    queries = {
        "enterprise": "sgdata",
        "product": "saigon cloud warehouse",
        "contact": "dang van quyet",
        "organisation": organisation.name,
    }
    expected = {
        "vi": {
            "enterprise": (saigon.name_vi, f"{saigon.tax_code} · {province.name_vi}"),
            "product": ("Kho dữ liệu Mây Sài Gòn", saigon.name_vi),
            "contact": ("Đặng Văn Quyết", f"Giám đốc · {hoa_binh.name_vi}"),
            "organisation": (
                organisation.name,
                f"{organisation.city}, {organisation.country.name_vi}",
            ),
        },
        "en": {
            "enterprise": (saigon.name_en, f"{saigon.tax_code} · {province.name_en}"),
            "product": ("Saigon Cloud Warehouse", saigon.name_en),
            "contact": ("Đặng Văn Quyết", f"Giám đốc · {hoa_binh.name_en}"),
            "organisation": (
                organisation.name,
                f"{organisation.city}, {organisation.country.name_en}",
            ),
        },
    }
    for language, hits in expected.items():
        with translation.override(language):
            for kind, q in queries.items():
                hit = search_for_user(officer, q, SearchFilters(type=kind)).items[0]
                assert (hit.title, hit.subtitle) == hits[kind], (language, kind)
    assert province.name_vi != province.name_en
    assert organisation.country.name_vi != organisation.country.name_en
    # A contact is also found by its enterprise's English name.
    found = search_for_user(officer, "hoa binh technology giam doc", SearchFilters(type="contact"))
    assert [hit.title for hit in found.items] == ["Đặng Văn Quyết"]


def _rest(text: str, vocabulary: set[str]) -> ParsedQuery:
    """The query without its first word, as ParsedQuery.without leaves it of a common one."""
    query = parse(text, vocabulary=lambda candidates: candidates & vocabulary)
    return ParsedQuery(text=text, terms=query.terms[1:])


def test_postgresql_matches_the_rare_words_first_only_when_one_is_narrow():
    """PostgreSQL reads every match of a probe before its LIMIT: a rest made only of corrected
    words and short prefixes is no narrower than the query and is not matched first. SQLite,
    which stops at the LIMIT, always is."""
    vocabulary = {"hung", "chung", "phong", "phuong"}
    broad = [_rest("thanh phung", vocabulary), _rest("minh lac", vocabulary)]
    assert len(broad[0].terms[0].alternatives) == 5  # phung and its four neighbours
    narrow = [_rest("ty sencode", vocabulary), _rest("ty dat hung", vocabulary)]
    assert [PostgreSQLBackend().worth_probing(rest) for rest in broad + narrow] == [
        False, False, True, True,
    ]  # fmt: skip
    assert all(SQLiteBackend().worth_probing(rest) for rest in broad + narrow)


def test_visibility_is_each_selector_over_the_candidates(search_world):
    anonymous = search_world.users["anonymous"]
    ids = list(Enterprise.objects.values_list("pk", flat=True))
    expected = set(
        enterprise_visible_for_user(anonymous).filter(pk__in=ids).values_list("pk", flat=True)
    )
    assert expected and expected < set(ids)  # some are hidden from the public
    assert _visible_ids(enterprise_visible_for_user(anonymous), ids) == expected
    # A selector the ORM knows to match nothing, without a query.
    assert _visible_ids(Enterprise.objects.filter(pk__in=[]), ids) == set()


def test_every_selector_asked_about_the_candidates_agrees_with_the_orm(search_world):
    """backends.among wraps each source's selector, as compiled, around the candidates' keys:
    for every kind and every role it holds what the selector filtered by the ORM holds (a
    key no record has among them)."""
    checked = 0
    for source in sources():
        ids = [*source.model._default_manager.values_list("pk", flat=True), 10**9]
        for user in search_world.users.values():
            visible = source.visible(user)
            expected = set(visible.filter(pk__in=ids).values_list("pk", flat=True))
            assert _visible_ids(source.visible(user), ids) == expected, (source.kind, user)
            checked += bool(expected) and len(expected) < len(ids) - 1
    assert checked >= 3  # some selectors hide some records from some users


def test_keys_reach_the_engine_as_one_parameter(search_world):
    """The candidates' keys are one parameter, so the statement is the same text whatever
    they are and the engine prepares it once (SQLite: 348 keys written out cost more to
    prepare than to probe)."""
    anonymous = search_world.users["anonymous"]
    ids = sorted(Enterprise.objects.values_list("pk", flat=True))
    entries = sorted(SearchEntry.objects.values_list("pk", flat=True))
    statements = []
    for some in (ids[:2], ids[1:]):
        with CaptureQueriesContext(connection) as captured:
            _visible_ids(enterprise_visible_for_user(anonymous), some)
            assert len(rows_by_id(("id", "names"), entries[: len(some)])) == len(some)
        statements.append([query["sql"] for query in captured.captured_queries])
    # The keys themselves differ (they are in the parameters, as the SQL logged shows them).
    assert statements[0] != statements[1]
    shapes = [[re.sub(r"'\[[0-9, ]*\]'|'\{[0-9,]*\}'|ARRAY\[[0-9, ]*\]", "?", sql) for sql in s]
              for s in statements]  # fmt: skip
    assert shapes[0] == shapes[1]
    assert len(shapes[0]) == 2


def test_matches_other_than_some_leave_them_out(search_world):
    query = parse("cong ty", lambda words: set())
    every = backend()._matching(("id",), query, 100, names=False)
    assert len(every) >= 4
    left = [row[0] for row in every[: len(every) // 2]]
    rest = backend()._matching(("id",), query, 100, names=False, excluding=left)
    assert {row[0] for row in rest} == {row[0] for row in every} - set(left)


def test_the_engines_keep_one_list_for_prefixes_up_to_prefix_indexed(search_world):
    """SQLite's FTS5 prefix indexes (migration 0010) and PostgreSQL's prefix lexemes (0008)
    reach the length the backend counts on (backends.PREFIX_INDEXED)."""
    longest = backend().PREFIX_INDEXED
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT sql FROM sqlite_master WHERE name IN ('search_fts', 'search_names_fts')"
            )
            tables = [row[0] for row in cursor.fetchall()]
            assert len(tables) == 2
            wanted = "prefix='" + " ".join(str(n) for n in range(1, longest + 1)) + "'"
            assert all(wanted in sql for sql in tables)
        else:
            cursor.execute("SELECT document::text FROM search_searchentry")
            prefixes = {
                lexeme for (document,) in cursor.fetchall()
                for lexeme in re.findall(r"'~([0-9a-z]+)'", document)
            }  # fmt: skip
            assert max(map(len, prefixes)) == longest
