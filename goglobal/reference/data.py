"""Loads reference data from its libraries. Idempotent: the migrations and
`goglobal loadreference` call it, and running it twice changes nothing."""

from __future__ import annotations

from django.utils import translation

from goglobal.core.text import fold

# The sector taxonomy for digital technology, mapped to VSIC 2018 codes (Decision 27/2018/QĐ-TTg).
# VSIC 2025 (Decision 36/2025/QĐ-TTg, in force 15 Nov 2025) renumbered ICT codes; the 2025 codes
# below follow a third-party concordance and carry a note until checked against the appendix.
_UNVERIFIED_2025 = "from a third-party concordance; to check against the Decision's appendix"
SECTORS: list[dict] = [
    {
        "code": "ai",
        "vi": "Trí tuệ nhân tạo",
        "en": "Artificial intelligence",
        "vsic2018": ["6201", "7210"],
        "vsic2025": ["6219"],
    },
    {
        "code": "cyber-security",
        "vi": "An toàn, an ninh mạng",
        "en": "Cyber-security",
        "vsic2018": ["6209"],
        "vsic2025": [],
    },
    {
        "code": "fintech",
        "vi": "Công nghệ tài chính",
        "en": "Fintech",
        "vsic2018": ["6201", "6619"],
        "vsic2025": ["6211"],
    },
    {
        "code": "healthtech",
        "vi": "Công nghệ y tế",
        "en": "Healthtech",
        "vsic2018": ["6201", "8699"],
        "vsic2025": ["6211"],
    },
    {
        "code": "edtech",
        "vi": "Công nghệ giáo dục",
        "en": "Edtech",
        "vsic2018": ["6201", "8559"],
        "vsic2025": ["6211"],
    },
    {
        "code": "ecommerce-logistics",
        "vi": "Thương mại điện tử và logistics",
        "en": "E-commerce and logistics",
        "vsic2018": ["4791", "6312", "5229"],
        "vsic2025": [],
    },
    {
        "code": "smart-cities",
        "vi": "Đô thị thông minh",
        "en": "Smart cities",
        "vsic2018": ["6202", "6209"],
        "vsic2025": [],
    },
    {
        "code": "digital-government",
        "vi": "Chính phủ số",
        "en": "Digital government",
        "vsic2018": ["6202", "6201"],
        "vsic2025": ["6211"],
    },
    {
        "code": "telecoms-5g",
        "vi": "Viễn thông và 5G",
        "en": "Telecoms and 5G",
        "vsic2018": ["6110", "6120", "6130", "6190"],
        "vsic2025": [],
    },
    {
        "code": "semiconductors",
        "vi": "Bán dẫn và điện tử",
        "en": "Semiconductors and electronics",
        "vsic2018": ["2610", "2620", "2630"],
        "vsic2025": [],
    },
    {
        "code": "software-it-services",
        "vi": "Phần mềm và dịch vụ CNTT",
        "en": "Software and IT services",
        "vsic2018": ["5820", "6201", "6202", "6209"],
        "vsic2025": ["6211", "6219"],
    },
    {
        "code": "cloud-data-centres",
        "vi": "Điện toán đám mây và trung tâm dữ liệu",
        "en": "Cloud and data centres",
        "vsic2018": ["6311"],
        "vsic2025": ["6310"],
    },
    {
        "code": "iot",
        "vi": "Internet vạn vật (IoT)",
        "en": "Internet of things",
        "vsic2018": ["2630", "6209"],
        "vsic2025": [],
    },
    {
        "code": "digital-content-games",
        "vi": "Nội dung số và trò chơi",
        "en": "Digital content and games",
        "vsic2018": ["5820", "5911", "6312"],
        "vsic2025": [],
    },
    {
        "code": "big-data",
        "vi": "Dữ liệu lớn",
        "en": "Big data",
        "vsic2018": ["6311", "6312"],
        "vsic2025": ["6310"],
    },
    {
        "code": "blockchain",
        "vi": "Chuỗi khối (blockchain)",
        "en": "Blockchain",
        "vsic2018": ["6201", "6209"],
        "vsic2025": [],
    },
    {
        "code": "digital-transformation",
        "vi": "Chuyển đổi số doanh nghiệp",
        "en": "Enterprise digital transformation",
        "vsic2018": ["6202"],
        "vsic2025": [],
    },
    {
        "code": "agritech",
        "vi": "Công nghệ nông nghiệp",
        "en": "Agritech",
        "vsic2018": ["6201"],
        "vsic2025": [],
    },
]

