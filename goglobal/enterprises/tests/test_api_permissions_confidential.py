"""Permission matrix of the confidential API — contacts, consents, declarations and their
aggregate — for every role, with cross-enterprise and cross-jurisdiction probes. The world is
described in goglobal/testing/world.py; the status rules are those of test_api_permissions.py:
anonymous writes 401, records the caller may not see 404, visible but not changeable 403, and
lists (with their `count`) hold exactly what the caller may see.

Who sees a contact: ministry staff; the enterprise's own representative; a mission officer when
the person consented to sharing with missions and the enterprise is active and present in a
country of the mission's jurisdiction (contact_a for the Tokyo mission; contact_b and contact_d
for the mission accredited to Germany and Austria); a foreign organisation's own partner_rep.
Declarations: staff and the enterprise itself; mission officers see only the aggregate."""

import pytest

from goglobal.enterprises.models import ContactConsent, Declaration
from goglobal.testing import factories as f
from goglobal.testing.api import Case, call, client_as, expect, matrix, rows, run_case, write
from goglobal.testing.world import declaration_payload

pytestmark = pytest.mark.django_db

EVERY_CONTACT = rows(
    "contact_a", "contact_a_private", "contact_b", "contact_c", "contact_d", "contact_org"
)
CONSENT = {"purpose": "programme_contact", "method": "email", "evidence": "Thư ngày 01/03/2025"}
REVIEW = {"staff": 200, "anonymous": 401}

CASES = [
    Case(
        "contact-list",
        "get",
        "/contacts",
        expect(
            staff=EVERY_CONTACT,
            enterprise_rep=rows("contact_a", "contact_a_private"),
            mission_officer=rows("contact_a"),
            partner_rep=rows("contact_org"),
            others=rows(),
        ),
    ),
    Case(
        "contact-detail-shared",
        "get",
        "/contacts/{contact_a}",
        expect(staff=200, enterprise_rep=200, mission_officer=200, others=404),
    ),
    # No consent to sharing with missions: the mission officer does not see it.
    Case(
        "contact-detail-private",
        "get",
        "/contacts/{contact_a_private}",
        expect(staff=200, enterprise_rep=200, others=404),
    ),
    # Consented, but the enterprise is present only in Germany: not the Tokyo mission's.
    Case("contact-detail-other", "get", "/contacts/{contact_b}", expect(staff=200, others=404)),
    # Present in Japan and consented, but the enterprise is inactive.
    Case("contact-detail-inactive", "get", "/contacts/{contact_c}", expect(staff=200, others=404)),
    Case(
        "contact-detail-organisation",
        "get",
        "/contacts/{contact_org}",
        expect(staff=200, partner_rep=200, others=404),
    ),
    Case(
        "contact-create-own",
        "post",
        "/enterprises/{ent_a}/contacts",
        write(201, enterprise_rep=201),
        {"full_name": "Trần Thị Bình", "email": "binh@example.vn"},
        "enterprises.Contact",
    ),
    Case(
        "contact-create-other",
        "post",
        "/enterprises/{ent_b}/contacts",
        write(201),
        {"full_name": "Trần Thị Bình"},
        "enterprises.Contact",
    ),
    Case(
        "contact-create-inactive",
        "post",
        "/enterprises/{ent_c}/contacts",
        write(201, others=404),
        {"full_name": "Trần Thị Bình"},
        "enterprises.Contact",
    ),
    Case(
        "contact-update-own",
        "patch",
        "/contacts/{contact_a}",
        write(200, enterprise_rep=200, mission_officer=403, others=404),
        {"position": "CEO"},
    ),
    Case(
        "contact-update-other",
        "patch",
        "/contacts/{contact_b}",
        write(200, others=404),
        {"position": "CEO"},
    ),
    Case(
        "contact-update-organisation",
        "patch",
        "/contacts/{contact_org}",
        write(200, partner_rep=200, others=404),
        {"position": "CEO"},
    ),
    Case(
        "consent-record",
        "post",
        "/contacts/{contact_a}/consents",
        write(201, enterprise_rep=201, mission_officer=403, others=404),
        CONSENT,
        "enterprises.ContactConsent",
    ),
    Case(
        "consent-record-other",
        "post",
        "/contacts/{contact_b}/consents",
        write(201, others=404),
        CONSENT,
        "enterprises.ContactConsent",
    ),
    Case(
        "consent-withdraw",
        "post",
        "/consents/{consent_a}/withdraw",
        write(200, enterprise_rep=200, mission_officer=403, others=404),
    ),
    Case(
        "consent-withdraw-other", "post", "/consents/{consent_b}/withdraw", write(200, others=404)
    ),
    Case(
        "declaration-list",
        "get",
        "/declarations",
        expect(staff=rows("decl_a", "decl_b"), enterprise_rep=rows("decl_a"), others=rows()),
    ),
    Case(
        "declaration-detail-own",
        "get",
        "/declarations/{decl_a}",
        expect(staff=200, enterprise_rep=200, others=404),
    ),
    Case(
        "declaration-detail-other", "get", "/declarations/{decl_b}", expect(staff=200, others=404)
    ),
    Case(
        "declaration-create-own",
        "post",
        "/enterprises/{ent_a}/declarations",
        write(201, enterprise_rep=201),
        declaration_payload(),
        "enterprises.Declaration",
    ),
    Case(
        "declaration-create-other",
        "post",
        "/enterprises/{ent_b}/declarations",
        write(201),
        declaration_payload(),
        "enterprises.Declaration",
    ),
    Case(
        "declaration-update-own",
        "patch",
        "/declarations/{decl_a}",
        write(200, enterprise_rep=200, others=404),
        {"staff_abroad": 7},
    ),
    # decl_b is submitted: figures are frozen while it is reviewed.
    Case(
        "declaration-update-submitted",
        "patch",
        "/declarations/{decl_b}",
        write(409, others=404),
        {"staff_abroad": 7},
    ),
    Case(
        "declaration-submit",
        "post",
        "/declarations/{decl_a}/submit",
        write(200, enterprise_rep=200, others=404),
    ),
    Case("declaration-resubmit", "post", "/declarations/{decl_b}/submit", write(409, others=404)),
    Case("declaration-accept", "post", "/declarations/{decl_b}/accept", write(200, others=404)),
    # Only staff review; the enterprise sees its draft but may not accept it (403), and staff
    # cannot accept a draft (409).
    Case(
        "declaration-accept-draft",
        "post",
        "/declarations/{decl_a}/accept",
        write(409, enterprise_rep=403, others=404),
    ),
    Case(
        "declaration-return",
        "post",
        "/declarations/{decl_b}/return",
        write(200, others=404),
        {"reason": "Thiếu doanh thu theo quốc gia."},
    ),
    Case(
        "declaration-aggregate",
        "get",
        "/declarations/aggregate?year=2024",
        expect(staff=200, mission_officer=200, anonymous=401, others=403),
    ),
]


