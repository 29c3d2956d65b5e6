"""The API's error bodies speak the caller's language: Vietnamese by default, English when the
client asks for it — field messages from schema validation included."""

import pytest

from goglobal.testing.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db


def _errors(response) -> dict[str, str]:
    return {item["field"]: item["message"] for item in response.json()["errors"]}


def test_schema_errors_are_vietnamese_by_default(client, officer):
    client.force_login(officer)
    enterprise = EnterpriseFactory()
    response = client.patch(
        f"/api/v1/enterprises/{enterprise.pk}",
        {"name_vi": "x" * 256, "founded_year": "năm ngoái", "status": "deleted", "colour": "red"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["detail"] == "Yêu cầu có trường dữ liệu không hợp lệ."
    errors = _errors(response)
    assert errors["name_vi"] == "Nhập tối đa 255 ký tự."
    assert errors["founded_year"] == "Nhập một số nguyên."
    assert errors["status"].startswith("Chọn một trong các giá trị: active, ")
    assert " or " not in errors["status"]
    assert errors["colour"] == "Trường này không thuộc yêu cầu."


def test_schema_errors_follow_accept_language(client, officer):
    client.force_login(officer)
    response = client.get("/api/v1/enterprises?page=abc", headers={"accept-language": "en"})
    assert response.status_code == 422
    assert _errors(response) == {"page": "Enter a whole number."}


def test_malformed_json_and_anonymous_writes_answer_in_vietnamese(client, officer):
    response = client.post("/api/v1/enterprises", "{}", content_type="application/json")
    assert response.status_code == 401
    assert response.json()["detail"] == "Hãy đăng nhập hoặc gửi mã truy cập."
    client.force_login(officer)
    response = client.post("/api/v1/enterprises", "{bad", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["detail"] == "Nội dung yêu cầu không phải JSON hợp lệ."
