"""Search sources: each searchable record type registers how to describe its records for the
index and which of them a user may see (its app's selector). The search core knows nothing
else about the record types, so cases, events or opportunities join by registering a source."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.db.models import Model, QuerySet

from goglobal.accounts.access import AnyUser


@dataclass
class Document:
    """What the index keeps of one record. `names` are the record's names and codes (ranked
    first); `body` everything else worth finding it by; `facets` (name, value) pairs."""

    object_id: int
    title: str
    url: str
    title_en: str = ""
    subtitle: str = ""
    names: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    facets: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class SearchSource:
    kind: str
    label: str  # lazily translated
    model: type[Model]
    # The app's selector: the records of this kind the user may see.
    visible: Callable[[AnyUser], QuerySet]
    # Documents for the given ids (None: every record), in batches the source chooses.
    documents: Callable[[Iterable[int] | None], Iterator[Document]]
    # Other entries whose text includes this record's (an enterprise lists its products):
    # (kind, ids) to re-index after this record changes.
    dependants: Callable[[Model], Iterable[tuple[str, Iterable[int]]]] | None = None


_SOURCES: dict[str, SearchSource] = {}


def register(source: SearchSource) -> None:
    from goglobal.search.upkeep import connect

    _SOURCES[source.kind] = source
    connect(source.model)


def sources() -> list[SearchSource]:
    """In registration order, which is also the order of kinds within a rank."""
    return list(_SOURCES.values())


def source_for(kind: str) -> SearchSource | None:
    return _SOURCES.get(kind)


def source_for_model(model: type[Model]) -> SearchSource | None:
    for source in _SOURCES.values():
        if source.model is model:
            return source
    return None
