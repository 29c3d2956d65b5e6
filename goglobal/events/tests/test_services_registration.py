import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from goglobal.core.errors import ConflictError
from goglobal.events import services
from goglobal.events.enums import RegistrationStatus as S
from goglobal.events.models import Registration
from goglobal.events.tests.factories import RegistrationFactory, VenueFactory, in_days, person
from goglobal.testing.factories import EnterpriseFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    # The services' messages are asserted in English here; the pages' tests check Vietnamese.
    with translation.override("en"):
        yield


ANON = AnonymousUser()


def _register(venue, n, actor=ANON, **extra):
    return services.registration_create(
        actor=actor, event=venue.event, venue=venue, data=person(n, **extra)
    )


def _statuses(venue):
    return list(
        Registration.objects.filter(venue=venue)
        .order_by("id")
        .values_list("email", "status", "waitlist_position")
    )


def test_registration_confirms_until_full_then_waitlists_in_order():
    venue = VenueFactory(capacity=2)
    for n in range(4):
        _register(venue, n)
    assert _statuses(venue) == [
        ("le0@example.com", S.CONFIRMED, None),
        ("le1@example.com", S.CONFIRMED, None),
        ("le2@example.com", S.WAITLISTED, 1),
        ("le3@example.com", S.WAITLISTED, 2),
    ]


def test_registration_cancel_offers_the_seat_to_the_first_in_line_then_confirm():
    venue = VenueFactory(capacity=1)
    first = _register(venue, 0)
    second = _register(venue, 1)
    third = _register(venue, 2)
    staff = UserFactory()
    now = in_days(0)
    services.registration_cancel(actor=staff, registration=first, now=now)
    second.refresh_from_db()
    third.refresh_from_db()
    assert (second.status, second.offer_expires_at) == (S.OFFERED, now + dt.timedelta(hours=48))
    assert third.status == S.WAITLISTED
    services.registration_confirm(actor=staff, registration=second, now=now)
    second.refresh_from_db()
    assert (second.status, second.offer_expires_at) == (S.CONFIRMED, None)


def test_registration_offer_expiry_passes_the_seat_on():
    venue = VenueFactory(capacity=1)
    first, second, third = (_register(venue, n) for n in range(3))
    staff = UserFactory()
    now = in_days(0)
    services.registration_cancel(actor=staff, registration=first, now=now)
    assert services.offers_expire(now=now + dt.timedelta(hours=47)) == 0
    assert services.offers_expire(now=now + dt.timedelta(hours=49)) == 1
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == S.CANCELLED
    assert third.status == S.OFFERED
    assert (
        Registration.objects.filter(venue=venue, status__in=[S.CONFIRMED, S.OFFERED]).count() == 1
    )


def test_registration_confirm_of_a_lapsed_offer_is_refused_and_passes_it_on():
    venue = VenueFactory(capacity=1)
    first, second, third = (_register(venue, n) for n in range(3))
    staff = UserFactory()
    now = in_days(0)
    services.registration_cancel(actor=staff, registration=first, now=now)
    with pytest.raises(ConflictError, match="expired"):
        services.registration_confirm(
            actor=staff, registration=second, now=now + dt.timedelta(hours=50)
        )
    assert Registration.objects.get(pk=second.pk).status == S.CANCELLED
    assert Registration.objects.get(pk=third.pk).status == S.OFFERED


def test_registration_after_closing_is_refused_and_writes_nothing():
    venue = VenueFactory(event__registration_closes_at=in_days(-1), event__starts_at=in_days(2))
    with pytest.raises(ConflictError, match="closed"):
        _register(venue, 0)
    assert Registration.objects.count() == 0


def test_registration_twice_by_the_same_email_is_refused():
    venue = VenueFactory()
    _register(venue, 0)
    with pytest.raises(ValidationError) as caught:
        services.registration_create(
            actor=ANON, event=venue.event, venue=venue, data=person(0, email="LE0@example.com ")
        )
    assert "email" in caught.value.message_dict
    assert Registration.objects.count() == 1


def test_registration_with_a_malformed_email_is_refused():
    venue = VenueFactory()
    with pytest.raises(ValidationError) as caught:
        _register(venue, 0, email="not-an-address")
    assert list(caught.value.message_dict) == ["email"]
    assert Registration.objects.count() == 0


