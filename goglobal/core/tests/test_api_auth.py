"""Authentication of the API: personal access tokens (Bearer) for integrations, the session for
the browser. A token that is sent but not good is refused — never treated as anonymous, which
would make an integration silently see less. Session writes need the CSRF token; token writes do
not (no cookie is involved); an anonymous write is 401 whatever its CSRF state."""

import datetime as dt

import pytest
from django.middleware.csrf import _get_new_csrf_string
from django.test import Client
from django.utils import timezone

from goglobal.accounts.models import ApiToken, Role, hash_token
from goglobal.enterprises.models import Contact, Product
from goglobal.testing import factories as f

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_hashers")]


def _token(user, **fields) -> tuple[str, ApiToken]:
    raw = ApiToken.new_raw()
    token = ApiToken.objects.create(
        user=user, name="CI", token_hash=hash_token(raw), hint=raw[:12], **fields
    )
    return raw, token


def _bearer(raw: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def contact():
    return f.ContactFactory()


def test_token_authenticates_and_writes_without_csrf(contact):
    officer = f.user_with_role(Role.PROGRAMME_OFFICER)
    raw, token = _token(officer)
    client = Client(enforce_csrf_checks=True)
    response = client.get("/api/v1/contacts", **_bearer(raw))
    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [contact.pk]
    response = client.post(
        f"/api/v1/enterprises/{contact.enterprise_id}/products",
        {"name_vi": "Nền tảng"},
        content_type="application/json",
        **_bearer(raw),
    )
    assert response.status_code == 201, response.json()
    product = Product.objects.get(pk=response.json()["id"])
    assert product.history.get().history_user == officer
    token.refresh_from_db()
    assert token.last_used_at is not None


@pytest.mark.parametrize(
    "state",
    [
        {"revoked_at": timezone.now() - dt.timedelta(minutes=1)},
        {"expires_at": timezone.now() - dt.timedelta(seconds=1)},
    ],
    ids=["revoked", "expired"],
)
def test_unusable_token_is_refused_not_anonymous(contact, state):
    raw, _token_row = _token(f.user_with_role(Role.PROGRAMME_OFFICER), **state)
    response = Client().get("/api/v1/enterprises", **_bearer(raw))
    assert response.status_code == 401
    body = response.json()
    assert body["detail"]
    assert body["errors"] == []


@pytest.mark.parametrize("raw", ["ggv_not-a-real-token", "", "x" * 5000])
def test_wrong_token_is_refused_even_on_public_reads(raw):
    response = Client().get("/api/v1/enterprises", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 401
    assert response.json()["detail"]


def test_token_of_deactivated_user_is_refused(contact):
    user = f.user_with_role(Role.PROGRAMME_OFFICER)
    raw, _token_row = _token(user)
    user.is_active = False
    user.save()
    assert Client().get("/api/v1/contacts", **_bearer(raw)).status_code == 401


def test_token_of_another_role_is_scoped_like_its_user(contact):
    rep = f.user_with_role(Role.ENTERPRISE_REP, enterprise=f.EnterpriseFactory())
    raw, _token_row = _token(rep)
    response = Client().get("/api/v1/contacts", **_bearer(raw))
    assert response.json()["count"] == 0
    response = Client().get(f"/api/v1/contacts/{contact.pk}", **_bearer(raw))
    assert response.status_code == 404


def test_session_write_without_csrf_token_is_refused(contact):
    client = Client(enforce_csrf_checks=True)
    client.force_login(f.user_with_role(Role.PROGRAMME_OFFICER))
    records = contact.history.count()
    response = client.patch(
        f"/api/v1/contacts/{contact.pk}", {"position": "CEO"}, content_type="application/json"
    )
    assert response.status_code == 403
    contact.refresh_from_db()
    assert contact.position != "CEO"
    assert contact.history.count() == records


def test_session_write_with_csrf_token_succeeds(contact):
    client = Client(enforce_csrf_checks=True)
    client.force_login(f.user_with_role(Role.PROGRAMME_OFFICER))
    secret = _get_new_csrf_string()
    client.cookies["csrftoken"] = secret
    response = client.patch(
        f"/api/v1/contacts/{contact.pk}",
        {"position": "CEO"},
        content_type="application/json",
        HTTP_X_CSRFTOKEN=secret,
    )
    assert response.status_code == 200, response.json()
    assert Contact.objects.get(pk=contact.pk).position == "CEO"


def test_session_read_needs_no_csrf_token(contact):
    client = Client(enforce_csrf_checks=True)
    client.force_login(f.user_with_role(Role.PROGRAMME_OFFICER))
    assert client.get(f"/api/v1/contacts/{contact.pk}").status_code == 200


def test_anonymous_write_is_401_with_or_without_csrf(contact):
    for client in (Client(enforce_csrf_checks=True), Client()):
        response = client.patch(
            f"/api/v1/contacts/{contact.pk}", {"position": "CEO"}, content_type="application/json"
        )
        assert response.status_code == 401
        assert response.json()["detail"]
    # Even for a record that does not exist, or a body that is not JSON: nothing is revealed.
    response = Client().patch("/api/v1/contacts/999999", "{", content_type="application/json")
    assert response.status_code == 401


def test_openapi_schema_is_built_once_per_language_and_each_caller_gets_a_copy(monkeypatch):
    """django-ninja builds the schema at every request: a second of a core, for anyone."""
    import ninja.main
    from django.utils import translation

    from goglobal.core.api import api

    built = []
    build = ninja.main.get_schema

    def counted(**kwargs):
        built.append(kwargs["path_prefix"])
        return build(**kwargs)

    monkeypatch.setattr(ninja.main, "get_schema", counted)
    monkeypatch.setattr(api, "_openapi_schemas", {})
    first = Client().get("/api/v1/openapi.json").json()
    second = Client().get("/api/v1/openapi.json").json()
    assert first == second and first["paths"] and len(built) == 1
    # The anonymous-read requirement is added once, not once per request.
    assert first["paths"]["/api/v1/enterprises"]["get"]["security"][-1] == {}
    assert first["paths"]["/api/v1/enterprises"]["get"]["security"].count({}) == 1
    # A caller changing its copy changes nobody else's.
    with translation.override("vi"):
        mine = api.get_openapi_schema(path_prefix=built[0])
        assert set(mine["paths"]) == set(first["paths"])
        mine["paths"].clear()
        assert set(api.get_openapi_schema(path_prefix=built[0])["paths"]) == set(first["paths"])
    assert len(built) == 1
    # Another language is built on its own (the schema may hold translated text).
    with translation.override("en"):
        assert set(api.get_openapi_schema(path_prefix=built[0])["paths"]) == set(first["paths"])
    assert len(built) == 2


def test_openapi_documents_both_schemes_and_anonymous_reads():
    schema = Client().get("/api/v1/openapi.json").json()
    assert schema["components"]["securitySchemes"] == {
        "TokenAuth": {"type": "http", "scheme": "bearer"},
        "SessionAuth": {"type": "apiKey", "in": "cookie", "name": "sessionid"},
    }
    enterprises = schema["paths"]["/api/v1/enterprises"]
    assert enterprises["get"]["security"] == [{"TokenAuth": []}, {"SessionAuth": []}, {}]
    assert enterprises["post"]["security"] == [{"TokenAuth": []}, {"SessionAuth": []}]
