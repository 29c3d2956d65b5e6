"""Content orders."""

import datetime as dt
from typing import Annotated

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import Field

from goglobal.bulk.api import EXPORT_ROUTE, Format
from goglobal.core.api import READ, READ_ONE, WRITE, WRITE_ONE, PageNumberPagination, responses
from goglobal.core.schemas import Id, InSchema
from goglobal.desk import selectors
from goglobal.desk.enums import OrderKind, OrderStatus
from goglobal.desk.exports import order_export_response
from goglobal.desk.models import ContentOrder
from goglobal.desk.services import orders

router = Router(tags=["content orders"])


class OrderTransitionOut(Schema):
    from_status: OrderStatus
    to_status: OrderStatus
    actor: str | None
    reason: str
    at: dt.datetime

    @staticmethod
    def resolve_actor(obj) -> str | None:
        return str(obj.actor) if obj.actor_id else None


class OrderOut(Schema):
    id: int
    mission_id: int
    kind: OrderKind
    title: str
    languages: list[str]
    purpose: str
    deadline: dt.date
    status: OrderStatus
    is_overdue: bool
    return_reason: str
    accepted_at: dt.datetime | None
    delivered_at: dt.datetime | None
    confirmed_at: dt.datetime | None


class OrderDetail(OrderOut):
    transitions: list[OrderTransitionOut]


class OrderIn(InSchema):
    mission: Annotated[int, Field(ge=1)]
    kind: OrderKind
    title: Annotated[str, Field(min_length=1, max_length=200)]
    languages: Annotated[
        list[Annotated[str, Field(max_length=5)]], Field(min_length=1, max_length=20)
    ]
    purpose: Annotated[str, Field(min_length=1, max_length=5000)]
    deadline: dt.date


class OrderTransitionIn(InSchema):
    to: OrderStatus
    reason: Annotated[str, Field(max_length=2000)] = ""


def _detail(request, order_id: int):
    order = selectors.order_get_for_user(request.auth, order_id)
    order.transitions_list = list(selectors.order_transitions(order))
    return {
        **{f: getattr(order, f) for f in OrderOut.model_fields},
        "transitions": order.transitions_list,
    }


class OrderFilters(Schema):
    """The list's filters, which its download takes too."""

    status: OrderStatus | None = None
    kind: OrderKind | None = None
    overdue: bool = False

    def selected(self, user) -> QuerySet[ContentOrder]:
        return selectors.order_list_for_user(
            user, status=self.status or "", kind=self.kind or "", overdue=self.overdue
        )


@router.get("/content-orders", response=responses({200: list[OrderOut]}, *READ))
@paginate(PageNumberPagination)
def order_list(request: HttpRequest, filters: Query[OrderFilters]):
    return filters.selected(request.auth)


@router.get(
    "/content-orders/export",
    **EXPORT_ROUTE,
    summary="Export the content order list",
    description="The content orders the caller may see (ministry staff: all; a mission "
    "officer: their missions'), with the list's filters.",
)
def order_export(request: HttpRequest, filters: Query[OrderFilters], fmt: Format = "csv"):
    return order_export_response(
        filters.selected(request.auth), fmt, absolute=request.build_absolute_uri
    )


@router.post("/content-orders", response=responses({201: OrderDetail}, *WRITE))
def order_create(request: HttpRequest, payload: OrderIn):
    order = orders.order_create(actor=request.auth, data=payload.model_dump())
    return Status(201, _detail(request, order.pk))


@router.get("/content-orders/{order_id}", response=responses({200: OrderDetail}, *READ_ONE))
def order_detail(request: HttpRequest, order_id: Id):
    return _detail(request, order_id)


@router.post(
    "/content-orders/{order_id}/transitions",
    response=responses({200: OrderDetail}, *WRITE_ONE),
    summary="Move a content order to its next status",
    description="A move the table does not allow from the current status is refused with 409; "
    "one the caller's side may not make with 403.",
)
def order_transition(request: HttpRequest, order_id: Id, payload: OrderTransitionIn):
    order = selectors.order_get_for_user(request.auth, order_id)
    orders.order_transition(actor=request.auth, order=order, to=payload.to, reason=payload.reason)
    return _detail(request, order_id)
