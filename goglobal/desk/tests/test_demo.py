"""The demo's agreements, notes, opportunities and orders load once through the services."""

from io import StringIO

from django.core.management import call_command

from goglobal.accounts.models import Membership
from goglobal.agreements.models import Agreement, AgreementTransition
from goglobal.cases.models import Notification
from goglobal.core.seed import load_seed
from goglobal.core.seed.accounts import demo_accounts_ensure
from goglobal.desk.demo import load_demo_desk
from goglobal.desk.models import ContentOrder, MarketNote, Opportunity, OpportunityMatch


def test_demo_desk_loads_agreements_with_lineage_and_the_missions_work(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("loadreference", stdout=StringIO())
    load_seed()
    demo_accounts_ensure()
    assert load_demo_desk() == 5
    assert Agreement.objects.count() == 7
    upgraded = Agreement.objects.filter(upgraded_from__isnull=False)
    assert {(a.partner_country_id, a.upgraded_from.kind, a.kind) for a in upgraded} == {
        ("JP", "mou", "ministry_digital"),
        ("KR", "mou", "ministry_digital"),
    }
    assert Agreement.objects.get(partner_country="KR", kind="ministry_digital").status == "in_force"
    assert AgreementTransition.objects.filter(actor__username="admin").count() == 14
    assert MarketNote.objects.count() == 3
    assert Opportunity.objects.count() == 4
    orders = {o.title: o for o in ContentOrder.objects.all()}
    assert sorted(o.status for o in orders.values()) == ["delivered", "in_production", "requested"]
    assert [o.title for o in orders.values() if o.is_overdue] == [
        "Tờ gấp Make in Viet Nam bằng tiếng Nhật"
    ]
    expected = sum(
        Membership.objects.filter(
            user__role="enterprise_rep", enterprise_id__in=o.matches.values("enterprise_id")
        ).count()
        for o in Opportunity.objects.all()
    )
    assert OpportunityMatch.objects.exists()
    assert Notification.objects.filter(case__isnull=True).count() == expected
    assert load_demo_desk() == 0  # once
    assert Agreement.objects.count() == 7
