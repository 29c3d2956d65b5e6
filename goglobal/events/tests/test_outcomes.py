from decimal import Decimal

import pytest
from django.test import Client

from goglobal.events.enums import RegistrationStatus as S
from goglobal.events.models import Outcome
from goglobal.events.reports import outcome_totals
from goglobal.events.tests.factories import RegistrationFactory
from goglobal.testing.api import call, error_fields
from goglobal.testing.factories import UserFactory

pytestmark = pytest.mark.django_db


def _client(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def attended():
    owner = UserFactory(role="enterprise_rep")
    return owner, RegistrationFactory(user=owner, status=S.CHECKED_IN)


def test_participant_reports_outcomes_on_the_page_and_staff_see_the_totals(attended):
    owner, registration = attended
    response = _client(owner).post(
        f"/events/registrations/{registration.pk}/outcome/",
        {
            "meetings_held": "6",
            "agreements": "2",
            "contracts": "1",
            "contract_value": "250.000,50",
            "currency": "USD",
            "note": "MoU với đối tác",
        },
    )
    assert response.status_code == 302
    outcome = Outcome.objects.get()
    assert (outcome.meetings_held, outcome.contracts, outcome.contract_value) == (
        6,
        1,
        Decimal("250000.50"),
    )
    assert outcome_totals(registration.event) == [
        {
            "currency_id": "USD",
            "reports": 1,
            "meetings": 6,
            "agreements": 2,
            "contracts": 1,
            "value": Decimal("250000.50"),
        }
    ]
    page = _client(UserFactory()).get(f"/events/{registration.event_id}/attendance/")
    assert page.context["outcomes"][0]["contracts"] == 1


def test_outcome_api_corrects_in_place_and_refuses_bad_input(attended):
    owner, registration = attended
    client = _client(owner)
    path = f"/registrations/{registration.pk}/outcome"
    assert call(client, "put", path, {"meetings_held": 3})[0] == 200
    status, body = call(
        client,
        "put",
        path,
        {"meetings_held": 4, "contracts": 2, "contract_value": "1000", "currency": "EUR"},
    )
    assert (status, body["meetings_held"], body["currency_id"]) == (200, 4, "EUR")
    assert Outcome.objects.count() == 1
    status, body = call(client, "put", path, {"contract_value": "5", "contracts": 0})
    assert (status, error_fields(body)) == (422, {"contracts"})
    status, body = call(client, "put", path, {"currency": "XXX"})
    assert (status, error_fields(body)) == (422, {"currency"})
    status, body = call(client, "put", path, {"meetings_held": -1})
    assert status == 422
    assert Outcome.objects.get().meetings_held == 4


def test_outcome_refused_before_attending_and_to_others(attended):
    owner, registration = attended
    waiting = RegistrationFactory(user=owner, status=S.WAITLISTED)
    assert call(_client(owner), "put", f"/registrations/{waiting.pk}/outcome", {})[0] == 409
    stranger = _client(UserFactory(role="enterprise_rep"))
    assert call(stranger, "put", f"/registrations/{registration.pk}/outcome", {})[0] == 404
    assert stranger.get(f"/events/registrations/{registration.pk}/outcome/").status_code == 404
    assert Outcome.objects.count() == 0
