"""Matchmaking test data: an event with meeting settings and slots, profiles and participants."""

from __future__ import annotations

import datetime as dt

from django.test import Client

from goglobal.accounts.models import Role
from goglobal.events.tests.factories import EventFactory, VenueFactory, in_days
from goglobal.matchmaking.models import MatchProfile, MeetingSettings, Participant, Slot
from goglobal.reference.models import Sector
from goglobal.testing.factories import (
    EnterpriseFactory,
    ForeignOrganisationFactory,
    user_with_role,
)


def enterprise_profile(*sectors: str, summary: str = "", **fields) -> MatchProfile:
    profile = MatchProfile.objects.create(enterprise=EnterpriseFactory(), summary=summary, **fields)
    profile.sectors.set(Sector.objects.filter(code__in=sectors))
    return profile


def foreign_profile(*sectors: str, summary: str = "", **fields) -> MatchProfile:
    profile = MatchProfile.objects.create(
        foreign_organisation=ForeignOrganisationFactory(), summary=summary, **fields
    )
    profile.sectors.set(Sector.objects.filter(code__in=sectors))
    return profile


def rep_of(profile: MatchProfile):
    if profile.is_foreign:
        return user_with_role(Role.PARTNER_REP, foreign_organisation=profile.foreign_organisation)
    return user_with_role(Role.ENTERPRISE_REP, enterprise=profile.enterprise)


def meeting_event(
    *, slots: int = 4, tables: int = 2, rooms: int = 1, pending_limit: int = 3, days: float = 30
):
    """A published event with a main venue and `slots` 20-minute slots from 09:00 UTC."""
    event = EventFactory(starts_at=in_days(days))
    VenueFactory(event=event, is_main=True)
    MeetingSettings.objects.create(
        event=event,
        meeting_minutes=20,
        tables=tables,
        virtual_rooms=rooms,
        pending_limit=pending_limit,
    )
    start = event.starts_at.replace(hour=9, minute=0, second=0)
    Slot.objects.bulk_create(
        Slot(
            event=event,
            starts_at=start + dt.timedelta(minutes=20 * i),
            ends_at=start + dt.timedelta(minutes=20 * (i + 1)),
        )
        for i in range(slots)
    )
    return event


def join(event, profile, **fields) -> Participant:
    return Participant.objects.create(event=event, profile=profile, **fields)


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client
