"""The words and weights of the generated events: places, fairs, topics, how many a month."""

import datetime as dt

from goglobal.core.generate.people import Pick
from goglobal.events.enums import EventKind

YEARS = range(2023, 2028)
HOME = [
    ("VN", "Hà Nội", "Asia/Ho_Chi_Minh", "Trung tâm Hội nghị Quốc gia"),
    ("VN", "Thành phố Hồ Chí Minh", "Asia/Ho_Chi_Minh", "Trung tâm Hội chợ và Triển lãm Sài Gòn"),
    ("VN", "Đà Nẵng", "Asia/Ho_Chi_Minh", "Trung tâm Hội nghị Ariyana"),
]
ABROAD = {
    "SG": ("Singapore", "Asia/Singapore"),
    "KR": ("Seoul", "Asia/Seoul"),
    "JP": ("Tokyo", "Asia/Tokyo"),
    "GB": ("London", "Europe/London"),
    "US": ("San Francisco", "America/Los_Angeles"),
    "DE": ("Berlin", "Europe/Berlin"),
    "FR": ("Paris", "Europe/Paris"),
    "AU": ("Sydney", "Australia/Sydney"),
    "AE": ("Dubai", "Asia/Dubai"),
    "IN": ("Bengaluru", "Asia/Kolkata"),
    "MY": ("Kuala Lumpur", "Asia/Kuala_Lumpur"),
    "TH": ("Bangkok", "Asia/Bangkok"),
    "ID": ("Jakarta", "Asia/Jakarta"),
    "CA": ("Toronto", "America/Toronto"),
    "NL": ("Amsterdam", "Europe/Amsterdam"),
}
DESTINATIONS = Pick(
    [("JP", 20), ("KR", 12), ("SG", 12), ("US", 10), ("GB", 8), ("DE", 7), ("AU", 6), ("FR", 4),
     ("AE", 4), ("IN", 4), ("MY", 3), ("TH", 3), ("ID", 3), ("CA", 2), ("NL", 2)]
)  # fmt: skip
FAIRS = [
    ("GITEX Global", "AE", 10),
    ("Japan IT Week", "JP", 4),
    ("Smart City Expo World Congress", "FR", 11),
    ("Web Summit", "NL", 11),
    ("CES", "US", 1),
    ("Seamless Asia", "SG", 5),
    ("Computex", "MY", 6),
    ("Korea IT Show", "KR", 5),
]
TOPICS = [
    ("trí tuệ nhân tạo", "artificial intelligence"),
    ("chuyển đổi số doanh nghiệp", "enterprise digital transformation"),
    ("an toàn thông tin mạng", "cyber security"),
    ("bán dẫn", "semiconductors"),
    ("thương mại điện tử xuyên biên giới", "cross-border e-commerce"),
    ("dịch vụ phần mềm", "software services"),
    ("thành phố thông minh", "smart cities"),
    ("công nghệ tài chính", "fintech"),
    ("dữ liệu lớn và điện toán đám mây", "big data and cloud"),
]
# How many events a month: the ministry promises one, and a few months fall short.
PER_MONTH = Pick([(0, 6), (1, 34), (2, 42), (3, 18)])
KINDS = Pick(
    [(EventKind.OUTBOUND_DELEGATION, 26), (EventKind.SEMINAR, 24), (EventKind.CONFERENCE, 16),
     (EventKind.FAIR_BOOTH, 14), (EventKind.INBOUND_DELEGATION, 12), (EventKind.FORUM, 8)]
)  # fmt: skip
SESSIONS = [
    ("Khai mạc", "Opening"),
    ("Phiên toàn thể", "Plenary session"),
    ("Kết nối doanh nghiệp (B2B)", "Business matchmaking (B2B)"),
    ("Tọa đàm chuyên đề", "Panel discussion"),
    ("Bế mạc", "Closing"),
]
REASONS = [
    "Chưa đáp ứng tiêu chí sẵn sàng xuất khẩu.",
    "Sản phẩm chưa phù hợp thị trường mục tiêu.",
    "Đoàn đã đủ số lượng; ưu tiên doanh nghiệp chưa từng tham gia.",
]
INTERESTS = [
    "Giải pháp chuyển đổi số cho doanh nghiệp vừa và nhỏ",
    "Hợp tác phát triển phần mềm (outsourcing)",
    "Nền tảng thành phố thông minh",
    "Dịch vụ an toàn thông tin",
    "Ứng dụng AI trong sản xuất",
    "Phân phối sản phẩm tại thị trường sở tại",
]
UTC = dt.UTC


def forum_titles(number: int) -> tuple[str, str]:
    return (
        f"Diễn đàn quốc gia phát triển doanh nghiệp công nghệ số Việt Nam lần thứ {number}",
        f"National Forum on Developing Vietnamese Digital Technology Enterprises no. {number}",
    )


def event_titles(kind: str, day: dt.date, topic: tuple, fair: str, country: tuple) -> tuple:
    """Vietnamese and English titles of a generated event."""
    (topic_vi, topic_en), (country_vi, country_en) = topic, country
    return {
        EventKind.FORUM: (f"Diễn đàn {topic_vi} {day.year}", f"Forum on {topic_en} {day.year}"),
        EventKind.CONFERENCE: (
            f"Hội nghị xúc tiến {topic_vi} tháng {day.month}/{day.year}",
            f"Conference on {topic_en}, {day:%B %Y}",
        ),
        EventKind.SEMINAR: (
            f"Hội thảo trực tuyến: thị trường {country_vi} cho {topic_vi}",
            f"Webinar: the {country_en} market for {topic_en}",
        ),
        EventKind.OUTBOUND_DELEGATION: (
            f"Đoàn doanh nghiệp công nghệ số Việt Nam tại {country_vi} ({day.month}/{day.year})",
            f"Vietnamese technology delegation to {country_en} ({day:%B %Y})",
        ),
        EventKind.INBOUND_DELEGATION: (
            f"Làm việc với đoàn doanh nghiệp {country_vi} về {topic_vi}",
            f"Meeting the {country_en} business delegation on {topic_en}",
        ),
        EventKind.FAIR_BOOTH: (
            f"Gian hàng công nghệ số Việt Nam tại {fair} {day.year}",
            f"Vietnam digital technology booth at {fair} {day.year}",
        ),
    }[kind]
