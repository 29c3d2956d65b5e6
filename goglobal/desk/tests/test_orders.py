"""Content orders: the workflow (allowed and forbidden moves by the right side, each recorded
with actor and time), delivery with files, overdue orders flagged, and who sees them."""

import datetime as dt
import io

import pytest
from django.utils import timezone

from goglobal.desk.models import ContentOrder, ContentOrderTransition
from goglobal.files.models import Attachment
from goglobal.files.services import attachment_add
from goglobal.testing.api import call, client_as

PDF = b"%PDF-1.7\n%%EOF\n"


def _move(world, role, order, to, reason=""):
    return call(
        client_as(world, role),
        "POST",
        f"/content-orders/{order.pk}/transitions",
        {"to": to, "reason": reason},
    )


def _deliver_file(world, order):
    attachment_add(
        actor=world.users["admin"],
        parent=order,
        stream=io.BytesIO(PDF),
        size=len(PDF),
        name="video-final.pdf",
    )


def test_order_create_by_the_missions_officer(desk_world):
    officer = client_as(desk_world, "mission_officer")
    payload = {
        "mission": desk_world.mission_jp.pk,
        "kind": "photo_set",
        "title": "Bộ ảnh Việt Nam số",
        "languages": ["ja", "en", "ja"],
        "purpose": "Triển lãm ảnh tại Đại sứ quán.",
        "deadline": (timezone.localdate() + dt.timedelta(days=20)).isoformat(),
    }
    status, body = call(officer, "POST", "/content-orders", payload)
    assert status == 201, body
    assert (body["status"], body["languages"], body["is_overdue"]) == (
        "requested",
        ["ja", "en"],
        False,
    )
    # Not for another mission, not in the past, not in an unknown language.
    other = {**payload, "mission": desk_world.mission_multi.pk}
    status, body = call(officer, "POST", "/content-orders", other)
    assert status == 422 and {e["field"] for e in body["errors"]} == {"mission"}
    past = {**payload, "deadline": "2020-01-01"}
    status, body = call(officer, "POST", "/content-orders", past)
    assert status == 422 and {e["field"] for e in body["errors"]} == {"deadline"}
    status, body = call(officer, "POST", "/content-orders", {**payload, "languages": ["xx"]})
    assert status == 422 and {e["field"] for e in body["errors"]} == {"languages"}
    assert (
        call(client_as(desk_world, "enterprise_rep"), "POST", "/content-orders", payload)[0] == 422
    )
    assert call(client_as(desk_world, "anonymous"), "POST", "/content-orders", payload)[0] == 401


def test_order_full_workflow_is_recorded_with_actor_and_time(desk_world):
    order = desk_world.order_jp
    assert _move(desk_world, "admin", order, "accepted")[0] == 200
    assert _move(desk_world, "admin", order, "in_production")[0] == 200
    _deliver_file(desk_world, order)
    assert _move(desk_world, "admin", order, "delivered")[0] == 200
    status, body = _move(desk_world, "mission_officer", order, "confirmed")
    assert status == 200, body
    assert [(t["from_status"], t["to_status"]) for t in body["transitions"]] == [
        ("requested", "accepted"),
        ("accepted", "in_production"),
        ("in_production", "delivered"),
        ("delivered", "confirmed"),
    ]
    moves = ContentOrderTransition.objects.filter(order=order).order_by("at", "id")
    admin, officer = desk_world.users["admin"], desk_world.users["mission_officer"]
    assert [m.actor_id for m in moves] == [admin.pk, admin.pk, admin.pk, officer.pk]
    assert all(timezone.now() - m.at < dt.timedelta(minutes=1) for m in moves)
    order.refresh_from_db()
    assert order.accepted_at and order.delivered_at and order.confirmed_at


def test_order_delivery_needs_files(desk_world):
    order = desk_world.order_jp
    _move(desk_world, "admin", order, "accepted")
    _move(desk_world, "admin", order, "in_production")
    status, body = _move(desk_world, "admin", order, "delivered")
    assert status == 422 and {e["field"] for e in body["errors"]} == {"files"}
    assert ContentOrder.objects.get(pk=order.pk).status == "in_production"


def test_order_returned_with_a_reason_and_sent_again(desk_world):
    order = desk_world.order_jp
    status, body = _move(desk_world, "admin", order, "returned")
    assert status == 422 and {e["field"] for e in body["errors"]} == {"reason"}
    status, body = _move(desk_world, "admin", order, "returned", "Cần nói rõ thời lượng video.")
    assert status == 200 and body["return_reason"] == "Cần nói rõ thời lượng video."
    assert _move(desk_world, "admin", order, "requested")[0] == 403  # the mission resubmits
    assert _move(desk_world, "mission_officer", order, "requested")[0] == 200


