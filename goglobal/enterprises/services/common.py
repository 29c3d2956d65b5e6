"""Shared steps of registry writes: resolve reference codes, validate, save with the actor
stamped on the history record."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _

from goglobal.accounts.access import AnyUser
from goglobal.core.history import save_with_history
from goglobal.reference.models import Country, Currency, Province, Sector


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("You are not allowed to do this."))


def resolve_province(code) -> Province:
    try:
        return Province.objects.get(code=int(code))
    except (Province.DoesNotExist, TypeError, ValueError) as exc:
        raise ValidationError(
            {"province": _("Unknown province code: %(code)s.") % {"code": code}}
        ) from exc


def resolve_country(code, field: str = "country") -> Country:
    found = Country.objects.filter(code=str(code or "").upper(), disabled_on__isnull=True).first()
    if found is None:
        raise ValidationError({field: _("Unknown country code: %(code)s.") % {"code": code}})
    return found


def resolve_countries(codes: Iterable[str], field: str) -> list[Country]:
    wanted = {str(code).upper() for code in codes}
    found = list(Country.objects.filter(code__in=wanted, disabled_on__isnull=True))
    missing = wanted - {country.code for country in found}
    if missing:
        raise ValidationError(
            {field: _("Unknown country codes: %(codes)s.") % {"codes": ", ".join(sorted(missing))}}
        )
    return found


def resolve_currency(code) -> Currency:
    found = Currency.objects.filter(code=str(code or "").upper(), disabled_on__isnull=True).first()
    if found is None:
        raise ValidationError({"currency": _("Unknown currency code: %(code)s.") % {"code": code}})
    return found


def resolve_sectors(codes: Iterable[str]) -> list[Sector]:
    wanted = set(codes)
    found = list(Sector.objects.filter(code__in=wanted, disabled_on__isnull=True))
    missing = wanted - {sector.code for sector in found}
    if missing:
        raise ValidationError(
            {
                "sectors": _("Unknown sector codes: %(codes)s.")
                % {"codes": ", ".join(sorted(missing))}
            }
        )
    return found


def assign(instance: models.Model, data: dict, fields: Iterable[str]) -> None:
    for field in fields:
        if field in data:
            value = data[field]
            setattr(instance, field, value.strip() if isinstance(value, str) else value)


def save_validated(
    instance: models.Model,
    *,
    actor: AnyUser,
    exclude: list[str] | None = None,
    m2m: dict | None = None,
) -> None:
    """full_clean then save, with one history record stamped with the actor that includes the
    many-to-many values given. A unique constraint lost to a concurrent writer becomes a
    validation error, not a server error."""
    instance.full_clean(exclude=exclude)
    try:
        with transaction.atomic():
            save_with_history(
                instance,
                actor=actor,
                m2m={name: values for name, values in (m2m or {}).items() if values is not None},
            )
    except IntegrityError as exc:
        raise ValidationError(
            _("This record conflicts with one saved at the same moment; please try again.")
        ) from exc
