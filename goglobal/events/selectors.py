"""Reads of events and registrations, and the one place that says who may see which.

Events: ministry staff see all of them; everyone else sees published public events, plus
published invitation-only events they (or their enterprise) are registered for. Registrations:
staff see all; a user sees their own and those of the enterprises they speak for."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from goglobal.accounts import access
from goglobal.accounts.access import AnyUser
from goglobal.accounts.models import Role
from goglobal.events.enums import SEAT_HOLDING, EventStatus, RegistrationStatus
from goglobal.events.models import Booth, Event, Exhibitor, Lead, Registration, Session, Venue


def _own_registration_q(user: AnyUser, prefix: str = "") -> Q:
    if not user.is_authenticated:
        return Q(pk__in=[])
    return Q(**{f"{prefix}user_id": user.pk}) | Q(
        **{f"{prefix}enterprise_id__in": access.own_enterprise_ids(user)}
    )


def event_visible_for_user(user: AnyUser) -> QuerySet[Event]:
    if access.is_staff(user):
        return Event.objects.all()
    published = Q(status=EventStatus.PUBLISHED)
    if not user.is_authenticated:
        return Event.objects.filter(published, is_public=True)
    mine = Registration.objects.filter(_own_registration_q(user)).values("event_id")
    visible = Q(is_public=True) | Q(pk__in=mine)
    if access.has_role(user, Role.MISSION_OFFICER):
        # A mission sees the events with a venue (a bridge point) in its jurisdiction.
        visible |= Q(pk__in=_jurisdiction_venues(user).values("event_id"))
    return Event.objects.filter(published & visible)


def _jurisdiction_venues(user: AnyUser) -> QuerySet[Venue]:
    return Venue.objects.filter(country_id__in=access.jurisdiction_codes(user))


def event_get_for_user(user: AnyUser, pk: int) -> Event:
    found = event_visible_for_user(user).select_related("series").filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


@dataclass(frozen=True)
class EventFilters:
    kind: str = ""
    status: str = ""
    year: int | None = None
    upcoming: bool = False


def event_list_for_user(user: AnyUser, filters: EventFilters | None = None) -> QuerySet[Event]:
    filters = filters or EventFilters()
    qs = event_visible_for_user(user)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.year:
        qs = qs.filter(starts_at__year=filters.year)
    if filters.upcoming:
        qs = qs.filter(ends_at__gte=timezone.now())
    return qs.select_related("series").prefetch_related(
        Prefetch("venues", queryset=Venue.objects.select_related("country"))
    )


def event_programme(event: Event) -> list[Venue]:
    """The event's venues, each with its sessions (shown in the venue's own time)."""
    return list(
        event.venues.select_related("country").prefetch_related(
            Prefetch("sessions", queryset=Session.objects.order_by("starts_at", "id"))
        )
    )


def venue_seat_counts(event: Event) -> dict[int, dict[str, int]]:
    """Per venue: seats held and people waiting (one query)."""
    out: dict[int, dict[str, int]] = {}
    rows = Registration.objects.filter(event=event).values_list("venue_id", "status")
    for venue_id, status in rows:
        counts = out.setdefault(venue_id, {"held": 0, "waiting": 0})
        if status in SEAT_HOLDING:
            counts["held"] += 1
        elif status == RegistrationStatus.WAITLISTED:
            counts["waiting"] += 1
    return out


def registration_visible_for_user(user: AnyUser) -> QuerySet[Registration]:
    """Staff see all; a user their own and their enterprise's; a mission officer also the
    participants of the venues in the mission's jurisdiction (whom they admit at the door)."""
    if access.is_staff(user):
        return Registration.objects.all()
    own = _own_registration_q(user)
    if access.has_role(user, Role.MISSION_OFFICER):
        own |= Q(venue__in=_jurisdiction_venues(user))
    return Registration.objects.filter(own)


