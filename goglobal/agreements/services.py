"""Writes to agreements. Status changes go through `agreement_transition` only."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from goglobal.accounts.access import AnyUser
from goglobal.agreements import machine, policies
from goglobal.agreements.enums import KIND_RANK, AgreementKind, AgreementStatus, SignatorySide
from goglobal.agreements.models import Agreement, AgreementTransition, Signatory
from goglobal.cases.models import Case
from goglobal.core.errors import ConflictError
from goglobal.enterprises.services.common import assign, require, resolve_country, save_validated
from goglobal.events.models import Event

FIELDS = (
    "kind",
    "title_vi",
    "title_en",
    "partner_organisation",
    "vietnam_party",
    "partner_party",
    "proposed_on",
    "place",
    "summary",
)
REQUIRED = ("kind", "title_vi", "vietnam_party", "partner_party", "proposed_on")
MAX_AREAS = 30


def _areas(values) -> list[str]:
    areas = []
    for value in values or []:
        text = str(value).strip()
        if not text:
            continue
        if len(text) > 120:
            raise ValidationError({"areas": _("An area may have at most 120 characters.")})
        if text not in areas:
            areas.append(text)
    if len(areas) > MAX_AREAS:
        raise ValidationError({"areas": _("Give at most %(n)s areas.") % {"n": MAX_AREAS}})
    return areas


def _signatories(values) -> list[Signatory]:
    out = []
    for row in values or []:
        name = str(row.get("name", "")).strip()
        side = row.get("side", "")
        if not name or side not in SignatorySide.values:
            raise ValidationError(
                {"signatories": _("Each signatory needs a name and a side (Viet Nam or partner).")}
            )
        out.append(
            Signatory(side=side, name=name[:200], position=str(row.get("position", ""))[:200])
        )
    return out


def _links(data: dict) -> dict:
    m2m = {}
    if data.get("events") is not None:
        wanted = set(data["events"])
        found = list(Event.objects.filter(pk__in=wanted))
        if len(found) != len(wanted):
            raise ValidationError({"events": _("Unknown event.")})
        m2m["events"] = found
    if data.get("cases") is not None:
        wanted = set(data["cases"])
        found = list(Case.objects.filter(pk__in=wanted))
        if len(found) != len(wanted):
            raise ValidationError({"cases": _("Unknown support case.")})
        m2m["cases"] = found
    return m2m


def _apply(agreement: Agreement, data: dict) -> dict:
    for field in REQUIRED:
        if field in data and data[field] in (None, ""):
            raise ValidationError({field: _("This field is required.")})
    assign(agreement, data, FIELDS)
    if "partner_country" in data:
        agreement.partner_country = (
            resolve_country(data["partner_country"], "partner_country")
            if data["partner_country"]
            else None
        )
    if "areas" in data:
        agreement.areas = _areas(data["areas"])
    return _links(data)


def _save(agreement: Agreement, *, actor: AnyUser, data: dict, m2m: dict) -> Agreement:
    save_validated(agreement, actor=actor, exclude=["upgraded_from"], m2m=m2m)
    if data.get("signatories") is not None:
        signatories = _signatories(data["signatories"])
        agreement.signatories.all().delete()
        for signatory in signatories:
            signatory.agreement = agreement
        Signatory.objects.bulk_create(signatories)
    return agreement


@transaction.atomic
def agreement_create(*, actor: AnyUser, data: dict) -> Agreement:
    """A new agreement, proposed."""
    require(policies.can_manage_agreements(actor))
    missing = {f: [_("This field is required.")] for f in REQUIRED if data.get(f) in (None, "")}
    if missing:
        raise ValidationError(missing)
    agreement = Agreement(status=AgreementStatus.PROPOSED, created_by=actor)
    m2m = _apply(agreement, data)
    return _save(agreement, actor=actor, data=data, m2m=m2m)


@transaction.atomic
def agreement_update(*, actor: AnyUser, agreement: Agreement, data: dict) -> Agreement:
    """Text, partner, dates already stamped, areas, signatories, links. The kind of an agreement
    is what it was signed as: changing it is an upgrade, a new agreement."""
    require(policies.can_manage_agreements(actor))
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    if "kind" in data and data["kind"] != agreement.kind:
        raise ConflictError(_("The kind of an agreement cannot change; record an upgrade."))
    m2m = _apply(agreement, data)
    return _save(agreement, actor=actor, data=data, m2m=m2m)


@transaction.atomic
def agreement_transition(
    *,
    actor: AnyUser,
    agreement: Agreement,
    to: str,
    on: dt.date | None = None,
    reason: str = "",
) -> Agreement:
    """Moves the agreement to `to` if the move table allows it. Side effects, in one
    transaction: the date of the new status is set to `on` (default today), which may not be
    in the future nor before the dates already stamped; an AgreementTransition row (from, to,
    date, actor, reason, time) and a history record are written."""
    require(policies.can_manage_agreements(actor))
    locked = Agreement.objects.select_for_update().get(pk=agreement.pk)
    if (locked.status, to) not in machine.MOVES:
        label = dict(AgreementStatus.choices)
        raise ConflictError(
            _("An agreement cannot move from %(from)s to %(to)s.")
            % {
                "from": str(label.get(locked.status, locked.status)).lower(),
                "to": str(label.get(to, to)).lower(),
            }
        )
    reason = (reason or "").strip()
    if machine.MOVES[(locked.status, to)] and not reason:
        raise ValidationError({"reason": _("Give a reason for this change.")})
    on = on or timezone.localdate()
    if on > timezone.localdate():
        raise ValidationError({"on": _("The date cannot be in the future.")})
    field = machine.DATE_OF[to]
    setattr(locked, field, on)
    previous = locked.status
    locked.status = to
    try:
        locked.full_clean(exclude=["upgraded_from"])
    except ValidationError as exc:
        # A date out of order is reported against the move's date, which is what the user gave.
        errors = {
            ("on" if name in machine.DATE_ORDER else name): messages
            for name, messages in exc.message_dict.items()
        }
        raise ValidationError(errors) from exc
    save_validated(locked, actor=actor, exclude=["upgraded_from"])
    AgreementTransition.objects.create(
        agreement=locked,
        from_status=previous,
        to_status=to,
        effective_on=on,
        actor=actor,
        reason=reason,
        at=timezone.now(),
    )
    return locked


@transaction.atomic
def agreement_upgrade(*, actor: AnyUser, agreement: Agreement, data: dict) -> Agreement:
    """A new, proposed agreement of a higher kind with the same partner that replaces this
    one (an MoU raised to a digital partnership). Only a signed agreement in force, or signed
    and awaiting force, can be upgraded, and only once."""
    require(policies.can_manage_agreements(actor))
    old = Agreement.objects.select_for_update().get(pk=agreement.pk)
    if old.status not in (AgreementStatus.SIGNED, AgreementStatus.IN_FORCE):
        raise ConflictError(_("Only a signed agreement or one in force can be upgraded."))
    if old.upgrades.exists():
        raise ConflictError(_("This agreement has already been upgraded."))
    kind = data.get("kind") or ""
    if kind not in AgreementKind.values or KIND_RANK[kind] <= KIND_RANK[old.kind]:
        raise ValidationError(
            {"kind": _("An upgrade must be of a higher kind than the agreement it replaces.")}
        )
    values = {
        "title_en": "",
        "vietnam_party": old.vietnam_party,
        "partner_party": old.partner_party,
        "areas": list(old.areas),
        **data,
        "partner_country": old.partner_country_id or "",
        "partner_organisation": old.partner_organisation,
    }
    missing = {f: [_("This field is required.")] for f in REQUIRED if values.get(f) in (None, "")}
    if missing:
        raise ValidationError(missing)
    new = Agreement(status=AgreementStatus.PROPOSED, created_by=actor, upgraded_from=old)
    m2m = _apply(new, values)
    _save(new, actor=actor, data=values, m2m=m2m)
    # Checked once the date is parsed; the atomic block undoes the save.
    if new.proposed_on < (old.signed_on or old.proposed_on):
        raise ValidationError(
            {
                "proposed_on": _(
                    "An upgrade cannot be proposed before the agreement it replaces was signed."
                )
            }
        )
    return new
