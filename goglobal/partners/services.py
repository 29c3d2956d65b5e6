from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from goglobal.accounts import access
from goglobal.accounts.access import AnyUser
from goglobal.accounts.models import Role
from goglobal.enterprises.services.common import (
    assign,
    require,
    resolve_country,
    resolve_sectors,
    save_validated,
)
from goglobal.partners.models import ForeignOrganisation
from goglobal.partners.selectors import (
    can_create_foreign_organisation,
    can_edit_foreign_organisation,
)
from goglobal.reference.models import Country
from goglobal.search.services import search_index_record

FIELDS = ("name", "name_vi", "kind", "city", "website", "description")


def _save(organisation: ForeignOrganisation, data: dict, actor: AnyUser) -> ForeignOrganisation:
    errors: dict = {}
    assign(organisation, data, FIELDS)
    if "country" in data:
        try:
            organisation.country = resolve_country(data["country"])
        except ValidationError as exc:
            errors.update(exc.message_dict)
    sectors = None
    if "sectors" in data:
        try:
            sectors = resolve_sectors(data["sectors"] or [])
        except ValidationError as exc:
            errors.update(exc.message_dict)
    try:
        organisation.full_clean(exclude=list(errors) or None)
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, messages)
    if errors:
        raise ValidationError(errors)
    save_validated(organisation, actor=actor, m2m={"sectors": sectors})
    search_index_record(organisation)
    return organisation


def _check_country(actor: AnyUser, data: dict) -> None:
    """A mission officer places organisations only in its own jurisdiction. An unknown code is
    left for validation to answer with a field error."""
    if (
        "country" not in data
        or access.is_staff(actor)
        or not access.has_role(actor, Role.MISSION_OFFICER)
    ):
        return
    code = str(data["country"] or "").upper()
    if Country.objects.filter(code=code).exists():
        require(can_create_foreign_organisation(actor, code))


@transaction.atomic
def foreign_organisation_create(*, actor: AnyUser, data: dict) -> ForeignOrganisation:
    require(can_create_foreign_organisation(actor))
    data.setdefault("name", "")
    data.setdefault("kind", "")
    data.setdefault("country", None)
    _check_country(actor, data)
    return _save(ForeignOrganisation(), data, actor)


@transaction.atomic
def foreign_organisation_update(
    *, actor: AnyUser, organisation: ForeignOrganisation, data: dict
) -> ForeignOrganisation:
    require(can_edit_foreign_organisation(actor, organisation))
    _check_country(actor, data)
    return _save(
        ForeignOrganisation.objects.select_for_update().get(pk=organisation.pk), data, actor
    )
