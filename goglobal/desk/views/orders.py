from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from goglobal.bulk.exports import list_download
from goglobal.core.pages import render_page, run_service, run_service_or_report
from goglobal.core.pagination import paginate, query_without_page
from goglobal.desk import machine, policies, selectors
from goglobal.desk.exports import order_export_response
from goglobal.desk.forms import OrderFilterForm, OrderForm, OrderTransitionForm
from goglobal.desk.services import orders as service
from goglobal.desk.views.common import files_context, form_page


def _listed(request):
    """The list's filter form and orders, which its download shares: only those who order
    content (missions, and the ministry) have the list."""
    if not policies.can_write_for_some_mission(request.user):
        raise PermissionDenied
    form = OrderFilterForm(request.GET or None)
    return form, selectors.order_list_for_user(request.user, **form.valid_data())


@login_required
@require_GET
def order_list(request):
    form, queryset = _listed(request)
    context = {
        "form": form,
        "page_obj": paginate(request, queryset),
        "filter_query": query_without_page(request),
        "section": "desk",
    }
    return render_page(
        request, "desk/order_list.html", context, partial="results", target="results"
    )


@login_required
@require_GET
def order_export(request, fmt: str):
    """The list as a file, with the list's filters (its "Download" links)."""
    _form, queryset = _listed(request)
    return list_download(request, fmt, queryset, order_export_response)


def _detail(request, order, *, form=None, status=200):
    who = policies.roles_on_order(request.user, order)
    targets = machine.allowed_targets(order.status, who)
    context = {
        "order": order,
        "transitions": selectors.order_transitions(order),
        "transition_form": form or (OrderTransitionForm(targets=targets) if targets else None),
        "section": "desk",
        **files_context(order, "content-order", bool(who)),
    }
    return render_page(request, "desk/order_detail.html", context, status=status)


@login_required
@require_GET
def order_detail(request, pk: int):
    return _detail(request, selectors.order_get_for_user(request.user, pk))


@login_required
@require_http_methods(["GET", "POST"])
def order_create(request):
    if not policies.can_write_for_some_mission(request.user):
        raise PermissionDenied
    form = OrderForm(request.POST or None, user=request.user)
    order = request.method == "POST" and run_service(
        form, lambda f: service.order_create(actor=request.user, data=dict(f.cleaned_data))
    )
    if order:
        messages.success(request, _("The order is sent to the ministry."))
        return redirect("desk:order-detail", order.pk)
    return form_page(
        request,
        form,
        title=_("Order content from the ministry"),
        back_url=reverse("desk:order-list"),
        back_label=_("Content orders"),
    )


@login_required
@require_POST
def order_transition(request, pk: int):
    order = selectors.order_get_for_user(request.user, pk)
    targets = machine.allowed_targets(order.status, policies.roles_on_order(request.user, order))
    if not targets:
        raise PermissionDenied
    form = OrderTransitionForm(request.POST, targets=targets)
    done = run_service_or_report(
        request,
        form,
        lambda f: service.order_transition(
            actor=request.user,
            order=order,
            to=f.cleaned_data["to"],
            reason=f.cleaned_data["reason"],
        ),
    )
    if done:
        messages.success(request, _("The order's status is changed."))
    if done or not form.errors:
        return redirect("desk:order-detail", pk)
    return _detail(request, order, form=form, status=422)
