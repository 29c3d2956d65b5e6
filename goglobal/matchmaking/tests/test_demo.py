"""The demo's matchmaking: each UK company's top five Vietnamese suggestions share its sector
and carry their reasons; the visit's meetings are scheduled and valid."""

import pytest

from goglobal.accounts.models import User
from goglobal.core.generate import generate
from goglobal.core.seed import load_seed
from goglobal.core.seed.accounts import demo_accounts_ensure
from goglobal.events.seed import load_seed_events
from goglobal.matchmaking import scheduling, selectors, services
from goglobal.matchmaking.demo import UK, UK_VISIT, load_demo_matchmaking
from goglobal.matchmaking.models import MatchProfile, Meeting, ScheduleRun

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_hashers", "english")]


def test_each_uk_companys_top_five_vietnamese_suggestions_share_its_sector_with_reasons():
    load_seed()
    load_seed_events()
    generate(enterprises=1000, seed=2026)
    demo_accounts_ensure()
    assert load_demo_matchmaking() > len(UK)
    officer = User.objects.get(username="officer")
    uk = MatchProfile.objects.filter(foreign_organisation__country_id="GB")
    assert uk.count() == len(UK)
    for profile in uk.prefetch_related("sectors"):
        mine = {s.name for s in profile.sectors.all()}
        top = selectors.recommendations_for(officer, profile, limit=5)
        assert len(top) == 5, profile.name
        for suggestion in top:
            candidate = MatchProfile.objects.get(pk=suggestion.profile_id)
            assert candidate.enterprise_id is not None
            assert set(suggestion.shared_sectors) & mine, (profile.name, suggestion.name)
            assert any(r.startswith("Shared sector") for r in suggestion.reasons)
            assert len(suggestion.reasons) >= 3, suggestion.reasons
    run = ScheduleRun.objects.get(event__title_vi=UK_VISIT)
    assert run.status == "done" and run.meetings == Meeting.objects.count() > 0
    built = services.build_instance(run.event)
    placed = {
        m.request_id: scheduling.Placement(built.slots.index(m.slot), m.table, m.room)
        for m in Meeting.objects.all()
    }
    assert scheduling.validate(built.instance, scheduling.Schedule(placed, "demo")) == []
    assert load_demo_matchmaking() == 0
