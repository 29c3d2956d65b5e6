"""Writes to enterprises, products, market presence and contacts."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from goglobal.accounts.access import AnyUser
from goglobal.core.text import fold
from goglobal.enterprises import policies
from goglobal.enterprises.models import Contact, ContactConsent, Enterprise, MarketPresence, Product
from goglobal.enterprises.services.common import (
    assign,
    require,
    resolve_countries,
    resolve_country,
    resolve_province,
    resolve_sectors,
    save_validated,
)
from goglobal.enterprises.validators import (
    clean_tax_code,
    validate_founded_year,
    validate_not_future,
)
from goglobal.search.services import search_index_record

ENTERPRISE_FIELDS = (
    "name_vi",
    "name_en",
    "founded_year",
    "employee_band",
    "vn_ownership_pct",
    "website",
    "description_vi",
    "description_en",
)
MAX_TRADING_NAMES = 10


def _clean_trading_names(names) -> list[str]:
    if names is None:
        return []
    if isinstance(names, str):
        names = names.splitlines()
    cleaned = [str(name).strip() for name in names if str(name).strip()]
    if len(cleaned) > MAX_TRADING_NAMES:
        raise ValidationError(
            {"trading_names": _("At most %(n)s trading names.") % {"n": MAX_TRADING_NAMES}}
        )
    if any(len(name) > 255 for name in cleaned):
        raise ValidationError({"trading_names": _("A trading name has at most 255 characters.")})
    return list(dict.fromkeys(cleaned))


def _apply_enterprise(enterprise: Enterprise, data: dict, *, actor: AnyUser) -> list | None:
    errors: dict[str, list] = {}
    assign(enterprise, data, ENTERPRISE_FIELDS)
    if "tax_code" in data:
        try:
            tax_code = clean_tax_code(data["tax_code"])
        except ValidationError as exc:
            errors["tax_code"] = exc.messages
        else:
            if enterprise.pk and tax_code != enterprise.tax_code:
                require(policies.can_change_enterprise_tax_code(actor))
            enterprise.tax_code = tax_code
    if "trading_names" in data:
        enterprise.trading_names = _clean_trading_names(data["trading_names"])
    if "status" in data and data["status"] != enterprise.status:
        require(policies.can_change_enterprise_status(actor))
        enterprise.status = data["status"]
    if "province" in data:
        try:
            enterprise.province = resolve_province(data["province"])
        except ValidationError as exc:
            errors.update(exc.message_dict)
    try:
        validate_founded_year(enterprise.founded_year)
    except ValidationError as exc:
        errors["founded_year"] = exc.messages
    sectors = None
    if "sectors" in data:
        try:
            sectors = resolve_sectors(data["sectors"] or [])
        except ValidationError as exc:
            errors.update(exc.message_dict)
    enterprise.name_folded = fold(enterprise.name_vi or "")
    try:
        enterprise.full_clean(exclude=[field for field in errors] or None)
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, messages)
    if errors:
        raise ValidationError(errors)
    return sectors


@transaction.atomic
def enterprise_create(*, actor: AnyUser, data: dict) -> Enterprise:
    require(policies.can_create_enterprise(actor))
    enterprise = Enterprise()
    for required in ("name_vi", "tax_code", "province"):
        data.setdefault(required, "" if required != "province" else None)
    sectors = _apply_enterprise(enterprise, data, actor=actor)
    save_validated(enterprise, actor=actor, m2m={"sectors": sectors})
    search_index_record(enterprise)
    return enterprise


@transaction.atomic
def enterprise_update(*, actor: AnyUser, enterprise: Enterprise, data: dict) -> Enterprise:
    require(policies.can_edit_enterprise(actor, enterprise))
    # Re-read under lock so two editors do not silently overwrite each other's fields.
    enterprise = Enterprise.objects.select_for_update().get(pk=enterprise.pk)
    sectors = _apply_enterprise(enterprise, data, actor=actor)
    save_validated(enterprise, actor=actor, m2m={"sectors": sectors})
    search_index_record(enterprise)
    return enterprise


PRODUCT_FIELDS = (
    "name_vi",
    "name_en",
    "description_vi",
    "description_en",
    "make_in_vietnam",
    "website",
)


def _apply_product(product: Product, data: dict) -> tuple[list | None, list | None]:
    assign(product, data, PRODUCT_FIELDS)
    errors: dict = {}
    sectors = markets = None
    try:
        sectors = resolve_sectors(data["sectors"] or []) if "sectors" in data else None
    except ValidationError as exc:
        errors.update(exc.message_dict)
    try:
        markets = (
            resolve_countries(data["target_markets"] or [], "target_markets")
            if "target_markets" in data
            else None
        )
    except ValidationError as exc:
        errors.update(exc.message_dict)
    try:
        product.full_clean()
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, messages)
    if errors:
        raise ValidationError(errors)
    return sectors, markets


def _save_product(product: Product, data: dict, actor: AnyUser) -> Product:
    sectors, markets = _apply_product(product, data)
    save_validated(product, actor=actor, m2m={"sectors": sectors, "target_markets": markets})
    search_index_record(product)
    return product


@transaction.atomic
def product_create(*, actor: AnyUser, enterprise: Enterprise, data: dict) -> Product:
    require(policies.can_manage_enterprise_records(actor, enterprise.pk))
    data.setdefault("name_vi", "")
    return _save_product(Product(enterprise=enterprise), data, actor)


@transaction.atomic
def product_update(*, actor: AnyUser, product: Product, data: dict) -> Product:
    require(policies.can_manage_enterprise_records(actor, product.enterprise_id))
    return _save_product(Product.objects.select_for_update().get(pk=product.pk), data, actor)


def _save_presence(presence: MarketPresence, data: dict, actor: AnyUser) -> MarketPresence:
    errors: dict = {}
    assign(presence, data, ("mode", "since", "staff_abroad", "city"))
    if "country" in data:
        try:
            presence.country = resolve_country(data["country"])
        except ValidationError as exc:
            errors.update(exc.message_dict)
    try:
        validate_not_future(presence.since)
    except ValidationError as exc:
        errors["since"] = exc.messages
    try:
        # Uniqueness is checked below with a message that names the field at fault.
        presence.full_clean(
            exclude=list(errors) or None, validate_unique=False, validate_constraints=False
        )
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, messages)
    if (
        not errors
        and presence.country_id
        and MarketPresence.objects.filter(
            enterprise_id=presence.enterprise_id, country_id=presence.country_id, mode=presence.mode
        )
        .exclude(pk=presence.pk)
        .exists()
    ):
        errors["mode"] = [_("This enterprise already has this kind of presence in this country.")]
    if errors:
        raise ValidationError(errors)
    save_validated(presence, actor=actor, exclude=["enterprise", "country"])
    # The enterprise's search facets list its countries and modes of presence.
    search_index_record(presence.enterprise)
    return presence


@transaction.atomic
def presence_create(*, actor: AnyUser, enterprise: Enterprise, data: dict) -> MarketPresence:
    require(policies.can_manage_enterprise_records(actor, enterprise.pk))
    data.setdefault("country", None)
    data.setdefault("mode", "")
    return _save_presence(MarketPresence(enterprise=enterprise), data, actor)


@transaction.atomic
def presence_update(*, actor: AnyUser, presence: MarketPresence, data: dict) -> MarketPresence:
    require(policies.can_manage_enterprise_records(actor, presence.enterprise_id))
    return _save_presence(
        MarketPresence.objects.select_for_update().get(pk=presence.pk), data, actor
    )


@transaction.atomic
def presence_delete(*, actor: AnyUser, presence: MarketPresence) -> None:
    require(policies.can_manage_enterprise_records(actor, presence.enterprise_id))
    presence._history_user = actor if actor.is_authenticated else None
    presence.delete()
    search_index_record(presence.enterprise)


CONTACT_FIELDS = ("full_name", "position", "email", "phone")
# Older than the personal-data rules the evidence answers to; also keeps far-past offsets from
# overflowing when converted to UTC.
CONSENT_EARLIEST = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


@transaction.atomic
def contact_create(
    *, actor: AnyUser, data: dict, enterprise: Enterprise | None = None, foreign_organisation=None
) -> Contact:
    contact = Contact(enterprise=enterprise, foreign_organisation=foreign_organisation)
    require(policies.can_edit_contact(actor, contact))
    data.setdefault("full_name", "")
    assign(contact, data, CONTACT_FIELDS)
    save_validated(contact, actor=actor)
    search_index_record(contact)
    return contact


@transaction.atomic
def contact_update(*, actor: AnyUser, contact: Contact, data: dict) -> Contact:
    require(policies.can_edit_contact(actor, contact))
    contact = Contact.objects.select_for_update().get(pk=contact.pk)
    assign(contact, data, CONTACT_FIELDS)
    save_validated(contact, actor=actor)
    search_index_record(contact)
    return contact


@transaction.atomic
def consent_record(
    *, actor: AnyUser, contact: Contact, purpose: str, method: str, evidence: str, given_at=None
) -> ContactConsent:
    """Records (or renews) the contact's consent for one purpose: who recorded it, when it was
    given, how, and the evidence, as Decree 356/2025 asks."""
    require(policies.can_edit_contact(actor, contact))
    given_at = given_at or timezone.now()
    if timezone.is_naive(given_at):
        given_at = timezone.make_aware(given_at)
    if given_at > timezone.now():
        raise ValidationError({"given_at": _("This date cannot be in the future.")})
    if given_at < CONSENT_EARLIEST:
        raise ValidationError({"given_at": _("Consent given before 2000 cannot be recorded.")})
    consent = ContactConsent.objects.select_for_update().filter(
        contact=contact, purpose=purpose
    ).first() or ContactConsent(contact=contact, purpose=purpose)
    consent.method = method
    consent.evidence = (evidence or "").strip()
    consent.given_at = given_at
    consent.recorded_by = actor
    consent.withdrawn_at = None
    save_validated(consent, actor=actor)
    return consent


@transaction.atomic
def consent_withdraw(*, actor: AnyUser, consent: ContactConsent) -> ContactConsent:
    require(policies.can_edit_contact(actor, consent.contact))
    consent = ContactConsent.objects.select_for_update().get(pk=consent.pk)
    if consent.withdrawn_at is None:
        consent.withdrawn_at = timezone.now()
        # The recorder may be gone (imported consent, deleted account): withdrawal must work.
        save_validated(consent, actor=actor, exclude=["recorded_by"])
    return consent
