"""The matchmaking app's own Vietnamese catalogue is complete and its compiled .mo matches it."""

from pathlib import Path

from django.utils import translation

from goglobal.testing.catalogue import assert_catalogue_complete

LOCALE = Path(__file__).resolve().parents[1] / "locale" / "vi" / "LC_MESSAGES"


def test_matchmaking_catalogue_is_complete_and_compiled():
    assert_catalogue_complete(LOCALE, at_least=200)


def test_matchmaking_strings_are_translated_at_run_time():
    with translation.override("vi"):
        assert translation.gettext("You cannot request a meeting with yourself.") == (
            "Bạn không thể đề nghị gặp chính mình."
        )
        assert translation.gettext("Matchmaking") == "Kết nối giao thương"
