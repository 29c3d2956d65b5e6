"""Every list endpoint runs the same number of queries for one item and for three, and every
detail endpoint the same for a record with one related row and with three — for the roles whose
scoping differs (staff, an enterprise representative, a mission officer, anonymous)."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from goglobal.accounts.models import Role
from goglobal.enterprises.models import Declaration
from goglobal.reference.models import Country, Sector
from goglobal.testing import factories as f

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_hashers")]

CODES = ["JP", "KR", "SG"]


def _queries(client: Client, path: str, items: int | None = None) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get("/api/v1" + path)
    assert response.status_code == 200, response.content
    if items is not None:
        assert response.json()["count"] == items
    return len(context)


def _enterprise(**kwargs):
    enterprise = f.EnterpriseFactory(**kwargs)
    enterprise.sectors.set(Sector.objects.all()[:2])
    f.PresenceFactory(enterprise=enterprise)
    return enterprise


def _product(_context):
    product = f.ProductFactory(enterprise=_enterprise())
    product.sectors.set(Sector.objects.all()[:2])
    product.target_markets.set(Country.objects.filter(code__in=CODES))


def _contact(context):
    enterprise = context.get("enterprise") or _enterprise()
    contact = f.ContactFactory(enterprise=enterprise)
    f.ConsentFactory(contact=contact)
    f.ConsentFactory(contact=contact, purpose="programme_contact")


def _declaration(context):
    enterprise = context.get("enterprise") or _enterprise()
    year = 2020 + Declaration.objects.filter(enterprise=enterprise).count()
    declaration = f.DeclarationFactory(enterprise=enterprise, year=year)
    for code in CODES[:2]:
        declaration.countries.create(country_id=code, revenue=10)


def _organisation(_context):
    organisation = f.ForeignOrganisationFactory()
    organisation.sectors.set(Sector.objects.all()[:2])


def _mission(_context):
    f.MissionFactory(jurisdiction=list(Country.objects.filter(code__in=CODES)))


LISTS = [
    ("/enterprises", lambda context: _enterprise(), ("anonymous", Role.PROGRAMME_OFFICER)),
    ("/enterprises?country=JP&sector=ai", lambda c: _enterprise(), ("anonymous",)),
    ("/products", _product, ("anonymous", Role.ENTERPRISE_REP)),
    ("/presence", lambda context: _enterprise(), ("anonymous", Role.PROGRAMME_OFFICER)),
    ("/contacts", _contact, (Role.PROGRAMME_OFFICER, Role.ENTERPRISE_REP, Role.MISSION_OFFICER)),
    ("/declarations", _declaration, (Role.PROGRAMME_OFFICER, Role.ENTERPRISE_REP)),
    ("/foreign-organisations", _organisation, (Role.PARTNER_REP,)),
    ("/missions", _mission, ("anonymous",)),
    ("/missions/{mission}/enterprises", lambda context: _enterprise(), ("anonymous",)),
]


def _client(role, context) -> Client:
    client = Client()
    if role == "anonymous":
        return client
    membership = {}
    if role == Role.ENTERPRISE_REP:
        membership = {"enterprise": context["enterprise"]}
    elif role == Role.MISSION_OFFICER:
        membership = {"mission": context["mission"]}
    elif role == Role.PARTNER_REP:
        membership = {"foreign_organisation": f.ForeignOrganisationFactory()}
    client.force_login(f.user_with_role(role, **membership))
    return client


@pytest.mark.parametrize(
    ("path", "make", "role"),
    [
        pytest.param(path, make, role, id=f"{path}-{role}")
        for path, make, roles in LISTS
        for role in roles
    ],
)
def test_list_endpoint_query_count_is_constant(path, make, role):
    context = {"enterprise": _enterprise(), "mission": f.MissionFactory()}
    # The representative's own enterprise holds their items; other roles get fresh ones.
    own = {"enterprise": context["enterprise"]} if role == Role.ENTERPRISE_REP else {}
    client = _client(role, context)
    path = path.format(mission=context["mission"].pk)
    if client.get("/api/v1" + path).json()["count"] == 0:
        make(own)
    one = _queries(client, path, items=1)
    for _ in range(2):
        make(own)
    assert _queries(client, path, items=3) == one


def _detail_cases():
    """(path, add one related row) pairs for each detail endpoint."""

    def enterprise():
        item = f.EnterpriseFactory()
        sectors = iter(Sector.objects.all())
        item.sectors.add(next(sectors))
        return f"/enterprises/{item.pk}", lambda: item.sectors.add(next(sectors))

    def product():
        item = f.ProductFactory()
        countries = iter(Country.objects.filter(code__in=CODES))
        item.target_markets.add(next(countries))
        return f"/products/{item.pk}", lambda: item.target_markets.add(next(countries))

    def presence():
        # Nothing many-valued hangs off a presence; more of its enterprise's must not matter.
        item = f.PresenceFactory()
        countries = iter(Country.objects.filter(code__in=CODES[1:]))
        return f"/presence/{item.pk}", lambda: f.PresenceFactory(
            enterprise=item.enterprise, country=next(countries)
        )

    def contact():
        item = f.ContactFactory()
        purposes = iter(["share_with_missions", "programme_contact", "share_with_partners"])
        f.ConsentFactory(contact=item, purpose=next(purposes))
        return f"/contacts/{item.pk}", lambda: f.ConsentFactory(
            contact=item, purpose=next(purposes)
        )

    def declaration():
        item = f.DeclarationFactory()
        codes = iter(CODES)
        item.countries.create(country_id=next(codes), revenue=1)
        return f"/declarations/{item.pk}", lambda: item.countries.create(
            country_id=next(codes), revenue=1
        )

    def organisation():
        item = f.ForeignOrganisationFactory()
        sectors = iter(Sector.objects.all())
        item.sectors.add(next(sectors))
        return f"/foreign-organisations/{item.pk}", lambda: item.sectors.add(next(sectors))

    def mission():
        countries = iter(Country.objects.filter(code__in=CODES))
        item = f.MissionFactory(jurisdiction=[next(countries)])
        return f"/missions/{item.pk}", lambda: item.jurisdiction.add(next(countries))

    return [enterprise, product, presence, contact, declaration, organisation, mission]


@pytest.mark.parametrize("build", _detail_cases(), ids=lambda build: build.__name__)
def test_detail_endpoint_query_count_is_constant(build):
    client = Client()
    client.force_login(f.user_with_role(Role.PROGRAMME_OFFICER))
    path, add_related = build()
    _queries(client, path)
    one = _queries(client, path)
    add_related()
    add_related()
    assert _queries(client, path) == one
