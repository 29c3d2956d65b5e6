"""Routing rules applied when a case is acknowledged, and duplicate suggestions for triage."""

import datetime as dt

import pytest
from django.utils import timezone

from goglobal.accounts.models import Role
from goglobal.cases import services
from goglobal.cases.enums import CaseStatus, RoutingKind
from goglobal.cases.models import Case, RoutingRule
from goglobal.cases.selectors import case_duplicate_candidates
from goglobal.cases.tests.helpers import CaseFactory
from goglobal.reference.models import Country
from goglobal.testing import factories as f

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_hashers")]


@pytest.fixture
def rules():
    jp = Country.objects.get(code="JP")
    mission = f.MissionFactory(host_country=jp)
    agency = f.AgencyFactory()
    RoutingRule.objects.create(kind=RoutingKind.COUNTRY, country=jp, mission=mission)
    RoutingRule.objects.create(kind=RoutingKind.CATEGORY, category="tax", agency=agency)
    RoutingRule.objects.create(
        kind=RoutingKind.CATEGORY, category="procurement", agency=f.AgencyFactory(), active=False
    )
    RoutingRule.objects.create(kind=RoutingKind.SYSTEMIC)
    return {"mission": mission, "agency": agency, "staff": f.user_with_role(Role.ADMIN)}


def _acknowledge(case: Case, staff) -> Case:
    return services.case_transition(actor=staff, case=case, to=CaseStatus.TRIAGE)


def test_routing_country_and_category_rules_fill_mission_and_agency(rules):
    case = _acknowledge(
        CaseFactory(status="submitted", category="tax", share_with_mission=True), rules["staff"]
    )
    assert (case.owning_mission_id, case.owning_agency_id, case.advisory_group) == (
        rules["mission"].pk,
        rules["agency"].pk,
        False,
    )


def test_routing_never_gives_a_mission_a_case_the_enterprise_did_not_share(rules):
    case = _acknowledge(
        CaseFactory(status="submitted", category="tax", share_with_mission=False), rules["staff"]
    )
    assert case.owning_mission_id is None
    assert case.owning_agency_id == rules["agency"].pk


def test_routing_inactive_rules_and_other_countries_do_not_apply(rules):
    germany = Country.objects.get(code="DE")
    case = _acknowledge(
        CaseFactory(status="submitted", country=germany, category="procurement"), rules["staff"]
    )
    assert (case.owning_mission_id, case.owning_agency_id) == (None, None)


def test_routing_systemic_and_multi_country_cases_go_to_the_advisory_group(rules):
    systemic = _acknowledge(CaseFactory(status="submitted", is_systemic=True), rules["staff"])
    several = CaseFactory(status="submitted")
    several.other_countries.set(Country.objects.filter(code__in=["KR", "SG"]))
    several = _acknowledge(several, rules["staff"])
    single = _acknowledge(CaseFactory(status="submitted"), rules["staff"])
    assert (systemic.advisory_group, several.advisory_group, single.advisory_group) == (
        True,
        True,
        False,
    )


def test_routing_rule_shape_is_validated():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        RoutingRule(kind=RoutingKind.COUNTRY).full_clean()
    with pytest.raises(ValidationError):
        RoutingRule(kind=RoutingKind.CATEGORY, category="tax").full_clean()


def test_duplicates_same_enterprise_or_same_country_and_category_recent_only():
    enterprise = f.EnterpriseFactory()
    jp = Country.objects.get(code="JP")
    case = CaseFactory(enterprise=enterprise, country=jp, category="tax", status="triage")
    same_enterprise = CaseFactory(
        enterprise=enterprise, category="intellectual_property", status="in_progress"
    )
    same_topic = CaseFactory(country=jp, category="tax", status="submitted")
    CaseFactory(country=jp, category="visas_mobility", status="submitted")  # other category
    CaseFactory(country=jp, category="tax", status="draft")  # drafts are private
    CaseFactory(enterprise=enterprise, status="merged")
    old = CaseFactory(enterprise=enterprise, status="closed")
    Case.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=400))
    found = list(case_duplicate_candidates(case))
    assert {c.pk for c in found} == {same_enterprise.pk, same_topic.pk}


def test_routing_rules_are_edited_by_administrators_in_admin(client):
    admin_user = f.user_with_role(Role.ADMIN)
    client.force_login(admin_user)
    jp = Country.objects.get(code="JP")
    mission = f.MissionFactory(host_country=jp)
    assert client.get("/admin/cases/routingrule/").status_code == 200
    response = client.post(
        "/admin/cases/routingrule/add/",
        {"kind": "country", "country": "JP", "mission": mission.pk, "active": "on"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    rule = RoutingRule.objects.get()
    assert (rule.country_id, rule.mission_id) == ("JP", mission.pk)
    assert rule.history.get().history_user_id == admin_user.pk


def test_routing_rules_admin_refuses_other_django_staff(client):
    officer = f.user_with_role(Role.PROGRAMME_OFFICER)
    officer.is_staff = True
    officer.save()
    client.force_login(officer)
    assert client.get("/admin/cases/routingrule/").status_code == 403
