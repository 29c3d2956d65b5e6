import datetime as dt
from typing import Annotated

from ninja import Schema
from pydantic import Field

from goglobal.cases.enums import (
    ActionStatus,
    AgendaReason,
    BriefingKind,
    BriefingStatus,
    CaseCategory,
    CaseStatus,
    ImpactBand,
    Priority,
    Urgency,
    WaitingOn,
)
from goglobal.core.schemas import MAX_ID, InSchema, LongText
from goglobal.enterprises.schemas import EnterpriseBrief

CountryCode = Annotated[str, Field(min_length=2, max_length=2)]
ObjectId = Annotated[int, Field(ge=1, le=MAX_ID)]
Title = Annotated[str, Field(max_length=200)]
ShortText = Annotated[str, Field(max_length=120)]
Reason = Annotated[str, Field(max_length=4000)]


class CasePatch(InSchema):
    title: Title | None = None
    contact: ObjectId | None = None
    country: CountryCode | None = None
    region: ShortText | None = None
    other_countries: Annotated[list[CountryCode], Field(max_length=50)] | None = None
    category: CaseCategory | None = None
    sub_category: ShortText | None = None
    description: LongText | None = None
    first_met_on: dt.date | None = None
    impact_band: ImpactBand | None = None
    urgency: Urgency | None = None
    share_with_mission: bool | None = None
    publish_summary: bool | None = None
    is_systemic: bool | None = None


class CaseIn(CasePatch):
    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "title": "Thị thực công tác cho kỹ sư bị từ chối",
                    "country": "JP",
                    "category": "visas_mobility",
                    "description": "Ba kỹ sư bị từ chối thị thực công tác cho dự án tại Osaka.",
                    "first_met_on": "2026-09-15",
                    "impact_band": "100k_1m",
                    "urgency": "high",
                    "share_with_mission": True,
                }
            ]
        }
    }

    title: Title
    country: CountryCode
    category: CaseCategory
    description: LongText
    first_met_on: dt.date
    impact_band: ImpactBand
    urgency: Urgency


class CaseRow(Schema):
    id: int
    title: str
    enterprise: EnterpriseBrief
    country: str
    category: CaseCategory
    status: CaseStatus
    priority: str
    created_at: dt.datetime

    @staticmethod
    def resolve_country(obj) -> str:
        return obj.country_id


class TransitionOut(Schema):
    from_status: CaseStatus
    to_status: CaseStatus
    waiting_on: str
    actor: int | None = Field(None, alias="actor_id")
    reason: str
    at: dt.datetime


class CaseOut(CaseRow):
    contact: int | None = Field(None, alias="contact_id")
    region: str
    other_countries: list[str]
    sub_category: str
    description: str
    first_met_on: dt.date
    impact_band: ImpactBand
    urgency: Urgency
    share_with_mission: bool
    publish_summary: bool
    is_systemic: bool
    owner: int | None = Field(None, alias="owner_id")
    contributors: list[int]
    owning_mission: int | None = Field(None, alias="owning_mission_id")
    owning_agency: int | None = Field(None, alias="owning_agency_id")
    advisory_group: bool
    waiting_on: str
    merged_into: int | None = Field(None, alias="merged_into_id")
    version: int
    submitted_at: dt.datetime | None
    rating: int | None
    rating_comment: str

    @staticmethod
    def resolve_other_countries(obj) -> list[str]:
        return sorted(country.code for country in obj.other_countries.all())

    @staticmethod
    def resolve_contributors(obj) -> list[int]:
        return sorted(user.pk for user in obj.contributors.all())


class TransitionIn(InSchema):
    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "to": "waiting",
                    "waiting_on": "enterprise",
                    "reason": "Xin gửi bản sao thư từ chối của Đại sứ quán.",
                    "expected_version": 4,
                }
            ]
        }
    }

    to: CaseStatus
    reason: Reason = ""
    waiting_on: WaitingOn | None = None
    merged_into: ObjectId | None = None
    # The version the caller saw: if the case moved since, the move is refused (409).
    expected_version: Annotated[int, Field(ge=0, le=MAX_ID)] | None = None


class TriageIn(InSchema):
    priority: Priority | None = None
    owner: ObjectId | None = None
    contributors: Annotated[list[ObjectId], Field(max_length=50)] | None = None
    owning_mission: ObjectId | None = None
    owning_agency: ObjectId | None = None
    advisory_group: bool | None = None


