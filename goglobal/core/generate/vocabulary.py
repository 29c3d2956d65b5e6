"""Word lists and weights for the synthetic population. Shares follow the programme's own
figures (DOMAIN.md): most enterprises are small and sit in Hà Nội or Hồ Chí Minh City; a few
percent work abroad, mostly in Japan, the US, Korea, Singapore, Europe and Australia."""

from __future__ import annotations

from faker.providers.person.vi_VN import Provider as VietnamesePeople

# (value, weight) lists are turned into cumulative weights once by the generator.

# Family names with their approximate shares of the population. Faker's vi_VN list holds the
# ten most common; the rest complete the distribution (Phan, Võ, Huỳnh, Đỗ, Hồ, Ngô, ...).
FAMILY_NAMES = [
    ("Nguyễn", 38.4),
    ("Trần", 11.0),
    ("Lê", 9.5),
    ("Phạm", 7.1),
    ("Hoàng", 5.1),
    ("Huỳnh", 2.0),
    ("Phan", 4.5),
    ("Vũ", 3.9),
    ("Võ", 2.0),
    ("Đặng", 2.1),
    ("Bùi", 2.0),
    ("Đỗ", 1.4),
    ("Hồ", 1.3),
    ("Ngô", 1.3),
    ("Dương", 1.0),
    ("Mai", 0.6),
    ("Lý", 0.5),
    ("Đinh", 0.5),
    ("Trịnh", 0.4),
]
assert {name for name in VietnamesePeople.last_names} <= {name for name, _ in FAMILY_NAMES}

MIDDLE_MALE = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Thế", "Tấn", "Xuân", "Hoàng", "Công", "Duy"]
MIDDLE_FEMALE = ["Thị", "Ngọc", "Thu", "Thanh", "Mai", "Minh", "Hồng", "Phương", "Kim", "Thùy"]
GIVEN_MALE = sorted(
    set(VietnamesePeople.first_names_male) | set(VietnamesePeople.first_names_unisex)
)
GIVEN_FEMALE = sorted(
    set(VietnamesePeople.first_names_female) | set(VietnamesePeople.first_names_unisex)
)

# Syllables of Vietnamese company brands ("Minh Phát", "Sao Việt") and of the Latin ones that
# software houses favour ("VietSoft", "LotusTech").
BRAND_SYLLABLES = [
    "An", "Anh", "Bách", "Bảo", "Bình", "Cát", "Chí", "Đại", "Đạt", "Đông", "Đức", "Gia", "Hà",
    "Hải", "Hòa", "Hoàng", "Hồng", "Hùng", "Hưng", "Khang", "Khánh", "Khoa", "Kim", "Lạc", "Lâm",
    "Linh", "Long", "Lộc", "Minh", "Nam", "Nghĩa", "Ngọc", "Nhân", "Nhật", "Phát", "Phong", "Phú",
    "Phúc", "Phương", "Quang", "Quốc", "Sao", "Sơn", "Tài", "Tâm", "Tân", "Thái", "Thành",
    "Thiên", "Thịnh", "Thuận", "Tiến", "Toàn", "Trí", "Trung", "Trường", "Tuệ", "Tùng", "Uy",
    "Vạn", "Việt", "Vinh", "Xuân",
]  # fmt: skip
LATIN_PREFIXES = [
    "Viet", "Vina", "Sai", "Hano", "Mekong", "Lotus", "Lac", "Indo", "Sen", "Tre", "Rong", "Nex",
    "Bee", "Fox", "Blue", "Green", "Smart", "Hi", "Tek", "Neo", "Sky", "Star", "Sun", "Ocean",
    "Bamboo", "Dragon", "Phoenix", "Delta", "Alpha",
]  # fmt: skip
LATIN_SUFFIXES = [
    "Soft", "Tech", "Sys", "Data", "Net", "Logic", "Labs", "Ware", "Works", "Hub", "Cloud",
    "Mind", "Link", "Pay", "Edu", "Care", "Bit", "Gate", "Code", "AI",
]  # fmt: skip

