"""Demo support cases for `goglobal demo`: routing rules from the seeded missions and agencies,
and cases of the seeded enterprises across countries, categories and every kind of state, moved
through the real transition function and then spread back in time so the SLA clocks show
cases on time, nearly due and overdue. Runs once: a database with cases is left alone."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from goglobal.accounts.models import User
from goglobal.advisory.models import Agency
from goglobal.cases import briefings, services
from goglobal.cases.enums import CaseStatus as S
from goglobal.cases.enums import RoutingKind
from goglobal.cases.milestones import case_milestones_refresh
from goglobal.cases.models import Case, CaseTransition, RoutingRule
from goglobal.enterprises.models import Enterprise
from goglobal.missions.models import Mission

AGENCY_FOR = {
    "visas_mobility": "Vụ Tổng hợp Kinh tế",
    "licensing_market_access": "Cục Xúc tiến thương mại",
    "data_cyber": "Cục Công nghiệp Công nghệ thông tin và Truyền thông",
    "intellectual_property": "Hiệp hội Phần mềm và Dịch vụ Công nghệ thông tin Việt Nam",
    "tax": "Cục Đầu tư nước ngoài",
    "payments_fx": "Cục Đầu tư nước ngoài",
    "procurement": "Cục Xúc tiến thương mại",
}

# (enterprise name starts with, country, category, title, impact, urgency, shared, target, days ago)
CASES = [  # fmt: skip
    (
        "Công ty Cổ phần FPT",
        "JP",
        "visas_mobility",
        "Thị thực kỹ sư cho dự án tại Osaka bị chậm",
        "100k_1m",
        "high",
        True,
        S.WAITING,
        12,
    ),
    (
        "Công ty Cổ phần FPT",
        "DE",
        "data_cyber",
        "Yêu cầu đánh giá tác động dữ liệu theo GDPR",
        "100k_1m",
        "medium",
        True,
        S.IN_PROGRESS,
        20,
    ),
    (
        "Công ty Cổ phần FPT",
        "US",
        "procurement",
        "Bị loại khỏi gói thầu vì yêu cầu pháp nhân tại Mỹ",
        "over_1m",
        "high",
        False,
        S.TRIAGE,
        3,
    ),
    (
        "Công ty Cổ phần FPT",
        "JP",
        "tax",
        "Khấu trừ thuế hai lần với hợp đồng phần mềm",
        "10k_100k",
        "medium",
        True,
        S.CLOSED,
        60,
    ),
    (
        "Tập đoàn Công nghiệp - Viễn thông Quân đội",
        "PE",
        "licensing_market_access",
        "Gia hạn giấy phép tần số bị treo",
        "over_1m",
        "critical",
        True,
        S.ASSIGNED,
        6,
    ),
    (
        "Tập đoàn Công nghiệp - Viễn thông Quân đội",
        "TZ",
        "payments_fx",
        "Không chuyển được lợi nhuận về nước",
        "over_1m",
        "high",
        True,
        S.RESOLVED_PART,
        45,
    ),
    (
        "Tập đoàn Công nghiệp - Viễn thông Quân đội",
        "MZ",
        "disputes_legal",
        "Tranh chấp hợp đồng thuê hạ tầng",
        "100k_1m",
        "medium",
        False,
        S.NOT_RESOLVABLE,
        70,
    ),
    (
        "Công ty Cổ phần Tập đoàn Công nghệ CMC",
        "KR",
        "intellectual_property",
        "Nhãn hiệu bị đăng ký trước tại Hàn Quốc",
        "10k_100k",
        "medium",
        True,
        S.RESOLVED_FULL,
        30,
    ),
    (
        "Công ty Cổ phần Tập đoàn Công nghệ CMC",
        "SG",
        "data_cyber",
        "Chứng nhận an ninh mạng cho dịch vụ đám mây",
        "100k_1m",
        "low",
        True,
        S.SUBMITTED,
        1,
    ),
    (
        "Công ty Cổ phần NTQ Solution",
        "JP",
        "visas_mobility",
        "Thị thực kỹ sư cho dự án tại Osaka bị chậm (NTQ)",
        "10k_100k",
        "high",
        True,
        S.MERGED,
        10,
    ),
    (
        "Công ty Cổ phần NTQ Solution",
        "GB",
        "tax",
        "Đăng ký VAT cho dịch vụ số tại Anh",
        "under_10k",
        "low",
        True,
        S.DECLINED,
        15,
    ),
    (
        "Tổng công ty Viễn thông MobiFone",
        "MM",
        "payments_fx",
        "Hạn chế ngoại hối với nhà mạng đối tác",
        "100k_1m",
        "medium",
        True,
        S.DORMANT,
        90,
    ),
    (
        "Tập đoàn Bưu chính Viễn thông Việt Nam",
        "LA",
        "licensing_market_access",
        "Thủ tục cấp phép trạm cáp quang biển",
        "over_1m",
        "high",
        True,
        S.IN_PROGRESS,
        25,
    ),
    (
        "Công ty Cổ phần FPT",
        "US",
        "visas_mobility",
        "Thị thực H-1B cho nhân sự chuyển công tác",
        "100k_1m",
        "medium",
        True,
        S.DRAFT,
        0,
    ),
]

# How each target state is reached from a draft.
FORWARD = [S.SUBMITTED, S.TRIAGE, S.ASSIGNED, S.IN_PROGRESS]
ROUTES = {
    S.DRAFT: [],
    S.SUBMITTED: FORWARD[:1],
    S.TRIAGE: FORWARD[:2],
    S.ASSIGNED: FORWARD[:3],
    S.IN_PROGRESS: FORWARD,
    S.WAITING: [*FORWARD, S.WAITING],
    S.RESOLVED_FULL: [*FORWARD, S.RESOLVED_FULL],
    S.RESOLVED_PART: [*FORWARD, S.WAITING, S.IN_PROGRESS, S.RESOLVED_PART],
    S.NOT_RESOLVABLE: [*FORWARD, S.NOT_RESOLVABLE],
    S.CLOSED: [*FORWARD, S.RESOLVED_FULL, S.CLOSED],
    S.DECLINED: [*FORWARD[:2], S.DECLINED],
    S.MERGED: [*FORWARD[:2], S.MERGED],
    S.DORMANT: [*FORWARD, S.DORMANT],
}
REASONS = {
    S.WAITING: "Đã liên hệ cơ quan xuất nhập cảnh; chờ phản hồi.",
    S.IN_PROGRESS: "Đã nhận thông tin, tiếp tục xử lý.",
    S.RESOLVED_FULL: "Cơ quan chức năng nước sở tại đã chấp thuận.",
    S.RESOLVED_PART: "Đã chuyển được một phần; phần còn lại chờ quy định mới.",
    S.NOT_RESOLVABLE: "Tranh chấp thuộc thẩm quyền toà án nước sở tại.",
    S.DECLINED: "Vướng mắc trong nước, không thuộc phạm vi hỗ trợ ở nước ngoài.",
    S.MERGED: "Trùng với hồ sơ của doanh nghiệp khác về cùng vấn đề.",
    S.DORMANT: "Doanh nghiệp tạm dừng dự án.",
}


def _routing_rules() -> None:
    if RoutingRule.objects.exists():
        return
    seen = set()
    for mission in Mission.objects.prefetch_related("jurisdiction").order_by("id"):
        for country in mission.jurisdiction.all():
            if country.code not in seen:
                seen.add(country.code)
                RoutingRule.objects.create(
                    kind=RoutingKind.COUNTRY, country=country, mission=mission
                )
    for category, name in AGENCY_FOR.items():
        agency = Agency.objects.filter(name_vi=name).first()
        if agency is not None:
            RoutingRule.objects.create(kind=RoutingKind.CATEGORY, category=category, agency=agency)
    RoutingRule.objects.create(kind=RoutingKind.SYSTEMIC)


def _move(case: Case, to: str, *, staff: User, reporter: User, owner: User, merged_into=None):
    actor = reporter if to in (S.SUBMITTED, S.CLOSED) else staff
    if to == S.ASSIGNED:
        services.case_triage(actor=staff, case=case, data={"priority": "P2", "owner": owner.pk})
    return services.case_transition(
        actor=actor,
        case=case,
        to=to,
        reason=REASONS.get(to, ""),
        waiting_on="foreign_authority" if to == S.WAITING else "",
        merged_into=merged_into,
    )


def _spread(case: Case, days_ago: int) -> None:
    """Moves the case's history back so it started `days_ago` days ago, steps a day apart."""
    start = timezone.now() - dt.timedelta(days=days_ago)
    steps = list(case.transitions.order_by("id"))
    span = dt.timedelta(days=days_ago) / (len(steps) + 1) if steps else dt.timedelta()
    for index, step in enumerate(steps, start=1):
        CaseTransition.objects.filter(pk=step.pk).update(at=start + span * index)
    last = start + span * len(steps)
    Case.objects.filter(pk=case.pk).update(
        created_at=start,
        status_changed_at=last,
        submitted_at=(start + span) if steps else None,
    )


