import hashlib
import json

import pytest
from django.core.management import call_command
from stdnum.vn import mst

from goglobal.core.generate import generate
from goglobal.core.models import SyntheticDataset
from goglobal.core.seed import load_seed
from goglobal.core.seed.enterprises import ENTERPRISES
from goglobal.enterprises.models import (
    Contact,
    ContactConsent,
    Declaration,
    DeclarationCountry,
    Enterprise,
    MarketPresence,
    Product,
)
from goglobal.partners.models import ForeignOrganisation

pytestmark = pytest.mark.django_db


def _digest() -> str:
    """A digest of every generated row by its content (ids and timestamps left out: they depend
    on what the database held before)."""
    rows = [
        sorted(
            Enterprise.objects.values_list(
                "tax_code",
                "name_vi",
                "name_en",
                "trading_names",
                "province_id",
                "founded_year",
                "employee_band",
                "vn_ownership_pct",
                "website",
                "description_vi",
                "status",
            )
        ),
        sorted(
            Enterprise.sectors.through.objects.values_list("enterprise__tax_code", "sector__code")
        ),
        sorted(
            Product.objects.values_list(
                "enterprise__tax_code", "name_vi", "name_en", "make_in_vietnam"
            )
        ),
        sorted(
            Product.target_markets.through.objects.values_list("product__name_vi", "country_id")
        ),
        sorted(
            MarketPresence.objects.values_list(
                "enterprise__tax_code", "country_id", "mode", "since", "staff_abroad", "city"
            )
        ),
        sorted(
            Declaration.objects.values_list(
                "enterprise__tax_code",
                "year",
                "currency_id",
                "exchange_rate",
                "total_revenue",
                "overseas_revenue",
                "status",
                "submitted_at",
            )
        ),
        sorted(
            DeclarationCountry.objects.values_list(
                "declaration__enterprise__tax_code", "declaration__year", "country_id", "revenue"
            )
        ),
        sorted(Contact.objects.values_list("full_name", "email", "phone", "position")),
        sorted(
            ContactConsent.objects.values_list("contact__email", "purpose", "method", "evidence")
        ),
        sorted(ForeignOrganisation.objects.values_list("name", "kind", "country_id", "city")),
    ]
    return hashlib.sha256(json.dumps(rows, default=str).encode()).hexdigest()


def test_generate_is_deterministic_and_replaces_the_previous_run():
    first = generate(enterprises=80, seed=7)
    digest = _digest()
    counts = dict(first.counts)

    second = generate(enterprises=80, seed=7)

    assert _digest() == digest
    assert second.counts == counts
    assert second.cleared["enterprises"] == 80
    assert Enterprise.objects.count() == 80
    assert SyntheticDataset.objects.count() == 1


def test_generate_with_another_seed_gives_other_data():
    generate(enterprises=40, seed=1)
    digest = _digest()
    generate(enterprises=40, seed=2)
    assert _digest() != digest


def test_generate_tax_codes_are_valid_unique_and_avoid_the_seed():
    load_seed()
    generate(enterprises=600, seed=3)
    codes = list(Enterprise.objects.values_list("tax_code", flat=True))
    assert len(codes) == len(set(codes)) == 600 + len(ENTERPRISES)
    assert all(mst.is_valid(code) for code in codes)
    branches = [code for code in codes if len(code) == 13]
    assert branches, "a few branches have 13-digit codes"
    assert all(code[:10] in codes for code in branches)


def test_generate_shares_are_plausible():
    generate(enterprises=1500, seed=11)
    total = Enterprise.objects.count()
    abroad = MarketPresence.objects.values("enterprise_id").distinct().count()
    assert 0.02 * total <= abroad <= 0.12 * total
    big_cities = Enterprise.objects.filter(province_id__in=[1, 79, 48]).count()
    assert big_cities >= 0.7 * total
    small = Enterprise.objects.filter(employee_band__in=["1-10", "11-50"]).count()
    assert small >= 0.65 * total
    assert Enterprise.objects.filter(status="active").count() >= 0.8 * total
    assert Enterprise.objects.filter(vn_ownership_pct=100).count() >= 0.75 * total
    top = MarketPresence.objects.values_list("country_id", flat=True).order_by().distinct()
    assert {"JP", "US"} <= set(top)
    family_names = {
        c.full_name.split()[0] for c in Contact.objects.filter(enterprise__isnull=False)
    }
    assert "Nguyễn" in family_names  # family name first
    for declaration in Declaration.objects.prefetch_related("countries"):
        assert declaration.overseas_revenue <= declaration.total_revenue
        assert sum(c.revenue for c in declaration.countries.all()) <= declaration.overseas_revenue
    assert ForeignOrganisation.objects.count() >= 30


def test_generate_command_prints_what_it_made():
    from io import StringIO

    out = StringIO()
    call_command("generate", "--enterprises", "25", "--seed", "5", stdout=out)
    assert "Generated (seed 5)" in out.getvalue()
    assert "25 enterprises" in out.getvalue()
    assert Enterprise.objects.count() == 25
