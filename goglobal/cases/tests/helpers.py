"""Factories and a small world of cases on top of the access-rule world
(goglobal/testing/world.py):

    case            enterprise  country  shared with mission  status       owning agency
    case_a          ent_a       JP       yes                  in_progress  world.agency
    case_a_private  ent_a       JP       no                   submitted    —
    case_a_draft    ent_a       JP       yes                  draft        —
    case_b          ent_b       DE       yes                  triage       —
    case_b_other    ent_b       DE       no                   assigned     agency_other
"""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone

from goglobal.cases.enums import CaseCategory, CaseStatus, ImpactBand, Urgency
from goglobal.cases.milestones import month_of
from goglobal.cases.models import Case
from goglobal.cases.rollup import rollup_apply, snapshot
from goglobal.reference.models import Country
from goglobal.testing import factories as f


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case
        skip_postgeneration_save = True

    enterprise = factory.SubFactory(f.EnterpriseFactory)
    title = factory.Sequence(lambda n: f"Vướng mắc số {n}")
    country = factory.LazyFunction(lambda: Country.objects.get(code="JP"))
    category = CaseCategory.VISAS_MOBILITY
    description = "Kỹ sư bị từ chối thị thực công tác."
    first_met_on = dt.date(2026, 9, 1)
    impact_band = ImpactBand.FROM_10K
    urgency = Urgency.MEDIUM
    share_with_mission = True
    status = CaseStatus.DRAFT
    submitted_at = factory.LazyAttribute(
        lambda o: None if o.status == CaseStatus.DRAFT else timezone.now()
    )
    submitted_month = factory.LazyAttribute(lambda o: month_of(o.submitted_at))

    @factory.post_generation
    def rollup(obj, create, extracted, **kwargs):
        """Counted in the metrics' roll-up, as the transition function would have."""
        if create:
            rollup_apply(None, snapshot(obj))


def case_payload(**overrides) -> dict:
    payload = {
        "title": "Thị thực công tác bị từ chối",
        "country": "JP",
        "category": "visas_mobility",
        "description": "Ba kỹ sư bị từ chối thị thực công tác cho dự án tại Osaka.",
        "first_met_on": "2026-09-15",
        "impact_band": "100k_1m",
        "urgency": "high",
        "share_with_mission": True,
    }
    payload.update(overrides)
    return payload


def add_cases(world) -> None:
    rows = world.rows
    jp, de = Country.objects.get(code="JP"), Country.objects.get(code="DE")
    rows["agency_other"] = f.AgencyFactory()
    rows["case_a"] = CaseFactory(
        enterprise=rows["ent_a"],
        country=jp,
        status=CaseStatus.IN_PROGRESS,
        owning_agency=rows["agency"],
        priority="P2",
    )
    rows["case_a_private"] = CaseFactory(
        enterprise=rows["ent_a"], country=jp, share_with_mission=False, status=CaseStatus.SUBMITTED
    )
    rows["case_a_draft"] = CaseFactory(enterprise=rows["ent_a"], country=jp)
    rows["case_b"] = CaseFactory(enterprise=rows["ent_b"], country=de, status=CaseStatus.TRIAGE)
    rows["case_b_other"] = CaseFactory(
        enterprise=rows["ent_b"],
        country=de,
        share_with_mission=False,
        status=CaseStatus.ASSIGNED,
        owning_agency=rows["agency_other"],
    )
