"""Partner suggestions with their reasons. Pure scoring over profiles already loaded; the
selector (`selectors.recommendations_for`) decides who may be suggested to whom.

Score: 6 per shared sector (the first thing delegations match on, so a partner in your sector
outranks one that only answers a need), 1 per shared market, 4 per offer of theirs that answers a need of
yours (or the other way round) of the same kind, up to 5 for similar texts (shared concepts
of the bilingual vocabulary, so the language of the text does not matter), 2 for an earlier
contact (a meeting request accepted at an earlier event)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from goglobal.core.text import fold
from goglobal.matchmaking.enums import Direction
from goglobal.matchmaking.vocabulary import CONCEPTS

_WORDS = re.compile(r"[0-9a-z]+")


@functools.cache
def _phrases() -> tuple[tuple[tuple[str, ...], str], ...]:
    from goglobal.reference.models import Sector

    table: dict[tuple[str, ...], str] = {}
    for concept, phrases in CONCEPTS.items():
        for phrase in phrases:
            table[tuple(_WORDS.findall(fold(phrase)))] = concept
    for code, vi, en in Sector.objects.values_list("code", "name_vi", "name_en"):
        for name in (vi, en):
            table.setdefault(tuple(_WORDS.findall(fold(name))), f"sector:{code}")
    # Longest phrases first, so "an ninh mang" is read before "mang".
    return tuple(sorted(table.items(), key=lambda item: -len(item[0])))


def concepts(text: str) -> set[str]:
    """The vocabulary's concepts found in a text, in either language, diacritics or not."""
    words = _WORDS.findall(fold(text))
    found: set[str] = set()
    for phrase, concept in _phrases():
        n = len(phrase)
        if any(tuple(words[i : i + n]) == phrase for i in range(len(words) - n + 1)):
            found.add(concept)
    return found


@dataclass
class Facts:
    """What scoring needs of a profile, read once."""

    id: int
    name: str
    is_foreign: bool
    sectors: dict[int, str]
    markets: dict[str, str]
    offers: set[str]
    needs: set[str]
    concepts: set[str]
    contacts: set[int] = field(default_factory=set)


def facts_of(profile, contacts: set[int] | None = None) -> Facts:
    items = list(profile.items.all())
    text = " ".join([profile.summary, *(item.text for item in items)])
    org = profile.organisation
    if profile.enterprise_id:
        text += " " + " ".join([org.description_vi, org.description_en])
    elif org is not None:
        text += " " + org.description
    return Facts(
        id=profile.pk,
        name=profile.name,
        is_foreign=profile.is_foreign,
        sectors={s.pk: s.name for s in profile.sectors.all()},
        markets={c.code: c.name for c in profile.markets.all()},
        offers={i.kind for i in items if i.direction == Direction.OFFER},
        needs={i.kind for i in items if i.direction == Direction.NEED},
        concepts=concepts(text),
        contacts=contacts or set(),
    )


@dataclass
class Suggestion:
    profile_id: int
    name: str
    score: float
    reasons: list[str]
    shared_sectors: list[str]


def score(mine: Facts, theirs: Facts) -> Suggestion:
    from goglobal.matchmaking.enums import InterestKind

    reasons: list[str] = []
    points = 0.0
    sectors = sorted(theirs.sectors[k] for k in mine.sectors.keys() & theirs.sectors.keys())
    if sectors:
        points += 6 * len(sectors)
        reasons.append(
            ngettext("Shared sector: %(names)s", "Shared sectors: %(names)s", len(sectors))
            % {"names": ", ".join(sectors)}
        )
    markets = sorted(theirs.markets[k] for k in mine.markets.keys() & theirs.markets.keys())
    if markets:
        points += len(markets)
        reasons.append(
            ngettext("Shared market: %(names)s", "Shared markets: %(names)s", len(markets))
            % {"names": ", ".join(markets)}
        )
    labels = dict(InterestKind.choices)
    for kind in sorted(theirs.offers & mine.needs):
        points += 4
        reasons.append(_("Their offer (%(kind)s) answers your need") % {"kind": labels[kind]})
    for kind in sorted(mine.offers & theirs.needs):
        points += 4
        reasons.append(_("Your offer (%(kind)s) answers their need") % {"kind": labels[kind]})
    union = mine.concepts | theirs.concepts
    shared = mine.concepts & theirs.concepts
    if shared:
        points += round(5 * len(shared) / len(union), 2)
        words = sorted(c.split(":", 1)[-1] for c in shared)
        reasons.append(_("Similar descriptions: %(topics)s") % {"topics": ", ".join(words)})
    if theirs.id in mine.contacts:
        points += 2
        reasons.append(_("You met at an earlier event"))
    return Suggestion(theirs.id, theirs.name, round(points, 2), reasons, sectors)


def rank(mine: Facts, candidates: list[Facts], limit: int = 20) -> list[Suggestion]:
    """Best first; ties by name so the order is stable. Candidates with nothing in common
    (score 0) are not suggestions."""
    scored = [score(mine, theirs) for theirs in candidates if theirs.id != mine.id]
    scored = [s for s in scored if s.score > 0]
    scored.sort(key=lambda s: (-s.score, s.name, s.profile_id))
    return scored[:limit]
