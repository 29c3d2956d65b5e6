"""Vietnam's overseas missions in the countries the seeds and the statistics name. Seed 002/004:
the heads appointed in 2024 cover 46 countries and one international organisation, because one
ambassador may be accredited to several countries — the ambassador to China is also accredited
to the Federated States of Micronesia — so a mission's jurisdiction is a list of countries.
Heads of mission are named only where a seed names them."""

# (name_vi, name_en, kind, host country, city, jurisdiction, international organisation, head)
MISSIONS = [
    ("Đại sứ quán Việt Nam tại Nhật Bản", "Embassy of Viet Nam in Japan", "embassy", "JP", "Tokyo", ["JP"], "", ""),
    ("Tổng Lãnh sự quán Việt Nam tại Osaka", "Consulate General of Viet Nam in Osaka", "consulate_general", "JP", "Osaka", ["JP"], "", ""),
    ("Đại sứ quán Việt Nam tại Hoa Kỳ", "Embassy of Viet Nam in the United States", "embassy", "US", "Washington, D.C.", ["US"], "", ""),
    ("Tổng Lãnh sự quán Việt Nam tại San Francisco", "Consulate General of Viet Nam in San Francisco", "consulate_general", "US", "San Francisco", ["US"], "", ""),
    ("Đại sứ quán Việt Nam tại Hàn Quốc", "Embassy of Viet Nam in the Republic of Korea", "embassy", "KR", "Seoul", ["KR"], "", ""),
    ("Tổng Lãnh sự quán Việt Nam tại Busan", "Consulate General of Viet Nam in Busan", "consulate_general", "KR", "Busan", ["KR"], "", ""),
    ("Đại sứ quán Việt Nam tại Singapore", "Embassy of Viet Nam in Singapore", "embassy", "SG", "Singapore", ["SG"], "", ""),
    ("Đại sứ quán Việt Nam tại Vương quốc Anh", "Embassy of Viet Nam in the United Kingdom", "embassy", "GB", "London", ["GB"], "", ""),
    ("Đại sứ quán Việt Nam tại Đức", "Embassy of Viet Nam in Germany", "embassy", "DE", "Berlin", ["DE"], "", ""),
    ("Đại sứ quán Việt Nam tại Pháp", "Embassy of Viet Nam in France", "embassy", "FR", "Paris", ["FR"], "", ""),
    ("Đại sứ quán Việt Nam tại Australia", "Embassy of Viet Nam in Australia", "embassy", "AU", "Canberra", ["AU"], "", ""),
    ("Tổng Lãnh sự quán Việt Nam tại Sydney", "Consulate General of Viet Nam in Sydney", "consulate_general", "AU", "Sydney", ["AU"], "", ""),
    ("Đại sứ quán Việt Nam tại Trung Quốc", "Embassy of Viet Nam in China", "embassy", "CN", "Beijing", ["CN", "FM"], "", "Phạm Thanh Bình"),
    ("Đại sứ quán Việt Nam tại Lào", "Embassy of Viet Nam in Laos", "embassy", "LA", "Vientiane", ["LA"], "", ""),
    ("Đại sứ quán Việt Nam tại Campuchia", "Embassy of Viet Nam in Cambodia", "embassy", "KH", "Phnom Penh", ["KH"], "", ""),
    ("Đại sứ quán Việt Nam tại Ấn Độ", "Embassy of Viet Nam in India", "embassy", "IN", "New Delhi", ["IN", "NP", "BT"], "", ""),
    ("Đại sứ quán Việt Nam tại Các Tiểu vương quốc Ả Rập Thống nhất", "Embassy of Viet Nam in the United Arab Emirates", "embassy", "AE", "Abu Dhabi", ["AE"], "", ""),
    ("Phái đoàn Đại diện thường trực Việt Nam tại Liên hợp quốc", "Permanent Mission of Viet Nam to the United Nations", "permanent_mission", "US", "New York", [], "United Nations", "Đỗ Hùng Việt"),
    ("Phái đoàn Đại diện thường trực Việt Nam bên cạnh Liên hợp quốc, WTO và các tổ chức quốc tế khác tại Geneva", "Permanent Mission of Viet Nam to the United Nations Office, the WTO and other international organisations in Geneva", "permanent_mission", "CH", "Geneva", [], "United Nations Office at Geneva, World Trade Organization", ""),
]  # fmt: skip

# The demo's mission officer works here.
DEMO_MISSION = "Đại sứ quán Việt Nam tại Nhật Bản"
