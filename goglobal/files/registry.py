"""The records files can be attached to. Each parent kind says, through its own app's selector
and policy, who may see its files and who may add them; the files app never decides that itself.
Apps register their kinds in AppConfig.ready()."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Model, QuerySet
from django.http import Http404

from goglobal.accounts.access import AnyUser


@dataclass(frozen=True)
class ParentKind:
    key: str
    model: type[Model]
    visible: Callable[[AnyUser], QuerySet]
    can_attach: Callable[[AnyUser, Model], bool]


_KINDS: dict[str, ParentKind] = {}


def register(
    key: str,
    model: type[Model],
    *,
    visible: Callable[[AnyUser], QuerySet],
    can_attach: Callable[[AnyUser, Model], bool],
) -> None:
    _KINDS[key] = ParentKind(key, model, visible, can_attach)


def kind_for_key(key: str) -> ParentKind:
    try:
        return _KINDS[key]
    except KeyError as exc:
        raise Http404 from exc


def kind_for_model(model: type[Model]) -> ParentKind:
    for kind in _KINDS.values():
        if kind.model is model or isinstance(model, type) and issubclass(model, kind.model):
            return kind
    raise LookupError(model)


def keys() -> list[str]:
    return sorted(_KINDS)
