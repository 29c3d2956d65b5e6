"""The real organisations of the seed reports: the Advisory Group's agencies, the enterprises
the reports name (with products, presence abroad, declarations and consenting contacts),
Vietnam's overseas missions and the UK delegation of July 2023. Idempotent: everything is
matched by its natural key and written only when it differs."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction

from goglobal.advisory.models import Agency
from goglobal.core.seed.agencies import AGENCIES
from goglobal.core.seed.enterprises import ENTERPRISES
from goglobal.core.seed.missions import MISSIONS
from goglobal.core.seed.partners import ORGANISATIONS
from goglobal.core.seed.upsert import Tally, upsert
from goglobal.core.text import fold
from goglobal.enterprises.models import (
    Contact,
    ContactConsent,
    Declaration,
    DeclarationCountry,
    Enterprise,
    MarketPresence,
    Product,
)
from goglobal.missions.models import Mission
from goglobal.partners.models import ForeignOrganisation
from goglobal.reference.models import Province, Sector
from goglobal.search.services import search_rebuild

# Consent was recorded at the conference that launched the Advisory Group (seed 000).
CONSENT_GIVEN_AT = dt.datetime(2022, 11, 25, 10, tzinfo=dt.UTC)
CONSENT_EVIDENCE = (
    "Phiếu đồng ý có chữ ký tại Hội nghị Doanh nghiệp công nghệ số Việt Nam đi ra thế giới"
)
REVIEWED_AT = {2023: dt.datetime(2024, 4, 15, 9, tzinfo=dt.UTC), 2024: dt.datetime(2025, 4, 15, 9, tzinfo=dt.UTC)}  # fmt: skip


def _agencies(tally: Tally) -> None:
    by_name: dict[str, Agency] = {}
    for name_vi, name_en, abbreviation, kind, parent, website, in_group in AGENCIES:
        by_name[name_vi] = upsert(
            Agency,
            keys={"name_vi": name_vi},
            values={
                "name_en": name_en,
                "abbreviation": abbreviation,
                "kind": kind,
                "parent_id": by_name[parent].pk if parent else None,
                "website": website,
                "in_advisory_group": in_group,
            },
            tally=tally,
        )


def _missions(tally: Tally) -> None:
    for name_vi, name_en, kind, host, city, countries, organisation, head in MISSIONS:
        upsert(
            Mission,
            keys={"name_vi": name_vi},
            values={
                "name_en": name_en,
                "kind": kind,
                "host_country_id": host,
                "city": city,
                "international_organisation": organisation,
                "head_name": head,
            },
            m2m={"jurisdiction": countries},
            tally=tally,
        )


def _partners(tally: Tally, sectors: dict[str, int]) -> None:
    for name, kind, country, city, codes, description in ORGANISATIONS:
        upsert(
            ForeignOrganisation,
            keys={"name": name, "country_id": country},
            values={"kind": kind, "city": city, "description": description},
            m2m={"sectors": [sectors[code] for code in codes]},
            tally=tally,
        )


def _enterprise(entry: dict, tally: Tally, sectors: dict[str, int], provinces: dict) -> None:
    ownership = entry["vn_ownership_pct"]
    enterprise = upsert(
        Enterprise,
        keys={"tax_code": entry["tax_code"]},
        values={
            "name_vi": entry["name_vi"],
            "name_en": entry["name_en"],
            "name_folded": fold(entry["name_vi"]),
            "trading_names": entry["trading_names"],
            "province_id": provinces[entry["province"]],
            "founded_year": entry["founded_year"],
            "employee_band": entry["employee_band"],
            "vn_ownership_pct": Decimal(ownership).quantize(Decimal("0.01")) if ownership else None,
            "website": entry["website"],
            "description_vi": entry["description_vi"],
            "description_en": entry["description_en"],
            "status": "active",
        },
        m2m={"sectors": [sectors[code] for code in entry["sectors"]]},
        tally=tally,
    )
    for name_vi, name_en, codes, make_in_vietnam, markets in entry["products"]:
        upsert(
            Product,
            keys={"enterprise_id": enterprise.pk, "name_vi": name_vi},
            values={"name_en": name_en, "make_in_vietnam": make_in_vietnam},
            m2m={"sectors": [sectors[code] for code in codes], "target_markets": markets},
            tally=tally,
        )
    for country, mode, city, since in entry["presence"]:
        upsert(
            MarketPresence,
            keys={"enterprise_id": enterprise.pk, "country_id": country, "mode": mode},
            values={"city": city, "since": dt.date(since, 1, 1) if since else None},
            tally=tally,
        )
    for year, currency, rate, total, overseas, status, by_country in entry["declarations"]:
        declaration = upsert(
            Declaration,
            keys={"enterprise_id": enterprise.pk, "year": year},
            values={
                "currency_id": currency,
                "exchange_rate": Decimal(rate),
                "total_revenue": Decimal(total),
                "overseas_revenue": Decimal(overseas),
                "status": status,
                "submitted_at": dt.datetime(year + 1, 3, 31, 9, tzinfo=dt.UTC),
                "reviewed_at": REVIEWED_AT.get(year) if status == "accepted" else None,
            },
            tally=tally,
        )
        for country, revenue in by_country.items():
            upsert(
                DeclarationCountry,
                keys={"declaration_id": declaration.pk, "country_id": country},
                values={"revenue": Decimal(revenue)},
                tally=tally,
            )
    for full_name, position, email, purposes in entry["contacts"]:
        contact = upsert(
            Contact,
            keys={"enterprise_id": enterprise.pk, "full_name": full_name},
            values={"position": position, "email": email},
            tally=tally,
        )
        for purpose in purposes:
            upsert(
                ContactConsent,
                keys={"contact_id": contact.pk, "purpose": purpose},
                values={
                    "method": "paper_form",
                    "evidence": CONSENT_EVIDENCE,
                    "given_at": CONSENT_GIVEN_AT,
                },
                tally=tally,
            )


@transaction.atomic
def load_seed() -> Tally:
    tally = Tally()
    sectors = dict(Sector.objects.values_list("code", "id"))
    provinces = dict(Province.objects.values_list("codename", "code"))
    _agencies(tally)
    _missions(tally)
    _partners(tally, sectors)
    for entry in ENTERPRISES:
        _enterprise(entry, tally, sectors, provinces)
    # The loader writes rows directly (not through the services): index what it wrote.
    search_rebuild()
    return tally
