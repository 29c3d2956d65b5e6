"""Case metrics: the numbers over a small known set, percentiles, and staff-only access."""

import datetime as dt

import pytest
from django.utils import timezone

from goglobal.cases.metrics import percentile
from goglobal.cases.milestones import case_milestones_refresh
from goglobal.cases.models import CaseTransition, SlaNotice
from goglobal.cases.tests.helpers import CaseFactory
from goglobal.testing.api import call

pytestmark = [pytest.mark.django_db]


def test_percentile_nearest_rank():
    assert percentile([], 0.5) is None
    assert percentile([5.0], 0.9) == 5.0
    assert percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5) == 5
    assert percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9) == 9
    assert percentile([10, 1, 3], 0.5) == 3


def _case(steps: list[tuple[str, str, int]], **fields):
    """A case whose transitions happened `days` after a fixed start 40 days ago."""
    start = timezone.now() - dt.timedelta(days=40)
    case = CaseFactory(submitted_at=start, **fields)
    for frm, to, days in steps:
        CaseTransition.objects.create(
            case=case, from_status=frm, to_status=to, at=start + dt.timedelta(days=days)
        )
    case_milestones_refresh([case.pk])
    return case


def test_metrics_numbers(world, client_for):
    base = [("draft", "submitted", 0), ("submitted", "triage", 1), ("triage", "assigned", 3)]
    resolved = _case(
        [*base, ("in_progress", "resolved_full", 10)], status="resolved_full", category="tax"
    )
    _case(
        [*base, ("in_progress", "resolved_part", 20), ("resolved_part", "in_progress", 21)],
        status="in_progress",
        category="tax",
    )
    breached = _case(base[:2], status="triage", country_id="DE")
    CaseFactory(status="draft")  # not submitted: not counted
    SlaNotice.objects.create(case=breached, clock="triage", level="breach")
    case_milestones_refresh([breached.pk])
    status, body = call(client_for("admin"), "get", "/cases/metrics")
    assert status == 200, body
    assert body["submitted"] == 3
    assert body["intake"]["by_category"] == [
        {"key": "tax", "n": 2},
        {"key": "visas_mobility", "n": 1},
    ]
    assert body["intake"]["by_country"] == [{"key": "JP", "n": 2}, {"key": "DE", "n": 1}]
    assert body["days_to_acknowledge"] == {"median": 1.0, "p90": 1.0, "count": 3}
    assert body["days_to_triage"] == {"median": 3.0, "p90": 3.0, "count": 2}
    assert body["days_to_resolve"] == {"median": 10.0, "p90": 20.0, "count": 2}
    assert body["sla_compliance"] == pytest.approx(2 / 3, abs=1e-4)
    assert body["resolution_rate"] == pytest.approx(2 / 3, abs=1e-4)
    assert body["reopen_rate"] == 0.5
    # Two open cases (in progress, triage), both submitted 40 days ago.
    assert [b["n"] for b in body["backlog_ageing"]] == [0, 0, 2, 0]
    assert resolved.pk


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("programme_officer", 200),
        ("advisory_member", 403),
        ("mission_officer", 403),
        ("enterprise_rep", 403),
        ("partner_rep", 403),
        ("anonymous", 401),
    ],
)
def test_metrics_are_for_staff(world, client_for, role, status):
    assert call(client_for(role), "get", "/cases/metrics")[0] == status


@pytest.mark.parametrize(
    ("role", "status"), [("admin", 200), ("advisory_member", 403), ("enterprise_rep", 403)]
)
def test_metrics_page_for_staff(world, client_for, role, status):
    _case([("draft", "submitted", 0), ("submitted", "triage", 2)], status="triage", category="tax")
    response = client_for(role).get("/cases/metrics/")
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert "Thuế" in body  # the category, in Vietnamese
        assert 'id="durations"' in body


def test_metrics_page_charts_are_inline_svg_with_the_same_numbers_in_tables(world, client_for):
    base = [("draft", "submitted", 0), ("submitted", "triage", 2)]
    _case(base, status="triage", category="tax")
    _case(base, status="triage", category="tax", country_id="DE")
    _case(base, status="triage", category="procurement")
    body = client_for("admin").get("/cases/metrics/").content.decode()
    for key in ("durations", "ageing", "by-category", "by-country", "by-sector", "by-month"):
        figure = body.split(f'id="{key}-chart"')[1].split("</figure>")[0]
        assert figure.count("<svg ") == 1 and 'aria-hidden="true"' in figure
    main = body.split("<main")[1]
    assert "<script" not in main and "https://" not in main.split("</main>")[0]
    table = body.split('id="by-category"')[1].split("</table>")[0]
    assert '<th scope="row">Thuế</th><td class="num">2</td>' in table
    assert '<th scope="row">Mua sắm công</th><td class="num">1</td>' in table
    country = body.split('id="by-country"')[1].split("</table>")[0]
    assert '<th scope="row">Nhật Bản</th><td class="num">2</td>' in country
    # The chart's own labels are translated too.
    chart = body.split('id="by-category-chart"')[1].split("</figure>")[0]
    assert "Thuế" in chart and "Tax" not in chart


def test_metrics_page_in_english(world, client_for):
    _case([("draft", "submitted", 0)], status="submitted", category="tax")
    response = client_for("admin").get("/cases/metrics/", HTTP_ACCEPT_LANGUAGE="en")
    body = response.content.decode()
    assert "Intake by category" in body
    chart = body.split('id="by-category-chart"')[1].split("</figure>")[0]
    assert "Tax" in chart


def test_metrics_page_with_no_cases(world, client_for):
    response = client_for("programme_officer").get("/cases/metrics/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "<svg " not in body
    assert "Chưa có hồ sơ nào." in body
