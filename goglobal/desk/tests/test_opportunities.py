"""Business opportunities: posted by a mission, matched to enterprises by sector and market
(present in the country or with products aimed at it), who are notified in-app; interest,
follow-up and outcome."""

import datetime as dt

import pytest
from django.utils import timezone

from goglobal.cases.models import Notification
from goglobal.desk.models import Opportunity, OpportunityInterest, OpportunityMatch
from goglobal.desk.tests.helpers import opportunity_payload
from goglobal.reference.models import Country, Sector
from goglobal.testing import factories as f
from goglobal.testing.api import call, client_as


def test_opportunity_matching_by_sector_and_market_notifies_representatives(desk_world):
    opp = desk_world.opp_jp
    # ent_a: sector ai, present in JP; ent_b: sector ai but DE only; ent_c: JP but inactive.
    assert list(
        OpportunityMatch.objects.filter(opportunity=opp).values_list("enterprise_id", "present")
    ) == [(desk_world.ent_a.pk, True)]
    notices = Notification.objects.filter(recipient=desk_world.users["enterprise_rep"])
    assert notices.count() == 1
    assert opp.title in notices.get().message


def test_opportunity_matches_enterprises_targeting_the_country(desk_world):
    product = desk_world.product_b
    product.target_markets.add(Country.objects.get(code="JP"))
    rep_b = f.user_with_role("enterprise_rep", enterprise=desk_world.ent_b)
    officer = client_as(desk_world, "mission_officer")
    status, body = call(
        officer, "POST", "/opportunities", opportunity_payload(desk_world.mission_jp.pk)
    )
    assert status == 201, body
    matches = OpportunityMatch.objects.filter(opportunity_id=body["id"])
    assert {(m.enterprise_id, m.present, m.targeting) for m in matches} == {
        (desk_world.ent_a.pk, True, False),
        (desk_world.ent_b.pk, False, True),
    }
    assert Notification.objects.filter(recipient=rep_b).count() == 1


def test_opportunity_other_sector_matches_nobody(desk_world):
    officer = client_as(desk_world, "mission_officer")
    payload = opportunity_payload(desk_world.mission_jp.pk, sectors=["semiconductors"])
    status, body = call(officer, "POST", "/opportunities", payload)
    assert status == 201
    assert OpportunityMatch.objects.filter(opportunity_id=body["id"]).count() == 0


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"deadline": "2020-01-01"}, "deadline"),
        ({"country": "DE"}, "country"),
        ({"sectors": ["nope"]}, "sectors"),
        ({"value": "-5"}, "value"),
        ({"currency": ""}, "currency"),
        ({"sectors": []}, "sectors"),
        ({"kind": "gift"}, "kind"),
    ],
)
def test_opportunity_bad_input_is_refused(desk_world, overrides, field):
    officer = client_as(desk_world, "mission_officer")
    before = (Opportunity.objects.count(), Notification.objects.count())
    status, body = call(
        officer,
        "POST",
        "/opportunities",
        opportunity_payload(desk_world.mission_jp.pk, **overrides),
    )
    assert status == 422, body
    assert field in {e["field"] for e in body["errors"]}
    assert (Opportunity.objects.count(), Notification.objects.count()) == before


def test_opportunity_deadline_in_the_past_is_refused_on_the_page_in_vietnamese(desk_world):
    officer = client_as(desk_world, "mission_officer")
    yesterday = (timezone.localdate() - dt.timedelta(days=1)).strftime("%d/%m/%Y")
    response = officer.post(
        "/desk/opportunities/new/",
        {
            "mission": desk_world.mission_jp.pk,
            "kind": "tender",
            "title": "Gói thầu",
            "description": "Mô tả",
            "country": "JP",
            "sectors": ["ai"],
            "deadline": yesterday,
            "contact_name": "Tanaka",
        },
    )
    assert response.status_code == 200
    assert "Hạn chót không thể ở quá khứ." in response.content.decode()
    assert Opportunity.objects.count() == 1


