"""iCalendar feeds: one event, one person's registrations, the public programme. Every time is
written in its venue's own zone (DTSTART;TZID=Asia/Singapore…) with the matching VTIMEZONE, so a
calendar shows a bridge point's session at the right hour wherever its reader lives."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.core import signing
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as VEvent

from goglobal.events.models import Event, Session, Venue

DOMAIN = "goglobal.vn"
FEED_SALT = "goglobal.events.feed"


@dataclass(frozen=True)
class Entry:
    """One calendar entry: an event at a venue, or one session of it."""

    event: Event
    venue: Venue | None
    session: Session | None = None


def entries_for(event: Event, venues: Iterable[Venue]) -> list[Entry]:
    """The event's sessions at the given venues; a venue without sessions gives the event as a
    whole there, and an event without venues gives itself."""
    out: list[Entry] = []
    for venue in venues:
        sessions = list(venue.sessions.all())
        if sessions:
            out += [Entry(event, venue, session) for session in sessions]
        else:
            out.append(Entry(event, venue))
    return out or [Entry(event, None)]


def _vevent(entry: Entry, url_for) -> VEvent:
    event, venue, session = entry.event, entry.venue, entry.session
    zone = venue.zone if venue is not None else timezone.get_default_timezone()
    start = session.starts_at if session else event.starts_at
    end = session.ends_at if session else event.ends_at
    item = VEvent()
    uid = f"event-{event.pk}"
    if venue is not None:
        uid += f"-venue-{venue.pk}"
    if session is not None:
        uid += f"-session-{session.pk}"
    item.add("uid", f"{uid}@{DOMAIN}")
    item.add("dtstamp", event.updated_at or timezone.now())
    item.add("dtstart", start.astimezone(zone))
    item.add("dtend", end.astimezone(zone))
    summary = event.title_vi if session is None else f"{event.title_vi}: {session.title_vi}"
    item.add("summary", summary)
    if event.description_vi:
        item.add("description", event.description_vi)
    if venue is not None:
        place = ", ".join(part for part in (venue.name, venue.city, venue.country.name_vi) if part)
        item.add("location", place)
    item.add("url", url_for(event))
    item.add("status", "CANCELLED" if event.status == "cancelled" else "CONFIRMED")
    return item


def calendar_ics(entries: Iterable[Entry], *, name: str, url_for) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//Go Global Vietnam//events//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    for entry in entries:
        cal.add_component(_vevent(entry, url_for))
    cal.add_missing_timezones()
    return cal.to_ical()


def feed_token(user_id: int) -> str:
    return signing.dumps(user_id, salt=FEED_SALT)


def feed_user_id(token: str) -> int | None:
    try:
        value = signing.loads(token, salt=FEED_SALT)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None
