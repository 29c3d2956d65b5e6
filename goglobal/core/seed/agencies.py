"""The Advisory Group supporting Vietnamese digital enterprises going global (seed 000) and the
bodies around it. Names are kept as they were when the group was founded: on 1 March 2025 the
Ministry of Information and Communications merged into the Ministry of Science and Technology
(and the Ministry of Planning and Investment into the Ministry of Finance), so both the former
and the current bodies are listed; renaming is a data change, never a code change."""

# (name_vi, name_en, abbreviation, kind, parent name_vi or "", website, in the Advisory Group)
AGENCIES = [
    ("Bộ Thông tin và Truyền thông", "Ministry of Information and Communications", "MIC", "ministry", "", "https://mic.gov.vn", False),
    ("Bộ Khoa học và Công nghệ", "Ministry of Science and Technology", "MOST", "ministry", "", "https://most.gov.vn", False),
    ("Vụ Hợp tác quốc tế", "International Cooperation Department", "ICD", "ministry_department", "Bộ Thông tin và Truyền thông", "", True),
    ("Cục Công nghiệp Công nghệ thông tin và Truyền thông", "Authority of Information Technology Industry", "AITI", "ministry_department", "Bộ Thông tin và Truyền thông", "", True),
    ("Cục Công nghiệp Công nghệ thông tin", "Department of Information Technology Industry", "", "ministry_department", "Bộ Khoa học và Công nghệ", "", True),
    ("Cục Thông tin đối ngoại", "Department of External Information", "", "ministry_department", "Bộ Thông tin và Truyền thông", "", False),
    ("Bộ Ngoại giao", "Ministry of Foreign Affairs", "MOFA", "ministry", "", "https://mofa.gov.vn", False),
    ("Vụ Tổng hợp Kinh tế", "Department of Economic Affairs", "", "ministry_department", "Bộ Ngoại giao", "", True),
    ("Bộ Kế hoạch và Đầu tư", "Ministry of Planning and Investment", "MPI", "ministry", "", "", False),
    ("Cục Đầu tư nước ngoài", "Foreign Investment Agency", "FIA", "ministry_department", "Bộ Kế hoạch và Đầu tư", "", True),
    ("Bộ Công Thương", "Ministry of Industry and Trade", "MOIT", "ministry", "", "https://moit.gov.vn", False),
    ("Cục Xúc tiến thương mại", "Vietnam Trade Promotion Agency", "VIETRADE", "ministry_department", "Bộ Công Thương", "", True),
    ("Hội Truyền thông số Việt Nam", "Vietnam Digital Communications Association", "VDCA", "association", "", "", True),
    ("Hiệp hội Doanh nghiệp điện tử Việt Nam", "Vietnam Electronic Industries Association", "VEIA", "association", "", "", True),
    ("Hiệp hội Phần mềm và Dịch vụ Công nghệ thông tin Việt Nam", "Vietnam Software and IT Services Association", "VINASA", "association", "", "https://vinasa.org.vn", True),
    # The three member enterprises; their registry entries are in enterprises.py.
    ("Tập đoàn Công nghiệp - Viễn thông Quân đội (Viettel)", "Viettel Group", "Viettel", "enterprise", "", "https://viettel.com.vn", True),
    ("Công ty Cổ phần FPT", "FPT Corporation", "FPT", "enterprise", "", "https://fpt.com", True),
    ("Công ty Cổ phần NTQ Solution", "NTQ Solution JSC", "NTQ", "enterprise", "", "", True),
]  # fmt: skip

# The demo's Advisory Group member works for this agency.
DEMO_AGENCY = "Cục Công nghiệp Công nghệ thông tin và Truyền thông"
