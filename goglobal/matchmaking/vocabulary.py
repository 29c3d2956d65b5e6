"""A small bilingual vocabulary: folded Vietnamese and English phrases → one concept each, so
that "trí tuệ nhân tạo" and "artificial intelligence" count as the same thing when two
profiles' texts are compared. The sector names of the reference taxonomy are added at run time
(see `recommend.concepts`)."""

CONCEPTS: dict[str, tuple[str, ...]] = {
    "ai": ("ai", "artificial intelligence", "machine learning", "tri tue nhan tao", "hoc may", "computer vision", "thi giac may tinh"),
    "security": ("cyber", "cybersecurity", "cyber security", "security", "an ninh mang", "bao mat", "an toan thong tin"),
    "payments": ("payment", "payments", "banking", "bank", "fintech", "thanh toan", "ngan hang", "tai chinh"),
    "health": ("health", "healthcare", "hospital", "medical", "clinic", "y te", "benh vien", "suc khoe", "kham chua benh"),
    "education": ("education", "learning", "school", "training", "university", "giao duc", "dao tao", "truong hoc", "hoc truc tuyen"),
    "commerce": ("e-commerce", "ecommerce", "online retail", "marketplace", "thuong mai dien tu", "ban le truc tuyen", "san thuong mai"),
    "logistics": ("logistics", "shipping", "delivery", "warehouse", "van tai", "giao hang", "kho van"),
    "cloud": ("cloud", "saas", "dien toan dam may"),
    "data": ("data", "analytics", "big data", "du lieu", "phan tich du lieu"),
    "iot": ("iot", "internet of things", "sensor", "sensors", "cam bien", "internet van vat"),
    "smart_city": ("smart city", "smart cities", "do thi thong minh", "thanh pho thong minh"),
    "software": ("software", "outsourcing", "development", "phan mem", "gia cong", "phat trien phan mem"),
    "robotics": ("robot", "robots", "robotics", "automation", "tu dong hoa"),
    "games": ("game", "games", "gaming", "media", "tro choi", "noi dung so"),
    "investment": ("investment", "investor", "investors", "funding", "capital", "dau tu", "nha dau tu", "von"),
    "distribution": ("distribution", "distributor", "reseller", "partner network", "phan phoi", "dai ly", "nha phan phoi"),
    "export": ("export", "overseas", "abroad", "international", "xuat khau", "nuoc ngoai", "quoc te"),
}  # fmt: skip
