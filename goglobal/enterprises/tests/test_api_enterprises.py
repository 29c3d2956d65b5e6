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
