"""SQLite: prefix indexes for words being typed up to six letters long, instead of four.

A prefix longer than the longest prefix index is matched by merging the entries of every word
that begins with it: over 100,000 enterprises, "ha quang…" read 1.6 ms of search_fts ("quang"
begins hundreds of words, many from web and mail addresses) against 0.5 ms from a prefix index,
"anh truong…" 1.9 ms against 0.7. Six letters cover every Vietnamese syllable but a few seven-
letter ones ("nghieng"), folded; the indexes grow by a sixth (search_fts 152 → 176 MB).

FTS5 cannot change a table's prefix option in place: both tables are dropped with their
triggers, created again with the triggers of migrations 0002 and 0007, and refilled from the
entries (the 'rebuild' command). Reversed, the same with prefixes up to four letters.
PostgreSQL is unchanged: its prefix lexemes (migration 0008) serve the same purpose."""

from django.db import migrations

FTS = {
    "search_fts": "names, body",
    "search_names_fts": "names",
}
TRIGGERS = {
    "search_fts": ("search_entry_ai", "search_entry_ad", "search_entry_au"),
    "search_names_fts": ("search_names_ai", "search_names_ad", "search_names_au"),
}


def _triggers(table: str, columns: str) -> list[str]:
    """The triggers of migrations 0002 and 0007, which keep the table in step with the
    entries."""
    inserted, deleted, updated = TRIGGERS[table]
    new = ", ".join(f"new.{column.strip()}" for column in columns.split(","))
    old = ", ".join(f"old.{column.strip()}" for column in columns.split(","))
    return [
        f"""CREATE TRIGGER {inserted} AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO {table}(rowid, {columns}) VALUES (new.id, {new});
    END""",
        f"""CREATE TRIGGER {deleted} AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO {table}({table}, rowid, {columns}) VALUES ('delete', old.id, {old});
    END""",
        f"""CREATE TRIGGER {updated} AFTER UPDATE ON search_searchentry BEGIN
        INSERT INTO {table}({table}, rowid, {columns}) VALUES ('delete', old.id, {old});
        INSERT INTO {table}(rowid, {columns}) VALUES (new.id, {new});
    END""",
    ]


def _recreate(prefix: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            return
        for table, columns in FTS.items():
            for trigger in TRIGGERS[table]:
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {trigger}")
            schema_editor.execute(f"DROP TABLE IF EXISTS {table}")
            schema_editor.execute(
                f"""CREATE VIRTUAL TABLE {table} USING fts5(
        {columns}, content='search_searchentry', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0', prefix='{prefix}')"""
            )
            for sql in _triggers(table, columns):
                schema_editor.execute(sql)
            schema_editor.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0009_subtitle_en")]

    operations = [migrations.RunPython(_recreate("1 2 3 4 5 6"), _recreate("1 2 3 4"))]
