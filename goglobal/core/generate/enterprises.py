"""One synthetic enterprise at a time: its profile, products, presence abroad, yearly
declarations and contacts, as rows (dicts keyed by column) with their ids already set, so that
children point at parents without reading anything back; the writer inserts them in batches."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import Decimal

from faker import Faker
from stdnum.vn import mst

from goglobal.core.generate import vocabulary as v
from goglobal.core.generate.people import Pick, brand, brand_ascii, email_local, log_uniform
from goglobal.core.generate.people import person_name as vi_person_name
from goglobal.core.text import fold

UTC = dt.UTC
BANDS = Pick(v.EMPLOYEE_BANDS)
STATUSES = Pick(v.STATUSES)
LEGAL_FORMS = Pick(v.LEGAL_FORMS)
ACTIVITIES = Pick(v.ACTIVITIES)
COUNTRIES = Pick(v.COUNTRY_WEIGHTS)
MODES = Pick(v.PRESENCE_MODES)
CONSENT_METHODS = Pick(v.CONSENT_METHODS)
YEARS = Pick([(year, (year - 1986) ** 1.6) for year in range(1990, 2026)])
PRODUCT_COUNTS = {
    "1-10": Pick([(0, 45), (1, 35), (2, 15), (3, 5)]),
    "11-50": Pick([(0, 30), (1, 35), (2, 22), (3, 10), (4, 3)]),
    "51-200": Pick([(0, 15), (1, 30), (2, 30), (3, 17), (4, 8)]),
}
PRODUCT_COUNTS_LARGE = Pick([(0, 5), (1, 15), (2, 30), (3, 30), (4, 20)])
LATEST_STATUS = Pick([("accepted", 60), ("submitted", 25), ("returned", 8), ("draft", 7)])
RETURN_REASONS = [
    "Doanh thu theo quốc gia chưa khớp với tổng doanh thu nước ngoài.",
    "Thiếu tỷ giá quy đổi đã sử dụng.",
    "Số lao động ở nước ngoài chưa khớp với hiện diện đã khai.",
]


@dataclass
class Ids:
    """The next free id of each table whose rows the generator numbers itself."""

    enterprise: int
    product: int
    contact: int
    declaration: int

    def take(self, name: str) -> int:
        value = getattr(self, name)
        setattr(self, name, value + 1)
        return value


@dataclass
class Batch:
    enterprises: list = field(default_factory=list)
    enterprise_sectors: list = field(default_factory=list)
    products: list = field(default_factory=list)
    product_sectors: list = field(default_factory=list)
    product_markets: list = field(default_factory=list)
    presences: list = field(default_factory=list)
    declarations: list = field(default_factory=list)
    declaration_countries: list = field(default_factory=list)
    contacts: list = field(default_factory=list)
    consents: list = field(default_factory=list)


@dataclass
class _Parent:
    tax_code: str
    name_vi: str
    name_en: str
    province: str
    sectors: list
    marks: tuple[str, str]
    branches: int = 0


class EnterpriseMaker:
    def __init__(self, *, seed: int, lookups, taken_tax_codes: set[str], ids: Ids):
        self.rng = random.Random(seed)
        self.faker = Faker("vi_VN")
        self.faker.seed_instance(seed)
        self.lookups = lookups
        self.taken = taken_tax_codes
        self.ids = ids
        self.names: set[str] = set()
        # Ordinals, not ids, go into the data: ids depend on what the database held before.
        self.made = 0
        self.contacts_made = 0
        self.parents: list[_Parent] = []
        weights = [
            (codename, v.PROVINCE_WEIGHTS.get(codename, v.PROVINCE_REST_WEIGHT))
            for codename in lookups.province_codes
        ]
        self.provinces = Pick(weights)

    # -- profile ---------------------------------------------------------------------------

    def _tax_code(self, province: str) -> str:
        prefix = (
            v.TAX_PREFIX.get(province) or f"{10 + self.lookups.province_codes[province] % 60:02d}"
        )
        while True:
            body = f"{prefix}{self.rng.randrange(1, 10_000_000):07d}"
            check = mst.calc_check_digit(body)
            code = body + check
            if len(check) == 1 and code not in self.taken:
                self.taken.add(code)
                return code

    def _name(self) -> tuple[str, str, str, list[str], tuple[str, str]]:
        rng = self.rng
        for attempt in range(8):
            form_vi, form_en, form_short, _ = LEGAL_FORMS.row(rng)
            act_vi, act_en, act_short, sectors, _ = ACTIVITIES.row(rng)
            mark = brand(rng)
            name_vi = f"{form_vi} {act_vi} {mark}"
            if attempt == 7:
                name_vi = f"{name_vi} {len(self.names)}"
            if name_vi not in self.names:
                break
        self.names.add(name_vi)
        mark_en = brand_ascii(mark)
        name_en = f"{mark_en} {act_en} {form_en}"
        trading = f"{mark_en.replace(' ', '').upper()} {act_short} {form_short}"
        return name_vi, name_en, trading, sectors, (mark, mark_en)

    def _ownership(self) -> Decimal | None:
        roll = self.rng.random()
        if roll < 0.88:
            return Decimal("100.00")
        if roll < 0.95:
            return Decimal(self.rng.randint(5100, 9999)).scaleb(-2)
        if roll < 0.99:
            return Decimal(self.rng.randint(0, 5000)).scaleb(-2)
        return None

    def make(self, batch: Batch) -> None:
        rng = self.rng
        band = BANDS(rng)
        status = STATUSES(rng)
        province = self.provinces(rng)
        founded = YEARS(rng)
        parent = None
        if self.parents and rng.random() < 0.012:
            parent = rng.choice(self.parents)
        if parent is not None and parent.branches < 999:
            parent.branches += 1
            tax_code = f"{parent.tax_code}{parent.branches:03d}"
            while province == parent.province:
                province = self.provinces(rng)
            place_vi, place_en = self.lookups.province_names[province]
            name_vi = f"Chi nhánh {parent.name_vi} tại {place_vi}"
            name_en = f"{parent.name_en} – {place_en} Branch"
            trading, marks, main_sectors = "", parent.marks, parent.sectors
        else:
            name_vi, name_en, trading, sectors, marks = self._name()
            tax_code = self._tax_code(province)
            extra = rng.sample(sectors[1:], k=min(len(sectors) - 1, rng.choice((0, 0, 1, 1, 2))))
            main_sectors = [sectors[0], *extra]
        ownership = self._ownership()
        pk = self.ids.take("enterprise")
        self.made += 1
        domain = f"{marks[1].replace(' ', '').lower()}{self.made}.example"
        place_vi, place_en = self.lookups.province_names[province]
        describe = rng.random() < 0.6
        enterprise = dict(
            id=pk,
            name_vi=name_vi,
            name_en=name_en,
            name_folded=fold(name_vi),
            trading_names=[trading] if trading and rng.random() < 0.6 else [],
            tax_code=tax_code,
            province_id=self.lookups.province_codes[province],
            founded_year=founded,
            employee_band=band,
            vn_ownership_pct=ownership,
            website=f"https://{domain}" if rng.random() < 0.7 else "",
            description_vi=(
                f"{name_vi} thành lập năm {founded}, trụ sở tại {place_vi}." if describe else ""
            ),
            description_en=(
                f"{name_en}, founded in {founded}, based in {place_en}." if describe else ""
            ),
            status=status,
        )
        batch.enterprises.append(enterprise)
        for code in main_sectors:
            batch.enterprise_sectors.append(
                dict(enterprise_id=pk, sector_id=self.lookups.sector_ids[code])
            )
        if parent is None and band not in ("1-10", "11-50") and len(self.parents) < 5000:
            self.parents.append(_Parent(tax_code, name_vi, name_en, province, main_sectors, marks))

        countries, staff = [], 0
        if status != "dissolved" and rng.random() < v.ABROAD_CHANCE[band]:
            countries, staff = self._presence(batch, enterprise, band)
        self._products(batch, enterprise, band, main_sectors, marks, countries)
        if countries:
            self._declarations(batch, enterprise, band, countries, staff)
        self._contacts(batch, enterprise, domain, abroad=bool(countries))

    # -- children --------------------------------------------------------------------------

    def _products(self, batch, enterprise, band, sectors, marks, countries) -> None:
        rng = self.rng
        mark, mark_en = marks
        count = PRODUCT_COUNTS.get(band, PRODUCT_COUNTS_LARGE)(rng)
        seen: set[str] = set()
        for _ in range(count):
            sector = sectors[0] if rng.random() < 0.7 else rng.choice(sectors)
            type_vi, type_en = rng.choice(v.PRODUCT_TYPES[sector])
            if type_vi in seen:
                continue
            seen.add(type_vi)
            pk = self.ids.take("product")
            batch.products.append(
                dict(
                    id=pk,
                    enterprise_id=enterprise["id"],
                    name_vi=f"{type_vi} {mark}",
                    name_en=f"{mark_en} {type_en}",
                    description_vi=f"{type_vi} do {enterprise['name_vi']} phát triển.",
                    description_en=f"{type_en} by {enterprise['name_en']}.",
                    make_in_vietnam=(enterprise["vn_ownership_pct"] or 0) >= 51
                    and rng.random() < 0.12,
                )
            )
            batch.product_sectors.append(
                dict(product_id=pk, sector_id=self.lookups.sector_ids[sector])
            )
            if countries:
                markets = rng.sample(countries, k=rng.randint(1, len(countries)))
            elif rng.random() < 0.2:
                markets = COUNTRIES.several(rng, rng.randint(1, 2))
            else:
                markets = []
            for code in markets:
                batch.product_markets.append(dict(product_id=pk, country_id=code))

    def _presence(self, batch, enterprise, band) -> tuple[list[str], int]:
        rng = self.rng
        low, high = v.COUNTRY_SPREAD[band]
        countries = COUNTRIES.several(rng, rng.randint(low, high))
        large = band in ("201-1000", "1001-5000", "5000+")
        staff = 0
        for code in countries:
            mode = MODES(rng)
            if large and mode in ("exploring", "project_exports") and rng.random() < 0.2:
                mode = rng.choice(("subsidiary", "acquired_company", "representative_office"))
            staff_low, staff_high = v.STAFF_BY_MODE[mode]
            abroad = rng.randint(staff_low, staff_high if large else min(staff_high, staff_low + 5))
            staff += abroad
            start = max(enterprise["founded_year"], 2005)
            since = dt.date(rng.randint(start, 2025), rng.randint(1, 12), 1)
            batch.presences.append(
                dict(
                    enterprise_id=enterprise["id"],
                    country_id=code,
                    mode=mode,
                    since=since,
                    staff_abroad=abroad,
                    city=rng.choice(v.CITIES.get(code, [""])),
                )
            )
        return countries, staff

    def _declarations(self, batch, enterprise, band, countries, staff) -> None:
        rng = self.rng
        years = [y for y in v.DECLARATION_YEARS if y >= enterprise["founded_year"]]
        if not years:
            return
        years = years[-rng.randint(1, min(4, len(years))) :]
        usd = log_uniform(rng, *v.REVENUE_USD[band])
        share = rng.uniform(0.05, 0.9)
        in_vnd = rng.random() < 0.75
        for index, year in enumerate(years):
            latest = index == len(years) - 1
            usd *= rng.uniform(1.05, 1.35)
            share = min(0.95, max(0.02, share * rng.uniform(0.9, 1.15)))
            rate = v.VND_PER_USD[year] if in_vnd else 1
            unit = 1 if in_vnd else 100  # VND in whole dong, USD in cents
            total = int(usd * rate * unit)
            overseas = int(total * share)
            status = (
                LATEST_STATUS(rng)
                if latest
                else ("accepted" if rng.random() < 0.95 else "returned")
            )
            submitted = (
                None
                if status == "draft"
                else dt.datetime(year + 1, rng.randint(1, 3), rng.randint(1, 28), 9, tzinfo=UTC)
            )
            reviewed = (
                submitted + dt.timedelta(days=rng.randint(3, 30))
                if status in ("accepted", "returned")
                else None
            )
            pk = self.ids.take("declaration")
            batch.declarations.append(
                dict(
                    id=pk,
                    enterprise_id=enterprise["id"],
                    year=year,
                    currency_id="VND" if in_vnd else "USD",
                    exchange_rate=Decimal(rate),
                    total_revenue=Decimal(total).scaleb(-2) if unit == 100 else Decimal(total),
                    overseas_revenue=(
                        Decimal(overseas).scaleb(-2) if unit == 100 else Decimal(overseas)
                    ),
                    staff_abroad=staff,
                    status=status,
                    return_reason=rng.choice(RETURN_REASONS) if status == "returned" else "",
                    submitted_at=submitted,
                    reviewed_at=reviewed,
                )
            )
            # Split most of the overseas revenue across the countries; the rest is "elsewhere".
            weights = [rng.random() + 0.05 for _ in countries]
            spread = overseas * rng.uniform(0.8, 1.0) / sum(weights)
            for code, weight in zip(countries, weights, strict=True):
                amount = int(spread * weight)
                batch.declaration_countries.append(
                    dict(
                        declaration_id=pk,
                        country_id=code,
                        revenue=Decimal(amount).scaleb(-2) if unit == 100 else Decimal(amount),
                    )
                )

    def _contacts(self, batch, enterprise, domain, *, abroad: bool) -> None:
        rng = self.rng
        # Enterprises abroad keep a few contacts with the programme; a quarter of the rest one.
        count = rng.randint(1, 3) if abroad else int(rng.random() < 0.25)
        for _ in range(count):
            full_name = vi_person_name(rng)
            pk = self.ids.take("contact")
            self.contacts_made += 1
            batch.contacts.append(
                dict(
                    id=pk,
                    enterprise_id=enterprise["id"],
                    full_name=full_name,
                    position=rng.choice(v.POSITIONS),
                    email=f"{email_local(full_name)}@{domain}",
                    phone=self.faker.phone_number(),
                )
            )
            self._consents(batch, pk, self.contacts_made, abroad=abroad)

    def _consents(self, batch, contact_id: int, ordinal: int, *, abroad: bool) -> None:
        rng = self.rng
        for purpose, chance in v.CONSENT_CHANCE.items():
            if purpose == "share_with_missions" and abroad:
                chance = 0.6
            if rng.random() >= chance:
                continue
            method = CONSENT_METHODS(rng)
            given = dt.datetime(
                rng.randint(2024, 2025), rng.randint(1, 12), rng.randint(1, 28), 10, tzinfo=UTC
            )
            withdrawn = (
                given + dt.timedelta(days=rng.randint(30, 200)) if rng.random() < 0.03 else None
            )
            evidence = v.CONSENT_EVIDENCE[method].format(
                n=f"{ordinal:06d}-{purpose[:3]}", day=given.strftime("%d/%m/%Y")
            )
            batch.consents.append(
                dict(
                    contact_id=contact_id,
                    purpose=purpose,
                    method=method,
                    evidence=evidence,
                    given_at=given,
                    withdrawn_at=withdrawn,
                )
            )
