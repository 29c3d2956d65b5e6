"""The metrics page's charts: Vega-Lite specifications rendered to SVG on the server with
vl-convert (no script, no CDN: the page works offline and without JavaScript), each with the
same numbers as a table for screen readers and for copying. Labels are translated here, so the
chart, its table and its description say the same thing in the page's language."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from django.utils.translation import gettext as _

from goglobal.cases.enums import CaseCategory
from goglobal.reference.models import Country, Sector

TOP = 15
WIDTH = 460


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    columns: tuple[str, ...]
    rows: list[tuple]
    svg: str


@lru_cache(maxsize=256)
def _render(spec_json: str) -> str:
    import vl_convert

    return vl_convert.vegalite_to_svg(json.loads(spec_json))


def render_svg(spec: dict) -> str:
    """The chart as an SVG element; the same specification is rendered once per process."""
    svg = _render(json.dumps(spec, sort_keys=True, ensure_ascii=False))
    # The picture is described by the figure's caption and table beside it.
    return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)


def _base(title: str, values: list[dict]) -> dict:
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "description": title,
        "width": WIDTH,
        "data": {"values": values},
        "config": {"font": "sans-serif", "view": {"stroke": None}},
    }


def bar_spec(title: str, rows: list[tuple[str, int]], *, value_title: str) -> dict:
    spec = _base(title, [{"label": label, "n": n} for label, n in rows])
    spec["mark"] = {"type": "bar", "color": "#1f6f8b"}
    spec["encoding"] = {
        "y": {"field": "label", "type": "nominal", "sort": None, "title": None},
        "x": {"field": "n", "type": "quantitative", "title": value_title},
    }
    return spec


def line_spec(title: str, rows: list[tuple[str, int]], *, value_title: str) -> dict:
    spec = _base(title, [{"label": label, "n": n} for label, n in rows])
    spec["mark"] = {"type": "line", "point": True, "color": "#1f6f8b"}
    spec["encoding"] = {
        "x": {"field": "label", "type": "ordinal", "title": None, "axis": {"labelAngle": -45}},
        "y": {"field": "n", "type": "quantitative", "title": value_title},
    }
    return spec


def durations_spec(title: str, rows: list[tuple[str, float | None, float | None]]) -> dict:
    median, p90 = _("Median"), _("90th percentile")
    values = []
    for step, middle, high in rows:
        values += [
            {"step": step, "stat": median, "days": middle or 0},
            {"step": step, "stat": p90, "days": high or 0},
        ]
    spec = _base(title, values)
    spec["mark"] = {"type": "bar"}
    spec["encoding"] = {
        "y": {"field": "step", "type": "nominal", "sort": None, "title": None},
        "yOffset": {"field": "stat", "sort": [median, p90]},
        "x": {"field": "days", "type": "quantitative", "title": _("Days")},
        "color": {
            "field": "stat",
            "type": "nominal",
            "sort": [median, p90],
            "title": None,
            "scale": {"range": ["#1f6f8b", "#99c4c8"]},
            "legend": {"orient": "bottom"},
        },
    }
    return spec


def _labelled(rows: list[dict], names: dict, other: str) -> list[tuple[str, int]]:
    labelled = [(str(names.get(row["key"], row["key"] or other)), row["n"]) for row in rows]
    if len(labelled) > TOP:
        rest = sum(n for _label, n in labelled[TOP:])
        labelled = [*labelled[:TOP], (_("Others"), rest)]
    return labelled


def metrics_charts(numbers: dict) -> list[Chart]:
    """The charts and tables of the metrics page, from `metrics.case_metrics`' numbers; none
    before the first case is submitted."""
    if not numbers["submitted"]:
        return []
    cases = _("Cases")
    intake = numbers["intake"]
    countries = {c.code: c.name for c in Country.objects.all()}
    sectors = {s.code: s.name for s in Sector.objects.all()}
    steps = [
        (_("Acknowledge"), numbers["days_to_acknowledge"]),
        (_("Triage"), numbers["days_to_triage"]),
        (_("Resolve"), numbers["days_to_resolve"]),
    ]
    duration_rows = [(label, d.median, d.p90, d.count) for label, d in steps]
    ageing = [
        (
            f"{b['from_days']}–{b['to_days']}"
            if b["to_days"] is not None
            else f"{b['from_days']}+",
            b["n"],
        )
        for b in numbers["backlog_ageing"]
    ]
    charts = [
        (
            "durations",
            _("Days taken (calendar days)"),
            (_("Step"), _("Median"), _("90th percentile"), cases),
            duration_rows,
            durations_spec(_("Days taken (calendar days)"), [r[:3] for r in duration_rows]),
        ),
        (
            "ageing",
            _("Open cases by age"),
            (_("Days open"), cases),
            ageing,
            bar_spec(_("Open cases by age"), ageing, value_title=cases),
        ),
    ]
    for key, title, column, rows, names in (
        (
            "by-category",
            _("Intake by category"),
            _("Category"),
            intake["by_category"],
            dict(CaseCategory.choices),
        ),
        ("by-country", _("Intake by country"), _("Country"), intake["by_country"], countries),
        ("by-sector", _("Intake by sector"), _("Sector"), intake["by_sector"], sectors),
    ):
        labelled = _labelled(rows, names, _("No sector"))
        charts.append(
            (key, title, (column, cases), labelled, bar_spec(title, labelled, value_title=cases))
        )
    months = [(row["key"], row["n"]) for row in intake["by_month"]]
    title = _("Intake by month")
    charts.append(
        (
            "by-month",
            title,
            (_("Month"), cases),
            months,
            line_spec(title, months, value_title=cases),
        )
    )
    return [
        Chart(key, title, columns, rows, render_svg(spec) if rows else "")
        for key, title, columns, rows, spec in charts
    ]
