"""Removes what earlier `goglobal generate` runs created, by the id ranges SyntheticDataset
recorded. The bulky tables are emptied with plain DELETEs (the ORM's delete would load every
row and write a history record for each); anything else that points at a generated row (a
membership, a record another app adds later) goes through the ORM so its on_delete is kept."""

from __future__ import annotations

from django.db import models, router

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


def _between(path: str, low: int, high: int) -> dict:
    # Foreign keys have no __range lookup; two bounds do the same.
    return {f"{path}__gte": low, f"{path}__lte": high}


def raw_delete(queryset: models.QuerySet) -> int:
    return queryset._raw_delete(router.db_for_write(queryset.model))


def release_references(model, parents: models.QuerySet, handled: set) -> None:
    """Applies on_delete for relations to `model` the bulk deletes below do not cover."""
    for rel in model._meta.related_objects:
        if rel.many_to_many:
            if rel.through in handled:
                continue
            field = rel.field.m2m_reverse_field_name()
            rel.through._base_manager.filter(**{f"{field}__in": parents}).delete()
            continue
        if rel.related_model in handled:
            continue
        rows = rel.related_model._base_manager.filter(**{f"{rel.field.name}__in": parents})
        if rel.on_delete is models.CASCADE:
            rows.delete()
        elif rel.on_delete is models.SET_NULL:
            rows.update(**{rel.field.name: None})
        elif rel.on_delete is not models.DO_NOTHING and rows.exists():
            raise RuntimeError(
                f"{rel.related_model._meta.label} rows point at generated "
                f"{model._meta.label} rows and may not be deleted with them."
            )


def _clear_enterprises(low: int, high: int) -> dict[str, int]:
    in_range = _between("enterprise_id", low, high)
    handled = {
        Enterprise,
        Enterprise.sectors.through,
        Product,
        Product.sectors.through,
        Product.target_markets.through,
        MarketPresence,
        Declaration,
        DeclarationCountry,
        Contact,
        ContactConsent,
    }
    for model, parents in (
        (Enterprise, Enterprise._base_manager.filter(**_between("pk", low, high))),
        (Product, Product._base_manager.filter(**in_range)),
        (Contact, Contact._base_manager.filter(**in_range)),
        (Declaration, Declaration._base_manager.filter(**in_range)),
        (MarketPresence, MarketPresence._base_manager.filter(**in_range)),
    ):
        release_references(model, parents.values("pk"), handled)
    return {
        "declaration_countries": raw_delete(
            DeclarationCountry.objects.filter(**_between("declaration__enterprise_id", low, high))
        ),
        "declarations": raw_delete(Declaration.objects.filter(**in_range)),
        "consents": raw_delete(
            ContactConsent.objects.filter(**_between("contact__enterprise_id", low, high))
        ),
        "contacts": raw_delete(Contact.objects.filter(**in_range)),
        "product_markets": raw_delete(
            Product.target_markets.through.objects.filter(
                **_between("product__enterprise_id", low, high)
            )
        ),
        "product_sectors": raw_delete(
            Product.sectors.through.objects.filter(**_between("product__enterprise_id", low, high))
        ),
        "products": raw_delete(Product.objects.filter(**in_range)),
        "presences": raw_delete(MarketPresence.objects.filter(**in_range)),
        "enterprise_sectors": raw_delete(Enterprise.sectors.through.objects.filter(**in_range)),
        "enterprises": raw_delete(Enterprise.objects.filter(**_between("pk", low, high))),
    }


def _clear_organisations(low: int, high: int) -> dict[str, int]:
    in_range = _between("foreign_organisation_id", low, high)
    handled = {ForeignOrganisation, ForeignOrganisation.sectors.through, Contact, ContactConsent}
    parents = ForeignOrganisation._base_manager.filter(**_between("pk", low, high)).values("pk")
    release_references(ForeignOrganisation, parents, handled)
    release_references(Contact, Contact._base_manager.filter(**in_range).values("pk"), handled)
    return {
        "consents": raw_delete(
            ContactConsent.objects.filter(**_between("contact__foreign_organisation_id", low, high))
        ),
        "contacts": raw_delete(Contact.objects.filter(**in_range)),
        "organisation_sectors": raw_delete(
            ForeignOrganisation.sectors.through.objects.filter(
                **_between("foreignorganisation_id", low, high)
            )
        ),
        "foreign_organisations": raw_delete(
            ForeignOrganisation.objects.filter(**_between("pk", low, high))
        ),
    }


def clear_generated() -> dict[str, int]:
    """Deletes every generated row; returns how many of each kind went."""
    from goglobal.events.generate import clear_generated_events  # events point at enterprises

    cleared: dict[str, int] = clear_generated_events()
    for dataset in SyntheticDataset.objects.all():
        parts = []
        if dataset.enterprise_id_min is not None:
            parts.append(_clear_enterprises(dataset.enterprise_id_min, dataset.enterprise_id_max))
        if dataset.organisation_id_min is not None:
            parts.append(
                _clear_organisations(dataset.organisation_id_min, dataset.organisation_id_max)
            )
        for part in parts:
            for name, count in part.items():
                cleared[name] = cleared.get(name, 0) + count
    SyntheticDataset.objects.all().delete()
    return cleared
