import datetime as dt

import pytest
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from goglobal.core.errors import ConflictError
from goglobal.events import services
from goglobal.events.enums import RegistrationStatus as S
from goglobal.events.services.tickets import SALT
from goglobal.events.tests.factories import RegistrationFactory, VenueFactory
from goglobal.testing.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    # The services' messages are asserted in English here; the pages' tests check Vietnamese.
    with translation.override("en"):
        yield


def test_ticket_round_trip_and_check_in_once():
    registration = RegistrationFactory(
        venue=VenueFactory(time_zone="Asia/Singapore", city="Singapore")
    )
    staff = UserFactory()
    token = services.ticket_token(registration)
    found = services.ticket_registration(token, event=registration.event)
    assert found == registration
    at = dt.datetime(2026, 12, 8, 1, 5, tzinfo=dt.UTC)  # 09:05 in Singapore
    services.registration_check_in(actor=staff, registration=found, now=at)
    found.refresh_from_db()
    assert (found.status, found.checked_in_at) == (S.CHECKED_IN, at)
    with pytest.raises(ConflictError) as caught:
        services.registration_check_in(actor=staff, registration=found, now=at)
    assert str(caught.value) == f"{registration.full_name} was already checked in at 09:05."


def test_ticket_of_another_event_is_refused():
    registration = RegistrationFactory()
    other = VenueFactory().event
    with pytest.raises(ValidationError) as caught:
        services.ticket_registration(services.ticket_token(registration), event=other)
    assert caught.value.message_dict == {"code": ["This ticket is for another event."]}


@pytest.mark.parametrize(
    "forge",
    [
        lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        lambda token: "garbage",
        lambda token: "",
        # A well-formed ticket signed with another key.
        lambda token: signing.Signer(key="not-our-key", salt=SALT).sign_object(
            {"r": 1, "e": 1, "n": "x"}
        ),
    ],
)
def test_forged_ticket_is_refused(forge):
    registration = RegistrationFactory()
    with pytest.raises(ValidationError) as caught:
        services.ticket_registration(forge(services.ticket_token(registration)))
    assert caught.value.message_dict == {
        "code": ["This ticket is not valid: it is forged or damaged."]
    }


def test_ticket_with_a_rotated_nonce_is_refused():
    registration = RegistrationFactory()
    token = services.ticket_token(registration)
    registration.ticket_nonce = "rotated"
    registration.save()
    with pytest.raises(ValidationError):
        services.ticket_registration(token)


def test_check_in_refuses_cancelled_and_waitlisted_and_non_staff():
    staff = UserFactory()
    for status in (S.CANCELLED, S.WAITLISTED, S.APPLIED, S.OFFERED):
        registration = RegistrationFactory(status=status)
        with pytest.raises(ConflictError, match="cannot be admitted"):
            services.registration_check_in(actor=staff, registration=registration)
    with pytest.raises(PermissionDenied):
        services.registration_check_in(
            actor=UserFactory(role="enterprise_rep"), registration=RegistrationFactory()
        )
