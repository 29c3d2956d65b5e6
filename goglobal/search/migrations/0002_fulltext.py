"""The full-text indexes over SearchEntry's folded names and body, one per database vendor.

SQLite: an FTS5 table reading its text from search_searchentry (external content), kept in
step by triggers, with prefix indexes so that words being typed match quickly. PostgreSQL: a
GIN index on the 'simple' tsvector of the same text (folded in Python, so no dictionary or
unaccent step is needed: đ is already d).

Careful: SQLite rebuilds a table for most schema changes (Django copies it to a new one), which
drops its triggers. A later migration that alters search_searchentry must create them again."""

from django.db import migrations

SQLITE_CREATE = [
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        names, body, content='search_searchentry', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0', prefix='1 2 3 4')""",
    """CREATE TRIGGER search_entry_ai AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_fts(rowid, names, body) VALUES (new.id, new.names, new.body);
    END""",
    """CREATE TRIGGER search_entry_ad AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, names, body)
        VALUES ('delete', old.id, old.names, old.body);
    END""",
    """CREATE TRIGGER search_entry_au AFTER UPDATE ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, names, body)
        VALUES ('delete', old.id, old.names, old.body);
        INSERT INTO search_fts(rowid, names, body) VALUES (new.id, new.names, new.body);
    END""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS search_entry_au",
    "DROP TRIGGER IF EXISTS search_entry_ad",
    "DROP TRIGGER IF EXISTS search_entry_ai",
    "DROP TABLE IF EXISTS search_fts",
]
POSTGRESQL_CREATE = [
    """CREATE INDEX search_entry_document ON search_searchentry
        USING gin (to_tsvector('simple'::regconfig, names || ' ' || body))""",
]
POSTGRESQL_DROP = ["DROP INDEX IF EXISTS search_entry_document"]


def _run(statements: dict):
    def run(apps, schema_editor):
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRESQL_CREATE}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP}),
        )
    ]
