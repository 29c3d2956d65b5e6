"""Products and market presence of an enterprise."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from goglobal.core.pages import render_page, run_service
from goglobal.enterprises import policies, selectors, services
from goglobal.enterprises.forms import PresenceForm, ProductForm


def _managed_enterprise(request, pk: int):
    enterprise = selectors.enterprise_get_for_user(request.user, pk)
    if not policies.can_manage_enterprise_records(request.user, enterprise.pk):
        raise PermissionDenied
    return enterprise


def _form_page(request, form, *, title: str, enterprise, tab: str):
    context = {
        "form": form,
        "title": title,
        "back_url": reverse(f"enterprises:{tab}", args=[enterprise.pk]),
        "back_label": enterprise.name,
        "section": "enterprises",
    }
    return render_page(request, "includes/form_page.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def product_create(request, pk: int):
    enterprise = _managed_enterprise(request, pk)
    form = ProductForm(request.POST or None)
    if request.method == "POST" and run_service(
        form,
        lambda f: services.product_create(
            actor=request.user, enterprise=enterprise, data=dict(f.cleaned_data)
        ),
    ):
        messages.success(request, _("The product is added."))
        return redirect("enterprises:products", pk)
    return _form_page(
        request, form, title=_("Add a product"), enterprise=enterprise, tab="products"
    )


@login_required
@require_http_methods(["GET", "POST"])
def product_edit(request, pk: int, product_pk: int):
    enterprise = _managed_enterprise(request, pk)
    product = selectors.product_get_for_user(request.user, product_pk)
    if product.enterprise_id != enterprise.pk:
        raise PermissionDenied
    form = ProductForm(request.POST or None, initial=ProductForm.initial_for(product))
    if request.method == "POST" and run_service(
        form,
        lambda f: services.product_update(
            actor=request.user, product=product, data=dict(f.cleaned_data)
        ),
    ):
        messages.success(request, _("The product is saved."))
        return redirect("enterprises:products", pk)
    title = _("Edit %(name)s") % {"name": product.name}
    return _form_page(request, form, title=title, enterprise=enterprise, tab="products")


def _presence_of(request, enterprise, presence_pk: int):
    presence = selectors.presence_get_for_user(request.user, presence_pk)
    if presence.enterprise_id != enterprise.pk:
        raise PermissionDenied
    return presence


@login_required
@require_http_methods(["GET", "POST"])
def presence_create(request, pk: int):
    enterprise = _managed_enterprise(request, pk)
    form = PresenceForm(request.POST or None)
    if request.method == "POST" and run_service(
        form,
        lambda f: services.presence_create(
            actor=request.user, enterprise=enterprise, data=dict(f.cleaned_data)
        ),
    ):
        messages.success(request, _("The presence abroad is added."))
        return redirect("enterprises:presence", pk)
    title = _("Add presence abroad")
    return _form_page(request, form, title=title, enterprise=enterprise, tab="presence")


@login_required
@require_http_methods(["GET", "POST"])
def presence_edit(request, pk: int, presence_pk: int):
    enterprise = _managed_enterprise(request, pk)
    presence = _presence_of(request, enterprise, presence_pk)
    form = PresenceForm(request.POST or None, initial=PresenceForm.initial_for(presence))
    if request.method == "POST" and run_service(
        form,
        lambda f: services.presence_update(
            actor=request.user, presence=presence, data=dict(f.cleaned_data)
        ),
    ):
        messages.success(request, _("The presence abroad is saved."))
        return redirect("enterprises:presence", pk)
    title = _("Edit presence in %(country)s") % {"country": presence.country.name}
    return _form_page(request, form, title=title, enterprise=enterprise, tab="presence")


@login_required
@require_http_methods(["GET", "POST"])
def presence_delete(request, pk: int, presence_pk: int):
    """GET asks for confirmation (works without JavaScript); POST deletes."""
    enterprise = _managed_enterprise(request, pk)
    presence = _presence_of(request, enterprise, presence_pk)
    if request.method == "POST":
        services.presence_delete(actor=request.user, presence=presence)
        messages.success(request, _("The presence abroad is deleted."))
        return redirect("enterprises:presence", pk)
    context = {"enterprise": enterprise, "presence": presence, "section": "enterprises"}
    return render(request, "enterprises/presence_delete.html", context)
