"""Generated events in the synthetic population: consistent seats and attendance, the same rows
for the same seed, and replaced (not doubled) by the next run."""

import datetime as dt

import pytest
from django.db import transaction
from django.db.models import Count, F, Q
from django.test import Client

from goglobal.core.generate import generate
from goglobal.events import reports
from goglobal.events.enums import SEAT_HOLDING, EventKind
from goglobal.events.enums import RegistrationStatus as S
from goglobal.events.generate import clear_generated_events, generate_events
from goglobal.events.models import Event, Exhibitor, Lead, Outcome, Registration, Venue
from goglobal.testing.factories import UserFactory

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def population():
    return generate(enterprises=400, seed=11)


def test_generated_events_cover_every_kind_over_the_years(population):
    counts = population.counts
    events = Event.objects.filter(generated=True)
    assert counts["events"] == events.count() > 60
    assert set(events.values_list("kind", flat=True)) == set(EventKind.values)
    assert set(events.values_list("starts_at__year", flat=True)) == {2023, 2024, 2025, 2026, 2027}
    abroad = Venue.objects.filter(event__generated=True).exclude(country_id="VN")
    assert abroad.count() > 20
    assert counts["event_registrations"] == Registration.objects.count() > 1000


def test_no_venue_is_over_capacity_and_attendance_never_exceeds_seats(population):
    venues = Venue.objects.filter(event__generated=True).annotate(
        held=Count("registrations", filter=Q(registrations__status__in=sorted(SEAT_HOLDING))),
        attended=Count("registrations", filter=Q(registrations__status=S.CHECKED_IN)),
    )
    assert not venues.filter(held__gt=F("capacity")).exists()
    assert not venues.filter(attended__gt=F("held")).exists()
    assert venues.filter(attended__gt=0).count() > 10
    waiting = Registration.objects.filter(status=S.WAITLISTED).values("venue_id")
    assert waiting.exists()
    for venue in venues.filter(pk__in=waiting):
        positions = sorted(
            venue.registrations.filter(status=S.WAITLISTED).values_list(
                "waitlist_position", flat=True
            )
        )
        assert positions == list(range(1, len(positions) + 1))
        assert venue.held == venue.capacity  # nobody waits while a seat is free


def test_attendance_and_outcomes_only_after_the_event(population):
    now = dt.datetime.now(dt.UTC)
    checked = Registration.objects.filter(status=S.CHECKED_IN)
    assert checked.exists()
    assert not checked.filter(event__ends_at__gt=now).exists()
    assert not checked.filter(checked_in_at__isnull=True).exists()
    assert (
        not Registration.objects.exclude(status=S.CHECKED_IN)
        .filter(checked_in_at__isnull=False)
        .exists()
    )
    assert not Outcome.objects.exclude(registration__status=S.CHECKED_IN).exists()
    assert Outcome.objects.count() > 0
    live = Registration.objects.exclude(status__in=[S.CANCELLED, S.REJECTED])
    duplicates = live.values("event_id", "email").annotate(n=Count("id")).filter(n__gt=1)
    assert not duplicates.exists()
    assert not Registration.objects.filter(event__status="cancelled").exists()


def test_fairs_have_exhibitors_with_their_own_products_and_leads(population):
    exhibitors = Exhibitor.objects.filter(booth__event__generated=True)
    assert exhibitors.exists()
    assert not exhibitors.exclude(booth__event__kind=EventKind.FAIR_BOOTH).exists()
    for exhibitor in exhibitors.prefetch_related("products"):
        assert {p.enterprise_id for p in exhibitor.products.all()} <= {exhibitor.enterprise_id}
    assert Lead.objects.filter(consent_to_contact=True).count() == Lead.objects.count() > 0


def test_attendance_report_of_a_generated_event_adds_up(population):
    event = (
        Event.objects.filter(generated=True, kind=EventKind.FORUM, ends_at__lt=NOW)
        .annotate(n=Count("venues"))
        .filter(n__gt=1, status="published")
        .first()
    )
    report = reports.attendance(event)
    registrations = Registration.objects.filter(event=event)
    assert sum(row.checked_in for row in report["venue"]) == (
        registrations.filter(status=S.CHECKED_IN).count()
    )
    assert sum(row.registered for row in report["venue"]) == (
        registrations.exclude(status__in=[S.CANCELLED, S.REJECTED]).count()
    )
    page = Client()
    page.force_login(UserFactory())
    assert page.get(f"/events/{event.pk}/attendance/").status_code == 200
    programme = Client().get("/events/programme/?year=2025").content.decode()
    some = Event.objects.filter(generated=True, is_public=True, starts_at__year=2025).first()
    assert some.title_vi in programme


def _digest() -> list:
    return [
        sorted(
            Event.objects.values_list(
                "title_vi", "kind", "starts_at", "ends_at", "status", "is_public", "moderated"
            )
        ),
        sorted(Venue.objects.values_list("event__title_vi", "name", "country_id", "capacity")),
        sorted(
            Registration.objects.values_list(
                "event__title_vi", "venue__name", "email", "status", "waitlist_position"
            )
        ),
        sorted(Outcome.objects.values_list("registration__email", "contracts", "contract_value")),
        sorted(
            Lead.objects.values_list("exhibitor__enterprise__tax_code", "full_name", "follow_up")
        ),
    ]


def test_the_same_seed_gives_the_same_events_and_a_rerun_replaces_them(population):
    dataset = population.dataset
    ids = (dataset.enterprise_id_min, dataset.enterprise_id_max)
    orgs = (dataset.organisation_id_min, dataset.organisation_id_max)
    with transaction.atomic():
        clear_generated_events()
        generate_events(seed=3, enterprise_ids=ids, organisation_ids=orgs, now=NOW)
    first = _digest()
    with transaction.atomic():
        cleared = clear_generated_events()
        generate_events(seed=3, enterprise_ids=ids, organisation_ids=orgs, now=NOW)
    assert cleared["events"] == Event.objects.count()
    assert _digest() == first
    with transaction.atomic():
        clear_generated_events()
        generate_events(seed=4, enterprise_ids=ids, organisation_ids=orgs, now=NOW)
    assert _digest() != first
    generate(enterprises=400, seed=11)  # the whole population again: events replaced
    assert Event.objects.filter(generated=True).count() == population.counts["events"]
