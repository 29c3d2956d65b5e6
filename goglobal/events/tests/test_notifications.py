import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.exceptions import ValidationError
from icalendar import Calendar

from goglobal.events import services
from goglobal.events.enums import RegistrationStatus as S
from goglobal.events.notifications import check_in_url, reminders_send
from goglobal.events.tests.factories import RegistrationFactory, VenueFactory, in_days, person
from goglobal.testing.factories import UserFactory
from goglobal.testing.pages import vi

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.SITE_URL = "https://goglobal.example.vn"


def _register(venue, n, capture):
    with capture(execute=True):
        return services.registration_create(
            actor=AnonymousUser(), event=venue.event, venue=venue, data=person(n)
        )


def test_confirmation_mail_carries_the_ticket_and_the_calendar(django_capture_on_commit_callbacks):
    venue = VenueFactory(time_zone="Asia/Singapore", city="Singapore")
    registration = _register(venue, 1, django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    assert message.to == ["le1@example.com"]
    assert message.subject == vi("Your registration: %(title)s", title=venue.event.title_vi)
    assert vi("Your place is confirmed. Show the attached QR code at the door.") in message.body
    names = [name for name, _content, _type in message.attachments]
    assert names == ["ticket.png", "event.ics"]
    assert message.attachments[0][1][:8] == b"\x89PNG\r\n\x1a\n"
    cal = Calendar.from_ical(message.attachments[1][1])
    assert [str(e["dtstart"].params["TZID"]) for e in cal.walk("VEVENT")] == ["Asia/Singapore"]
    assert check_in_url(registration).startswith(
        f"https://goglobal.example.vn/events/{venue.event_id}/check-in/?code="
    )


def test_waitlisted_mail_has_no_ticket_and_freed_place_is_offered_by_mail(
    django_capture_on_commit_callbacks,
):
    venue = VenueFactory(capacity=1)
    first = _register(venue, 1, django_capture_on_commit_callbacks)
    _register(venue, 2, django_capture_on_commit_callbacks)
    assert [name for name, _c, _t in mail.outbox[1].attachments] == ["event.ics"]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(actor=UserFactory(), registration=first)
    assert sorted(m.to[0] for m in mail.outbox) == ["le1@example.com", "le2@example.com"]
    offer = next(m for m in mail.outbox if m.to == ["le2@example.com"])
    assert (
        vi("A place has freed up for you. Confirm it before %(when)s or it passes on.", when="")[
            :20
        ]
        in offer.body
    )


def test_refused_registration_mails_nobody(django_capture_on_commit_callbacks):
    venue = VenueFactory()
    _register(venue, 1, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with pytest.raises(ValidationError), django_capture_on_commit_callbacks(execute=True):
        services.registration_create(
            actor=AnonymousUser(), event=venue.event, venue=venue, data=person(1)
        )
    assert mail.outbox == []


def test_reminders_go_once_to_admitted_participants_of_tomorrows_events():
    soon = VenueFactory(event__starts_at=in_days(0.5), event__ends_at=in_days(0.8))
    later = VenueFactory(event__starts_at=in_days(3))
    RegistrationFactory(venue=soon, email="yes@example.com")
    RegistrationFactory(venue=soon, email="no@example.com", status=S.CANCELLED)
    RegistrationFactory(venue=later, email="later@example.com")
    assert reminders_send() == 1
    assert [m.to for m in mail.outbox] == [["yes@example.com"]]
    assert mail.outbox[0].subject.startswith(vi("Reminder: %(title)s", title="")[:5])
    assert reminders_send(now=in_days(0) + dt.timedelta(minutes=5)) == 0
