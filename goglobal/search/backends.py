"""The two full-text backends behind one interface. `candidates` returns the rows (the
`columns` asked for, id first) of the entries that match: all of them, or when there are more
than `limit`, a bounded set that puts matches in the names first. Terms are [0-9a-z] words
(see query.py), quoted here all the same, so no user text is ever read as full-text syntax; the
filters' facet words ("#province48", ParsedQuery.within) are matched with them."""

from __future__ import annotations

import json
from collections.abc import Sequence

from django.db import connection

from goglobal.search.query import COMPLETIONS_MAX, VOCABULARY_MIN_LENGTH, ParsedQuery, Term

ENTRY_TABLE = "search_searchentry"


def _select(columns: Sequence[str], table: str = ENTRY_TABLE) -> str:
    return ", ".join(f"{table}.{connection.ops.quote_name(column)}" for column in columns)


def _rows(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


class _Backend:
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
        return [row[0] for row in _rows(sql, [prefix, end, limit])]

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
            f"SELECT {_select(columns)} FROM {self._source(names)} "  # noqa: S608 (constants)
            f"WHERE {self._condition(names)}{without} LIMIT %s"
        )
        return _rows(sql, [*params, limit])

    def _source(self, names: bool) -> str:
        """The FROM clause: the entries, joined to what the engine searches."""
        raise NotImplementedError

    def _condition(self, names: bool) -> str:
        """The match of the engine's expression, given as the one parameter."""
        raise NotImplementedError

    def expression(self, query: ParsedQuery) -> str:
        raise NotImplementedError

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
            f"SELECT {_select(columns)}, {ENTRY_TABLE}.facet_words "  # noqa: S608 (constants)
            f"FROM search_searchname AS names JOIN {ENTRY_TABLE} "
            f"ON {ENTRY_TABLE}.id = names.entry_id "
            f"WHERE {self.NAME_ORDER} >= %s AND {self.NAME_ORDER} < %s LIMIT %s"
        )
        found: dict[int, tuple] = {}
        for *row, facet_words in _rows(sql, [phrase, end, limit]):
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


class SQLiteBackend(_Backend):
    """FTS5 tables: `search_fts` over the entries' names and body (migration 0002),
    `search_names_fts` over their names (0007)."""

    # FTS5's prefix indexes (prefix='1 2 3 4 5 6', migration 0010): every Vietnamese syllable
    # but a few seven-letter ones, folded, is one list.
    PREFIX_INDEXED = 6
    COMPLETION_MIN_LENGTH = VOCABULARY_MIN_LENGTH

    @staticmethod
    def _group(term: Term) -> str:
        if term.prefix and term.completions:
            options = [f'"{word}"' for word in term.completions]
        else:
            options = [f'"{term.word}"*' if term.prefix else f'"{term.word}"']
        options += [f'"{fix}"' for fix in term.alternatives[1:]]
        return "(" + " OR ".join(options) + ")"

    def expression(self, query: ParsedQuery) -> str:
        groups = [self._group(term) for term in query.terms]
        within = ["(" + " OR ".join(f'"{word}"' for word in group) + ")" for group in query.within]
        return " AND ".join(groups + within)

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
        return [row[0] for row in _rows(sql, [self.expression(query), limit + 1])]

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
            f"SELECT {_select(columns)} FROM json_each(%s) AS wanted "  # noqa: S608 (constants)
            f"CROSS JOIN {ENTRY_TABLE} ON {ENTRY_TABLE}.id = wanted.value"
        )
        return _rows(sql, [self.keys(ids)])

    @staticmethod
    def known_words(words: list[str]) -> set[str]:
        """Which of these words the vocabulary holds, the list in one parameter: a few hundred
        typo corrections would cost Django as many placeholders to build."""
        sql = "SELECT word FROM search_searchword WHERE word IN (SELECT value FROM json_each(%s))"
        return {row[0] for row in _rows(sql, [json.dumps(words)])}


class PostgreSQLBackend(_Backend):
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
            f"SELECT {_select(columns)} FROM {ENTRY_TABLE} "  # noqa: S608 (constants)
            "WHERE id = ANY(%s::bigint[])"
        )
        return _rows(sql, [self.keys(ids)])

    def _group(self, term: Term) -> str:
        if not term.prefix:
            options = [f"'{term.word}'"]
        elif len(term.word) <= self.PREFIX_INDEXED:
            options = [f"'~{term.word}'"]
        elif term.completions:
            options = [f"'{word}'" for word in term.completions]
        else:
            options = [f"'{term.word}':*"]
        options += [f"'{fix}'" for fix in term.alternatives[1:]]
        return "(" + " | ".join(options) + ")"

    def expression(self, query: ParsedQuery) -> str:
        groups = [self._group(term) for term in query.terms]
        within = ["(" + " | ".join(f"'{word}'" for word in group) + ")" for group in query.within]
        return " & ".join(groups + within)

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
        return {row[0] for row in _rows(sql, [words])}


def backend() -> SQLiteBackend | PostgreSQLBackend:
    if connection.vendor == "postgresql":
        return PostgreSQLBackend()
    return SQLiteBackend()
