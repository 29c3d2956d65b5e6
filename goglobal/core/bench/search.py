"""`goglobal bench search`: the search endpoint at benchmark scale, beside a naive scan.

Method. 50 mixed queries are built from the generated population (seeded): folded names,
brands, English names, one-letter typos, prefixes being typed, whole and partial tax codes,
product names, and names with a facet filter. Each query is sent to GET /api/v1/search through
Django's WSGI handler as in `bench registry` (server time: middleware, authentication, the
search with its count, page of 20 and facet counts, serialisation), for a programme officer
and for the public. The baseline is what search would cost without the index: a naive
case-insensitive `icontains` scan of enterprises (names, tax code, descriptions) and products
(names) counting the matches and reading the first 20 of each — run in the same process and
interleaved with the searches, without the HTTP layer (which favours the scan). Before the
timed requests, the database is read once (map_database: SQLite's file, PostgreSQL's
relations into the system's cache): the scan reads the same pages at every run, the searches
different ones, and a first read of a page costs a page fault or a disk read that a running
server has long paid."""

from __future__ import annotations

import random
import time
from urllib.parse import urlencode

from django.db.models import Q
from django.test import override_settings

from goglobal.core.bench.registry import (
    PROVINCES,
    Figure,
    Runner,
    _officer_cookie,
    percentile,
)
from goglobal.core.text import fold
from goglobal.enterprises.models import Enterprise, Product

SEARCH_PATH = "/api/v1/search"


def _typo(mark: str, rng: random.Random) -> str:
    """One letter dropped from the mark's longest word, when it has five letters or more."""
    words = mark.split()
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]
    if len(word) >= 5:
        index = rng.randrange(1, len(word) - 1)
        words[longest] = word[:index] + word[index + 1 :]
    return " ".join(words)


def search_queries(rng: random.Random, enterprise_ids: list[int], count: int = 50) -> list[dict]:
    """What officers type: the enterprise's distinctive mark (the generator puts it last in
    the Vietnamese name: "… Phát Toàn", "… PhoenixSoft"), its full names, tax codes, products."""
    picked = rng.sample(enterprise_ids, k=min(count, len(enterprise_ids)))
    rows = {
        row[0]: row
        for row in Enterprise.objects.filter(pk__in=picked).values_list(
            "id", "name_vi", "name_en", "tax_code", "province_id"
        )
    }
    products = dict(
        Product.objects.filter(enterprise_id__in=picked)
        .order_by("enterprise_id", "id")
        .values_list("enterprise_id", "name_vi")
    )
    queries = []
    for index, pk in enumerate(picked):
        _, name_vi, name_en, tax_code, province = rows[pk]
        mark = " ".join(name_vi.split()[-2:])
        shape = index % 10
        if shape == 0:
            params = {"q": fold(name_vi)}
        elif shape == 1:
            params = {"q": mark}
        elif shape == 2:
            params = {"q": name_en}
        elif shape == 3:
            params = {"q": _typo(fold(mark), rng)}
        elif shape == 4:
            params = {"q": fold(mark)[:-2]}  # still typing
        elif shape == 5:
            params = {"q": tax_code}
        elif shape == 6:
            params = {"q": tax_code[:7]}
        elif shape == 7:
            params = {"q": products.get(pk, name_vi)}
        elif shape == 8:
            params = {"q": mark, "province": rng.choice([*PROVINCES, province])}
        else:
            params = {"q": fold(mark), "type": "enterprise"}
        queries.append(params)
    return queries


def naive_scan(params: dict) -> int:
    """Enterprises and products whose text contains the query as typed: count and first page."""
    text = params["q"]
    enterprises = Enterprise.objects.filter(
        Q(name_vi__icontains=text)
        | Q(name_en__icontains=text)
        | Q(tax_code__icontains=text)
        | Q(description_vi__icontains=text)
        | Q(description_en__icontains=text)
    )
    if params.get("province"):
        enterprises = enterprises.filter(province_id=params["province"])
    products = Product.objects.filter(Q(name_vi__icontains=text) | Q(name_en__icontains=text))
    found = enterprises.count() + products.count()
    list(enterprises.values_list("id", "name_vi")[:20])
    list(products.values_list("id", "name_vi")[:20])
    return found


def map_database() -> bool:
    """Reads the database once before the timed requests, so that they do not pay for pages
    that a server which has been running holds in memory. Whether it could (below).

    SQLite reads the file through a memory map (settings: mmap_size), and the first time a
    process touches a page of it costs a page fault: about 4 µs on this machine, a few
    milliseconds for a query reading 500 entries. The scan reads the same pages at every run, so
    from its second run on it pays none; each search reads entries no earlier query read, and
    paid them all, as a server that has been running would not: `PRAGMA quick_check` reads
    every page.

    PostgreSQL reads pages missing from its shared buffers from the system's file cache, which
    holds what a running server reads; on a machine whose cache was emptied by other work, a
    missing page is read from the disk (45 µs here against 3 from the cache: a broad query's
    500 candidates took 22 ms instead of 2). pg_prewarm's 'read' mode reads every block of the
    schema's tables, their indexes and their TOAST into the system's cache (not into the shared
    buffers, which keep their own choice). It is a contrib extension: where it cannot be
    created (a role without the privilege), nothing is read and the bench says so."""
    from django.db import DatabaseError, connection, transaction

    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA quick_check")
            cursor.fetchall()
        return True
    if connection.vendor != "postgresql":
        return False
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm")
            cursor.execute(PREWARM_SQL)
            cursor.fetchall()
    except DatabaseError:
        return False
    return True


# The current schema's tables, materialised views and indexes, and their TOAST tables and
# indexes: every block read into the system's cache.
PREWARM_SQL = """
WITH own AS (
    SELECT c.oid, c.reltoastrelid FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'm', 'i')
), toast AS (
    SELECT reltoastrelid AS oid FROM own WHERE reltoastrelid <> 0
    UNION ALL
    SELECT i.indexrelid FROM pg_index i JOIN own ON i.indrelid = own.reltoastrelid
)
SELECT pg_prewarm(oid, 'read') FROM (SELECT oid FROM own UNION ALL SELECT oid FROM toast) AS r
"""


def run(*, seed: int, enterprise_ids: list[int], count: int = 50) -> tuple[list[Figure], dict]:
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    rng = random.Random(seed)
    queries = search_queries(rng, enterprise_ids, count)
    encoded = [urlencode(params) for params in queries]
    times: dict[str, list[float]] = {"staff": [], "public": [], "scan": []}
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        with override_settings(DEBUG=False):
            runner = Runner()
            cookies = {"staff": _officer_cookie(), "public": ""}
            warmed = map_database()
            for query in encoded[:5]:  # warm caches and lazy imports
                runner.get(SEARCH_PATH, query, cookies["staff"])
            for params, query in zip(queries, encoded, strict=True):
                for scope, cookie in cookies.items():
                    times[scope].append(runner.get(SEARCH_PATH, query, cookie))
                started = time.perf_counter_ns()
                naive_scan(params)
                times["scan"].append((time.perf_counter_ns() - started) / 1e6)
            if runner.failures:
                raise RuntimeError("Requests failed:\n" + "\n".join(runner.failures[:5]))
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    figures = []
    for stat in (50, 95):
        scan = percentile(times["scan"], stat)
        for scope in ("staff", "public"):
            figures.append(Figure(f"search.{scope}.p{stat}", percentile(times[scope], stat), scan))
        figures.append(Figure(f"search.naive_scan.p{stat}", scan, scan))
    return figures, {"queries": queries, "warmed": warmed}
