"""The search: matching entries the user may see, ranked, with facet counts.

One full-text query gives the candidate entries (at most CANDIDATES); one query reads them;
then, per kind present among them, the kind's own selector (goglobal.search.sources) says
which of their records the user may see — a query of the selector over those record ids. The
count, the facet counts and the ranking are then computed from that visible set, so no hidden
record is shown or counted."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from goglobal.accounts.access import AnyUser
from goglobal.enterprises.enums import EmployeeBand, PresenceMode
from goglobal.reference.labels import reference_names
from goglobal.reference.models import Country, Province, Sector
from goglobal.search.backends import backend
from goglobal.search.models import SearchEntry, SearchWord
from goglobal.search.query import COMPLETIONS_MAX, ParsedQuery, in_vocabulary, parse
from goglobal.search.registry import source_for, sources

PAGE_SIZE = 20
# A query matching more entries than this (a word or two letters many names have) is
# answered from this many of them, those matching in their names first, and says so
# (`capped`): counting, ranking and faceting a hundred thousand matches costs a second.
CANDIDATES = 500
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
    found = SearchWord.objects.filter(word__in=backend().one_of(sorted(candidates)))
    return set(found.values_list("word", flat=True))


def _complete(query: ParsedQuery) -> None:
    """The completions of the word being typed, when it is letters only, four or more of
    them, and has few (query.Term.completions); one range scan of the vocabulary."""
    term = query.terms[-1]
    if not (term.prefix and term.word.isalpha() and in_vocabulary(term.word)):
        return
    end = term.word[:-1] + chr(ord(term.word[-1]) + 1)
    found = SearchWord.objects.filter(word__gte=term.word, word__lt=end).order_by("word")
    completions = list(found.values_list("word", flat=True)[: COMPLETIONS_MAX + 1])
    if 0 < len(completions) <= COMPLETIONS_MAX:
        term.completions = completions


def search_parse(q: str) -> ParsedQuery:
    query = parse(q, _vocabulary)
    if query and backend().uses_completions:
        _complete(query)
    return query


# What ranking, visibility and facets need of every candidate; the page's display fields are
# read for its own entries only (HIT_FIELDS).
ENTRY_FIELDS = ("id", "kind", "object_id", "names", "sort_key", "facets")
HIT_FIELDS = ("id", "title", "title_en", "subtitle", "url")


@dataclass
class _Candidate:
    id: int
    kind: str
    object_id: int
    names: str
    sort_key: str
    facets: str

    def facet_tokens(self) -> set[str]:
        """ "name:value" tokens, as stored."""
        return set(self.facets.split())


def _pk_in(model, ids: list[int]) -> RawSQL:
    """`pk IN (1, 2, …)` written out: a plain list and no ordering, so that SQLite probes these
    keys (with json_each, whose size it cannot know, or the model's ordering, it walks an index
    of every active enterprise), without Django preparing 500 parameters one by one (a third
    of a search's time). The ids are integers read from the index, formatted as such."""
    column = f"{connection.ops.quote_name(model._meta.db_table)}.{connection.ops.quote_name(model._meta.pk.column)}"
    listed = ",".join(str(int(pk)) for pk in ids)
    return RawSQL(f"{column} IN ({listed})", [], output_field=BooleanField())  # noqa: S611


def _visible_candidates(user: AnyUser, query: ParsedQuery) -> tuple[list[_Candidate], bool]:
    """The candidates whose record the user may see, and whether the match was capped."""
    ids, capped = backend().candidates(query, CANDIDATES)
    if not ids:
        return [], capped
    rows = SearchEntry.objects.filter(id__in=backend().one_of(ids)).values_list(*ENTRY_FIELDS)
    candidates = [_Candidate(*row) for row in rows]
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
            found = visible.filter(_pk_in(visible.model, object_ids))
            allowed[kind] = set(found.order_by().values_list("pk", flat=True))
    return [
        candidate
        for candidate in candidates
        if allowed[candidate.kind] is None or candidate.object_id in allowed[candidate.kind]
    ], capped


def _names_match(names: str, query: ParsedQuery) -> bool:
    """Every term is a word of the names (or begins one, for the prefix). Names are folded
    words separated by spaces and "|": padded with spaces, a word is " word " in them."""
    padded = " " + names.replace("|", " ") + " "
    for term in query.terms:
        if any(f" {word} " in padded for word in term.alternatives):
            continue
        if term.prefix and f" {term.word}" in padded:
            continue
        return False
    return True


def _ranked(candidates: list[_Candidate], query: ParsedQuery) -> list[_Candidate]:
    """Exact name, then name prefix, then a match in the names, then elsewhere; within a rank
    by kind (sources' order), then the shorter name first ("saigon" puts "Saigon Data" before
    "Saigon Data, Da Nang branch"), then by name."""
    phrase = query.phrase
    order = {source.kind: index for index, source in enumerate(sources())}

    def key(candidate: _Candidate):
        if f"|{phrase}|" in candidate.names:
            rank = 0
        elif f"|{phrase}" in candidate.names:
            rank = 1
        elif _names_match(candidate.names, query):
            rank = 2
        else:
            rank = 3
        sort_key = candidate.sort_key
        return (rank, order.get(candidate.kind, len(order)), len(sort_key), sort_key, candidate.id)

    return sorted(candidates, key=key)


def _hits(candidates: list[_Candidate]) -> list[SearchHit]:
    english = (get_language() or "vi").startswith("en")
    shown = {
        row[0]: row
        for row in SearchEntry.objects.filter(id__in=[c.id for c in candidates]).values_list(
            *HIT_FIELDS
        )
    }
    hits = []
    for candidate in candidates:
        source = source_for(candidate.kind)
        _pk, title, title_en, subtitle, url = shown[candidate.id]
        hits.append(
            SearchHit(
                kind=candidate.kind,
                kind_label=str(source.label) if source else candidate.kind,
                object_id=candidate.object_id,
                title=(title_en or title) if english else title,
                subtitle=subtitle,
                url=url,
            )
        )
    return hits


def _labels(counts: dict[str, dict[str, int]]) -> dict[tuple[str, str], str]:
    english = (get_language() or "vi").startswith("en")
    labels: dict[tuple[str, str], str] = {}
    for name, model in (("sector", Sector), ("province", Province), ("country", Country)):
        if not counts.get(name):
            continue
        names = reference_names(model, "code", english=english)
        for value in counts[name]:
            if value in names:
                labels[(name, value)] = names[value]
    for value, label in PresenceMode.choices:
        labels[("mode", value)] = str(label)
    for value, label in EmployeeBand.choices:
        labels[("size", value)] = str(label)
    for source in sources():
        labels[("type", source.kind)] = str(source.label)
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
) -> SearchResult:
    """A fixed number of queries whatever the number of matches: the vocabulary (for words
    that may be mistyped), the candidates (twice for a broad query), reading them, one per
    kind present whose selector filters, and the facets' labels."""
    filters = filters or SearchFilters()
    result = SearchResult(q=q, page_size=page_size)
    query = search_parse(q)
    if not query:
        return result
    if filters.type and source_for(filters.type) is None:
        return result
    visible, result.capped = _visible_candidates(user, query)
    wanted = {f"{name}:{getattr(filters, name)}" for name in FACET_NAMES if getattr(filters, name)}
    chosen = [c for c in visible if wanted <= c.facet_tokens()] if wanted else visible
    # The type facet leaves the type filter out, so that the other types can still be chosen.
    counts: dict[str, dict[str, int]] = {"type": dict(Counter(c.kind for c in chosen))}
    if filters.type:
        chosen = [candidate for candidate in chosen if candidate.kind == filters.type]
    # Tokens counted as stored; each distinct one is split into its facet and value once.
    for token, n in Counter(t for c in chosen for t in c.facets.split()).items():
        name, _sep, value = token.partition(":")
        counts.setdefault(name, {})[value] = n
    result.count = len(chosen)
    if not result.count:
        return result
    result.pages = max(1, math.ceil(result.count / page_size))
    result.page = min(max(1, page), result.pages)
    start = (result.page - 1) * page_size
    result.items = _hits(_ranked(chosen, query)[start : start + page_size])
    if with_facets:
        result.facets = _facets(counts, filters)
    return result


def search_autocomplete_for_user(
    user: AnyUser, q: str, *, kinds: list[str] | None = None, limit: int = AUTOCOMPLETE_SIZE
) -> list[SearchHit]:
    """The best few matches, for pickers: no count, no facets."""
    query = search_parse(q)
    if not query:
        return []
    visible, _capped = _visible_candidates(user, query)
    if kinds is not None:
        visible = [candidate for candidate in visible if candidate.kind in kinds]
    return _hits(_ranked(visible, query)[:limit])
