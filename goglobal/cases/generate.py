"""Synthetic support cases for the generated enterprises (`goglobal bench cases`): each case
with a plausible life — submitted over the last three years, acknowledged, triaged, worked,
sometimes waiting, resolved, reopened, closed, declined or left dormant — cut off at "now", so
recent cases are still open. Cases, their transitions and breach notices are written as rows
with one executemany per chunk; the metrics' milestones are computed here the way
`milestones.stamp_move` stamps them, so the stored columns match the transition log.

The metrics' roll-up is rebuilt after the rows are written (and after clearing).

Deterministic for a seed. Generated cases are those of generated enterprises: clearing them
(before the enterprises are cleared or the cases generated again) goes by that id range."""

from __future__ import annotations

import datetime as dt
import random
import time
from dataclasses import dataclass
from types import SimpleNamespace

from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from goglobal.cases.enums import CaseStatus as S
from goglobal.cases.milestones import milestones_from
from goglobal.cases.models import Case, CaseTransition, SlaNotice
from goglobal.cases.rollup import rollup_rebuild
from goglobal.core.generate import vocabulary as v
from goglobal.core.generate.clear import raw_delete, release_references
from goglobal.core.generate.people import Pick

CHUNK = 10_000
YEARS_BACK = 3
CATEGORIES = Pick(
    [
        ("visas_mobility", 22),
        ("licensing_market_access", 16),
        ("tax", 12),
        ("payments_fx", 10),
        ("data_cyber", 12),
        ("intellectual_property", 7),
        ("disputes_legal", 8),
        ("procurement", 8),
        ("other", 5),
    ]
)
TITLES = {
    "visas_mobility": ["Thị thực công tác cho kỹ sư bị chậm", "Giấy phép lao động bị từ chối"],
    "licensing_market_access": ["Chưa được cấp phép cung cấp dịch vụ", "Yêu cầu chứng nhận mới"],
    "tax": ["Khấu trừ thuế hai lần", "Hoàn thuế giá trị gia tăng bị chậm"],
    "payments_fx": ["Chuyển tiền thanh toán hợp đồng bị giữ", "Hạn chế mua ngoại tệ"],
    "data_cyber": ["Yêu cầu lưu trữ dữ liệu trong nước", "Đánh giá tác động dữ liệu cá nhân"],
    "intellectual_property": ["Nhãn hiệu bị đăng ký trước", "Phần mềm bị sao chép"],
    "disputes_legal": ["Đối tác chậm thanh toán", "Tranh chấp hợp đồng dịch vụ"],
    "procurement": ["Bị loại khỏi gói thầu", "Yêu cầu pháp nhân địa phương khi dự thầu"],
    "other": ["Khó khăn khi mở văn phòng đại diện", "Thiếu thông tin thị trường"],
}
COUNTRIES = Pick(v.COUNTRY_WEIGHTS)
IMPACTS = Pick([("under_10k", 30), ("10k_100k", 40), ("100k_1m", 22), ("over_1m", 8)])
URGENCIES = Pick([("low", 25), ("medium", 45), ("high", 23), ("critical", 7)])
PRIORITIES = Pick([("P1", 5), ("P2", 20), ("P3", 50), ("P4", 25)])
OUTCOMES = Pick([(S.RESOLVED_FULL, 60), (S.RESOLVED_PART, 25), (S.NOT_RESOLVABLE, 15)])
WAITING_ON = Pick([("enterprise", 45), ("foreign_authority", 40), ("other_agency", 15)])
DRAFT_SHARE, DECLINED_SHARE, REDIRECTED_SHARE = 0.03, 0.05, 0.03
WAITING_SHARE, REOPEN_SHARE, DORMANT_SHARE, BREACH_SHARE = 0.4, 0.06, 0.03, 0.15
DAY = dt.timedelta(days=1)
DATETIMES = (
    "status_changed_at",
    "submitted_at",
    "created_at",
    "updated_at",
    "acknowledged_at",
    "assigned_at",
    "resolved_at",
)


@dataclass
class CasesResult:
    cases: int
    transitions: int
    notices: int
    seconds: float