@pytest.mark.parametrize(("case", "role"), matrix(CASES))
def test_confidential_api_permission_matrix(case, role, shared_world):
    run_case(case, role, shared_world, client_as(shared_world, role))


def test_mission_accredited_to_two_countries_sees_contacts_present_in_both(shared_world):
    world = shared_world
    client = client_as(world, "mission_multi")
    _status, body = call(client, "get", "/contacts")
    assert {item["id"] for item in body["items"]} == world.ids("contact_b", "contact_d")
    assert body["count"] == 2
    assert call(client, "get", f"/contacts/{world.contact_a.pk}")[0] == 404


def test_withdrawn_consent_hides_contact_from_mission_at_once(shared_world):
    world = shared_world
    staff = client_as(world, "programme_officer")
    status, body = call(staff, "post", f"/consents/{world.consent_a.pk}/withdraw")
    assert status == 200
    assert body["withdrawn_at"] is not None
    _status, body = call(client_as(world, "mission_officer"), "get", "/contacts")
    assert body == {"items": [], "count": 0, "page": 1, "page_size": 50, "pages": 0}


def test_contact_payload_shows_consents(shared_world):
    world = shared_world
    status, body = call(
        client_as(world, "mission_officer"), "get", f"/contacts/{world.contact_a.pk}"
    )
    assert status == 200
    contact, consent = world.contact_a, world.consent_a
    assert body == {
        "id": contact.pk,
        "enterprise_id": world.ent_a.pk,
        "foreign_organisation_id": None,
        "full_name": contact.full_name,
        "position": contact.position,
        "email": contact.email,
        "phone": "",
        "consents": [
            {
                "id": consent.pk,
                "purpose": "share_with_missions",
                "method": "web_form",
                "evidence": consent.evidence,
                "given_at": body["consents"][0]["given_at"],
                "withdrawn_at": None,
                "recorded_by_id": consent.recorded_by_id,
            }
        ],
    }
    assert consent.recorded_by_id is not None


def test_declaration_aggregate_suppresses_countries_with_fewer_than_three(shared_world):
    world = shared_world
    usd = world.decl_a.currency
    for n in range(3):
        declaration = f.DeclarationFactory(year=2023, status="accepted", currency=usd)
        declaration.countries.create(country_id="JP", revenue=100 + n)
        if n == 0:
            declaration.countries.create(country_id="DE", revenue=50)
    expected_jp = {
        "country": "JP",
        "country_name_vi": "Nhật Bản",
        "country_name_en": "Japan",
        "enterprises": 3,
        "overseas_revenue_usd": "303",
    }
    status, body = call(client_as(world, "admin"), "get", "/declarations/aggregate?year=2023")
    assert (status, body) == (200, [expected_jp])
    # The Tokyo mission sees Japan; the mission for Germany and Austria sees nothing (one
    # enterprise in Germany is below the threshold).
    assert call(
        client_as(world, "mission_officer"), "get", "/declarations/aggregate?year=2023"
    ) == (
        200,
        [expected_jp],
    )
    assert call(client_as(world, "mission_multi"), "get", "/declarations/aggregate?year=2023") == (
        200,
        [],
    )


def test_enterprise_rep_cannot_accept_own_submitted_declaration(shared_world):
    world = shared_world
    Declaration.objects.filter(pk=world.decl_a.pk).update(status="submitted")
    status, body = call(
        client_as(world, "enterprise_rep"), "post", f"/declarations/{world.decl_a.pk}/accept"
    )
    assert status == 403
    assert Declaration.objects.get(pk=world.decl_a.pk).status == "submitted"
    assert not ContactConsent.objects.filter(withdrawn_at__isnull=False).exists()


def test_mission_sees_consenting_contacts_of_organisations_in_its_jurisdiction(shared_world):
    world = shared_world
    consenting = f.ContactFactory(enterprise=None, foreign_organisation=world.org_jp)
    f.ConsentFactory(contact=consenting)
    silent = f.ContactFactory(enterprise=None, foreign_organisation=world.org_jp)
    client = client_as(world, "mission_officer")
    _status, body = call(client, "get", f"/contacts?foreign_organisation={world.org_jp.pk}")
    assert [item["id"] for item in body["items"]] == [consenting.pk]
    assert body["count"] == 1
    assert call(client, "get", f"/contacts/{silent.pk}")[0] == 404
    # Seeing is not editing: the organisation's contacts are its partner_rep's and staff's.
    assert call(client, "patch", f"/contacts/{consenting.pk}", {"position": "CEO"})[0] == 403
