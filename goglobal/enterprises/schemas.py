import datetime as dt
from decimal import Decimal
from typing import Annotated

from ninja import Schema
from pydantic import AwareDatetime, BaseModel, Field

from goglobal.core.schemas import Count, InSchema, LongText, Money, Rate, ShortText
from goglobal.enterprises.enums import (
    ConsentMethod,
    ConsentPurpose,
    DeclarationStatus,
    EmployeeBand,
    EnterpriseStatus,
    PresenceMode,
)

CountryCode = Annotated[str, Field(min_length=2, max_length=2)]
SectorCode = Annotated[str, Field(max_length=40)]
Year = Annotated[int, Field(ge=1000, le=9999)]


class Ref(Schema):
    code: str
    name_vi: str
    name_en: str


class ProvinceRef(Schema):
    code: int
    name_vi: str
    name_en: str


class RefRow(BaseModel):
    code: str
    name_vi: str
    name_en: str


class ProvinceRow(BaseModel):
    code: int
    name_vi: str
    name_en: str


class EnterpriseListItem(BaseModel):
    """A row of the enterprise lists. A plain pydantic model validating plain dicts (see
    goglobal.core.pagination.Rows): at fifty rows a page, ninja's per-attribute ORM getter
    cost more than the database did."""

    id: int
    name_vi: str
    name_en: str
    tax_code: str
    province: ProvinceRow
    employee_band: str
    status: EnterpriseStatus
    sectors: list[RefRow]


class EnterpriseOut(Schema):
    id: int
    name_vi: str
    name_en: str
    tax_code: str
    province: ProvinceRef
    employee_band: str
    status: EnterpriseStatus
    sectors: list[Ref]
    trading_names: list[str]
    founded_year: int | None
    vn_ownership_pct: Decimal | None
    website: str
    description_vi: str
    description_en: str
    created_at: dt.datetime
    updated_at: dt.datetime


class EnterprisePatch(InSchema):
    name_vi: ShortText | None = None
    name_en: ShortText | None = None
    trading_names: Annotated[list[ShortText], Field(max_length=10)] | None = None
    tax_code: Annotated[str, Field(max_length=20)] | None = None
    province: Annotated[int, Field(ge=0, le=32767)] | None = None
    founded_year: Year | None = None
    employee_band: EmployeeBand | None = None
    vn_ownership_pct: Annotated[Decimal, Field(max_digits=5, decimal_places=2)] | None = None
    sectors: Annotated[list[SectorCode], Field(max_length=30)] | None = None
    website: Annotated[str, Field(max_length=200)] | None = None
    description_vi: LongText | None = None
    description_en: LongText | None = None
    status: EnterpriseStatus | None = None


class EnterpriseIn(EnterprisePatch):
    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "name_vi": "Công ty Cổ phần Phần mềm Ví dụ",
                    "name_en": "Example Software JSC",
                    "tax_code": "0312345673",
                    "province": 1,
                    "founded_year": 2012,
                    "employee_band": "51-200",
                    "sectors": ["software-it-services"],
                    "website": "https://example.vn",
                }
            ]
        }
    }

    name_vi: ShortText
    tax_code: Annotated[str, Field(max_length=20)]
    province: Annotated[int, Field(ge=0, le=32767)]


class EnterpriseBrief(Schema):
    id: int
    name_vi: str
    name_en: str


class ProductOut(Schema):
    id: int
    enterprise: EnterpriseBrief
    name_vi: str
    name_en: str
    description_vi: str
    description_en: str
    sectors: list[Ref]
    target_markets: list[Ref]
    make_in_vietnam: bool
    website: str


class ProductPatch(InSchema):
    name_vi: ShortText | None = None
    name_en: ShortText | None = None
    description_vi: LongText | None = None
    description_en: LongText | None = None
    sectors: Annotated[list[SectorCode], Field(max_length=30)] | None = None
    target_markets: Annotated[list[CountryCode], Field(max_length=250)] | None = None
    make_in_vietnam: bool | None = None
    website: Annotated[str, Field(max_length=200)] | None = None


class ProductIn(ProductPatch):
    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "name_vi": "Nền tảng hóa đơn điện tử",
                    "name_en": "E-invoicing platform",
                    "sectors": ["fintech"],
                    "target_markets": ["JP", "KR"],
                    "make_in_vietnam": True,
                }
            ]
        }
    }

    name_vi: ShortText


