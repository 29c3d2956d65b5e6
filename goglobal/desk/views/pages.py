"""The mission's desk and the country page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.views.decorators.http import require_GET

from goglobal.accounts import access
from goglobal.core.pages import render_page
from goglobal.core.pagination import paginate
from goglobal.desk import overview, policies, selectors
from goglobal.desk.overview import SECTION_LIMIT


@login_required
@require_GET
def desk_home(request):
    """An officer of one mission goes straight to its desk; staff choose a mission; everyone
    else finds the opportunities and notes open to them."""
    missions = list(overview.desk_missions_for_user(request.user).order_by("name_vi"))
    if len(missions) == 1 and not access.is_staff(request.user):
        return redirect("desk:mission", missions[0].pk)
    context = {
        "missions": missions,
        "can_write": policies.can_write_for_some_mission(request.user),
        "section": "desk",
    }
    return render_page(request, "desk/home.html", context)


@login_required
@require_GET
def desk_mission(request, pk: int):
    user = request.user
    mission = overview.desk_mission_get_for_user(user, pk)
    context = {
        "mission": mission,
        "countries": list(mission.jurisdiction.all()),
        "page_obj": paginate(request, overview.desk_enterprises(user, mission)),
        "cases": overview.desk_cases(user, mission)[:SECTION_LIMIT],
        "events": overview.desk_events(user, mission)[:SECTION_LIMIT],
        "notes": selectors.note_list_for_user(user, mission_id=mission.pk)[:SECTION_LIMIT],
        "orders": selectors.order_list_for_user(user, mission_id=mission.pk)[:SECTION_LIMIT],
        "opportunities": selectors.opportunity_list_for_user(user, mission_id=mission.pk)[
            :SECTION_LIMIT
        ],
        "section": "desk",
    }
    return render_page(
        request, "desk/mission.html", context, partial="enterprises", target="enterprises"
    )


@require_GET
def country_detail(request, code: str):
    country = overview.country_get(code)
    page = overview.country_page(request.user, country)
    return render_page(request, "desk/country.html", {"page": page, "section": "desk"})
