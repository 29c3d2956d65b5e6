"""Writes to the search index. Services call `search_index_record` after they change a
record (inside their transaction, so the index commits or rolls back with the record); deletes
are caught by a post_delete receiver (upkeep.py) because they also arrive by cascade."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator

from django.db import transaction
from django.db.models import Model

from goglobal.core import inserts
from goglobal.search.models import SearchEntry, SearchWord
from goglobal.search.query import folded_name, in_vocabulary, words
from goglobal.search.registry import Document, SearchSource, source_for, source_for_model, sources

WRITE_BATCH = 2000


def _entry(kind: str, document: Document) -> SearchEntry:
    names = [folded for folded in (folded_name(name) for name in document.names) if folded]
    return SearchEntry(
        kind=kind,
        object_id=document.object_id,
        title=document.title[:255],
        title_en=(document.title_en or "")[:255],
        subtitle=(document.subtitle or "")[:255],
        url=document.url,
        sort_key=folded_name(document.title)[:255],
        names="|" + "|".join(names) + "|",
        body=" ".join(words(" ".join(part for part in document.body if part))),
        facets=" ".join(f"{name}:{value}" for name, value in dict.fromkeys(document.facets)),
    )


def _write(kind: str, documents: Iterator[Document]) -> int:
    written = 0
    vocabulary: set[str] = set()
    batch: list[Document] = []

    def flush() -> None:
        # Multi-row INSERTs: bulk_create's per-value compiling was a third of indexing time.
        entries = [_entry(kind, doc) for doc in batch]
        inserts.insert_instances(SearchEntry, entries)
        for entry in entries:
            vocabulary.update(
                word
                for word in f"{entry.names} {entry.body}".replace("|", " ").split()
                if in_vocabulary(word)
            )

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
    """The record's entry and those that include its text (an enterprise lists its products)."""
    source = source_for_model(type(record))
    if source is None:
        return
    search_index(kind=source.kind, ids=[record.pk])
    search_index_dependants(source, record)


def search_index_dependants(source: SearchSource, record: Model) -> None:
    """Rewrites the entries that include the record's text. Also after a delete: in a cascade
    the dependants are gone already or go next, and search_index drops the entries of records
    no longer there."""
    if source.dependants:
        for kind, ids in source.dependants(record):
            search_index(kind=kind, ids=ids)


@transaction.atomic
def search_rebuild(*, kinds: Iterable[str] | None = None) -> dict[str, int]:
    """Rewrites the whole index (or these kinds') from the records. Run after bulk inserts
    that bypass the services (the generator, the seed loader)."""
    started = time.perf_counter()
    chosen = [source for source in sources() if kinds is None or source.kind in set(kinds)]
    counts: dict[str, int] = {}
    for source in chosen:
        SearchEntry.objects.filter(kind=source.kind)._raw_delete(SearchEntry.objects.db)
        counts[source.kind] = _write(source.kind, source.documents(None))
    counts["seconds"] = round(time.perf_counter() - started, 1)
    return counts