# Currencies enterprises declare revenue in (ISO 4217).
CURRENCIES = [
    ("VND", "Đồng Việt Nam", "Vietnamese dong"),
    ("USD", "Đô la Mỹ", "US dollar"),
    ("EUR", "Euro", "Euro"),
    ("JPY", "Yên Nhật", "Japanese yen"),
    ("KRW", "Won Hàn Quốc", "South Korean won"),
    ("SGD", "Đô la Singapore", "Singapore dollar"),
    ("GBP", "Bảng Anh", "Pound sterling"),
    ("AUD", "Đô la Úc", "Australian dollar"),
    ("CNY", "Nhân dân tệ", "Chinese yuan"),
    ("THB", "Baht Thái", "Thai baht"),
    ("CAD", "Đô la Canada", "Canadian dollar"),
    ("CHF", "Franc Thụy Sĩ", "Swiss franc"),
    ("INR", "Rupee Ấn Độ", "Indian rupee"),
    ("AED", "Dirham UAE", "UAE dirham"),
]


def load_countries(Country) -> int:
    from django_countries import countries

    with translation.override("en"):
        english = {code: str(name) for code, name in countries}
    with translation.override("vi"):
        vietnamese = {code: str(name) for code, name in countries}
    for code, name_en in english.items():
        Country.objects.update_or_create(
            code=code, defaults={"name_en": name_en, "name_vi": vietnamese.get(code, name_en)}
        )
    return len(english)


def _province_english(name: str, kind: str) -> str:
    bare = name.removeprefix("Thành phố ").removeprefix("Tỉnh ")
    words = fold(bare).title()
    return f"{words} City" if "thành phố" in kind else f"{words} Province"


def load_provinces(Province) -> int:
    from vietnam_provinces import Province as VnProvince

    count = 0
    for item in VnProvince.iter_all():
        kind = str(item.division_type.value)
        Province.objects.update_or_create(
            code=int(item.code),
            defaults={
                "name_vi": item.name,
                "name_en": _province_english(item.name, kind),
                "codename": item.codename.replace("_", "-"),
                "kind": kind,
            },
        )
        count += 1
    return count


def load_sectors(Sector, SectorVsicCode) -> int:
    for entry in SECTORS:
        sector, _ = Sector.objects.update_or_create(
            code=entry["code"], defaults={"name_vi": entry["vi"], "name_en": entry["en"]}
        )
        for version, key, note in (
            ("2018", "vsic2018", ""),
            ("2025", "vsic2025", _UNVERIFIED_2025),
        ):
            for code in entry[key]:
                SectorVsicCode.objects.update_or_create(
                    sector=sector, version=version, code=code, defaults={"note": note}
                )
    return len(SECTORS)


def load_currencies(Currency) -> int:
    for code, name_vi, name_en in CURRENCIES:
        Currency.objects.update_or_create(
            code=code, defaults={"name_vi": name_vi, "name_en": name_en}
        )
    return len(CURRENCIES)


def load_all(apps=None) -> dict[str, int]:
    if apps is None:
        from django.apps import apps as global_apps

        apps = global_apps
    get = lambda name: apps.get_model("reference", name)  # noqa: E731
    return {
        "countries": load_countries(get("Country")),
        "provinces": load_provinces(get("Province")),
        "sectors": load_sectors(get("Sector"), get("SectorVsicCode")),
        "currencies": load_currencies(get("Currency")),
    }
