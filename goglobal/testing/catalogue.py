"""Checks an app's own Vietnamese catalogue: complete, not fuzzy, and compiled to a matching
.mo (the .mo is committed because a fresh machine may lack msgfmt)."""

from __future__ import annotations

from pathlib import Path

import polib


def assert_catalogue_complete(locale: Path, *, at_least: int) -> None:
    po = polib.pofile(str(locale / "django.po"))
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    assert len([e for e in po if not e.obsolete]) > at_least
    mo = polib.mofile(str(locale / "django.mo"))
    compiled = {(e.msgctxt, e.msgid): e for e in mo}
    for entry in po:
        if entry.obsolete:
            continue
        found = compiled.get((entry.msgctxt, entry.msgid))
        assert found is not None, entry.msgid
        if entry.msgid_plural:
            assert found.msgstr_plural == entry.msgstr_plural, entry.msgid
        else:
            assert found.msgstr == entry.msgstr, entry.msgid
