"""The cases app's own Vietnamese catalogue is complete and its compiled .mo matches it."""

from pathlib import Path

import polib
import pytest
from django.utils import translation

LOCALE = Path(__file__).resolve().parents[1] / "locale" / "vi" / "LC_MESSAGES"


@pytest.fixture(scope="module")
def po():
    return polib.pofile(str(LOCALE / "django.po"))


def test_cases_catalogue_has_no_untranslated_or_fuzzy_entries(po):
    live = [entry for entry in po if not entry.obsolete]
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    assert len(live) > 150


def test_cases_mo_matches_the_po(po):
    compiled = {(e.msgctxt, e.msgid): e for e in polib.mofile(str(LOCALE / "django.mo"))}
    for entry in po:
        if entry.obsolete:
            continue
        found = compiled.get((entry.msgctxt, entry.msgid))
        assert found is not None, entry.msgid
        if entry.msgid_plural:
            assert found.msgstr_plural == entry.msgstr_plural, entry.msgid
        else:
            assert found.msgstr == entry.msgstr, entry.msgid


def test_cases_messages_are_vietnamese_at_runtime():
    with translation.override("vi"):
        assert translation.gettext("Give a reason for this change.") == (
            "Hãy nêu lý do của thay đổi này."
        )
        assert translation.gettext("Resolved in part") == "Đã giải quyết một phần"
