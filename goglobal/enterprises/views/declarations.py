"""Yearly declarations: the enterprise drafts and submits, staff accept or return; the list of
declarations; and the by-country aggregate that mission officers see instead of the figures."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from goglobal.accounts import access
from goglobal.accounts.models import Role
from goglobal.core.errors import ConflictError
from goglobal.core.forms import PageForm
from goglobal.core.pages import render_page, run_service
from goglobal.core.pagination import paginate, query_without_page
from goglobal.enterprises import policies, selectors, services
from goglobal.enterprises.enums import DeclarationStatus
from goglobal.enterprises.forms import DeclarationForm, ReturnForm
from goglobal.enterprises.services.declarations import FIRST_YEAR


class DeclarationFilterForm(PageForm):
    year = forms.TypedChoiceField(
        label=gettext_lazy("Year"), required=False, coerce=int, empty_value=None
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        required=False,
        choices=[("", gettext_lazy("Any")), *DeclarationStatus.choices],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        years = range(timezone.localdate().year, FIRST_YEAR - 1, -1)
        self.fields["year"].choices = [("", _("Any")), *((y, y) for y in years)]


@login_required
@require_GET
def declaration_list(request):
    if not (access.is_staff(request.user) or access.has_role(request.user, Role.ENTERPRISE_REP)):
        raise PermissionDenied
    form = DeclarationFilterForm(request.GET or None)
    queryset = selectors.declaration_list_for_user(request.user, **form.valid_data())
    context = {
        "form": form,
        "page_obj": paginate(request, queryset),
        "filter_query": query_without_page(request),
        "section": "declarations",
    }
    return render_page(
        request, "enterprises/declaration_list.html", context, partial="results", target="results"
    )


def _declaration_of(request, pk: int, declaration_pk: int):
    declaration = selectors.declaration_get_for_user(request.user, declaration_pk)
    if declaration.enterprise_id != pk:
        raise Http404
    return declaration


def _form_page(request, form, *, title, enterprise):
    context = {
        "form": form,
        "title": title,
        "enterprise": enterprise,
        "back_url": reverse("enterprises:declarations", args=[enterprise.pk]),
        "back_label": enterprise.name,
        "section": "enterprises",
    }
    return render_page(request, "enterprises/declaration_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def declaration_create(request, pk: int):
    enterprise = selectors.enterprise_get_for_user(request.user, pk)
    if not policies.can_declare(request.user, enterprise.pk):
        raise PermissionDenied
    form = DeclarationForm(request.POST or None, initial={"year": timezone.localdate().year - 1})
    declaration = request.method == "POST" and run_service(
        form,
        lambda f: services.declaration_create(
            actor=request.user, enterprise=enterprise, data=f.to_data()
        ),
    )
    if declaration:
        messages.success(request, _("The declaration is saved as a draft."))
        return redirect("enterprises:declaration", pk, declaration.pk)
    return _form_page(request, form, title=_("New yearly declaration"), enterprise=enterprise)


@login_required
@require_http_methods(["GET", "POST"])
def declaration_edit(request, pk: int, declaration_pk: int):
    declaration = _declaration_of(request, pk, declaration_pk)
    if not policies.can_edit_declaration(request.user, declaration):
        raise PermissionDenied
    rows = declaration.countries.all()
    form = DeclarationForm(
        request.POST or None,
        initial=DeclarationForm.initial_for(declaration),
        rows=len(rows) + 3,
    )
    if request.method == "POST" and run_service(
        form,
        lambda f: services.declaration_update(
            actor=request.user, declaration=declaration, data=f.to_data()
        ),
    ):
        messages.success(request, _("The declaration is saved."))
        return redirect("enterprises:declaration", pk, declaration_pk)
    title = _("Declaration for %(year)s") % {"year": declaration.year}
    return _form_page(request, form, title=title, enterprise=declaration.enterprise)


def _detail(request, declaration, *, return_form=None):
    user = request.user
    context = {
        "declaration": declaration,
        "enterprise": declaration.enterprise,
        "can_edit": policies.can_edit_declaration(user, declaration),
        "can_submit": policies.can_declare(user, declaration.enterprise_id)
        and declaration.status in {DeclarationStatus.DRAFT, DeclarationStatus.RETURNED},
        "can_review": policies.can_review_declaration(user)
        and declaration.status == DeclarationStatus.SUBMITTED,
        "return_form": return_form or ReturnForm(),
        "section": "enterprises",
    }
    return render_page(request, "enterprises/declaration_detail.html", context)


@login_required
@require_GET
def declaration_detail(request, pk: int, declaration_pk: int):
    return _detail(request, _declaration_of(request, pk, declaration_pk))


def _transition(request, pk: int, declaration_pk: int, move, done: str):
    declaration = _declaration_of(request, pk, declaration_pk)
    try:
        move(declaration)
    except ConflictError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, done)
    return redirect("enterprises:declaration", pk, declaration_pk)


@login_required
@require_POST
def declaration_submit(request, pk: int, declaration_pk: int):
    return _transition(
        request,
        pk,
        declaration_pk,
        lambda d: services.declaration_submit(actor=request.user, declaration=d),
        _("The declaration is submitted for review."),
    )


@login_required
@require_POST
def declaration_accept(request, pk: int, declaration_pk: int):
    return _transition(
        request,
        pk,
        declaration_pk,
        lambda d: services.declaration_accept(actor=request.user, declaration=d),
        _("The declaration is accepted."),
    )


@login_required
@require_POST
def declaration_return(request, pk: int, declaration_pk: int):
    declaration = _declaration_of(request, pk, declaration_pk)
    if not policies.can_review_declaration(request.user):
        raise PermissionDenied
    form = ReturnForm(request.POST)
    try:
        returned = run_service(
            form,
            lambda f: services.declaration_return(
                actor=request.user, declaration=declaration, reason=f.cleaned_data["reason"]
            ),
        )
    except ConflictError as exc:
        messages.error(request, str(exc))
        return redirect("enterprises:declaration", pk, declaration_pk)
    if returned:
        messages.success(request, _("The declaration is returned to the enterprise."))
        return redirect("enterprises:declaration", pk, declaration_pk)
    return _detail(request, declaration, return_form=form)


class AggregateForm(PageForm):
    year = forms.TypedChoiceField(label=gettext_lazy("Year"), coerce=int)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        years = range(timezone.localdate().year, FIRST_YEAR - 1, -1)
        self.fields["year"].choices = [(y, y) for y in years]


@login_required
@require_GET
def declaration_aggregate(request):
    if not selectors.can_see_declaration_aggregates(request.user):
        raise PermissionDenied
    default_year = timezone.localdate().year - 1
    form = AggregateForm(request.GET or {"year": default_year})
    year = form.cleaned_data["year"] if form.is_valid() else default_year
    context = {
        "form": form,
        "year": year,
        "rows": selectors.declaration_aggregate_by_country(request.user, year=year),
        "min_enterprises": selectors.AGGREGATE_MIN_ENTERPRISES,
        "section": "aggregate",
    }
    return render_page(
        request,
        "enterprises/declaration_aggregate.html",
        context,
        partial="results",
        target="results",
    )
