"""The Vietnamese catalogue is complete and the compiled .mo matches it: a fresh machine has no
msgfmt, so the .mo in the tree is what users read."""

from pathlib import Path

import polib
import pytest
from django.utils import translation

LOCALE = Path(__file__).resolve().parents[2] / "locale" / "vi" / "LC_MESSAGES"


@pytest.fixture(scope="module")
def po():
    return polib.pofile(str(LOCALE / "django.po"))


def _live(catalogue):
    return [entry for entry in catalogue if not entry.obsolete]


def test_translations_po_has_no_untranslated_or_fuzzy_entries(po):
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    assert len(_live(po)) > 300


def test_translations_mo_has_every_po_entry_with_the_same_translation(po):
    mo = polib.mofile(str(LOCALE / "django.mo"))
    compiled = {(e.msgctxt, e.msgid): e for e in mo}
    for entry in _live(po):
        found = compiled.get((entry.msgctxt, entry.msgid))
        assert found is not None, entry.msgid
        if entry.msgid_plural:
            assert found.msgstr_plural == entry.msgstr_plural, entry.msgid
        else:
            assert found.msgstr == entry.msgstr, entry.msgid


def test_translations_are_used_for_django_messages_it_lacks():
    with translation.override("vi"):
        assert translation.gettext("Enter a whole number.") == "Nhập một số nguyên."
        assert translation.gettext("History") == "Lịch sử"
