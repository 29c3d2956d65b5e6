import json
from io import StringIO

import pytest
from django.core.management import call_command

from goglobal.enterprises.models import Enterprise
from goglobal.search.models import SearchEntry

pytestmark = pytest.mark.django_db


def test_bench_import_prints_json_lines_and_commits():
    out = StringIO()
    call_command(
        "bench",
        "import",
        "--rows",
        "3000",
        "--slice",
        "20",
        "--json",
        stdout=out,
        stderr=StringIO(),
    )
    figures = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [f["name"] for f in figures] == [
        "import.enterprises.commit",
        "import.enterprises.commit_vs_parse_only",
        "import.enterprises.dry_run",
    ]
    for figure in figures:
        assert set(figure) == {"name", "value", "unit", "baseline", "ratio"}
        assert figure["unit"] == "s" and figure["value"] > 0 and figure["baseline"] > 0
    assert Enterprise.objects.filter(tax_code__startswith="09").count() == 3000
    assert Enterprise.history.filter(tax_code__startswith="09").count() == 3000
    # A second run replaces the first run's rows rather than adding to them.
    call_command(
        "bench",
        "import",
        "--rows",
        "200",
        "--slice",
        "10",
        "--json",
        stdout=StringIO(),
        stderr=StringIO(),
    )
    assert Enterprise.objects.filter(tax_code__startswith="09").count() == 200
    assert Enterprise.history.filter(tax_code__startswith="09").count() == 200
    # The first run's search entries went with its enterprises.
    ids = set(Enterprise.objects.values_list("id", flat=True))
    assert (
        set(SearchEntry.objects.filter(kind="enterprise").values_list("object_id", flat=True))
        == ids
    )
