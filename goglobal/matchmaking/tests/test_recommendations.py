"""Suggestions: scored with their reasons, across Vietnamese and English, dismissals kept."""

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from goglobal.accounts.models import Role
from goglobal.matchmaking import recommend, selectors, services
from goglobal.matchmaking.enums import Direction, InterestKind, RequestStatus
from goglobal.matchmaking.models import MeetingRequest, ProfileItem
from goglobal.matchmaking.tests.factories import (
    enterprise_profile,
    foreign_profile,
    join,
    meeting_event,
    rep_of,
)
from goglobal.testing.factories import user_with_role

pytestmark = pytest.mark.django_db


def test_concepts_fold_diacritics_and_match_across_languages():
    assert recommend.concepts("Giải pháp TRÍ TUỆ NHÂN TẠO và an ninh mạng") == {"ai", "security"}
    assert recommend.concepts("Artificial intelligence for cyber security") == {"ai", "security"}
    assert "sector:healthtech" in recommend.concepts("công nghệ y tế")
    assert "sector:healthtech" in recommend.concepts("cong nghe y te")


def test_suggestions_rank_by_score_with_every_reason_shown():
    uk = foreign_profile("healthtech", summary="Electronic health records for hospitals.")
    ProfileItem.objects.create(
        profile=uk, direction=Direction.NEED, kind=InterestKind.PARTNERSHIP, text="A partner"
    )
    best = enterprise_profile("healthtech", summary="Phần mềm quản lý bệnh viện")
    ProfileItem.objects.create(
        profile=best, direction=Direction.OFFER, kind=InterestKind.PARTNERSHIP, text="Triển khai"
    )
    second = enterprise_profile("healthtech", "ai")
    enterprise_profile("fintech")  # nothing in common: not a suggestion
    foreign_profile("healthtech")  # the same side: not a suggestion
    officer = user_with_role(Role.PROGRAMME_OFFICER)
    with translation.override("en"):
        found = selectors.recommendations_for(officer, uk)
    assert [s.profile_id for s in found] == [best.pk, second.pk]
    assert found[0].reasons == [
        "Shared sector: Healthtech",
        "Their offer (Partnership) answers your need",
        "Similar descriptions: health",
    ]
    assert found[1].reasons == ["Shared sector: Healthtech"]


def test_earlier_contact_counts_and_a_dismissal_is_remembered():
    event = meeting_event()
    uk, vn = foreign_profile("ai"), enterprise_profile("ai")
    other = enterprise_profile("ai")
    MeetingRequest.objects.create(
        event=event,
        sender=join(event, uk),
        receiver=join(event, vn),
        status=RequestStatus.ACCEPTED,
        expires_at=event.starts_at,
    )
    rep = rep_of(uk)
    with translation.override("en"):
        found = selectors.recommendations_for(rep, uk)
    assert found[0].profile_id == vn.pk
    assert "You met at an earlier event" in found[0].reasons
    services.dismissal_create(actor=rep, profile=uk, dismissed=vn)
    services.dismissal_create(actor=rep, profile=uk, dismissed=vn)
    assert [s.profile_id for s in selectors.recommendations_for(rep, uk)] == [other.pk]
    stranger = rep_of(foreign_profile())
    with pytest.raises(PermissionDenied):
        services.dismissal_create(actor=stranger, profile=uk, dismissed=other)


def test_unpublished_profiles_are_suggested_to_nobody_but_staff_see_them_listed():
    uk = foreign_profile("ai")
    hidden = enterprise_profile("ai", is_published=False)
    rep = rep_of(uk)
    assert selectors.recommendations_for(rep, uk) == []
    assert hidden in selectors.profile_list_for_user(user_with_role(Role.PROGRAMME_OFFICER))
    assert hidden not in selectors.profile_list_for_user(rep)
    assert hidden in selectors.profile_list_for_user(rep_of(hidden))
