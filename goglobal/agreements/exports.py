"""The agreement list as a download (CSV or XLSX): the list's selector with its filters and the
list's columns, so a file holds exactly the agreements the list shows the user."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext_lazy as _

from goglobal.bulk.exports import ExportColumn, columns_response, dated_file_name, link_column

COLUMNS = (
    ExportColumn(_("Title"), lambda a: a.title),
    ExportColumn(_("Kind"), lambda a: a.get_kind_display()),
    ExportColumn(_("Partner"), lambda a: a.partner_name),
    ExportColumn(_("Partner country"), lambda a: a.partner_country_id or ""),
    ExportColumn(_("Status"), lambda a: a.get_status_display()),
    ExportColumn(_("Proposed on"), lambda a: a.proposed_on),
    ExportColumn(_("Signed on"), lambda a: a.signed_on),
)


def agreement_export_response(queryset, fmt: str, *, absolute: Callable[[str], str]):
    columns = (*COLUMNS, link_column(absolute, "agreements:detail"))
    return columns_response(columns, queryset, fmt=fmt, name=dated_file_name("agreements", fmt))
