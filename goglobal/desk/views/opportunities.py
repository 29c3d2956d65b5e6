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
from goglobal.desk import policies, selectors
from goglobal.desk.exports import opportunity_export_response
from goglobal.desk.forms import (
    FollowUpForm,
    InterestForm,
    OpportunityFilterForm,
    OpportunityForm,
    OutcomeForm,
)
from goglobal.desk.services import opportunities as service
from goglobal.desk.views.common import form_page
from goglobal.enterprises.selectors import enterprise_own_for_user


@login_required
@require_GET
def opportunity_list(request):
    form = OpportunityFilterForm(request.GET or None)
    queryset = selectors.opportunity_list_for_user(request.user, **form.valid_data())
    context = {
        "form": form,
        "page_obj": paginate(request, queryset),
        "filter_query": query_without_page(request),
        "can_post": policies.can_write_for_some_mission(request.user),
        "section": "desk",
    }
    return render_page(
        request, "desk/opportunity_list.html", context, partial="results", target="results"
    )


@login_required
@require_GET
def opportunity_export(request, fmt: str):
    """The list as a file, with the list's filters (its "Download" links)."""
    form = OpportunityFilterForm(request.GET or None)
    queryset = selectors.opportunity_list_for_user(request.user, **form.valid_data())
    return list_download(request, fmt, queryset, opportunity_export_response)


def _detail(request, opportunity, *, interest_form=None, outcome_form=None, status=200):
    user = request.user
    own = list(enterprise_own_for_user(user))
    can_follow = policies.acts_for_mission(user, opportunity.mission_id)
    context = {
        "opportunity": opportunity,
        "interests": selectors.interest_list_for_opportunity(user, opportunity),
        "match_count": selectors.match_count(opportunity) if can_follow else None,
        "can_follow": can_follow,
        "interest_form": interest_form
        or (InterestForm(enterprises=own) if own and policies.can_express_interest(user) else None),
        "follow_form": FollowUpForm(),
        "outcome_form": outcome_form or OutcomeForm(),
        "section": "desk",
    }
    return render_page(request, "desk/opportunity_detail.html", context, status=status)


@login_required
@require_GET
def opportunity_detail(request, pk: int):
    return _detail(request, selectors.opportunity_get_for_user(request.user, pk))


@login_required
@require_http_methods(["GET", "POST"])
def opportunity_create(request):
    if not policies.can_write_for_some_mission(request.user):
        raise PermissionDenied
    form = OpportunityForm(request.POST or None, user=request.user)
    created = request.method == "POST" and run_service(
        form, lambda f: service.opportunity_create(actor=request.user, data=dict(f.cleaned_data))
    )
    if created:
        messages.success(request, _("The opportunity is posted and matching enterprises notified."))
        return redirect("desk:opportunity-detail", created.pk)
    return form_page(
        request,
        form,
        title=_("Post a business opportunity"),
        back_url=reverse("desk:opportunity-list"),
        back_label=_("Business opportunities"),
    )


@login_required
@require_POST
def interest_create(request, pk: int):
    opportunity = selectors.opportunity_get_for_user(request.user, pk)
    form = InterestForm(request.POST, enterprises=enterprise_own_for_user(request.user))
    done = run_service_or_report(
        request,
        form,
        lambda f: service.interest_express(
            actor=request.user,
            opportunity=opportunity,
            enterprise_id=f.cleaned_data["enterprise"],
            message=f.cleaned_data["message"],
        ),
    )
    if done:
        messages.success(request, _("Your interest is sent to the mission."))
    elif form.errors:
        return _detail(request, opportunity, interest_form=form, status=422)
    return redirect("desk:opportunity-detail", pk)


@login_required
@require_POST
def interest_follow_up(request, pk: int, interest_pk: int):
    opportunity = selectors.opportunity_get_for_user(request.user, pk)
    interest = selectors.interest_get_for_user(request.user, opportunity, interest_pk)
    form = FollowUpForm(request.POST)
    if run_service(
        form,
        lambda f: service.interest_follow_up(
            actor=request.user,
            interest=interest,
            status=f.cleaned_data["status"],
            note=f.cleaned_data["note"],
        ),
    ):
        messages.success(request, _("The follow-up is recorded."))
    else:
        messages.error(request, _("The follow-up could not be recorded."))
    return redirect("desk:opportunity-detail", pk)


@login_required
@require_POST
def opportunity_close(request, pk: int):
    opportunity = selectors.opportunity_get_for_user(request.user, pk)
    form = OutcomeForm(request.POST)
    done = run_service_or_report(
        request,
        form,
        lambda f: service.opportunity_close(
            actor=request.user,
            opportunity=opportunity,
            outcome=f.cleaned_data["outcome"],
            note=f.cleaned_data["note"],
        ),
    )
    if done:
        messages.success(request, _("The outcome is recorded."))
    elif form.errors:
        return _detail(request, opportunity, outcome_form=form, status=422)
    return redirect("desk:opportunity-detail", pk)
