"""The full-text backends' one interface (the engines: backend_sqlite.py, backend_postgresql.py). `candidates` returns the rows (the
`columns` asked for, id first) of the entries that match: all of them, or when there are more
than `limit`, a bounded set that puts matches in the names first. Terms are [0-9a-z] words
(see query.py), quoted here all the same, so no user text is ever read as full-text syntax; the
filters' facet words ("#province48", ParsedQuery.within) are matched with them."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection

from goglobal.search.query import COMPLETIONS_MAX, VOCABULARY_MIN_LENGTH, ParsedQuery, Term

ENTRY_TABLE = "search_searchentry"


def select_list(columns: Sequence[str], table: str = ENTRY_TABLE) -> str:
    return ", ".join(f"{table}.{connection.ops.quote_name(column)}" for column in columns)


def fetch(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


class Backend:
    # A letters-only prefix this long or longer is matched through its completions when it has
    # at most COMPLETIONS_MAX of them (query.Term.completions).
    COMPLETION_MIN_LENGTH = VOCABULARY_MIN_LENGTH
    # Prefixes up to this long are read from one list the engine keeps for each (SQLite's
    # prefix indexes, PostgreSQL's prefix lexemes); a longer one unites the lists of all the
    # words that begin with it.
    PREFIX_INDEXED: int

    @staticmethod
    def _vocabulary_range(prefix: str, limit: int) -> list[str]:
        """The vocabulary's first `limit` words beginning with `prefix` (letters): one range
        scan of its primary key."""
        end = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        sql = (
            "SELECT word FROM search_searchword WHERE word >= %s AND word < %s "
            "ORDER BY word LIMIT %s"
        )
        return [row[0] for row in fetch(sql, [prefix, end, limit])]

    def complete(self, query: ParsedQuery) -> None:
        """Sets the completions of the word being typed: the vocabulary holds every indexed
        word of four characters or more that is not all digits, so a letters-only prefix at
        least that long finds all of its completions there."""
        term = query.terms[-1]
        word = term.word
        if not (term.prefix and word.isalpha() and len(word) >= self.COMPLETION_MIN_LENGTH):
            return
        found = self._vocabulary_range(word, COMPLETIONS_MAX + 1)
        if 0 < len(found) <= COMPLETIONS_MAX:
            term.completions = found
        elif found and len(word) > self.PREFIX_INDEXED:
            # The range is in order: the word itself comes first when it is indexed.
            term.indexed = found[0] == word

    def _matching(
        self,
        columns: Sequence[str],
        query: ParsedQuery,
        limit: int,
        *,
        names: bool,
        excluding: Sequence[int] = (),
    ) -> list[tuple]:
        """The rows of up to `limit` entries matching in their names and body, or names only,
        other than those `excluding`."""
        params: list = [self.expression(query)]
        without = ""
        if excluding:
            without = f" AND {self.NOT_AMONG}"
            params.append(self.keys(excluding))
        sql = (
            f"SELECT {select_list(columns)} FROM {self._source(names)} "  # noqa: S608 (constants)
            f"WHERE {self._condition(names)}{without} LIMIT %s"
        )
        return fetch(sql, [*params, limit])

    def _source(self, names: bool) -> str:
        """The FROM clause: the entries, joined to what the engine searches."""
        raise NotImplementedError

    def _condition(self, names: bool) -> str:
        """The match of the engine's expression, given as the one parameter."""
        raise NotImplementedError

    # The engine's query syntax: alternatives joined by OR, groups by AND.
    OR: str
    AND: str

    @staticmethod
    def quoted(word: str) -> str:
        """A folded word as one term of the engine's syntax, never read as an operator."""
        raise NotImplementedError

    def _options(self, term: Term) -> list[str]:
        """The term's alternatives in the engine's syntax: the word (or its prefix, or the
        completions of a prefix) and its corrections."""
        raise NotImplementedError

    def expression(self, query: ParsedQuery) -> str:
        """Every term, and one word of each filter group (ParsedQuery.within), required."""
        groups = [self._options(term) for term in query.terms]
        groups += [[self.quoted(word) for word in group] for group in query.within]
        return self.AND.join("(" + self.OR.join(options) + ")" for options in groups)

    # Whether the engine stops at a LIMIT: FTS5 walks its matches in order and does; GIN
    # builds the bitmap of every match before the first row is read, so PostgreSQL starts
    # with the names, which answer a broad query alone.
    STOPS_AT_LIMIT = True

    def candidates(
        self,
        query: ParsedQuery,
        limit: int,
        columns: Sequence[str],
        narrowed: ParsedQuery | None = None,
    ) -> tuple[list[tuple], list[bool], bool]:
        """The rows of the matching entries (`columns` hold "id" first and "names"), whether
        each matches in its names, and whether the matches were capped: when there are more
        than `limit`, matches in the names come first.

        `narrowed` is the query without its common words (ParsedQuery.without). When
        at most `limit` entries match it, those are all the candidates there can be: their rows
        are read with their body, and the whole query checked on them here.

        Where the engine stops at a LIMIT, the ids of up to `limit` + 1 matches come first.
        When there are at most `limit` (a narrow query, as most long ones are), their rows are
        read and the names checked here: the full-text query over the names is not needed.
        Elsewhere the names come first, then the rows of the other matches. On both engines,
        the query with its last word whole (ParsedQuery.whole_words) is tried first where it
        may settle that the matches are capped."""
        matches = query.matcher()
        names_at = columns.index("names")
        if narrowed is not None and self.worth_probing(narrowed):
            found = self._ids(narrowed, limit)
            if len(found) <= limit:
                rows = [
                    row
                    for row in rows_by_id((*columns, "body"), found)
                    if matches(f"{row[names_at]} {row[-1]}")
                ]
                return [row[:-1] for row in rows], [matches(row[names_at]) for row in rows], False
        # Matches of the query with its last word whole are matches of the query: when there
        # are more than `limit` of them, the matches are capped, and these are as good as any
        # for the candidates outside the names (see ParsedQuery.whole_words).
        whole = query.whole_words()
        every = None
        if self.STOPS_AT_LIMIT:
            if whole is not None:
                every = self._ids(whole, limit)
            if every is None or len(every) <= limit:
                every = self._ids(query, limit)
            if len(every) <= limit:
                rows = rows_by_id(columns, every)
                return rows, [matches(row[names_at]) for row in rows], False
        first = self._matching(columns, query, limit + 1, names=True)
        if len(first) > limit:
            # More match in their names than there is room for, given in id order: the names
            # that begin with the query (the ranking's first two ranks) are put first.
            starts = self._name_starts(columns, query, limit)
            seen = {row[0] for row in starts}
            rows = (starts + [row for row in first if row[0] not in seen])[:limit]
            return rows, [True] * len(rows), True
        room = limit - len(first)
        if every is None:
            # The other matches' rows in one query; one more than there is room for says
            # whether the matches were capped.
            excluding = [row[0] for row in first]
            rest = []
            if whole is not None:
                rest = self._matching(columns, whole, room + 1, names=False, excluding=excluding)
            if len(rest) <= room:
                rest = self._matching(columns, query, room + 1, names=False, excluding=excluding)
            capped = len(rest) > room
            rest = rest[:room]
        else:
            seen = {row[0] for row in first}
            rest = rows_by_id(columns, [pk for pk in every if pk not in seen][:room])
            capped = True
        return first + rest, [True] * len(first) + [False] * len(rest), capped

    # SearchName.name compared byte by byte, as its index orders it (migration 0012).
    NAME_ORDER = "names.name"

    def _name_starts(self, columns: Sequence[str], query: ParsedQuery, limit: int) -> list:
        """The rows of up to `limit` entries with a name beginning with the query's words as
        typed — an exact name or a name prefix, as selectors._ranked ranks them first — and
        holding its facet words (ParsedQuery.within): a range of SearchName's index."""
        phrase = query.phrase
        end = phrase[:-1] + chr(ord(phrase[-1]) + 1)
        sql = (
            f"SELECT {select_list(columns)}, {ENTRY_TABLE}.facet_words "  # noqa: S608 (constants)
            f"FROM search_searchname AS names JOIN {ENTRY_TABLE} "
            f"ON {ENTRY_TABLE}.id = names.entry_id "
            f"WHERE {self.NAME_ORDER} >= %s AND {self.NAME_ORDER} < %s LIMIT %s"
        )
        found: dict[int, tuple] = {}
        for *row, facet_words in fetch(sql, [phrase, end, limit]):
            held = set(facet_words.split())
            if all(not held.isdisjoint(group) for group in query.within):
                found.setdefault(row[0], tuple(row))
        return list(found.values())

    def optimize(self) -> None:
        """After the index is rewritten (services.search_rebuild): put it in the shape queries
        read fastest."""

    def worth_probing(self, narrowed: ParsedQuery) -> bool:
        """Whether to match the query without its common words first (see candidates). Where
        the engine stops at a LIMIT, a broad probe costs little: always."""
        return True

    # Keys go to the engine as one parameter (`keys`), so that a statement's text is the same
    # whatever they are and the engine prepares it once: on SQLite, 348 keys written out
    # cost more to prepare than to probe (1.0 ms against 0.4), 408 entries' rows 0.71 ms
    # against 0.49; PostgreSQL's planner estimates a written list key by key (1.4 ms of
    # planning for 325 products, against 0.3 for an array).

    # The condition that an entry's key is not among the keys (`keys`, its one parameter).
    NOT_AMONG: str

    @staticmethod
    def keys(ids: Sequence[int]):
        """The keys as the one parameter of among, rows_by_id and NOT_AMONG."""
        raise NotImplementedError

    def among(self, selected: str, params: Sequence, ids: Sequence[int]) -> tuple[str, list]:
        """Which of these keys the query `selected` (with its `params`), whose one column is a
        record key, holds: as SQL and its parameters. The selector's query is a common table
        expression the engine folds into the statement: its conditions are checked on each
        key's record, not evaluated whole — but one with DISTINCT or GROUP BY (which no
        registered selector has) would be."""
        raise NotImplementedError

    def rows_by_id(self, columns: Sequence[str], ids: Sequence[int]) -> list[tuple]:
        """The entries' `columns`, in no particular order."""
        raise NotImplementedError

    def _ids(self, query: ParsedQuery, limit: int) -> list[int]:
        """The ids of up to `limit` + 1 entries matching in their names or body."""
        return [row[0] for row in self._matching(("id",), query, limit + 1, names=False)]


def rows_by_id(columns: Sequence[str], ids: Sequence[int]) -> list[tuple]:
    """The entries' `columns` (ids distinct), in no particular order (the backend's
    rows_by_id)."""
    return backend().rows_by_id(columns, ids) if ids else []


def backend() -> Backend:
    """The engine of the default database (stateless: one per call costs nothing)."""
    if connection.vendor == "postgresql":
        from goglobal.search.backend_postgresql import PostgreSQLBackend

        return PostgreSQLBackend()
    from goglobal.search.backend_sqlite import SQLiteBackend

    return SQLiteBackend()
