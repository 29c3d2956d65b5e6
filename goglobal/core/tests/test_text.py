"""fold() takes shortcuts (ASCII as is, marks dropped by a table): it must give what the plain
definition gives — decompose, drop combining marks, đ → d, lower-case, collapse spaces."""

import sys
import unicodedata

from goglobal.core.text import fold, slugify_vi

_D = str.maketrans({"đ": "d", "Đ": "D"})


def _by_definition(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.translate(_D))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return " ".join(stripped.lower().split())


def test_fold_folds_vietnamese():
    assert fold("  Thành phố  ĐÀ NẴNG ") == "thanh pho da nang"
    assert fold("Công ty Cổ phần Phần mềm FPT") == "cong ty co phan phan mem fpt"
    assert slugify_vi("Đà Nẵng") == "da-nang"


def test_fold_is_the_definition_for_every_character():
    samples = []
    # Every character of the basic plane, and a sample of the others.
    for code in [*range(0x10000), *range(0x10000, sys.maxunicode + 1, 7)]:
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        samples.append(char)
        samples.append(f"A{char}\u0301b {char.upper()}")
    assert [fold(text) for text in samples] == [_by_definition(text) for text in samples]
