from io import StringIO

import pytest
from django.core.management import call_command

from goglobal.accounts.models import Role, User
from goglobal.desk.models import Opportunity
from goglobal.events.models import Event
from goglobal.search.models import SearchEntry

pytestmark = pytest.mark.django_db

EXPECTED = {
    "admin": (Role.ADMIN, None),
    "officer": (Role.PROGRAMME_OFFICER, None),
    "advisory": (Role.ADVISORY_MEMBER, "Cục Công nghiệp Công nghệ thông tin và Truyền thông"),
    "mission": (Role.MISSION_OFFICER, "Đại sứ quán Việt Nam tại Nhật Bản"),
    "enterprise": (Role.ENTERPRISE_REP, "Công ty Cổ phần FPT"),
    "partner": (Role.PARTNER_REP, "TPP – The Phoenix Partnership"),
}


def _accounts() -> dict:
    found = {}
    for user in User.objects.filter(username__in=EXPECTED).prefetch_related("memberships"):
        targets = [
            str(m.enterprise or m.mission or m.agency or m.foreign_organisation)
            for m in user.memberships.select_related(
                "enterprise", "mission", "agency", "foreign_organisation"
            )
        ]
        found[user.username] = (user.role, targets[0] if targets else None, len(targets))
    return found


def test_demo_no_serve_creates_one_account_per_role_and_can_run_twice():
    out = StringIO()
    call_command("demo", "--no-serve", "--enterprises", "20", stdout=out)
    call_command("demo", "--no-serve", "--enterprises", "20", stdout=out)

    accounts = _accounts()
    assert {name: (role, target) for name, (role, target, _) in accounts.items()} == EXPECTED
    assert all(count <= 1 for _, _, count in accounts.values())
    admin = User.objects.get(username="admin")
    assert admin.is_staff and admin.is_superuser
    assert not User.objects.get(username="officer").is_superuser
    assert all(
        user.check_password("goglobal-demo") for user in User.objects.filter(username__in=EXPECTED)
    )
    assert User.objects.get(username="admin").password.startswith("argon2")
    text = out.getvalue()
    assert "http://127.0.0.1:8000/accounts/login/" in text
    assert "Keeping the 20 synthetic enterprises" in text
    # The seed's and the generator's events and the desk's opportunities are in the search.
    for kind, model in (("event", Event), ("opportunity", Opportunity)):
        indexed = SearchEntry.objects.filter(kind=kind).values_list("object_id", flat=True)
        assert model.objects.exists(), kind
        assert sorted(indexed) == sorted(model.objects.values_list("pk", flat=True)), kind
    assert Event.objects.count() > 6
