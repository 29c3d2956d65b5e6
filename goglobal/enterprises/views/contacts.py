"""An enterprise's contact people and their consent per purpose (Decree 356/2025)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from goglobal.core.pages import render_page, run_service
from goglobal.enterprises import policies, selectors, services
from goglobal.enterprises.forms import ConsentForm, ContactForm


def _contact_of(request, pk: int, contact_pk: int):
    enterprise = selectors.enterprise_get_for_user(request.user, pk)
    contact = selectors.contact_get_for_user(request.user, contact_pk)
    if contact.enterprise_id != enterprise.pk:
        raise Http404
    return enterprise, contact


@login_required
@require_http_methods(["GET", "POST"])
def contact_create(request, pk: int):
    enterprise = selectors.enterprise_get_for_user(request.user, pk)
    if not policies.can_manage_enterprise_records(request.user, enterprise.pk):
        raise PermissionDenied
    form = ContactForm(request.POST or None)
    contact = request.method == "POST" and run_service(
        form,
        lambda f: services.contact_create(
            actor=request.user, enterprise=enterprise, data=dict(f.cleaned_data)
        ),
    )
    if contact:
        messages.success(request, _("The contact is added. Record their consent below."))
        return redirect("enterprises:contact", pk, contact.pk)
    context = {
        "form": form,
        "title": _("Add a contact"),
        "back_url": reverse("enterprises:contacts", args=[pk]),
        "back_label": enterprise.name,
        "section": "enterprises",
    }
    return render_page(request, "includes/form_page.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def contact_detail(request, pk: int, contact_pk: int):
    """The contact, its consents and, for those who keep the list, the forms to change them."""
    enterprise, contact = _contact_of(request, pk, contact_pk)
    can_edit = policies.can_edit_contact(request.user, contact)
    form = ContactForm(request.POST or None, initial=ContactForm.initial_for(contact))
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if run_service(
            form,
            lambda f: services.contact_update(
                actor=request.user, contact=contact, data=dict(f.cleaned_data)
            ),
        ):
            messages.success(request, _("The contact is saved."))
            return redirect("enterprises:contact", pk, contact_pk)
    context = {
        "enterprise": enterprise,
        "contact": contact,
        "form": form if can_edit else None,
        "consent_form": ConsentForm() if can_edit else None,
        "section": "enterprises",
    }
    return render_page(request, "enterprises/contact.html", context)


@login_required
@require_http_methods(["POST"])
def consent_record(request, pk: int, contact_pk: int):
    enterprise, contact = _contact_of(request, pk, contact_pk)
    if not policies.can_edit_contact(request.user, contact):
        raise PermissionDenied
    form = ConsentForm(request.POST)
    if run_service(
        form,
        lambda f: services.consent_record(
            actor=request.user,
            contact=contact,
            purpose=f.cleaned_data["purpose"],
            method=f.cleaned_data["method"],
            evidence=f.cleaned_data["evidence"],
            given_at=f.cleaned_data["given_at"],
        ),
    ):
        messages.success(request, _("The consent is recorded."))
        return redirect("enterprises:contact", pk, contact_pk)
    context = {
        "enterprise": enterprise,
        "contact": contact,
        "form": ContactForm(initial=ContactForm.initial_for(contact)),
        "consent_form": form,
        "section": "enterprises",
    }
    return render_page(request, "enterprises/contact.html", context)


@login_required
@require_POST
def consent_withdraw(request, pk: int, contact_pk: int, consent_pk: int):
    _enterprise, contact = _contact_of(request, pk, contact_pk)
    consent = next((c for c in contact.consents.all() if c.pk == consent_pk), None)
    if consent is None:
        raise Http404
    if not policies.can_edit_contact(request.user, contact):
        raise PermissionDenied
    services.consent_withdraw(actor=request.user, consent=consent)
    messages.success(request, _("The consent is withdrawn."))
    return redirect("enterprises:contact", pk, contact_pk)
