"""Demo matchmaking for `goglobal demo`: match profiles for the UK delegation of 3 July 2023
and for Vietnamese enterprises in their sectors, the visit's one-to-one meetings (settings,
participants, accepted requests) and a schedule. Runs once: a database with match profiles is
left alone.

The seed report names nine of the eleven UK companies and the sectors of most; three have none
in the report, so the demo gives them one of the delegation's sectors (an assumption of the
demo data, not a fact)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from goglobal.enterprises.models import Enterprise
from goglobal.events.models import Event
from goglobal.matchmaking import selectors, services
from goglobal.matchmaking.enums import Direction, InterestKind, RequestStatus
from goglobal.matchmaking.models import (
    MatchProfile,
    MeetingRequest,
    MeetingSettings,
    Participant,
    ProfileItem,
    Slot,
)
from goglobal.partners.models import ForeignOrganisation
from goglobal.reference.models import Country, Sector

UK_VISIT = "Làm việc với đoàn doanh nghiệp công nghệ Vương quốc Anh (Northern Powerhouse)"
# Company → (sectors, what it offers, what it looks for), in English as the companies wrote.
UK = {
    "Albeego": (["smart-cities", "iot"], "Smart-city sensors and IoT platforms for municipalities.", "A Vietnamese system integrator for smart-city projects."),
    "North Star Projects": (["fintech"], "Digital payment and banking software.", "Fintech partners in Viet Nam for payments."),
    "Pagoda Project": (["cyber-security"], "Cyber security consulting and training.", "Security operations partners in Viet Nam."),
    "Ucargo Pacific Logistics": (["ecommerce-logistics"], "Cross-border e-commerce logistics and warehouses.", "Vietnamese e-commerce sellers and logistics partners."),
    "Expo Stars Interactive": (["digital-content-games"], "Interactive media and games for events.", "Game studios in Viet Nam for co-production."),
    "University of Salford – School of Arts, Media and Creative Technology": (["edtech", "digital-content-games"], "Training programmes in creative technology.", "Edtech partners and universities in Viet Nam."),
    "TPP – The Phoenix Partnership": (["healthtech"], "Electronic health records for hospitals and clinics.", "A healthtech partner to deploy health records in Vietnamese hospitals."),
    "Precision21 Limited": (["iot"], "Precision measurement sensors.", "IoT device makers in Viet Nam."),
    "Wootzano": (["ai"], "Robotics and artificial intelligence for food packing.", "AI and automation partners in Viet Nam."),
}  # fmt: skip
VN_PER_SECTOR = 8


def _vn_text(sector: Sector) -> tuple[str, str]:
    name = sector.name_vi.lower()
    return (
        f"Doanh nghiệp công nghệ Việt Nam trong lĩnh vực {name}, tìm đối tác tại Vương quốc Anh.",
        f"Giải pháp {name} đã triển khai cho khách hàng trong nước",
    )


def _profile(organisation: dict, *, summary, sectors, markets, offer, need) -> MatchProfile:
    profile = MatchProfile.objects.create(summary=summary, **organisation)
    profile.sectors.set(sectors)
    profile.markets.set(markets)
    ProfileItem.objects.bulk_create(
        [
            ProfileItem(profile=profile, direction=Direction.OFFER, kind=offer[0], text=offer[1]),
            ProfileItem(profile=profile, direction=Direction.NEED, kind=need[0], text=need[1]),
        ]
    )
    return profile


@transaction.atomic
def load_demo_matchmaking() -> int:
    """Returns the number of profiles made (0 when the demo's profiles are already there)."""
    if MatchProfile.objects.exists():
        return 0
    sectors = {s.code: s for s in Sector.objects.all()}
    gb, vn = Country.objects.get(code="GB"), Country.objects.get(code="VN")
    organisations = {o.name: o for o in ForeignOrganisation.objects.filter(name__in=UK)}
    uk_profiles = [
        _profile(
            {"foreign_organisation": organisations[name]},
            summary=f"{offer} {need}",
            sectors=[sectors[c] for c in codes],
            markets=[gb, vn],
            offer=(InterestKind.TECHNOLOGY, offer),
            need=(InterestKind.PARTNERSHIP, need),
        )
        for name, (codes, offer, need) in UK.items()
        if name in organisations
    ]
    made = list(uk_profiles)
    taken: set[int] = set()
    for code in sorted({c for codes, _o, _n in UK.values() for c in codes}):
        summary, offer = _vn_text(sectors[code])
        enterprises = (
            Enterprise.objects.filter(sectors=sectors[code])
            .exclude(pk__in=taken)
            .order_by("id")[:VN_PER_SECTOR]
        )
        for enterprise in enterprises:
            taken.add(enterprise.pk)
            made.append(
                _profile(
                    {"enterprise": enterprise},
                    summary=summary,
                    sectors=list(enterprise.sectors.all()),
                    markets=[gb],
                    offer=(InterestKind.PARTNERSHIP, offer),
                    need=(InterestKind.TECHNOLOGY, "Công nghệ và khách hàng tại Vương quốc Anh"),
                )
            )
    _visit_meetings(uk_profiles)
    return len(made)


def _visit_meetings(uk_profiles: list[MatchProfile]) -> None:
    """The visit's one-to-one meetings: every UK company asks its three best suggestions."""
    event = Event.objects.filter(title_vi=UK_VISIT).first()
    if event is None or not uk_profiles:
        return
    MeetingSettings.objects.create(event=event, meeting_minutes=20, tables=6, pending_limit=5)
    Slot.objects.bulk_create(
        Slot(
            event=event,
            starts_at=event.starts_at + dt.timedelta(minutes=20 * i),
            ends_at=event.starts_at + dt.timedelta(minutes=20 * (i + 1)),
        )
        for i in range(int((event.ends_at - event.starts_at).total_seconds() // 1200))
    )
    from goglobal.accounts.models import Role, User

    staff = User.objects.filter(role=Role.ADMIN).order_by("id").first() or User(is_superuser=True)
    joined: dict[int, Participant] = {}

    def participant(profile_id: int) -> Participant:
        if profile_id not in joined:
            joined[profile_id] = Participant.objects.create(event=event, profile_id=profile_id)
        return joined[profile_id]

    for rank, profile in enumerate(uk_profiles):
        for suggestion in selectors.recommendations_for(staff, profile, limit=3):
            MeetingRequest.objects.create(
                event=event,
                sender=participant(profile.pk),
                receiver=participant(suggestion.profile_id),
                message="We would like to meet during the visit.",
                priority=1 + rank % 3,
                status=RequestStatus.ACCEPTED,
                expires_at=event.starts_at,
                decided_at=event.starts_at - dt.timedelta(days=7),
            )
    if staff.pk:
        services.schedule_start(actor=staff, event=event, time_limit=5)