LEGAL_FORMS = [
    # (Vietnamese prefix, English suffix, short English suffix for the abbreviated name, weight)
    ("Công ty TNHH", "Company Limited", "CO., LTD", 50),
    ("Công ty Cổ phần", "Joint Stock Company", "JSC", 40),
    ("Công ty TNHH Một thành viên", "One Member Company Limited", "CO., LTD", 10),
]

# What the company does, as its name says it: (vi, en, short en, sectors, weight). The first
# sector is the main one; enterprises draw 0–2 more from the rest.
ACTIVITIES = [
    ("Giải pháp Phần mềm", "Software Solutions", "SOFT", ["software-it-services", "digital-transformation", "digital-government"], 14),
    ("Công nghệ", "Technology", "TECH", ["software-it-services", "digital-transformation", "cloud-data-centres", "ai"], 14),
    ("Công nghệ Thông tin", "Information Technology", "IT", ["software-it-services", "cloud-data-centres", "digital-transformation"], 10),
    ("Phát triển Phần mềm", "Software Development", "SOFTWARE", ["software-it-services", "ai", "fintech"], 8),
    ("Dịch vụ Công nghệ Số", "Digital Technology Services", "DIGITAL", ["digital-transformation", "software-it-services", "cloud-data-centres"], 6),
    ("Truyền thông Số", "Digital Media", "MEDIA", ["digital-content-games", "ecommerce-logistics"], 4),
    ("Trò chơi Trực tuyến", "Online Games", "GAMES", ["digital-content-games"], 2),
    ("An ninh Mạng", "Cyber Security", "SECURITY", ["cyber-security", "cloud-data-centres", "software-it-services"], 3),
    ("Trí tuệ Nhân tạo", "Artificial Intelligence", "AI", ["ai", "big-data", "software-it-services"], 3),
    ("Dữ liệu và Phân tích", "Data and Analytics", "DATA", ["big-data", "ai", "cloud-data-centres"], 2),
    ("Công nghệ Tài chính", "Financial Technology", "FINTECH", ["fintech", "blockchain", "software-it-services"], 3),
    ("Thanh toán Điện tử", "E-Payment", "PAY", ["fintech", "ecommerce-logistics"], 2),
    ("Thương mại Điện tử", "E-Commerce", "COMMERCE", ["ecommerce-logistics", "digital-content-games"], 5),
    ("Logistics Thông minh", "Smart Logistics", "LOGISTICS", ["ecommerce-logistics", "iot"], 2),
    ("Giáo dục Trực tuyến", "Online Education", "EDU", ["edtech", "digital-content-games"], 3),
    ("Y tế Số", "Digital Health", "HEALTH", ["healthtech", "ai", "software-it-services"], 2),
    ("Viễn thông", "Telecommunications", "TELECOM", ["telecoms-5g", "iot", "cloud-data-centres"], 3),
    ("Điện tử", "Electronics", "ELECTRONICS", ["semiconductors", "iot"], 2),
    ("Vi mạch Bán dẫn", "Semiconductor", "SEMI", ["semiconductors"], 1),
    ("Giải pháp IoT", "IoT Solutions", "IOT", ["iot", "smart-cities"], 2),
    ("Đô thị Thông minh", "Smart City", "SMARTCITY", ["smart-cities", "iot", "digital-government"], 1),
    ("Điện toán Đám mây", "Cloud Computing", "CLOUD", ["cloud-data-centres", "big-data"], 2),
    ("Chuỗi khối", "Blockchain", "CHAIN", ["blockchain", "fintech"], 1),
    ("Nông nghiệp Số", "Digital Agriculture", "AGRI", ["agritech", "iot"], 1),
    ("Giải pháp Chính quyền Số", "E-Government Solutions", "GOV", ["digital-government", "software-it-services"], 1),
]  # fmt: skip

