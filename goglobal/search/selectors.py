"""The search: matching entries the user may see, ranked, with facet counts.

What a user may see is each source's own selector (goglobal.search.sources), applied as a
correlated EXISTS so that the database checks only the matching entries; results and facet
counts come from the same filtered queryset, so no hidden record is shown or counted."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, QuerySet, Value, When
from django.db.models.functions import Length
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from goglobal.accounts.access import AnyUser
from goglobal.enterprises.enums import EmployeeBand, PresenceMode
from goglobal.reference.models import Country, Province, Sector
from goglobal.search.backends import backend
from goglobal.search.models import SearchEntry, SearchFacet, SearchWord
from goglobal.search.query import ParsedQuery, parse
from goglobal.search.registry import source_for, sources

PAGE_SIZE = 20
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
    items: list[SearchHit] = field(default_factory=list)
    facets: list[Facet] = field(default_factory=list)


def _vocabulary(candidates: set[str]) -> set[str]:
    return set(SearchWord.objects.filter(word__in=candidates).values_list("word", flat=True))


def search_parse(q: str) -> ParsedQuery:
    return parse(q, _vocabulary)


def _visible(user: AnyUser, kinds: list[str] | None) -> Q | None:
    """Entries of the given kinds (all when None) whose record the user may see; None when the
    user may see none of them."""
    conditions = []
    for source in sources():
        if kinds is not None and source.kind not in kinds:
            continue
        visible = source.visible(user)
        if visible.query.is_empty():
            continue
        condition = Q(kind=source.kind)
        if visible.query.where:
            # An unfiltered selector (staff) needs no check: the index holds only live records.
            condition &= Q(Exists(visible.filter(pk=OuterRef("object_id"))))
        conditions.append(condition)
    if not conditions:
        return None
    combined = conditions[0]
    for condition in conditions[1:]:
        combined |= condition
    return combined


def _matching(user: AnyUser, query: ParsedQuery, kinds: list[str] | None) -> QuerySet | None:
    visible = _visible(user, kinds)
    if visible is None:
        return None
    return SearchEntry.objects.filter(backend().matches(query)).filter(visible)


def _ranked(entries: QuerySet, query: ParsedQuery) -> QuerySet:
    """Exact name, then name prefix, then a match in the names, then elsewhere; within a rank
    by kind (sources' order), then name."""
    phrase = query.phrase
    rank = Case(
        When(names__contains=f"|{phrase}|", then=Value(0)),
        When(names__contains=f"|{phrase}", then=Value(1)),
        When(backend().names_match(query), then=Value(2)),
        default=Value(3),
        output_field=IntegerField(),
    )
    kind_order = Case(
        *[When(kind=source.kind, then=Value(index)) for index, source in enumerate(sources())],
        default=Value(len(sources())),
        output_field=IntegerField(),
    )
    # Within a rank and kind the shorter name first: "saigon" puts "Saigon Data" before
    # "Saigon Data, Da Nang branch".
    return entries.annotate(
        rank=rank, kind_order=kind_order, name_length=Length("sort_key")
    ).order_by("rank", "kind_order", "name_length", "sort_key", "id")


def _hits(rows) -> list[SearchHit]:
    english = (get_language() or "vi").startswith("en")
    hits = []
    for row in rows:
        source = source_for(row["kind"])
        hits.append(
            SearchHit(
                kind=row["kind"],
                kind_label=str(source.label) if source else row["kind"],
                object_id=row["object_id"],
                title=(row["title_en"] or row["title"]) if english else row["title"],
                subtitle=row["subtitle"],
                url=row["url"],
            )
        )
    return hits


HIT_FIELDS = ("kind", "object_id", "title", "title_en", "subtitle", "url")


def _facet_filter(entries: QuerySet, filters: SearchFilters) -> QuerySet:
    for name in FACET_NAMES:
        value = getattr(filters, name)
        if value:
            chosen = SearchFacet.objects.filter(entry=OuterRef("pk"), name=name, value=value)
            entries = entries.filter(Exists(chosen))
    return entries


def _labels(counts: dict[str, dict[str, int]]) -> dict[tuple[str, str], str]:
    english = (get_language() or "vi").startswith("en")
    labels: dict[tuple[str, str], str] = {}
    tables = {
        "sector": (Sector, "code", counts.get("sector")),
        "province": (Province, "code", counts.get("province")),
        "country": (Country, "code", counts.get("country")),
    }
    for name, (model, key, values) in tables.items():
        if not values:
            continue
        wanted = [int(v) for v in values if v.isdigit()] if name == "province" else list(values)
        for code, name_vi, name_en in model.objects.filter(**{f"{key}__in": wanted}).values_list(
            key, "name_vi", "name_en"
        ):
            labels[(name, str(code))] = name_en if english else name_vi
    for value, label in PresenceMode.choices:
        labels[("mode", value)] = str(label)
    for value, label in EmployeeBand.choices:
        labels[("size", value)] = str(label)
    for source in sources():
        labels[("type", source.kind)] = str(source.label)
    return labels


def _facets(user, query, filters: SearchFilters, entries: QuerySet) -> list[Facet]:
    counts: dict[str, dict[str, int]] = {"type": {}}
    # The type facet leaves the type filter out, so that the other types can still be chosen.
    every_type = _matching(user, query, None)
    if every_type is not None:
        for row in _facet_filter(every_type, filters).values("kind").annotate(n=Count("id")):
            counts["type"][row["kind"]] = row["n"]
    rows = (
        SearchFacet.objects.filter(entry__in=entries.values("id"))
        .values("name", "value")
        .annotate(n=Count("id"))
    )
    for row in rows:
        counts.setdefault(row["name"], {})[row["value"]] = row["n"]
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
    filters = filters or SearchFilters()
    result = SearchResult(q=q, page_size=page_size)
    query = search_parse(q)
    if not query:
        return result
    if filters.type and source_for(filters.type) is None:
        return result
    entries = _matching(user, query, [filters.type] if filters.type else None)
    if entries is None:
        return result
    entries = _facet_filter(entries, filters)
    result.count = entries.count()
    if not result.count:
        return result
    result.pages = max(1, math.ceil(result.count / page_size))
    result.page = min(max(1, page), result.pages)
    start = (result.page - 1) * page_size
    rows = _ranked(entries, query).values(*HIT_FIELDS)[start : start + page_size]
    result.items = _hits(rows)
    if with_facets:
        result.facets = _facets(user, query, filters, entries)
    return result


def search_autocomplete_for_user(
    user: AnyUser, q: str, *, kinds: list[str] | None = None, limit: int = AUTOCOMPLETE_SIZE
) -> list[SearchHit]:
    """The best few matches, for pickers: no count, no facets."""
    query = search_parse(q)
    if not query:
        return []
    entries = _matching(user, query, kinds)
    if entries is None:
        return []
    return _hits(_ranked(entries, query).values(*HIT_FIELDS)[:limit])