def test_registration_for_a_full_moderated_event_is_refused():
    venue = VenueFactory(capacity=1, event__moderated=True)
    rep = UserFactory(role="enterprise_rep")
    enterprise = EnterpriseFactory()
    rep.memberships.create(enterprise=enterprise)
    RegistrationFactory(venue=venue, status=S.SELECTED)
    with pytest.raises(ConflictError, match="allocated"):
        _register(venue, 0, actor=rep, enterprise=enterprise.pk)
    assert Registration.objects.count() == 1


def test_moderated_event_refuses_anonymous_and_unrepresented_enterprises():
    venue = VenueFactory(event__moderated=True)
    with pytest.raises(PermissionDenied):
        _register(venue, 0)
    rep = UserFactory(role="enterprise_rep")
    rep.memberships.create(enterprise=EnterpriseFactory())
    stranger = EnterpriseFactory()
    with pytest.raises(ValidationError) as caught:
        _register(venue, 0, actor=rep, enterprise=stranger.pk)
    assert list(caught.value.message_dict) == ["enterprise"]


def test_moderation_score_select_and_reject_with_reason():
    venue = VenueFactory(capacity=1, event__moderated=True)
    staff = UserFactory()
    enterprise_a, enterprise_b = EnterpriseFactory(), EnterpriseFactory()
    a = _register(venue, "a", actor=staff, enterprise=enterprise_a.pk)
    b = _register(venue, "b", actor=staff, enterprise=enterprise_b.pk)
    assert (a.status, b.status) == (S.APPLIED, S.APPLIED)
    services.registration_score(
        actor=staff, registration=a, scores={"export_readiness": 5, "market_fit": 4}
    )
    assert sorted(a.scores.values_list("criterion", "value")) == [
        ("export_readiness", 5),
        ("market_fit", 4),
    ]
    with pytest.raises(ValidationError):
        services.registration_score(actor=staff, registration=a, scores={"product": 9})
    services.registration_select(actor=staff, registration=a)
    with pytest.raises(ConflictError, match="allocated"):
        services.registration_select(actor=staff, registration=b)
    with pytest.raises(ValidationError) as caught:
        services.registration_reject(actor=staff, registration=b, reason="  ")
    assert list(caught.value.message_dict) == ["reason"]
    services.registration_reject(actor=staff, registration=b, reason="Chưa có sản phẩm xuất khẩu")
    b.refresh_from_db()
    assert (b.status, b.reason) == (S.REJECTED, "Chưa có sản phẩm xuất khẩu")


def test_invitation_skips_moderation_but_not_capacity():
    venue = VenueFactory(capacity=1, event__is_public=False)
    staff = UserFactory()
    guest = services.registration_invite(
        actor=staff, event=venue.event, venue=venue, data=person("vip")
    )
    assert guest.status == S.INVITED
    with pytest.raises(ConflictError, match="full"):
        services.registration_invite(actor=staff, event=venue.event, venue=venue, data=person(2))
    with pytest.raises(PermissionDenied):
        _register(venue, 3)


def test_cancel_by_someone_else_is_refused():
    venue = VenueFactory()
    owner = UserFactory(role="partner_rep")
    other = UserFactory(role="partner_rep")
    registration = _register(venue, 0, actor=owner)
    with pytest.raises(PermissionDenied):
        services.registration_cancel(actor=other, registration=registration)
    services.registration_cancel(actor=owner, registration=registration)
    with pytest.raises(ConflictError):
        services.registration_cancel(actor=owner, registration=registration)


def test_every_status_change_is_recorded_with_its_author():
    venue = VenueFactory(capacity=1)
    owner = UserFactory(role="partner_rep")
    registration = _register(venue, 0, actor=owner)
    services.registration_cancel(actor=owner, registration=registration)
    assert list(
        registration.history.order_by("history_id").values_list("status", "history_user")
    ) == [(S.CONFIRMED, owner.pk), (S.CANCELLED, owner.pk)]


def test_offers_expire_task_lapses_an_offer(settings):
    from goglobal.events.tasks import offers_expire_task

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    venue = VenueFactory(capacity=1)
    first, second = _register(venue, 0), _register(venue, 1)
    services.registration_cancel(actor=UserFactory(), registration=first, now=in_days(-5))
    result = offers_expire_task.enqueue()
    assert result.return_value == 1
    assert Registration.objects.get(pk=second.pk).status == S.CANCELLED
