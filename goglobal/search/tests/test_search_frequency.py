"""The words many entries hold (frequency.py) decide only which words the engine matches first:
the answers are the same whatever the estimate says."""

import pytest

from goglobal.search import frequency
from goglobal.search.frequency import common_words, estimate, sample_rows
from goglobal.search.models import SearchEntry
from goglobal.search.query import parse
from goglobal.search.selectors import SearchFilters, search_for_user, search_parse
from goglobal.search.tests.search_cases import CASES

pytestmark = pytest.mark.django_db


def _vocabulary(known):
    return lambda candidates: candidates & known


def test_without_drops_only_plain_common_words():
    query = parse("cong ty tnhh vietel cong", _vocabulary({"viettel"}))
    narrowed = query.without(frozenset({"cong", "ty", "tnhh", "vietel", "viettel"}))
    # "vietel" is corrected (to "viettel"), the last "cong" is being typed: both stay.
    assert [term.word for term in narrowed.terms] == ["vietel", "cong"]
    assert narrowed.terms[-1].prefix
    assert query.without(frozenset({"abc"})) is None  # nothing to drop
    assert parse("cong ty", _vocabulary(set())).without(frozenset({"cong"})) is not None
    only_common = parse("cong ty tnhh", _vocabulary(set()))
    assert only_common.without(frozenset({"cong", "ty"})).phrase == "tnhh"
    # Nothing left but what was dropped: there is no narrower query.
    assert parse("cong ty", _vocabulary(set())).without(frozenset({"cong"})).phrase == "ty"
    assert parse("cong", _vocabulary(set())).without(frozenset({"cong"})) is None


def test_estimate_counts_each_entry_once(search_world):
    rows = sample_rows()
    assert len(rows) == SearchEntry.objects.count() > 20
    holding = [set(f"{names} {body}".replace("|", " ").split()) for names, body in rows]
    every = estimate(share=1.0)
    assert every == set.intersection(*holding)
    many = estimate(share=0.4)
    assert many == {
        w for w in set.union(*holding) if sum(w in h for h in holding) >= 0.4 * len(rows)
    }
    # "cong" ("công ty", "công nghệ") is in nearly half of the seed's entries, Viettel in few.
    assert "cong" in many and every <= many
    assert "viettel" not in many


def test_a_sample_reads_about_that_many_existing_entries(search_world):
    everything = set(SearchEntry.objects.values_list("names", "body"))
    picked = sample_rows(sample=10)
    assert 3 <= len(picked) <= 30
    assert set(picked) <= everything
    assert sample_rows(sample=10) == picked  # the same ids for the same index


def test_the_estimate_is_kept_for_a_while(search_world, settings):
    settings.SEARCH_COMMON_SHARE = 0.4
    settings.SEARCH_COMMON_WORDS_SECONDS = 600
    first = common_words()
    assert "cong" in first
    settings.SEARCH_COMMON_SHARE = 1.0
    assert common_words() is first  # not estimated again yet
    frequency.forget()
    assert "cong" not in common_words()


def _answers(search_world):
    saigon_tax = search_world.enterprises["Saigon Data Company Limited"].tax_code
    out = []
    narrowed = 0
    for case in CASES:
        q = case["q"].format(saigon_tax=saigon_tax)
        user = search_world.users[case.get("user", "anonymous")]
        filters = SearchFilters(**case.get("filters", {}))
        result = search_for_user(user, q, filters, page_size=50)
        out.append(
            (
                result.count,
                result.capped,
                [(hit.kind, hit.object_id, hit.title) for hit in result.items],
                [(f.name, [(v.value, v.count) for v in f.values]) for f in result.facets],
            )
        )
        narrowed += search_parse(q).without(common_words()) is not None
    return out, narrowed


def test_the_answers_do_not_depend_on_the_estimate(search_world, settings):
    """Every query of the test set, with no word common, with the default, and with every word
    held by a tenth of the entries common: the same results, counts and facets."""
    settings.SEARCH_COMMON_SHARE = 2.0  # no word is common
    frequency.forget()
    plain, none_narrowed = _answers(search_world)
    assert none_narrowed == 0
    for share in (0.2, 0.1, 0.02):
        settings.SEARCH_COMMON_SHARE = share
        frequency.forget()
        answers, narrowed = _answers(search_world)
        assert answers == plain, share
        if share <= 0.1:
            assert narrowed >= 10, share  # the narrowed path was taken
