from io import StringIO

import pytest
from django.core.management import call_command
from stdnum.vn import mst

from goglobal.advisory.models import Agency
from goglobal.core.seed import load_seed
from goglobal.enterprises.models import (
    ContactConsent,
    Declaration,
    Enterprise,
    MarketPresence,
    Product,
)
from goglobal.missions.models import Mission
from goglobal.partners.models import ForeignOrganisation
from goglobal.reference.models import Country, Province

pytestmark = pytest.mark.django_db

MODELS = [Agency, Enterprise, Product, MarketPresence, Declaration, ContactConsent, Mission, ForeignOrganisation]  # fmt: skip


def _counts() -> dict[str, int]:
    counts = {model.__name__: model.objects.count() for model in MODELS}
    counts["history"] = Enterprise.history.count() + Mission.history.count()
    return counts


def test_loadreference_is_idempotent():
    call_command("loadreference", stdout=StringIO())
    before = (Country.objects.count(), Province.objects.count())
    call_command("loadreference", stdout=StringIO())
    assert (Country.objects.count(), Province.objects.count()) == before == (249, 34)


def test_load_seed_twice_changes_nothing():
    load_seed()
    counts = _counts()
    tally = load_seed()
    assert _counts() == counts
    assert tally.created == {} and tally.updated == {}


def test_seed_holds_the_organisations_of_the_reports():
    out = StringIO()
    call_command("loadseed", stdout=out)
    assert "Seed data: created" in out.getvalue()
    viettel = Enterprise.objects.get(tax_code="0100109106")
    assert viettel.name_en == "Viettel Group"
    assert set(viettel.presences.values_list("country_id", flat=True)) == {
        "LA", "KH", "MM", "TL", "PE", "HT", "TZ", "BI", "MZ", "CM",
    }  # fmt: skip
    assert Enterprise.objects.get(tax_code="0101248141").name_en == "FPT Corporation"
    assert all(mst.is_valid(code) for code in Enterprise.objects.values_list("tax_code", flat=True))
    assert Enterprise.objects.count() == 6
    assert Product.objects.filter(make_in_vietnam=True).exists()
    assert Agency.objects.filter(in_advisory_group=True).count() == 12
    china = Mission.objects.get(host_country_id="CN")
    assert set(china.jurisdiction.values_list("code", flat=True)) == {"CN", "FM"}
    geneva = Mission.objects.get(city="Geneva")
    assert geneva.kind == "permanent_mission" and geneva.international_organisation
    assert ForeignOrganisation.objects.filter(country_id="GB", kind="company").count() == 8
    assert ForeignOrganisation.objects.filter(name="TPP – The Phoenix Partnership").exists()
    consent = ContactConsent.objects.filter(purpose="share_with_missions").first()
    assert consent.method == "paper_form" and consent.evidence
