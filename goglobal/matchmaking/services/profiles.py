"""Match profiles and "not interested"."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from goglobal.accounts.access import AnyUser
from goglobal.enterprises.services.common import require
from goglobal.matchmaking import policies
from goglobal.matchmaking.enums import Direction, InterestKind
from goglobal.matchmaking.models import Dismissal, MatchProfile, ProfileItem
from goglobal.reference.models import Country, Sector

MAX_ITEMS = 20


def _sectors(codes: list[str]) -> list[Sector]:
    found = list(Sector.objects.filter(code__in=set(codes)))
    unknown = sorted(set(codes) - {s.code for s in found})
    if unknown:
        raise ValidationError(
            {"sectors": _("Unknown sector: %(codes)s.") % {"codes": ", ".join(unknown)}}
        )
    return found


def _markets(codes: list[str]) -> list[Country]:
    codes = [c.upper() for c in codes]
    found = list(Country.objects.filter(code__in=set(codes)))
    unknown = sorted(set(codes) - {c.code for c in found})
    if unknown:
        raise ValidationError(
            {"markets": _("Unknown country: %(codes)s.") % {"codes": ", ".join(unknown)}}
        )
    return found


def _items(items: list[dict]) -> list[ProfileItem]:
    if len(items) > MAX_ITEMS:
        raise ValidationError({"items": _("At most %(n)d offers and needs.") % {"n": MAX_ITEMS}})
    built = []
    for item in items:
        text = (item.get("text") or "").strip()
        if (
            item.get("direction") not in Direction.values
            or item.get("kind") not in InterestKind.values
        ):
            raise ValidationError(
                {"items": _("Each offer or need has a direction and a kind from the list.")}
            )
        if not text or len(text) > 1000:
            raise ValidationError(
                {"items": _("Describe each offer or need in 1 to 1,000 characters.")}
            )
        built.append(ProfileItem(direction=item["direction"], kind=item["kind"], text=text))
    return built


@transaction.atomic
def profile_save(
    *,
    actor: AnyUser,
    profile: MatchProfile | None = None,
    enterprise_id: int | None = None,
    foreign_organisation_id: int | None = None,
    summary: str = "",
    sectors: list[str] = (),
    markets: list[str] = (),
    items: list[dict] = (),
    is_published: bool = True,
) -> MatchProfile:
    """Creates the organisation's profile (exactly one of the two ids) or replaces the fields,
    sectors, markets, offers and needs of `profile`."""
    if profile is None:
        if (enterprise_id is None) == (foreign_organisation_id is None):
            raise ValidationError(
                {"organisation": _("Give an enterprise or a foreign organisation.")}
            )
        require(
            policies.can_speak_for_organisation(
                actor, enterprise_id=enterprise_id, foreign_organisation_id=foreign_organisation_id
            )
        )
        existing = MatchProfile.objects.filter(
            enterprise_id=enterprise_id, foreign_organisation_id=foreign_organisation_id
        )
        if existing.exists():
            raise ValidationError({"organisation": _("This organisation already has a profile.")})
        profile = MatchProfile(
            enterprise_id=enterprise_id, foreign_organisation_id=foreign_organisation_id
        )
    else:
        require(policies.can_edit_profile(actor, profile))
    if len(summary) > 4000:
        raise ValidationError({"summary": _("At most 4,000 characters.")})
    sector_rows, market_rows, item_rows = (
        _sectors(list(sectors)),
        _markets(list(markets)),
        _items(list(items)),
    )
    profile.summary = summary.strip()
    profile.is_published = is_published
    profile.full_clean()
    profile.save()
    profile.sectors.set(sector_rows)
    profile.markets.set(market_rows)
    profile.items.all().delete()
    for item in item_rows:
        item.profile = profile
    ProfileItem.objects.bulk_create(item_rows)
    return profile


@transaction.atomic
def dismissal_create(
    *, actor: AnyUser, profile: MatchProfile, dismissed: MatchProfile
) -> Dismissal:
    """Not interested: `dismissed` is no longer suggested to `profile`. Twice is harmless."""
    require(policies.can_edit_profile(actor, profile))
    if dismissed.pk == profile.pk:
        raise ValidationError({"profile": _("A profile cannot dismiss itself.")})
    found, _created = Dismissal.objects.get_or_create(profile=profile, dismissed=dismissed)
    return found