def _path(rng: random.Random, submitted: dt.datetime) -> list[tuple[str, str, dt.datetime]]:
    """The case's whole life from submission, not yet cut at now."""
    moves = [(S.DRAFT, S.SUBMITTED, submitted)]
    at = submitted + DAY * rng.lognormvariate(0, 0.9)
    moves.append((S.SUBMITTED, S.TRIAGE, at))
    roll = rng.random()
    if roll < DECLINED_SHARE + REDIRECTED_SHARE:
        done = S.DECLINED if roll < DECLINED_SHARE else S.REDIRECTED
        moves.append((S.TRIAGE, done, at + DAY * rng.uniform(0.5, 5)))
        return moves
    at += DAY * rng.lognormvariate(1, 0.8)
    moves.append((S.TRIAGE, S.ASSIGNED, at))
    at += DAY * rng.uniform(0.05, 2)
    moves.append((S.ASSIGNED, S.IN_PROGRESS, at))
    if rng.random() < DORMANT_SHARE:
        moves.append((S.IN_PROGRESS, S.DORMANT, at + DAY * rng.uniform(60, 120)))
        return moves
    if rng.random() < WAITING_SHARE:
        at += DAY * rng.lognormvariate(1.5, 0.8)
        moves.append((S.IN_PROGRESS, S.WAITING, at))
        at += DAY * rng.lognormvariate(2, 0.7)
        moves.append((S.WAITING, S.IN_PROGRESS, at))
    at += DAY * rng.lognormvariate(2.8, 0.8)
    outcome = OUTCOMES(rng)
    moves.append((S.IN_PROGRESS, outcome, at))
    if rng.random() < REOPEN_SHARE:
        at += DAY * rng.uniform(1, 10)
        moves.append((outcome, S.IN_PROGRESS, at))
        at += DAY * rng.lognormvariate(2.3, 0.7)
        outcome = OUTCOMES(rng)
        moves.append((S.IN_PROGRESS, outcome, at))
    moves.append((outcome, S.CLOSED, at + DAY * rng.uniform(1, 14)))
    return moves


class _Writer:
    """Rows of one table with one executemany per chunk. Unlike core's TableWriter it takes
    values already in the driver's form: a case's life has a dozen timestamps, and Django's
    per-value conversion of 2.5 million of them would take most of a minute."""

    def __init__(self, model) -> None:
        self.model = model
        self.sql = ""

    def insert(self, rows: list[dict]) -> int:
        if not rows:
            return 0
        if not self.sql:
            quote = connection.ops.quote_name
            columns = [self.model._meta.get_field(name).column for name in rows[0]]
            names = ", ".join(quote(column) for column in columns)
            marks = ", ".join(["%s"] * len(columns))
            table = quote(self.model._meta.db_table)
            # Only quoted identifiers from the model's metadata; values go as parameters.
            self.sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.executemany(self.sql, [tuple(row.values()) for row in rows])
        return len(rows)


def _driver_values() -> tuple:
    """How a datetime and a date go to the driver: SQLite stores Django's text form of UTC,
    PostgreSQL takes the objects."""
    if connection.vendor == "sqlite":
        return (lambda moment: str(moment.astimezone(dt.UTC).replace(tzinfo=None)), str)
    return (lambda moment: moment, lambda day: day)