# Products by sector: (vi, en).
PRODUCT_TYPES = {
    "software-it-services": [("Phần mềm quản lý nhân sự", "HR management software"), ("Phần mềm kế toán", "Accounting software"), ("Hệ thống ERP", "ERP system"), ("Nền tảng quản lý bán hàng", "Sales management platform")],
    "ai": [("Nền tảng nhận dạng tiếng nói", "Speech recognition platform"), ("Trợ lý ảo", "Virtual assistant"), ("Hệ thống nhận diện khuôn mặt", "Face recognition system"), ("Nền tảng xử lý ngôn ngữ tự nhiên", "Natural language processing platform")],
    "cyber-security": [("Dịch vụ giám sát an ninh mạng (SOC)", "Security operations centre service"), ("Phần mềm phòng chống mã độc", "Anti-malware software"), ("Tường lửa thế hệ mới", "Next-generation firewall")],
    "fintech": [("Ví điện tử", "E-wallet"), ("Cổng thanh toán", "Payment gateway"), ("Hệ thống ngân hàng lõi", "Core banking system"), ("Giải pháp định danh điện tử eKYC", "eKYC identity verification")],
    "healthtech": [("Hệ thống thông tin bệnh viện (HIS)", "Hospital information system"), ("Nền tảng khám bệnh từ xa", "Telemedicine platform"), ("Bệnh án điện tử", "Electronic medical records")],
    "edtech": [("Hệ thống quản lý học tập (LMS)", "Learning management system"), ("Ứng dụng học tiếng Anh", "English learning app"), ("Nền tảng thi trực tuyến", "Online examination platform")],
    "ecommerce-logistics": [("Sàn thương mại điện tử", "E-commerce marketplace"), ("Phần mềm quản lý kho", "Warehouse management system"), ("Nền tảng giao hàng chặng cuối", "Last-mile delivery platform")],
    "smart-cities": [("Trung tâm điều hành đô thị thông minh (IOC)", "Intelligent operations centre"), ("Hệ thống giao thông thông minh", "Intelligent transport system"), ("Camera giám sát ứng dụng AI", "AI video surveillance")],
    "digital-government": [("Cổng dịch vụ công trực tuyến", "Online public services portal"), ("Hệ thống quản lý văn bản và điều hành", "Document and workflow management system"), ("Dịch vụ chữ ký số", "Digital signature service")],
    "telecoms-5g": [("Thiết bị thu phát vô tuyến 5G", "5G radio unit"), ("Hệ thống tính cước", "Billing system"), ("Tổng đài ảo", "Cloud PBX")],
    "semiconductors": [("Chip vi điều khiển", "Microcontroller chip"), ("Bo mạch điều khiển", "Control board"), ("Mô-đun cảm biến", "Sensor module")],
    "cloud-data-centres": [("Dịch vụ điện toán đám mây", "Cloud computing service"), ("Dịch vụ lưu trữ dữ liệu", "Cloud storage service"), ("Nền tảng máy chủ ảo", "Virtual server platform")],
    "iot": [("Nền tảng IoT", "IoT platform"), ("Thiết bị nhà thông minh", "Smart home devices"), ("Giải pháp quan trắc môi trường", "Environmental monitoring solution")],
    "digital-content-games": [("Trò chơi di động", "Mobile game"), ("Nền tảng phát video", "Video streaming platform"), ("Ứng dụng đọc truyện", "E-reading app")],
    "big-data": [("Nền tảng phân tích dữ liệu", "Data analytics platform"), ("Kho dữ liệu doanh nghiệp", "Enterprise data warehouse")],
    "blockchain": [("Nền tảng truy xuất nguồn gốc blockchain", "Blockchain traceability platform"), ("Nền tảng hợp đồng thông minh", "Smart contract platform")],
    "digital-transformation": [("Nền tảng chuyển đổi số cho doanh nghiệp nhỏ và vừa", "SME digital transformation platform"), ("Hóa đơn điện tử", "E-invoicing"), ("Hệ thống quản lý khách hàng (CRM)", "Customer relationship management system")],
    "agritech": [("Giải pháp nông trại thông minh", "Smart farm solution"), ("Truy xuất nguồn gốc nông sản", "Farm produce traceability")],
}  # fmt: skip

