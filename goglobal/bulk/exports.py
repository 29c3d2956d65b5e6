"""Exports of the lists a user can see, as CSV (UTF-8 with BOM, formula injection escaped) or
XLSX. Rows come only from the registry's selectors, so an export shows exactly what the lists
show; they are streamed (CSV) or written through openpyxl's write-only mode to a temporary file
(XLSX), so a 100,000-row list never sits in memory."""

from __future__ import annotations

import csv
import datetime as dt
import operator
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from goglobal.accounts import access
from goglobal.accounts.access import AnyUser
from goglobal.accounts.models import Role
from goglobal.bulk.columns import column_for
from goglobal.core.links import path_for
from goglobal.enterprises import selectors

# A spreadsheet runs a cell that starts with these as a formula (tab and CR too, in some).
INJECTION_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CHUNK = 2000
FORMATS = ("csv", "xlsx")


def escape_csv(value):
    """Text a spreadsheet would evaluate gets a leading apostrophe, which shows it as text.
    Numbers stay numbers (a negative amount is not a formula)."""
    if isinstance(value, str) and value.startswith(INJECTION_PREFIXES):
        return "'" + value
    return value


@dataclass(frozen=True)
class ExportColumn:
    label: object
    value: Callable


def _col(kind: str, field: str, value: Callable) -> ExportColumn:
    return ExportColumn(column_for(kind, field).label, value)


def _codes(manager) -> str:
    return "; ".join(item.code for item in manager.all())


ENTERPRISE = (
    _col("enterprises", "tax_code", lambda e: e.tax_code),
    _col("enterprises", "name_vi", lambda e: e.name_vi),
    _col("enterprises", "name_en", lambda e: e.name_en),
    _col("enterprises", "trading_names", lambda e: "; ".join(e.trading_names or [])),
    _col("enterprises", "province", lambda e: e.province_id),
    _col("enterprises", "founded_year", lambda e: e.founded_year),
    _col("enterprises", "employee_band", lambda e: e.employee_band),
    _col("enterprises", "vn_ownership_pct", lambda e: e.vn_ownership_pct),
    _col("enterprises", "sectors", lambda e: _codes(e.sectors)),
    _col("enterprises", "website", lambda e: e.website),
    _col("enterprises", "description_vi", lambda e: e.description_vi),
    _col("enterprises", "description_en", lambda e: e.description_en),
    _col("enterprises", "status", lambda e: e.status),
)
PRODUCT = (
    _col("products", "tax_code", lambda p: p.enterprise.tax_code),
    ExportColumn(gettext_lazy("Enterprise"), lambda p: p.enterprise.name_vi),
    _col("products", "name_vi", lambda p: p.name_vi),
    _col("products", "name_en", lambda p: p.name_en),
    _col("products", "description_vi", lambda p: p.description_vi),
    _col("products", "description_en", lambda p: p.description_en),
    _col("products", "make_in_vietnam", lambda p: "yes" if p.make_in_vietnam else "no"),
    _col("products", "website", lambda p: p.website),
    _col("products", "sectors", lambda p: _codes(p.sectors)),
    _col("products", "target_markets", lambda p: _codes(p.target_markets)),
)
PRESENCE = (
    _col("presence", "tax_code", lambda p: p.enterprise.tax_code),
    ExportColumn(gettext_lazy("Enterprise"), lambda p: p.enterprise.name_vi),
    _col("presence", "country", lambda p: p.country_id),
    _col("presence", "mode", lambda p: p.mode),
    _col("presence", "since", lambda p: p.since),
    _col("presence", "staff_abroad", lambda p: p.staff_abroad),
    _col("presence", "city", lambda p: p.city),
)
DECLARATION = (
    _col("declarations", "tax_code", lambda d: d.enterprise.tax_code),
    ExportColumn(gettext_lazy("Enterprise"), lambda d: d.enterprise.name_vi),
    _col("declarations", "year", lambda d: d.year),
    _col("declarations", "currency", lambda d: d.currency_id and d.currency.code),
    _col("declarations", "exchange_rate", lambda d: d.exchange_rate),
    _col("declarations", "total_revenue", lambda d: d.total_revenue),
    _col("declarations", "overseas_revenue", lambda d: d.overseas_revenue),
    _col("declarations", "staff_abroad", lambda d: d.staff_abroad),
    _col(
        "declarations",
        "countries",
        lambda d: "; ".join(f"{c.country_id}: {c.revenue}" for c in d.countries.all()),
    ),
    ExportColumn(gettext_lazy("Status"), lambda d: d.status),
)
COLUMNS = {
    "enterprises": ENTERPRISE,
    "products": PRODUCT,
    "presence": PRESENCE,
    "declarations": DECLARATION,
}


