"""The search index: one entry per searchable record, kept beside it.

`names` holds the record's names (and codes) folded to [0-9a-z] words, each name between bars
("|viettel group|viettel|0100109106|") so that an exact or prefix match on a whole name is a plain
LIKE; `body` holds every other searchable text, folded the same way. SQLite indexes both with
FTS5 and PostgreSQL with a GIN full-text index (see migration 0001)."""

from django.db import models


class SearchEntry(models.Model):
    kind = models.CharField(max_length=30)
    object_id = models.BigIntegerField()
    title = models.CharField(max_length=255)
    title_en = models.CharField(max_length=255, blank=True)
    subtitle = models.CharField(max_length=255, blank=True)
    # Empty when it is the same in English, or for an entry not written since migration 0009.
    subtitle_en = models.CharField(max_length=255, blank=True)
    url = models.CharField(max_length=255)
    sort_key = models.CharField(max_length=255)
    names = models.TextField()
    body = models.TextField(blank=True)
    # "name:value" pairs separated by spaces ("province:48 sector:ai country:JP"): read with
    # the entry and counted in Python, over at most selectors.CANDIDATES entries.
    facets = models.TextField(blank=True)
    # The kind and the facets' values as full-text words ("#typeenterprise #province48
    # #sectorai", query.facet_word), indexed with the names and body (migration 0011), so a
    # filter is matched by the engine.
    facet_words = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="uniq_search_entry")
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id} {self.title}"


class SearchWord(models.Model):
    """Indexed words of four letters or more: the vocabulary a mistyped query word is corrected
    against. Words are only added (a stale word merely matches nothing)."""

    word = models.CharField(max_length=40, primary_key=True)

    def __str__(self) -> str:
        return self.word


class SearchName(models.Model):
    """Each name of an entry (as folded in its `names`), indexed in byte order (migration
    0012), so that the entries with a name beginning with a query — the ranking's exact names
    and name prefixes — are one range scan, however many entries match the query's words."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="name_rows")
    name = models.CharField(max_length=255)

    def __str__(self) -> str:
        return self.name
