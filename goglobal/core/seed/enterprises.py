"""The enterprises the seeds name: Viettel, FPT, VNPT, CMC, MobiFone (seeds 001–004) and NTQ
Solution (a member of the Advisory Group, seed 000).

Tax codes: every one passes python-stdnum's vn.mst check. Viettel's and FPT's are their
registered codes; VNPT's and MobiFone's are the codes they publish, with a valid check digit.
For CMC and NTQ Solution no code could be confirmed offline, so each gets a generated,
valid placeholder (PLACEHOLDER_TAX_CODES) until an officer enters the registered one.

Presence follows what is public (Viettel's ten telecoms markets; FPT's offices in Japan, the
US, Europe, Korea, Singapore and Australia). Declarations are ILLUSTRATIVE, rounded from
published annual figures (FPT's overseas IT revenue passed USD 1 billion in 2023); they are demo
data, not the enterprises' filings. Contact people are fictitious, with .example addresses."""

from stdnum.vn import mst


def _placeholder(body: str) -> str:
    code = body + mst.calc_check_digit(body)
    assert mst.is_valid(code), code
    return code


PLACEHOLDER_TAX_CODES = {"CMC": _placeholder("010999990"), "NTQ": _placeholder("010999991")}

ENTERPRISES = [
    {
        "tax_code": "0100109106",
        "name_vi": "Tập đoàn Công nghiệp - Viễn thông Quân đội",
        "name_en": "Viettel Group",
        "trading_names": ["Viettel"],
        "province": "ha-noi",
        "founded_year": 1989,
        "employee_band": "5000+",
        "vn_ownership_pct": "100",
        "website": "https://viettel.com.vn",
        "sectors": ["telecoms-5g", "cloud-data-centres", "cyber-security", "semiconductors"],
        "description_vi": "Tập đoàn viễn thông và công nghệ, đã đầu tư viễn thông tại 10 quốc gia ở châu Á, châu Phi và châu Mỹ La-tinh.",
        "description_en": "Telecoms and technology group that has invested in telecoms networks in 10 countries in Asia, Africa and Latin America.",
        "products": [
            ("Trạm gốc 5G (gNodeB) Viettel", "Viettel 5G gNodeB base station", ["telecoms-5g"], True, ["LA", "KH", "MM", "PE"]),
            ("Viettel Cloud", "Viettel Cloud", ["cloud-data-centres"], True, []),
            ("Dịch vụ giám sát an ninh mạng Viettel Cyber Security", "Viettel Cyber Security monitoring service", ["cyber-security"], True, ["LA", "KH"]),
        ],
        # (country, mode, city, since year)
        "presence": [
            ("LA", "joint_venture", "Vientiane", 2009),
            ("KH", "subsidiary", "Phnom Penh", 2009),
            ("HT", "joint_venture", "Port-au-Prince", 2011),
            ("MZ", "joint_venture", "Maputo", 2012),
            ("TL", "subsidiary", "Dili", 2012),
            ("PE", "subsidiary", "Lima", 2014),
            ("CM", "joint_venture", "Yaoundé", 2014),
            ("TZ", "subsidiary", "Dar es Salaam", 2015),
            ("BI", "joint_venture", "Bujumbura", 2015),
            ("MM", "joint_venture", "Naypyidaw", 2018),
        ],
        # (year, currency, rate, total, overseas, status, {country: revenue})
        "declarations": [
            (2024, "VND", "24950", "190000000000000", "27000000000000", "submitted", {"KH": "6500000000000", "PE": "5200000000000", "MZ": "4100000000000", "TZ": "3900000000000", "LA": "2400000000000"}),
        ],
        "contacts": [
            ("Lê Thị Minh Thư", "Chuyên viên Ban Đối ngoại", "thu.ltm@viettel.example", ["programme_contact", "share_with_missions"]),
        ],
    },
    {
        "tax_code": "0101248141",
        "name_vi": "Công ty Cổ phần FPT",
        "name_en": "FPT Corporation",
        "trading_names": ["FPT"],
        "province": "ha-noi",
        "founded_year": 1988,
        "employee_band": "5000+",
        "vn_ownership_pct": None,
        "website": "https://fpt.com",
        "sectors": ["software-it-services", "ai", "cloud-data-centres", "digital-transformation", "semiconductors", "edtech"],
        "description_vi": "Tập đoàn công nghệ; doanh thu dịch vụ CNTT ở nước ngoài vượt 1 tỷ USD năm 2023, thị trường lớn nhất là Nhật Bản.",
        "description_en": "Technology group; overseas IT services revenue passed USD 1 billion in 2023, Japan being its largest market.",
        "products": [
            ("Nền tảng trí tuệ nhân tạo FPT.AI", "FPT.AI artificial intelligence platform", ["ai"], True, ["JP", "US", "KR", "SG"]),
            ("Hệ thống thông tin bệnh viện FPT.eHospital", "FPT.eHospital hospital information system", ["healthtech"], True, ["LA", "KH"]),
            ("Nền tảng tự động hóa quy trình akaBot", "akaBot robotic process automation platform", ["software-it-services", "ai"], True, ["JP", "US", "AU"]),
        ],
        "presence": [
            ("JP", "subsidiary", "Tokyo", 2005),
            ("US", "subsidiary", "Dallas", None),
            ("US", "acquired_company", "Atlanta", 2018),
            ("KR", "subsidiary", "Seoul", None),
            ("SG", "subsidiary", "Singapore", None),
            ("AU", "subsidiary", "Sydney", None),
            ("DE", "subsidiary", "Munich", None),
            ("FR", "subsidiary", "Paris", None),
            ("GB", "representative_office", "London", None),
        ],
        "declarations": [
            (2023, "VND", "23787", "52618000000000", "24288000000000", "accepted", {"JP": "10500000000000", "US": "6000000000000", "SG": "1300000000000", "KR": "1200000000000", "DE": "700000000000", "AU": "600000000000", "FR": "400000000000"}),
            (2024, "VND", "24950", "62849000000000", "30952000000000", "accepted", {"JP": "13700000000000", "US": "8100000000000", "SG": "1700000000000", "KR": "1500000000000", "DE": "900000000000", "AU": "800000000000", "FR": "500000000000"}),
        ],
        "contacts": [
            ("Trần Thu Hà", "Trưởng ban Hợp tác quốc tế", "ha.tt@fpt.example", ["programme_contact", "share_with_missions", "share_with_partners"]),
            ("Phạm Đức Anh", "Giám đốc phát triển thị trường Nhật Bản", "anh.pd@fpt.example", ["programme_contact"]),
        ],
    },
    {
        "tax_code": "0100684378",
        "name_vi": "Tập đoàn Bưu chính Viễn thông Việt Nam",
        "name_en": "Vietnam Posts and Telecommunications Group",
        "trading_names": ["VNPT"],
        "province": "ha-noi",
        "founded_year": 2006,
        "employee_band": "5000+",
        "vn_ownership_pct": "100",
        "website": "https://vnpt.com.vn",
        "sectors": ["telecoms-5g", "digital-government", "smart-cities", "cloud-data-centres"],
        "description_vi": "Tập đoàn bưu chính, viễn thông và công nghệ thông tin.",
        "description_en": "Posts, telecoms and IT group.",
        "products": [
            ("Giải pháp đô thị thông minh VNPT Smart City", "VNPT Smart City platform", ["smart-cities"], True, []),
            ("Hệ thống một cửa điện tử VNPT iGate", "VNPT iGate e-government one-stop system", ["digital-government"], True, []),
        ],
        "presence": [],
        "declarations": [],
        "contacts": [],
    },
    {
        "tax_code": PLACEHOLDER_TAX_CODES["CMC"],
        "name_vi": "Công ty Cổ phần Tập đoàn Công nghệ CMC",
        "name_en": "CMC Corporation",
        "trading_names": ["CMC"],
        "province": "ha-noi",
        "founded_year": 1993,
        "employee_band": "1001-5000",
        "vn_ownership_pct": None,
        "website": "https://cmc.com.vn",
        "sectors": ["software-it-services", "cloud-data-centres", "cyber-security", "digital-transformation"],
        "description_vi": "Tập đoàn công nghệ: hạ tầng số, an ninh mạng, dịch vụ CNTT cho thị trường trong nước và quốc tế.",
        "description_en": "Technology group: digital infrastructure, cyber-security and IT services at home and abroad.",
        "products": [
            ("Dịch vụ điện toán đám mây CMC Cloud", "CMC Cloud", ["cloud-data-centres"], True, []),
        ],
        "presence": [("JP", "subsidiary", "Tokyo", None), ("SG", "subsidiary", "Singapore", None), ("KR", "subsidiary", "Seoul", None)],
        "declarations": [],
        "contacts": [],
    },
    {
        "tax_code": "0100686209",
        "name_vi": "Tổng công ty Viễn thông MobiFone",
        "name_en": "MobiFone Corporation",
        "trading_names": ["MobiFone"],
        "province": "ha-noi",
        "founded_year": 1993,
        "employee_band": "1001-5000",
        "vn_ownership_pct": "100",
        "website": "https://mobifone.vn",
        "sectors": ["telecoms-5g", "cloud-data-centres", "digital-content-games"],
        "description_vi": "Nhà mạng di động và cung cấp dịch vụ số.",
        "description_en": "Mobile network operator and digital services provider.",
        "products": [
            ("Nền tảng điện toán đám mây MobiFone Cloud", "MobiFone Cloud platform", ["cloud-data-centres"], True, []),
        ],
        "presence": [],
        "declarations": [],
        "contacts": [],
    },
    {
        "tax_code": PLACEHOLDER_TAX_CODES["NTQ"],
        "name_vi": "Công ty Cổ phần NTQ Solution",
        "name_en": "NTQ Solution JSC",
        "trading_names": ["NTQ"],
        "province": "ha-noi",
        "founded_year": 2011,
        "employee_band": "201-1000",
        "vn_ownership_pct": None,
        "website": "",
        "sectors": ["software-it-services", "ai"],
        "description_vi": "Doanh nghiệp dịch vụ phát triển phần mềm, thành viên Tổ tư vấn hỗ trợ doanh nghiệp số Việt Nam đi ra thế giới.",
        "description_en": "Software development services; a member of the Advisory Group supporting Vietnamese digital enterprises going global.",
        "products": [
            ("Dịch vụ phát triển phần mềm theo dự án", "Project-based software development services", ["software-it-services"], False, ["JP", "US", "KR"]),
        ],
        "presence": [("JP", "subsidiary", "Tokyo", None), ("US", "project_exports", "", None), ("KR", "project_exports", "", None)],
        "declarations": [
            (2024, "USD", "1", "45000000.00", "38000000.00", "accepted", {"JP": "26000000.00", "US": "6000000.00", "KR": "3000000.00"}),
        ],
        "contacts": [
            ("Ngô Thanh Hương", "Trưởng phòng phát triển thị trường", "huong.nt@ntq.example", ["programme_contact", "share_with_missions"]),
        ],
    },
]  # fmt: skip

# The demo's enterprise representative speaks for this enterprise.
DEMO_ENTERPRISE = "0101248141"
