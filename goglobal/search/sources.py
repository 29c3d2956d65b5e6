"""The registry's record types as search sources: enterprises, products, foreign
organisations, missions and contacts. Each reads its records in batches (the rebuild indexes
hundreds of thousands) and says who may see them through its app's selector."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.utils.translation import gettext_lazy as _

from goglobal.core.links import path_for
from goglobal.enterprises import selectors as registry
from goglobal.enterprises.models import Contact, Enterprise, MarketPresence, Product
from goglobal.missions.models import Mission
from goglobal.missions.selectors import mission_list_for_user
from goglobal.partners.models import ForeignOrganisation
from goglobal.partners.selectors import foreign_organisation_visible_for_user
from goglobal.reference.models import Country, Province
from goglobal.search.registry import Document, SearchSource, grouped, id_batches, register


def _among(name: str, batch: list[int]) -> dict:
    """The filter for `name` in the batch: a range when the ids are consecutive, as a bulk
    insert's are. The same rows, but an IN list of 2,000 ids cost Django ~8 ms to build,
    per query, four queries a batch: a fifth of indexing an import."""
    if batch and all(type(pk) is int for pk in batch):
        low, high = min(batch), max(batch)
        if high - low + 1 == len(set(batch)):
            return {f"{name}__gte": low, f"{name}__lte": high}
    return {f"{name}__in": batch}


def _provinces() -> dict[int, tuple[str, str]]:
    return {
        code: (vi, en)
        for code, vi, en in Province.objects.values_list("code", "name_vi", "name_en")
    }


def _countries() -> dict[str, tuple[str, str]]:
    return {
        code: (vi, en) for code, vi, en in Country.objects.values_list("code", "name_vi", "name_en")
    }


def _tax_names(tax_code: str) -> list[str]:
    # A branch's 13 digits are also written with a dash after the tenth: index both forms.
    return [tax_code, f"{tax_code[:10]} {tax_code[10:]}"] if len(tax_code) > 10 else [tax_code]


def enterprise_documents(ids: Iterable[int] | None) -> Iterator[Document]:
    provinces = _provinces()
    links = Enterprise.sectors.through.objects
    for batch in id_batches(Enterprise, ids):
        rows = Enterprise.objects.filter(**_among("id", batch)).values_list(
            "id", "name_vi", "name_en", "trading_names", "tax_code", "province_id",
            "employee_band", "description_vi", "description_en",
        )  # fmt: skip
        sectors = grouped(
            links.filter(**_among("enterprise_id", batch)).values_list(
                "enterprise_id", "sector__code"
            )
        )
        presence = grouped(
            MarketPresence.objects.filter(**_among("enterprise_id", batch)).values_list(
                "enterprise_id", "country_id", "mode"
            )
        )
        products = grouped(
            Product.objects.filter(**_among("enterprise_id", batch)).values_list(
                "enterprise_id", "name_vi", "name_en"
            )
        )
        for pk, name_vi, name_en, trading, tax_code, province, band, desc_vi, desc_en in rows:
            province_vi, province_en = provinces.get(province, ("", ""))
            facets = [("province", str(province))]
            facets += [("sector", code) for code in sectors[pk]]
            facets += sorted({("country", country) for country, _mode in presence[pk]})
            facets += sorted({("mode", mode) for _country, mode in presence[pk]})
            if band:
                facets.append(("size", band))
            yield Document(
                object_id=pk,
                title=name_vi,
                title_en=name_en,
                subtitle=f"{tax_code} · {province_vi}",
                subtitle_en=f"{tax_code} · {province_en}",
                url=path_for("enterprises:detail", pk),
                names=[name_vi, name_en, *(trading or []), *_tax_names(tax_code)],
                body=[desc_vi, desc_en, province_vi, province_en]
                + [name for pair in products[pk] for name in pair],
                facets=facets,
            )


def product_documents(ids: Iterable[int] | None) -> Iterator[Document]:
    for batch in id_batches(Product, ids):
        rows = Product.objects.filter(**_among("id", batch)).values_list(
            "id", "name_vi", "name_en", "description_vi", "description_en", "enterprise_id",
            "enterprise__name_vi", "enterprise__name_en", "enterprise__province_id",
        )  # fmt: skip
        sectors = grouped(
            Product.sectors.through.objects.filter(**_among("product_id", batch)).values_list(
                "product_id", "sector__code"
            )
        )
        markets = grouped(
            Product.target_markets.through.objects.filter(
                **_among("product_id", batch)
            ).values_list("product_id", "country_id")
        )
        for pk, name_vi, name_en, desc_vi, desc_en, ent_id, ent_vi, ent_en, province in rows:
            facets = [("province", str(province))]
            facets += [("sector", code) for code in sectors[pk]]
            facets += [("country", code) for code in markets[pk]]
            yield Document(
                object_id=pk,
                title=name_vi,
                title_en=name_en,
                subtitle=ent_vi,
                subtitle_en=ent_en,
                url=path_for("enterprises:products", ent_id),
                names=[name_vi, name_en],
                body=[desc_vi, desc_en, ent_vi, ent_en],
                facets=facets,
            )


def organisation_documents(ids: Iterable[int] | None) -> Iterator[Document]:
    countries = _countries()
    for batch in id_batches(ForeignOrganisation, ids):
        rows = ForeignOrganisation.objects.filter(**_among("id", batch)).values_list(
            "id", "name", "name_vi", "country_id", "city", "description"
        )
        sectors = grouped(
            ForeignOrganisation.sectors.through.objects.filter(
                **_among("foreignorganisation_id", batch)
            ).values_list("foreignorganisation_id", "sector__code")
        )
        for pk, name, name_vi, country, city, description in rows:
            country_vi, country_en = countries.get(country, ("", ""))
            yield Document(
                object_id=pk,
                title=name,
                title_en=name,
                subtitle=f"{city}, {country_vi}" if city else country_vi,
                subtitle_en=f"{city}, {country_en}" if city else country_en,
                url=path_for("partners:detail", pk),
                names=[name, name_vi],
                body=[description, city, country_vi, country_en],
                facets=[("country", country)] + [("sector", code) for code in sectors[pk]],
            )


def mission_documents(ids: Iterable[int] | None) -> Iterator[Document]:
    countries = _countries()
    for batch in id_batches(Mission, ids):
        rows = Mission.objects.filter(**_among("id", batch)).values_list(
            "id", "name_vi", "name_en", "city", "host_country_id", "head_name",
            "international_organisation",
        )  # fmt: skip
        jurisdiction = grouped(
            Mission.jurisdiction.through.objects.filter(**_among("mission_id", batch)).values_list(
                "mission_id", "country_id"
            )
        )
        for pk, name_vi, name_en, city, host, head, organisation in rows:
            codes = sorted({host, *jurisdiction[pk]})
            yield Document(
                object_id=pk,
                title=name_vi,
                title_en=name_en,
                subtitle=city,
                url=path_for("missions:detail", pk),
                names=[name_vi, name_en],
                body=[city, head, organisation]
                + [name for code in codes for name in countries.get(code, ())],
                facets=[("country", code) for code in codes],
            )


def contact_documents(ids: Iterable[int] | None) -> Iterator[Document]:
    for batch in id_batches(Contact, ids):
        rows = Contact.objects.filter(**_among("id", batch)).values_list(
            "id", "full_name", "position", "email", "enterprise_id", "enterprise__name_vi",
            "enterprise__name_en", "foreign_organisation_id", "foreign_organisation__name",
        )  # fmt: skip
        for pk, full_name, position, email, ent_id, ent_name, ent_en, org_id, org_name in rows:
            if ent_id:
                url = path_for("enterprises:contact", ent_id, pk)
            else:
                url = path_for("partners:detail", org_id)
            organisation = ent_name or org_name or ""
            organisation_en = ent_en or organisation
            yield Document(
                object_id=pk,
                title=full_name,
                title_en=full_name,
                subtitle=" · ".join(part for part in (position, organisation) if part),
                subtitle_en=" · ".join(part for part in (position, organisation_en) if part),
                url=url,
                names=[full_name],
                body=[position, email, organisation, ent_en],
            )


register(
    SearchSource(
        kind="enterprise",
        label=_("Enterprise"),
        model=Enterprise,
        visible=registry.enterprise_visible_for_user,
        documents=enterprise_documents,
        # An enterprise's entry lists its products' names, and its presence abroad (facets).
        includes=((Product, "products"), (MarketPresence, "presences")),
    )
)
register(
    SearchSource(
        kind="organisation",
        label=_("Foreign organisation"),
        model=ForeignOrganisation,
        visible=foreign_organisation_visible_for_user,
        documents=organisation_documents,
    )
)
register(
    SearchSource(
        kind="mission",
        label=_("Overseas mission"),
        model=Mission,
        visible=mission_list_for_user,
        documents=mission_documents,
    )
)
register(
    SearchSource(
        kind="product",
        label=_("Product"),
        model=Product,
        visible=registry.product_visible_for_user,
        documents=product_documents,
        # A product's entry names its enterprise.
        includes=((Enterprise, "enterprise"),),
    )
)
register(
    SearchSource(
        kind="contact",
        label=_("Contact"),
        model=Contact,
        visible=registry.contact_visible_for_user,
        documents=contact_documents,
        # A contact's entry names its enterprise or foreign organisation.
        includes=((Enterprise, "enterprise"), (ForeignOrganisation, "foreign_organisation")),
    )
)
