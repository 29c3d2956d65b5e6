"""The mission's desk (its whole jurisdiction, only shared cases, only consented contacts) and
the country page (every section, in a constant number of queries)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from goglobal.agreements.models import Agreement
from goglobal.cases.tests.helpers import add_cases
from goglobal.desk.models import ContentOrder, MarketNote, Opportunity
from goglobal.enterprises.enums import DeclarationStatus, PresenceMode
from goglobal.events.tests.factories import VenueFactory
from goglobal.reference.models import Country, Sector
from goglobal.testing import factories as f
from goglobal.testing.api import call, client_as
from goglobal.testing.pages import login_redirect


def _desk(world, role, mission):
    return client_as(world, role).get(f"/desk/missions/{world.rows[mission].pk}/")


def test_desk_of_a_multi_country_mission_covers_every_country(desk_world):
    add_cases(desk_world)
    VenueFactory(country=Country.objects.get(code="AT"), city="Wien", time_zone="Europe/Vienna")
    response = _desk(desk_world, "mission_multi", "mission_multi")
    assert response.status_code == 200
    text = response.content.decode()
    assert desk_world.ent_b.name_vi in text and desk_world.ent_d.name_vi in text  # DE and AT
    assert desk_world.ent_a.name_vi not in text  # JP
    assert desk_world.contact_b.full_name in text and desk_world.contact_d.full_name in text
    assert desk_world.case_b.title in text  # shared with the mission
    assert desk_world.case_b_other.title not in text  # not shared
    assert "Diễn đàn số" in text  # the event with a venue in Vienna
    assert desk_world.note_at.title in text
    assert desk_world.note_jp_staff.title not in text


def test_desk_shows_only_consented_contacts_and_active_enterprises(desk_world):
    text = _desk(desk_world, "mission_officer", "mission_jp").content.decode()
    assert desk_world.ent_a.name_vi in text
    assert desk_world.contact_a.full_name in text
    assert desk_world.contact_a_private.full_name not in text  # no consent to share
    assert desk_world.ent_c.name_vi not in text  # inactive
    assert desk_world.order_jp.title in text and desk_world.opp_jp.title in text


@pytest.mark.parametrize(
    ("role", "mission", "status"),
    [
        ("mission_officer", "mission_multi", 404),
        ("mission_multi", "mission_jp", 404),
        ("enterprise_rep", "mission_jp", 404),
        ("partner_rep", "mission_jp", 404),
        ("admin", "mission_jp", 200),
        ("admin", "mission_multi", 200),
    ],
)
def test_desk_is_only_for_the_missions_own_officers_and_staff(desk_world, role, mission, status):
    assert _desk(desk_world, role, mission).status_code == status


def test_desk_home(desk_world):
    officer = client_as(desk_world, "mission_officer")
    response = officer.get("/desk/")
    assert response.status_code == 302
    assert response["Location"] == f"/desk/missions/{desk_world.mission_jp.pk}/"
    assert client_as(desk_world, "admin").get("/desk/").status_code == 200
    assert client_as(desk_world, "enterprise_rep").get("/desk/").status_code == 200
    assert client_as(desk_world, "anonymous").get("/desk/")["Location"] == login_redirect("/desk/")


def test_desk_enterprise_list_runs_a_fixed_number_of_queries(desk_world):
    client = client_as(desk_world, "mission_multi")
    url = f"/desk/missions/{desk_world.mission_multi.pk}/"

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    few = count()
    de = Country.objects.get(code="DE")
    for _ in range(3):
        enterprise = f.EnterpriseFactory()
        f.PresenceFactory(enterprise=enterprise, country=de)
        f.ProductFactory(enterprise=enterprise)
        f.ConsentFactory(contact=f.ContactFactory(enterprise=enterprise))
    assert count() == few


def _country_records(n: int, country: Country, admin) -> None:
    """n of everything about `country`."""
    ai = Sector.objects.get(code="ai")
    modes = list(PresenceMode)
    for i in range(n):
        mission = f.MissionFactory(host_country=country, jurisdiction=[country])
        Agreement.objects.create(
            kind="mou",
            status="signed",
            title_vi=f"Thỏa thuận {i}",
            partner_country=country,
            vietnam_party="Bộ",
            partner_party="Bộ",
            proposed_on=dt.date(2023, 1, 1),
            signed_on=dt.date(2023, 6, 1),
        )
        enterprise = f.EnterpriseFactory()
        f.PresenceFactory(enterprise=enterprise, country=country, mode=modes[i % len(modes)])
        VenueFactory(country=country, city="Singapore", time_zone="Asia/Singapore")
        opportunity = Opportunity.objects.create(
            mission=mission,
            kind="tender",
            title=f"Cơ hội {i}",
            description="…",
            country=country,
            deadline=timezone.localdate() + dt.timedelta(days=30),
            contact_name="Lim",
        )
        opportunity.sectors.add(ai)
        MarketNote.objects.create(
            mission=mission, country=country, topic="demand", title=f"Ghi chú {i}", body="…"
        )
    for _ in range(3 if n > 1 else 0):
        declaration = f.DeclarationFactory(
            enterprise=f.EnterpriseFactory(),
            year=timezone.localdate().year - 1,
            status=DeclarationStatus.ACCEPTED,
        )
        declaration.countries.create(country=country, revenue=1000)


@pytest.mark.parametrize("role", ["admin", "enterprise_rep", "mission_officer", "anonymous"])
def test_country_page_runs_a_constant_number_of_queries(world, role):
    client = client_as(world, role)
    counts = []
    for code, n in (("SG", 1), ("KR", 4)):
        country = Country.objects.get(code=code)
        _country_records(n, country, world.users["admin"])
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/desk/countries/{code}/")
        assert response.status_code == 200
        counts.append(len(queries))
        text = response.content.decode()
        assert f"Thỏa thuận {n - 1}" in text  # signed agreements are public
    assert counts[0] == counts[1], counts


def test_country_page_shows_what_each_user_may_see(desk_world):
    ai = Sector.objects.get(code="ai")
    assert ai
    admin_text = client_as(desk_world, "admin").get("/desk/countries/JP/").content.decode()
    for title in (
        desk_world.note_jp_staff.title,
        desk_world.opp_jp.title,
        desk_world.ent_a.name_vi,
    ):
        assert title in admin_text
    assert desk_world.agreement_jp.title_vi in admin_text
    rep_text = client_as(desk_world, "enterprise_rep").get("/desk/countries/JP/").content.decode()
    assert desk_world.note_jp_ent.title in rep_text
    assert desk_world.note_jp_staff.title not in rep_text
    assert desk_world.agreement_jp.title_vi not in rep_text  # still being proposed
    anon_text = client_as(desk_world, "anonymous").get("/desk/countries/JP/").content.decode()
    assert desk_world.opp_jp.title not in anon_text
    assert desk_world.mission_jp.name_vi in anon_text
    assert client_as(desk_world, "anonymous").get("/desk/countries/ZZ/").status_code == 404


def test_country_overview_api(desk_world):
    status, body = call(client_as(desk_world, "mission_officer"), "GET", "/countries/JP/overview")
    assert status == 200
    assert body["country"]["code"] == "JP"
    assert [a["id"] for a in body["agreements"]] == [desk_world.agreement_jp.pk]
    assert body["presence_total"] == 1  # ent_c is inactive
    assert [o["id"] for o in body["opportunities"]] == [desk_world.opp_jp.pk]
    assert call(client_as(desk_world, "anonymous"), "GET", "/countries/ZZ/overview")[0] == 404


@pytest.mark.parametrize(
    ("role", "url", "add"),
    [
        ("mission_officer", "/desk/orders/", "order"),
        ("mission_officer", "/desk/notes/", "note"),
        ("enterprise_rep", "/desk/opportunities/", "opportunity"),
        ("anonymous", "/agreements/", "agreement"),
    ],
)
def test_list_pages_run_a_fixed_number_of_queries(desk_world, role, url, add):
    client = client_as(desk_world, role)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    few = count()
    mission, jp = desk_world.mission_jp, Country.objects.get(code="JP")
    for i in range(2):
        if add == "order":
            ContentOrder.objects.create(
                mission=mission, kind="article", title=f"Bài {i}", languages=["ja"],
                purpose="…", deadline=timezone.localdate(),
            )  # fmt: skip
        elif add == "note":
            MarketNote.objects.create(
                mission=mission, country=jp, topic="demand", title=f"N {i}", body="…"
            )
        elif add == "opportunity":
            opportunity = Opportunity.objects.create(
                mission=mission, kind="tender", title=f"O {i}", description="…", country=jp,
                deadline=timezone.localdate(), contact_name="Lim",
            )  # fmt: skip
            opportunity.sectors.add(Sector.objects.get(code="fintech"))
        else:
            Agreement.objects.create(
                kind="mou", status="signed", title_vi=f"A {i}", partner_country=jp,
                vietnam_party="Bộ", partner_party="Bộ", proposed_on=dt.date(2023, 1, 1),
                signed_on=dt.date(2023, 2, 1),
            )  # fmt: skip
    assert count() == few


def test_country_page_refuses_odd_codes_with_404(desk_world):
    client = client_as(desk_world, "admin")
    for code in ("JPN", "J%00", "1A", "%C4%90V"):
        assert client.get(f"/desk/countries/{code}/").status_code == 404
        assert call(client, "GET", f"/countries/{code}/overview")[0] == 404
