"""The demo's cases: realistic spread over countries, categories and states, made through the
transition function (every status change logged), and loaded only once."""

import pytest
from django.utils import timezone

from goglobal.cases.demo import CASES, load_demo_cases
from goglobal.cases.metrics import case_metrics, case_metrics_all
from goglobal.cases.metrics_log import case_metrics_from_log
from goglobal.cases.models import Briefing, Case, CaseTransition, RoutingRule
from goglobal.core.seed import load_seed
from goglobal.core.seed.accounts import demo_accounts_ensure

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_hashers")]


def test_demo_cases_cover_countries_categories_and_states():
    load_seed()
    demo_accounts_ensure()
    assert load_demo_cases() == len(CASES)
    cases = list(Case.objects.all())
    assert len({c.country_id for c in cases}) >= 8
    assert len({c.category for c in cases}) >= 7
    assert {c.status for c in cases} == {row[7] for row in CASES}
    for case in cases:
        log = list(case.transitions.order_by("at", "id"))
        assert (log[-1].to_status if log else "draft") == case.status
        assert all(a.at <= b.at for a, b in zip(log, log[1:], strict=False))
    assert RoutingRule.objects.filter(kind="country", country_id="JP").exists()
    japan = Case.objects.get(title="Thị thực kỹ sư cho dự án tại Osaka bị chậm")
    assert japan.owning_mission is not None and japan.owning_mission.host_country_id == "JP"
    held, planned = Briefing.objects.order_by("held_on")
    assert (held.status, planned.status, planned.previous_id) == ("held", "planned", held.pk)
    assert held.minutes and held.action_items.count() == 2
    assert [row.reason for row in planned.agenda.all()][-1] == "action_item"
    # The metrics page shows the demo's spread-out history, as the transition log says.
    now = timezone.now()
    numbers = case_metrics(Case.objects.all(), now=now)
    assert numbers["days_to_acknowledge"].median > 1
    assert numbers == case_metrics_from_log(Case.objects.all(), now=now)
    # … and so does staff's page, from the roll-up.
    assert case_metrics_all(now=now) == numbers
    transitions = CaseTransition.objects.count()
    assert load_demo_cases() == 0
    assert CaseTransition.objects.count() == transitions
