"""The search test set: queries as officers and the public type them, over the seed
organisations and the named enterprises of conftest.py, each with the results expected first
(kind, Vietnamese title) in order. `user` is who searches (default: the anonymous public);
`filters` are the facet filters; `absent` titles must not appear at all."""

VIETTEL = ("enterprise", "Tập đoàn Công nghiệp - Viễn thông Quân đội")
FPT = ("enterprise", "Công ty Cổ phần FPT")
VNPT = ("enterprise", "Tập đoàn Bưu chính Viễn thông Việt Nam")
MOBIFONE = ("enterprise", "Tổng công ty Viễn thông MobiFone")
CMC = ("enterprise", "Công ty Cổ phần Tập đoàn Công nghệ CMC")
NTQ = ("enterprise", "Công ty Cổ phần NTQ Solution")
DA_NANG_XANH = ("enterprise", "Công ty TNHH Phần mềm Đà Nẵng Xanh")
DONG_A = ("enterprise", "Công ty Cổ phần Giải pháp Số Đông Á")
SAIGON = ("enterprise", "Công ty TNHH Dữ liệu Sài Gòn")
SAIGON_BRANCH = ("enterprise", "Chi nhánh Công ty TNHH Dữ liệu Sài Gòn tại Đà Nẵng")
HOI_AN = ("enterprise", "Công ty Cổ phần Trí tuệ Nhân tạo Hội An")
HOA_BINH = ("enterprise", "Công ty TNHH Công nghệ Hòa Bình")  # inactive
JAPAN = ("mission", "Đại sứ quán Việt Nam tại Nhật Bản")

CASES = [
    # Names without diacritics, with them, with wrong ones, in any case.
    {"q": "viettel", "top": [VIETTEL, ("product", "Viettel Cloud")]},
    {"q": "vien thong quan doi", "top": [VIETTEL]},
    {"q": "Viễn thông Quân đội", "top": [VIETTEL]},
    {"q": "VIEN THONG QUAN DOI", "top": [VIETTEL]},
    {"q": "vìên thông quan đôi", "top": [VIETTEL]},
    {"q": "buu chinh vien thong", "top": [VNPT]},
    {"q": "da nang", "top": [DA_NANG_XANH]},
    {"q": "Đà Nẵng", "top": [DA_NANG_XANH]},
    {"q": "đà nang", "top": [DA_NANG_XANH]},
    {"q": "Da Nang xanh", "top": [DA_NANG_XANH]},
    # đ/Đ folded to d by hand.
    {"q": "dong a", "top": [DONG_A]},
    {"q": "Đông Á", "top": [DONG_A]},
    {"q": "đong a", "top": [DONG_A]},
    {"q": "du lieu sai gon", "top": [SAIGON, SAIGON_BRANCH]},
    # Typos: one edit in words of five letters or more.
    {"q": "vietel", "top": [VIETTEL]},
    {"q": "viettell", "top": [VIETTEL]},
    {"q": "mobifon", "top": [MOBIFONE]},
    {"q": "mobiphone", "top": []},  # two edits: too far
    {"q": "artifical intelligence", "top": [("product", "Nền tảng trí tuệ nhân tạo FPT.AI")]},
    {"q": "wotzano", "user": "officer", "top": [("organisation", "Wootzano")]},
    {"q": "salfrod", "user": "officer",
     "top": [("organisation", "University of Salford – School of Arts, Media and Creative Technology")]},
    # English names.
    {"q": "Viettel Group", "top": [VIETTEL]},
    {"q": "FPT Corporation", "top": [FPT]},
    {"q": "posts and telecommunications", "top": [VNPT]},
    {"q": "saigon data", "top": [SAIGON, SAIGON_BRANCH]},
    {"q": "embassy japan", "top": [JAPAN]},
    {"q": "the phoenix partnership", "user": "officer",
     "top": [("organisation", "TPP – The Phoenix Partnership")]},
    # Trading names and exact names first.
    {"q": "fpt", "top": [FPT]},
    {"q": "cmc", "top": [CMC, ("product", "Dịch vụ điện toán đám mây CMC Cloud")]},
    {"q": "ntq", "top": [NTQ]},
    {"q": "vnpt", "top": [VNPT]},
    {"q": "sgdata", "top": [SAIGON]},
    {"q": "fpt.ai", "top": [("product", "Nền tảng trí tuệ nhân tạo FPT.AI"), FPT]},
    # Prefixes, as the user types.
    {"q": "viett", "top": [VIETTEL]},
    {"q": "mobi", "top": [MOBIFONE]},
    {"q": "dai su quan nhat", "top": [JAPAN]},
    {"q": "hoi a", "top": [HOI_AN]},
    # Tax codes, whole and in part, with the branch suffix written either way.
    {"q": "0100109106", "top": [VIETTEL]},
    {"q": "0101248141", "top": [FPT]},
    {"q": "0101248", "top": [FPT]},
    {"q": "0100686209", "top": [MOBIFONE]},
    {"q": "{saigon_tax}-001", "top": [SAIGON_BRANCH]},
    {"q": "{saigon_tax}001", "top": [SAIGON_BRANCH]},
    {"q": "{saigon_tax}", "top": [SAIGON, SAIGON_BRANCH]},
    # Products and descriptions.
    {"q": "akabot", "top": [("product", "Nền tảng tự động hóa quy trình akaBot"), FPT]},
    {"q": "gnodeb", "top": [("product", "Trạm gốc 5G (gNodeB) Viettel"), VIETTEL]},
    {"q": "an ninh mang", "top": [("product", "Dịch vụ giám sát an ninh mạng Viettel Cyber Security")]},
    # Filters.
    {"q": "da nang", "filters": {"type": "enterprise", "sector": "ai"}, "top": [HOI_AN], "count": 1},
    {"q": "sai gon", "filters": {"type": "product"}, "top": [("product", "Kho dữ liệu Mây Sài Gòn")], "count": 1},
    {"q": "sai gon", "filters": {"country": "SG"}, "top": [SAIGON], "count": 1},
    {"q": "sai gon", "filters": {"mode": "representative_office"}, "top": [SAIGON], "count": 1},
    {"q": "da nang", "filters": {"size": "11-50"}, "top": [DA_NANG_XANH, HOI_AN], "count": 2},
    {"q": "nhat ban", "filters": {"type": "mission"}, "top": [JAPAN]},
    # Access: the public does not find an inactive enterprise, contacts or foreign partners.
    {"q": "hoa binh", "top": [], "absent": [HOA_BINH[1]]},
    {"q": "hoa binh", "user": "officer", "top": [HOA_BINH]},
    {"q": "hoa binh", "user": "enterprise", "top": [HOA_BINH]},
    {"q": "pham duc anh", "top": []},
    {"q": "pham duc anh", "user": "officer", "top": [("contact", "Phạm Đức Anh")]},
    {"q": "phoenix", "top": []},
]  # fmt: skip