# Headquarters provinces by codename. Everything not listed shares REST_WEIGHT each.
PROVINCE_WEIGHTS = {
    "ha-noi": 40,
    "ho-chi-minh": 36,
    "da-nang": 7,
    "hai-phong": 2.5,
    "can-tho": 1.5,
    "bac-ninh": 1,
    "hue": 1,
    "dong-nai": 0.8,
    "khanh-hoa": 0.8,
    "quang-ninh": 0.6,
    "thai-nguyen": 0.6,
    "nghe-an": 0.6,
}
PROVINCE_REST_WEIGHT = 0.25
# The first two digits of a tax code name the province that issued it (01 Hà Nội, 02 Hải
# Phòng, 03 Hồ Chí Minh City, 04 Đà Nẵng, ...); others get a stable two-digit stand-in.
TAX_PREFIX = {
    "ha-noi": "01",
    "hai-phong": "02",
    "ho-chi-minh": "03",
    "da-nang": "04",
    "can-tho": "18",
}

EMPLOYEE_BANDS = [
    ("1-10", 45),
    ("11-50", 33),
    ("51-200", 14),
    ("201-1000", 6),
    ("1001-5000", 1.6),
    ("5000+", 0.4),
]
# Chance that an enterprise of the band works abroad: overall about 6.5 %.
ABROAD_CHANCE = {
    "1-10": 0.015,
    "11-50": 0.04,
    "51-200": 0.11,
    "201-1000": 0.30,
    "1001-5000": 0.60,
    "5000+": 0.85,
}
# (fewest, most) countries of presence.
COUNTRY_SPREAD = {
    "1-10": (1, 2),
    "11-50": (1, 2),
    "51-200": (1, 3),
    "201-1000": (1, 5),
    "1001-5000": (2, 8),
    "5000+": (3, 12),
}
# Typical yearly revenue in US dollars (low, high) by band.
REVENUE_USD = {
    "1-10": (50_000, 500_000),
    "11-50": (200_000, 3_000_000),
    "51-200": (1_000_000, 15_000_000),
    "201-1000": (5_000_000, 80_000_000),
    "1001-5000": (30_000_000, 400_000_000),
    "5000+": (300_000_000, 3_000_000_000),
}

STATUSES = [("active", 90), ("inactive", 7), ("dissolved", 3)]

# Markets of Vietnamese IT services (Japan, US, Europe, Korea, Singapore, Australia first) and of
# telecoms investment (South-East Asia, Africa, Latin America).
COUNTRY_WEIGHTS = [
    ("JP", 22), ("US", 16), ("KR", 10), ("SG", 9), ("AU", 5), ("DE", 4), ("GB", 4), ("FR", 3),
    ("NL", 2), ("TH", 2.5), ("MY", 2), ("ID", 2), ("PH", 1.5), ("LA", 2), ("KH", 2), ("MM", 1),
    ("CN", 2), ("TW", 1.5), ("HK", 1.5), ("IN", 1.5), ("CA", 2), ("AE", 1), ("CH", 0.8),
    ("SE", 0.6), ("DK", 0.5), ("FI", 0.4), ("IE", 0.5), ("BE", 0.5), ("PL", 0.5), ("CZ", 0.3),
    ("IL", 0.3), ("NZ", 0.5), ("TL", 0.3), ("PE", 0.2), ("HT", 0.1), ("TZ", 0.2), ("MZ", 0.2),
    ("BI", 0.1), ("CM", 0.2), ("NG", 0.3), ("ZA", 0.3), ("BR", 0.3), ("MX", 0.3), ("SA", 0.4),
    ("QA", 0.2),
]  # fmt: skip
CITIES = {
    "JP": ["Tokyo", "Osaka", "Fukuoka", "Nagoya", "Yokohama"],
    "US": ["San Francisco", "New York", "Seattle", "Austin", "Dallas", "San Jose"],
    "KR": ["Seoul", "Busan", "Pangyo"],
    "SG": ["Singapore"],
    "AU": ["Sydney", "Melbourne", "Brisbane"],
    "DE": ["Berlin", "Munich", "Frankfurt"],
    "GB": ["London", "Manchester", "Leeds"],
    "FR": ["Paris", "Lyon"],
    "NL": ["Amsterdam", "Rotterdam"],
    "TH": ["Bangkok"],
    "MY": ["Kuala Lumpur"],
    "ID": ["Jakarta"],
    "PH": ["Manila"],
    "LA": ["Vientiane"],
    "KH": ["Phnom Penh"],
    "CN": ["Shenzhen", "Shanghai", "Beijing"],
    "TW": ["Taipei"],
    "HK": ["Hong Kong"],
    "IN": ["Bengaluru", "Hyderabad"],
    "CA": ["Toronto", "Vancouver"],
    "AE": ["Dubai"],
}

