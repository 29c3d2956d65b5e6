"""The entries' names one row each (SearchName), indexed in byte order, so that the entries
with a name beginning with the query are found by a range scan.

A broad query is answered from at most 500 entries matching in their names, and the engines
give those in the order of their ids: over 100,000 enterprises, 91 names begin with
"phuong c", and the first page showed 3 of them among other matches in the names. The
ranking puts exact names, then name prefixes first; they are now looked up first.

The index compares bytes (SQLite's default; on PostgreSQL `COLLATE "C"`, whatever the
database's collation), so `name >= 'phuong c' AND name < 'phuong d'` is exactly the names
beginning with "phuong c". The rows are filled from the entries' `names` ("|a|b|c|"); filling
again after a reversal gives the same rows."""

import django.db.models.deletion
from django.db import migrations, models

BATCH = 2000


def _fill(apps, schema_editor):
    connection = schema_editor.connection
    last = 0
    with connection.cursor() as cursor:
        while True:
            cursor.execute(
                "SELECT id, names FROM search_searchentry WHERE id > %s ORDER BY id LIMIT %s",
                [last, BATCH],
            )
            rows = cursor.fetchall()
            if not rows:
                return
            found = [
                (pk, name[:255])
                for pk, names in rows
                for name in dict.fromkeys(names.split("|"))
                if name
            ]
            cursor.executemany(
                "INSERT INTO search_searchname (entry_id, name) VALUES (%s, %s)", found
            )
            last = rows[-1][0]


def _index(apps, schema_editor):
    column = 'name COLLATE "C"' if schema_editor.connection.vendor == "postgresql" else "name"
    schema_editor.execute(
        f"CREATE INDEX search_name_prefix ON search_searchname ({column}, entry_id)"
    )
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ANALYZE search_searchname")


def _unindex(apps, schema_editor):
    schema_editor.execute("DROP INDEX IF EXISTS search_name_prefix")


def _empty(apps, schema_editor):
    schema_editor.execute("DELETE FROM search_searchname")


class Migration(migrations.Migration):
    dependencies = [("search", "0011_facet_words")]

    operations = [
        migrations.CreateModel(
            name="SearchName",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=255)),
                (
                    "entry",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="name_rows",
                        to="search.searchentry",
                    ),
                ),
            ],
        ),
        migrations.RunPython(_fill, _empty),
        migrations.RunPython(_index, _unindex),
    ]
