"""Writes of market notes."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from goglobal.accounts.access import AnyUser
from goglobal.desk.enums import NoteVisibility
from goglobal.desk.models import MarketNote
from goglobal.desk.policies import acts_for_mission
from goglobal.desk.services.common import country_in_jurisdiction, mission_for_writer
from goglobal.enterprises.services.common import assign, require, save_validated
from goglobal.reference.models import Sector

REQUIRED = ("mission", "country", "topic", "title", "body")


def _sector(code) -> Sector | None:
    if not code:
        return None
    sector = Sector.objects.filter(code=code, disabled_on__isnull=True).first()
    if sector is None:
        raise ValidationError({"sector": _("Unknown sector code: %(code)s.") % {"code": code}})
    return sector


@transaction.atomic
def note_create(*, actor: AnyUser, data: dict) -> MarketNote:
    missing = {f: [_("This field is required.")] for f in REQUIRED if data.get(f) in (None, "")}
    if missing:
        raise ValidationError(missing)
    mission = mission_for_writer(actor, data["mission"])
    note = MarketNote(
        mission=mission,
        country=country_in_jurisdiction(actor, mission, data["country"]),
        sector=_sector(data.get("sector")),
        author=actor,
        visibility=data.get("visibility") or NoteVisibility.STAFF,
    )
    assign(note, data, ("topic", "title", "body"))
    save_validated(note, actor=actor)
    return note


@transaction.atomic
def note_update(*, actor: AnyUser, note: MarketNote, data: dict) -> MarketNote:
    """Text, sector and who may read it; the author's mission keeps the note."""
    note = MarketNote.objects.select_for_update().get(pk=note.pk)
    require(acts_for_mission(actor, note.mission_id))
    for field in ("topic", "title", "body"):
        if field in data and data[field] in (None, ""):
            raise ValidationError({field: _("This field is required.")})
    assign(note, data, ("topic", "title", "body", "visibility"))
    if "sector" in data:
        note.sector = _sector(data["sector"])
    save_validated(note, actor=actor)
    return note
