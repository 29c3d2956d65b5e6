from decimal import Decimal

import pytest
from django.utils import timezone

from goglobal.accounts.models import Role
from goglobal.enterprises.enums import DeclarationStatus
from goglobal.enterprises.models import Declaration, DeclarationCountry
from goglobal.reference.models import Country
from goglobal.testing import factories as f
from goglobal.testing.pages import count_queries, login_redirect, text

pytestmark = pytest.mark.django_db

LAST_YEAR = timezone.localdate().year - 1


@pytest.fixture
def enterprise():
    return f.EnterpriseFactory()


@pytest.fixture
def rep(enterprise):
    return f.user_with_role(Role.ENTERPRISE_REP, enterprise=enterprise)


def _form(**overrides) -> dict:
    data = {
        "year": str(LAST_YEAR),
        "currency": "USD",
        "exchange_rate": "1",
        "total_revenue": "1000000",
        "overseas_revenue": "400000",
        "staff_abroad": "7",
        "country_0": "JP",
        "revenue_0": "300000",
        "country_1": "SG",
        "revenue_1": "100000",
    }
    data.update(overrides)
    return data


def test_declaration_create_by_rep_saves_a_draft_with_countries(client, enterprise, rep):
    client.force_login(rep)
    response = client.post(f"/enterprises/{enterprise.pk}/declarations/new/", _form())
    declaration = Declaration.objects.get()
    assert response["Location"] == f"/enterprises/{enterprise.pk}/declarations/{declaration.pk}/"
    assert (declaration.year, declaration.status, declaration.overseas_revenue) == (
        LAST_YEAR,
        DeclarationStatus.DRAFT,
        Decimal("400000"),
    )
    assert sorted(declaration.countries.values_list("country_id", "revenue")) == [
        ("JP", Decimal("300000")),
        ("SG", Decimal("100000")),
    ]


def test_declaration_create_reads_vietnamese_number_format(client, enterprise, rep):
    client.force_login(rep)
    client.post(
        f"/enterprises/{enterprise.pk}/declarations/new/",
        _form(
            currency="VND",
            exchange_rate="25.400",
            total_revenue="2.500.000.000,50",
            overseas_revenue="0",
            country_0="",
            revenue_0="",
            country_1="",
            revenue_1="",
        ),
    )
    declaration = Declaration.objects.get()
    assert declaration.exchange_rate == Decimal("25400")
    assert declaration.total_revenue == Decimal("2500000000.50")


def test_declaration_create_refuses_negative_revenue(client, enterprise, rep):
    client.force_login(rep)
    response = client.post(
        f"/enterprises/{enterprise.pk}/declarations/new/", _form(total_revenue="-5")
    )
    assert response.status_code == 200
    assert response.context["form"].errors["total_revenue"] == ["Số tiền không được âm."]
    assert not Declaration.objects.exists()


def test_declaration_create_refuses_overseas_above_total(client, enterprise, rep):
    client.force_login(rep)
    response = client.post(
        f"/enterprises/{enterprise.pk}/declarations/new/",
        _form(total_revenue="100", overseas_revenue="200", revenue_0="50", revenue_1="50"),
    )
    assert response.context["form"].errors["overseas_revenue"] == [
        "Doanh thu ở nước ngoài không được lớn hơn tổng doanh thu."
    ]
    assert "Doanh thu ở nước ngoài không được lớn hơn tổng doanh thu." in text(response)
    assert not Declaration.objects.exists()


def test_declaration_create_refuses_countries_above_overseas(client, enterprise, rep):
    client.force_login(rep)
    response = client.post(
        f"/enterprises/{enterprise.pk}/declarations/new/", _form(revenue_0="999999")
    )
    assert response.context["form"].non_field_errors() == [
        "Tổng doanh thu theo quốc gia lớn hơn doanh thu ở nước ngoài."
    ]
    assert not Declaration.objects.exists()


def test_declaration_create_for_another_enterprise_is_refused(client, rep):
    other = f.EnterpriseFactory()
    client.force_login(rep)
    assert client.post(f"/enterprises/{other.pk}/declarations/new/", _form()).status_code == 403
    assert not Declaration.objects.exists()


