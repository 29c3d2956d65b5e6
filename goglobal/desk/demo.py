"""Demo agreements, market notes, business opportunities and content orders for `goglobal
demo`, written through the real services (moves logged, opportunities matched and notified).
Runs once: a database that has agreements is left alone.

Seeds 002 and 004 say the ministry is upgrading MoUs to digital partnership agreements, signed
at ministry level and to be raised to national level, "with some countries" — they do not say
which. The partners below are the countries the seeds name (China and Micronesia from the
accreditation example, Japan, Korea and Singapore as IT markets and bridge points, the United
Kingdom from seed 003); the records are illustrative and say so in their summary."""

from __future__ import annotations

import datetime as dt
import io

from django.db import transaction
from django.utils import timezone

from goglobal.accounts.models import User
from goglobal.agreements import services as agreements
from goglobal.agreements.models import Agreement
from goglobal.desk.models import ContentOrder
from goglobal.desk.services import notes, opportunities, orders
from goglobal.files.services import attachment_add
from goglobal.missions.models import Mission

ILLUSTRATIVE = "Bản ghi minh họa cho bản demo (các bản tin nguồn không nêu tên đối tác cụ thể)."
MINISTRY = "Bộ Khoa học và Công nghệ Việt Nam"
UK_AREAS = [
    "chuyển đổi số",
    "khoa học sự sống và y tế",
    "thành phố thông minh",
    "giáo dục",
    "dịch vụ tài chính",
    "chính phủ số",
]
DIGITAL_AREAS = ["chuyển đổi số", "trí tuệ nhân tạo", "an toàn thông tin mạng", "bán dẫn"]

# (partner, kind, title, partner party, proposed, [(status, date), …], areas, place)
AGREEMENTS = [  # fmt: skip
    ("JP", "mou", "Biên bản ghi nhớ hợp tác về công nghệ thông tin và truyền thông Việt Nam – Nhật Bản",
     "Bộ Nội vụ và Truyền thông Nhật Bản", dt.date(2022, 9, 1),
     [("negotiating", dt.date(2022, 11, 1)), ("signed", dt.date(2023, 5, 18)), ("in_force", dt.date(2023, 5, 18))],
     DIGITAL_AREAS, "Tokyo"),
    ("KR", "mou", "Biên bản ghi nhớ hợp tác chuyển đổi số Việt Nam – Hàn Quốc",
     "Bộ Khoa học và CNTT Hàn Quốc", dt.date(2022, 3, 1),
     [("negotiating", dt.date(2022, 5, 1)), ("signed", dt.date(2022, 12, 5)), ("in_force", dt.date(2022, 12, 5))],
     DIGITAL_AREAS, "Seoul"),
    ("SG", "ministry_digital", "Thỏa thuận hợp tác số cấp Bộ Việt Nam – Singapore",
     "Bộ Phát triển số và Thông tin Singapore", dt.date(2024, 10, 1), [], DIGITAL_AREAS, ""),
    ("GB", "mou", "Biên bản ghi nhớ hợp tác công nghệ số Việt Nam – Vương quốc Anh",
     "Bộ Kinh doanh và Thương mại Vương quốc Anh", dt.date(2023, 7, 3),
     [("negotiating", dt.date(2023, 9, 1))], UK_AREAS, ""),
    ("CN", "mou", "Biên bản ghi nhớ hợp tác kinh tế số Việt Nam – Trung Quốc",
     "Bộ Công nghiệp và Công nghệ thông tin Trung Quốc", dt.date(2021, 6, 1),
     [("negotiating", dt.date(2021, 8, 1)), ("signed", dt.date(2022, 10, 31)), ("in_force", dt.date(2022, 10, 31))],
     DIGITAL_AREAS, "Bắc Kinh"),
]  # fmt: skip

# Partner → (kind, title, proposed, moves): the MoU raised to a digital partnership.
UPGRADES = {
    "JP": ("ministry_digital", "Thỏa thuận đối tác số cấp Bộ Việt Nam – Nhật Bản", dt.date(2024, 12, 10),
           [("negotiating", dt.date(2025, 2, 1))]),
    "KR": ("ministry_digital", "Thỏa thuận đối tác số cấp Bộ Việt Nam – Hàn Quốc", dt.date(2024, 1, 15),
           [("negotiating", dt.date(2024, 3, 1)), ("signed", dt.date(2024, 6, 3)), ("in_force", dt.date(2024, 6, 3))]),
}  # fmt: skip

PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def _agreements(admin: User) -> dict[str, Agreement]:
    made = {}
    for code, kind, title, party, proposed, moves, areas, place in AGREEMENTS:
        agreement = agreements.agreement_create(
            actor=admin,
            data={
                "kind": kind,
                "title_vi": title,
                "partner_country": code,
                "vietnam_party": MINISTRY,
                "partner_party": party,
                "proposed_on": proposed,
                "areas": areas,
                "place": place,
                "summary": ILLUSTRATIVE,
            },
        )
        for status, on in moves:
            agreements.agreement_transition(actor=admin, agreement=agreement, to=status, on=on)
        made[code] = agreement
    for code, (kind, title, proposed, moves) in UPGRADES.items():
        upgraded = agreements.agreement_upgrade(
            actor=admin,
            agreement=made[code],
            data={
                "kind": kind,
                "title_vi": title,
                "proposed_on": proposed,
                "summary": ILLUSTRATIVE,
            },
        )
        for status, on in moves:
            agreements.agreement_transition(actor=admin, agreement=upgraded, to=status, on=on)
    return made


def _desk(officer: User, admin: User, tokyo: Mission) -> None:
    today = timezone.localdate()
    for title, topic, sector, visibility in (
        ("Nhật Bản siết quy định lưu trữ dữ liệu y tế", "regulation", "healthtech", "enterprises"),
        (
            "Nhu cầu kỹ sư phần mềm offshore tăng mạnh",
            "demand",
            "software-it-services",
            "enterprises",
        ),
        ("Đầu mối liên hệ tại các tập đoàn viễn thông", "contacts", "telecoms-5g", "staff"),
    ):
        notes.note_create(
            actor=officer,
            data={
                "mission": tokyo.pk,
                "country": "JP",
                "sector": sector,
                "topic": topic,
                "title": title,
                "body": f"{title}. Cơ quan đại diện tổng hợp từ các buổi làm việc với đối tác sở tại.",
                "visibility": visibility,
            },
        )
    for kind, title, sectors, value, days in (
        ("tender", "Gói thầu hệ thống quản lý bệnh viện tại Osaka", ["healthtech", "software-it-services"], 1_800_000, 45),
        ("buyer_request", "Tập đoàn bán lẻ tìm đối tác phát triển ứng dụng thương mại điện tử", ["ecommerce-logistics"], 350_000, 30),
        ("investment", "Quỹ đầu tư tìm startup AI Việt Nam", ["ai"], None, 60),
        ("partnership", "Hợp tác đào tạo kỹ sư bán dẫn", ["semiconductors"], None, 90),
    ):  # fmt: skip
        opportunities.opportunity_create(
            actor=officer,
            data={
                "mission": tokyo.pk,
                "kind": kind,
                "title": title,
                "description": f"{title}. Doanh nghiệp quan tâm vui lòng bày tỏ quan tâm trên hệ thống.",
                "country": "JP",
                "sectors": sectors,
                "value": value,
                "currency": "USD" if value else "",
                "deadline": today + dt.timedelta(days=days),
                "contact_name": "Phòng Kinh tế, Đại sứ quán",
                "contact_email": "kinhte@example.vn",
            },
        )

    def order(kind: str, title: str, languages: list[str], purpose: str, days: int):
        return orders.order_create(
            actor=officer,
            data={
                "mission": tokyo.pk,
                "kind": kind,
                "title": title,
                "languages": languages,
                "purpose": purpose,
                "deadline": today + dt.timedelta(days=days),
            },
        )

    order("video", "Video giới thiệu doanh nghiệp công nghệ số Việt Nam", ["ja", "en"],
          "Trình chiếu tại Ngày Việt Nam ở Tokyo.", 25)  # fmt: skip
    late = order("brochure", "Tờ gấp Make in Viet Nam bằng tiếng Nhật", ["ja"],
                 "Phát tại hội chợ IT Week.", 1)  # fmt: skip
    for to in ("accepted", "in_production"):
        orders.order_transition(actor=admin, order=late, to=to)
    # Ordered earlier: its date has passed while still in production, so it shows as overdue.
    ContentOrder.objects.filter(pk=late.pk).update(deadline=today - dt.timedelta(days=3))
    done = order("photo_set", "Bộ ảnh Diễn đàn quốc gia phát triển doanh nghiệp công nghệ số",
                 ["vi", "en"], "Triển lãm ảnh tại Đại sứ quán.", 10)  # fmt: skip
    for to in ("accepted", "in_production"):
        orders.order_transition(actor=admin, order=done, to=to)
    attachment_add(
        actor=admin, parent=done, stream=io.BytesIO(PDF), size=len(PDF), name="bo-anh.pdf"
    )
    orders.order_transition(actor=admin, order=done, to="delivered")


@transaction.atomic
def load_demo_desk() -> int:
    if Agreement.objects.exists():
        return 0
    admin = User.objects.filter(username="admin").first()
    officer = User.objects.filter(username="mission").first()
    tokyo = Mission.objects.filter(memberships__user=officer).first() if officer else None
    if admin is None or officer is None or tokyo is None:
        return 0
    made = _agreements(admin)
    _desk(officer, admin, tokyo)
    return len(made)
