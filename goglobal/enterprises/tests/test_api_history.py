"""Every write through the API leaves exactly one history record per changed row, stamped with
the user, with the many-to-many values of that moment (goglobal.core.history)."""

import pytest

from goglobal.enterprises.models import (
    ContactConsent,
    Declaration,
    DeclarationCountry,
    Enterprise,
    MarketPresence,
    Product,
)
from goglobal.testing.api import call, client_as
from goglobal.testing.factories import valid_tax_code

pytestmark = pytest.mark.django_db


def _sector_codes(record) -> set[str]:
    return {row.sector.code for row in record.sectors.all()}


def test_enterprise_create_and_update_leave_one_record_each(shared_world):
    officer = shared_world.users["programme_officer"]
    client = client_as(shared_world, "programme_officer")
    status, body = call(
        client,
        "post",
        "/enterprises",
        {
            "name_vi": "Công ty Cổ phần Misa",
            "tax_code": valid_tax_code(700_001),
            "province": 1,
            "sectors": ["fintech", "software-it-services"],
        },
    )
    assert status == 201, body
    enterprise = Enterprise.objects.get(pk=body["id"])
    created = enterprise.history.get()
    assert (created.history_type, created.history_user) == ("+", officer)
    assert _sector_codes(created) == {"fintech", "software-it-services"}

    status, body = call(
        client,
        "patch",
        f"/enterprises/{enterprise.pk}",
        {"name_en": "MISA JSC", "sectors": ["fintech"]},
    )
    assert status == 200, body
    assert enterprise.history.count() == 2
    updated = enterprise.history.first()
    assert (updated.history_type, updated.history_user) == ("~", officer)
    assert _sector_codes(updated) == {"fintech"}
    delta = updated.diff_against(created)
    assert {change.field for change in delta.changes} == {"name_en", "sectors"}
    name_change = next(change for change in delta.changes if change.field == "name_en")
    assert (name_change.old, name_change.new) == ("", "MISA JSC")


def test_product_presence_and_contact_writes_are_stamped_with_the_rep(shared_world):
    world = shared_world
    rep = world.users["enterprise_rep"]
    client = client_as(world, "enterprise_rep")
    base = f"/enterprises/{world.ent_a.pk}"

    status, body = call(
        client, "post", f"{base}/products", {"name_vi": "P", "target_markets": ["JP", "KR"]}
    )
    assert status == 201
    record = Product.objects.get(pk=body["id"]).history.get()
    assert (record.history_type, record.history_user) == ("+", rep)
    assert {row.country_id for row in record.target_markets.all()} == {"JP", "KR"}

    status, body = call(client, "post", f"{base}/presence", {"country": "SG", "mode": "branch"})
    assert status == 201
    presence = MarketPresence.objects.get(pk=body["id"])
    assert call(client, "patch", f"/presence/{presence.pk}", {"staff_abroad": 12})[0] == 200
    assert [(r.history_type, r.history_user, r.staff_abroad) for r in presence.history.all()] == [
        ("~", rep, 12),
        ("+", rep, 0),
    ]

    contact = world.contact_a
    before = contact.history.count()
    assert call(client, "patch", f"/contacts/{contact.pk}", {"phone": "+84 24 1234"})[0] == 200
    assert contact.history.count() == before + 1
    assert contact.history.first().history_user == rep

    status, body = call(
        client,
        "post",
        f"/contacts/{contact.pk}/consents",
        {"purpose": "publish_on_showcase", "method": "web_form", "evidence": "Biểu mẫu #7"},
    )
    assert status == 201
    consent = ContactConsent.objects.get(pk=body["id"])
    assert [(r.history_type, r.history_user) for r in consent.history.all()] == [("+", rep)]
    assert call(client, "post", f"/consents/{consent.pk}/withdraw")[0] == 200
    assert call(client, "post", f"/consents/{consent.pk}/withdraw")[0] == 200
    # Withdrawing twice changes nothing the second time, so it records nothing.
    assert [r.history_type for r in consent.history.all()] == ["~", "+"]


def test_declaration_country_rows_have_their_own_history(shared_world):
    world = shared_world
    rep = world.users["enterprise_rep"]
    client = client_as(world, "enterprise_rep")
    status, body = call(
        client,
        "post",
        f"/enterprises/{world.ent_a.pk}/declarations",
        {
            "year": 2023,
            "currency": "usd",
            "exchange_rate": "1",
            "total_revenue": "1000",
            "overseas_revenue": "500",
            "countries": [{"country": "JP", "revenue": "300"}, {"country": "KR", "revenue": "100"}],
        },
    )
    assert status == 201, body
    assert body["countries"] == [
        {"country": "JP", "revenue": "300.00"},
        {"country": "KR", "revenue": "100.00"},
    ]
    declaration = Declaration.objects.get(pk=body["id"])
    assert [(r.history_type, r.history_user) for r in declaration.history.all()] == [("+", rep)]
    history = DeclarationCountry.history.filter(declaration_id=declaration.pk)
    assert sorted((r.country_id, r.history_type, r.history_user) for r in history) == [
        ("JP", "+", rep),
        ("KR", "+", rep),
    ]

    status, body = call(
        client,
        "patch",
        f"/declarations/{declaration.pk}",
        {"countries": [{"country": "JP", "revenue": "300"}, {"country": "SG", "revenue": "50"}]},
    )
    assert status == 200, body
    # JP unchanged: no record; KR removed; SG added.
    assert sorted((r.country_id, r.history_type) for r in history.all()) == [
        ("JP", "+"),
        ("KR", "+"),
        ("KR", "-"),
        ("SG", "+"),
    ]
    assert declaration.history.count() == 2
    assert {r.history_user for r in history.all()} == {rep}
