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
