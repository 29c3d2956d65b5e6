from __future__ import annotations

from django.db.models import QuerySet

from goglobal.accounts import access
from goglobal.accounts.access import AnyUser
from goglobal.advisory.models import Agency


def agency_own_for_user(user: AnyUser) -> QuerySet[Agency]:
    """The agencies or associations an Advisory Group member belongs to."""
    return Agency.objects.filter(pk__in=access.own_agency_ids(user)).order_by("name_vi", "id")


def agency_advisory_group() -> QuerySet[Agency]:
    return Agency.objects.filter(in_advisory_group=True).order_by("name_vi", "id")
