"""Yearly declarations: the enterprise drafts and submits; ministry staff accept or return them
with a reason; a returned declaration is corrected and submitted again."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.utils import bulk_create_with_history

from goglobal.accounts.access import AnyUser
from goglobal.core.errors import ConflictError
from goglobal.enterprises import policies
from goglobal.enterprises.enums import DeclarationStatus as S
from goglobal.enterprises.models import Declaration, DeclarationCountry, Enterprise
from goglobal.enterprises.services.common import (
    require,
    resolve_country,
    resolve_currency,
    save_validated,
)

# The one table of allowed moves.
TRANSITIONS: dict[str, set[str]] = {
    "submit": {S.DRAFT, S.RETURNED},
    "accept": {S.SUBMITTED},
    "return": {S.SUBMITTED},
}
FIRST_YEAR = 2000


def _money(value, field: str, errors: dict) -> Decimal | None:
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, TypeError, ValueError):
        errors[field] = [_("Enter a number.")]
        return None
    if not amount.is_finite():
        errors[field] = [_("Enter a number.")]
        return None
    if amount < 0:
        errors[field] = [_("An amount cannot be negative.")]
        return None
    return amount


def _apply(declaration: Declaration, data: dict) -> list[tuple] | None:
    errors: dict = {}
    if "year" in data:
        year = data["year"]
        if not isinstance(year, int) or year < FIRST_YEAR or year > timezone.localdate().year:
            errors["year"] = [
                _("The year must be between %(first)s and this year.") % {"first": FIRST_YEAR}
            ]
        else:
            declaration.year = year
    for field in ("total_revenue", "overseas_revenue"):
        if field in data:
            amount = _money(data[field], field, errors)
            if amount is not None:
                setattr(declaration, field, amount)
    if "exchange_rate" in data:
        rate = _money(data["exchange_rate"], "exchange_rate", errors)
        if rate is not None and rate <= 0:
            errors["exchange_rate"] = [_("The exchange rate must be above zero.")]
        elif rate is not None:
            declaration.exchange_rate = rate
    if "staff_abroad" in data:
        declaration.staff_abroad = data["staff_abroad"]
    if "currency" in data:
        try:
            declaration.currency = resolve_currency(data["currency"])
        except ValidationError as exc:
            errors.update(exc.message_dict)
    countries = None
    if "countries" in data:
        countries = []
        seen = set()
        for index, row in enumerate(data["countries"] or []):
            code = str(row.get("country", "")).upper()
            try:
                country = resolve_country(code, field="countries")
            except ValidationError as exc:
                errors.setdefault("countries", []).extend(exc.message_dict["countries"])
                continue
            if code in seen:
                errors.setdefault("countries", []).append(
                    _("%(code)s is listed twice.") % {"code": code}
                )
            seen.add(code)
            amount = _money(row.get("revenue"), f"countries.{index}.revenue", errors)
            if amount is not None:
                countries.append((country, amount))
    if not errors:
        total, overseas = declaration.total_revenue, declaration.overseas_revenue
        if total is not None and overseas is not None and overseas > total:
            errors["overseas_revenue"] = [_("Overseas revenue cannot exceed total revenue.")]
        if countries is not None:
            by_country = sum((amount for _country, amount in countries), Decimal(0))
        elif declaration.pk and "overseas_revenue" in data:
            # The rows kept must still fit a lowered overseas figure.
            by_country = declaration.countries.aggregate(total=Sum("revenue"))["total"] or 0
        else:
            by_country = Decimal(0)
        if overseas is not None and by_country > overseas:
            errors["countries"] = [
                _("The revenue by country adds up to more than the overseas revenue.")
            ]
    try:
        declaration.full_clean(
            exclude=list(errors) + ["enterprise", "currency"], validate_unique=False
        )
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, messages)
    if (
        not errors
        and Declaration.objects.filter(
            enterprise_id=declaration.enterprise_id, year=declaration.year
        )
        .exclude(pk=declaration.pk)
        .exists()
    ):
        errors["year"] = [
            _("This enterprise already has a declaration for %(year)s.")
            % {"year": declaration.year}
        ]
    if errors:
        raise ValidationError(errors)
    return countries


def _set_countries(declaration: Declaration, countries: list[tuple], actor: AnyUser) -> None:
    """Replaces the revenue by country, touching only the rows that change so that each row's
    history says what really happened to it."""
    user = actor if actor.is_authenticated else None
    wanted = {country.code: amount for country, amount in countries}
    existing = {row.country_id: row for row in declaration.countries.all()}
    for code, row in existing.items():
        row._history_user = user
        if code not in wanted:
            row.delete()
        elif row.revenue != wanted[code]:
            row.revenue = wanted[code]
            row.save(update_fields=["revenue"])
    bulk_create_with_history(
        [
            DeclarationCountry(declaration=declaration, country_id=code, revenue=amount)
            for code, amount in wanted.items()
            if code not in existing
        ],
        DeclarationCountry,
        default_user=user,
    )


def _save(declaration: Declaration, data: dict, actor: AnyUser) -> Declaration:
    countries = _apply(declaration, data)
    save_validated(declaration, actor=actor)
    if countries is not None:
        _set_countries(declaration, countries, actor)
    return declaration


@transaction.atomic
def declaration_create(*, actor: AnyUser, enterprise: Enterprise, data: dict) -> Declaration:
    require(policies.can_declare(actor, enterprise.pk))
    for field in ("year", "currency", "exchange_rate", "total_revenue", "overseas_revenue"):
        if field not in data or data[field] in (None, ""):
            raise ValidationError({field: _("This field is required.")})
    return _save(Declaration(enterprise=enterprise), data, actor)


@transaction.atomic
def declaration_update(*, actor: AnyUser, declaration: Declaration, data: dict) -> Declaration:
    declaration = Declaration.objects.select_for_update().get(pk=declaration.pk)
    require(policies.can_declare(actor, declaration.enterprise_id))
    if not policies.can_edit_declaration(actor, declaration):
        raise ConflictError(_("A declaration can be changed only while it is a draft or returned."))
    return _save(declaration, data, actor)


# One whole sentence per action, so that each translates naturally.
REFUSALS = {
    "submit": gettext_lazy("This declaration cannot be submitted: it is %(status)s."),
    "accept": gettext_lazy("This declaration cannot be accepted: it is %(status)s."),
    "return": gettext_lazy("This declaration cannot be returned: it is %(status)s."),
}


def _move(declaration: Declaration, action: str) -> Declaration:
    locked = Declaration.objects.select_for_update().get(pk=declaration.pk)
    if locked.status not in TRANSITIONS[action]:
        raise ConflictError(REFUSALS[action] % {"status": str(locked.get_status_display()).lower()})
    return locked


@transaction.atomic
def declaration_submit(*, actor: AnyUser, declaration: Declaration) -> Declaration:
    require(policies.can_declare(actor, declaration.enterprise_id))
    declaration = _move(declaration, "submit")
    declaration.status = S.SUBMITTED
    declaration.submitted_at = timezone.now()
    declaration.submitted_by = actor
    declaration.return_reason = ""
    save_validated(declaration, actor=actor)
    return declaration


@transaction.atomic
def declaration_accept(*, actor: AnyUser, declaration: Declaration) -> Declaration:
    require(policies.can_review_declaration(actor))
    declaration = _move(declaration, "accept")
    declaration.status = S.ACCEPTED
    declaration.reviewed_at = timezone.now()
    declaration.reviewed_by = actor
    save_validated(declaration, actor=actor)
    return declaration


@transaction.atomic
def declaration_return(*, actor: AnyUser, declaration: Declaration, reason: str) -> Declaration:
    require(policies.can_review_declaration(actor))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the declaration is returned.")})
    declaration = _move(declaration, "return")
    declaration.status = S.RETURNED
    declaration.return_reason = reason
    declaration.reviewed_at = timezone.now()
    declaration.reviewed_by = actor
    save_validated(declaration, actor=actor)
    return declaration
