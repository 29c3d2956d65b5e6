import pytest

from goglobal.accounts.models import Role
from goglobal.enterprises.enums import EnterpriseStatus, PresenceMode
from goglobal.reference.models import Country, Province, Sector
from goglobal.testing import factories as f
from goglobal.testing.pages import count_queries, text

pytestmark = pytest.mark.django_db


def _rows(response) -> list[str]:
    return [enterprise.name_vi for enterprise in response.context["page_obj"].object_list]


def test_enterprise_list_shows_name_tax_code_province_and_sectors(client):
    f.EnterpriseFactory(
        name_vi="Công ty Cổ phần FPT",
        tax_code="0101248141",
        sectors=[Sector.objects.get(code="ai"), Sector.objects.get(code="fintech")],
    )
    response = client.get("/enterprises/")
    assert response.status_code == 200
    body = text(response)
    assert "Công ty Cổ phần FPT" in body
    assert "0101248141" in body
    assert "Thành phố Hà Nội" in body
    assert "Trí tuệ nhân tạo, Công nghệ tài chính" in body
    assert response.context["page_obj"].paginator.count == 1


def test_enterprise_list_branch_tax_code_is_formatted(client):
    f.EnterpriseFactory(tax_code="0100109106001")
    assert "0100109106-001" in text(client.get("/enterprises/"))


def test_enterprise_list_filters_by_sector_province_country_mode_and_size(client):
    ai = Sector.objects.get(code="ai")
    da_nang = Province.objects.get(codename="da-nang")
    target = f.EnterpriseFactory(
        name_vi="Đích", sectors=[ai], province=da_nang, employee_band="11-50"
    )
    f.PresenceFactory(
        enterprise=target, country=Country.objects.get(code="KR"), mode=PresenceMode.BRANCH
    )
    other = f.EnterpriseFactory(name_vi="Khác", sectors=[ai], employee_band="11-50")
    f.PresenceFactory(enterprise=other, country=Country.objects.get(code="KR"))
    query = f"sector=ai&province={da_nang.code}&country=KR&mode=branch&size=11-50"
    response = client.get(f"/enterprises/?{query}")
    assert _rows(response) == ["Đích"]


def test_enterprise_list_search_folds_diacritics_and_finds_tax_code(client):
    f.EnterpriseFactory(name_vi="Công ty Đà Nẵng Số", tax_code="0100109106")
    f.EnterpriseFactory(name_vi="Công ty Khác")
    assert _rows(client.get("/enterprises/?q=da+nang")) == ["Công ty Đà Nẵng Số"]
    assert _rows(client.get("/enterprises/?q=0100109")) == ["Công ty Đà Nẵng Số"]


def test_enterprise_list_ignores_an_unknown_filter_value(client):
    f.EnterpriseFactory(name_vi="Một")
    response = client.get("/enterprises/?sector=no-such-sector&size=huge")
    assert response.status_code == 200
    assert _rows(response) == ["Một"]


def test_enterprise_list_hides_inactive_from_public_and_status_filter_is_staff_only(client):
    f.EnterpriseFactory(name_vi="Hoạt động")
    f.EnterpriseFactory(name_vi="Giải thể", status=EnterpriseStatus.DISSOLVED)
    response = client.get("/enterprises/?status=dissolved")
    assert _rows(response) == ["Hoạt động"]
    assert "status" not in response.context["form"].fields
    client.force_login(f.user_with_role(Role.PROGRAMME_OFFICER))
    assert _rows(client.get("/enterprises/?status=dissolved")) == ["Giải thể"]


def test_enterprise_list_paginates_fifty_per_page(client):
    f.EnterpriseFactory.create_batch(51)
    first = client.get("/enterprises/")
    assert len(first.context["page_obj"].object_list) == 50
    assert first.context["page_obj"].paginator.count == 51
    assert 'rel="next"' in text(first)
    assert len(client.get("/enterprises/?page=2").context["page_obj"].object_list) == 1


def test_enterprise_list_htmx_request_gets_only_the_results(client):
    f.EnterpriseFactory(name_vi="Một")
    response = client.get("/enterprises/?q=mot", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results")
    body = text(response)
    assert "Một" in body
    assert "<html" not in body
    assert "HX-Request" in response["Vary"]


def test_enterprise_list_escapes_html_in_names(client):
    f.EnterpriseFactory(name_vi="<script>alert(1)</script> Công ty")
    body = text(client.get("/enterprises/"))
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Công ty" in body


def test_enterprise_list_runs_the_same_queries_for_one_and_three(client):
    client.force_login(f.user_with_role(Role.PROGRAMME_OFFICER))
    sectors = [Sector.objects.get(code="ai"), Sector.objects.get(code="iot")]
    f.EnterpriseFactory(sectors=sectors)
    one = count_queries(client, "/enterprises/?country=")
    f.EnterpriseFactory.create_batch(2, sectors=sectors)
    three = count_queries(client, "/enterprises/?country=")
    assert one == three
