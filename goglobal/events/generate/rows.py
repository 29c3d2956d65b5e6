"""What the events generator writes: who may register (Pool), the rows of each table (Rows)
and the tables in the order their foreign keys need."""

from __future__ import annotations

from dataclasses import dataclass, field

from goglobal.events.models import (
    Booth,
    Event,
    Exhibitor,
    Lead,
    Outcome,
    Registration,
    Score,
    Session,
    Venue,
)


@dataclass
class Pool:
    """Who may register: generated enterprises' contacts and foreign partners' people."""

    enterprise_people: list  # (enterprise_id, full_name, email, enterprise name)
    foreign_people: list  # (full_name, email, organisation name, country code)
    products: dict[int, list[int]]
    sector_ids: list[int]
    organisation_ids: list[int]


@dataclass
class Rows:
    events: list = field(default_factory=list)
    event_sectors: list = field(default_factory=list)
    event_countries: list = field(default_factory=list)
    event_partners: list = field(default_factory=list)
    venues: list = field(default_factory=list)
    sessions: list = field(default_factory=list)
    registrations: list = field(default_factory=list)
    scores: list = field(default_factory=list)
    outcomes: list = field(default_factory=list)
    booths: list = field(default_factory=list)
    exhibitors: list = field(default_factory=list)
    exhibitor_products: list = field(default_factory=list)
    leads: list = field(default_factory=list)


# Parents before children, as the foreign keys need.
TABLES = (
    ("events", Event),
    ("event_sectors", Event.sectors.through),
    ("event_countries", Event.target_countries.through),
    ("event_partners", Event.partner_organisations.through),
    ("venues", Venue),
    ("sessions", Session),
    ("registrations", Registration),
    ("scores", Score),
    ("outcomes", Outcome),
    ("booths", Booth),
    ("exhibitors", Exhibitor),
    ("exhibitor_products", Exhibitor.products.through),
    ("leads", Lead),
)
NUMBERED = (Event, Venue, Session, Registration, Booth, Exhibitor)
