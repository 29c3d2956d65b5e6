"""The names of reference codes (sectors, provinces, countries), for labelling facets: read once
per process and language instead of once per search. The tables change only through
migrations and `goglobal loadreference`; saving or deleting a row empties the cache (signals,
in this process), and every entry is re-read after TTL seconds whatever happens elsewhere."""

from __future__ import annotations

import time

from django.db import models

TTL = 300.0
_names: dict[tuple[str, bool], tuple[float, dict[str, str]]] = {}


def reference_names(model: type[models.Model], key: str, *, english: bool) -> dict[str, str]:
    """Code (as text) → name in the language, for every row of `model`."""
    cache_key = (model._meta.label, english)
    now = time.monotonic()
    found = _names.get(cache_key)
    if found and now - found[0] < TTL:
        return found[1]
    names = {
        str(code): name_en if english else name_vi
        for code, name_vi, name_en in model.objects.values_list(key, "name_vi", "name_en")
    }
    _names[cache_key] = (now, names)
    return names


def forget_reference_names(**kwargs) -> None:
    _names.clear()
