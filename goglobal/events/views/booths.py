"""Booths at fairs abroad: the organiser's booths and exhibitors, and the leads an exhibiting
enterprise collects — seen by it and by ministry staff only, and downloadable."""

from __future__ import annotations

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from goglobal.bulk.exports import FORMATS, list_download, table_response
from goglobal.core.pages import query_id, render_page
from goglobal.events import policies, reports, selectors, services
from goglobal.events.enums import EventKind
from goglobal.events.exports import booth_export_response
from goglobal.events.forms import BoothForm, ExhibitorForm, LeadForm
from goglobal.events.views.common import form_page, run_form


def _fair(request, pk: int):
    event = selectors.event_get_for_user(request.user, pk)
    if event.kind != EventKind.FAIR_BOOTH:
        raise Http404
    return event


def _booths(request, pk: int):
    """A fair's booths as its list shows them to the user (the list and its download)."""
    event = _fair(request, pk)
    return event, selectors.booth_visible_for_user(request.user).filter(event=event)


@require_GET
def booth_list(request, pk: int):
    event, booths = _booths(request, pk)
    own = (
        {x.pk for x in selectors.exhibitor_list_for_lead_entry(request.user, event)}
        if request.user.is_authenticated
        else set()
    )
    context = {
        "event": event,
        "booths": list(booths),
        "own_exhibitors": own,
        "can_manage": policies.can_manage_events(request.user),
        "section": "events",
    }
    return render_page(request, "events/booths.html", context)


@require_GET
def booth_export(request, pk: int, fmt: str):
    """The booth list as a file, for whoever may see the list."""
    event, booths = _booths(request, pk)
    return list_download(request, fmt, booths, partial(booth_export_response, event))


@login_required
@require_http_methods(["GET", "POST"])
def booth_create(request, pk: int):
    if not policies.can_manage_events(request.user):
        raise PermissionDenied
    event = _fair(request, pk)
    form = BoothForm(request.POST or None)
    if request.method == "POST" and run_form(
        form,
        lambda f: services.booth_create(actor=request.user, event=event, data=f.cleaned_data),
    ):
        messages.success(request, _("The booth is added. Add its exhibitors next."))
        return redirect("events:booths", event.pk)
    back = reverse("events:booths", args=[event.pk])
    return form_page(request, form, title=_("Add a booth"), back_url=back, back_label=_("Booths"))


@login_required
@require_http_methods(["GET", "POST"])
def exhibitor_add(request, bid: int):
    """Two steps on one form: the tax code finds the enterprise, then its products are ticked."""
    if not policies.can_manage_events(request.user):
        raise PermissionDenied
    booth = get_object_or_404(selectors.booth_visible_for_user(request.user), pk=bid)
    data = request.POST.copy() if request.method == "POST" else None
    form = ExhibitorForm(data)
    choosing = data is not None and data.get("step") == "products"
    if data is not None and not choosing and form.is_valid() and form.fields["products"].choices:
        data["step"] = "products"  # found: now tick the products it shows
        form = ExhibitorForm(data)
        form.is_valid()
        return _exhibitor_page(request, booth, form)
    if data is not None and run_form(
        form,
        lambda f: services.exhibitor_add(
            actor=request.user,
            booth=booth,
            enterprise_id=f.enterprise.pk,
            product_ids=f.product_ids(),
        ),
        {"enterprise": "tax_code"},
    ):
        messages.success(request, _("The exhibitor is added."))
        return redirect("events:booths", booth.event_id)
    return _exhibitor_page(request, booth, form)


def _exhibitor_page(request, booth, form):
    return form_page(
        request,
        form,
        title=_("Add an exhibitor to %(booth)s") % {"booth": booth.name},
        back_url=reverse("events:booths", args=[booth.event_id]),
        back_label=_("Booths"),
        submit_label=_("Add") if form.data.get("step") == "products" else _("Continue"),
    )


@login_required
@require_GET
def lead_list(request, pk: int):
    event = _fair(request, pk)
    exhibitors = selectors.exhibitor_list_for_lead_entry(request.user, event)
    if not exhibitors and not policies.can_manage_events(request.user):
        raise PermissionDenied
    chosen = query_id(request.GET.get("exhibitor"))
    if chosen not in {x.pk for x in exhibitors}:
        chosen = None
    leads = selectors.lead_list_for_event(request.user, event, exhibitor_id=chosen)
    fmt = request.GET.get("format", "")
    if fmt in FORMATS:
        name = f"leads-{event.pk}-{timezone.localdate().isoformat()}.{fmt}"
        return table_response(reports.lead_headers(), reports.lead_rows(leads), fmt=fmt, name=name)
    context = {
        "event": event,
        "exhibitors": exhibitors,
        "chosen": chosen,
        "filter_query": f"exhibitor={chosen}" if chosen else "",
        "page_obj": Paginator(leads, 50).get_page(request.GET.get("page")),
        "section": "events",
    }
    return render_page(request, "events/leads.html", context)


def _own_exhibitor(request, xid: int):
    exhibitor = get_object_or_404(
        selectors.exhibitor_visible_for_user(request.user).select_related("booth__event"),
        pk=xid,
    )
    if not policies.can_speak_for(request.user, exhibitor.enterprise_id):
        raise PermissionDenied
    return exhibitor


def _leads_url(exhibitor) -> str:
    return reverse("events:leads", args=[exhibitor.booth.event_id]) + f"?exhibitor={exhibitor.pk}"


@login_required
@require_http_methods(["GET", "POST"])
def lead_create(request, xid: int):
    exhibitor = _own_exhibitor(request, xid)
    form = LeadForm(request.POST or None, initial={"follow_up": "new"})
    if request.method == "POST" and run_form(
        form,
        lambda f: services.lead_record(
            actor=request.user, exhibitor=exhibitor, data=dict(f.cleaned_data)
        ),
    ):
        messages.success(request, _("The lead is recorded."))
        return redirect(_leads_url(exhibitor))
    return form_page(
        request,
        form,
        title=_("Record a lead at %(booth)s") % {"booth": exhibitor.booth.name},
        back_url=_leads_url(exhibitor),
        back_label=_("Leads"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def lead_edit(request, lid: int):
    lead = get_object_or_404(
        selectors.lead_visible_for_user(request.user).select_related("exhibitor__booth"), pk=lid
    )
    if not policies.can_speak_for(request.user, lead.exhibitor.enterprise_id):
        raise PermissionDenied
    fields = [
        name for name in LeadForm.base_fields if name not in ("country", "consent_to_contact")
    ]
    initial = {name: getattr(lead, name) for name in fields} | {"country": lead.country_id or ""}
    form = LeadForm(request.POST or None, initial=initial, editing=True)
    if request.method == "POST" and run_form(
        form,
        lambda f: services.lead_update(actor=request.user, lead=lead, data=dict(f.cleaned_data)),
    ):
        messages.success(request, _("The lead is saved."))
        return redirect(_leads_url(lead.exhibitor))
    return form_page(
        request,
        form,
        title=_("Lead: %(name)s") % {"name": lead.full_name},
        back_url=_leads_url(lead.exhibitor),
        back_label=_("Leads"),
    )
