"""Vietnamese text folding: the one place that turns "Đà Nẵng" into "da nang"."""

import re
import unicodedata

# đ/Đ have no Unicode decomposition, so NFD-and-strip leaves them: fold them by hand.
_D_TABLE = str.maketrans({"đ": "d", "Đ": "D"})
_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lower-case, diacritic-free form used for search and sorting."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_TABLE))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return " ".join(stripped.lower().split())


def slugify_vi(text: str) -> str:
    """Django's slugify turns "Đà Nẵng" into "a-nang"; this gives "da-nang"."""
    return _NON_WORD.sub("-", fold(text)).strip("-")
