"""A participant's agenda as iCalendar and PDF: each meeting in the participant's own time zone
(a bridge point's), with the table or virtual room and the other side."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as VEvent

from goglobal.matchmaking.models import Meeting, Participant

DOMAIN = "goglobal.vn"


def other_side(meeting: Meeting, participant: Participant) -> Participant:
    request = meeting.request
    return request.receiver if request.sender_id == participant.pk else request.sender


def place(meeting: Meeting) -> str:
    from django.utils.translation import gettext as _

    if meeting.room is not None:
        return _("Virtual room %(n)d") % {"n": meeting.room}
    return _("Table %(n)d") % {"n": meeting.table}


def agenda_ics(participant: Participant, meetings: list[Meeting]) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//Go Global Vietnam//matchmaking//VI")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{participant.profile.name} — {participant.event.title_vi}")
    zone = participant.zone
    for meeting in meetings:
        item = VEvent()
        item.add("uid", f"meeting-{meeting.pk}@{DOMAIN}")
        item.add("dtstamp", meeting.updated_at or timezone.now())
        item.add("dtstart", meeting.slot.starts_at.astimezone(zone))
        item.add("dtend", meeting.slot.ends_at.astimezone(zone))
        item.add("summary", f"B2B: {other_side(meeting, participant).profile.name}")
        item.add("location", place(meeting))
        cal.add_component(item)
    cal.add_missing_timezones()
    return cal.to_ical()


def agenda_pdf(participant: Participant, rows: list[dict]) -> bytes:
    from weasyprint import HTML  # heavy: imported only when a PDF is asked for

    html = render_to_string(
        "matchmaking/agenda_pdf.html", {"participant": participant, "rows": rows}
    )
    return HTML(string=html).write_pdf()
