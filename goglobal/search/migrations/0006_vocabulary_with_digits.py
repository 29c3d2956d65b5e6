"""The vocabulary now also keeps indexed words that mix letters and digits ("tech4u"), so that
a letters-only prefix finds all its completions in it (query.in_vocabulary). Adds those words
from the entries already indexed; running it again adds nothing."""

from django.db import migrations

BATCH = 2000


def add_words(apps, schema_editor):
    from goglobal.search.query import in_vocabulary

    SearchEntry = apps.get_model("search", "SearchEntry")
    SearchWord = apps.get_model("search", "SearchWord")
    found: set[str] = set()
    rows = SearchEntry.objects.values_list("names", "body").order_by("id")
    for names, body in rows.iterator(chunk_size=BATCH):
        found.update(
            word
            for word in f"{names} {body}".replace("|", " ").split()
            if not word.isalpha() and in_vocabulary(word)
        )
    SearchWord.objects.bulk_create(
        [SearchWord(word=word) for word in sorted(found)], ignore_conflicts=True, batch_size=BATCH
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0005_gin_without_pending_list")]

    operations = [migrations.RunPython(add_words, migrations.RunPython.noop)]
