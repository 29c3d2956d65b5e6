"""Cell text → the values the registry services take. Each parser raises ValueError with a
message for the user; the importer files it under the cell's column."""

from __future__ import annotations

import datetime as dt
import functools
import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from goglobal.core.text import fold

_LIST_SPLIT = re.compile(r"[;|\n]+")

# Coded cells repeat down a column (a size band, a sector, a province): each distinct text is
# folded once.
fold_cell = functools.lru_cache(maxsize=4096)(fold)


def split_list(text: str) -> list[str]:
    return [part.strip() for part in _LIST_SPLIT.split(text) if part.strip()]


def parse_int(text: str) -> int:
    cleaned = text.replace(" ", "").replace("\u00a0", "")
    if cleaned.isascii() and cleaned.isdigit():
        return int(cleaned)
    if re.fullmatch(r"[+-]?\d+(\.0+)?", cleaned):
        return int(Decimal(cleaned))
    raise ValueError(_("Enter a whole number."))


def parse_decimal(text: str) -> Decimal:
    """Accepts 1234.5, 1,234.5, 1.234,5 and 1 234,5 (a Vietnamese spreadsheet's usual form)."""
    cleaned = text.replace(" ", "").replace("\u00a0", "").replace("_", "")
    if "," in cleaned and "." in cleaned:
        if cleaned.rfind(",") > cleaned.rfind("."):
            cleaned = cleaned.replace(".", "").replace(",", ".")
        else:
            cleaned = cleaned.replace(",", "")
    elif cleaned.count(",") == 1:
        cleaned = cleaned.replace(",", ".")
    elif cleaned.count(",") > 1:
        cleaned = cleaned.replace(",", "")
    elif cleaned.count(".") > 1:
        cleaned = cleaned.replace(".", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:
        raise ValueError(_("Enter a number.")) from exc
    if not value.is_finite():
        raise ValueError(_("Enter a number."))
    return value


TRUE_WORDS = {"1", "true", "yes", "y", "x", "co", "dung", "c"}
FALSE_WORDS = {"0", "false", "no", "n", "khong", "sai", "k"}


def parse_bool(text: str) -> bool:
    word = fold_cell(text)
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError(_("Enter yes or no."))


def parse_date(text: str) -> dt.date:
    """ISO dates, day-first dates (05/06/2025 is 5 June, as in Vietnam) and a bare year."""
    text = text.strip()
    if re.fullmatch(r"\d{4}", text):
        return dt.date(int(text), 1, 1)
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%dT%H:%M:%S"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(_("Enter a date as YYYY-MM-DD or DD/MM/YYYY."))


def choice_lookup(choices) -> dict[str, str]:
    """Folded value and labels (English and Vietnamese) of a TextChoices → its value."""
    from django.utils import translation

    lookup: dict[str, str] = {}
    for value, label in choices:
        lookup[fold(value)] = value
        for language in ("en", "vi"):
            with translation.override(language):
                lookup[fold(str(label))] = value
    return lookup


def parse_choice(text: str, lookup: dict[str, str]) -> str:
    value = lookup.get(fold_cell(text))
    if value is None:
        raise ValueError(
            _("Unknown value “%(value)s”: use one of %(choices)s.")
            % {"value": text, "choices": ", ".join(sorted(set(lookup.values())))}
        )
    return value
