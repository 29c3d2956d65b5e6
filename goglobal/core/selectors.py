"""The home page's figures. Every count goes through the owning app's selector, so a figure
never counts records the user could not open."""

from __future__ import annotations

from django.db.models import Count

from goglobal.accounts import access
from goglobal.accounts.access import AnyUser
from goglobal.accounts.models import Role
from goglobal.advisory.selectors import agency_advisory_group, agency_own_for_user
from goglobal.enterprises import selectors as registry
from goglobal.enterprises.enums import DeclarationStatus, EnterpriseStatus
from goglobal.missions import selectors as missions
from goglobal.partners import selectors as partners


def _public(user: AnyUser) -> dict:
    # The public figures are the same for everyone: active enterprises only, even for staff.
    return {
        "enterprises": registry.enterprise_visible_for_user(user)
        .filter(status=EnterpriseStatus.ACTIVE)
        .count(),
        "make_in_vietnam": registry.product_list_for_user(user)
        .filter(make_in_vietnam=True, enterprise__status=EnterpriseStatus.ACTIVE)
        .count(),
    }


def _staff(user: AnyUser) -> dict:
    return {
        "enterprises": registry.enterprise_visible_for_user(user).count(),
        "abroad": registry.enterprise_abroad_for_user(user).count(),
        "awaiting_review": registry.declaration_visible_for_user(user)
        .filter(status=DeclarationStatus.SUBMITTED)
        .count(),
        "missions": missions.mission_list_for_user(user).count(),
        "foreign_organisations": partners.foreign_organisation_visible_for_user(user).count(),
    }


def _enterprise_rep(user: AnyUser) -> dict:
    statuses = dict(
        registry.declaration_visible_for_user(user)
        .values_list("status")
        .annotate(n=Count("id"))
        .order_by()
    )
    return {
        "own_enterprises": list(registry.enterprise_own_for_user(user)),
        "declarations": [
            (label, statuses.get(value, 0)) for value, label in DeclarationStatus.choices
        ],
        "recent_declarations": list(registry.declaration_list_for_user(user)[:5]),
    }


def _mission_officer(user: AnyUser) -> dict:
    own = list(missions.mission_own_for_user(user))
    return {
        "own_missions": [
            (mission, missions.mission_enterprises_for_user(user, mission).count())
            for mission in own
        ],
    }


def _partner_rep(user: AnyUser) -> dict:
    own = partners.foreign_organisation_visible_for_user(user).filter(
        pk__in=access.own_foreign_organisation_ids(user)
    )
    return {"own_organisations": list(own.select_related("country"))}


def _advisory_member(user: AnyUser) -> dict:
    return {
        "own_agencies": list(agency_own_for_user(user)),
        "advisory_agencies": agency_advisory_group().count(),
    }


_BY_ROLE = {
    Role.ENTERPRISE_REP: _enterprise_rep,
    Role.MISSION_OFFICER: _mission_officer,
    Role.PARTNER_REP: _partner_rep,
    Role.ADVISORY_MEMBER: _advisory_member,
}


def home_summary(user: AnyUser) -> dict:
    summary = {"public": _public(user)}
    if access.is_staff(user):
        summary["staff"] = _staff(user)
    elif (role := access.role_of(user)) in _BY_ROLE:
        summary[role] = _BY_ROLE[role](user)
    return summary
