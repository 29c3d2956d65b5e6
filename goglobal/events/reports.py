"""After the event: attendance by venue, participant country, sector and role, and its XLSX
export. Counts are of live registrations (not cancelled or rejected) and of those checked in."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from goglobal.accounts.models import Role
from goglobal.events.enums import ENDED, RegistrationStatus
from goglobal.events.models import Event, Outcome, Registration
from goglobal.reference.models import Country, Sector

LIVE = ~Q(status__in=sorted(ENDED))
CHECKED_IN = Q(status=RegistrationStatus.CHECKED_IN)


@dataclass(frozen=True)
class Row:
    label: str
    registered: int
    checked_in: int


def _rows(queryset, key: str, label) -> list[Row]:
    counted = (
        queryset.values(key)
        .annotate(
            registered=Count("id", filter=LIVE, distinct=True),
            checked_in=Count("id", filter=CHECKED_IN, distinct=True),
        )
        .order_by(key)
    )
    rows = [Row(label(item[key]), item["registered"], item["checked_in"]) for item in counted]
    return sorted((r for r in rows if r.registered), key=lambda r: (-r.registered, r.label))


def attendance(event: Event) -> dict[str, list[Row]]:
    """Four breakdowns, one query each."""
    registrations = Registration.objects.filter(event=event)
    venues = {v.pk: f"{v.name} ({v.city})" for v in event.venues.all()}
    roles = dict(Role.choices)
    countries = dict(Country.objects.values_list("code", "name_vi"))
    sectors = dict(Sector.objects.values_list("id", "name_vi"))
    unknown = _("Not given")
    return {
        "venue": _rows(registrations, "venue_id", lambda pk: venues.get(pk, str(pk))),
        "country": _rows(registrations, "country_id", lambda c: countries.get(c, unknown)),
        "sector": _rows(
            registrations.filter(enterprise__isnull=False),
            "enterprise__sectors",
            lambda pk: sectors.get(pk, unknown),
        ),
        "role": _rows(
            registrations, "user__role", lambda r: str(roles.get(r, _("Guest without an account")))
        ),
    }


def outcome_totals(event: Event) -> list[dict]:
    """Reported outcomes summed per currency (one query)."""
    return list(
        Outcome.objects.filter(registration__event=event)
        .values("currency_id")
        .annotate(
            reports=Count("id"),
            meetings=Sum("meetings_held"),
            agreements=Sum("agreements"),
            contracts=Sum("contracts"),
            value=Sum("contract_value"),
        )
        .order_by("currency_id")
    )


def _safe(value):
    # A text starting with = + - @ would be read as a formula by a spreadsheet.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def attendance_xlsx(event: Event) -> bytes:
    report = attendance(event)
    book = Workbook()
    people = book.active
    people.title = _("Participants")[:31]
    people.append(
        [
            _("Full name"),
            _("Organisation"),
            _("Country"),
            _("Venue"),
            _("Status"),
            _("Checked in at"),
        ]
    )
    participants = (
        Registration.objects.filter(event=event)
        .select_related("venue", "country")
        .order_by("venue_id", "full_name", "id")
    )
    for registration in participants:
        checked = registration.checked_in_at
        people.append(
            [
                _safe(registration.full_name),
                _safe(registration.organisation),
                registration.country.name_vi if registration.country else "",
                _safe(registration.venue.name),
                str(registration.get_status_display()),
                registration.venue.local(checked).replace(tzinfo=None) if checked else None,
            ]
        )
    titles = {
        "venue": _("By venue"),
        "country": _("By country"),
        "sector": _("By sector"),
        "role": _("By role"),
    }
    for key, title in titles.items():
        sheet = book.create_sheet(str(title)[:31])
        sheet.append([str(title), _("Registered"), _("Checked in")])
        for row in report[key]:
            sheet.append([_safe(row.label), row.registered, row.checked_in])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def lead_headers() -> list[str]:
    return [
        str(label)
        for label in (
            _("Booth"),
            _("Exhibitor"),
            _("Full name"),
            _("Organisation"),
            _("Country"),
            _("E-mail"),
            _("Interest"),
            _("Follow-up"),
            _("Follow-up note"),
            _("Recorded at"),
        )
    ]


def lead_rows(leads) -> Iterator[list]:
    """Rows of the leads a selector returned (the caller decides who sees which)."""
    for lead in leads.iterator(chunk_size=2000):
        yield [
            lead.exhibitor.booth.name,
            lead.exhibitor.enterprise.name_vi,
            lead.full_name,
            lead.organisation,
            lead.country.name_vi if lead.country else "",
            lead.email,
            lead.interest,
            str(lead.get_follow_up_display()),
            lead.follow_up_note,
            timezone.localtime(lead.created_at).strftime("%Y-%m-%d %H:%M"),
        ]
