"""A small registry in which every access rule has something to show: one user per role, an
enterprise the representative speaks for and one they do not, an inactive enterprise, and
missions whose jurisdictions cover some enterprises' presence but not others'.

    enterprise   status    present in   contacts (share_with_missions consent)
    ent_a        active    JP           contact_a (yes), contact_a_private (no)
    ent_b        active    DE           contact_b (yes)
    ent_c        inactive  JP           contact_c (yes)
    ent_d        active    AT           contact_d (yes)

    mission_jp     Tokyo, jurisdiction JP           its officer: users["mission_officer"]
    mission_multi  Berlin, jurisdiction DE and AT   its officer: users["mission_multi"]

    org_gb (GB, contact_org with consent; its partner_rep: users["partner_rep"]), org_jp (JP)

Declarations: decl_a (ent_a, 2024, draft, 200 of its 250,000 overseas revenue in JP), decl_b
(ent_b, 2024, submitted)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Model

from goglobal.accounts.models import Role, User
from goglobal.enterprises.enums import ConsentPurpose, DeclarationStatus, EnterpriseStatus
from goglobal.reference.models import Country
from goglobal.testing import factories as f

ROLES = (
    "admin",
    "programme_officer",
    "advisory_member",
    "mission_officer",
    "enterprise_rep",
    "partner_rep",
    "anonymous",
)
STAFF = frozenset({"admin", "programme_officer"})
SIGNED_IN = frozenset(ROLES) - {"anonymous"}


@dataclass
class World:
    users: dict[str, User] = field(default_factory=dict)
    rows: dict[str, Model] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Model:
        try:
            return self.__dict__["rows"][name]
        except KeyError as exc:
            raise AttributeError(name) from exc

    def ids(self, *names: str) -> set[int]:
        return {self.rows[name].pk for name in names}


def _country(code: str) -> Country:
    return Country.objects.get(code=code)


def build_world() -> World:
    world = World()
    rows = world.rows
    jp, de, at = _country("JP"), _country("DE"), _country("AT")
    rows["ent_a"] = f.EnterpriseFactory(name_vi="Công ty A")
    rows["ent_b"] = f.EnterpriseFactory(name_vi="Công ty B")
    rows["ent_c"] = f.EnterpriseFactory(name_vi="Công ty C", status=EnterpriseStatus.INACTIVE)
    rows["ent_d"] = f.EnterpriseFactory(name_vi="Công ty D")
    for key, country in (("a", jp), ("b", de), ("c", jp), ("d", at)):
        enterprise = rows[f"ent_{key}"]
        rows[f"product_{key}"] = f.ProductFactory(enterprise=enterprise)
        rows[f"presence_{key}"] = f.PresenceFactory(enterprise=enterprise, country=country)
        rows[f"contact_{key}"] = f.ContactFactory(enterprise=enterprise)
        rows[f"consent_{key}"] = f.ConsentFactory(contact=rows[f"contact_{key}"])
    rows["contact_a_private"] = f.ContactFactory(enterprise=rows["ent_a"])
    rows["consent_a_private"] = f.ConsentFactory(
        contact=rows["contact_a_private"], purpose=ConsentPurpose.PROGRAMME_CONTACT
    )
    rows["decl_a"] = f.DeclarationFactory(enterprise=rows["ent_a"])
    rows["decl_a"].countries.create(country=jp, revenue=200)
    rows["decl_b"] = f.DeclarationFactory(
        enterprise=rows["ent_b"], status=DeclarationStatus.SUBMITTED
    )

    rows["mission_jp"] = f.MissionFactory(host_country=jp, city="Tokyo", jurisdiction=[jp])
    rows["mission_multi"] = f.MissionFactory(host_country=de, city="Berlin", jurisdiction=[de, at])
    rows["org_gb"] = f.ForeignOrganisationFactory(country=_country("GB"))
    rows["org_jp"] = f.ForeignOrganisationFactory(country=jp)
    rows["contact_org"] = f.ContactFactory(enterprise=None, foreign_organisation=rows["org_gb"])
    rows["consent_org"] = f.ConsentFactory(contact=rows["contact_org"])
    rows["agency"] = f.AgencyFactory()

    users = world.users
    users["admin"] = f.user_with_role(Role.ADMIN)
    users["programme_officer"] = f.user_with_role(Role.PROGRAMME_OFFICER)
    users["advisory_member"] = f.user_with_role(Role.ADVISORY_MEMBER, agency=rows["agency"])
    users["mission_officer"] = f.user_with_role(Role.MISSION_OFFICER, mission=rows["mission_jp"])
    users["mission_multi"] = f.user_with_role(Role.MISSION_OFFICER, mission=rows["mission_multi"])
    users["enterprise_rep"] = f.user_with_role(Role.ENTERPRISE_REP, enterprise=rows["ent_a"])
    users["partner_rep"] = f.user_with_role(Role.PARTNER_REP, foreign_organisation=rows["org_gb"])
    return world


def declaration_payload(year: int = 2023, **overrides) -> dict:
    payload = {
        "year": year,
        "currency": "USD",
        "exchange_rate": "1",
        "total_revenue": "1000",
        "overseas_revenue": "400",
        "countries": [{"country": "JP", "revenue": "300"}],
    }
    payload.update(overrides)
    return payload
