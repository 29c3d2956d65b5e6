"""Desk rows on top of the access-rule world (goglobal/testing/world.py):

    row               mission        country  notes
    agreement_jp      —              JP       proposed MoU (confidential)
    agreement_de_sgn  —              DE       signed MoU (public)
    note_jp_staff     mission_jp     JP       staff only
    note_jp_ent       mission_jp     JP       open to enterprises
    note_at           mission_multi  AT       staff only
    order_jp          mission_jp     —        requested
    opp_jp            mission_jp     JP       open, sector ai (ent_a matched: present in JP)

ent_a has the sector "ai"; ent_b too, but it is present in DE only."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from goglobal.agreements.models import Agreement
from goglobal.desk.models import ContentOrder, MarketNote
from goglobal.desk.services.opportunities import opportunity_create
from goglobal.reference.models import Country, Sector


def add_desk(world) -> None:
    rows, users = world.rows, world.users
    jp, de, at = (Country.objects.get(code=c) for c in ("JP", "DE", "AT"))
    ai = Sector.objects.get(code="ai")
    rows["ent_a"].sectors.add(ai)
    rows["ent_b"].sectors.add(ai)
    rows["agreement_jp"] = Agreement.objects.create(
        kind="mou",
        title_vi="Biên bản ghi nhớ Nhật Bản",
        partner_country=jp,
        vietnam_party="Bộ Khoa học và Công nghệ",
        partner_party="Bộ Nội vụ và Truyền thông",
        proposed_on=dt.date(2024, 1, 10),
    )
    rows["agreement_de_sgn"] = Agreement.objects.create(
        kind="mou",
        status="signed",
        title_vi="Biên bản ghi nhớ Đức",
        partner_country=de,
        vietnam_party="Bộ Khoa học và Công nghệ",
        partner_party="Bộ Số hoá",
        proposed_on=dt.date(2023, 1, 10),
        negotiation_started_on=dt.date(2023, 3, 1),
        signed_on=dt.date(2023, 9, 1),
    )
    mission_jp, mission_multi = rows["mission_jp"], rows["mission_multi"]
    note = dict(topic="demand", body="Nhu cầu phần mềm y tế tăng.")
    rows["note_jp_staff"] = MarketNote.objects.create(
        mission=mission_jp, country=jp, title="Ghi chú nội bộ", visibility="staff", **note
    )
    rows["note_jp_ent"] = MarketNote.objects.create(
        mission=mission_jp, country=jp, title="Ghi chú mở", visibility="enterprises", **note
    )
    rows["note_at"] = MarketNote.objects.create(
        mission=mission_multi, country=at, title="Ghi chú Áo", visibility="staff", **note
    )
    rows["order_jp"] = ContentOrder.objects.create(
        mission=mission_jp,
        kind="video",
        title="Video giới thiệu kinh tế số",
        languages=["ja", "en"],
        purpose="Chiếu tại Tuần lễ Việt Nam ở Tokyo.",
        deadline=timezone.localdate() + dt.timedelta(days=30),
        requested_by=users["mission_officer"],
    )
    rows["opp_jp"] = opportunity_create(
        actor=users["mission_officer"], data=opportunity_payload(mission_jp.pk)
    )


def opportunity_payload(mission_id: int, **overrides) -> dict:
    payload = {
        "mission": mission_id,
        "kind": "tender",
        "title": "Gói thầu AI cho bệnh viện Osaka",
        "description": "Bệnh viện tìm giải pháp AI chẩn đoán hình ảnh.",
        "country": "JP",
        "sectors": ["ai"],
        "value": "250000",
        "currency": "USD",
        "deadline": (timezone.localdate() + dt.timedelta(days=60)).isoformat(),
        "contact_name": "Tanaka Hiro",
        "contact_email": "tanaka@example.jp",
    }
    payload.update(overrides)
    return payload


@pytest.fixture
def desk_world(world):
    add_desk(world)
    return world
