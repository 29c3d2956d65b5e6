"""Vietnamese text folding: the one place that turns "Đà Nẵng" into "da nang"."""

import re
import unicodedata


class _Folding(dict):
    """str.translate's table for decomposed text: combining marks (category Mn) dropped and
    đ/Đ turned into d/D (they have no Unicode decomposition, so NFD-and-strip leaves them).
    Filled as characters are first met, so after that the work is translate's loop in C: the
    import folds a few names per row, and a Python loop over characters was a sixth of it."""

    def __missing__(self, code: int):
        value = None if unicodedata.category(chr(code)) == "Mn" else code
        self[code] = value
        return value


_FOLDING = _Folding({ord("đ"): "d", ord("Đ"): "D"})
_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lower-case, diacritic-free form used for search and sorting."""
    if text.isascii():
        return " ".join(text.lower().split())
    stripped = unicodedata.normalize("NFD", text).translate(_FOLDING)
    return " ".join(stripped.lower().split())


def slugify_vi(text: str) -> str:
    """Django's slugify turns "Đà Nẵng" into "a-nang"; this gives "da-nang"."""
    return _NON_WORD.sub("-", fold(text)).strip("-")
