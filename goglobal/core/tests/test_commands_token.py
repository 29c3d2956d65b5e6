from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from goglobal.accounts.models import ApiToken, Role
from goglobal.testing import factories as f

pytestmark = pytest.mark.django_db


def test_token_create_prints_a_token_that_authenticates(client):
    officer = f.user_with_role(Role.PROGRAMME_OFFICER)
    contact = f.ContactFactory()
    out = StringIO()

    call_command("token", "create", officer.username, "--name", "ci", stdout=out)

    raw = out.getvalue().strip()
    assert raw.startswith("ggv_")
    assert ApiToken.objects.get(user=officer).name == "ci"
    response = client.get("/api/v1/contacts", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [contact.pk]
    refused = client.get("/api/v1/contacts", HTTP_AUTHORIZATION="Bearer ggv_wrong")
    assert refused.status_code == 401


def test_token_create_for_an_unknown_user_fails():
    with pytest.raises(CommandError, match="No user called 'nobody'"):
        call_command("token", "create", "nobody", stdout=StringIO())
    assert not ApiToken.objects.exists()


def test_token_list_shows_hints_not_values():
    officer = f.user_with_role(Role.PROGRAMME_OFFICER)
    created = StringIO()
    call_command("token", "create", officer.username, stdout=created)
    out = StringIO()
    call_command("token", "list", officer.username, stdout=out)
    raw = created.getvalue().strip()
    assert raw[:8] in out.getvalue() and raw not in out.getvalue()
    assert "active" in out.getvalue()
