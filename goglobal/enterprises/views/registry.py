"""Enterprise list, detail with its tabs, create and edit."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from goglobal.accounts import access
from goglobal.core.changes import change_log
from goglobal.core.pages import render_page, run_service
from goglobal.core.pagination import paginate, query_without_page
from goglobal.enterprises import policies, selectors, services
from goglobal.enterprises.forms import EnterpriseFilterForm, EnterpriseForm
from goglobal.enterprises.models import (
    Contact,
    Declaration,
    Enterprise,
    MarketPresence,
    Product,
)

TABS = (
    ("profile", gettext_lazy("Profile"), "enterprises:detail"),
    ("products", gettext_lazy("Products"), "enterprises:products"),
    ("presence", gettext_lazy("Presence abroad"), "enterprises:presence"),
    ("declarations", gettext_lazy("Declarations"), "enterprises:declarations"),
    ("contacts", gettext_lazy("Contacts"), "enterprises:contacts"),
    ("history", gettext_lazy("History"), "enterprises:history"),
)


@require_GET
def enterprise_list(request):
    form = EnterpriseFilterForm(request.GET or None, show_status=access.is_staff(request.user))
    queryset = selectors.enterprise_list_for_user(request.user, form.filters())
    context = {
        "form": form,
        "page_obj": paginate(request, queryset),
        "filter_query": query_without_page(request),
        "can_create": policies.can_create_enterprise(request.user),
        "section": "enterprises",
    }
    return render_page(
        request, "enterprises/list.html", context, partial="results", target="results"
    )


def _visible_tabs(user, enterprise: Enterprise) -> list[str]:
    tabs = ["profile", "products", "presence"]
    if selectors.can_see_enterprise_declarations(user, enterprise.pk):
        tabs.append("declarations")
    if selectors.can_see_enterprise_contacts(user, enterprise.pk):
        tabs.append("contacts")
    if policies.can_view_history(user):
        tabs.append("history")
    return tabs


def _history(enterprise: Enterprise) -> list:
    pk = enterprise.pk
    return change_log(
        [
            ("", Enterprise.history.filter(id=pk)),
            (_("Product"), Product.history.filter(enterprise_id=pk)),
            (_("Presence"), MarketPresence.history.filter(enterprise_id=pk)),
            (_("Contact"), Contact.history.filter(enterprise_id=pk)),
            (_("Declaration"), Declaration.history.filter(enterprise_id=pk)),
        ]
    )


def _tab_context(user, enterprise: Enterprise, tab: str) -> dict:
    pk = enterprise.pk
    can_manage = policies.can_manage_enterprise_records(user, pk)
    if tab == "products":
        return {
            "products": selectors.product_list_for_user(user, enterprise_id=pk),
            "can_manage": can_manage,
        }
    if tab == "presence":
        return {
            "presences": selectors.presence_list_for_user(user, enterprise_id=pk),
            "can_manage": can_manage,
        }
    if tab == "declarations":
        return {
            "declarations": selectors.declaration_list_for_user(user, enterprise_id=pk),
            "can_declare": policies.can_declare(user, pk),
        }
    if tab == "contacts":
        return {
            "contacts": selectors.contact_list_for_user(user, enterprise_id=pk),
            "can_manage": can_manage,
        }
    if tab == "history":
        return {"entries": _history(enterprise)}
    return {"can_edit": policies.can_edit_enterprise(user, enterprise)}


@require_GET
def enterprise_detail(request, pk: int, tab: str = "profile"):
    enterprise = selectors.enterprise_get_for_user(request.user, pk)
    visible = _visible_tabs(request.user, enterprise)
    if tab not in visible:
        if not request.user.is_authenticated:
            return redirect(f"{reverse('accounts:login')}?next={request.path}")
        raise PermissionDenied
    context = {
        "enterprise": enterprise,
        "tab": tab,
        "tabs": [
            (key, label, reverse(url, args=[pk])) for key, label, url in TABS if key in visible
        ],
        "section": "enterprises",
        **_tab_context(request.user, enterprise, tab),
    }
    return render_page(
        request, "enterprises/detail.html", context, partial="tabbed", target="tabbed"
    )


@login_required
@require_http_methods(["GET", "POST"])
def enterprise_create(request):
    if not policies.can_create_enterprise(request.user):
        raise PermissionDenied
    form = EnterpriseForm(request.POST or None, can_set_status=True)
    if request.method == "POST":
        enterprise = run_service(
            form,
            lambda f: services.enterprise_create(actor=request.user, data=dict(f.cleaned_data)),
        )
        if enterprise is not None:
            messages.success(request, _("The enterprise is registered."))
            return redirect("enterprises:detail", enterprise.pk)
    context = {
        "form": form,
        "title": _("Register an enterprise"),
        "back_url": reverse("enterprises:list"),
        "back_label": _("Enterprises"),
        "section": "enterprises",
    }
    return render_page(request, "includes/form_page.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def enterprise_edit(request, pk: int):
    enterprise = selectors.enterprise_get_for_user(request.user, pk)
    if not policies.can_edit_enterprise(request.user, enterprise):
        raise PermissionDenied
    can_set_status = policies.can_change_enterprise_status(request.user)
    form = EnterpriseForm(
        request.POST or None,
        initial=EnterpriseForm.initial_for(enterprise),
        can_set_status=can_set_status,
    )
    if request.method == "POST":
        updated = run_service(
            form,
            lambda f: services.enterprise_update(
                actor=request.user, enterprise=enterprise, data=dict(f.cleaned_data)
            ),
        )
        if updated is not None:
            messages.success(request, _("The profile is saved."))
            return redirect("enterprises:detail", pk)
    context = {
        "form": form,
        "title": _("Edit %(name)s") % {"name": enterprise.name},
        "back_url": reverse("enterprises:detail", args=[pk]),
        "back_label": enterprise.name,
        "section": "enterprises",
    }
    return render_page(request, "includes/form_page.html", context)


def tab_view(tab: str):
    def view(request, pk: int):
        return enterprise_detail(request, pk, tab=tab)

    view.__name__ = f"enterprise_{tab}"
    return view
