from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from goglobal.accounts.access import AnyUser
from goglobal.enterprises.services.common import (
    assign,
    require,
    resolve_countries,
    resolve_country,
    save_validated,
)
from goglobal.missions.models import Mission
from goglobal.missions.selectors import (
    can_change_mission_scope,
    can_create_mission,
    can_edit_mission,
)
from goglobal.search.services import search_index_record

FIELDS = (
    "name_vi",
    "name_en",
    "kind",
    "city",
    "international_organisation",
    "head_name",
    "website",
    "email",
    "phone",
)


def _save(mission: Mission, data: dict, actor: AnyUser) -> Mission:
    errors: dict = {}
    assign(mission, data, FIELDS)
    if "host_country" in data:
        try:
            mission.host_country = resolve_country(data["host_country"], field="host_country")
        except ValidationError as exc:
            errors.update(exc.message_dict)
    jurisdiction = None
    if "jurisdiction" in data:
        try:
            jurisdiction = resolve_countries(data["jurisdiction"] or [], "jurisdiction")
        except ValidationError as exc:
            errors.update(exc.message_dict)
    try:
        mission.full_clean(exclude=list(errors) or None)
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, messages)
    if errors:
        raise ValidationError(errors)
    # A mission always covers its host country, unless it represents Vietnam to an
    # international organisation only.
    if (
        jurisdiction is not None
        and not mission.international_organisation
        and mission.host_country not in jurisdiction
    ):
        jurisdiction.append(mission.host_country)
    save_validated(mission, actor=actor, m2m={"jurisdiction": jurisdiction})
    search_index_record(mission)
    return mission


@transaction.atomic
def mission_create(*, actor: AnyUser, data: dict) -> Mission:
    require(can_create_mission(actor))
    for field in ("name_vi", "name_en", "kind", "city"):
        data.setdefault(field, "")
    data.setdefault("host_country", None)
    data.setdefault("jurisdiction", [])
    return _save(Mission(), data, actor)


def _changes_scope(mission: Mission, data: dict) -> bool:
    if "kind" in data and data["kind"] != mission.kind:
        return True
    if "international_organisation" in data and (
        (data["international_organisation"] or "").strip() != mission.international_organisation
    ):
        return True
    if "host_country" in data and str(data["host_country"] or "").upper() != (
        mission.host_country_id
    ):
        return True
    if "jurisdiction" in data:
        current = set(mission.jurisdiction.values_list("code", flat=True))
        wanted = {str(code).upper() for code in data["jurisdiction"] or []}
        if not mission.international_organisation:
            wanted.add(mission.host_country_id)
        return wanted != current
    return False


@transaction.atomic
def mission_update(*, actor: AnyUser, mission: Mission, data: dict) -> Mission:
    require(can_edit_mission(actor, mission))
    mission = Mission.objects.select_for_update().get(pk=mission.pk)
    if _changes_scope(mission, data):
        require(can_change_mission_scope(actor))
    return _save(mission, data, actor)
