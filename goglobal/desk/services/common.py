from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from goglobal.accounts import access
from goglobal.accounts.access import AnyUser
from goglobal.missions.models import Mission
from goglobal.reference.models import Country


def mission_for_writer(actor: AnyUser, mission_id) -> Mission:
    """The mission a note, opportunity or order is written for: a mission officer writes for
    their own mission, staff for any."""
    from goglobal.desk.policies import acts_for_mission

    try:
        mission_id = int(mission_id)
    except (TypeError, ValueError) as exc:
        raise ValidationError({"mission": _("Choose a mission.")}) from exc
    mission = Mission.objects.filter(pk=mission_id).first()
    if mission is None or not acts_for_mission(actor, mission.pk):
        raise ValidationError({"mission": _("Choose a mission you work for.")})
    return mission


def country_in_jurisdiction(actor: AnyUser, mission: Mission, code) -> Country:
    """A mission writes about the countries it covers; staff may write about any country."""
    code = str(code or "").upper()
    country = Country.objects.filter(code=code, disabled_on__isnull=True).first()
    if country is None:
        raise ValidationError({"country": _("Unknown country code: %(code)s.") % {"code": code}})
    if not access.is_staff(actor) and not mission.jurisdiction.filter(code=code).exists():
        raise ValidationError({"country": _("Choose a country of the mission's jurisdiction.")})
    return country


def as_date(value, field: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise ValidationError({field: _("Enter a valid date.")}) from exc
