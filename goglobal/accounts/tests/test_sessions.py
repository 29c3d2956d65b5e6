"""The session store and the user backend read with plain SQL: the same answers as Django's
own store and backend, and the same refusals."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend
from django.contrib.sessions.backends.db import SessionStore as DjangoSessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from goglobal.accounts.backends import ModelBackend
from goglobal.accounts.sessions import SessionStore
from goglobal.testing import factories as f
from goglobal.testing.pages import login_redirect

pytestmark = pytest.mark.django_db

USER_FIELDS = ("id", "username", "password", "role", "full_name", "email", "is_active",
               "is_staff", "is_superuser", "date_joined", "last_login")  # fmt: skip


def _saved_session(data: dict) -> str:
    store = SessionStore()
    store.update(data)
    store.save()
    return store.session_key


def test_the_settings_use_these_classes():
    assert settings.SESSION_ENGINE == "goglobal.accounts.sessions"
    assert "goglobal.accounts.backends.ModelBackend" in settings.AUTHENTICATION_BACKENDS
    assert "django.contrib.auth.backends.ModelBackend" not in settings.AUTHENTICATION_BACKENDS


def test_a_saved_session_loads_as_django_loads_it():
    key = _saved_session({"n": 1, "text": "Đà Nẵng", "nested": {"ids": [1, 2]}})
    store = SessionStore(key)
    assert store.load() == {"n": 1, "text": "Đà Nẵng", "nested": {"ids": [1, 2]}}
    assert store.load() == DjangoSessionStore(key).load()
    assert store.session_key == key


def test_an_expired_session_is_empty_and_its_key_dropped():
    key = _saved_session({"n": 1})
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    store = SessionStore(key)
    assert store.load() == {}
    assert store.session_key is None


def test_a_session_about_to_expire_still_loads():
    key = _saved_session({"n": 1})
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() + timedelta(seconds=30)
    )
    assert SessionStore(key).load() == {"n": 1}


def test_a_made_up_key_is_never_adopted():
    made_up = "attackerchosenkey1234567890abcde"
    store = SessionStore(made_up)
    assert store.load() == {}
    assert store.session_key is None
    store["n"] = 1
    store.save()
    assert store.session_key not in (None, made_up)
    assert not Session.objects.filter(session_key=made_up).exists()


def test_the_user_is_read_with_every_field_as_the_orm_reads_it():
    user = f.user_with_role("programme_officer")
    user.last_login = timezone.now()
    user.save()
    found = ModelBackend().get_user(user.pk)
    expected = DjangoModelBackend().get_user(user.pk)
    assert found is not None
    assert [getattr(found, name) for name in USER_FIELDS] == [
        getattr(expected, name) for name in USER_FIELDS
    ]
    assert found.last_login.tzinfo is not None
    assert found._state.adding is False


def test_no_user_for_an_unknown_key_or_an_inactive_account():
    user = f.user_with_role("programme_officer")
    assert ModelBackend().get_user(user.pk + 1000) is None
    user.is_active = False
    user.save()
    assert ModelBackend().get_user(user.pk) is None


def test_a_signed_in_browser_is_recognised_until_its_session_ends(client, officer):
    client.force_login(officer)
    assert client.session[SESSION_KEY] == str(officer.pk)
    assert client.get("/accounts/tokens/").status_code == 200
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    assert client.get("/accounts/tokens/")["Location"] == login_redirect("/accounts/tokens/")


def test_a_password_change_ends_the_other_sessions(client, officer):
    client.force_login(officer)
    assert client.get("/accounts/tokens/").status_code == 200
    officer.set_password("a-new-password-for-this-test")
    officer.save()
    assert client.get("/accounts/tokens/")["Location"] == login_redirect("/accounts/tokens/")


def test_a_deactivated_account_is_signed_out(client, officer):
    client.force_login(officer)
    officer.is_active = False
    officer.save()
    assert client.get("/accounts/tokens/")["Location"] == login_redirect("/accounts/tokens/")


def test_signing_in_and_out_through_the_pages(client, officer):
    response = client.post(
        "/accounts/login/", {"username": officer.username, "password": f.PASSWORD}
    )
    assert response.status_code == 302
    assert client.get("/accounts/tokens/").status_code == 200
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    client.post("/accounts/logout/")
    assert not Session.objects.filter(session_key=key).exists()
    assert client.get("/accounts/tokens/")["Location"] == login_redirect("/accounts/tokens/")
