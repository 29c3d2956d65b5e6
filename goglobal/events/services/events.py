"""Writes of events, venues and sessions (ministry staff only). Each write of an event or a
venue rewrites the event's search entry in its transaction (title, dates, places: search.py)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from goglobal.accounts.access import AnyUser
from goglobal.enterprises.services.common import (
    assign,
    require,
    resolve_countries,
    resolve_country,
    resolve_sectors,
    save_validated,
)
from goglobal.events import policies
from goglobal.events.models import Event, EventSeries, Session, Venue
from goglobal.events.services.registrations import _held, _locked_venue, _offer_freed_places
from goglobal.partners.models import ForeignOrganisation
from goglobal.search.services import search_index_record

EVENT_FIELDS = (
    "title_vi",
    "title_en",
    "description_vi",
    "description_en",
    "kind",
    "organiser",
    "is_public",
    "moderated",
    "status",
    "starts_at",
    "ends_at",
    "registration_closes_at",
    "offer_hours",
    "languages",
)
VENUE_FIELDS = ("name", "city", "time_zone", "capacity", "online_link", "is_main")


def _partners(ids) -> list[ForeignOrganisation]:
    wanted = {int(i) for i in ids}
    found = list(ForeignOrganisation.objects.filter(pk__in=wanted))
    if len(found) != len(wanted):
        raise ValidationError({"partner_organisations": _("Unknown partner organisation.")})
    return found


def _event_m2m(data: dict) -> dict:
    """The many-to-many values given; a missing or null list leaves the field as it is."""
    resolvers = {
        "sectors": resolve_sectors,
        "target_countries": lambda codes: resolve_countries(codes, "target_countries"),
        "partner_organisations": _partners,
    }
    return {
        name: resolve(data[name]) if data.get(name) is not None else None
        for name, resolve in resolvers.items()
    }


def _apply_series(event: Event, data: dict) -> None:
    if "series" in data:
        series = data["series"]
        if series and not EventSeries.objects.filter(pk=series).exists():
            raise ValidationError({"series": _("Unknown series.")})
        event.series_id = series or None


@transaction.atomic
def event_create(*, actor: AnyUser, data: dict) -> Event:
    require(policies.can_manage_events(actor))
    event = Event()
    assign(event, data, EVENT_FIELDS)
    _apply_series(event, data)
    m2m = _event_m2m(data)
    save_validated(event, actor=actor, m2m=m2m)
    search_index_record(event)
    return event


@transaction.atomic
def event_update(*, actor: AnyUser, event: Event, data: dict) -> Event:
    """Also publishes and cancels (the status is one of the fields)."""
    require(policies.can_manage_events(actor))
    if (
        "moderated" in data
        and data["moderated"] != event.moderated
        and event.registrations.exists()
    ):
        raise ValidationError(
            {"moderated": _("Moderation cannot change once registrations have arrived.")}
        )
    assign(event, data, EVENT_FIELDS)
    _apply_series(event, data)
    save_validated(event, actor=actor, m2m=_event_m2m(data))
    search_index_record(event)
    return event


def _venue_fields(venue: Venue, data: dict) -> None:
    assign(venue, data, VENUE_FIELDS)
    if "country" in data:
        venue.country = resolve_country(data["country"])


@transaction.atomic
def venue_create(*, actor: AnyUser, event: Event, data: dict) -> Venue:
    require(policies.can_manage_events(actor))
    venue = Venue(event=event)
    _venue_fields(venue, data)
    if venue.is_main and event.venues.filter(is_main=True).exists():
        raise ValidationError({"is_main": _("The event already has a main venue.")})
    save_validated(venue, actor=actor)
    search_index_record(event)
    return venue


def venue_update(*, actor: AnyUser, venue: Venue, data: dict) -> Venue:
    """A smaller capacity may not drop below the seats already held; a larger one offers the new
    seats to the waiting list at once."""
    require(policies.can_manage_events(actor))
    with transaction.atomic():
        locked = _locked_venue(venue.pk)
        _venue_fields(locked, data)
        held = _held(locked)
        if locked.capacity is not None and locked.capacity < held:
            raise ValidationError(
                {
                    "capacity": _("%(held)s seats are already taken; the capacity cannot be lower.")
                    % {"held": held}
                }
            )
        if (
            locked.is_main
            and locked.event.venues.filter(is_main=True).exclude(pk=locked.pk).exists()
        ):
            raise ValidationError({"is_main": _("The event already has a main venue.")})
        save_validated(locked, actor=actor)
        _offer_freed_places(locked, actor=actor, now=timezone.now())
        search_index_record(locked.event)
    return locked


def session_create(*, actor: AnyUser, venue: Venue, data: dict) -> Session:
    require(policies.can_manage_events(actor))
    session = Session(venue=venue)
    assign(session, data, ("title_vi", "title_en", "starts_at", "ends_at"))
    session.full_clean()
    session.save()
    return session
