"""Attendance of an event for ministry staff, on a page and as an XLSX file."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.views.decorators.http import require_GET

from goglobal.core.pages import render_page
from goglobal.events import policies, reports, selectors

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _event(request, pk: int):
    if not policies.can_manage_events(request.user):
        raise PermissionDenied
    return selectors.event_get_for_user(request.user, pk)


@login_required
@require_GET
def attendance(request, pk: int):
    event = _event(request, pk)
    context = {
        "event": event,
        "report": reports.attendance(event),
        "outcomes": reports.outcome_totals(event),
        "section": "events",
    }
    return render_page(request, "events/attendance.html", context)


@login_required
@require_GET
def attendance_xlsx(request, pk: int):
    event = _event(request, pk)
    response = HttpResponse(reports.attendance_xlsx(event), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="attendance-{event.pk}.xlsx"'
    return response