def link_column(
    absolute: Callable[[str], str], url_name: str, key: Callable = operator.attrgetter("pk")
) -> ExportColumn:
    """A column of each record's page as a full address (`absolute`: the request's
    build_absolute_uri, asked once for the site's address); `key` gives the page's key when
    it is not the record's own (a registration links to its event's page)."""
    site = absolute("/").rstrip("/")
    return ExportColumn(gettext_lazy("Link"), lambda item: site + path_for(url_name, key(item)))


def list_download(request, fmt: str, queryset, respond: Callable):
    """A list page's download link: the list's queryset as a file by the list's own `respond`
    (…_export_response); a format other than CSV or XLSX is not found."""
    if fmt not in FORMATS:
        raise Http404
    return respond(queryset, fmt, absolute=request.build_absolute_uri)


def can_export_declarations(user: AnyUser) -> bool:
    """The declaration list's own rule: staff and enterprise representatives (their own)."""
    return access.is_staff(user) or access.has_role(user, Role.ENTERPRISE_REP)


def export_queryset(
    user: AnyUser, kind: str, *, filters: selectors.EnterpriseFilters | None = None, **params
):
    if kind == "enterprises":
        return selectors.enterprise_list_for_user(user, filters)
    if kind == "products":
        return selectors.product_list_for_user(user, **params).order_by("enterprise_id", "id")
    if kind == "presence":
        return selectors.presence_list_for_user(user, **params).order_by("enterprise_id", "id")
    if kind == "declarations":
        if not can_export_declarations(user):
            raise PermissionDenied(_("You are not allowed to do this."))
        return selectors.declaration_list_for_user(user, **params)
    raise ValueError(kind)


def _plain(value):
    if value is None:
        return ""
    if isinstance(value, Decimal):
        # A whole amount as the integer it is: normalize() would write 250000.00 as "2.5E+5".
        return int(value) if value == value.to_integral_value() else value
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def rows(columns: Sequence[ExportColumn], queryset) -> Iterator[list]:
    for item in queryset.iterator(chunk_size=CHUNK):
        yield [_plain(column.value(item)) for column in columns]


def headers(columns: Sequence[ExportColumn]) -> list[str]:
    return [str(column.label) for column in columns]


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv_stream(header: list[str], body: Iterable[list]) -> Iterator[str]:
    writer = csv.writer(_Echo(), lineterminator="\r\n")
    yield "\ufeff" + writer.writerow(header)
    for row in body:
        yield writer.writerow([escape_csv(value) for value in row])


def dated_file_name(kind: str, fmt: str) -> str:
    return f"{kind}-{timezone.localdate().isoformat()}.{fmt}"


def export_response(kind: str, queryset, fmt: str):
    return columns_response(COLUMNS[kind], queryset, fmt=fmt, name=dated_file_name(kind, fmt))


def columns_response(columns: Sequence[ExportColumn], queryset, *, fmt: str, name: str):
    """A list's queryset (from its selector) as a download: one row per record, one column per
    ExportColumn, the header in the request's language."""
    return table_response(headers(columns), rows(columns, queryset), fmt=fmt, name=name)


def table_response(header: list[str], body: Iterable[list], *, fmt: str, name: str):
    """Any table as a CSV (BOM, formulas escaped) or XLSX download; other apps' exports use it
    with rows from their own selectors."""
    if fmt == "csv":
        response = StreamingHttpResponse(
            _csv_stream(header, body), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    return FileResponse(
        write_xlsx(header, body),
        as_attachment=True,
        filename=name,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def write_xlsx(header: list[str], body: Iterable[list]):
    """A write-only workbook in a temporary file. Text goes in as text cells, so "=…" is never
    stored as a formula."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()

    def cell(value):
        if isinstance(value, str):
            out = WriteOnlyCell(sheet, value=None)
            # Set directly so openpyxl does not read "=…" as a formula; control characters
            # that XML cannot hold are dropped.
            out._value = ILLEGAL_CHARACTERS_RE.sub("", value)
            out.data_type = "s"
            return out
        return value

    sheet.append(header)
    for row in body:
        sheet.append([cell(value) for value in row])
    handle = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it when sent)
    workbook.save(handle)
    handle.seek(0)
    return handle