class RatingIn(InSchema):
    rating: Annotated[int, Field(ge=1, le=5)]
    comment: Annotated[str, Field(max_length=2000)] = ""


class SlaClockOut(Schema):
    clock: str
    target_days: int
    elapsed_days: float
    state: str


class BriefingIn(InSchema):
    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "kind": "periodic",
                    "title": "Giao ban Tổ tư vấn tháng 12",
                    "held_on": "2026-12-03",
                    "repeat_every_weeks": 4,
                }
            ]
        }
    }

    kind: BriefingKind
    title: Title
    held_on: dt.date
    repeat_every_weeks: Annotated[int, Field(ge=1, le=52)] | None = None
    chair: ObjectId | None = None


class AgendaItemOut(Schema):
    position: int
    reason: AgendaReason
    case: int | None = Field(None, alias="case_id")
    case_title: str | None = None
    action_item: int | None = Field(None, alias="action_item_id")
    action_title: str | None = None

    @staticmethod
    def resolve_case_title(obj) -> str | None:
        return obj.case.title if obj.case_id else None

    @staticmethod
    def resolve_action_title(obj) -> str | None:
        return obj.action_item.title if obj.action_item_id else None


class BriefingOut(Schema):
    id: int
    kind: BriefingKind
    title: str
    held_on: dt.date
    repeat_every_weeks: int | None
    chair: int | None = Field(None, alias="chair_id")
    status: BriefingStatus
    minutes: str
    previous: int | None = Field(None, alias="previous_id")


class BriefingDetailOut(BriefingOut):
    agenda: list[AgendaItemOut]

    @staticmethod
    def resolve_agenda(obj) -> list:
        return list(obj.agenda_rows)


class MinutesIn(InSchema):
    minutes: Annotated[str, Field(min_length=1, max_length=20000)]


class ActionItemIn(InSchema):
    title: Annotated[str, Field(max_length=300)]
    owner: ObjectId
    due_on: dt.date
    case: ObjectId | None = None


class ActionItemOut(Schema):
    id: int
    briefing: int = Field(alias="briefing_id")
    case: int | None = Field(None, alias="case_id")
    title: str
    owner: int = Field(alias="owner_id")
    due_on: dt.date
    status: ActionStatus
    evidence: str


class EvidenceIn(InSchema):
    evidence: Annotated[str, Field(max_length=4000)]


class NominationIn(InSchema):
    reason: Annotated[str, Field(max_length=2000)]


class NominationOut(Schema):
    id: int
    case: int = Field(alias="case_id")
    reason: str
    accepted: bool

    @staticmethod
    def resolve_accepted(obj) -> bool:
        return obj.accepted_at is not None


class SummaryIn(InSchema):
    text: Annotated[str, Field(max_length=4000)]


class SummaryOut(Schema):
    id: int
    case: int = Field(alias="case_id")
    text: str
    year: int
    approved: bool
    published: bool

    @staticmethod
    def resolve_approved(obj) -> bool:
        return obj.approved_at is not None

    @staticmethod
    def resolve_published(obj) -> bool:
        return obj.published_at is not None


class PublicSummaryOut(Schema):
    """Never the enterprise: country, category, sector, status, year and the text."""

    country: str
    category: CaseCategory
    sector: str | None
    status: CaseStatus
    year: int
    text: str

    @staticmethod
    def resolve_country(obj) -> str:
        return obj.case.country_id

    @staticmethod
    def resolve_category(obj) -> str:
        return obj.case.category

    @staticmethod
    def resolve_sector(obj) -> str | None:
        return obj.sector.code if obj.sector_id else None

    @staticmethod
    def resolve_status(obj) -> str:
        return obj.case.status


class CountOut(Schema):
    key: str | None
    n: int


class IntakeOut(Schema):
    by_category: list[CountOut]
    by_country: list[CountOut]
    by_sector: list[CountOut]
    by_month: list[CountOut]


class DurationsOut(Schema):
    median: float | None
    p90: float | None
    count: int


class AgeBucketOut(Schema):
    from_days: int
    to_days: int | None
    n: int


class MetricsOut(Schema):
    submitted: int
    intake: IntakeOut
    days_to_acknowledge: DurationsOut
    days_to_triage: DurationsOut
    days_to_resolve: DurationsOut
    sla_compliance: float | None
    backlog_ageing: list[AgeBucketOut]
    resolution_rate: float | None
    reopen_rate: float | None
