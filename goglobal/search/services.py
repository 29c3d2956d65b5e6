"""Writes to the search index. Services call `search_index_record` after they change a
record (inside their transaction, so the index commits or rolls back with the record); deletes
are caught by a post_delete receiver (upkeep.py) because they also arrive by cascade."""

from __future__ import annotations

import functools
import time
from collections.abc import Iterable, Iterator

from django.db import transaction
from django.db.models import Model

from goglobal.core import inserts
from goglobal.search.backends import backend
from goglobal.search.models import SearchEntry, SearchName, SearchWord
from goglobal.search.query import facet_word, folded_name, in_vocabulary, words
from goglobal.search.registry import Document, including, source_for, source_for_model, sources

WRITE_BATCH = 2000


# The entry's columns in the order _entry gives them.
_COLUMNS = (
    "kind", "object_id", "title", "title_en", "subtitle", "url", "sort_key", "names", "body",
    "facets", "subtitle_en", "facet_words",
)  # fmt: skip


@functools.lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    # Body parts repeat (a province's names are in every entry of that province); words never
    # span two parts, so folding each part alone gives the words of the whole text.
    return tuple(words(text))


def _entry(kind: str, document: Document) -> tuple:
    """The entry's values in _COLUMNS order: a tuple, not a SearchEntry, because building a
    model instance per record cost as much as folding its text."""
    title = folded_name(document.title)
    names = [
        folded
        for folded in (
            title if name == document.title else folded_name(name) for name in document.names
        )
        if folded
    ]
    facets = dict.fromkeys(document.facets)
    return (
        kind,
        document.object_id,
        document.title[:255],
        (document.title_en or "")[:255],
        (document.subtitle or "")[:255],
        document.url,
        title[:255],
        "|" + "|".join(names) + "|",
        " ".join(word for part in document.body if part for word in _words(part)),
        " ".join(f"{name}:{value}" for name, value in facets),
        (document.subtitle_en or "")[:255],
        " ".join(
            dict.fromkeys(
                [facet_word("type", kind)] + [facet_word(name, value) for name, value in facets]
            )
        ),
    )


def _write(kind: str, documents: Iterator[Document]) -> int:
    written = 0
    vocabulary: set[str] = set()
    batch: list[Document] = []
    fields = [SearchEntry._meta.get_field(name) for name in _COLUMNS]
    name_fields = [SearchName._meta.get_field("entry"), SearchName._meta.get_field("name")]

    def flush() -> None:
        # Multi-row INSERTs: bulk_create's per-value compiling was a third of indexing time.
        entries = [_entry(kind, doc) for doc in batch]
        ids = inserts.insert(SearchEntry, fields, entries, returning=True)
        # Each entry's names a row each (SearchName: the ranking's name prefixes by range).
        inserts.insert(
            SearchName,
            name_fields,
            [
                (pk, name[:255])
                for pk, entry in zip(ids, entries, strict=True)
                for name in dict.fromkeys(entry[7].split("|"))
                if name
            ],
        )
        # The batch's distinct words, then the vocabulary's test once per word.
        seen: set[str] = set()
        for entry in entries:
            seen.update(entry[7].replace("|", " ").split())
            seen.update(entry[8].split())
        vocabulary.update(word for word in seen - vocabulary if in_vocabulary(word))

    for document in documents:
        batch.append(document)
        if len(batch) == WRITE_BATCH:
            flush()
            written += len(batch)
            batch = []
    if batch:
        flush()
        written += len(batch)
    if vocabulary:
        SearchWord.objects.bulk_create(
            [SearchWord(word=word) for word in sorted(vocabulary)],
            ignore_conflicts=True,
            batch_size=WRITE_BATCH,
        )
    return written


def search_entries_raw_delete(entries) -> None:
    """Deletes these entries and their names (SearchName) with plain DELETEs, without the ORM's
    collecting: for the rebuild and bulk clean-ups."""
    names = SearchName.objects.filter(entry__in=entries.values("id"))
    names._raw_delete(names.db)
    entries._raw_delete(entries.db)


def search_unindex(*, kind: str, ids: Iterable[int]) -> None:
    SearchEntry.objects.filter(kind=kind, object_id__in=list(ids)).delete()


@transaction.atomic
def search_index(*, kind: str, ids: Iterable[int]) -> None:
    """(Re)writes the entries of these records of `kind`; ids no longer there lose theirs."""
    source = source_for(kind)
    ids = list(ids)
    if source is None or not ids:
        return
    search_unindex(kind=kind, ids=ids)
    _write(kind, source.documents(ids))


def search_index_many(*, kind: str, ids: Iterable[int], batch: int = 5000) -> None:
    """search_index for any number of records (bulk writes: imports), a batch at a time so no
    statement carries more parameters than the database takes."""
    ids = sorted(set(ids))
    for start in range(0, len(ids), batch):
        search_index(kind=kind, ids=ids[start : start + batch])


def search_index_record(record: Model) -> None:
    """The record's entry and those that include its text (an enterprise lists its products,
    an event its partner organisations)."""
    source = source_for_model(type(record))
    if source is not None:
        search_index(kind=source.kind, ids=[record.pk])
    search_index_including(type(record), [record.pk])


def search_index_including(
    model: type[Model], ids: Iterable[int], included_in: list | None = None
) -> None:
    """Rewrites the entries that include the text of these records of `model` (for bulk
    writes too: one query per source that includes them). `included_in` is what `including`
    found before a delete took the links with it. After a delete in a cascade, records gone
    already or going next lose their entries instead (search_index)."""
    found = including(model, ids) if included_in is None else included_in
    for kind, including_ids in found:
        search_index_many(kind=kind, ids=including_ids)


@transaction.atomic
def search_rebuild(*, kinds: Iterable[str] | None = None) -> dict[str, int]:
    """Rewrites the whole index (or these kinds') from the records. Run after bulk inserts
    that bypass the services (the generator, the seed loader)."""
    started = time.perf_counter()
    chosen = [source for source in sources() if kinds is None or source.kind in set(kinds)]
    counts: dict[str, int] = {}
    for source in chosen:
        search_entries_raw_delete(SearchEntry.objects.filter(kind=source.kind))
        counts[source.kind] = _write(source.kind, source.documents(None))
    backend().optimize()
    counts["seconds"] = round(time.perf_counter() - started, 1)
    return counts