class CaseMaker:
    def __init__(
        self, *, seed: int, enterprise_ids: tuple[int, int], now: dt.datetime, orm: bool = False
    ):
        """`orm`: rows of Python values for Django (the bench's bulk_create baseline)."""
        self.rng = random.Random(seed)
        self.low, self.high = enterprise_ids
        self.now = now
        self.case_writer = _Writer(Case)
        self.move_writer = _Writer(CaseTransition)
        self.notice_writer = _Writer(SlaNotice)
        self.moment, self.day = (lambda x: x, lambda x: x) if orm else _driver_values()

    def _case(self, pk: int, rows: dict) -> None:
        rng, now = self.rng, self.now
        category = CATEGORIES(rng)
        # Intake grows: more cases recently than three years ago.
        age = dt.timedelta(days=YEARS_BACK * 365) * (1 - rng.random() ** 0.7)
        created = now - age
        moves = [] if rng.random() < DRAFT_SHARE else _path(rng, created + DAY * rng.random())
        moves = [move for move in moves if move[2] <= now]
        status = moves[-1][1] if moves else S.DRAFT
        submitted = moves[0][2] if moves else None
        assigned = any(to == S.ASSIGNED for _f, to, _a in moves)
        breached = bool(moves) and rng.random() < BREACH_SHARE
        row = {
            "id": pk,
            "enterprise_id": rng.randint(self.low, self.high),
            "title": rng.choice(TITLES[category]),
            "country_id": COUNTRIES(rng),
            "region": "",
            "category": category,
            "sub_category": "",
            "description": "Doanh nghiệp gặp vướng mắc khi triển khai dự án ở nước ngoài.",
            "first_met_on": (created - DAY * rng.uniform(0, 60)).date(),
            "impact_band": IMPACTS(rng),
            "urgency": URGENCIES(rng),
            "share_with_mission": rng.random() < 0.7,
            "publish_summary": rng.random() < 0.3,
            "is_systemic": rng.random() < 0.08,
            "priority": PRIORITIES(rng) if assigned else "",
            "advisory_group": False,
            "status": status,
            "waiting_on": WAITING_ON(rng) if status == S.WAITING else "",
            "version": len(moves),
            "status_changed_at": moves[-1][2] if moves else created,
            "submitted_at": submitted,
            "created_at": created,
            "updated_at": moves[-1][2] if moves else created,
            "sla_breached": breached,
            "rating_comment": "",
        }
        row.update(milestones_from(SimpleNamespace(submitted_at=submitted), moves))
        for key in DATETIMES:
            if row[key] is not None:
                row[key] = self.moment(row[key])
        for key in ("first_met_on", "submitted_month"):
            if row[key] is not None:
                row[key] = self.day(row[key])
        rows["cases"].append(row)
        rows["moves"] += [
            {
                "case_id": pk,
                "from_status": frm,
                "to_status": to,
                "waiting_on": row["waiting_on"] if to == S.WAITING else "",
                "reason": "",
                "at": self.moment(at),
            }
            for frm, to, at in moves
        ]
        if breached:
            rows["notices"].append(
                {
                    "case_id": pk,
                    "clock": "resolve",
                    "level": "breach",
                    "created_at": self.moment(moves[-1][2]),
                }
            )

    def write(self, count: int, first_id: int) -> tuple[int, int]:
        made = moves = notices = 0
        while made < count:
            rows: dict[str, list] = {"cases": [], "moves": [], "notices": []}
            for offset in range(min(CHUNK, count - made)):
                self._case(first_id + made + offset, rows)
            self.case_writer.insert(rows["cases"])
            moves += self.move_writer.insert(rows["moves"])
            notices += self.notice_writer.insert(rows["notices"])
            made += len(rows["cases"])
        return moves, notices


def clear_generated_cases(enterprise_ids: tuple[int, int], *, rebuild: bool = True) -> int:
    """Deletes the cases of the generated enterprises, with what hangs off them, and rebuilds
    the metrics' roll-up (unless `rebuild` is False: the caller does it)."""
    low, high = enterprise_ids
    cases = Case.objects.filter(enterprise_id__gte=low, enterprise_id__lte=high)
    ids = cases.values("pk")
    raw_delete(CaseTransition.objects.filter(case_id__in=ids))
    raw_delete(SlaNotice.objects.filter(case_id__in=ids))
    # Anything else that points at them (notifications, summaries, contributors) keeps its
    # on_delete; the bulky rows go with plain DELETEs.
    release_references(Case, ids, {CaseTransition, SlaNotice})
    deleted = raw_delete(cases)
    if rebuild:
        rollup_rebuild()
    return deleted


def generate_cases(*, cases: int, seed: int, enterprise_ids: tuple[int, int]) -> CasesResult:
    """Replaces the generated enterprises' cases with `cases` new ones."""
    started = time.perf_counter()
    with transaction.atomic():
        clear_generated_cases(enterprise_ids, rebuild=False)
        first_id = (Case.objects.aggregate(top=Max("id"))["top"] or 0) + 1
        maker = CaseMaker(seed=seed, enterprise_ids=enterprise_ids, now=timezone.now())
        moves, notices = maker.write(cases, first_id)
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [Case]):
                cursor.execute(sql)
        rollup_rebuild()
    return CasesResult(cases, moves, notices, time.perf_counter() - started)
