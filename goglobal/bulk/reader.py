"""Turns an uploaded file into rows of text: CSV in UTF-8 (with or without BOM) or UTF-16 as
Excel writes it, comma, semicolon or tab separated; or XLSX read with openpyxl in read-only
mode. Anything else is refused with a message the user can act on, never an exception."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils.translation import gettext as _

# A spreadsheet program evaluates these as formulas (or DDE commands) when the cell is opened.
FORMULA_PREFIXES = ("=", "+", "-", "@")
# The cells are stripped already: only these first characters need the full test.
_FORMULA_STARTS = frozenset(FORMULA_PREFIXES)
_PLAIN_NUMBER = re.compile(r"^[+-]?\s*\d[\d\s.,]*%?$")
# Signatures of common files that are not spreadsheets, for a message better than "unreadable".
_BINARY_SIGNATURES = (
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"%PDF",
    b"\x1f\x8b",
    b"Rar!",
    b"7z\xbc\xaf",
)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A 20 MB XLSX can unpack to far more rows than anyone imports at once; stop reading there.
MAX_ROWS = 200_000


class FileRefused(Exception):
    """The file as a whole cannot be read; the message says why and what to do."""


@dataclass
class Sheet:
    headers: list[str]
    # (row number as the user sees it in their program, cells); a row shorter than the header
    # line is padded with empty cells.
    rows: list[tuple[int, list[str]]]
    # (row number, column index) of every cell that holds a formula.
    formulas: list[tuple[int, int]]


def looks_like_formula(value: str) -> bool:
    """A CSV value a spreadsheet would run: starts with = + - @ and is not a plain number
    such as -5 or +84."""
    text = value.lstrip()
    if not text or not text.startswith(FORMULA_PREFIXES):
        return False
    return not (text[0] in "+-" and _PLAIN_NUMBER.match(text))


def read_sheet(data: bytes, *, filename: str = "") -> Sheet:
    if not data or not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise FileRefused(_("The file is empty."))
    if data.startswith(b"PK\x03\x04"):
        return _read_xlsx(data)
    if data.startswith(_OLE):
        raise FileRefused(
            _("This is an old Excel (.xls) file: save it as .xlsx or as CSV UTF-8 and try again.")
        )
    if data.startswith(_BINARY_SIGNATURES):
        raise FileRefused(_("This file is not a spreadsheet: upload a CSV or an XLSX file."))
    return _read_csv(_decode(data))


def _decode(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise FileRefused(_("The file says it is UTF-16 but is not.")) from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FileRefused(
            _(
                "The file is not UTF-8 or UTF-16 text (an unreadable byte on line %(line)s). "
                "It may be in an older Vietnamese encoding such as TCVN3, VNI or Windows-1258: "
                "save it from your spreadsheet program as “CSV UTF-8” and try again."
            )
            % {"line": line}
        ) from exc
    if "\x00" in text:
        raise FileRefused(_("This file is not a spreadsheet: upload a CSV or an XLSX file."))
    return text


def _sniff_delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        header = text.splitlines()[0] if text.splitlines() else ""
        return max(",;\t", key=header.count)


def _read_csv(text: str) -> Sheet:
    delimiter = _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        lines = list(reader)
    except csv.Error as exc:
        raise FileRefused(
            _("The CSV file is malformed near line %(line)s.") % {"line": reader.line_num}
        ) from exc
    return _sheet(iter(enumerate(lines, start=1)), formula_cells=None)


def _read_xlsx(data: bytes) -> Sheet:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise FileRefused(
            _("This file is not a spreadsheet: upload a CSV or an XLSX file.")
        ) from exc
    except Exception as exc:  # openpyxl raises many kinds on a damaged or foreign archive
        raise FileRefused(
            _("This file is not a spreadsheet: upload a CSV or an XLSX file.")
        ) from exc
    try:
        worksheet = workbook.worksheets[0] if workbook.worksheets else None
        if worksheet is None:
            raise FileRefused(_("The file is empty."))
        formulas: list[tuple[int, int]] = []
        lines = []
        for number, row in enumerate(worksheet.iter_rows(), start=1):
            if number > MAX_ROWS + 1:
                raise FileRefused(_too_many_rows())
            cells = []
            for column, cell in enumerate(row):
                if getattr(cell, "data_type", None) == "f":
                    formulas.append((number, column))
                cells.append(_cell_text(getattr(cell, "value", None)))
            lines.append((number, cells))
    finally:
        workbook.close()
    return _sheet(iter(lines), formula_cells=formulas)


def _too_many_rows() -> str:
    return _("The file has more than %(n)s rows: split it into smaller files.") % {
        "n": f"{MAX_ROWS:,}"
    }


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _sheet(
    lines: Iterator[tuple[int, list[str]]], *, formula_cells: list[tuple[int, int]] | None
) -> Sheet:
    headers: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    for number, raw in lines:
        cells = [cell.strip() for cell in raw]
        if not any(cells):
            continue
        if headers is None:
            headers = cells
            while headers and not headers[-1]:
                headers.pop()
            continue
        if len(cells) < len(headers):
            cells += [""] * (len(headers) - len(cells))
        rows.append((number, cells))
    if headers is None:
        raise FileRefused(_("The file is empty."))
    if len(rows) > MAX_ROWS:
        raise FileRefused(_too_many_rows())
    if formula_cells is None:
        formula_cells = [
            (number, column)
            for number, cells in rows
            for column, cell in enumerate(cells)
            if cell[:1] in _FORMULA_STARTS and looks_like_formula(cell)
        ]
    return Sheet(headers=headers, rows=rows, formulas=formula_cells)