@transaction.atomic
def load_demo_cases() -> int:
    if Case.objects.exists():
        return 0
    staff = User.objects.filter(username="officer").first()
    owner = User.objects.filter(username="advisory").first()
    fpt_rep = User.objects.filter(username="enterprise").first()
    if staff is None or owner is None or fpt_rep is None:
        return 0
    _routing_rules()
    made: list[Case] = []
    for prefix, country, category, title, impact, urgency, shared, target, days in CASES:
        enterprise = Enterprise.objects.filter(name_vi__startswith=prefix).order_by("id").first()
        if enterprise is None:
            continue
        reporter = fpt_rep if enterprise.memberships.filter(user=fpt_rep).exists() else staff
        case = services.case_create(
            actor=reporter,
            enterprise=enterprise,
            data={
                "title": title,
                "country": country,
                "category": category,
                "description": f"{title}. Doanh nghiệp đề nghị Tổ tư vấn và cơ quan đại diện hỗ trợ.",
                "first_met_on": timezone.localdate() - dt.timedelta(days=days + 14),
                "impact_band": impact,
                "urgency": urgency,
                "share_with_mission": shared,
                "publish_summary": shared,
                "is_systemic": category in ("payments_fx", "tax"),
            },
        )
        merged_into = made[0] if made else None
        for to in ROUTES[target]:
            case = _move(
                case, to, staff=staff, reporter=reporter, owner=owner, merged_into=merged_into
            )
        if target == S.CLOSED and reporter == fpt_rep:
            services.case_rate(actor=reporter, case=case, rating=4, comment="Hỗ trợ kịp thời.")
        _spread(case, days)
        made.append(case)
    # The history was moved back in time: the metrics' milestones follow it.
    case_milestones_refresh([case.pk for case in made])
    _briefings(staff=staff, chair=owner, cases=made)
    return len(made)