def test_order_mission_asks_for_changes_after_delivery(desk_world):
    order = desk_world.order_jp
    for to in ("accepted", "in_production"):
        _move(desk_world, "admin", order, to)
    _deliver_file(desk_world, order)
    _move(desk_world, "admin", order, "delivered")
    assert _move(desk_world, "mission_officer", order, "in_production")[0] == 422
    status, body = _move(desk_world, "mission_officer", order, "in_production", "Thêm phụ đề.")
    assert status == 200 and body["status"] == "in_production"


@pytest.mark.parametrize(
    ("role", "to", "status"),
    [
        ("mission_officer", "accepted", 403),  # the ministry accepts
        ("admin", "confirmed", 409),  # not from requested
        ("admin", "delivered", 409),
        ("mission_officer", "in_production", 409),
        ("mission_multi", "accepted", 404),  # another mission does not see it
        ("enterprise_rep", "accepted", 404),
        ("anonymous", "accepted", 401),
    ],
)
def test_order_forbidden_moves_are_refused(desk_world, role, to, status):
    got, body = _move(desk_world, role, desk_world.order_jp, to)
    assert got == status, body
    assert ContentOrderTransition.objects.count() == 0
    assert ContentOrder.objects.get(pk=desk_world.order_jp.pk).status == "requested"


def test_order_overdue_is_flagged(desk_world):
    ContentOrder.objects.filter(pk=desk_world.order_jp.pk).update(
        deadline=timezone.localdate() - dt.timedelta(days=1)
    )
    admin = client_as(desk_world, "admin")
    status, body = call(admin, "GET", "/content-orders?overdue=true")
    assert [(o["id"], o["is_overdue"]) for o in body["items"]] == [(desk_world.order_jp.pk, True)]
    page = admin.get("/desk/orders/?overdue=on")
    assert desk_world.order_jp.title in page.content.decode()
    assert "badge--overdue" in page.content.decode()
    # Delivered orders are no longer overdue.
    ContentOrder.objects.filter(pk=desk_world.order_jp.pk).update(status="delivered")
    assert call(admin, "GET", "/content-orders?overdue=true")[1]["count"] == 0


@pytest.mark.parametrize(
    ("role", "count"),
    [
        ("admin", 1),
        ("mission_officer", 1),
        ("mission_multi", 0),
        ("enterprise_rep", 0),
        ("partner_rep", 0),
    ],
)
def test_order_list_scoping(desk_world, role, count):
    status, body = call(client_as(desk_world, role), "GET", "/content-orders")
    assert status == 200 and body["count"] == count


def test_order_files_are_refused_to_other_missions(desk_world):
    order = desk_world.order_jp
    _deliver_file(desk_world, order)
    file_id = Attachment.objects.get().public_id
    assert client_as(desk_world, "mission_officer").get(f"/files/{file_id}/").status_code == 200
    assert client_as(desk_world, "mission_multi").get(f"/files/{file_id}/").status_code == 404
    assert client_as(desk_world, "enterprise_rep").get(f"/files/{file_id}/").status_code == 404


def test_order_pages(desk_world):
    officer = client_as(desk_world, "mission_officer")
    assert officer.get("/desk/orders/").status_code == 200
    assert officer.get(f"/desk/orders/{desk_world.order_jp.pk}/").status_code == 200
    assert (
        client_as(desk_world, "mission_multi")
        .get(f"/desk/orders/{desk_world.order_jp.pk}/")
        .status_code
        == 404
    )
    assert client_as(desk_world, "enterprise_rep").get("/desk/orders/").status_code == 403
    response = officer.post(
        "/desk/orders/new/",
        {
            "mission": desk_world.mission_jp.pk,
            "kind": "brochure",
            "title": "Tờ gấp",
            "languages": ["ja"],
            "purpose": "Hội chợ",
            "deadline": "01/01/2020",
        },
    )
    assert response.status_code == 200
    assert ContentOrder.objects.filter(title="Tờ gấp").count() == 0
    admin = client_as(desk_world, "admin")
    response = admin.post(f"/desk/orders/{desk_world.order_jp.pk}/transition/", {"to": "accepted"})
    assert response.status_code == 302
    assert ContentOrder.objects.get(pk=desk_world.order_jp.pk).status == "accepted"
