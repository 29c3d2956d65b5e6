"""Fixtures the API and page tests share: an event with a Vietnamese and a UK participant,
each with a signed-in client of its representative."""

import pytest

from goglobal.matchmaking.tests.factories import (
    enterprise_profile,
    foreign_profile,
    join,
    meeting_event,
    rep_of,
    signed_in,
)


@pytest.fixture
def setup():
    """(event, Vietnamese participant, UK participant, the Vietnamese side's client, the UK
    side's client); 3 slots, 2 tables, a limit of 1 pending request."""
    event = meeting_event(slots=3, tables=2, pending_limit=1)
    vn, uk = enterprise_profile("ai", summary="AI"), foreign_profile("ai", summary="AI")
    return event, join(event, vn), join(event, uk), signed_in(rep_of(vn)), signed_in(rep_of(uk))


@pytest.fixture
def english():
    """Messages asserted in English (Vietnamese is the default language; the catalogue test
    and the page tests check the Vietnamese)."""
    from django.utils import translation

    with translation.override("en"):
        yield
