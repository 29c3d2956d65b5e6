"""PostgreSQL: the search's GIN indexes without a pending list (fastupdate off).

With fastupdate on, new entries wait in an unsorted pending list (up to 4 MB) that every
search reads in full until VACUUM merges it: after a bulk load the names index had 459 pending
pages and a two-word query took 29 ms instead of 2 ms. Writes now go straight into the index —
slower inserts, steady searches. The existing list is merged here once. SQLite is untouched."""

from django.db import migrations

INDEXES = ("search_entry_document", "search_entry_names")


def _fastupdate(enabled: bool):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for index in INDEXES:
            schema_editor.execute(
                f"ALTER INDEX {index} SET (fastupdate = {'on' if enabled else 'off'})"
            )
            if not enabled:
                schema_editor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0004_stored_tsvectors")]

    operations = [migrations.RunPython(_fastupdate(False), _fastupdate(True))]
