"""Facet words in the full-text indexes, so that the engines match a filter with the query.

Until now a filter (province, sector, country, presence mode, size) was applied to the entries
the query's words matched, and a broad query is answered from the first 500 of those: "minh"
with the province Đà Nẵng showed the 34 of those 500 in Đà Nẵng, not every "minh" there. Each
entry now also holds its kind and facet values as words ("#typeenterprise #province48
#sectorai": SearchEntry.facet_words, goglobal.search.query.facet_word), indexed with its names
and body, and a filter is one more word the match must hold. "#" keeps them apart from every
query word. The kind serves the type filter and the pickers' autocomplete: a foreign
organisation picker typing "tech" over 100,000 enterprises found none of the seven
organisations that match, all beyond the first 500 matches.

- Both databases: the column is added with ALTER TABLE (Django's AddField would make SQLite
  rebuild the table, dropping the FTS5 triggers; see 0009), then filled from `kind` and
  `facets`.
- SQLite: the FTS5 tables are dropped before the fill (their triggers would rewrite every entry
  twice) and created again with the facet words as a column, a tokenizer that keeps "#" in
  words, and 0010's prefix indexes and triggers; then refilled from the entries.
- PostgreSQL: the generated tsvectors are dropped before the fill and added again with the
  facet words as lexemes beside 0008's, then indexed as before and analysed.

Reversed: 0010's FTS5 tables and 0008's tsvectors again, and the column dropped. Running the
fill again gives the same words (they are computed from `kind` and `facets` alone)."""

import re

from django.db import migrations, models

BATCH = 2000
MAX_WORD_LENGTH = 40
_NOT_WORD = re.compile(r"[^0-9a-z]")

# SQLite's full-text tables: their columns, before (0010) and after.
FTS_BEFORE = {"search_fts": "names, body", "search_names_fts": "names"}
FTS_AFTER = {"search_fts": "names, body, facet_words", "search_names_fts": "names, facet_words"}
TOKENIZE_BEFORE = "unicode61 remove_diacritics 0"
TOKENIZE_AFTER = "unicode61 remove_diacritics 0 tokenchars ''#''"
TRIGGERS = {
    "search_fts": ("search_entry_ai", "search_entry_ad", "search_entry_au"),
    "search_names_fts": ("search_names_ai", "search_names_ad", "search_names_au"),
}

# PostgreSQL's tsvectors: 0008's, and with the facet words as lexemes.
FACET_LEXEMES = "array_to_tsvector(array_remove(string_to_array(facet_words, ' '), ''))"


def _word(name: str, value: str) -> str:
    """query.facet_word as the code wrote it on 2026-11-26."""
    return "#" + _NOT_WORD.sub("", f"{name}{value}".lower())[:MAX_WORD_LENGTH]


def _facet_words(kind: str, facets: str) -> str:
    """The entry's kind as the facet "type", then each "name:value" of its facets."""
    found = [_word("type", kind)]
    for token in facets.split():
        name, _sep, value = token.partition(":")
        found.append(_word(name, value))
    return " ".join(dict.fromkeys(found))


def _fill(schema_editor) -> None:
    """Every entry's facet words from its kind and facets, a batch at a time in id order."""
    connection = schema_editor.connection
    last = 0
    with connection.cursor() as cursor:
        while True:
            cursor.execute(
                "SELECT id, kind, facets FROM search_searchentry WHERE id > %s ORDER BY id "
                "LIMIT %s",
                [last, BATCH],
            )
            rows = cursor.fetchall()
            if not rows:
                return
            cursor.executemany(
                "UPDATE search_searchentry SET facet_words = %s WHERE id = %s",
                [(_facet_words(kind, facets), pk) for pk, kind, facets in rows],
            )
            last = rows[-1][0]


def _drop_fts(schema_editor) -> None:
    for table in FTS_BEFORE:
        for trigger in TRIGGERS[table]:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        schema_editor.execute(f"DROP TABLE IF EXISTS {table}")


