from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from goglobal.accounts import access
from goglobal.accounts.models import Role
from goglobal.enterprises.selectors import can_see_declaration_aggregates


def _items(user) -> list[tuple[str, object, str]]:
    """(section, label, url) of the main navigation. Links follow the selectors' and policies'
    answers, so nobody is shown a page that would refuse them."""
    items = [
        ("home", _("Home"), reverse("core:home")),
        ("enterprises", _("Enterprises"), reverse("enterprises:list")),
        ("missions", _("Missions"), reverse("missions:list")),
        ("events", _("Events"), reverse("events:list")),
    ]
    if not user.is_authenticated:
        return items
    items.append(("partners", _("Foreign organisations"), reverse("partners:list")))
    if not access.has_role(user, Role.PARTNER_REP):
        items.append(("cases", _("Support cases"), reverse("cases:list")))
    if access.is_staff(user) or access.has_role(user, Role.ENTERPRISE_REP):
        items.append(("declarations", _("Declarations"), reverse("enterprises:declaration-list")))
    if can_see_declaration_aggregates(user):
        items.append(
            ("aggregate", _("Revenue by country"), reverse("enterprises:declaration-aggregate"))
        )
    items.append(("desk", _("Missions' desk"), reverse("desk:home")))
    items.append(("tokens", _("API tokens"), reverse("accounts:tokens")))
    if user.is_staff:
        items.append(("admin", _("Administration"), reverse("admin:index")))
    items.append(("matchmaking", _("Matchmaking"), reverse("matchmaking:list")))
    return items


def navigation(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None:
        return {"user_role": "", "nav_items": []}
    return {
        "user_role": getattr(user, "role", "") if user.is_authenticated else "",
        "nav_items": _items(user),
    }
