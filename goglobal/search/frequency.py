"""The common words: those a share of the entries or more hold (SEARCH_COMMON_SHARE, a fifth:
"cong", "ty", "tnhh", "phan", "mem"…), estimated from a sample of the index and kept for a while
in each process.

Both full-text engines pay for such a word in proportion to the entries that hold it: a pasted
name of eight such words cost FTS5 2–4 ms and GIN 6–11 ms of intersecting, against a few tenths
of a millisecond for its rare words alone. The backends (backends.candidates) match the rare
words, then check the common ones on the few rows found. The estimate only decides which words
the engine is given first: the answer is the same whatever it says, so a stale or rough one costs
at most time, and no write needs to keep it in step."""

from __future__ import annotations

import random
import threading
import time
from collections import Counter

from django.conf import settings
from django.db.models import Count, Max, Min

from goglobal.search.backends import rows_by_id
from goglobal.search.models import SearchEntry

# 4,000 entries tell a word's share to within about a percentage point (95%).
SAMPLE = 4000

_lock = threading.Lock()
_state: dict = {"at": None, "words": frozenset()}


def sample_rows(sample: int = SAMPLE) -> list[tuple[str, str]]:
    """The names and body of every entry when there are at most `sample`, else of about
    `sample` picked at random among their ids (one query)."""
    found = SearchEntry.objects.aggregate(low=Min("id"), high=Max("id"), count=Count("id"))
    low, high, count = found["low"], found["high"], found["count"]
    if not count:
        return []
    if count <= sample:
        return list(SearchEntry.objects.values_list("names", "body"))
    # Ids are picked in proportion to how sparse they are, so that about `sample` exist.
    span = high - low + 1
    wanted = min(span, round(sample * span / count))
    ids = random.Random(f"{low}:{high}:{count}").sample(range(low, high + 1), wanted)
    return [(names, body) for _id, names, body in rows_by_id(("id", "names", "body"), ids)]


def estimate(share: float, sample: int = SAMPLE) -> frozenset[str]:
    """The words held by at least `share` of the entries (of the sample)."""
    rows = sample_rows(sample)
    holding: Counter[str] = Counter()
    for names, body in rows:
        holding.update(set(names.replace("|", " ").split()) | set(body.split()))
    least = max(1, share * len(rows))
    return frozenset(word for word, n in holding.items() if n >= least)


def common_words() -> frozenset[str]:
    """The words of at least SEARCH_COMMON_SHARE of the entries, estimated again when older
    than SEARCH_COMMON_WORDS_SECONDS (60 ms for a sample at 100,000 enterprises, so once in a
    while per process)."""
    now = time.monotonic()
    at = _state["at"]
    if at is not None and now - at < settings.SEARCH_COMMON_WORDS_SECONDS:
        return _state["words"]
    with _lock:
        if _state["at"] is None or now - _state["at"] >= settings.SEARCH_COMMON_WORDS_SECONDS:
            _state["words"] = estimate(settings.SEARCH_COMMON_SHARE)
            _state["at"] = time.monotonic()
        return _state["words"]


def forget() -> None:
    """The next search estimates again (tests, whose index changes from one to the next)."""
    _state["at"] = None
