"""E-mails to participants: each change of a registration's status, and the reminder the day
before, with the ticket's QR code (PNG) and the venue's calendar entry (.ics) attached. Sent by
tasks after the transaction commits, so a rolled-back registration never mails anyone."""

from __future__ import annotations

import datetime as dt
import io

import segno
from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from goglobal.events.calendars import calendar_ics, entries_for
from goglobal.events.enums import ADMISSIBLE, RegistrationStatus
from goglobal.events.models import Registration
from goglobal.events.services.tickets import ticket_token

S = RegistrationStatus


def site_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def check_in_url(registration: Registration) -> str:
    path = reverse("events:check-in", args=[registration.event_id])
    return site_url(f"{path}?code={ticket_token(registration)}")


def ticket_png(registration: Registration) -> bytes:
    out = io.BytesIO()
    segno.make(check_in_url(registration), error="m").save(out, kind="png", scale=6)
    return out.getvalue()


def _status_line(registration: Registration) -> str:
    status = registration.status
    if status == S.CONFIRMED:
        return _("Your place is confirmed. Show the attached QR code at the door.")
    if status == S.WAITLISTED:
        return _("The venue is full: you are number %(n)s on the waiting list.") % {
            "n": registration.waitlist_position
        }
    if status == S.OFFERED:
        when = timezone.localtime(registration.offer_expires_at, registration.venue.zone)
        return _("A place has freed up for you. Confirm it before %(when)s or it passes on.") % {
            "when": when.strftime("%H:%M %d/%m/%Y")
        }
    if status == S.APPLIED:
        return _("Your application is received; the ministry will let you know its decision.")
    if status == S.SELECTED:
        return _("Your enterprise is selected. Show the attached QR code at the door.")
    if status == S.INVITED:
        return _("You are invited. Show the attached QR code at the door.")
    if status == S.REJECTED:
        return _("Your application was not selected: %(reason)s") % {"reason": registration.reason}
    if status == S.CANCELLED:
        return _("Your registration is cancelled.")
    return registration.get_status_display()


def registration_message(registration: Registration, *, reminder: bool = False) -> EmailMessage:
    event, venue = registration.event, registration.venue
    with translation.override(settings.LANGUAGE_CODE):
        start = timezone.localtime(event.starts_at, venue.zone)
        subject = (_("Reminder: %(title)s") if reminder else _("Your registration: %(title)s")) % {
            "title": event.title_vi
        }
        lines = [
            _("Dear %(name)s,") % {"name": registration.full_name},
            "",
            event.title_vi,
            f"{venue.name}, {venue.city} — {start:%H:%M %d/%m/%Y} ({venue.time_zone})",
            "",
            _status_line(registration),
            "",
            _("Your ticket: %(url)s")
            % {"url": site_url(reverse("events:ticket", args=[ticket_token(registration)]))},
        ]
        message = EmailMessage(subject, "\n".join(lines), to=[registration.email])
        if registration.status in ADMISSIBLE:
            message.attach("ticket.png", ticket_png(registration), "image/png")
        entries = entries_for(event, [venue])
        url = site_url(reverse("events:detail", args=[event.pk]))
        message.attach(
            "event.ics",
            calendar_ics(entries, name=event.title_vi, url_for=lambda _e: url),
            "text/calendar",
        )
    return message


def registration_notify(registration_id: int) -> bool:
    registration = (
        Registration.objects.select_related("event", "venue", "venue__country")
        .filter(pk=registration_id)
        .first()
    )
    if registration is None:
        return False
    registration_message(registration).send()
    return True


def reminders_send(
    *, now: dt.datetime | None = None, ahead: dt.timedelta = dt.timedelta(days=1)
) -> int:
    """Reminds every admitted participant of an event that starts within `ahead`, once."""
    now = now or timezone.now()
    due = Registration.objects.select_related("event", "venue", "venue__country").filter(
        status__in=sorted(ADMISSIBLE),
        reminded_at__isnull=True,
        event__status="published",
        event__starts_at__gt=now,
        event__starts_at__lte=now + ahead,
    )
    sent = 0
    for registration in due:
        registration_message(registration, reminder=True).send()
        Registration.objects.filter(pk=registration.pk).update(reminded_at=now)
        sent += 1
    return sent
