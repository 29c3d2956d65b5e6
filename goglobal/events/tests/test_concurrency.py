"""No overbooking under concurrency: 50 people register at once for a 20-seat venue, each in
its own thread with its own database connection, against the real database.

On PostgreSQL the threads share the test database. SQLite's test database is in memory with a
shared cache, whose table locks fail at once ("database table is locked") instead of waiting, so
no two connections can write it concurrently at all; there the test copies the database to a
file in WAL mode — what the platform runs on — and points the threads' connections at it."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from contextlib import contextmanager

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection, connections

from goglobal.events import services
from goglobal.events.enums import RegistrationStatus as S
from goglobal.events.models import Registration
from goglobal.events.tests.factories import VenueFactory, person
from goglobal.testing.factories import UserFactory

# serialized_rollback: the flush after a transactional test would empty the reference tables
# that the migrations loaded, and every later test needs them.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PEOPLE = 50


SEATS = 20


@contextmanager
def real_database(tmp_path):
    """Yields a function that runs a callable in a fresh thread (own connection) on a database
    that several connections can write at once."""
    swap = connection.vendor == "sqlite" and connection.is_in_memory_db()
    settings_dict = connections.settings["default"]
    original = settings_dict["NAME"]
    if swap:
        path = tmp_path / "events.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(path)
        connection.connection.backup(target)
        target.close()
        # Every connection opened from here on, in any thread, opens the file; this thread's
        # in-memory connection is already open and stays as it is.
        settings_dict["NAME"] = str(path)
    try:
        yield in_thread
    finally:
        settings_dict["NAME"] = original


def in_thread(call: Callable):
    result: list = []

    def run():
        try:
            result.append(call())
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return result[0] if result else None


def all_at_once(calls: list[Callable]) -> list[BaseException]:
    barrier = threading.Barrier(len(calls))
    errors: list[BaseException] = []

    def run(call: Callable) -> None:
        try:
            barrier.wait()
            call()
        except BaseException as exc:  # noqa: BLE001 — collected and asserted by the test
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def _register(venue, n):
    return lambda: services.registration_create(
        actor=AnonymousUser(), event=venue.event, venue=venue, data=person(n)
    )


def _rows(venue):
    return list(
        Registration.objects.filter(venue=venue)
        .order_by("id")
        .values_list("email", "status", "waitlist_position")
    )


def test_fifty_simultaneous_registrations_fill_twenty_seats_and_waitlist_the_rest(tmp_path):
    venue = VenueFactory(capacity=SEATS)
    with real_database(tmp_path) as run:
        errors = all_at_once([_register(venue, n) for n in range(PEOPLE)])
        rows = run(lambda: _rows(venue))
    assert errors == []
    assert len(rows) == PEOPLE
    assert {email for email, _s, _p in rows} == {f"le{n}@example.com" for n in range(PEOPLE)}
    assert sum(status == S.CONFIRMED for _e, status, _p in rows) == SEATS
    waiting = [p for _e, status, p in rows if status == S.WAITLISTED]
    assert sorted(waiting) == list(range(1, PEOPLE - SEATS + 1))


def test_cancellations_racing_new_registrations_promote_the_first_in_line_without_overbooking(
    tmp_path,
):
    venue = VenueFactory(capacity=SEATS)
    staff = UserFactory()
    with real_database(tmp_path) as run:
        assert all_at_once([_register(venue, n) for n in range(PEOPLE)]) == []
        confirmed = run(
            lambda: list(Registration.objects.filter(venue=venue, status=S.CONFIRMED)[:5])
        )
        cancels = [
            (lambda r=r: services.registration_cancel(actor=staff, registration=r))
            for r in confirmed
        ]
        newcomers = [_register(venue, n) for n in range(PEOPLE, PEOPLE + 10)]
        errors = all_at_once(cancels + newcomers)
        rows = run(lambda: _rows(venue))
    assert errors == []
    assert len(rows) == PEOPLE + 10
    statuses = [status for _e, status, _p in rows]
    assert statuses.count(S.CANCELLED) == 5
    assert statuses.count(S.CONFIRMED) + statuses.count(S.OFFERED) == SEATS
    assert sorted(p for _e, status, p in rows if status == S.OFFERED) == [1, 2, 3, 4, 5]
    assert sorted(p for _e, status, p in rows if status == S.WAITLISTED) == list(
        range(6, PEOPLE - SEATS + 11)
    )
