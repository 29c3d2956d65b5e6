"""factory_boy factories for tests and benchmarks. Reference rows (countries, provinces,
sectors, currencies) come from the migrations, so factories look them up rather than create."""

from __future__ import annotations

import itertools
from decimal import Decimal

import factory
from django.utils import timezone
from stdnum.vn import mst

from goglobal.accounts.models import Membership, Role, User
from goglobal.advisory.models import Agency, AgencyKind
from goglobal.enterprises.enums import ConsentMethod, ConsentPurpose, PresenceMode
from goglobal.enterprises.models import (
    Contact,
    ContactConsent,
    Declaration,
    Enterprise,
    MarketPresence,
    Product,
)
from goglobal.missions.models import Mission, MissionKind
from goglobal.partners.models import ForeignOrganisation, OrganisationKind
from goglobal.reference.models import Country, Currency, Province

_tax_sequence = itertools.count(1)
PASSWORD = "correct-horse-battery-42"  # noqa: S105 (test accounts only)


def valid_tax_code(n: int | None = None) -> str:
    """A tax code with a correct check digit: 9 digits from n, then the check digit."""
    number = 9_000_000 + (n if n is not None else next(_tax_sequence))
    # About one body in eleven has no valid code (its check "digit" would be 10); then the first
    # digit becomes 1, which shifts the checksum, and the code stays distinct from every other n.
    for prefix in (0, 100_000_000):
        body = f"{prefix + number:09d}"
        check = mst.calc_check_digit(body)
        if len(check) == 1:
            return body + check
    raise AssertionError(f"no valid tax code for {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"Người dùng {n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.vn")
    role = Role.PROGRAMME_OFFICER
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(self, create, extracted, **kwargs):
        if create:
            self.save()


class EnterpriseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enterprise
        skip_postgeneration_save = True

    name_vi = factory.Sequence(lambda n: f"Công ty Cổ phần Công nghệ Số {n}")
    name_en = factory.Sequence(lambda n: f"Digital Technology JSC {n}")
    name_folded = factory.LazyAttribute(
        lambda o: __import__("goglobal.core.text", fromlist=["fold"]).fold(o.name_vi)
    )
    tax_code = factory.LazyFunction(valid_tax_code)
    province = factory.LazyFunction(lambda: Province.objects.get(codename="ha-noi"))
    founded_year = 2015
    employee_band = "51-200"

    @factory.post_generation
    def sectors(self, create, extracted, **kwargs):
        if create and extracted:
            self.sectors.set(extracted)


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product

    enterprise = factory.SubFactory(EnterpriseFactory)
    name_vi = factory.Sequence(lambda n: f"Nền tảng số {n}")
    name_en = factory.Sequence(lambda n: f"Digital platform {n}")


class PresenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MarketPresence

    enterprise = factory.SubFactory(EnterpriseFactory)
    country = factory.LazyFunction(lambda: Country.objects.get(code="JP"))
    mode = PresenceMode.PROJECT_EXPORTS
    staff_abroad = 5


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    enterprise = factory.SubFactory(EnterpriseFactory)
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn {n}")
    position = "Giám đốc kinh doanh quốc tế"
    email = factory.Sequence(lambda n: f"contact{n}@example.vn")


class ConsentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactConsent

    contact = factory.SubFactory(ContactFactory)
    purpose = ConsentPurpose.SHARE_WITH_MISSIONS
    method = ConsentMethod.WEB_FORM
    evidence = "Đồng ý trên biểu mẫu đăng ký"
    given_at = factory.LazyFunction(timezone.now)
    recorded_by = factory.SubFactory(UserFactory)


class DeclarationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Declaration

    enterprise = factory.SubFactory(EnterpriseFactory)
    year = 2024
    currency = factory.LazyFunction(lambda: Currency.objects.get(code="USD"))
    exchange_rate = Decimal("1")
    total_revenue = Decimal("1000000")
    overseas_revenue = Decimal("250000")
    staff_abroad = 3


class MissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mission
        skip_postgeneration_save = True

    name_vi = factory.Sequence(lambda n: f"Đại sứ quán Việt Nam số {n}")
    name_en = factory.Sequence(lambda n: f"Embassy of Viet Nam no. {n}")
    kind = MissionKind.EMBASSY
    host_country = factory.LazyFunction(lambda: Country.objects.get(code="JP"))
    city = "Tokyo"

    @factory.post_generation
    def jurisdiction(self, create, extracted, **kwargs):
        if create:
            self.jurisdiction.set(extracted or [self.host_country])


class ForeignOrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ForeignOrganisation

    name = factory.Sequence(lambda n: f"Partner Company {n} Ltd")
    kind = OrganisationKind.COMPANY
    country = factory.LazyFunction(lambda: Country.objects.get(code="GB"))


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    name_vi = factory.Sequence(lambda n: f"Cục Công nghiệp số {n}")
    name_en = factory.Sequence(lambda n: f"Industry Authority {n}")
    kind = AgencyKind.MINISTRY_DEPARTMENT


def user_with_role(role: Role, **membership) -> User:
    """A user of the role, tied by a membership to the organisation given (enterprise=…,
    mission=…, agency=… or foreign_organisation=…)."""
    user = UserFactory(role=role, is_staff=role == Role.ADMIN, is_superuser=role == Role.ADMIN)
    if membership:
        Membership.objects.create(user=user, **membership)
    return user
