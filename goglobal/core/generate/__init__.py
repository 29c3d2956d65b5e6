"""`goglobal generate`: a deterministic synthetic population (the same enterprises count and
seed give the same rows) written with batched inserts, fast enough for 100,000 enterprises.

"The same rows" means the same content: ids continue from whatever the database already
held, and tax codes already taken by other enterprises are skipped.

A run first clears what the previous run generated (SyntheticDataset keeps its id ranges), so
running it twice leaves one population, never two. Generated rows have no history records:
batched inserts bypass django-simple-history, which is right for data nobody changed."""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.core.management.color import no_style
from django.db import connection, transaction

from goglobal.core.generate.clear import clear_generated
from goglobal.core.generate.enterprises import Batch, EnterpriseMaker, Ids
from goglobal.core.generate.organisations import OrganisationMaker, organisation_count
from goglobal.core.generate.writer import TableWriter, next_id
from goglobal.core.inserts import refresh_planner_statistics
from goglobal.core.models import SyntheticDataset
from goglobal.enterprises.models import (
    Contact,
    ContactConsent,
    Declaration,
    DeclarationCountry,
    Enterprise,
    MarketPresence,
    Product,
)
from goglobal.partners.models import ForeignOrganisation
from goglobal.reference.models import Country, Province, Sector
from goglobal.search.services import search_rebuild

__all__ = ["GenerateResult", "clear_generated", "generate"]

# Enterprises built and inserted together: bounds memory without making the inserts small.
CHUNK = 5000


@dataclass
class Lookups:
    sector_ids: dict[str, int]
    province_codes: dict[str, int]
    province_names: dict[str, tuple[str, str]]
    country_names: dict[str, str]

    @classmethod
    def load(cls) -> Lookups:
        sector_ids = dict(Sector.objects.values_list("code", "id"))
        provinces = list(
            Province.objects.order_by("code").values_list("codename", "code", "name_vi", "name_en")
        )
        if not sector_ids or not provinces:
            raise RuntimeError("Reference data is missing: run `goglobal migrate` first.")
        return cls(
            sector_ids=sector_ids,
            province_codes={codename: code for codename, code, _, _ in provinces},
            province_names={codename: (vi, en) for codename, _, vi, en in provinces},
            country_names=dict(Country.objects.values_list("code", "name_en")),
        )


@dataclass
class GenerateResult:
    dataset: SyntheticDataset
    cleared: dict[str, int]
    counts: dict[str, int]
    seconds: float


# Parents before children, so that foreign keys hold after every statement.
TABLES = (
    ("enterprises", Enterprise),
    ("enterprise_sectors", Enterprise.sectors.through),
    ("products", Product),
    ("product_sectors", Product.sectors.through),
    ("product_markets", Product.target_markets.through),
    ("presences", MarketPresence),
    ("declarations", Declaration),
    ("declaration_countries", DeclarationCountry),
    ("contacts", Contact),
    ("consents", ContactConsent),
)


def _insert(batch: Batch, writers: dict[str, TableWriter], counts: dict[str, int]) -> None:
    for name, _model in TABLES:
        counts[name] = counts.get(name, 0) + writers[name].insert(getattr(batch, name))


def generate(*, enterprises: int, seed: int, progress=None) -> GenerateResult:
    """Replaces any earlier synthetic population with `enterprises` new ones for `seed`.
    `progress(done, total)` is called after every chunk."""
    started = time.perf_counter()
    with transaction.atomic():
        cleared = clear_generated()
        lookups = Lookups.load()
        seed_codes = set(Enterprise.objects.values_list("tax_code", flat=True))
        ids = Ids(
            enterprise=next_id(Enterprise),
            product=next_id(Product),
            contact=next_id(Contact),
            declaration=next_id(Declaration),
        )
        first_enterprise = ids.enterprise
        maker = EnterpriseMaker(seed=seed, lookups=lookups, taken_tax_codes=seed_codes, ids=ids)
        writers = {name: TableWriter(model) for name, model in TABLES}
        counts: dict[str, int] = {}
        done = 0
        while done < enterprises:
            batch = Batch()
            for _ in range(min(CHUNK, enterprises - done)):
                maker.make(batch)
            _insert(batch, writers, counts)
            done += len(batch.enterprises)
            if progress:
                progress(done, enterprises)

        first_org = next_id(ForeignOrganisation)
        org_maker = OrganisationMaker(
            seed=seed, lookups=lookups, first_id=first_org, first_contact_id=ids.contact
        )
        organisations, org_sectors, org_contacts, org_consents = org_maker.make(
            organisation_count(enterprises)
        )
        TableWriter(ForeignOrganisation).insert(organisations)
        TableWriter(ForeignOrganisation.sectors.through).insert(org_sectors)
        writers["contacts"].insert(org_contacts)
        writers["consents"].insert(org_consents)
        counts["foreign_organisations"] = len(organisations)
        counts["contacts"] += len(org_contacts)
        counts["consents"] += len(org_consents)

        # Ids were given explicitly: PostgreSQL's sequences must move past them (SQLite's
        # AUTOINCREMENT follows the largest id by itself).
        statements = connection.ops.sequence_reset_sql(
            no_style(), [Enterprise, Product, Contact, Declaration, ForeignOrganisation]
        )
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)

        if enterprises:
            from goglobal.events.generate import generate_events  # the events app builds on core

            counts |= generate_events(
                seed=seed,
                enterprise_ids=(first_enterprise, ids.enterprise - 1),
                organisation_ids=(first_org, org_maker.next_id - 1) if organisations else None,
            )

        # Batched inserts bypass the services that keep the search index in step.
        counts["search_entries"] = sum(
            n for kind, n in search_rebuild().items() if kind != "seconds"
        )

        seconds = time.perf_counter() - started
        dataset = SyntheticDataset.objects.create(
            seed=seed,
            enterprises=enterprises,
            enterprise_id_min=first_enterprise if enterprises else None,
            enterprise_id_max=ids.enterprise - 1 if enterprises else None,
            organisation_id_min=first_org if organisations else None,
            organisation_id_max=org_maker.next_id - 1 if organisations else None,
            counts=counts,
            seconds=round(seconds, 2),
        )
    refresh_planner_statistics()
    return GenerateResult(dataset=dataset, cleared=cleared, counts=counts, seconds=seconds)
