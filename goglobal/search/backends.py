"""The two full-text backends behind one interface: a condition that an entry matches the
query, and one that its names do (the ranking's third tier). Terms are [0-9a-z] words (see
query.py), quoted here all the same, so no user text is ever read as FTS syntax."""

from __future__ import annotations

from django.db import connection
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL

from goglobal.search.query import ParsedQuery, Term


class SQLiteBackend:
    """FTS5 table `search_fts` over the entries' names and body (migration 0001)."""

    @staticmethod
    def _group(term: Term) -> str:
        options = [f'"{term.word}"*' if term.prefix else f'"{term.word}"']
        options += [f'"{fix}"' for fix in term.alternatives[1:]]
        return "(" + " OR ".join(options) + ")"

    def expression(self, query: ParsedQuery) -> str:
        return " AND ".join(self._group(term) for term in query.terms)

    def matches(self, query: ParsedQuery) -> Q:
        sql = "SELECT rowid FROM search_fts WHERE search_fts MATCH %s"
        return Q(id__in=RawSQL(sql, [self.expression(query)]))  # noqa: S611 (constant SQL, bound parameter)

    def names_match(self, query: ParsedQuery) -> Q:
        sql = "SELECT rowid FROM search_fts WHERE search_fts MATCH %s"
        return Q(id__in=RawSQL(sql, ["names : (" + self.expression(query) + ")"]))  # noqa: S611 (constant SQL, bound parameter)


class PostgreSQLBackend:
    """A GIN index on to_tsvector('simple', names || ' ' || body) (migration 0001); the text is
    folded in Python already, so the 'simple' configuration only splits words."""

    DOCUMENT = "to_tsvector('simple'::regconfig, names || ' ' || body)"

    @staticmethod
    def _group(term: Term) -> str:
        options = [f"'{term.word}':*" if term.prefix else f"'{term.word}'"]
        options += [f"'{fix}'" for fix in term.alternatives[1:]]
        return "(" + " | ".join(options) + ")"

    def expression(self, query: ParsedQuery) -> str:
        return " & ".join(self._group(term) for term in query.terms)

    def matches(self, query: ParsedQuery) -> Q:
        condition = RawSQL(  # noqa: S611 (constant SQL, bound parameter)
            f"{self.DOCUMENT} @@ to_tsquery('simple'::regconfig, %s)",
            [self.expression(query)],
            output_field=BooleanField(),
        )
        return Q(condition)

    def names_match(self, query: ParsedQuery) -> Q:
        condition = RawSQL(  # noqa: S611 (constant SQL, bound parameter)
            "to_tsvector('simple'::regconfig, names) @@ to_tsquery('simple'::regconfig, %s)",
            [self.expression(query)],
            output_field=BooleanField(),
        )
        return Q(condition)


def backend() -> SQLiteBackend | PostgreSQLBackend:
    if connection.vendor == "postgresql":
        return PostgreSQLBackend()
    return SQLiteBackend()
