import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from goglobal.core.generate import generate

pytestmark = pytest.mark.django_db


def test_bench_registry_prints_json_lines():
    out = StringIO()
    call_command(
        "bench", "registry", "--enterprises", "300", "--requests", "20", "--json",
        stdout=out, stderr=StringIO(),
    )  # fmt: skip
    figures = [json.loads(line) for line in out.getvalue().splitlines()]
    names = {figure["name"] for figure in figures}
    for scope in ("staff", "public"):
        for stat in ("p50", "p95"):
            assert f"registry.enterprise_list.{scope}.{stat}" in names
            assert f"registry.enterprise_detail.{scope}.{stat}" in names
            assert f"registry.baseline.{scope}.{stat}" in names
    for figure in figures:
        assert set(figure) == {"name", "value", "unit", "baseline", "ratio"}
        assert figure["unit"] == "ms"
        assert figure["value"] > 0 and figure["baseline"] > 0
        assert figure["ratio"] == pytest.approx(figure["value"] / figure["baseline"], rel=0.02)


def test_bench_registry_refuses_to_replace_another_population():
    generate(enterprises=10, seed=2026)
    with pytest.raises(CommandError, match="another generated population"):
        call_command("bench", "registry", "--enterprises", "30", stdout=StringIO())
