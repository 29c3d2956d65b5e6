"""`goglobal bench import`: a generated enterprises CSV checked and committed by the import's
bulk path, beside two baselines measured in the same run — reading the CSV alone (the floor) and
one `enterprise_create` call per row (the service path), timed on a slice and scaled."""

from __future__ import annotations

import csv
import io
import random
import time

from django.db import transaction
from stdnum.vn import mst

from goglobal.accounts.models import Role, User
from goglobal.bulk.services import import_file
from goglobal.core.bench.registry import Figure
from goglobal.enterprises import services
from goglobal.enterprises.enums import EmployeeBand
from goglobal.enterprises.models import Enterprise
from goglobal.reference.models import Province, Sector
from goglobal.search.models import SearchEntry
from goglobal.search.services import search_entries_raw_delete

# Bench enterprises' tax codes start with this (no province issues 09x codes), so a rerun can
# remove the previous run's rows and nothing else.
PREFIX = "09"
HEADERS = [
    "Mã số thuế",
    "Tên doanh nghiệp",
    "Tên tiếng Anh",
    "Tỉnh/Thành phố",
    "Năm thành lập",
    "Quy mô lao động",
    "Tỷ lệ sở hữu Việt Nam",
    "Lĩnh vực",
    "Trang web",
]
WORDS = ["Công nghệ", "Phần mềm", "Giải pháp Số", "Viễn thông", "Dữ liệu", "Trí tuệ Nhân tạo"]


def tax_codes(count: int) -> list[str]:
    codes = []
    body = int(PREFIX + "0000001")
    while len(codes) < count:
        check = mst.calc_check_digit(f"{body:09d}")
        if len(check) == 1:
            codes.append(f"{body:09d}{check}")
        body += 1
    return codes


def make_csv(rows: int, seed: int) -> bytes:
    rng = random.Random(seed)
    provinces = list(Province.objects.order_by("code").values_list("code", flat=True))
    sectors = list(
        Sector.objects.filter(disabled_on__isnull=True)
        .order_by("code")
        .values_list("code", flat=True)
    )
    bands = list(EmployeeBand.values)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for n, code in enumerate(tax_codes(rows)):
        word = rng.choice(WORDS)
        writer.writerow(
            [
                code,
                f"Công ty Cổ phần {word} {n}",
                f"{word} JSC {n}",
                rng.choice(provinces),
                rng.randint(1990, 2024),
                rng.choice(bands),
                rng.choice(["", "51", "100", "75,5"]),
                "; ".join(rng.sample(sectors, k=rng.randint(1, 2))),
                f"https://dn{n}.example.vn",
            ]
        )
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def clear_previous() -> int:
    """Removes an earlier run's rows without the ORM's per-row cascade and delete history (the
    bench's enterprises have only sector links, history and their search entries)."""
    ours = Enterprise.objects.filter(tax_code__startswith=PREFIX)
    history = Enterprise.history.filter(tax_code__startswith=PREFIX)
    m2m_history = Enterprise._history_records.m2m_models[Enterprise._meta.get_field("sectors")]
    with transaction.atomic():
        # Left behind, each run's entries would pile up under ids no enterprise has.
        search_entries_raw_delete(
            SearchEntry.objects.filter(kind="enterprise", object_id__in=ours.values("id"))
        )
        links = Enterprise.sectors.through.objects.filter(enterprise_id__in=ours.values("id"))
        links._raw_delete(links.db)
        old = m2m_history.objects.filter(history_id__in=history.values("history_id"))
        old._raw_delete(old.db)
        history._raw_delete(history.db)
        return ours._raw_delete(ours.db)


def bench_user() -> User:
    user, _ = User.objects.get_or_create(
        username="bench-import", defaults={"role": Role.PROGRAMME_OFFICER, "full_name": "Bench"}
    )
    return user


def _service_path(data: bytes, rows: int, user: User) -> float:
    """One enterprise_create per row for `rows` rows, rolled back."""
    reader = csv.reader(io.StringIO(data.decode("utf-8-sig")))
    next(reader)
    started = time.perf_counter()
    with transaction.atomic():
        for index, row in enumerate(reader):
            if index >= rows:
                break
            services.enterprise_create(
                actor=user,
                data={
                    "tax_code": row[0],
                    "name_vi": row[1],
                    "name_en": row[2],
                    "province": int(row[3]),
                    "founded_year": int(row[4]),
                    "employee_band": row[5],
                    "sectors": [code.strip() for code in row[7].split(";")],
                    "website": row[8],
                },
            )
        transaction.set_rollback(True)
    return time.perf_counter() - started


def run(*, rows: int, seed: int, slice_rows: int, note) -> tuple[list[Figure], dict]:
    user = bench_user()
    removed = clear_previous()
    if removed:
        note(f"Removed {removed:,} rows of an earlier bench run.")
    data = make_csv(rows, seed)
    note(f"CSV of {rows:,} rows: {len(data) / 2**20:.1f} MB.")

    started = time.perf_counter()
    parsed = sum(1 for _row in csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    parse_only = time.perf_counter() - started
    assert parsed == rows + 1

    sample = min(slice_rows, rows)
    service = _service_path(data, sample, user) * rows / sample

    started = time.perf_counter()
    dry = import_file(actor=user, kind="enterprises", data=data, dry_run=True)
    dry_seconds = time.perf_counter() - started
    if not dry.ok:
        raise RuntimeError(f"The generated file was refused: {dry.as_dict()['rows'][:3]}")

    started = time.perf_counter()
    report = import_file(actor=user, kind="enterprises", data=data, dry_run=False)
    seconds = time.perf_counter() - started
    if not report.committed:
        raise RuntimeError("The import did not commit.")
    stored = Enterprise.objects.filter(tax_code__startswith=PREFIX).count()
    history = Enterprise.history.filter(tax_code__startswith=PREFIX).count()
    figures = [
        Figure("import.enterprises.commit", seconds, service, unit="s"),
        Figure("import.enterprises.commit_vs_parse_only", seconds, parse_only, unit="s"),
        Figure("import.enterprises.dry_run", dry_seconds, parse_only, unit="s"),
    ]
    facts = {
        "rows": rows,
        "stored": stored,
        "history_records": history,
        "service_slice_rows": sample,
        "service_scaled_s": service,
    }
    return figures, facts
