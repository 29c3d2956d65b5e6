import pytest

from goglobal.core.text import fold, slugify_vi
from goglobal.reference import data
from goglobal.reference.models import Country, Currency, Province, Sector, SectorVsicCode

pytestmark = pytest.mark.django_db


def test_migrations_load_the_34_provinces_in_force_since_july_2025():
    assert Province.objects.count() == 34
    hanoi = Province.objects.get(codename="ha-noi")
    assert (hanoi.name_vi, hanoi.name_en) == ("Thành phố Hà Nội", "Ha Noi City")
    assert Province.objects.get(codename="da-nang").name_en == "Da Nang City"


def test_countries_have_vietnamese_and_english_names():
    japan = Country.objects.get(code="JP")
    assert (japan.name_vi, japan.name_en) == ("Nhật Bản", "Japan")
    assert Country.objects.get(code="GB").name_en == "United Kingdom"
    assert Country.objects.count() >= 249


def test_sectors_keep_the_vsic_edition_of_each_code():
    cloud = Sector.objects.get(code="cloud-data-centres")
    assert set(cloud.vsic_codes.values_list("version", "code")) == {
        ("2018", "6311"),
        ("2025", "6310"),
    }
    assert cloud.vsic_codes.get(version="2025").note  # unverified 2025 codes say so
    assert (
        Sector.objects.filter(
            code__in=["ai", "cyber-security", "fintech", "semiconductors"]
        ).count()
        == 4
    )


def test_loading_reference_data_again_changes_nothing():
    before = (
        Country.objects.count(),
        Province.objects.count(),
        Sector.objects.count(),
        SectorVsicCode.objects.count(),
        Currency.objects.count(),
    )
    counts = data.load_all()
    after = (
        Country.objects.count(),
        Province.objects.count(),
        Sector.objects.count(),
        SectorVsicCode.objects.count(),
        Currency.objects.count(),
    )
    assert before == after
    assert counts["provinces"] == 34


def test_fold_treats_d_with_stroke_and_diacritics_alike():
    assert fold("Đà Nẵng") == fold("da nang") == fold("đà nang") == fold("DA  NANG") == "da nang"
    assert (
        fold("Tập đoàn Công nghiệp - Viễn thông Quân đội")
        == "tap doan cong nghiep - vien thong quan doi"
    )


def test_slugify_vi_keeps_the_d():
    assert slugify_vi("Đà Nẵng") == "da-nang"
    assert slugify_vi("Thành phố Hồ Chí Minh") == "thanh-pho-ho-chi-minh"
