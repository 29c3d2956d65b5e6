"""The event list as a download (CSV or XLSX): the list's selector with its filters and the
list's columns, so a file holds exactly the events the list shows the user."""

from __future__ import annotations

from collections.abc import Callable

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from goglobal.bulk.exports import ExportColumn, columns_response, dated_file_name, link_column

COLUMNS = (
    ExportColumn(_("Event"), lambda e: e.title),
    ExportColumn(_("Kind"), lambda e: e.get_kind_display()),
    ExportColumn(_("Date"), lambda e: timezone.localdate(e.starts_at)),
    ExportColumn(_("Venues"), lambda e: "; ".join(v.city for v in e.venues.all())),
    ExportColumn(_("Status"), lambda e: e.get_status_display()),
    ExportColumn(_("Invitation only"), lambda e: "" if e.is_public else "✓"),
)


def event_export_response(queryset, fmt: str, *, absolute: Callable[[str], str]):
    columns = (*COLUMNS, link_column(absolute, "events:detail"))
    return columns_response(columns, queryset, fmt=fmt, name=dated_file_name("events", fmt))
