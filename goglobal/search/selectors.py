"""The search: matching entries the user may see, ranked, with facet counts.

Full-text queries give the candidate entries (at most CANDIDATES), within the filters' facet
values, and read them (two or three queries: backends.candidates); then, per kind present
among them, the kind's own selector (goglobal.search.sources) says which of their records the
user may see — a query of the selector over those record ids. The count, the facet counts and
the ranking are then computed from that visible set, so no hidden record is shown or
counted."""

from __future__ import annotations

import functools
import heapq
import math
from collections import Counter
from dataclasses import dataclass, field, replace

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from goglobal.accounts.access import AnyUser
from goglobal.enterprises.enums import EmployeeBand, PresenceMode
from goglobal.reference.labels import reference_names
from goglobal.reference.models import Country, Province, Sector
from goglobal.search.backends import backend, rows_by_id
from goglobal.search.frequency import common_words
from goglobal.search.query import ParsedQuery, facet_word, parse
from goglobal.search.registry import source_for, sources

PAGE_SIZE = 20
# A query matching more entries than this (a word or two letters many names have) is
# answered from this many of them, those matching in their names first, and says so
# (`capped`): counting, ranking and faceting a hundred thousand matches costs a second. Every
# candidate is read, checked for the user and counted, so a broad query's time follows this
# number: at 300 rather than 500, `goglobal bench search`'s p95 over 100,000 enterprises fell
# by a tenth on SQLite and a sixth on PostgreSQL (search/README.md); a query with 300 to 500
# matches now says "many more" instead of counting them.
CANDIDATES = 300
# A download holds more: it is asked for once, not typed.
EXPORT_CANDIDATES = 1000
AUTOCOMPLETE_SIZE = 10
FACET_NAMES = ("sector", "province", "country", "mode", "size")
FACET_LABELS = {
    "type": _("Type"),
    "sector": _("Sector"),
    "province": _("Province"),
    "country": _("Country"),
    "mode": _("Presence mode"),
    "size": _("Size"),
}


@dataclass(frozen=True)
class SearchFilters:
    type: str = ""
    sector: str = ""
    province: str = ""
    country: str = ""
    mode: str = ""
    size: str = ""


@dataclass
class SearchHit:
    kind: str
    kind_label: str
    object_id: int
    title: str
    subtitle: str
    url: str


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    values: list[FacetValue]


@dataclass
class SearchResult:
    q: str
    count: int = 0
    page: int = 1
    page_size: int = PAGE_SIZE
    pages: int = 1
    capped: bool = False
    items: list[SearchHit] = field(default_factory=list)
    facets: list[Facet] = field(default_factory=list)


def _vocabulary(candidates: set[str]) -> set[str]:
    return backend().known_words(sorted(candidates))


def search_parse(q: str) -> ParsedQuery:
    query = parse(q, _vocabulary)
    if query:
        backend().complete(query)
    return query


# What ranking, visibility and the facets need of every candidate, read with the match (a few
# hundred short rows). What a hit shows is read for the page's entries only (HIT_FIELDS): for
# a broad query's 500 candidates, their titles, subtitles and links were a fifth of the search.
ENTRY_FIELDS = ("id", "kind", "object_id", "names", "sort_key", "facets")
HIT_FIELDS = ("id", "title", "title_en", "subtitle", "subtitle_en", "url")


@dataclass(slots=True)
class _Candidate:
    id: int
    kind: str
    object_id: int
    names: str
    sort_key: str
    facets: str
    # Every term is a word of the names, or begins one: found by the full-text query over the
    # names, or for a narrow query on SQLite checked by ParsedQuery.matcher (backends.candidates).
    in_names: bool

    def facet_tokens(self) -> set[str]:
        """ "name:value" tokens, as stored."""
        return set(self.facets.split())


def _visible_ids(visible: QuerySet, object_ids: list[int]) -> set[int]:
    """Which of these records the selector's queryset holds: its query, compiled by the ORM
    with no ordering, asked about these keys (backends.among) and its rows read as they are.
    They are bare integer keys, which need none of the ORM's conversion of each row (for 300
    ids, a fifth of the check)."""
    found = visible.order_by().values_list("pk")
    try:
        selected, params = found.query.get_compiler(using=found.db).as_sql()
    except EmptyResultSet:
        return set()
    sql, params = backend().among(selected, params, object_ids)
    with connections[found.db].cursor() as cursor:
        cursor.execute(sql, params)
        return {row[0] for row in cursor.fetchall()}


