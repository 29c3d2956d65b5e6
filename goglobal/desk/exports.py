"""The desk's lists as downloads (CSV or XLSX): each list's selector with its filters and the
list's columns, so a file holds exactly the records the list shows."""

from __future__ import annotations

from collections.abc import Callable

from django.utils import timezone
from django.utils.translation import gettext
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

# The market note list (note_list.html): title, country, sector, topic, mission and the day
# it was written (in the site's time zone, as the page shows it).
NOTE_COLUMNS = (
    ExportColumn(_("Title"), lambda n: n.title),
    ExportColumn(_("Country"), lambda n: n.country_id),
    ExportColumn(_("Sector"), lambda n: n.sector.code if n.sector_id else ""),
    ExportColumn(_("Topic"), lambda n: n.get_topic_display()),
    ExportColumn(_("Mission"), lambda n: n.mission.name),
    ExportColumn(_("Written on"), lambda n: timezone.localdate(n.created_at)),
)

# The content order list (order_list.html): its table's columns, the "Overdue" badge as a
# column of its own.
ORDER_COLUMNS = (
    ExportColumn(_("Title"), lambda o: o.title),
    ExportColumn(_("Kind"), lambda o: o.get_kind_display()),
    ExportColumn(_("Mission"), lambda o: o.mission.name),
    ExportColumn(_("Needed by"), lambda o: o.deadline),
    ExportColumn(_("Overdue"), lambda o: gettext("Yes") if o.is_overdue else gettext("No")),
    ExportColumn(_("Status"), lambda o: o.get_status_display()),
)


def opportunity_export_response(queryset, fmt: str, *, absolute: Callable[[str], str]):
    columns = (*COLUMNS, link_column(absolute, "desk:opportunity-detail"))
    return columns_response(columns, queryset, fmt=fmt, name=dated_file_name("opportunities", fmt))


def note_export_response(queryset, fmt: str, *, absolute: Callable[[str], str]):
    columns = (*NOTE_COLUMNS, link_column(absolute, "desk:note-detail"))
    return columns_response(columns, queryset, fmt=fmt, name=dated_file_name("market-notes", fmt))


def order_export_response(queryset, fmt: str, *, absolute: Callable[[str], str]):
    columns = (*ORDER_COLUMNS, link_column(absolute, "desk:order-detail"))
    return columns_response(columns, queryset, fmt=fmt, name=dated_file_name("content-orders", fmt))
