"""The shared machinery of the importers: reference data loaded once, a row's cells turned
into service data, errors filed under their column."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from goglobal.accounts.access import AnyUser
from goglobal.bulk import cells
from goglobal.bulk.columns import KIND_COLUMNS, HeaderMatch, column_for
from goglobal.bulk.report import RowOutcome
from goglobal.core.text import fold
from goglobal.enterprises.enums import EmployeeBand, EnterpriseStatus, PresenceMode
from goglobal.enterprises.validators import clean_tax_code
from goglobal.reference.models import Country, Province, Sector

BATCH = 2000
Progress = Callable[[int], None]


_PROVINCE_WORDS = re.compile(r"^(thanh pho|tinh|tp\.?)\s+|\s+(city|province)$")


class Reference:
    """Provinces, sectors and countries loaded once, looked up by code or by name."""

    def __init__(self) -> None:
        self.provinces = {p.code: p for p in Province.objects.all()}
        self.province_names: dict[str, int] = {}
        for province in self.provinces.values():
            for name in (province.name_vi, province.name_en, province.codename.replace("-", " ")):
                folded = fold(name or "")
                self.province_names[folded] = province.code
                # "Thành phố Đà Nẵng", "Tỉnh Lào Cai", "Da Nang City": also the bare name.
                bare = _PROVINCE_WORDS.sub("", folded).strip()
                self.province_names.setdefault(bare, province.code)
        self.sectors = {s.code: s for s in Sector.objects.filter(disabled_on__isnull=True)}
        self.sector_names = {fold(s.code): s.code for s in self.sectors.values()}
        for sector in self.sectors.values():
            for name in (sector.name_vi, sector.name_en):
                self.sector_names.setdefault(fold(name or ""), sector.code)
        self.country_names: dict[str, str] = {}
        for code, name_vi, name_en in Country.objects.filter(disabled_on__isnull=True).values_list(
            "code", "name_vi", "name_en"
        ):
            self.country_names[fold(code)] = code
            for name in (name_vi, name_en):
                self.country_names.setdefault(fold(name or ""), code)

    def province_code(self, text: str):
        if text.isdigit():
            return int(text)
        folded = cells.fold_cell(text)
        return self.province_names.get(
            folded, self.province_names.get(_PROVINCE_WORDS.sub("", folded).strip(), text)
        )

    def sector_codes(self, text: str) -> list[str]:
        return [
            self.sector_names.get(cells.fold_cell(part), part) for part in cells.split_list(text)
        ]

    def country_code(self, text: str) -> str:
        return self.country_names.get(cells.fold_cell(text), text)


def _messages(exc: ValidationError) -> dict[str, list[str]]:
    if hasattr(exc, "error_dict"):
        return exc.message_dict
    return {"": exc.messages}


class Importer:
    kind = ""
    # field → parser(text) for the cells that are not plain text
    parsers: dict[str, Callable] = {}

    def __init__(self, *, actor: AnyUser, match: HeaderMatch, reference: Reference) -> None:
        self.actor = actor
        self.match = match
        self.reference = reference
        self.required = [column for column in KIND_COLUMNS[self.kind] if column.required]

    def label(self, field_name: str) -> str:
        base = field_name.split(".")[0]
        if base in ("", "__all__", "non_field"):
            return ""
        try:
            return str(column_for(self.kind, base).label)
        except StopIteration:
            return base

    def file_error(self, outcome: RowOutcome, exc: ValidationError | PermissionDenied) -> None:
        if isinstance(exc, ValidationError):
            for field_name, messages in _messages(exc).items():
                for message in messages:
                    outcome.add(self.label(field_name), message)
        else:
            outcome.add("", str(exc) or _("You are not allowed to do this."))

    def cells_of(self, cells_in_row: list[str]) -> dict[str, str]:
        """The non-empty cells of the row by field. An empty cell leaves the field as it is
        (on a new record: its default)."""
        return {
            field_name: cells_in_row[index]
            for field_name, index in self.match.positions.items()
            if index < len(cells_in_row) and cells_in_row[index] != ""
        }

    def parse(self, number: int, cells_in_row: list[str]) -> tuple[RowOutcome, dict]:
        outcome = RowOutcome(row=number)
        data: dict = {}
        for field_name, text in self.cells_of(cells_in_row).items():
            parser = self.parsers.get(field_name)
            try:
                data[field_name] = parser(self, text) if parser else text
            except ValueError as exc:
                outcome.add(self.label(field_name), str(exc))
        for column in self.required:
            if column.field not in data and not any(
                e["column"] == str(column.label) for e in outcome.errors
            ):
                outcome.add(str(column.label), _("This field is required."))
        if "tax_code" in data:
            try:
                data["tax_code"] = clean_tax_code(data["tax_code"])
            except ValidationError as exc:
                for message in exc.messages:
                    outcome.add(self.label("tax_code"), message)
                del data["tax_code"]
        return outcome, data

    def row_key(self, data: dict) -> tuple | None:
        return (data["tax_code"],) if "tax_code" in data else None

    def key_text(self, key: tuple) -> str:
        return " · ".join(str(part) for part in key)

    def check_and_write(
        self, rows: list[tuple[RowOutcome, dict]], *, write: bool, progress: Progress
    ) -> None:
        raise NotImplementedError


def sectors(importer: Importer, text: str) -> list[str]:
    return importer.reference.sector_codes(text)


def ownership(importer: Importer, text: str):
    return cells.parse_decimal(text.rstrip("%").strip())


@functools.cache
def _choices(enum) -> dict[str, str]:
    # Values and labels in both languages: the same table whatever language is active.
    return cells.choice_lookup(enum.choices)


def band(importer: Importer, text: str) -> str:
    return cells.parse_choice(text, _choices(EmployeeBand))


def status(importer: Importer, text: str) -> str:
    return cells.parse_choice(text, _choices(EnterpriseStatus))


def mode(importer: Importer, text: str) -> str:
    return cells.parse_choice(text, _choices(PresenceMode))


def countries(importer: Importer, text: str) -> list[str]:
    return [importer.reference.country_code(part) for part in cells.split_list(text)]
