"""One demo account per role, each tied to a real organisation of the seed data."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from goglobal.accounts.models import Membership, Role, User
from goglobal.advisory.models import Agency
from goglobal.core.seed.agencies import DEMO_AGENCY
from goglobal.core.seed.enterprises import DEMO_ENTERPRISE
from goglobal.core.seed.missions import DEMO_MISSION
from goglobal.core.seed.partners import DEMO_PARTNER
from goglobal.enterprises.models import Enterprise
from goglobal.missions.models import Mission
from goglobal.partners.models import ForeignOrganisation

# Printed in the README and by `goglobal demo`: not a secret, and only for the demo database.
DEMO_PASSWORD = "goglobal-demo"  # noqa: S105


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: Role
    full_name: str


DEMO_ACCOUNTS = [
    DemoAccount("admin", Role.ADMIN, "Quản trị Bộ"),
    DemoAccount("officer", Role.PROGRAMME_OFFICER, "Nguyễn Thị Lan (cán bộ chương trình)"),
    DemoAccount("advisory", Role.ADVISORY_MEMBER, "Trần Văn Minh (Tổ tư vấn)"),
    DemoAccount("mission", Role.MISSION_OFFICER, "Lê Hoàng Nam (Đại sứ quán tại Nhật Bản)"),
    DemoAccount("enterprise", Role.ENTERPRISE_REP, "Phạm Thu Trang (FPT)"),
    DemoAccount("partner", Role.PARTNER_REP, "Emma Walker (TPP)"),
]


def _membership_target(role: Role) -> dict:
    if role == Role.ADVISORY_MEMBER:
        return {"agency": Agency.objects.get(name_vi=DEMO_AGENCY)}
    if role == Role.MISSION_OFFICER:
        return {"mission": Mission.objects.get(name_vi=DEMO_MISSION)}
    if role == Role.ENTERPRISE_REP:
        return {"enterprise": Enterprise.objects.get(tax_code=DEMO_ENTERPRISE)}
    if role == Role.PARTNER_REP:
        return {"foreign_organisation": ForeignOrganisation.objects.get(name=DEMO_PARTNER)}
    return {}


def describe_target(user: User) -> str:
    membership = user.memberships.select_related(
        "enterprise", "mission", "agency", "foreign_organisation"
    ).first()
    if membership is None:
        return "—"
    target = (
        membership.enterprise
        or membership.mission
        or membership.agency
        or membership.foreign_organisation
    )
    return getattr(target, "name_en", "") or str(target)


@transaction.atomic
def demo_accounts_ensure() -> list[User]:
    """Creates or repairs the demo accounts (needs the seed data). Idempotent: a password is set
    only when it differs, so signed-in sessions survive a second `goglobal demo`."""
    users = []
    for account in DEMO_ACCOUNTS:
        user, _ = User.objects.get_or_create(username=account.username)
        is_admin = account.role == Role.ADMIN
        user.role = account.role
        user.full_name = account.full_name
        user.email = f"{account.username}@goglobal.example"
        user.is_active = True
        user.is_staff = is_admin
        user.is_superuser = is_admin
        if not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
        user.save()
        target = _membership_target(account.role)
        # Exactly one membership, the one the role needs (none for ministry staff).
        if target:
            user.memberships.exclude(**target).delete()
            Membership.objects.get_or_create(user=user, **target)
        else:
            user.memberships.all().delete()
        users.append(user)
    return users
