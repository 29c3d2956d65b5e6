"""Migrations 0011 and 0012 on an index written before them: the entries' facet words are
filled from their kind and facets and indexed by the engine, their names get a row each
(SearchName), and both reverse to 0010's shape."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from goglobal.accounts.models import Role
from goglobal.search.selectors import SearchFilters, search_for_user
from goglobal.testing.factories import user_with_role

BEFORE = ("search", "0010_prefix_indexes_to_six")
AFTER = ("search", "0012_search_names")

# (names, facets) of entries as the code before 0011 wrote them.
ENTRIES = [
    ("|cong ty zetaplus da nang|", "province:48 sector:big-data size:5000+"),
    ("|cong ty zetaplus ha noi|", "province:1 sector:ai mode:joint_venture country:JP"),
    ("|cong ty zetaplus|", ""),
]


def _migrate(target) -> None:
    executor = MigrationExecutor(connection)
    executor.migrate([target])


def _insert_old_entries() -> None:
    with connection.cursor() as cursor:
        for n, (names, facets) in enumerate(ENTRIES, start=1):
            cursor.execute(
                "INSERT INTO search_searchentry (kind, object_id, title, title_en, subtitle, "
                "subtitle_en, url, sort_key, names, body, facets) "
                "VALUES ('enterprise', %s, %s, '', '', '', '/', %s, %s, '', %s)",
                [n, names.strip("|"), names.strip("|"), names, facets],
            )


def _facet_words() -> dict[str, str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT names, facet_words FROM search_searchentry ORDER BY id")
        return dict(cursor.fetchall())


def _matches(expression: str) -> int:
    """How many entries the engine matches with this facet word."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT count(*) FROM search_fts WHERE search_fts MATCH %s", [expression]
            )
        else:
            cursor.execute(
                "SELECT count(*) FROM search_searchentry WHERE document @@ CAST(%s AS tsquery)",
                [f"'{expression.strip(chr(34))}'"],
            )
        return cursor.fetchone()[0]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_facet_words_are_filled_indexed_and_reversed():
    try:
        _migrate(BEFORE)
        _insert_old_entries()
        _migrate(AFTER)
        assert _facet_words() == {
            "|cong ty zetaplus da nang|": "#typeenterprise #province48 #sectorbigdata #size5000",
            "|cong ty zetaplus ha noi|": (
                "#typeenterprise #province1 #sectorai #modejointventure #countryjp"
            ),
            "|cong ty zetaplus|": "#typeenterprise",
        }
        assert _matches('"#province48"') == 1
        assert _matches('"#countryjp"') == 1
        assert _matches('"#sectorai"') == 1
        assert _matches('"#typeenterprise"') == 3
        with connection.cursor() as cursor:
            cursor.execute("SELECT name FROM search_searchname ORDER BY name")
            assert [row[0] for row in cursor.fetchall()] == [
                "cong ty zetaplus",
                "cong ty zetaplus da nang",
                "cong ty zetaplus ha noi",
            ]
        # The engine's tables and triggers work as before for the entries written next.
        with connection.cursor() as cursor:
            cursor.execute("UPDATE search_searchentry SET facet_words = '#province48'")
        assert _matches('"#province48"') == 3
        with connection.cursor() as cursor:
            cursor.execute("UPDATE search_searchentry SET facet_words = ''")
        assert _matches('"#province48"') == 0
        # Back to 0010: the column is gone and the full-text match works without it.
        _migrate(BEFORE)
        with connection.cursor() as cursor:
            columns = [
                column.name
                for column in connection.introspection.get_table_description(
                    cursor, "search_searchentry"
                )
            ]
        assert "facet_words" not in columns
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH 'zetaplus'")
                assert cursor.fetchone()[0] == 3
    finally:
        _migrate(AFTER)
    # Forward again, the entries left are filled once more, and the search filters by them.
    officer = user_with_role(Role.PROGRAMME_OFFICER)
    assert search_for_user(officer, "zetaplus").count == 3
    assert search_for_user(officer, "zetaplus", SearchFilters(province="48")).count == 1
    assert search_for_user(officer, "zetaplus", SearchFilters(mode="joint_venture")).count == 1
