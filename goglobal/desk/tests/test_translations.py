"""The Vietnamese catalogues of the desk, agreements and files apps are complete and their
compiled .mo files match them."""

from pathlib import Path

import polib
import pytest
from django.utils import translation

APPS = Path(__file__).resolve().parents[2]
CATALOGUES = [
    APPS / app / "locale" / "vi" / "LC_MESSAGES" for app in ("desk", "agreements", "files")
]


@pytest.mark.parametrize("folder", CATALOGUES, ids=lambda p: p.parts[-4])
def test_catalogue_has_no_untranslated_or_fuzzy_entries(folder):
    po = polib.pofile(str(folder / "django.po"))
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    assert not po.metadata_is_fuzzy
    assert len([e for e in po if not e.obsolete]) > 20


@pytest.mark.parametrize("folder", CATALOGUES, ids=lambda p: p.parts[-4])
def test_mo_has_every_po_entry_with_the_same_translation(folder):
    po = polib.pofile(str(folder / "django.po"))
    compiled = {(e.msgctxt, e.msgid): e for e in polib.mofile(str(folder / "django.mo"))}
    for entry in po:
        if entry.obsolete:
            continue
        found = compiled.get((entry.msgctxt, entry.msgid))
        assert found is not None, entry.msgid
        if entry.msgid_plural:
            assert found.msgstr_plural == entry.msgstr_plural, entry.msgid
        else:
            assert found.msgstr == entry.msgstr, entry.msgid


def test_desk_strings_are_translated_at_run_time():
    with translation.override("vi"):
        assert translation.gettext("The deadline cannot be in the past.") == (
            "Hạn chót không thể ở quá khứ."
        )
        assert translation.gettext("National digital partnership") == "Đối tác số cấp quốc gia"
        assert translation.gettext("A file name must not contain a folder or path.") == (
            "Tên tệp không được chứa thư mục hay đường dẫn."
        )
