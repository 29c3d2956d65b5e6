"""The match profile list as a download (CSV or XLSX): the list's selector with its search,
so a file holds exactly the profiles the list shows the user, with what their pages show."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext_lazy as _

from goglobal.bulk.exports import ExportColumn, columns_response, dated_file_name, link_column

COLUMNS = (
    ExportColumn(_("Organisation"), lambda p: p.name),
    ExportColumn(_("Sectors"), lambda p: "; ".join(s.code for s in p.sectors.all())),
    ExportColumn(_("Markets"), lambda p: "; ".join(c.code for c in p.markets.all())),
    ExportColumn(_("Summary"), lambda p: p.summary),
    ExportColumn(_("Published"), lambda p: "✓" if p.is_published else ""),
)


def profile_export_response(queryset, fmt: str, *, absolute: Callable[[str], str]):
    columns = (*COLUMNS, link_column(absolute, "matchmaking:profile"))
    return columns_response(columns, queryset, fmt=fmt, name=dated_file_name("match-profiles", fmt))
