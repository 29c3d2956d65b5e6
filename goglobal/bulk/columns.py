"""The columns of each kind of import and export: the field each fills, whether it is required,
and the headers it answers to. A header is matched diacritic- and case-blind, in English or
Vietnamese, so "Mã số thuế", "ma so thue", "MST" and "Tax code" are one column. Exports write
the same labels, so an exported file imports back unchanged."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from goglobal.core.text import fold

_NON_WORD = re.compile(r"[^0-9a-z%]+")


def header_key(text: str) -> str:
    return _NON_WORD.sub(" ", fold(str(text))).strip()


@dataclass(frozen=True)
class Column:
    field: str
    label: Promise
    required: bool = False
    aliases: tuple[str, ...] = field(default=())

    def header_keys(self) -> set[str]:
        keys = {header_key(self.field), *(header_key(alias) for alias in self.aliases)}
        for language in ("en", "vi"):
            with translation.override(language):
                keys.add(header_key(str(self.label)))
        return keys


TAX_CODE = Column(
    "tax_code",
    _("Tax code"),
    required=True,
    aliases=("mst", "ma so thue", "ma so doanh nghiep", "enterprise tax code", "enterprise code"),
)

ENTERPRISE_COLUMNS = (
    TAX_CODE,
    Column(
        "name_vi",
        _("Legal name (Vietnamese)"),
        required=True,
        aliases=("name", "legal name", "ten", "ten doanh nghiep", "ten tieng viet"),
    ),
    Column("name_en", _("English name"), aliases=("name en", "ten tieng anh")),
    Column("trading_names", _("Trading names"), aliases=("ten giao dich", "ten thuong mai")),
    Column(
        "province",
        _("Province"),
        required=True,
        aliases=("province code", "tinh", "tinh thanh pho", "ma tinh", "tinh thanh"),
    ),
    Column("founded_year", _("Founding year"), aliases=("founded", "nam thanh lap")),
    Column(
        "employee_band",
        _("Employees"),
        aliases=("size", "staff", "quy mo", "quy mo lao dong", "so lao dong"),
    ),
    Column(
        "vn_ownership_pct",
        _("Vietnamese ownership (%)"),
        aliases=("vietnamese ownership", "ty le so huu viet nam", "so huu viet nam"),
    ),
    Column("sectors", _("Sectors"), aliases=("sector", "linh vuc", "nganh")),
    Column("website", _("Website"), aliases=("web", "trang web", "trang thong tin dien tu")),
    Column("description_vi", _("Description (Vietnamese)"), aliases=("description", "mo ta")),
    Column("description_en", _("Description (English)"), aliases=("mo ta tieng anh",)),
    Column("status", _("Status"), aliases=("trang thai", "tinh trang")),
)

PRODUCT_COLUMNS = (
    TAX_CODE,
    Column(
        "name_vi",
        _("Product name (Vietnamese)"),
        required=True,
        aliases=("product", "product name", "name", "ten san pham", "san pham"),
    ),
    Column("name_en", _("Product name (English)"), aliases=("ten san pham tieng anh",)),
    Column("description_vi", _("Description (Vietnamese)"), aliases=("description", "mo ta")),
    Column("description_en", _("Description (English)"), aliases=("mo ta tieng anh",)),
    Column("make_in_vietnam", _("Make in Viet Nam"), aliases=("make in vietnam", "miv")),
    Column("website", _("Website"), aliases=("web", "trang web")),
    Column("sectors", _("Sectors"), aliases=("sector", "linh vuc")),
    Column("target_markets", _("Target markets"), aliases=("markets", "thi truong muc tieu")),
)

PRESENCE_COLUMNS = (
    TAX_CODE,
    Column("country", _("Country"), required=True, aliases=("country code", "quoc gia", "nuoc")),
    Column("mode", _("Mode"), required=True, aliases=("presence mode", "hinh thuc", "loai hinh")),
    Column("since", _("Since"), aliases=("since date", "tu ngay", "tu nam")),
    Column("staff_abroad", _("Staff abroad"), aliases=("so nhan su o nuoc ngoai",)),
    Column("city", _("City"), aliases=("thanh pho",)),
)

DECLARATION_COLUMNS = (
    TAX_CODE,
    Column("year", _("Year"), required=True, aliases=("nam",)),
    Column("currency", _("Currency"), required=True, aliases=("tien te", "loai tien")),
    Column(
        "exchange_rate",
        _("Units per US dollar"),
        required=True,
        aliases=("exchange rate", "rate", "ty gia"),
    ),
    Column("total_revenue", _("Total revenue"), required=True, aliases=("tong doanh thu",)),
    Column(
        "overseas_revenue",
        _("Overseas revenue"),
        required=True,
        aliases=("doanh thu nuoc ngoai", "doanh thu o nuoc ngoai"),
    ),
    Column("staff_abroad", _("Staff abroad"), aliases=("so nhan su o nuoc ngoai",)),
    Column(
        "countries",
        _("Revenue by country"),
        aliases=("doanh thu theo quoc gia", "countries"),
    ),
)

KIND_COLUMNS: dict[str, tuple[Column, ...]] = {
    "enterprises": ENTERPRISE_COLUMNS,
    "products": PRODUCT_COLUMNS,
    "presence": PRESENCE_COLUMNS,
    "declarations": DECLARATION_COLUMNS,
}


@dataclass
class HeaderMatch:
    # field name → column index in the file
    positions: dict[str, int]
    missing: list[Column]
    unknown: list[str]
    repeated: list[str]


def match_headers(kind: str, headers: list[str]) -> HeaderMatch:
    columns = KIND_COLUMNS[kind]
    by_key = {key: column for column in columns for key in column.header_keys()}
    positions: dict[str, int] = {}
    unknown, repeated = [], []
    for index, header in enumerate(headers):
        column = by_key.get(header_key(header))
        if column is None:
            if header:
                unknown.append(header)
        elif column.field in positions:
            repeated.append(header)
        else:
            positions[column.field] = index
    missing = [column for column in columns if column.required and column.field not in positions]
    return HeaderMatch(positions=positions, missing=missing, unknown=unknown, repeated=repeated)


def column_for(kind: str, field_name: str) -> Column:
    return next(column for column in KIND_COLUMNS[kind] if column.field == field_name)