def _visible_candidates(
    user: AnyUser, query: ParsedQuery, limit: int | None = None
) -> tuple[list[_Candidate], bool]:
    """The candidates whose record the user may see (of at most `limit` matches, by default
    CANDIDATES), and whether the match was capped."""
    rows, in_names, capped = backend().candidates(
        query, limit or CANDIDATES, ENTRY_FIELDS, narrowed=query.without(common_words())
    )
    candidates = [_Candidate(*row, flag) for row, flag in zip(rows, in_names, strict=True)]
    by_kind: dict[str, list[int]] = {}
    for candidate in candidates:
        by_kind.setdefault(candidate.kind, []).append(candidate.object_id)
    allowed: dict[str, set[int] | None] = {}
    for kind, object_ids in by_kind.items():
        source = source_for(kind)
        visible = source.visible(user) if source else None
        if visible is None or visible.query.is_empty():
            allowed[kind] = set()
        elif not visible.query.where:
            # An unfiltered selector (staff): every record; the index holds only live ones.
            allowed[kind] = None
        else:
            allowed[kind] = _visible_ids(visible, object_ids)
    return [
        candidate
        for candidate in candidates
        if allowed[candidate.kind] is None or candidate.object_id in allowed[candidate.kind]
    ], capped


def _ranked(candidates: list[_Candidate], query: ParsedQuery, first: int) -> list[_Candidate]:
    """The `first` best: exact name, then name prefix, then a match in the names, then
    elsewhere; within a rank by kind (sources' order), then the shorter name first ("saigon"
    puts "Saigon Data" before "Saigon Data, Da Nang branch"), then by name."""
    exact = f"|{query.phrase}|"
    start = f"|{query.phrase}"
    order = {source.kind: index for index, source in enumerate(sources())}

    def key(candidate: _Candidate):
        names = candidate.names
        if exact in names:
            rank = 0
        elif start in names:
            rank = 1
        elif candidate.in_names:
            rank = 2
        else:
            rank = 3
        sort_key = candidate.sort_key
        return (rank, order.get(candidate.kind, len(order)), len(sort_key), sort_key, candidate.id)

    # The first three ranks are matches in the names (an exact name or a name prefix holds
    # every word of the query): when they are enough, the others need no key.
    named = [candidate for candidate in candidates if candidate.in_names]
    if len(named) >= first:
        candidates = named
    if first >= len(candidates):
        return sorted(candidates, key=key)
    return heapq.nsmallest(first, candidates, key=key)


def _hits(candidates: list[_Candidate]) -> list[SearchHit]:
    """The hits of these candidates, in their order: what they show read in one query. An
    entry removed since the match (its record deleted meanwhile) is left out."""
    english = (get_language() or "vi").startswith("en")
    shown = {row[0]: row for row in rows_by_id(HIT_FIELDS, [c.id for c in candidates])}
    hits = []
    for candidate in candidates:
        if candidate.id not in shown:
            continue
        _id, title, title_en, subtitle, subtitle_en, url = shown[candidate.id]
        source = source_for(candidate.kind)
        hits.append(
            SearchHit(
                kind=candidate.kind,
                kind_label=str(source.label) if source else candidate.kind,
                object_id=candidate.object_id,
                title=(title_en or title) if english else title,
                subtitle=(subtitle_en or subtitle) if english else subtitle,
                url=url,
            )
        )
    return hits


@functools.cache
def _fixed_labels(language: str, kinds: tuple[str, ...]) -> dict[tuple[str, str], str]:
    """The labels that do not come from reference tables, translated once per language (and
    set of sources)."""
    labels: dict[tuple[str, str], str] = {}
    for value, label in PresenceMode.choices:
        labels[("mode", value)] = str(label)
    for value, label in EmployeeBand.choices:
        labels[("size", value)] = str(label)
    for source in sources():
        labels[("type", source.kind)] = str(source.label)
    return labels


def _labels(counts: dict[str, dict[str, int]]) -> dict[tuple[str, str], str]:
    language = get_language() or "vi"
    english = language.startswith("en")
    labels = dict(_fixed_labels(language, tuple(source.kind for source in sources())))
    for name, model in (("sector", Sector), ("province", Province), ("country", Country)):
        if not counts.get(name):
            continue
        names = reference_names(model, "code", english=english)
        for value in counts[name]:
            if value in names:
                labels[(name, value)] = names[value]
    return labels


