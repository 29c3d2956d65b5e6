import pytest

from goglobal.accounts.models import Role
from goglobal.enterprises.enums import ConsentPurpose
from goglobal.partners.models import ForeignOrganisation
from goglobal.reference.models import Country, Sector
from goglobal.testing import factories as f
from goglobal.testing.pages import count_queries, login_redirect, text

pytestmark = pytest.mark.django_db


def _names(response) -> list[str]:
    return [o.name for o in response.context["page_obj"].object_list]


def test_partner_list_filters_by_q_country_kind_and_sector(client, officer):
    fintech = Sector.objects.get(code="fintech")
    albeego = f.ForeignOrganisationFactory(name="Albeego", kind="company")
    albeego.sectors.set([fintech])
    f.ForeignOrganisationFactory(name="University of Salford", kind="university")
    f.ForeignOrganisationFactory(name="Tokyo Partner", country=Country.objects.get(code="JP"))
    client.force_login(officer)
    assert _names(client.get("/partners/")) == ["Albeego", "Tokyo Partner", "University of Salford"]
    assert _names(client.get("/partners/?q=albee")) == ["Albeego"]
    assert _names(client.get("/partners/?country=JP")) == ["Tokyo Partner"]
    assert _names(client.get("/partners/?kind=university")) == ["University of Salford"]
    assert _names(client.get("/partners/?sector=fintech")) == ["Albeego"]


def test_partner_list_sends_anonymous_to_sign_in(client):
    response = client.get("/partners/")
    assert response.status_code == 302
    assert response["Location"] == login_redirect("/partners/")


def test_partner_list_runs_the_same_queries_for_one_and_three(client, officer):
    client.force_login(officer)
    fintech = Sector.objects.get(code="fintech")
    f.ForeignOrganisationFactory().sectors.set([fintech])
    one = count_queries(client, "/partners/")
    for organisation in f.ForeignOrganisationFactory.create_batch(2):
        organisation.sectors.set([fintech])
    three = count_queries(client, "/partners/")
    assert one == three


def test_partner_detail_shows_contacts_only_to_those_who_may_see_them(client, officer):
    organisation = f.ForeignOrganisationFactory(name="North Star Projects")
    contact = f.ContactFactory(
        enterprise=None, foreign_organisation=organisation, full_name="John Smith"
    )
    f.ConsentFactory(contact=contact, purpose=ConsentPurpose.SHARE_WITH_MISSIONS)
    client.force_login(officer)
    assert "John Smith" in text(client.get(f"/partners/{organisation.pk}/"))
    client.force_login(f.user_with_role(Role.ENTERPRISE_REP, enterprise=f.EnterpriseFactory()))
    response = client.get(f"/partners/{organisation.pk}/")
    assert response.status_code == 200
    assert "John Smith" not in text(response)


def test_partner_create_by_staff_and_bad_input(client, officer):
    client.force_login(officer)
    response = client.post(
        "/partners/new/",
        {"name": "Wootzano", "kind": "company", "country": "GB", "sectors": ["iot"]},
    )
    organisation = ForeignOrganisation.objects.get()
    assert response["Location"] == f"/partners/{organisation.pk}/"
    assert [s.code for s in organisation.sectors.all()] == ["iot"]
    response = client.post("/partners/new/", {"name": "", "kind": "company", "country": "GB"})
    assert response.context["form"].errors["name"] == ["Trường này là bắt buộc."]
    assert ForeignOrganisation.objects.count() == 1


def test_partner_create_is_refused_to_enterprise_rep(client):
    client.force_login(f.user_with_role(Role.ENTERPRISE_REP, enterprise=f.EnterpriseFactory()))
    assert client.get("/partners/new/").status_code == 403


def test_partner_edit_by_own_partner_rep_and_refused_to_another(client):
    mine, theirs = f.ForeignOrganisationFactory(), f.ForeignOrganisationFactory(name="Theirs")
    client.force_login(f.user_with_role(Role.PARTNER_REP, foreign_organisation=mine))
    response = client.post(
        f"/partners/{mine.pk}/edit/",
        {"name": "Renamed Ltd", "kind": "company", "country": "GB", "city": "Manchester"},
    )
    assert response.status_code == 302
    mine.refresh_from_db()
    assert (mine.name, mine.city) == ("Renamed Ltd", "Manchester")
    assert client.get(f"/partners/{theirs.pk}/edit/").status_code == 403


def test_partner_name_with_script_is_escaped(client, officer):
    organisation = f.ForeignOrganisationFactory(name="<b>Bold</b> & Co")
    client.force_login(officer)
    body = text(client.get(f"/partners/{organisation.pk}/"))
    assert "<b>Bold</b>" not in body
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; Co" in body
