"""The events of the seed reports (see ../shared/DOMAIN.md). Idempotent: matched by title, venue
name and session title, written only when something differs.

The reports date the National Forum (8 December 2022), the UK delegation's visit (3 July 2023)
and the meeting with the heads of missions (28 November 2024) to the day, London Tech Week to the
month (June 2023; the week ran 12–16 June) and International Digital Week and the Digital Economy
Forum only to the month or quarter: their days here are placeholders inside that period, said so
in their descriptions."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.db import transaction

from goglobal.core.seed.upsert import Tally, upsert
from goglobal.events.enums import EventKind, EventStatus
from goglobal.events.models import Event, EventSeries, Session, Venue
from goglobal.partners.models import ForeignOrganisation
from goglobal.reference.models import Sector
from goglobal.search.services import search_index_many

MIC = "Bộ Thông tin và Truyền thông"
ICT = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
LONDON = zoneinfo.ZoneInfo("Europe/London")

SERIES = {
    "forum": ("Diễn đàn quốc gia phát triển doanh nghiệp công nghệ số Việt Nam", "National Forum on Developing Vietnamese Digital Technology Enterprises"),
    "delegations": ("Đoàn doanh nghiệp công nghệ số ra nước ngoài hằng tháng", "Monthly delegations of technology enterprises abroad"),
}  # fmt: skip

# (title_vi, title_en, kind, series, starts, ends, public, moderated, sectors, targets,
#  partner organisations, description_vi, venues: (name, country, city, zone, capacity, main))
EVENTS = [
    ("Diễn đàn quốc gia phát triển doanh nghiệp công nghệ số Việt Nam lần thứ IV", "4th National Forum on Developing Vietnamese Digital Technology Enterprises", EventKind.FORUM, "forum",
     dt.datetime(2022, 12, 8, 8, 0, tzinfo=ICT), dt.datetime(2022, 12, 8, 17, 0, tzinfo=ICT), True, False, [], ["SG", "KR"], [],
     "Khoảng 1.000 đại biểu dự trực tiếp tại Việt Nam, kết nối trực tuyến với các điểm cầu quốc tế tại Singapore và Hàn Quốc.",
     [("Hà Nội — điểm cầu chính", "VN", "Hà Nội", "Asia/Ho_Chi_Minh", 1000, True),
      ("Điểm cầu Singapore", "SG", "Singapore", "Asia/Singapore", 100, False),
      ("Điểm cầu Hàn Quốc", "KR", "Seoul", "Asia/Seoul", 100, False)]),
    ("Đoàn doanh nghiệp công nghệ số Việt Nam dự London Tech Week 2023", "Vietnamese technology delegation to London Tech Week 2023", EventKind.OUTBOUND_DELEGATION, "delegations",
     dt.datetime(2023, 6, 12, 9, 0, tzinfo=LONDON), dt.datetime(2023, 6, 16, 17, 0, tzinfo=LONDON), True, True, ["ai", "fintech", "software-it-services"], ["GB"], ["Department for Business and Trade"],
     "Đoàn doanh nghiệp công nghệ số Việt Nam tham dự London Tech Week (tháng 6/2023). Doanh nghiệp nộp hồ sơ; Bộ chấm điểm theo tiêu chí đã công bố và lựa chọn.",
     [("London Tech Week — Olympia London", "GB", "London", "Europe/London", 20, True)]),
    ("Làm việc với đoàn doanh nghiệp công nghệ Vương quốc Anh (Northern Powerhouse)", "Meeting with the UK Northern Powerhouse technology delegation", EventKind.INBOUND_DELEGATION, None,
     dt.datetime(2023, 7, 3, 9, 0, tzinfo=ICT), dt.datetime(2023, 7, 3, 11, 30, tzinfo=ICT), False, False, ["ai", "cyber-security", "fintech", "healthtech", "edtech", "ecommerce-logistics"], ["GB"],
     ["Department for Business and Trade", "Northern Powerhouse technology delegation to Viet Nam (July 2023)", "TPP – The Phoenix Partnership"],
     "Đoàn 11 doanh nghiệp công nghệ của Vương quốc Anh (Bộ Kinh doanh và Thương mại Anh) làm việc với Bộ; theo lời mời, không đăng ký công khai.",
     [("Trụ sở Bộ Thông tin và Truyền thông", "VN", "Hà Nội", "Asia/Ho_Chi_Minh", 40, True)]),
    ("Tuần lễ Số quốc tế Việt Nam 2023", "Vietnam International Digital Week 2023", EventKind.CONFERENCE, None,
     dt.datetime(2023, 10, 10, 8, 0, tzinfo=ICT), dt.datetime(2023, 10, 12, 17, 0, tzinfo=ICT), True, False, ["digital-transformation"], [], [],
     "Tổ chức trong tháng 10/2023 (ngày cụ thể là giả định của dữ liệu mẫu); doanh nghiệp nước ngoài được mời tham gia.",
     [("Trung tâm Hội nghị Quốc gia", "VN", "Hà Nội", "Asia/Ho_Chi_Minh", 800, True)]),
    ("Diễn đàn Kinh tế số Việt Nam 2023", "Vietnam Digital Economy Forum 2023", EventKind.FORUM, None,
     dt.datetime(2023, 9, 14, 8, 0, tzinfo=ICT), dt.datetime(2023, 9, 14, 17, 0, tzinfo=ICT), True, False, ["digital-transformation", "big-data"], [], [],
     "Tổ chức trong quý III/2023 (ngày cụ thể là giả định của dữ liệu mẫu).",
     [("Hà Nội", "VN", "Hà Nội", "Asia/Ho_Chi_Minh", 500, True)]),
    ("Gặp mặt Trưởng Cơ quan đại diện Việt Nam ở nước ngoài nhiệm kỳ 2024–2027", "Meeting with the newly appointed heads of Vietnam's missions abroad", EventKind.CONFERENCE, None,
     dt.datetime(2024, 11, 28, 14, 0, tzinfo=ICT), dt.datetime(2024, 11, 28, 17, 0, tzinfo=ICT), False, False, [], [], [],
     "26 Trưởng Cơ quan đại diện mới được bổ nhiệm (20 đại sứ, 6 tổng lãnh sự) đại diện Việt Nam tại 46 quốc gia và 1 tổ chức quốc tế; theo lời mời.",
     [("Trụ sở Bộ Thông tin và Truyền thông", "VN", "Hà Nội", "Asia/Ho_Chi_Minh", 60, True)]),
]  # fmt: skip


@transaction.atomic
def load_seed_events(tally: Tally | None = None) -> Tally:
    tally = tally or Tally()
    series = {
        key: upsert(EventSeries, keys={"name_vi": vi}, values={"name_en": en}, tally=tally)
        for key, (vi, en) in SERIES.items()
    }
    sectors = dict(Sector.objects.values_list("code", "id"))
    partners = dict(ForeignOrganisation.objects.values_list("name", "id"))
    loaded = []
    for (title_vi, title_en, kind, series_key, starts, ends, public, moderated, sector_codes,
         targets, partner_names, description, venues) in EVENTS:  # fmt: skip
        event = upsert(
            Event,
            keys={"title_vi": title_vi},
            values={
                "title_en": title_en,
                "kind": kind,
                "series_id": series[series_key].pk if series_key else None,
                "organiser": MIC,
                "starts_at": starts,
                "ends_at": ends,
                "is_public": public,
                "moderated": moderated,
                "status": EventStatus.PUBLISHED,
                "languages": ["vi", "en"],
                "description_vi": description,
            },
            m2m={
                "sectors": [sectors[code] for code in sector_codes if code in sectors],
                "target_countries": targets,
                "partner_organisations": [partners[n] for n in partner_names if n in partners],
            },
            tally=tally,
        )
        loaded.append(event.pk)
        for name, country, city, zone, capacity, main in venues:
            venue = upsert(
                Venue,
                keys={"event_id": event.pk, "name": name},
                values={
                    "country_id": country,
                    "city": city,
                    "time_zone": zone,
                    "capacity": capacity,
                    "is_main": main,
                },
                tally=tally,
            )
            # A live-linked forum opens at the same instant at every bridge point.
            upsert(
                Session,
                keys={"venue_id": venue.pk, "title_vi": "Phiên khai mạc"},
                values={
                    "title_en": "Opening session",
                    "starts_at": starts,
                    "ends_at": min(ends, starts + dt.timedelta(hours=3)),
                },
                tally=tally,
            )
    # The loader writes rows directly (not through the services): index what it wrote.
    search_index_many(kind="event", ids=loaded)
    return tally
