"""What a user may do to registry records. Selectors decide what they may see; these decide
what they may change. Pages hide buttons with them and services enforce them."""

from __future__ import annotations

from goglobal.accounts import access
from goglobal.accounts.access import AnyUser
from goglobal.accounts.models import Membership, Role
from goglobal.enterprises.models import Contact, Declaration, Enterprise


def _speaks_for(user: AnyUser, enterprise_id: int | None) -> bool:
    if enterprise_id is None or not access.has_role(user, Role.ENTERPRISE_REP):
        return False
    cache = getattr(user, "_gg_enterprise_ids", None)
    if cache is None:
        cache = set(
            Membership.objects.filter(user_id=user.pk, enterprise__isnull=False).values_list(
                "enterprise_id", flat=True
            )
        )
        user._gg_enterprise_ids = cache
    return enterprise_id in cache


def can_create_enterprise(user: AnyUser) -> bool:
    return access.is_staff(user)


def can_edit_enterprise(user: AnyUser, enterprise: Enterprise) -> bool:
    return access.is_staff(user) or _speaks_for(user, enterprise.pk)


def can_change_enterprise_status(user: AnyUser) -> bool:
    return access.is_staff(user)


def can_change_enterprise_tax_code(user: AnyUser) -> bool:
    """A registered tax code is the enterprise's identity: only ministry staff correct it."""
    return access.is_staff(user)


def can_manage_enterprise_records(user: AnyUser, enterprise_id: int | None) -> bool:
    """Products, market presence and contacts of an enterprise."""
    return access.is_staff(user) or _speaks_for(user, enterprise_id)


def can_view_history(user: AnyUser) -> bool:
    return access.is_staff(user)


def can_declare(user: AnyUser, enterprise_id: int | None) -> bool:
    return access.is_staff(user) or _speaks_for(user, enterprise_id)


def can_edit_declaration(user: AnyUser, declaration: Declaration) -> bool:
    # Once submitted the figures belong to the review; returned ones go back to the enterprise.
    editable = declaration.status in {"draft", "returned"}
    return editable and can_declare(user, declaration.enterprise_id)


def can_review_declaration(user: AnyUser) -> bool:
    return access.is_staff(user)


def can_edit_contact(user: AnyUser, contact: Contact) -> bool:
    if access.is_staff(user):
        return True
    if contact.enterprise_id is not None:
        return _speaks_for(user, contact.enterprise_id)
    if access.has_role(user, Role.PARTNER_REP):
        return Membership.objects.filter(
            user_id=user.pk, foreign_organisation_id=contact.foreign_organisation_id
        ).exists()
    return False
