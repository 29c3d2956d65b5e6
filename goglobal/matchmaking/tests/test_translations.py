"""The matchmaking app's own Vietnamese catalogue is complete and its compiled .mo matches it."""

from pathlib import Path

import polib
import pytest
from django.utils import translation

LOCALE = Path(__file__).resolve().parents[1] / "locale" / "vi" / "LC_MESSAGES"


@pytest.fixture(scope="module")
def po():
    return polib.pofile(str(LOCALE / "django.po"))


def test_matchmaking_catalogue_has_no_untranslated_or_fuzzy_entries(po):
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    assert len([e for e in po if not e.obsolete]) > 200


def test_matchmaking_mo_has_every_po_entry_with_the_same_translation(po):
    mo = polib.mofile(str(LOCALE / "django.mo"))
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


def test_matchmaking_strings_are_translated_at_run_time():
    with translation.override("vi"):
        assert translation.gettext("You cannot request a meeting with yourself.") == (
            "Bạn không thể đề nghị gặp chính mình."
        )
        assert translation.gettext("Matchmaking") == "Kết nối giao thương"