# How many of the desk world's opportunities each role's list holds (its download too).
LISTED = {
    "admin": 1,
    "mission_officer": 1,
    "mission_multi": 0,
    "enterprise_rep": 1,
    "partner_rep": 0,
    "anonymous": 0,
}


@pytest.mark.parametrize(("role", "count"), LISTED.items())
def test_opportunity_list_scoping(desk_world, role, count):
    status, body = call(client_as(desk_world, role), "GET", "/opportunities")
    assert status == 200 and body["count"] == count


def test_opportunity_interest_follow_up_and_outcome(desk_world):
    opp = desk_world.opp_jp
    rep = client_as(desk_world, "enterprise_rep")
    path = f"/opportunities/{opp.pk}/interests"
    # Only for an enterprise one speaks for.
    status, _ = call(rep, "POST", path, {"enterprise": desk_world.ent_b.pk})
    assert status == 403
    status, body = call(
        rep, "POST", path, {"enterprise": desk_world.ent_a.pk, "message": "Có giải pháp."}
    )
    assert status == 201, body
    assert call(rep, "POST", path, {"enterprise": desk_world.ent_a.pk})[0] == 409
    interest_id = body["id"]
    follow = f"{path}/{interest_id}/follow-up"
    assert call(rep, "POST", follow, {"status": "meeting"})[0] == 403
    assert (
        call(client_as(desk_world, "mission_multi"), "POST", follow, {"status": "meeting"})[0]
        == 404
    )
    status, body = call(
        client_as(desk_world, "mission_officer"),
        "POST",
        follow,
        {"status": "meeting", "note": "Họp 12/12"},
    )
    assert status == 200 and body["status"] == "meeting"
    interest = OpportunityInterest.objects.get(pk=interest_id)
    assert interest.followed_up_by == desk_world.users["mission_officer"]
    # The enterprise sees its own interest and its follow-up; the other mission nothing.
    assert [i["status"] for i in call(rep, "GET", path)[1]] == ["meeting"]
    outcome = f"/opportunities/{opp.pk}/outcome"
    assert call(rep, "POST", outcome, {"outcome": "contract"})[0] == 403
    status, body = call(
        client_as(desk_world, "mission_officer"),
        "POST",
        outcome,
        {"outcome": "contract", "note": "Ký hợp đồng"},
    )
    assert status == 200 and (body["status"], body["outcome"]) == ("closed", "contract")
    assert (
        call(client_as(desk_world, "mission_officer"), "POST", outcome, {"outcome": "no_deal"})[0]
        == 409
    )
    # Closed: no more interest, but the enterprise that answered still sees it.
    assert call(rep, "POST", path, {"enterprise": desk_world.ent_a.pk})[0] == 409
    assert call(rep, "GET", f"/opportunities/{opp.pk}")[0] == 200


def test_opportunity_pages(desk_world):
    opp = desk_world.opp_jp
    rep = client_as(desk_world, "enterprise_rep")
    assert rep.get("/desk/opportunities/").status_code == 200
    page = rep.get(f"/desk/opportunities/{opp.pk}/")
    assert page.status_code == 200 and opp.title in page.content.decode()
    response = rep.post(
        f"/desk/opportunities/{opp.pk}/interest/", {"enterprise": desk_world.ent_a.pk}
    )
    assert response.status_code == 302
    assert OpportunityInterest.objects.filter(opportunity=opp).count() == 1
    assert (
        client_as(desk_world, "mission_multi").get(f"/desk/opportunities/{opp.pk}/").status_code
        == 404
    )
    assert rep.get("/desk/opportunities/new/").status_code == 403
    officer = client_as(desk_world, "mission_officer")
    response = officer.post(f"/desk/opportunities/{opp.pk}/close/", {"outcome": "ongoing"})
    assert response.status_code == 302
    assert Opportunity.objects.get(pk=opp.pk).status == "closed"
    assert Sector.objects.filter(code="ai").exists()