def _facets(counts: dict[str, dict[str, int]], filters: SearchFilters) -> list[Facet]:
    labels = _labels(counts)
    facets = []
    for name in ("type", *FACET_NAMES):
        found = counts.get(name) or {}
        if not found:
            continue
        chosen = getattr(filters, name)
        values = [
            FacetValue(value=value, label=labels.get((name, value), value), count=n,
                       selected=value == chosen)
            for value, n in found.items()
        ]  # fmt: skip
        values.sort(key=lambda item: (-item.count, item.label))
        facets.append(Facet(name=name, label=str(FACET_LABELS[name]), values=values))
    return facets


def search_for_user(
    user: AnyUser,
    q: str,
    filters: SearchFilters | None = None,
    *,
    page: int = 1,
    page_size: int = PAGE_SIZE,
    with_facets: bool = True,
    limit: int | None = None,
) -> SearchResult:
    """A fixed number of queries whatever the number of matches: the vocabulary (for words
    that may be mistyped), the candidates and their rows (two or three queries, see
    backends.candidates), one per kind present whose selector filters, and the facets'
    labels. A query matching more than `limit` entries (by default CANDIDATES) is answered
    from that many of them."""
    filters = filters or SearchFilters()
    result = SearchResult(q=q, page_size=page_size)
    query = search_parse(q)
    if not query:
        return result
    if filters.type and source_for(filters.type) is None:
        return result
    chosen_facets = [
        (name, getattr(filters, name)) for name in FACET_NAMES if getattr(filters, name)
    ]
    # The engine matches the filters with the words (so a broad query's candidates are all
    # within them); their facet words may stand for other values too, so each candidate's
    # facets are checked after.
    query = replace(query, within=tuple((facet_word(name, v),) for name, v in chosen_facets))
    wanted = {f"{name}:{value}" for name, value in chosen_facets}

    def within_filters(candidates: list[_Candidate]) -> list[_Candidate]:
        return [c for c in candidates if wanted <= c.facet_tokens()] if wanted else candidates

    visible, result.capped = _visible_candidates(user, query, limit)
    chosen = within_filters(visible)
    # The type facet leaves the type filter out, so that the other types can still be chosen.
    counts: dict[str, dict[str, int]] = {"type": dict(Counter(c.kind for c in chosen))}
    if filters.type:
        chosen = [candidate for candidate in chosen if candidate.kind == filters.type]
        if result.capped and len(chosen) < max(1, page) * page_size:
            # A broad query's candidates are its first matches of every kind, and too few of
            # them are of the chosen kind to fill the page (the seven foreign organisations
            # matching "tech" among 66,000 entries were none of them): the kind is matched by
            # the engine too. The other kinds keep their counts from the first match.
            typed = replace(query, within=(*query.within, (facet_word("type", filters.type),)))
            visible, result.capped = _visible_candidates(user, typed, limit)
            chosen = [c for c in within_filters(visible) if c.kind == filters.type]
            counts["type"][filters.type] = len(chosen)
    # Tokens counted as stored (one split of them all); each distinct one is split into its
    # facet and value once.
    for token, n in Counter(" ".join(c.facets for c in chosen).split()).items():
        name, _sep, value = token.partition(":")
        counts.setdefault(name, {})[value] = n
    result.count = len(chosen)
    if not result.count:
        return result
    result.pages = max(1, math.ceil(result.count / page_size))
    result.page = min(max(1, page), result.pages)
    start = (result.page - 1) * page_size
    result.items = _hits(_ranked(chosen, query, start + page_size)[start:])
    if with_facets:
        result.facets = _facets(counts, filters)
    return result


def search_autocomplete_for_user(
    user: AnyUser, q: str, *, kinds: list[str] | None = None, limit: int = AUTOCOMPLETE_SIZE
) -> list[SearchHit]:
    """The best few matches, for pickers: no count, no facets. The kinds asked for are matched
    by the engine with the words (a foreign organisation picker's "tech" is not the
    organisations among the first matches of every kind)."""
    query = search_parse(q)
    if not query:
        return []
    if kinds:
        query = replace(query, within=(tuple(facet_word("type", kind) for kind in kinds),))
    visible, _capped = _visible_candidates(user, query)
    if kinds is not None:
        visible = [candidate for candidate in visible if candidate.kind in kinds]
    return _hits(_ranked(visible, query, limit))
