"""Synthetic foreign organisations: companies, universities, trade bodies, government agencies
and delegations in the countries Vietnamese enterprises work with, each with a contact."""

from __future__ import annotations

import datetime as dt
import random

from faker import Faker

from goglobal.core.generate import vocabulary as v
from goglobal.core.generate.people import Pick

KINDS = Pick(v.ORGANISATION_KINDS)
COUNTRIES = Pick(v.COUNTRY_WEIGHTS)
# Faker locales for contact names; countries not listed get English names.
LOCALES = {
    "JP": "ja_JP",
    "KR": "ko_KR",
    "DE": "de_DE",
    "FR": "fr_FR",
    "NL": "nl_NL",
    "GB": "en_GB",
    "AU": "en_AU",
    "IN": "en_IN",
    "TH": "th_TH",
    "CN": "zh_CN",
    "TW": "zh_TW",
}


def organisation_count(enterprises: int) -> int:
    """A few hundred at the benchmark's 100,000 enterprises, a few dozen for the demo."""
    return min(400, max(30, enterprises // 300))


class OrganisationMaker:
    def __init__(self, *, seed: int, lookups, first_id: int, first_contact_id: int):
        self.rng = random.Random(seed * 7919 + 1)
        self.fakers: dict[str, Faker] = {}
        self.seed = seed
        self.lookups = lookups
        self.next_id = first_id
        self.next_contact_id = first_contact_id
        self.names: set[tuple[str, str]] = set()

    def _faker(self, country: str) -> Faker:
        locale = LOCALES.get(country, "en_US")
        if locale not in self.fakers:
            faker = Faker(locale)
            faker.seed_instance(self.seed)
            self.fakers[locale] = faker
        return self.fakers[locale]

    def _name(self, kind: str, country: str, country_en: str) -> str:
        rng = self.rng
        word, other = rng.sample(v.ORG_WORDS, 2)
        field = rng.choice(v.ORG_FIELDS)
        if kind == "company":
            return f"{word} {field} {v.COMPANY_SUFFIX.get(country, 'Ltd.')}"
        if kind == "university":
            return rng.choice(
                (
                    f"{word} Institute of Technology",
                    f"{word} University, School of {rng.choice(v.SCHOOLS)}",
                    f"{word}–{other} University of Applied Sciences",
                )
            )
        if kind == "trade_body":
            return rng.choice(
                (
                    f"{country_en} {field} Association",
                    f"{word} {field} Alliance",
                    f"{country_en}–Vietnam Business Council ({word})",
                )
            )
        if kind == "government":
            return f"{country_en} {field} Trade and Investment Office ({word})"
        return f"{country_en} {field} Delegation to Vietnam {rng.randint(2022, 2025)}"

    def make(self, count: int) -> tuple[list, list, list, list]:
        rng = self.rng
        organisations, sectors, contacts, consents = [], [], [], []
        sector_codes = sorted(self.lookups.sector_ids)
        while len(organisations) < count:
            kind = KINDS(rng)
            country = COUNTRIES(rng)
            country_en = self.lookups.country_names.get(country, country)
            name = self._name(kind, country, country_en)
            if (name, country) in self.names:
                continue
            self.names.add((name, country))
            pk = self.next_id
            self.next_id += 1
            slug = "".join(ch for ch in name.lower() if ch.isalnum())[:40]
            organisations.append(
                dict(
                    id=pk,
                    name=name,
                    kind=kind,
                    country_id=country,
                    city=rng.choice(v.CITIES.get(country, [""])),
                    website=f"https://{slug}.example",
                    description=f"{name}: {kind.replace('_', ' ')} in {country_en}.",
                )
            )
            for code in rng.sample(sector_codes, k=rng.randint(1, 3)):
                sectors.append(
                    dict(foreignorganisation_id=pk, sector_id=self.lookups.sector_ids[code])
                )
            if rng.random() < 0.5:
                faker = self._faker(country)
                contact_id = self.next_contact_id
                self.next_contact_id += 1
                contacts.append(
                    dict(
                        id=contact_id,
                        foreign_organisation_id=pk,
                        full_name=faker.name(),
                        position=rng.choice(
                            ("CEO", "Managing Director", "Head of Asia", "Partner")
                        ),
                        email=f"contact@{slug}.example",
                    )
                )
                consents.append(
                    dict(
                        contact_id=contact_id,
                        purpose="programme_contact",
                        method="email",
                        evidence=f"E-mail of {len(organisations):04d} agreeing to be contacted",
                        given_at=dt.datetime(2025, rng.randint(1, 12), 1, 9, tzinfo=dt.UTC),
                    )
                )
        return organisations, sectors, contacts, consents
