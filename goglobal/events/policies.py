"""What a user may do with events and registrations. Selectors decide what they may see; these
decide what they may change. Pages hide buttons with them and services enforce them."""

from __future__ import annotations

from goglobal.accounts import access
from goglobal.accounts.access import AnyUser
from goglobal.accounts.models import Membership, Role
from goglobal.events.enums import EventStatus
from goglobal.events.models import Event, Registration, Venue


def own_enterprise_set(user: AnyUser) -> set[int]:
    if not access.has_role(user, Role.ENTERPRISE_REP):
        return set()
    cache = getattr(user, "_gg_enterprise_ids", None)
    if cache is None:
        cache = set(
            Membership.objects.filter(user_id=user.pk, enterprise__isnull=False).values_list(
                "enterprise_id", flat=True
            )
        )
        user._gg_enterprise_ids = cache
    return cache


def can_manage_events(user: AnyUser) -> bool:
    """Create and edit events, venues and sessions; invite, moderate and check in."""
    return access.is_staff(user)


def can_check_in(user: AnyUser, venue: Venue) -> bool:
    """Staff check in at every door; a mission officer at the venues (bridge points) in the
    countries of their mission's jurisdiction, and nowhere else."""
    if access.is_staff(user):
        return True
    if not access.has_role(user, Role.MISSION_OFFICER):
        return False
    return access.jurisdiction_codes(user).filter(country_id=venue.country_id).exists()


def can_self_register(user: AnyUser, event: Event) -> bool:
    """Public events take registrations from anyone, signed in or not (foreign participants have
    no account). Moderated events take applications from enterprises only, through their
    representative; invitation-only events take no self-registration at all."""
    if event.status != EventStatus.PUBLISHED or not event.is_public:
        return False
    if event.moderated:
        return access.is_staff(user) or bool(own_enterprise_set(user))
    return True


def can_speak_for(user: AnyUser, enterprise_id: int | None) -> bool:
    return enterprise_id is not None and (
        access.is_staff(user) or enterprise_id in own_enterprise_set(user)
    )


def can_manage_registration(user: AnyUser, registration: Registration) -> bool:
    """Cancel it, accept an offered place, confirm an invitation, see the ticket."""
    if access.is_staff(user):
        return True
    if not user.is_authenticated:
        return False
    if registration.user_id is not None and registration.user_id == user.pk:
        return True
    return registration.enterprise_id in own_enterprise_set(user)
