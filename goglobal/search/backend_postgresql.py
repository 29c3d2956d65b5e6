"""PostgreSQL's full-text engine: stored tsvectors under GIN (search/backends.py's
interface)."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection

from goglobal.search.backends import ENTRY_TABLE, Backend, fetch, select_list
from goglobal.search.query import ParsedQuery, Term


class PostgreSQLBackend(Backend):
    """Stored 'simple' tsvectors of names || body and of names alone, with the words' prefix
    lexemes, GIN-indexed (migrations 0004, 0008); the text is folded in Python already, so the
    configuration only splits words."""

    DOCUMENT = "document"
    NAMES = "names_document"
    NAME_ORDER = 'names.name COLLATE "C"'
    # The tsvectors hold every word's first one to four letters (PREFIX_INDEXED) as lexemes
    # ("~xu", migration 0008): a prefix that short is one of them. A longer one with few
    # completions is matched through them; otherwise as a tsquery prefix (:*), for which GIN
    # unites the entries of every word that begins with it ("company":* over 100,000
    # enterprises: 28 ms; "company" | "companys": 3 ms).
    PREFIX_INDEXED = 4
    COMPLETION_MIN_LENGTH = PREFIX_INDEXED + 1
    STOPS_AT_LIMIT = False

    def worth_probing(self, narrowed: ParsedQuery) -> bool:
        """Not when every word left is broad: a word with corrections, which adds its
        neighbours ("phung" → "hung", "chung", "phong", "phuong", common syllables), or a prefix
        of four letters or fewer, one of the commonest lexemes ("~lac"). GIN reads every match
        of such a probe before its LIMIT applies (11–14 ms for "thanh phung" over 100,000
        enterprises), and it is no narrower than the query, whose matches in the names come
        first anyway."""
        return not all(
            len(term.alternatives) > 1 or (term.prefix and len(term.word) <= self.PREFIX_INDEXED)
            for term in narrowed.terms
        )

    def optimize(self) -> None:
        """Fresh statistics for the planner: a rewrite replaces every entry, and GIN's estimates
        of how many entries a word matches decide between its index and a scan."""
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {ENTRY_TABLE}")

    # The keys are an array (`keys`).
    NOT_AMONG = f"{ENTRY_TABLE}.id <> ALL(%s::bigint[])"

    @staticmethod
    def keys(ids: Sequence[int]) -> list[int]:
        return [int(pk) for pk in ids]

    def among(self, selected: str, params: Sequence, ids: Sequence[int]) -> tuple[str, list]:
        sql = (
            f"WITH selected(pk) AS ({selected}) "  # noqa: S608 (the ORM's compiled query)
            "SELECT selected.pk FROM selected WHERE selected.pk = ANY(%s::bigint[])"
        )
        return sql, [*params, self.keys(ids)]

    def rows_by_id(self, columns: Sequence[str], ids: Sequence[int]) -> list[tuple]:
        sql = (
            f"SELECT {select_list(columns)} FROM {ENTRY_TABLE} "  # noqa: S608 (constants)
            "WHERE id = ANY(%s::bigint[])"
        )
        return fetch(sql, [self.keys(ids)])

    OR = " | "
    AND = " & "

    @staticmethod
    def quoted(word: str) -> str:
        return f"'{word}'"

    def _options(self, term: Term) -> list[str]:
        if not term.prefix:
            options = [self.quoted(term.word)]
        elif len(term.word) <= self.PREFIX_INDEXED:
            options = [self.quoted(f"~{term.word}")]
        elif term.completions:
            options = [self.quoted(word) for word in term.completions]
        else:
            options = [self.quoted(term.word) + ":*"]
        return options + [self.quoted(fix) for fix in term.alternatives[1:]]

    def _source(self, names: bool) -> str:
        return ENTRY_TABLE

    def _condition(self, names: bool) -> str:
        # A cast, not to_tsquery: the words are folded already, and the parser would drop the
        # prefix lexemes' "~".
        return f"{self.NAMES if names else self.DOCUMENT} @@ CAST(%s AS tsquery)"

    @staticmethod
    def known_words(words: list[str]) -> set[str]:
        """As SQLiteBackend.known_words, with an array, joined to the vocabulary so that each
        word is an index probe: for `word = ANY(…)` with the few hundred corrections of one
        word, the planner reads the whole vocabulary and tests every row against every
        correction (3 ms for 37,720 words, and growing with them; the join: 0.5 ms)."""
        sql = (
            "SELECT vocabulary.word FROM unnest(%s::text[]) AS wanted(word) "
            "JOIN search_searchword AS vocabulary ON vocabulary.word = wanted.word"
        )
        return {row[0] for row in fetch(sql, [words])}
