"""Reference choices for page forms, by code. Built once per form instance: Django's callable
choices would query again on every iteration (validation, then rendering)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from goglobal.core.forms import code_choices
from goglobal.reference.models import Country, Currency, Province, Sector

ANY = _("Any")
CHOOSE = _("Choose…")


def country_choices(blank=None) -> list[tuple[str, str]]:
    return code_choices(Country.objects.filter(disabled_on__isnull=True), blank=blank)


def province_choices(blank=None) -> list[tuple[str, str]]:
    return code_choices(Province.objects.filter(disabled_on__isnull=True), blank=blank)


def sector_choices(blank=None) -> list[tuple[str, str]]:
    return code_choices(Sector.objects.filter(disabled_on__isnull=True), blank=blank)


def currency_choices(blank=None) -> list[tuple[str, str]]:
    rows = Currency.objects.filter(disabled_on__isnull=True)
    choices = [(row.code, f"{row.code} · {row.name}") for row in rows]
    return ([("", blank)] if blank is not None else []) + choices


def with_blank(choices, blank) -> list:
    return [("", blank), *choices]
