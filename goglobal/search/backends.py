"""The two full-text backends behind one interface. `candidates` returns the rows (the
`columns` asked for, id first) of the entries that match: all of them, or when there are more
than `limit`, a bounded set that puts matches in the names first. Terms are [0-9a-z] words
(see query.py), quoted here all the same, so no user text is ever read as full-text syntax."""

from __future__ import annotations

import json
from collections.abc import Sequence

from django.db import connection

from goglobal.search.query import ParsedQuery, Term

# Prefixes this short are checked on the rows the other words find (PostgreSQLBackend._where).
SHORT_PREFIX = 2


ENTRY_TABLE = "search_searchentry"


def _select(columns: Sequence[str], table: str = ENTRY_TABLE) -> str:
    return ", ".join(f"{table}.{connection.ops.quote_name(column)}" for column in columns)


def _rows(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


class _Backend:
    @staticmethod
    def completions(prefix: str, limit: int) -> list[str]:
        """The vocabulary's first `limit` words beginning with `prefix` (letters): one range
        scan of its primary key."""
        end = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        sql = (
            "SELECT word FROM search_searchword WHERE word >= %s AND word < %s "
            "ORDER BY word LIMIT %s"
        )
        return [row[0] for row in _rows(sql, [prefix, end, limit])]

    def _matching(
        self, columns: Sequence[str], query: ParsedQuery, limit: int, *, names: bool
    ) -> list[tuple]:
        """The rows of up to `limit` entries matching in their names and body, or names only."""
        raise NotImplementedError

    def candidates(
        self, query: ParsedQuery, limit: int, columns: Sequence[str]
    ) -> tuple[list[tuple], bool]:
        """Ids first: a broad query's rows are then read once for at most `limit` entries (its
        matches in the names, then others) rather than for every match and again by name."""
        every = [row[0] for row in self._matching(("id",), query, limit + 1, names=False)]
        if len(every) <= limit:
            return _by_id(columns, every), False
        first = self._matching(columns, query, limit, names=True)
        seen = {row[0] for row in first}
        rest = [pk for pk in every if pk not in seen][: max(0, limit - len(first))]
        return first + _by_id(columns, rest), True


def _by_id(columns: Sequence[str], ids: list[int]) -> list[tuple]:
    """The ids written out as integers (read from the index as such): no parameter to prepare
    per id, and a plain list the database probes."""
    if not ids:
        return []
    listed = ",".join(str(int(pk)) for pk in ids)
    return _rows(f"SELECT {_select(columns)} FROM {ENTRY_TABLE} WHERE id IN ({listed})", [])  # noqa: S608


class SQLiteBackend(_Backend):
    """FTS5 tables: `search_fts` over the entries' names and body (migration 0002),
    `search_names_fts` over their names (0007)."""

    uses_completions = True

    @staticmethod
    def _group(term: Term) -> str:
        if term.prefix and term.completions:
            options = [f'"{word}"' for word in term.completions]
        else:
            options = [f'"{term.word}"*' if term.prefix else f'"{term.word}"']
        options += [f'"{fix}"' for fix in term.alternatives[1:]]
        return "(" + " OR ".join(options) + ")"

    def expression(self, query: ParsedQuery) -> str:
        return " AND ".join(self._group(term) for term in query.terms)

    def _matching(
        self, columns: Sequence[str], query: ParsedQuery, limit: int, *, names: bool
    ) -> list[tuple]:
        """search_fts (names and body) or search_names_fts (names, migration 0007)."""
        table = "search_names_fts" if names else "search_fts"
        sql = (
            f"SELECT {_select(columns)} FROM {table} JOIN {ENTRY_TABLE} "  # noqa: S608 (constants)
            f"ON {ENTRY_TABLE}.id = {table}.rowid WHERE {table} MATCH %s LIMIT %s"
        )
        return _rows(sql, [self.expression(query), limit])

    @staticmethod
    def known_words(words: list[str]) -> set[str]:
        """Which of these words the vocabulary holds, the list in one parameter: a few hundred
        typo corrections would cost Django as many placeholders to build."""
        sql = "SELECT word FROM search_searchword WHERE word IN (SELECT value FROM json_each(%s))"
        return {row[0] for row in _rows(sql, [json.dumps(words)])}


class PostgreSQLBackend(_Backend):
    """Stored 'simple' tsvectors of names || body and of names alone, GIN-indexed (migration
    0004); the text is folded in Python already, so the configuration only splits words."""

    DOCUMENT = "document"
    NAMES = "names_document"
    # The tsquery prefix (:*) stays: the completions were measured on SQLite only.
    uses_completions = False

    @staticmethod
    def _group(term: Term) -> str:
        options = [f"'{term.word}':*" if term.prefix else f"'{term.word}'"]
        options += [f"'{fix}'" for fix in term.alternatives[1:]]
        return "(" + " | ".join(options) + ")"

    def expression(self, query: ParsedQuery) -> str:
        return self._joined(query.terms)

    def _joined(self, terms: list[Term]) -> str:
        return " & ".join(self._group(term) for term in terms)

    def _where(self, document: str, query: ParsedQuery) -> tuple[str, list[str]]:
        """The match condition. A prefix of one or two letters matches so many words that GIN
        would union the entries of each ("kim t": 190 ms); when other words narrow the search,
        the index answers those and the short prefix is checked on the rows they find, with
        ts_match_vq (the function behind @@, which no index serves): 9 ms, the same rows."""
        short = [t for t in query.terms if t.prefix and len(t.word) <= SHORT_PREFIX]
        rest = [t for t in query.terms if not (t.prefix and len(t.word) <= SHORT_PREFIX)]
        match = f"{document} @@ to_tsquery('simple'::regconfig, %s)"
        if not short or not rest:
            return match, [self.expression(query)]
        check = f"ts_match_vq({document}, to_tsquery('simple'::regconfig, %s))"
        return f"{match} AND {check}", [self._joined(rest), self._joined(short)]

    def _matching(
        self, columns: Sequence[str], query: ParsedQuery, limit: int, *, names: bool
    ) -> list[tuple]:
        where, params = self._where(self.NAMES if names else self.DOCUMENT, query)
        sql = f"SELECT {_select(columns)} FROM {ENTRY_TABLE} WHERE {where} LIMIT %s"  # noqa: S608
        return _rows(sql, [*params, limit])

    @staticmethod
    def known_words(words: list[str]) -> set[str]:
        """As SQLiteBackend.known_words, with an array."""
        sql = "SELECT word FROM search_searchword WHERE word = ANY(%s::text[])"
        return {row[0] for row in _rows(sql, [words])}


def backend() -> SQLiteBackend | PostgreSQLBackend:
    if connection.vendor == "postgresql":
        return PostgreSQLBackend()
    return SQLiteBackend()
