"""One importer per kind. Each turns the rows of a sheet into the data the registry services
take, checks them with the services' own rules and writes them all or none.

Enterprises take a bulk path (a 100,000-row file must commit in seconds, not the hour that one
service call per row would take): every row is validated in Python with the validators
`enterprise_create`/`enterprise_update` use, against reference data loaded once, then written
with multi-row inserts and one history record per changed enterprise, sectors
included, as the service would record. Products, presence and declarations come in smaller
files and go through the services row by row, so their rules are the services' by construction.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from goglobal.bulk.importers.base import BATCH, Importer, Progress, Reference
from goglobal.bulk.importers.enterprises import EnterpriseImporter
from goglobal.bulk.importers.records import (
    DeclarationImporter,
    PresenceImporter,
    ProductImporter,
)
from goglobal.bulk.report import Report

__all__ = ["BATCH", "IMPORTERS", "Importer", "Progress", "Reference", "run_rows"]

IMPORTERS: dict[str, type[Importer]] = {
    "enterprises": EnterpriseImporter,
    "products": ProductImporter,
    "presence": PresenceImporter,
    "declarations": DeclarationImporter,
}


def run_rows(
    importer: Importer,
    sheet_rows,
    *,
    dry_run: bool,
    report: Report,
    progress: Progress,
    formulas: dict[int, list[int]],
) -> None:
    seen: dict[tuple, int] = {}
    rows = []
    headers = {index: field for field, index in importer.match.positions.items()}
    for number, row_cells in sheet_rows:
        outcome, data = importer.parse(number, row_cells)
        for column in formulas.get(number, ()):
            name = headers.get(column)
            outcome.add(
                importer.label(name) if name else "",
                _("This cell holds a formula; import values only (paste as values)."),
            )
        key = importer.row_key(data)
        if key is not None:
            outcome.key = importer.key_text(key)
            if key in seen:
                outcome.add(
                    importer.label("tax_code"),
                    _("This row repeats row %(row)s (the same %(what)s).")
                    % {"row": seen[key], "what": KEY_WORDS[importer.kind]},
                )
            else:
                seen[key] = number
        rows.append((outcome, data))
        report.outcomes.append(outcome)
    importer.check_and_write(rows, write=not dry_run and report.ok, progress=progress)
    report.committed = not dry_run and report.ok


KEY_WORDS = {
    "enterprises": gettext_lazy("tax code"),
    "products": gettext_lazy("tax code and product name"),
    "presence": gettext_lazy("tax code, country and mode"),
    "declarations": gettext_lazy("tax code and year"),
}