def registration_get_for_user(user: AnyUser, pk: int) -> Registration:
    found = (
        registration_visible_for_user(user)
        .select_related("event", "venue", "enterprise")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404
    return found


def registration_list_for_user(user: AnyUser) -> QuerySet[Registration]:
    """The user's own registrations (staff included: this is "my registrations")."""
    return (
        Registration.objects.filter(_own_registration_q(user))
        .select_related("event", "venue", "venue__country", "enterprise")
        .order_by("event__starts_at", "id")
    )


def registration_list_for_event(
    user: AnyUser, event: Event, *, q: str = "", status: str = "", venue: Venue | None = None
) -> QuerySet[Registration]:
    qs = (
        registration_visible_for_user(user)
        .filter(event=event, **({"venue": venue} if venue else {}))
        .select_related("venue", "enterprise", "country")
        .prefetch_related("scores")
    )
    if q:
        qs = qs.filter(
            Q(full_name__icontains=q) | Q(email__icontains=q) | Q(organisation__icontains=q)
        )
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("venue_id", "status", "waitlist_position", "full_name", "id")


@dataclass(frozen=True)
class ProgrammeMonth:
    year: int
    month: int
    events: list[Event]

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def missing(self) -> bool:
        return not self.events


def programme_for_year(user: AnyUser, year: int) -> list[ProgrammeMonth]:
    """The twelve months of a year with the events the user may see that start in each (in
    Vietnam's time: the ministry's monthly target counts Vietnamese months). A month without
    an event is flagged: the programme promises one every month."""
    zone = timezone.get_default_timezone()
    start = dt.datetime(year, 1, 1, tzinfo=zone)
    end = dt.datetime(year + 1, 1, 1, tzinfo=zone)
    events = list(
        event_visible_for_user(user)
        .filter(starts_at__gte=start, starts_at__lt=end)
        .exclude(status=EventStatus.CANCELLED)
        .order_by("starts_at", "id")
    )
    months = {m: [] for m in range(1, 13)}
    for event in events:
        months[timezone.localtime(event.starts_at, zone).month].append(event)
    return [ProgrammeMonth(year, m, months[m]) for m in range(1, 13)]


def booth_visible_for_user(user: AnyUser) -> QuerySet[Booth]:
    """Booths of events the user may see, with their exhibitors, products and enterprises."""
    return Booth.objects.filter(event__in=event_visible_for_user(user)).prefetch_related(
        Prefetch(
            "exhibitors",
            queryset=Exhibitor.objects.select_related("enterprise")
            .prefetch_related("products")
            .order_by("id"),
        )
    )


def exhibitor_visible_for_user(user: AnyUser) -> QuerySet[Exhibitor]:
    """Exhibitors of the booths of events the user may see."""
    return Exhibitor.objects.filter(booth__event__in=event_visible_for_user(user))


def lead_visible_for_user(user: AnyUser) -> QuerySet[Lead]:
    """Leads are the exhibitor's own business: staff and the exhibiting enterprise only."""
    if access.is_staff(user):
        return Lead.objects.all()
    return Lead.objects.filter(exhibitor__enterprise_id__in=access.own_enterprise_ids(user))


def lead_list_for_event(
    user: AnyUser, event: Event, *, exhibitor_id: int | None = None
) -> QuerySet[Lead]:
    """The leads of an event's booths the user may see (pages and exports alike)."""
    qs = lead_visible_for_user(user).filter(exhibitor__booth__event=event)
    if exhibitor_id:
        qs = qs.filter(exhibitor_id=exhibitor_id)
    return qs.select_related(
        "country", "exhibitor__enterprise", "exhibitor__booth", "collected_by"
    ).order_by("exhibitor__booth__name", "exhibitor_id", "-created_at", "id")


def exhibitor_list_for_lead_entry(user: AnyUser, event: Event) -> list[Exhibitor]:
    """The exhibitors of an event whose leads the user may record and read: all of them for
    staff, their own enterprise's for a representative."""
    qs = exhibitor_visible_for_user(user).filter(booth__event=event)
    if not access.is_staff(user):
        qs = qs.filter(enterprise_id__in=access.own_enterprise_ids(user))
    return list(qs.select_related("enterprise", "booth").order_by("booth__name", "id"))


def venue_list_for_check_in(user: AnyUser, event: Event) -> list[Venue]:
    """The event's venues whose door the user may keep: all for staff, those in the mission's
    jurisdiction for a mission officer (policies.can_check_in says the same per venue)."""
    if access.is_staff(user):
        return list(event.venues.all())
    if not access.has_role(user, Role.MISSION_OFFICER):
        return []
    return list(_jurisdiction_venues(user).filter(event=event))


def exhibitor_list_for_user(user: AnyUser) -> list[Exhibitor]:
    """The booths the user's enterprises exhibit at ("my registrations" lists them with their
    leads); empty for every role but enterprise representatives."""
    if not user.is_authenticated:
        return []
    return list(
        Exhibitor.objects.filter(enterprise_id__in=access.own_enterprise_ids(user))
        .select_related("enterprise", "booth__event")
        .order_by("-booth__event__starts_at", "id")
    )
