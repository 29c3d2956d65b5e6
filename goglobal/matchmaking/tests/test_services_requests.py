"""Meeting requests: sent, refused with the reason, answered, booked live."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from goglobal.accounts.models import Role
from goglobal.core.errors import ConflictError
from goglobal.events.tests.factories import VenueFactory
from goglobal.matchmaking import services
from goglobal.matchmaking.enums import RequestStatus
from goglobal.matchmaking.models import Meeting, MeetingRequest
from goglobal.matchmaking.tests.factories import (
    enterprise_profile,
    foreign_profile,
    join,
    meeting_event,
    rep_of,
)
from goglobal.reference.models import Country
from goglobal.testing.factories import user_with_role

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def pair():
    event = meeting_event()
    vn, uk = enterprise_profile("ai"), foreign_profile("ai")
    return event, join(event, vn), join(event, uk), rep_of(vn), rep_of(uk)


def _refused(field: str, call) -> str:
    before = MeetingRequest.objects.count()
    with pytest.raises(ValidationError) as caught:
        call()
    assert MeetingRequest.objects.count() == before
    return " ".join(caught.value.message_dict[field])


def test_request_to_oneself_is_refused(pair):
    event, vn, uk, vn_rep, uk_rep = pair
    message = _refused(
        "receiver",
        lambda: services.request_send(actor=vn_rep, sender=vn, receiver_profile_id=vn.profile_id),
    )
    assert message == "You cannot request a meeting with yourself."


def test_request_to_a_profile_not_at_the_event_is_refused(pair):
    event, vn, uk, vn_rep, uk_rep = pair
    elsewhere = foreign_profile("ai")
    message = _refused(
        "receiver",
        lambda: services.request_send(actor=vn_rep, sender=vn, receiver_profile_id=elsewhere.pk),
    )
    assert message == "This organisation does not take part in this event's meetings."


def test_request_beyond_the_pending_limit_is_refused(pair):
    event, vn, uk, vn_rep, uk_rep = pair
    for _ in range(3):
        services.request_send(
            actor=vn_rep, sender=vn, receiver_profile_id=join(event, foreign_profile()).profile_id
        )
    message = _refused(
        "receiver",
        lambda: services.request_send(actor=vn_rep, sender=vn, receiver_profile_id=uk.profile_id),
    )
    assert message.startswith("You already have 3 pending requests, the limit for this event.")


def test_a_lapsed_request_no_longer_counts_against_the_limit(pair):
    event, vn, uk, vn_rep, uk_rep = pair
    for _ in range(3):
        services.request_send(
            actor=vn_rep, sender=vn, receiver_profile_id=join(event, foreign_profile()).profile_id
        )
    MeetingRequest.objects.update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    sent = services.request_send(actor=vn_rep, sender=vn, receiver_profile_id=uk.profile_id)
    assert sent.status == RequestStatus.PENDING


def test_request_for_a_slot_outside_availability_is_refused(pair):
    event, vn, uk, vn_rep, uk_rep = pair
    slots = list(event.slots.order_by("starts_at"))
    services.availability_set(
        actor=uk_rep, participant=uk, windows=[(slots[2].starts_at, slots[3].ends_at)]
    )
    message = _refused(
        "slot",
        lambda: services.request_send(
            actor=vn_rep, sender=vn, receiver_profile_id=uk.profile_id, slot_id=slots[0].pk
        ),
    )
    assert message == f"That slot is outside the availability of {uk.profile.name}."
    ok = services.request_send(
        actor=vn_rep, sender=vn, receiver_profile_id=uk.profile_id, slot_id=slots[2].pk
    )
    assert ok.slot == slots[2]


def test_bridge_point_availability_is_read_in_the_venue_time_zone(pair):
    event, vn, uk, vn_rep, uk_rep = pair
    singapore = VenueFactory(
        event=event,
        is_main=False,
        time_zone="Asia/Singapore",
        country=Country.objects.get(code="SG"),
    )
    services.participant_add(actor=uk_rep, event=event, profile=uk.profile, venue=singapore)
    first = event.slots.order_by("starts_at").first()
    local = first.starts_at.astimezone(singapore.zone).replace(tzinfo=None)
    [window] = services.availability_set(
        actor=uk_rep, participant=uk, windows=[(local, local + dt.timedelta(minutes=40))]
    )
    assert window.starts_at == first.starts_at
    assert (window.starts_at.astimezone(dt.UTC).hour, first.starts_at.astimezone(dt.UTC).hour) == (
        9,
        9,
    )


def test_a_second_live_request_between_the_same_two_is_a_conflict(pair):
    event, vn, uk, vn_rep, uk_rep = pair
    services.request_send(actor=vn_rep, sender=vn, receiver_profile_id=uk.profile_id)
    with pytest.raises(ConflictError):
        services.request_send(actor=uk_rep, sender=uk, receiver_profile_id=vn.profile_id)
    assert MeetingRequest.objects.count() == 1


def test_only_the_senders_side_may_send_and_only_the_receivers_may_answer(pair):
    event, vn, uk, vn_rep, uk_rep = pair
    stranger = user_with_role(Role.ENTERPRISE_REP, enterprise=enterprise_profile().enterprise)
    with pytest.raises(PermissionDenied):
        services.request_send(actor=stranger, sender=vn, receiver_profile_id=uk.profile_id)
    sent = services.request_send(actor=vn_rep, sender=vn, receiver_profile_id=uk.profile_id)
    for wrong in (stranger, vn_rep):
        with pytest.raises(PermissionDenied):
            services.request_answer(actor=wrong, request=sent, accept=True)
    sent.refresh_from_db()
    assert sent.status == RequestStatus.PENDING


def test_accepting_books_the_meeting_at_once_and_answering_twice_is_a_conflict(pair):
    event, vn, uk, vn_rep, uk_rep = pair
    sent = services.request_send(
        actor=vn_rep, sender=vn, receiver_profile_id=uk.profile_id, message="Xin chào", priority=1
    )
    services.request_answer(actor=uk_rep, request=sent, accept=True)
    meeting = Meeting.objects.get(request=sent)
    assert (meeting.slot, meeting.table, meeting.room) == (
        event.slots.order_by("starts_at")[0],
        1,
        None,
    )
    with pytest.raises(ConflictError):
        services.request_answer(actor=uk_rep, request=sent, accept=False)


def test_an_expired_request_cannot_be_accepted(pair):
    event, vn, uk, vn_rep, uk_rep = pair
    sent = services.request_send(actor=vn_rep, sender=vn, receiver_profile_id=uk.profile_id)
    MeetingRequest.objects.filter(pk=sent.pk).update(expires_at=timezone.now())
    with pytest.raises(ConflictError, match="expired"):
        services.request_answer(actor=uk_rep, request=sent, accept=True)
    sent.refresh_from_db()
    assert (sent.status, sent.decided_at) == (RequestStatus.PENDING, None)
    assert not Meeting.objects.exists()


def test_withdrawing_an_accepted_request_cancels_its_meeting(pair):
    event, vn, uk, vn_rep, uk_rep = pair
    sent = services.request_send(actor=vn_rep, sender=vn, receiver_profile_id=uk.profile_id)
    services.request_answer(actor=uk_rep, request=sent, accept=True)
    services.request_withdraw(actor=vn_rep, request=sent)
    assert Meeting.objects.get(request=sent).status == "cancelled"
