"""`goglobal periodic` runs every recurring job once and reports what each did."""

import datetime as dt
from io import StringIO

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import CommandError, call_command
from django.utils import timezone

from goglobal.events import services
from goglobal.events.enums import RegistrationStatus as S
from goglobal.events.tests.factories import VenueFactory, person
from goglobal.testing.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_periodic_runs_every_job_and_lapses_an_expired_offer():
    venue = VenueFactory(capacity=1)
    first, second = (
        services.registration_create(
            actor=AnonymousUser(), event=venue.event, venue=venue, data=person(n)
        )
        for n in range(2)
    )
    services.registration_cancel(
        actor=UserFactory(), registration=first, now=timezone.now() - dt.timedelta(days=3)
    )
    second.refresh_from_db()
    assert second.status == S.OFFERED
    out = StringIO()
    call_command("periodic", stdout=out)
    text = out.getvalue()
    assert "cases.sla: " in text
    assert "events.offers: 1 offers lapsed" in text
    assert "events.reminders: " in text
    second.refresh_from_db()
    assert second.status == S.CANCELLED


def test_periodic_refuses_a_negative_interval():
    with pytest.raises(CommandError, match="--every"):
        call_command("periodic", "--every", "-5", stdout=StringIO())