def test_declaration_submit_then_staff_returns_then_rep_edits_and_staff_accepts(
    client, enterprise, rep, officer
):
    declaration = f.DeclarationFactory(enterprise=enterprise, year=LAST_YEAR)
    base = f"/enterprises/{enterprise.pk}/declarations/{declaration.pk}"
    client.force_login(rep)
    client.post(f"{base}/submit/")
    declaration.refresh_from_db()
    assert declaration.status == DeclarationStatus.SUBMITTED
    assert client.get(f"{base}/edit/").status_code == 403
    assert client.post(f"{base}/accept/").status_code == 403

    client.force_login(officer)
    response = client.post(f"{base}/return/", {"reason": ""})
    assert response.context["return_form"].errors["reason"] == ["Trường này là bắt buộc."]
    client.post(f"{base}/return/", {"reason": "Thiếu doanh thu theo quốc gia"})
    declaration.refresh_from_db()
    assert (declaration.status, declaration.return_reason) == (
        DeclarationStatus.RETURNED,
        "Thiếu doanh thu theo quốc gia",
    )

    client.force_login(rep)
    assert "Thiếu doanh thu theo quốc gia" in text(client.get(f"{base}/"))
    client.post(f"{base}/edit/", _form())
    client.post(f"{base}/submit/")
    client.force_login(officer)
    client.post(f"{base}/accept/")
    declaration.refresh_from_db()
    assert (declaration.status, declaration.reviewed_by) == (DeclarationStatus.ACCEPTED, officer)
    assert DeclarationCountry.objects.filter(declaration=declaration).count() == 2


def test_declaration_accept_twice_shows_a_conflict_message(client, enterprise, officer):
    declaration = f.DeclarationFactory(
        enterprise=enterprise, status=DeclarationStatus.ACCEPTED, year=LAST_YEAR
    )
    client.force_login(officer)
    response = client.post(
        f"/enterprises/{enterprise.pk}/declarations/{declaration.pk}/accept/", follow=True
    )
    assert [str(m) for m in response.context["messages"]] == [
        "Không thể chấp nhận tờ khai này: tờ khai đang ở trạng thái đã chấp nhận."
    ]


def test_declaration_detail_is_not_found_for_mission_officer(client, enterprise):
    declaration = f.DeclarationFactory(enterprise=enterprise)
    client.force_login(f.user_with_role(Role.MISSION_OFFICER, mission=f.MissionFactory()))
    url = f"/enterprises/{enterprise.pk}/declarations/{declaration.pk}/"
    assert client.get(url).status_code == 404
    assert client.get("/enterprises/declarations/").status_code == 403


def test_declaration_list_shows_staff_every_declaration_and_rep_only_theirs(
    client, enterprise, rep, officer
):
    f.DeclarationFactory(enterprise=enterprise, status=DeclarationStatus.SUBMITTED)
    f.DeclarationFactory(status=DeclarationStatus.SUBMITTED)
    client.force_login(officer)
    assert (
        client.get("/enterprises/declarations/?status=submitted")
        .context["page_obj"]
        .paginator.count
        == 2
    )
    client.force_login(rep)
    page = client.get("/enterprises/declarations/").context["page_obj"]
    assert [d.enterprise_id for d in page.object_list] == [enterprise.pk]


def test_declaration_list_sends_anonymous_to_sign_in(client):
    response = client.get("/enterprises/declarations/")
    assert response["Location"] == login_redirect("/enterprises/declarations/")


def test_declaration_list_runs_the_same_queries_for_one_and_three(client, officer):
    client.force_login(officer)
    f.DeclarationFactory()
    one = count_queries(client, "/enterprises/declarations/")
    f.DeclarationFactory.create_batch(2)
    three = count_queries(client, "/enterprises/declarations/")
    assert one == three


def _accepted(country: str, revenue: str, n: int):
    for _ in range(n):
        declaration = f.DeclarationFactory(year=LAST_YEAR, status=DeclarationStatus.ACCEPTED)
        DeclarationCountry.objects.create(
            declaration=declaration, country=Country.objects.get(code=country), revenue=revenue
        )


def test_declaration_aggregate_mission_officer_sees_only_jurisdiction(client, officer):
    _accepted("JP", "100000", 3)
    _accepted("US", "500000", 3)
    client.force_login(f.user_with_role(Role.MISSION_OFFICER, mission=f.MissionFactory()))
    response = client.get(f"/enterprises/declarations/by-country/?year={LAST_YEAR}")
    assert [(r["country"], r["enterprises"]) for r in response.context["rows"]] == [("JP", 3)]
    client.force_login(officer)
    response = client.get(f"/enterprises/declarations/by-country/?year={LAST_YEAR}")
    assert [r["country"] for r in response.context["rows"]] == ["US", "JP"]


def test_declaration_aggregate_is_refused_to_enterprise_reps(client, rep):
    client.force_login(rep)
    assert client.get("/enterprises/declarations/by-country/").status_code == 403
