"""The event app's lists as downloads (CSV or XLSX): each list's selector with its filters and
the list's columns, so a file holds exactly the rows the list shows the user — the event list,
an event's registrations (its organisers only) and an event's booths."""

from __future__ import annotations

import operator
from collections.abc import Callable

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from goglobal.bulk.exports import ExportColumn, columns_response, dated_file_name, link_column
from goglobal.events.enums import Criterion, RegistrationStatus

COLUMNS = (
    ExportColumn(_("Event"), lambda e: e.title),
    ExportColumn(_("Kind"), lambda e: e.get_kind_display()),
    ExportColumn(_("Date"), lambda e: timezone.localdate(e.starts_at)),
    ExportColumn(_("Venues"), lambda e: "; ".join(v.city for v in e.venues.all())),
    ExportColumn(_("Status"), lambda e: e.get_status_display()),
    ExportColumn(_("Invitation only"), lambda e: "" if e.is_public else "✓"),
)


def event_export_response(queryset, fmt: str, *, absolute: Callable[[str], str]):
    columns = (*COLUMNS, link_column(absolute, "events:detail"))
    return columns_response(columns, queryset, fmt=fmt, name=dated_file_name("events", fmt))


def _event_link_column(absolute: Callable[[str], str]) -> ExportColumn:
    """Registrations and booths have no page of their own: each row links to its event's."""
    return link_column(absolute, "events:detail", key=operator.attrgetter("event_id"))


def _organisation(registration) -> str:
    # As the list shows it: the enterprise the participant came for, else what they typed.
    if registration.enterprise_id:
        return registration.enterprise.name
    return registration.organisation


def _waiting(registration) -> int | None:
    # The list shows the position ("#3") of those waiting only.
    if registration.status == RegistrationStatus.WAITLISTED:
        return registration.waitlist_position
    return None


def _scores(registration) -> dict[str, int]:
    # From the selector's prefetched scores: no query per row.
    return {score.criterion: score.value for score in registration.scores.all()}


def _criterion_column(value: str, label) -> ExportColumn:
    return ExportColumn(label, lambda r: _scores(r).get(value))


REGISTRATION_COLUMNS = (
    ExportColumn(_("Participant"), lambda r: r.full_name),
    ExportColumn(_("E-mail"), lambda r: r.email),
    ExportColumn(_("Organisation"), _organisation),
    ExportColumn(_("Venue"), lambda r: r.venue.name),
    ExportColumn(_("Status"), lambda r: r.get_status_display()),
    ExportColumn(_("Waiting-list position"), _waiting),
    ExportColumn(_("Reason"), lambda r: r.reason),
)
# A moderated event's list shows the scores on its published criteria and their total.
SCORE_COLUMNS = (
    *(_criterion_column(value, label) for value, label in Criterion.choices),
    ExportColumn(_("Total score"), lambda r: sum(_scores(r).values())),
)
REGISTERED_AT = ExportColumn(
    _("Registered at"), lambda r: timezone.localtime(r.created_at).strftime("%Y-%m-%d %H:%M")
)


def registration_export_response(event, queryset, fmt: str, *, absolute: Callable[[str], str]):
    """An event's registrations (queryset: selectors.registration_list_for_event, which the
    caller reaches only as one who may manage the event) with the list's columns."""
    columns = (
        *REGISTRATION_COLUMNS,
        *(SCORE_COLUMNS if event.moderated else ()),
        REGISTERED_AT,
        _event_link_column(absolute),
    )
    name = dated_file_name(f"registrations-{event.pk}", fmt)
    return columns_response(columns, queryset, fmt=fmt, name=name)


def _exhibitor(exhibitor) -> str:
    products = ", ".join(product.name for product in exhibitor.products.all())
    return f"{exhibitor.enterprise.name} — {products}" if products else exhibitor.enterprise.name


BOOTH_COLUMNS = (
    ExportColumn(_("Booth"), lambda b: b.name),
    ExportColumn(_("Hall and stand"), lambda b: b.location),
    ExportColumn(_("Exhibitors"), lambda b: "; ".join(_exhibitor(x) for x in b.exhibitors.all())),
)


def booth_export_response(event, queryset, fmt: str, *, absolute: Callable[[str], str]):
    """An event's booths (queryset: the booth list's, exhibitors and products prefetched), one
    row a booth with its exhibitors and the products each shows, as the list has them."""
    columns = (*BOOTH_COLUMNS, _event_link_column(absolute))
    name = dated_file_name(f"booths-{event.pk}", fmt)
    return columns_response(columns, queryset, fmt=fmt, name=name)
