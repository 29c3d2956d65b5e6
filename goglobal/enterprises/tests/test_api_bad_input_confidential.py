"""Bad input to declarations, contacts and consents is refused with a 4xx naming the fields at
fault, and nothing is written (rows and history alike). The money rules are the declaration's:
no negative amount, overseas revenue within total revenue, revenue by country within overseas
revenue — also when a later edit lowers the overseas figure below the rows already saved."""

import datetime as dt

import pytest
from django.utils import timezone

from goglobal.testing.api import assert_refused, call, client_as
from goglobal.testing.world import declaration_payload as payload

pytestmark = pytest.mark.django_db

NEXT_YEAR = timezone.localdate().year + 1
DECLARE = "/enterprises/{ent_a.pk}/declarations"
CONSENT = "/contacts/{contact_a.pk}/consents"
GIVEN = {"purpose": "programme_contact", "method": "email", "evidence": "x"}


def bad(name, method, path, body, fields, status=422):
    return pytest.param(method, path, body, status, fields, id=name)


# fmt: off
BAD_REQUESTS = [
    bad("revenue-negative", "post", DECLARE, payload(total_revenue="-1", overseas_revenue="0", countries=[]), {"total_revenue"}),
    bad("overseas-above-total", "post", DECLARE, payload(total_revenue="100", overseas_revenue="101", countries=[]), {"overseas_revenue"}),
    bad("countries-above-overseas", "post", DECLARE, payload(countries=[{"country": "JP", "revenue": "300"}, {"country": "KR", "revenue": "101"}]), {"countries"}),
    bad("country-revenue-negative", "post", DECLARE, payload(countries=[{"country": "JP", "revenue": "-5"}]), {"countries.0.revenue"}),
    bad("country-twice", "post", DECLARE, payload(countries=[{"country": "JP", "revenue": "1"}, {"country": "jp", "revenue": "1"}]), {"countries"}),
    bad("unknown-currency", "post", DECLARE, payload(currency="XYZ"), {"currency"}),
    bad("unknown-revenue-country", "post", DECLARE, payload(countries=[{"country": "ZZ", "revenue": "1"}]), {"countries"}),
    bad("year-taken", "post", DECLARE, payload(year=2024), {"year"}),
    bad("year-future", "post", DECLARE, payload(year=NEXT_YEAR), {"year"}),
    bad("year-missing", "post", DECLARE, {k: v for k, v in payload().items() if k != "year"}, {"year"}),
    bad("rate-zero", "post", DECLARE, payload(exchange_rate="0"), {"exchange_rate"}),
    bad("revenue-not-a-number", "post", DECLARE, payload(total_revenue="NaN"), {"total_revenue"}),
    bad("revenue-too-many-digits", "post", DECLARE, payload(total_revenue="1" * 19 + ".5"), {"total_revenue"}),
    bad("overseas-below-saved-countries", "patch", "/declarations/{decl_a.pk}", {"overseas_revenue": "10"}, {"countries"}),
    bad("contact-email", "patch", "/contacts/{contact_a.pk}", {"email": "not-an-email"}, {"email"}),
    bad("contact-name-too-long", "post", "/enterprises/{ent_a.pk}/contacts", {"full_name": "x" * 201}, {"full_name"}),
    bad("consent-naive-time", "post", CONSENT, GIVEN | {"given_at": "2025-01-01T10:00:00"}, {"given_at"}),
    bad("consent-future", "post", CONSENT, GIVEN | {"given_at": f"{NEXT_YEAR}-01-01T10:00:00+07:00"}, {"given_at"}),
    bad("consent-ancient", "post", CONSENT, GIVEN | {"given_at": "0001-01-01T00:00:00+14:00"}, {"given_at"}),
    bad("consent-blank-evidence", "post", CONSENT, GIVEN | {"evidence": "  "}, {"evidence"}),
    bad("consent-unknown-purpose", "post", CONSENT, GIVEN | {"purpose": "marketing"}, {"purpose"}),
    bad("return-without-reason", "post", "/declarations/{decl_b.pk}/return", {"reason": "   "}, {"reason"}),
    bad("aggregate-without-year", "get", "/declarations/aggregate", None, {"year"}),
]
# fmt: on


@pytest.mark.parametrize(("method", "path", "body", "status", "fields"), BAD_REQUESTS)
def test_confidential_api_refuses_bad_input_and_writes_nothing(
    shared_world, method, path, body, status, fields
):
    assert_refused(shared_world, "programme_officer", method, path, body, status, fields)


def test_consent_given_at_keeps_its_instant(shared_world):
    world = shared_world
    status, body = call(
        client_as(world, "enterprise_rep"),
        "post",
        f"/contacts/{world.contact_a.pk}/consents",
        {
            "purpose": "share_with_partners",
            "method": "paper_form",
            "evidence": "Phiếu đồng ý số 12",
            "given_at": "2025-03-01T09:00:00+07:00",
        },
    )
    assert status == 201, body
    given = dt.datetime.fromisoformat(body["given_at"])
    assert given == dt.datetime(2025, 3, 1, 2, 0, tzinfo=dt.UTC)
    assert body["recorded_by_id"] == world.users["enterprise_rep"].pk
