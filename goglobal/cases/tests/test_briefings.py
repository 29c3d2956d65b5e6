"""Briefings: the agenda from escalated cases (P1, repeated breaches, clusters, accepted
nominations) and open action items; minutes; action items carried over until done; the next
periodic briefing on its schedule."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from goglobal.accounts.models import Role
from goglobal.cases import briefings
from goglobal.cases.models import ActionItem, AgendaItem, Briefing, SlaNotice
from goglobal.cases.tests.helpers import CaseFactory
from goglobal.core.errors import ConflictError
from goglobal.reference.models import Country
from goglobal.testing import factories as f

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_hashers")]


@pytest.fixture
def people():
    return {
        "staff": f.user_with_role(Role.PROGRAMME_OFFICER),
        "chair": f.user_with_role(Role.ADVISORY_MEMBER, agency=f.AgencyFactory()),
        "member": f.user_with_role(Role.ADVISORY_MEMBER, agency=f.AgencyFactory()),
        "rep": f.user_with_role(Role.ENTERPRISE_REP, enterprise=f.EnterpriseFactory()),
    }


def _briefing(people, **data):
    values = {
        "kind": "periodic",
        "title": "Giao ban Tổ tư vấn",
        "held_on": dt.date(2026, 12, 3),
        "repeat_every_weeks": 4,
        "chair": people["chair"].pk,
    }
    values.update(data)
    return briefings.briefing_create(actor=people["staff"], data=values)


def _agenda(briefing) -> list[tuple[str, int | None, int | None]]:
    return [
        (row.reason, row.case_id, row.action_item_id)
        for row in AgendaItem.objects.filter(briefing=briefing).order_by("position")
    ]


def test_briefing_agenda_from_escalated_cases_and_open_actions(people):
    # Each in its own category, so that only the three Korean tax cases form a cluster.
    p1 = CaseFactory(status="in_progress", priority="P1", category="other")
    CaseFactory(status="closed", priority="P1")  # finished: not on the agenda
    breached = CaseFactory(
        status="waiting", waiting_on="enterprise", priority="P3", category="disputes_legal"
    )
    SlaNotice.objects.create(case=breached, clock="triage", level="breach")
    SlaNotice.objects.create(case=breached, clock="resolve", level="breach")
    once = CaseFactory(status="in_progress", priority="P3", category="payments_fx")
    SlaNotice.objects.create(case=once, clock="triage", level="breach")
    kr = Country.objects.get(code="KR")
    cluster = [
        CaseFactory(status="assigned", country=kr, category="tax", priority="P4") for _ in range(3)
    ]
    CaseFactory(status="assigned", country=kr, category="procurement")  # alone in its category
    nominated = CaseFactory(status="in_progress", priority="P2", category="data_cyber")
    briefing = _briefing(people)
    nomination = briefings.case_nominate(
        actor=people["member"], case=nominated, reason="Ảnh hưởng nhiều dự án"
    )
    earlier = _briefing(
        people, kind="ad_hoc", repeat_every_weeks=None, held_on=dt.date(2026, 11, 1)
    )
    action = briefings.action_item_create(
        actor=people["staff"],
        briefing=earlier,
        data={
            "title": "Gửi công hàm",
            "owner": people["member"].pk,
            "due_on": dt.date(2026, 11, 20),
        },
    )
    briefings.briefing_assemble_agenda(actor=people["staff"], briefing=briefing)
    assert _agenda(briefing) == [
        ("p1", p1.pk, None),
        ("repeated_breach", breached.pk, None),
        *[("cluster", case.pk, None) for case in cluster],
        ("action_item", None, action.pk),
    ]
    briefings.nomination_accept(actor=people["chair"], nomination=nomination, briefing=briefing)
    briefings.briefing_assemble_agenda(actor=people["staff"], briefing=briefing)
    assert ("nomination", nominated.pk, None) in _agenda(briefing)
    assert len(_agenda(briefing)) == 7


def test_briefing_nomination_is_accepted_by_the_chair_only(people):
    briefing = _briefing(people)
    nomination = briefings.case_nominate(
        actor=people["staff"], case=CaseFactory(status="in_progress"), reason="Cần thảo luận"
    )
    with pytest.raises(PermissionDenied):
        briefings.nomination_accept(
            actor=people["member"], nomination=nomination, briefing=briefing
        )
    briefings.nomination_accept(actor=people["chair"], nomination=nomination, briefing=briefing)
    with pytest.raises(ConflictError):
        briefings.nomination_accept(actor=people["chair"], nomination=nomination, briefing=briefing)


def test_briefing_action_items_carry_over_until_done_and_next_briefing_is_scheduled(people):
    briefing = _briefing(people)
    item = briefings.action_item_create(
        actor=people["staff"],
        briefing=briefing,
        data={
            "title": "Làm việc với Bộ Tư pháp",
            "owner": people["member"].pk,
            "due_on": dt.date(2026, 12, 20),
        },
    )
    with pytest.raises(ConflictError):
        briefings.briefing_plan_next(actor=people["staff"], briefing=briefing)
    briefings.briefing_record_minutes(
        actor=people["staff"], briefing=briefing, minutes="Đã thống nhất."
    )
    with pytest.raises(ConflictError):
        briefings.briefing_assemble_agenda(actor=people["staff"], briefing=briefing)
    following = briefings.briefing_plan_next(actor=people["staff"], briefing=briefing)
    assert (following.held_on, following.previous_id, following.chair_id) == (
        dt.date(2026, 12, 31),
        briefing.pk,
        people["chair"].pk,
    )
    assert _agenda(following) == [("action_item", None, item.pk)]
    with pytest.raises(ConflictError):
        briefings.briefing_plan_next(actor=people["staff"], briefing=briefing)
    with pytest.raises(PermissionDenied):
        briefings.action_item_complete(actor=people["rep"], item=item, evidence="x")
    with pytest.raises(ValidationError):
        briefings.action_item_complete(actor=people["member"], item=item, evidence=" ")
    briefings.action_item_complete(actor=people["member"], item=item, evidence="Công văn số 12")
    briefings.briefing_record_minutes(actor=people["staff"], briefing=following, minutes="Xong.")
    third = briefings.briefing_plan_next(actor=people["staff"], briefing=following)
    assert _agenda(third) == []
    assert ActionItem.objects.get().status == "done"


@pytest.mark.parametrize(
    ("data", "fields"),
    [
        ({"kind": "periodic", "repeat_every_weeks": None}, {"repeat_every_weeks"}),
        ({"kind": "ad_hoc", "repeat_every_weeks": 2}, {"repeat_every_weeks"}),
        ({"kind": "weekly"}, {"kind"}),
        ({"title": " ", "held_on": None}, {"title", "held_on"}),
    ],
)
def test_briefing_bad_input_names_the_fields(people, data, fields):
    with pytest.raises(ValidationError) as caught:
        _briefing(people, **data)
    assert set(caught.value.message_dict) == fields
    assert Briefing.objects.count() == 0


def test_briefing_only_staff_plan_and_only_staff_or_members_see(people):
    with pytest.raises(PermissionDenied):
        briefings.briefing_create(
            actor=people["member"],
            data={"kind": "ad_hoc", "title": "x", "held_on": dt.date(2026, 12, 1)},
        )
    briefing = _briefing(people)
    assert list(briefings.briefing_visible_for_user(people["member"])) == [briefing]
    assert list(briefings.briefing_visible_for_user(people["rep"])) == []