def _create_fts(schema_editor, tables: dict[str, str], tokenize: str) -> None:
    """The tables with 0010's prefix indexes and triggers (which keep them in step with the
    entries), filled from the entries."""
    for table, columns in tables.items():
        schema_editor.execute(
            f"""CREATE VIRTUAL TABLE {table} USING fts5(
        {columns}, content='search_searchentry', content_rowid='id',
        tokenize='{tokenize}', prefix='1 2 3 4 5 6')"""
        )
        names = [column.strip() for column in columns.split(",")]
        new = ", ".join(f"new.{column}" for column in names)
        old = ", ".join(f"old.{column}" for column in names)
        inserted, deleted, updated = TRIGGERS[table]
        schema_editor.execute(
            f"""CREATE TRIGGER {inserted} AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO {table}(rowid, {columns}) VALUES (new.id, {new});
    END"""
        )
        schema_editor.execute(
            f"""CREATE TRIGGER {deleted} AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO {table}({table}, rowid, {columns}) VALUES ('delete', old.id, {old});
    END"""
        )
        schema_editor.execute(
            f"""CREATE TRIGGER {updated} AFTER UPDATE ON search_searchentry BEGIN
        INSERT INTO {table}({table}, rowid, {columns}) VALUES ('delete', old.id, {old});
        INSERT INTO {table}(rowid, {columns}) VALUES (new.id, {new});
    END"""
        )
        schema_editor.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
        # One segment, as `goglobal search rebuild` leaves it (backends.optimize).
        schema_editor.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")


def _drop_tsvectors(schema_editor) -> None:
    schema_editor.execute("DROP INDEX IF EXISTS search_entry_document")
    schema_editor.execute("DROP INDEX IF EXISTS search_entry_names")
    schema_editor.execute(
        "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS document, "
        "DROP COLUMN IF EXISTS names_document"
    )


def _add_tsvectors(schema_editor, with_facets: bool) -> None:
    """0008's generated columns, with the facet words' lexemes when `with_facets`, and their
    GIN indexes (0005: no pending list)."""
    facets = f" || {FACET_LEXEMES}" if with_facets else ""
    document = (
        "to_tsvector('simple'::regconfig, names || ' ' || body)"
        " || search_prefix_lexemes(names || ' ' || body)" + facets
    )
    names = "to_tsvector('simple'::regconfig, names) || search_prefix_lexemes(names)" + facets
    schema_editor.execute(
        f"""ALTER TABLE search_searchentry
            ADD COLUMN document tsvector GENERATED ALWAYS AS ({document}) STORED,
            ADD COLUMN names_document tsvector GENERATED ALWAYS AS ({names}) STORED"""
    )
    indexes = (("search_entry_document", "document"), ("search_entry_names", "names_document"))
    for index, column in indexes:
        schema_editor.execute(
            f"CREATE INDEX {index} ON search_searchentry USING gin ({column}) "
            "WITH (fastupdate = off)"
        )
    # The planner's statistics of the new columns, as `goglobal search rebuild` leaves them
    # (backends.optimize): without them it guesses how many entries a word matches.
    schema_editor.execute("ANALYZE search_searchentry")


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        _drop_fts(schema_editor)
    schema_editor.execute(
        "ALTER TABLE search_searchentry ADD COLUMN facet_words text NOT NULL DEFAULT ''"
    )
    if vendor == "postgresql":
        # As Django leaves its columns: the value is always given.
        schema_editor.execute(
            "ALTER TABLE search_searchentry ALTER COLUMN facet_words DROP DEFAULT"
        )
        _drop_tsvectors(schema_editor)
    _fill(schema_editor)
    if vendor == "sqlite":
        _create_fts(schema_editor, FTS_AFTER, TOKENIZE_AFTER)
    elif vendor == "postgresql":
        _add_tsvectors(schema_editor, with_facets=True)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        _drop_fts(schema_editor)
    elif vendor == "postgresql":
        _drop_tsvectors(schema_editor)
    schema_editor.execute("ALTER TABLE search_searchentry DROP COLUMN facet_words")
    if vendor == "sqlite":
        _create_fts(schema_editor, FTS_BEFORE, TOKENIZE_BEFORE)
    elif vendor == "postgresql":
        _add_tsvectors(schema_editor, with_facets=False)


class Migration(migrations.Migration):
    dependencies = [("search", "0010_prefix_indexes_to_six")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name="searchentry",
                    name="facet_words",
                    field=models.TextField(blank=True),
                )
            ],
            database_operations=[migrations.RunPython(forward, backward)],
        )
    ]
