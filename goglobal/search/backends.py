"""The two full-text backends behind one interface. `candidates` returns the ids of the
entries that match (all of them, or when there are more than `limit`, a bounded set that
puts matches in the names first); `names_match` is the condition that an entry's names match
(the ranking's third tier). Terms are [0-9a-z] words (see query.py), quoted here all the same,
so no user text is ever read as full-text syntax."""

from __future__ import annotations

import json

from django.db import connection
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL

from goglobal.search.query import ParsedQuery, Term

# Prefixes this short are checked on the rows the other words find (PostgreSQLBackend._where).
SHORT_PREFIX = 2


def _fill(names: list[int], every: list[int], limit: int) -> list[int]:
    seen = set(names)
    return names + [pk for pk in every if pk not in seen][: max(0, limit - len(names))]


class SQLiteBackend:
    """FTS5 table `search_fts` over the entries' names and body (migration 0002)."""

    MATCH = "SELECT rowid FROM search_fts WHERE search_fts MATCH %s"
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

    def _ids(self, expression: str, limit: int) -> list[int]:
        with connection.cursor() as cursor:
            cursor.execute(self.MATCH + " LIMIT %s", [expression, limit])
            return [row[0] for row in cursor.fetchall()]

    def candidates(self, query: ParsedQuery, limit: int) -> tuple[list[int], bool]:
        every = self._ids(self.expression(query), limit + 1)
        if len(every) <= limit:
            return every, False
        names = self._ids("names : (" + self.expression(query) + ")", limit)
        return _fill(names, every, limit), True

    @staticmethod
    def one_of(values: list) -> RawSQL:
        """A subquery of these values in one parameter: a thousand ids or words as a Python
        list would cost Django a thousand placeholders to build, on every query."""
        return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(values)])  # noqa: S611

    def names_match(self, query: ParsedQuery) -> Q:
        expression = "names : (" + self.expression(query) + ")"
        return Q(id__in=RawSQL(self.MATCH, [expression]))  # noqa: S611 (constant SQL, bound parameter)


class PostgreSQLBackend:
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

    def _ids(self, document: str, query: ParsedQuery, limit: int) -> list[int]:
        where, params = self._where(document, query)
        sql = f"SELECT id FROM search_searchentry WHERE {where} LIMIT %s"  # noqa: S608 (constants)
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, limit])
            return [row[0] for row in cursor.fetchall()]

    def candidates(self, query: ParsedQuery, limit: int) -> tuple[list[int], bool]:
        every = self._ids(self.DOCUMENT, query, limit + 1)
        if len(every) <= limit:
            return every, False
        return _fill(self._ids(self.NAMES, query, limit), every, limit), True

    @staticmethod
    def one_of(values: list) -> RawSQL:
        """As SQLiteBackend.one_of, with an array."""
        kind = "bigint" if values and isinstance(values[0], int) else "text"
        return RawSQL(f"SELECT unnest(%s::{kind}[])", [values])  # noqa: S611

    def names_match(self, query: ParsedQuery) -> Q:
        condition = RawSQL(  # noqa: S611 (constant SQL, bound parameter)
            f"{self.NAMES} @@ to_tsquery('simple'::regconfig, %s)",
            [self.expression(query)],
            output_field=BooleanField(),
        )
        return Q(condition)


def backend() -> SQLiteBackend | PostgreSQLBackend:
    if connection.vendor == "postgresql":
        return PostgreSQLBackend()
    return SQLiteBackend()
