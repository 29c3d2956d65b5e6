"""SQLite's full-text engine: FTS5 over the folded entries (search/backends.py's interface)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from django.db import connection

from goglobal.search.backends import ENTRY_TABLE, Backend, fetch, select_list
from goglobal.search.query import VOCABULARY_MIN_LENGTH, ParsedQuery, Term


class SQLiteBackend(Backend):
    """FTS5 tables: `search_fts` over the entries' names and body (migration 0002),
    `search_names_fts` over their names (0007)."""

    # FTS5's prefix indexes (prefix='1 2 3 4 5 6', migration 0010): every Vietnamese syllable
    # but a few seven-letter ones, folded, is one list.
    PREFIX_INDEXED = 6
    COMPLETION_MIN_LENGTH = VOCABULARY_MIN_LENGTH

    OR = " OR "
    AND = " AND "

    @staticmethod
    def quoted(word: str) -> str:
        return f'"{word}"'

    def _options(self, term: Term) -> list[str]:
        if term.prefix and term.completions:
            options = [self.quoted(word) for word in term.completions]
        else:
            options = [self.quoted(term.word) + ("*" if term.prefix else "")]
        return options + [self.quoted(fix) for fix in term.alternatives[1:]]

    @staticmethod
    def _table(names: bool) -> str:
        """search_fts (names and body) or search_names_fts (names, migration 0007)."""
        return "search_names_fts" if names else "search_fts"

    def _source(self, names: bool) -> str:
        table = self._table(names)
        return f"{table} JOIN {ENTRY_TABLE} ON {ENTRY_TABLE}.id = {table}.rowid"

    def _condition(self, names: bool) -> str:
        return f"{self._table(names)} MATCH %s"

    def optimize(self) -> None:
        """Merges each full-text table's segments into one (FTS5's 'optimize'). A rewrite leaves
        several, and every term of every query is looked up in each: over 100,000 enterprises,
        a two-word query over the names 350 → 290 µs, a word no entry holds 19 → 6 µs. Writes
        afterwards add small segments that FTS5 merges as it goes."""
        with connection.cursor() as cursor:
            for table in ("search_fts", "search_names_fts"):
                cursor.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")  # noqa: S608

    def _ids(self, query: ParsedQuery, limit: int) -> list[int]:
        """The full-text table's own rowids, which are the entries' ids: no probe of the
        entries' table for each (501 of them, a page each, cost more than the match)."""
        sql = "SELECT rowid FROM search_fts WHERE search_fts MATCH %s LIMIT %s"
        return [row[0] for row in fetch(sql, [self.expression(query), limit + 1])]

    # The keys are a JSON array (`keys`) read by json_each. Where they are walked, CROSS JOIN
    # makes SQLite walk them and probe each key's row: in `id IN (SELECT value FROM
    # json_each(…))` it cannot know how many there are, and for a selector with an index on
    # its condition (a published event's status) it walks every row that index holds instead.
    NOT_AMONG = f"{ENTRY_TABLE}.id NOT IN (SELECT value FROM json_each(%s))"  # noqa: S608

    @staticmethod
    def keys(ids: Sequence[int]) -> str:
        return json.dumps([int(pk) for pk in ids])

    def among(self, selected: str, params: Sequence, ids: Sequence[int]) -> tuple[str, list]:
        sql = (
            f"WITH selected(pk) AS ({selected}) "  # noqa: S608 (the ORM's compiled query)
            "SELECT selected.pk FROM json_each(%s) AS wanted "
            "CROSS JOIN selected ON selected.pk = wanted.value"
        )
        return sql, [*params, self.keys(ids)]

    def rows_by_id(self, columns: Sequence[str], ids: Sequence[int]) -> list[tuple]:
        sql = (
            f"SELECT {select_list(columns)} FROM json_each(%s) AS wanted "  # noqa: S608 (constants)
            f"CROSS JOIN {ENTRY_TABLE} ON {ENTRY_TABLE}.id = wanted.value"
        )
        return fetch(sql, [self.keys(ids)])

    @staticmethod
    def known_words(words: list[str]) -> set[str]:
        """Which of these words the vocabulary holds, the list in one parameter: a few hundred
        typo corrections would cost Django as many placeholders to build."""
        sql = "SELECT word FROM search_searchword WHERE word IN (SELECT value FROM json_each(%s))"
        return {row[0] for row in fetch(sql, [json.dumps(words)])}
