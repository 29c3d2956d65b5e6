import pytest

from goglobal.accounts import services
from goglobal.accounts.models import ApiToken, Role, hash_token
from goglobal.testing import factories as f
from goglobal.testing.pages import count_queries, login_redirect, text

pytestmark = pytest.mark.django_db


def test_sign_in_with_right_password_goes_home(client, officer):
    assert client.get("/accounts/login/").status_code == 200
    response = client.post(
        "/accounts/login/", {"username": officer.username, "password": f.PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get("/").context["user"] == officer


def test_sign_in_with_wrong_password_says_so_in_vietnamese(client, officer):
    response = client.post("/accounts/login/", {"username": officer.username, "password": "x"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Vui lòng điền vào Tên đăng nhập và mật khẩu chính xác. "
        "Chú ý rằng cả hai khung thông tin đều phân biệt chữ hoa và chữ thường."
    ]


def test_sign_in_is_locked_after_five_failures(client, officer):
    for _ in range(5):
        client.post("/accounts/login/", {"username": officer.username, "password": "x"})
    response = client.post(
        "/accounts/login/", {"username": officer.username, "password": f.PASSWORD}
    )
    assert response.status_code == 429
    assert "Thử quá nhiều lần" in text(response)


def test_sign_out_needs_post(client, officer):
    client.force_login(officer)
    assert client.get("/accounts/logout/").status_code == 405
    response = client.post("/accounts/logout/")
    assert response["Location"] == "/"
    assert not client.get("/").context["user"].is_authenticated


def test_token_create_stores_only_the_hash_and_shows_raw_once(client, officer):
    client.force_login(officer)
    response = client.post("/accounts/tokens/", {"name": "CRM export"})
    token = ApiToken.objects.get()
    raw = response.context["raw"]
    assert (token.user, token.name, token.hint) == (officer, "CRM export", raw[:12])
    assert token.token_hash == hash_token(raw)
    assert raw in text(response)
    assert raw not in text(client.get("/accounts/tokens/"))
    api = client.get("/api/v1/enterprises", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert api.status_code == 200


def test_token_create_refuses_empty_name(client, officer):
    client.force_login(officer)
    response = client.post("/accounts/tokens/", {"name": "  "})
    assert response.context["form"].errors["name"] == ["Trường này là bắt buộc."]
    assert not ApiToken.objects.exists()


def test_token_revoke_own_and_not_anothers(client, officer):
    mine, _raw = services.token_create(user=officer, name="mine")
    theirs, _raw = services.token_create(user=f.user_with_role(Role.ADMIN), name="theirs")
    client.force_login(officer)
    assert client.post(f"/accounts/tokens/{theirs.pk}/revoke/").status_code == 404
    response = client.post(f"/accounts/tokens/{mine.pk}/revoke/")
    assert response["Location"] == "/accounts/tokens/"
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.revoked_at is not None
    assert theirs.revoked_at is None


def test_token_pages_send_anonymous_to_sign_in(client):
    assert client.get("/accounts/tokens/")["Location"] == login_redirect("/accounts/tokens/")


def test_token_list_runs_the_same_queries_for_one_and_three(client, officer):
    client.force_login(officer)
    services.token_create(user=officer, name="one")
    one = count_queries(client, "/accounts/tokens/")
    services.token_create(user=officer, name="two")
    services.token_create(user=officer, name="three")
    three = count_queries(client, "/accounts/tokens/")
    assert one == three


def test_admin_is_open_to_administrators_only(client, admin_user, officer):
    client.force_login(admin_user)
    assert client.get("/admin/enterprises/enterprise/").status_code == 200
    client.force_login(officer)
    assert client.get("/admin/enterprises/enterprise/").status_code == 302
