"""Generated scheduling instances for the benchmark and the tests (deterministic per seed)."""

from __future__ import annotations

import random

from goglobal.matchmaking.scheduling.instance import PRIORITY_VALUE, Instance, Request


def generate_instance(
    *,
    participants: int = 1000,
    foreign_share: float = 0.3,
    requests: int = 5000,
    slots: int = 16,
    tables: int = 150,
    limited_share: float = 0.4,
    remote_share: float = 0.05,
    rooms: int = 10,
    fixed: int = 10,
    seed: int = 1,
) -> Instance:
    """Foreign participants are 0..F-1, Vietnamese F..N-1. Three requests in four pair a
    foreign participant with a Vietnamese one, the rest are between Vietnamese enterprises.
    Popularity is skewed: the receiver is drawn with weight 1/(rank+1)^0.8. A share of the
    participants is available for a window of 4–10 slots only; a few foreign participants
    join from a bridge point (their meetings take virtual rooms) and a few Vietnamese
    exhibitors hold a fixed table."""
    rng = random.Random(seed)
    foreign = int(participants * foreign_share)
    vietnamese = list(range(foreign, participants))
    abroad = list(range(foreign))
    weight = {
        p: 1 / (rank + 1) ** 0.8
        for rank, p in enumerate(rng.sample(range(participants), participants))
    }
    remote = set(rng.sample(abroad, int(len(abroad) * remote_share)))
    seen: set[tuple[int, int]] = set()
    made: list[Request] = []
    vn_weights = [weight[p] for p in vietnamese]
    abroad_weights = [weight[p] for p in abroad]
    while len(made) < requests:
        if rng.random() < 0.75:
            if rng.random() < 0.5:
                a, b = rng.choice(abroad), rng.choices(vietnamese, vn_weights)[0]
            else:
                a, b = rng.choice(vietnamese), rng.choices(abroad, abroad_weights)[0]
        else:
            a, b = rng.choice(vietnamese), rng.choices(vietnamese, vn_weights)[0]
        key = (min(a, b), max(a, b))
        if a == b or key in seen:
            continue
        seen.add(key)
        priority = rng.choices((1, 2, 3), (0.25, 0.45, 0.3))[0]
        made.append(
            Request(
                len(made), a, b, PRIORITY_VALUE[priority], virtual=(a in remote) != (b in remote)
            )
        )
    availability = {}
    for p in rng.sample(range(participants), int(participants * limited_share)):
        length = rng.randint(4, min(10, slots))
        first = rng.randint(0, slots - length)
        availability[p] = frozenset(range(first, first + length))
    exhibitors = rng.sample(vietnamese, min(fixed, tables, len(vietnamese)))
    fixed_tables = {p: number for number, p in enumerate(exhibitors, start=1)}
    return Instance(
        slots=slots,
        tables=tables,
        rooms=rooms,
        requests=made,
        availability=availability,
        fixed_tables=fixed_tables,
    )
