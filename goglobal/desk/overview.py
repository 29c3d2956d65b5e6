"""The two pages that gather everything: a mission's desk (its jurisdiction) and a country page.
Each section is read through the selector of its own app, so the pages show no more than the
lists they link to, and each section costs a fixed number of queries whatever its size."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone

from goglobal.accounts import access
from goglobal.accounts.access import AnyUser
from goglobal.agreements.selectors import agreement_list_for_user
from goglobal.cases.enums import CaseStatus
from goglobal.cases.selectors import case_list_for_user
from goglobal.desk import selectors
from goglobal.enterprises.enums import PresenceMode
from goglobal.enterprises.models import MarketPresence, Product
from goglobal.enterprises.selectors import (
    contact_visible_for_user,
    declaration_aggregate_by_country,
    presence_list_for_user,
)
from goglobal.events.models import Venue
from goglobal.events.selectors import event_list_for_user
from goglobal.missions.models import Mission
from goglobal.missions.selectors import mission_list_for_user
from goglobal.reference.models import Country

SECTION_LIMIT = 20
ENTERPRISE_LIMIT = 100


def desk_missions_for_user(user: AnyUser) -> QuerySet[Mission]:
    """Whose desk the user may open: staff every mission's, an officer their own missions'."""
    if access.is_staff(user):
        return Mission.objects.all()
    return Mission.objects.filter(pk__in=access.own_mission_ids(user))


def desk_mission_get_for_user(user: AnyUser, pk: int) -> Mission:
    found = (
        desk_missions_for_user(user)
        .select_related("host_country")
        .prefetch_related("jurisdiction")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404
    return found


def _presences(user: AnyUser, codes) -> QuerySet[MarketPresence]:
    contacts = Prefetch(
        "enterprise__contacts",
        queryset=contact_visible_for_user(user).order_by("full_name", "id"),
        to_attr="shared_contacts",
    )
    products = Prefetch("enterprise__products", queryset=Product.objects.order_by("name_vi", "id"))
    return (
        presence_list_for_user(user)
        .filter(country_id__in=codes)
        .prefetch_related(products, contacts)
        .order_by("enterprise__name_folded", "country_id", "mode", "id")
    )


def desk_enterprises(user: AnyUser, mission: Mission) -> QuerySet[MarketPresence]:
    """Every presence of a visible enterprise in the mission's countries, with its products and
    only the contacts the user may see (for an officer: those who consented to sharing)."""
    return _presences(user, mission.jurisdiction.values("code"))


def desk_cases(user: AnyUser, mission: Mission):
    """Cases raised in the mission's countries that the enterprise shared with the mission —
    through the cases' own selector, so an officer sees exactly what the cases list shows."""
    return (
        case_list_for_user(user)
        .filter(country_id__in=mission.jurisdiction.values("code"), share_with_mission=True)
        .exclude(status=CaseStatus.DRAFT)
    )


def _events_in(user: AnyUser, codes):
    today = dt.datetime.combine(timezone.localdate(), dt.time.min, tzinfo=dt.UTC)
    venues = Venue.objects.filter(country_id__in=codes)
    return (
        event_list_for_user(user)
        .filter(pk__in=venues.values("event_id"), ends_at__gte=today)
        .order_by("starts_at", "id")
    )


def desk_events(user: AnyUser, mission: Mission):
    return _events_in(user, mission.jurisdiction.values("code"))


@dataclass
class CountryPage:
    country: Country
    missions: list = field(default_factory=list)
    agreements: list = field(default_factory=list)
    modes: list = field(default_factory=list)
    presences: list = field(default_factory=list)
    presence_total: int = 0
    events: list = field(default_factory=list)
    opportunities: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    revenue: dict | None = None
    revenue_year: int = 0


def country_get(code: str) -> Country:
    code = str(code)
    if len(code) != 2 or not code.isascii() or not code.isalpha():
        raise Http404
    found = Country.objects.filter(code=code.upper()).first()
    if found is None:
        raise Http404
    return found


def country_page(user: AnyUser, country: Country, *, year: int | None = None) -> CountryPage:
    """Everything about one country the user may see; about a dozen queries in all, however
    many records there are (the lists are capped, the counts aggregated in the database)."""
    code = country.code
    year = year or timezone.localdate().year - 1
    page = CountryPage(country=country, revenue_year=year)
    page.missions = list(mission_list_for_user(user, country=code))
    page.agreements = list(agreement_list_for_user(user, country=code)[:SECTION_LIMIT])
    presences = presence_list_for_user(user).filter(country_id=code)
    labels = dict(PresenceMode.choices)
    page.modes = [
        {"mode": row["mode"], "label": labels.get(row["mode"], row["mode"]), "count": row["n"]}
        for row in presences.values("mode").annotate(n=Count("id")).order_by("-n", "mode")
    ]
    page.presence_total = sum(row["count"] for row in page.modes)
    page.presences = list(
        presences.select_related("enterprise").order_by("mode", "enterprise__name_folded", "id")[
            :ENTERPRISE_LIMIT
        ]
    )
    page.events = list(_events_in(user, [code])[:SECTION_LIMIT])
    page.opportunities = list(
        selectors.opportunity_list_for_user(user, country=code, status="open")[:SECTION_LIMIT]
    )
    page.notes = list(selectors.note_list_for_user(user, country=code)[:SECTION_LIMIT])
    page.revenue = next(
        (
            row
            for row in declaration_aggregate_by_country(user, year=year)
            if row["country"] == code
        ),
        None,
    )
    return page
