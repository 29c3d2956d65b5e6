"""Briefing pages: staff and Advisory Group members read them; others are refused."""

import datetime as dt

import pytest

from goglobal.cases import briefings
from goglobal.cases.tests.helpers import CaseFactory
from goglobal.testing.pages import count_queries, text
from goglobal.testing.world import ROLES

pytestmark = [pytest.mark.django_db]
SEES = {"admin", "programme_officer", "advisory_member"}


def _briefing(world, title="Giao ban tháng 12"):
    return briefings.briefing_create(
        actor=world.users["admin"],
        data={"kind": "ad_hoc", "title": title, "held_on": dt.date(2026, 12, 3)},
    )


@pytest.mark.parametrize("role", [r for r in ROLES if r != "anonymous"])
def test_pages_briefings_are_for_staff_and_advisory_members(world, client_for, role):
    briefing = _briefing(world)
    client = client_for(role)
    expected = 200 if role in SEES else 403
    assert client.get("/cases/briefings/").status_code == expected
    assert client.get(f"/cases/briefings/{briefing.pk}/").status_code == expected
    if role in SEES:
        assert "Giao ban tháng 12" in text(client.get("/cases/briefings/"))


def test_pages_briefing_detail_shows_agenda_in_vietnamese(world, client_for):
    briefing = _briefing(world)
    case = CaseFactory(enterprise=world.ent_a, status="in_progress", priority="P1")
    briefings.briefing_assemble_agenda(actor=world.users["admin"], briefing=briefing)
    body = text(client_for("advisory_member").get(f"/cases/briefings/{briefing.pk}/"))
    assert f'href="/cases/{case.pk}/"' in body
    assert "Ưu tiên P1" in body
    assert client_for("admin").get("/cases/briefings/999999/").status_code == 404


def test_pages_briefing_list_query_count_is_constant(world, client_for):
    client = client_for("admin")
    _briefing(world, "Một")
    one = count_queries(client, "/cases/briefings/")
    _briefing(world, "Hai")
    _briefing(world, "Ba")
    assert count_queries(client, "/cases/briefings/") == one


def test_pages_briefing_detail_query_count_is_constant(world, client_for):
    client = client_for("admin")
    briefing = _briefing(world)
    CaseFactory(enterprise=world.ent_a, status="in_progress", priority="P1")
    briefings.briefing_assemble_agenda(actor=world.users["admin"], briefing=briefing)
    one = count_queries(client, f"/cases/briefings/{briefing.pk}/")
    CaseFactory(enterprise=world.ent_b, status="in_progress", priority="P1")
    CaseFactory(enterprise=world.ent_d, status="in_progress", priority="P1")
    briefings.briefing_assemble_agenda(actor=world.users["admin"], briefing=briefing)
    assert count_queries(client, f"/cases/briefings/{briefing.pk}/") == one
