"""The business opportunity list as a download (CSV or XLSX): the list's selector with its
filters and the list's columns, so a file holds exactly the opportunities the list shows."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext_lazy as _

from goglobal.bulk.exports import ExportColumn, columns_response, dated_file_name, link_column

COLUMNS = (
    ExportColumn(_("Title"), lambda o: o.title),
    ExportColumn(_("Kind"), lambda o: o.get_kind_display()),
    ExportColumn(_("Country"), lambda o: o.country_id),
    ExportColumn(_("Sectors"), lambda o: "; ".join(s.code for s in o.sectors.all())),
    ExportColumn(_("Value"), lambda o: o.value),
    ExportColumn(_("Currency"), lambda o: o.currency_id or ""),
    ExportColumn(_("Deadline"), lambda o: o.deadline),
    ExportColumn(_("Status"), lambda o: o.get_status_display()),
)


def opportunity_export_response(queryset, fmt: str, *, absolute: Callable[[str], str]):
    columns = (*COLUMNS, link_column(absolute, "desk:opportunity-detail"))
    return columns_response(columns, queryset, fmt=fmt, name=dated_file_name("opportunities", fmt))
