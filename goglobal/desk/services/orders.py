"""Writes of content orders. Status changes go through `order_transition` only."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from goglobal.accounts.access import AnyUser
from goglobal.core.errors import ConflictError
from goglobal.desk import machine, policies
from goglobal.desk.enums import OrderStatus
from goglobal.desk.models import ContentOrder, ContentOrderTransition
from goglobal.desk.services.common import as_date, mission_for_writer
from goglobal.enterprises.services.common import assign, save_validated
from goglobal.files.models import Attachment

REQUIRED = ("mission", "kind", "title", "languages", "purpose", "deadline")
# Languages content may be ordered in: the site's own list would be too short (vi, en).
LANGUAGE_CODES = frozenset(
    [
        "vi",
        "en",
        "fr",
        "de",
        "es",
        "pt",
        "ru",
        "zh",
        "ja",
        "ko",
        "ar",
        "hi",
        "id",
        "ms",
        "th",
        "lo",
        "km",
        "my",
        "tl",
        "it",
        "nl",
        "pl",
        "sv",
        "fi",
        "da",
        "no",
        "cs",
        "hu",
        "ro",
        "tr",
        "uk",
        "he",
        "fa",
        "bn",
        "ur",
        "sw",
    ]
)


def _languages(values) -> list[str]:
    codes = []
    for value in values or []:
        code = str(value).strip().lower()
        if code not in LANGUAGE_CODES:
            raise ValidationError(
                {"languages": _("Unknown language code: %(code)s.") % {"code": code}}
            )
        if code not in codes:
            codes.append(code)
    if not codes:
        raise ValidationError({"languages": _("Choose at least one language.")})
    return codes


@transaction.atomic
def order_create(*, actor: AnyUser, data: dict) -> ContentOrder:
    missing = {f: [_("This field is required.")] for f in REQUIRED if data.get(f) in (None, "", [])}
    if missing:
        raise ValidationError(missing)
    mission = mission_for_writer(actor, data["mission"])
    order = ContentOrder(mission=mission, requested_by=actor)
    assign(order, data, ("kind", "title", "purpose"))
    order.deadline = as_date(data["deadline"], "deadline")
    order.languages = _languages(data["languages"])
    if order.deadline < timezone.localdate():
        raise ValidationError({"deadline": _("The date needed cannot be in the past.")})
    save_validated(order, actor=actor)
    return order


@transaction.atomic
def order_update(*, actor: AnyUser, order: ContentOrder, data: dict) -> ContentOrder:
    """The mission changes its order while it is requested or returned to it."""
    order = ContentOrder.objects.select_for_update().get(pk=order.pk)
    if policies.MISSION not in policies.roles_on_order(actor, order):
        raise PermissionDenied(_("You are not allowed to do this."))
    if order.status not in (OrderStatus.REQUESTED, OrderStatus.RETURNED):
        raise ConflictError(_("An order can be changed only before the ministry accepts it."))
    for field in ("kind", "title", "purpose", "deadline"):
        if field in data and data[field] in (None, ""):
            raise ValidationError({field: _("This field is required.")})
    assign(order, data, ("kind", "title", "purpose"))
    if "deadline" in data:
        order.deadline = as_date(data["deadline"], "deadline")
    if "languages" in data:
        order.languages = _languages(data["languages"])
    if "deadline" in data and order.deadline < timezone.localdate():
        raise ValidationError({"deadline": _("The date needed cannot be in the past.")})
    save_validated(order, actor=actor)
    return order


def _label(status: str) -> str:
    return str(dict(OrderStatus.choices).get(status, status)).lower()


@transaction.atomic
def order_transition(
    *, actor: AnyUser, order: ContentOrder, to: str, reason: str = ""
) -> ContentOrder:
    """Moves the order to `to` if the move table allows it and `actor` is the side that makes
    it. Side effects, in one transaction: accepted/delivered/confirmed stamp their time;
    returned records the reason for the mission to read; delivering needs at least one file
    attached since the order was accepted; a ContentOrderTransition row (from, to, actor,
    reason, time) and a history record are written."""
    locked = ContentOrder.objects.select_for_update().get(pk=order.pk)
    move = machine.MOVES.get((locked.status, to))
    if move is None:
        raise ConflictError(
            _("An order cannot move from %(from)s to %(to)s.")
            % {"from": _label(locked.status), "to": _label(to)}
        )
    if move.who not in policies.roles_on_order(actor, locked):
        raise PermissionDenied(_("You are not allowed to make this change."))
    reason = (reason or "").strip()
    if move.needs_reason and not reason:
        raise ValidationError({"reason": _("Give a reason for this change.")})
    now = timezone.now()
    if to == OrderStatus.DELIVERED:
        delivered = Attachment.objects.filter(
            parent_type__app_label="desk",
            parent_type__model="contentorder",
            parent_id=locked.pk,
            created_at__gte=locked.accepted_at or locked.created_at,
        )
        if not delivered.exists():
            raise ValidationError({"files": _("Attach the delivered files first.")})
        locked.delivered_at = now
    if to == OrderStatus.ACCEPTED:
        locked.accepted_at = now
    if to == OrderStatus.CONFIRMED:
        locked.confirmed_at = now
    if to == OrderStatus.RETURNED:
        locked.return_reason = reason
    previous = locked.status
    locked.status = to
    save_validated(locked, actor=actor)
    ContentOrderTransition.objects.create(
        order=locked, from_status=previous, to_status=to, actor=actor, reason=reason, at=now
    )
    return locked
