from django.http import HttpRequest
from ninja import Router, Schema

from goglobal.core.api import responses
from goglobal.reference.models import Country, Currency, Province, Sector

router = Router(tags=["reference"])


class NamedCode(Schema):
    code: str
    name_vi: str
    name_en: str


class ProvinceOut(Schema):
    code: int
    codename: str
    name_vi: str
    name_en: str


class VsicOut(Schema):
    version: str
    code: str
    note: str


class SectorOut(NamedCode):
    vsic_codes: list[VsicOut]


@router.get("/reference/countries", response=responses({200: list[NamedCode]}, 401), auth=None)
def country_list(request: HttpRequest):
    return Country.objects.filter(disabled_on__isnull=True).order_by("name_en")


@router.get("/reference/provinces", response=responses({200: list[ProvinceOut]}, 401), auth=None)
def province_list(request: HttpRequest):
    return Province.objects.filter(disabled_on__isnull=True).order_by("name_en")


@router.get("/reference/sectors", response=responses({200: list[SectorOut]}, 401), auth=None)
def sector_list(request: HttpRequest):
    return (
        Sector.objects.filter(disabled_on__isnull=True)
        .prefetch_related("vsic_codes")
        .order_by("name_en")
    )


@router.get("/reference/currencies", response=responses({200: list[NamedCode]}, 401), auth=None)
def currency_list(request: HttpRequest):
    return Currency.objects.filter(disabled_on__isnull=True).order_by("code")
