"""PostgreSQL: a GIN index on the names alone, so that a broad query can take its matches in
the names first (SQLite's FTS5 table filters by column on its own)."""

from django.db import migrations


def _run(sql: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0002_fulltext")]

    operations = [
        migrations.RunPython(
            _run(
                "CREATE INDEX search_entry_names ON search_searchentry "
                "USING gin (to_tsvector('simple'::regconfig, names))"
            ),
            _run("DROP INDEX IF EXISTS search_entry_names"),
        )
    ]
