"""The case list and the briefing list as downloads (CSV or XLSX): each list's selector with
its filters and the list's columns, so a file holds exactly the cases (and what of them) or
the briefings the list shows the user."""

from __future__ import annotations

from collections.abc import Callable

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from goglobal.bulk.exports import ExportColumn, columns_response, dated_file_name, link_column

COLUMNS = (
    ExportColumn("#", lambda c: c.pk),
    ExportColumn(_("Title"), lambda c: c.title),
    ExportColumn(_("Enterprise"), lambda c: c.enterprise.name),
    ExportColumn(_("Country"), lambda c: c.country_id),
    ExportColumn(_("Category"), lambda c: c.get_category_display()),
    ExportColumn(_("Priority"), lambda c: c.priority),
    ExportColumn(_("Status"), lambda c: c.get_status_display()),
    ExportColumn(_("Opened"), lambda c: timezone.localdate(c.created_at)),
)


def case_export_response(queryset, fmt: str, *, absolute: Callable[[str], str]):
    columns = (*COLUMNS, link_column(absolute, "cases:detail"))
    return columns_response(columns, queryset, fmt=fmt, name=dated_file_name("cases", fmt))


BRIEFING_COLUMNS = (
    ExportColumn(_("Date"), lambda b: b.held_on),
    ExportColumn(_("Title"), lambda b: b.title),
    ExportColumn(_("Kind"), lambda b: b.get_kind_display()),
    ExportColumn(_("Status"), lambda b: b.get_status_display()),
    # The selector joins the chair (select_related), so this is no query per row.
    ExportColumn(_("Chair"), lambda b: str(b.chair) if b.chair_id else ""),
)


def briefing_export_response(queryset, fmt: str, *, absolute: Callable[[str], str]):
    columns = (*BRIEFING_COLUMNS, link_column(absolute, "cases:briefing-detail"))
    return columns_response(columns, queryset, fmt=fmt, name=dated_file_name("briefings", fmt))
