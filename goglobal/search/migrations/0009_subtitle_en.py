"""An entry's subtitle in English beside the Vietnamese one (a province, a country, a mission's
name), so English pages show it; until an entry is written again (`goglobal search rebuild`
writes them all) it is empty and the Vietnamese one is shown.

The column is added with ALTER TABLE on both databases. Django's own AddField would make
SQLite rebuild search_searchentry, which drops the triggers that keep the FTS5 tables in step
(migrations 0002 and 0007 warn of it)."""

from django.db import migrations, models

ADD = "ALTER TABLE search_searchentry ADD COLUMN subtitle_en varchar(255) NOT NULL DEFAULT ''"


def add(apps, schema_editor):
    schema_editor.execute(ADD)
    if schema_editor.connection.vendor == "postgresql":
        # As Django leaves its columns: the value is always given.
        schema_editor.execute("ALTER TABLE search_searchentry ALTER COLUMN subtitle_en DROP DEFAULT")


def drop(apps, schema_editor):
    schema_editor.execute("ALTER TABLE search_searchentry DROP COLUMN subtitle_en")


class Migration(migrations.Migration):
    dependencies = [("search", "0008_prefix_lexemes")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name="searchentry",
                    name="subtitle_en",
                    field=models.CharField(blank=True, max_length=255),
                )
            ],
            database_operations=[migrations.RunPython(add, drop)],
        )
    ]
