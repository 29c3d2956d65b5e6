import pytest

from goglobal.accounts.models import Role
from goglobal.enterprises.models import Enterprise
from goglobal.testing import factories as f

pytestmark = pytest.mark.django_db


def test_enterprise_create_by_officer_records_history(client, officer):
    client.force_login(officer)
    response = client.post(
        "/api/v1/enterprises",
        {
            "name_vi": "Tập đoàn Công nghiệp - Viễn thông Quân đội",
            "name_en": "Viettel Group",
            "tax_code": "0100109106",
            "province": 1,
            "sectors": ["telecoms-5g"],
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["tax_code"] == "0100109106"
    assert [s["code"] for s in body["sectors"]] == ["telecoms-5g"]
    enterprise = Enterprise.objects.get(pk=body["id"])
    assert enterprise.name_folded == "tap doan cong nghiep - vien thong quan doi"
    record = enterprise.history.get()
    assert record.history_user == officer
    assert record.history_type == "+"


def test_enterprise_create_refuses_wrong_check_digit(client, officer):
    client.force_login(officer)
    response = client.post(
        "/api/v1/enterprises",
        {"name_vi": "Công ty A", "tax_code": "0100109107", "province": 1},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "tax_code"
    assert not Enterprise.objects.exists()


def test_enterprise_rep_cannot_create(client):
    rep = f.user_with_role(Role.ENTERPRISE_REP, enterprise=f.EnterpriseFactory())
    client.force_login(rep)
    response = client.post(
        "/api/v1/enterprises",
        {"name_vi": "Công ty A", "tax_code": "0100109106", "province": 1},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert Enterprise.objects.count() == 1


def test_rep_cannot_change_own_tax_code_but_may_resend_it(client):
    enterprise = f.EnterpriseFactory(tax_code="0100109106")
    client.force_login(f.user_with_role(Role.ENTERPRISE_REP, enterprise=enterprise))
    url = f"/api/v1/enterprises/{enterprise.pk}"
    response = client.patch(url, {"tax_code": "0101248141"}, content_type="application/json")
    assert response.status_code == 403
    enterprise.refresh_from_db()
    assert enterprise.tax_code == "0100109106"
    assert enterprise.history.count() == 1
    same = client.patch(
        url, {"tax_code": "0100109106", "name_en": "Viettel"}, content_type="application/json"
    )
    assert same.status_code == 200, same.json()
    assert same.json()["name_en"] == "Viettel"


def test_officer_corrects_a_tax_code_and_duplicates_are_refused_by_name(client, officer):
    enterprise = f.EnterpriseFactory(tax_code="0100109106")
    f.EnterpriseFactory(tax_code="0101248141")
    client.force_login(officer)
    url = f"/api/v1/enterprises/{enterprise.pk}"
    taken = client.patch(url, {"tax_code": "0101248141"}, content_type="application/json")
    assert taken.status_code == 422
    assert taken.json()["errors"] == [
        {"field": "tax_code", "message": "Một doanh nghiệp với mã số thuế này đã được đăng ký."}
    ]
    fixed = client.patch(url, {"tax_code": "0104128565"}, content_type="application/json")
    assert fixed.status_code == 200, fixed.json()
    enterprise.refresh_from_db()
    assert enterprise.tax_code == "0104128565"
