"""The mission list as a download (CSV or XLSX): the list's selector with its filters, so a
file holds exactly the missions the list shows, with what their public pages show."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext_lazy as _

from goglobal.bulk.exports import ExportColumn, columns_response, dated_file_name, link_column

COLUMNS = (
    ExportColumn(_("Name (Vietnamese)"), lambda m: m.name_vi),
    ExportColumn(_("Name (English)"), lambda m: m.name_en),
    ExportColumn(_("Kind"), lambda m: m.get_kind_display()),
    ExportColumn(_("Host country"), lambda m: m.host_country_id),
    ExportColumn(_("City"), lambda m: m.city),
    ExportColumn(
        _("Countries of jurisdiction"), lambda m: "; ".join(c.code for c in m.jurisdiction.all())
    ),
    ExportColumn(_("International organisation"), lambda m: m.international_organisation),
    ExportColumn(_("Head of mission"), lambda m: m.head_name),
    ExportColumn(_("Website"), lambda m: m.website),
    ExportColumn(_("E-mail"), lambda m: m.email),
    ExportColumn(_("Phone"), lambda m: m.phone),
)


def mission_export_response(queryset, fmt: str, *, absolute: Callable[[str], str]):
    columns = (*COLUMNS, link_column(absolute, "missions:detail"))
    return columns_response(columns, queryset, fmt=fmt, name=dated_file_name("missions", fmt))
