"""Weighted picks and the names of people and companies, drawn from one seeded random stream so
that the same seed always gives the same population."""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Sequence

from goglobal.core.generate import vocabulary as v
from goglobal.core.text import fold


class Pick:
    """A weighted choice over (value, weight) pairs, with the cumulative weights computed once."""

    def __init__(self, pairs: Sequence[tuple]):
        self.values = [pair[0] for pair in pairs]
        self.cum = list(itertools.accumulate(pair[-1] for pair in pairs))
        self.rows = list(pairs)

    def __call__(self, rng: random.Random):
        return rng.choices(self.values, cum_weights=self.cum)[0]

    def row(self, rng: random.Random):
        return rng.choices(self.rows, cum_weights=self.cum)[0]

    def several(self, rng: random.Random, k: int) -> list:
        """k distinct values, heavier ones more likely (stops early when too few remain)."""
        chosen: list = []
        for _ in range(k * 4):
            value = self(rng)
            if value not in chosen:
                chosen.append(value)
                if len(chosen) == k:
                    break
        return chosen


FAMILY = Pick(v.FAMILY_NAMES)


def person_name(rng: random.Random) -> str:
    """A Vietnamese full name in Vietnamese order: family name, middle name, given name."""
    if rng.random() < 0.5:
        middle, given = rng.choice(v.MIDDLE_MALE), rng.choice(v.GIVEN_MALE)
    else:
        middle, given = rng.choice(v.MIDDLE_FEMALE), rng.choice(v.GIVEN_FEMALE)
    return f"{FAMILY(rng)} {middle} {given}"


def email_local(full_name: str) -> str:
    """ "Nguyễn Văn Nam" → "namnv", the usual Vietnamese company e-mail form."""
    parts = fold(full_name).split()
    return parts[-1] + "".join(part[0] for part in parts[:-1])


def brand(rng: random.Random) -> str:
    if rng.random() < 0.6:
        first, second = rng.sample(v.BRAND_SYLLABLES, 2)
        return f"{first} {second}"
    return rng.choice(v.LATIN_PREFIXES) + rng.choice(v.LATIN_SUFFIXES)


def brand_ascii(name: str) -> str:
    """ "Minh Phát" → "Minh Phat" for English names."""
    return (
        " ".join(word[:1].upper() + word[1:] for word in fold(name).split())
        if " " in name
        else name
    )


def log_uniform(rng: random.Random, low: float, high: float) -> float:
    return math.exp(rng.uniform(math.log(low), math.log(high)))
