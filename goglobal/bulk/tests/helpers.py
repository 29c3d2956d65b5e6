"""Files as people send them, built in memory."""

from __future__ import annotations

import codecs
import io

from stdnum.vn import mst


def valid_tax_code(n: int) -> str:
    """The n-th valid 10-digit tax code from 0080000000 (bodies whose check digit would be
    "10" are skipped)."""
    body = 8_000_000 + n * 3
    while len(mst.calc_check_digit(f"{body:09d}")) != 1:
        body += 1
    return f"{body:09d}" + mst.calc_check_digit(f"{body:09d}")


EN_HEADERS = ["Tax code", "Legal name (Vietnamese)", "Province", "Sectors", "Employees"]
VI_HEADERS = ["Mã số thuế", "Tên doanh nghiệp", "Tỉnh/Thành phố", "Lĩnh vực", "Quy mô lao động"]


def enterprise_rows(count: int, start: int = 500) -> list[list[str]]:
    return [
        [valid_tax_code(start + n), f"Công ty Cổ phần Đổi mới {n}", "1", "", "11-50"]
        for n in range(count)
    ]


def csv_bytes(
    rows: list[list[str]],
    headers: list[str] = EN_HEADERS,
    *,
    delimiter: str = ",",
    encoding: str = "utf-8",
) -> bytes:
    import csv

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    text = buffer.getvalue()
    if encoding == "utf-16":  # as Excel's "Unicode text" writes it: BOM, little-endian
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    if encoding == "utf-8-sig":
        return codecs.BOM_UTF8 + text.encode("utf-8")
    return text.encode(encoding)


def xlsx_bytes(rows: list[list], headers: list[str] = VI_HEADERS) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
