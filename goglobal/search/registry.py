"""Search sources: each searchable record type registers how to describe its records for the
index and which of them a user may see (its app's selector). The search core knows nothing
else about the record types, so cases, events or opportunities join by registering a source."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.db.models import Model, QuerySet
from django.utils import translation

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
    subtitle_en: str = ""  # when it differs in English
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
    # Records of other models whose text this source's entries include, each with the lookup
    # from this source's model to them ("enterprise" for a product, "partner_organisations" for
    # an event): after such records are saved or deleted, the entries of the records that
    # include them are rewritten (services.search_index_including). Declared by the source whose
    # entries include the text, so the other record's app need not know of it.
    includes: tuple[tuple[type[Model], str], ...] = ()


def id_batches(
    model: type[Model], ids: Iterable[int] | None, size: int = 2000
) -> Iterator[list[int]]:
    """The ids given (None: every record of the model, in id order) in lists of at most
    `size`: what a source's `documents` reads a batch at a time."""
    if ids is None:
        ids = model.objects.order_by("id").values_list("id", flat=True).iterator(chunk_size=size)
    batch: list[int] = []
    for pk in ids:
        batch.append(pk)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def grouped(rows: Iterable[tuple]) -> dict[int, list]:
    """(key, value…) rows as {key: [value, …]}, a lone value unwrapped: what a source's
    `documents` reads of a batch's related rows (sectors, venues, products) in one query."""
    out: dict[int, list] = defaultdict(list)
    for key, *values in rows:
        out[key].append(values[0] if len(values) == 1 else tuple(values))
    return out


def choice_labels(choices) -> dict[str, list[str]]:
    """Each value's label in Vietnamese and English, for a document's body: "dien dan" and
    "forum" both find a forum whatever the language of the request that indexed it."""
    labels: dict[str, list[str]] = defaultdict(list)
    for language in ("vi", "en"):
        with translation.override(language):
            for value, label in choices.choices:
                labels[value].append(str(label))
    return labels


_SOURCES: dict[str, SearchSource] = {}


def register(source: SearchSource) -> None:
    from goglobal.search.upkeep import connect

    _SOURCES[source.kind] = source
    connect(source.model)
    for model, _lookup in source.includes:
        connect(model)


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


def including(model: type[Model], ids: Iterable[int]) -> list[tuple[str, list[int]]]:
    """(kind, ids) of the records whose entries include the text of these records of `model`,
    as their sources declare (SearchSource.includes): one query per such source."""
    ids = list(ids)
    if not ids:
        return []
    found = []
    for source in _SOURCES.values():
        for included, lookup in source.includes:
            if issubclass(model, included):
                records = source.model._default_manager.filter(**{f"{lookup}__in": ids})
                found.append(
                    (source.kind, list(records.order_by().values_list("pk", flat=True).distinct()))
                )
    return found