class PresenceOut(Schema):
    id: int
    enterprise_id: int
    country: Ref
    mode: PresenceMode
    since: dt.date | None
    staff_abroad: int
    city: str


class PresencePatch(InSchema):
    country: CountryCode | None = None
    mode: PresenceMode | None = None
    since: dt.date | None = None
    staff_abroad: Count | None = None
    city: Annotated[str, Field(max_length=120)] | None = None


class PresenceIn(PresencePatch):
    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "country": "JP",
                    "mode": "representative_office",
                    "since": "2019-04-01",
                    "staff_abroad": 12,
                    "city": "Tokyo",
                }
            ]
        }
    }

    country: CountryCode
    mode: PresenceMode


class ConsentOut(Schema):
    id: int
    purpose: ConsentPurpose
    method: ConsentMethod
    evidence: str
    given_at: dt.datetime
    withdrawn_at: dt.datetime | None
    recorded_by_id: int | None


class ConsentIn(InSchema):
    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "purpose": "share_with_missions",
                    "method": "web_form",
                    "evidence": "Đồng ý trên biểu mẫu đăng ký, mã 2025-117",
                    "given_at": "2025-03-01T09:00:00+07:00",
                }
            ]
        }
    }

    purpose: ConsentPurpose
    method: ConsentMethod
    evidence: Annotated[str, Field(min_length=1, max_length=500)]
    # With its offset: a bare local time is ambiguous evidence of when consent was given.
    given_at: AwareDatetime | None = None


class ContactOut(Schema):
    id: int
    enterprise_id: int | None
    foreign_organisation_id: int | None
    full_name: str
    position: str
    email: str
    phone: str
    consents: list[ConsentOut]


class ContactPatch(InSchema):
    full_name: Annotated[str, Field(max_length=200)] | None = None
    position: Annotated[str, Field(max_length=200)] | None = None
    email: Annotated[str, Field(max_length=254)] | None = None
    phone: Annotated[str, Field(max_length=40)] | None = None


class ContactIn(ContactPatch):
    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "full_name": "Nguyễn Thị Lan",
                    "position": "Giám đốc phát triển thị trường",
                    "email": "lan@example.vn",
                    "phone": "+84 24 3555 0101",
                }
            ]
        }
    }

    full_name: Annotated[str, Field(max_length=200)]


class CountryRevenue(Schema):
    country: CountryCode
    revenue: Money


class CountryRevenueOut(Schema):
    country: str
    revenue: Decimal


class DeclarationOut(Schema):
    id: int
    enterprise: EnterpriseBrief
    year: int
    currency: str
    exchange_rate: Decimal
    total_revenue: Decimal
    overseas_revenue: Decimal
    staff_abroad: int
    status: DeclarationStatus
    return_reason: str
    submitted_at: dt.datetime | None
    reviewed_at: dt.datetime | None
    countries: list[CountryRevenueOut]

    @staticmethod
    def resolve_currency(obj) -> str:
        return obj.currency_id

    @staticmethod
    def resolve_countries(obj) -> list[dict]:
        return [{"country": row.country_id, "revenue": row.revenue} for row in obj.countries.all()]


class DeclarationPatch(InSchema):
    year: Year | None = None
    currency: Annotated[str, Field(max_length=3)] | None = None
    exchange_rate: Rate | None = None
    total_revenue: Money | None = None
    overseas_revenue: Money | None = None
    staff_abroad: Count | None = None
    countries: Annotated[list[CountryRevenue], Field(max_length=250)] | None = None


class DeclarationIn(DeclarationPatch):
    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "year": 2023,
                    "currency": "USD",
                    "exchange_rate": "1",
                    "total_revenue": "12000000",
                    "overseas_revenue": "4500000",
                    "staff_abroad": 35,
                    "countries": [
                        {"country": "JP", "revenue": "3000000"},
                        {"country": "US", "revenue": "1500000"},
                    ],
                }
            ]
        }
    }

    year: Year
    currency: Annotated[str, Field(max_length=3)]
    exchange_rate: Rate
    total_revenue: Money
    overseas_revenue: Money


class ReturnIn(InSchema):
    model_config = {
        "json_schema_extra": {
            "examples": [{"reason": "Doanh thu theo quốc gia chưa khớp với báo cáo tài chính."}]
        }
    }

    reason: Annotated[str, Field(min_length=1, max_length=2000)]


class CountryAggregate(Schema):
    country: str
    country_name_vi: str
    country_name_en: str
    enterprises: int
    overseas_revenue_usd: Decimal
