import json
from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_bench_search_prints_json_lines():
    out = StringIO()
    call_command("bench", "search", "--enterprises", "300", "--json", stdout=out, stderr=StringIO())
    figures = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [figure["name"] for figure in figures] == [
        "search.staff.p50",
        "search.public.p50",
        "search.naive_scan.p50",
        "search.staff.p95",
        "search.public.p95",
        "search.naive_scan.p95",
    ]
    for figure in figures:
        assert set(figure) == {"name", "value", "unit", "baseline", "ratio"}
        assert figure["unit"] == "ms"
        assert figure["value"] > 0 and figure["baseline"] > 0


def test_map_database_reads_the_database_where_the_engine_allows():
    """SQLite's file is always read; PostgreSQL's relations when pg_prewarm is installable, which
    the bench then leaves installed."""
    from django.db import connection

    from goglobal.core.bench.search import map_database

    warmed = map_database()
    if connection.vendor == "sqlite":
        assert warmed is True
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_available_extensions WHERE name = 'pg_prewarm'")
        available = cursor.fetchone()[0] == 1
        cursor.execute("SELECT count(*) FROM pg_extension WHERE extname = 'pg_prewarm'")
        installed = cursor.fetchone()[0] == 1
    assert warmed is available
    assert installed is available
