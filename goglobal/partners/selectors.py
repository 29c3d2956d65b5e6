"""Foreign organisations are visible to every signed-in user (enterprises look for partners,
missions work with them); the anonymous public sees none of them."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from goglobal.accounts import access
from goglobal.accounts.access import AnyUser
from goglobal.accounts.models import Membership, Role
from goglobal.partners.models import ForeignOrganisation
from goglobal.reference.models import Country


def foreign_organisation_visible_for_user(user: AnyUser) -> QuerySet[ForeignOrganisation]:
    if not user.is_authenticated:
        return ForeignOrganisation.objects.none()
    return ForeignOrganisation.objects.all()


def foreign_organisation_list_for_user(
    user: AnyUser, *, q: str = "", country: str = "", kind: str = "", sector: str = ""
) -> QuerySet[ForeignOrganisation]:
    qs = foreign_organisation_visible_for_user(user)
    if q.strip():
        # Names are stored as written (not folded): match either name as typed.
        qs = qs.filter(Q(name__icontains=q.strip()) | Q(name_vi__icontains=q.strip()))
    if country:
        qs = qs.filter(country_id=country.upper())
    if kind:
        qs = qs.filter(kind=kind)
    if sector:
        qs = qs.filter(sectors__code=sector)
    return qs.select_related("country").prefetch_related("sectors").order_by("name", "id")


def foreign_organisation_get_for_user(user: AnyUser, pk: int) -> ForeignOrganisation:
    try:
        return foreign_organisation_list_for_user(user).get(pk=pk)
    except ForeignOrganisation.DoesNotExist as exc:
        raise Http404 from exc


def _in_jurisdiction(user: AnyUser, country_code: str | None) -> bool:
    if not country_code or not access.has_role(user, Role.MISSION_OFFICER):
        return False
    return Country.objects.filter(
        code=country_code, code__in=access.jurisdiction_codes(user)
    ).exists()


def can_create_foreign_organisation(user: AnyUser, country_code: str | None = None) -> bool:
    """Staff anywhere; a mission officer for an organisation in its jurisdiction."""
    if access.is_staff(user):
        return True
    if country_code is None:
        return access.has_role(user, Role.MISSION_OFFICER)
    return _in_jurisdiction(user, country_code)


def can_edit_foreign_organisation(user: AnyUser, organisation: ForeignOrganisation) -> bool:
    if access.is_staff(user) or _in_jurisdiction(user, organisation.country_id):
        return True
    return (
        access.has_role(user, Role.PARTNER_REP)
        and Membership.objects.filter(
            user_id=user.pk, foreign_organisation_id=organisation.pk
        ).exists()
    )
