"""The briefing list as a download (CSV or XLSX): the list's selector and the list's columns,
so a file holds exactly the briefings the list shows the user."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext_lazy as _

from goglobal.bulk.exports import ExportColumn, columns_response, dated_file_name, link_column

COLUMNS = (
    ExportColumn(_("Date"), lambda b: b.held_on),
    ExportColumn(_("Title"), lambda b: b.title),
    ExportColumn(_("Kind"), lambda b: b.get_kind_display()),
    ExportColumn(_("Status"), lambda b: b.get_status_display()),
    # The selector joins the chair (select_related), so this is no query per row.
    ExportColumn(_("Chair"), lambda b: str(b.chair) if b.chair_id else ""),
)


def briefing_export_response(queryset, fmt: str, *, absolute: Callable[[str], str]):
    columns = (*COLUMNS, link_column(absolute, "cases:briefing-detail"))
    return columns_response(columns, queryset, fmt=fmt, name=dated_file_name("briefings", fmt))
