"""SQLite: a second FTS5 table over the entries' names alone, for the ranking's "matches in the
names" pass of a broad query. The column filter of search_fts ("names : (…)") reads the
position lists of every matching entry's names and body to keep those in the names: over
100,000 enterprises, 13 ms for "cong ty tnhh giai phap phan mem hoa", against 5 ms in a table
that holds the names only. Kept in step by its own triggers; filled from the entries already
indexed. PostgreSQL has had its names tsvector and index since migration 0004.

As migration 0002 warns: a later migration that makes SQLite rebuild search_searchentry must
create these triggers again."""

from django.db import migrations

SQLITE_CREATE = [
    """CREATE VIRTUAL TABLE search_names_fts USING fts5(
        names, content='search_searchentry', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0', prefix='1 2 3 4')""",
    """CREATE TRIGGER search_names_ai AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_names_fts(rowid, names) VALUES (new.id, new.names);
    END""",
    """CREATE TRIGGER search_names_ad AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO search_names_fts(search_names_fts, rowid, names)
        VALUES ('delete', old.id, old.names);
    END""",
    """CREATE TRIGGER search_names_au AFTER UPDATE ON search_searchentry BEGIN
        INSERT INTO search_names_fts(search_names_fts, rowid, names)
        VALUES ('delete', old.id, old.names);
        INSERT INTO search_names_fts(rowid, names) VALUES (new.id, new.names);
    END""",
    "INSERT INTO search_names_fts(search_names_fts) VALUES ('rebuild')",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS search_names_au",
    "DROP TRIGGER IF EXISTS search_names_ad",
    "DROP TRIGGER IF EXISTS search_names_ai",
    "DROP TABLE IF EXISTS search_names_fts",
]


def _run(statements: list[str]):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0006_vocabulary_with_digits")]

    operations = [migrations.RunPython(_run(SQLITE_CREATE), _run(SQLITE_DROP))]
