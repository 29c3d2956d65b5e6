"""The metrics from the milestones kept on each case equal the straightforward computation
from the transition log: on generated cases, and on a case moved through the service."""

import datetime as dt
import json
from dataclasses import asdict
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from goglobal.cases import metrics, metrics_log
from goglobal.cases.generate import clear_generated_cases, generate_cases
from goglobal.cases.milestones import case_milestones_refresh
from goglobal.cases.models import Case, CaseTransition, SlaNotice
from goglobal.cases.models.cases import METRIC_FIELDS
from goglobal.cases.rollup import rollup_check
from goglobal.cases.services import case_transition
from goglobal.cases.tests.helpers import CaseFactory
from goglobal.core.generate import generate

pytestmark = [pytest.mark.django_db]


def _plain(result: dict) -> dict:
    return json.loads(json.dumps(result, default=asdict))


def _stored(ids) -> dict:
    return {row["id"]: row for row in Case.objects.filter(pk__in=ids).values("id", *METRIC_FIELDS)}


@pytest.fixture
def generated():
    dataset = generate(enterprises=40, seed=7).dataset
    ids = (dataset.enterprise_id_min, dataset.enterprise_id_max)
    result = generate_cases(cases=400, seed=7, enterprise_ids=ids)
    return ids, result


def test_generated_cases_have_lives_across_states_and_countries(generated):
    _ids, result = generated
    assert result.cases == Case.objects.count() == 400
    assert result.transitions == CaseTransition.objects.count()
    assert (
        result.notices
        == SlaNotice.objects.count()
        == Case.objects.filter(sla_breached=True).count()
    )
    assert Case.objects.values("status").distinct().count() >= 8
    assert Case.objects.values("country").distinct().count() >= 10
    assert Case.objects.values("category").distinct().count() == 9
    # Every case's status is where its transition log ends.
    for case in Case.objects.exclude(status="draft")[:50]:
        assert case.transitions.order_by("at", "id").last().to_status == case.status


def test_generated_milestones_equal_those_recomputed_from_the_log(generated):
    before = _stored(Case.objects.values("pk"))
    assert case_milestones_refresh() == 400
    assert _stored(Case.objects.values("pk")) == before


def test_metrics_equal_the_transition_log_computation(generated):
    now = timezone.now()
    fast = _plain(metrics.case_metrics(Case.objects.all(), now=now))
    slow = _plain(metrics_log.case_metrics_from_log(Case.objects.all(), now=now))
    assert fast == slow
    # Staff's numbers, from the roll-up the generator rebuilt.
    assert _plain(metrics.case_metrics_all(now=now)) == slow
    assert rollup_check() == {"cell": 0, "enterprise": 0, "duration": 0}
    assert fast["submitted"] > 350
    assert fast["days_to_resolve"]["count"] > 100
    assert 0 < fast["reopen_rate"] < 1
    assert 0 < fast["sla_compliance"] < 1
    assert sum(row["n"] for row in fast["intake"]["by_month"]) == fast["submitted"]


def test_metrics_read_a_fixed_number_of_queries(generated):
    sixth = Case.objects.order_by("pk")[5].pk
    with CaptureQueriesContext(connection) as few:
        metrics.case_metrics(Case.objects.filter(pk__lte=sixth))
    with CaptureQueriesContext(connection) as many:
        metrics.case_metrics(Case.objects.all())
    assert len(few) == len(many) <= 11


def test_clearing_generated_cases_leaves_others(generated):
    ids, _result = generated
    other = CaseFactory(status="submitted")
    assert clear_generated_cases(ids) == 400
    assert list(Case.objects.values_list("pk", flat=True)) == [other.pk]
    # The roll-up is rebuilt: only the other case is left in it.
    assert metrics.case_metrics_all()["submitted"] == 1
    assert rollup_check() == {"cell": 0, "enterprise": 0, "duration": 0}
    assert not CaseTransition.objects.filter(case__enterprise_id__gte=ids[0]).exists()


def test_milestones_stamped_by_the_service_equal_the_log(world):
    staff, owner = world.users["admin"], world.users["programme_officer"]
    case = CaseFactory(status="draft", submitted_at=None)
    start = timezone.now()
    steps = [
        ("submitted", ""),
        ("triage", ""),
        ("assigned", ""),
        ("in_progress", ""),
        ("resolved_part", "done"),
        ("in_progress", "not quite"),
        ("resolved_full", "done"),
        ("closed", ""),
    ]
    for index, (to, reason) in enumerate(steps):
        if to == "assigned":
            Case.objects.filter(pk=case.pk).update(owner=owner, priority="P2")
        case = case_transition(actor=staff, case=Case.objects.get(pk=case.pk), to=to, reason=reason)
        # Spread the moves apart, as if made on different days.
        CaseTransition.objects.filter(case=case, to_status=to).update(
            at=start + dt.timedelta(days=index)
        )
    stamped = _stored([case.pk])[case.pk]
    assert stamped["reopened"] is True
    assert stamped["acknowledged_at"] is not None and stamped["days_to_resolve"] is not None
    case_milestones_refresh([case.pk])
    recomputed = _stored([case.pk])[case.pk]
    assert recomputed["reopened"] is True
    assert recomputed["days_to_acknowledge"] == 1.0
    assert recomputed["days_to_triage"] == 2.0
    assert recomputed["days_to_resolve"] == 6.0
    now = timezone.now()
    from_log = _plain(metrics_log.case_metrics_from_log(Case.objects.all(), now=now))
    assert _plain(metrics.case_metrics(Case.objects.all(), now=now)) == from_log
    assert _plain(metrics.case_metrics_all(now=now)) == from_log


def test_bench_cases_prints_json_lines():
    out = StringIO()
    call_command(
        "bench", "cases", "--cases", "300", "--enterprises", "30", "--runs", "3",
        "--baseline-runs", "1", "--slice", "50", "--json", stdout=out, stderr=StringIO(),
    )  # fmt: skip
    figures = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [figure["name"] for figure in figures] == [
        "cases.generate",
        "cases.metrics.p50",
        "cases.metrics.p95",
        "cases.metrics.cpu.p50",
        "cases.metrics.cpu.p95",
    ]
    for figure in figures:
        assert set(figure) == {"name", "value", "unit", "baseline", "ratio"}
        assert figure["value"] > 0 and figure["baseline"] > 0
    assert Case.objects.count() == 300


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--cases", "0"], "--cases must be 1 or more"),
        (["--runs", "-1"], "--runs must be 1 or more"),
        (["--baseline-runs", "0"], "--baseline-runs must be 1 or more"),
    ],
)
def test_bench_cases_refuses_bad_numbers(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("bench", "cases", *args, stdout=StringIO())


def test_bench_cases_refuses_to_replace_another_population():
    generate(enterprises=10, seed=2026)
    with pytest.raises(CommandError, match="another generated population"):
        call_command("bench", "cases", "--enterprises", "30", stdout=StringIO())