PRESENCE_MODES = [
    ("project_exports", 45),
    ("exploring", 25),
    ("representative_office", 10),
    ("subsidiary", 12),
    ("branch", 4),
    ("joint_venture", 2),
    ("acquired_company", 2),
]
# Staff abroad (low, high) by mode.
STAFF_BY_MODE = {
    "exploring": (0, 0),
    "project_exports": (0, 5),
    "representative_office": (1, 6),
    "branch": (3, 30),
    "subsidiary": (5, 300),
    "joint_venture": (5, 100),
    "acquired_company": (20, 500),
}

# Average VND per US dollar by year (rounded State Bank central rates), for declarations in VND.
VND_PER_USD = {2021: 23160, 2022: 23271, 2023: 23787, 2024: 24950, 2025: 26050}
DECLARATION_YEARS = [2021, 2022, 2023, 2024, 2025]

POSITIONS = [
    "Giám đốc",
    "Tổng giám đốc",
    "Phó giám đốc",
    "Giám đốc kinh doanh quốc tế",
    "Giám đốc công nghệ (CTO)",
    "Trưởng phòng phát triển thị trường",
    "Trưởng phòng hợp tác quốc tế",
    "Chuyên viên đối ngoại",
]
CONSENT_CHANCE = {
    "programme_contact": 0.85,
    "share_with_missions": 0.45,
    "share_with_partners": 0.25,
    "publish_on_showcase": 0.15,
}
CONSENT_METHODS = [("web_form", 55), ("email", 25), ("paper_form", 10), ("in_person", 10)]
CONSENT_EVIDENCE = {
    "web_form": "Biểu mẫu đăng ký trực tuyến số {n}",
    "email": "Thư điện tử xác nhận ngày {day}",
    "paper_form": "Phiếu đồng ý có chữ ký, lưu hồ sơ số {n}",
    "in_person": "Ghi nhận trực tiếp tại hội nghị ngày {day}",
}

# Foreign organisations: (kind, weight) and name parts by country.
ORGANISATION_KINDS = [
    ("company", 75),
    ("university", 8),
    ("trade_body", 8),
    ("government", 5),
    ("delegation", 4),
]
COMPANY_SUFFIX = {
    "JP": "Co., Ltd.",
    "KR": "Co., Ltd.",
    "US": "Inc.",
    "CA": "Inc.",
    "SG": "Pte. Ltd.",
    "AU": "Pty Ltd",
    "DE": "GmbH",
    "FR": "SAS",
    "GB": "Ltd",
    "NL": "B.V.",
    "IN": "Pvt. Ltd.",
}
ORG_WORDS = [
    "Axis", "Nova", "Vertex", "Quantum", "Apex", "Orbit", "Prism", "Summit", "Harbor", "Cedar",
    "Maple", "Sakura", "Hana", "Kite", "Aurora", "Zenith", "Atlas", "Beacon", "Cobalt", "Ember",
    "Falcon", "Granite", "Horizon", "Iris", "Juniper", "Lumen", "Meridian", "Nimbus", "Onyx",
    "Pioneer", "Radiant", "Sierra", "Tidal", "Vector", "Willow",
]  # fmt: skip
ORG_FIELDS = "Systems Digital Analytics Robotics Networks Software Health Mobility Fintech Learning"
ORG_FIELDS = ORG_FIELDS.split()
SCHOOLS = ["Computing", "Engineering", "Data Science", "Digital Media", "Business and Technology"]
