"""The foreign organisation list as a download (CSV or XLSX): the list's selector with its
filters, so a file holds exactly the organisations the list shows, with what their pages show."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext_lazy as _

from goglobal.bulk.exports import ExportColumn, columns_response, dated_file_name, link_column

COLUMNS = (
    ExportColumn(_("Name"), lambda o: o.name),
    ExportColumn(_("Name (Vietnamese)"), lambda o: o.name_vi),
    ExportColumn(_("Kind"), lambda o: o.get_kind_display()),
    ExportColumn(_("Country"), lambda o: o.country_id),
    ExportColumn(_("City"), lambda o: o.city),
    ExportColumn(_("Sectors"), lambda o: "; ".join(s.code for s in o.sectors.all())),
    ExportColumn(_("Website"), lambda o: o.website),
    ExportColumn(_("Description"), lambda o: o.description),
)


def organisation_export_response(queryset, fmt: str, *, absolute: Callable[[str], str]):
    columns = (*COLUMNS, link_column(absolute, "partners:detail"))
    return columns_response(
        columns, queryset, fmt=fmt, name=dated_file_name("foreign-organisations", fmt)
    )