def _briefings(*, staff: User, chair: User, cases: list[Case]) -> None:
    """Last month's periodic briefing, held, with minutes and action items, and the next one
    planned on its schedule with its agenda assembled (open action items carried over)."""
    held_on = timezone.localdate() - dt.timedelta(weeks=2)
    first = briefings.briefing_create(
        actor=staff,
        data={
            "kind": "periodic",
            "title": "Giao ban định kỳ Tổ tư vấn hỗ trợ doanh nghiệp số ra thế giới",
            "held_on": held_on,
            "repeat_every_weeks": 4,
            "chair": chair.pk,
        },
    )
    open_cases = [c for c in cases if c.status in (S.IN_PROGRESS, S.WAITING, S.ASSIGNED)]
    if open_cases:
        nomination = briefings.case_nominate(
            actor=staff, case=open_cases[0], reason="Nhiều doanh nghiệp gặp cùng vướng mắc."
        )
        briefings.nomination_accept(actor=chair, nomination=nomination, briefing=first)
    briefings.briefing_assemble_agenda(actor=staff, briefing=first)
    done = briefings.action_item_create(
        actor=staff,
        briefing=first,
        data={
            "title": "Gửi công hàm đề nghị Đại sứ quán làm việc với cơ quan xuất nhập cảnh",
            "owner": chair.pk,
            "due_on": held_on + dt.timedelta(days=7),
            "case": open_cases[0].pk if open_cases else None,
        },
    )
    briefings.action_item_complete(actor=chair, item=done, evidence="Công hàm số 125/CNTT-HTQT")
    briefings.action_item_create(
        actor=staff,
        briefing=first,
        data={
            "title": "Tổng hợp vướng mắc thanh toán quốc tế để báo cáo Lãnh đạo Bộ",
            "owner": staff.pk,
            "due_on": held_on + dt.timedelta(days=10),
        },
    )
    briefings.briefing_record_minutes(
        actor=staff,
        briefing=first,
        minutes="Tổ tư vấn rà soát các hồ sơ ưu tiên P1 và các vướng mắc lặp lại; "
        "thống nhất giao Cục Công nghiệp CNTT&TT đầu mối làm việc với các cơ quan đại diện.",
    )
    briefings.briefing_plan_next(actor=staff, briefing=first)
