"""Generated events for the synthetic population (`goglobal generate`): one to three events in
most months of 2023–2027 (a few months have none, which the programme flags), of every kind, with venues and bridge points abroad, sessions, the
registrations of generated enterprises' contacts and foreign partners' people, and — for events
that have ended — attendance at the door and the outcomes participants reported. Fairs get a
Vietnamese booth with exhibitors, their products and the leads they collected.

The same seed and the same `now` give the same rows. Seats are counted as the services count
them: no venue holds more seat-holding registrations than its capacity, the overflow waits in
line, and only seat holders are checked in. Rows go in with batched inserts (no history: nobody
changed them) and are flagged `generated`, which is how the next run finds and clears them."""

from __future__ import annotations

import datetime as dt

from django.core.management.color import no_style
from django.db import connection
from django.utils import timezone

from goglobal.core.generate.clear import raw_delete, release_references
from goglobal.core.generate.writer import TableWriter
from goglobal.enterprises.models import Contact, Product
from goglobal.events.generate.maker import EventMaker
from goglobal.events.generate.rows import NUMBERED, TABLES, Pool
from goglobal.events.models import (
    Booth,
    Event,
    EventSeries,
    Exhibitor,
    Lead,
    Outcome,
    Registration,
    Score,
    Session,
    Venue,
)
from goglobal.events.seed import SERIES
from goglobal.reference.models import Sector

__all__ = ["clear_generated_events", "generate_events"]


def load_pool(*, enterprise_ids: tuple[int, int], organisation_ids: tuple[int, int] | None) -> Pool:
    low, high = enterprise_ids
    people = list(
        Contact.objects.filter(enterprise_id__gte=low, enterprise_id__lte=high)
        .exclude(email="")
        .order_by("id")
        .values_list("enterprise_id", "full_name", "email", "enterprise__name_vi")
    )
    foreign = []
    org_ids: list[int] = []
    if organisation_ids:
        first, last = organisation_ids
        foreign = list(
            Contact.objects.filter(
                foreign_organisation_id__gte=first, foreign_organisation_id__lte=last
            )
            .exclude(email="")
            .order_by("id")
            .values_list(
                "full_name", "email", "foreign_organisation__name", "foreign_organisation__country"
            )
        )
        org_ids = list(range(first, last + 1))
    products: dict[int, list[int]] = {}
    for pk, enterprise_id in (
        Product.objects.filter(enterprise_id__gte=low, enterprise_id__lte=high)
        .order_by("id")
        .values_list("id", "enterprise_id")
    ):
        products.setdefault(enterprise_id, []).append(pk)
    sectors = list(Sector.objects.order_by("id").values_list("id", flat=True))
    return Pool(people, foreign, products, sectors, org_ids)


def _label(table: str) -> str:
    return table if table.startswith("event") else f"event_{table}"


def generate_events(
    *,
    seed: int,
    enterprise_ids: tuple[int, int],
    organisation_ids: tuple[int, int] | None = None,
    now: dt.datetime | None = None,
) -> dict[str, int]:
    """Writes the generated events (inside the caller's transaction); returns row counts."""
    pool = load_pool(enterprise_ids=enterprise_ids, organisation_ids=organisation_ids)
    if not pool.enterprise_people:
        return {}
    series = {
        key: EventSeries.objects.filter(name_vi=names[0]).values_list("id", flat=True).first()
        for key, names in SERIES.items()
    }
    maker = EventMaker(seed=seed, pool=pool, now=now or timezone.now(), series=series)
    rows = maker.make_all()
    counts = {
        _label(name): TableWriter(model).insert(getattr(rows, name)) for name, model in TABLES
    }
    # Ids were given explicitly: PostgreSQL's sequences must move past them.
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), list(NUMBERED)):
            cursor.execute(sql)
    return counts


def clear_generated_events() -> dict[str, int]:
    """Deletes the generated events and everything under them, children first, with plain
    DELETEs (the ORM's would load each row and write its history); whatever else points at them
    keeps its own on_delete."""
    events = Event.objects.filter(generated=True)
    if not events.exists():
        return {}
    handled = {model for _name, model in TABLES}
    release_references(Event, events.values("pk"), handled)
    release_references(
        Registration, Registration.objects.filter(event__generated=True).values("pk"), handled
    )
    release_references(Venue, Venue.objects.filter(event__generated=True).values("pk"), handled)
    filters = {
        Event: "generated",
        Event.sectors.through: "event__generated",
        Event.target_countries.through: "event__generated",
        Event.partner_organisations.through: "event__generated",
        Venue: "event__generated",
        Session: "venue__event__generated",
        Registration: "event__generated",
        Score: "registration__event__generated",
        Outcome: "registration__event__generated",
        Booth: "event__generated",
        Exhibitor: "booth__event__generated",
        Exhibitor.products.through: "exhibitor__booth__event__generated",
        Lead: "exhibitor__booth__event__generated",
    }
    cleared = {}
    for name, model in reversed(TABLES):
        rows = model._base_manager.filter(**{filters[model]: True})
        cleared[_label(name)] = raw_delete(rows)
    return cleared
