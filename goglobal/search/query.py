"""Turns whatever a person typed into search terms. User text never reaches a full-text engine
as syntax: it is folded, cut into [0-9a-z] words, and each backend quotes the words itself."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from goglobal.core.text import fold

_WORD = re.compile(r"[0-9a-z]+")
MAX_WORDS = 12
MAX_WORD_LENGTH = 40
# "One edit on words of five letters or more": shorter words have too many neighbours.
TYPO_MIN_LENGTH = 5
VOCABULARY_MIN_LENGTH = TYPO_MIN_LENGTH - 1
# A prefix with more completions than this is left to the full-text engine's prefix search.
COMPLETIONS_MAX = 8
_LETTERS = string.ascii_lowercase


def words(text: str) -> list[str]:
    return [word[:MAX_WORD_LENGTH] for word in _WORD.findall(fold(text or ""))]


def folded_name(text: str) -> str:
    return " ".join(words(text))


def edits1(word: str) -> set[str]:
    """Every word one deletion, transposition, substitution or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    inserts = {a + c + b for a, b in splits for c in _LETTERS}
    return (deletes | transposes | replaces | inserts) - {word}


# Marks the words that stand for facet values in the full-text index ("#province48"): no query
# word ([0-9a-z]) equals one or begins one, on either engine (SQLite's tokenizer keeps "#" in
# words, migration 0011).
FACET_MARK = "#"
_NOT_WORD = re.compile(r"[^0-9a-z]")


def facet_word(name: str, value: str) -> str:
    """The word of a facet's value in the full-text index ("province", "48" → "#province48";
    an entry's kind is the facet "type": "#typeenterprise"), written for every entry
    (SearchEntry.facet_words) and matched with the query when the value is a filter. Two
    values may share a word ("size" "1-10" and "11-0"): the match is a first cut, and the
    filter is checked on the entries' facets after it."""
    return FACET_MARK + _NOT_WORD.sub("", f"{name}{value}".lower())[:MAX_WORD_LENGTH]


def in_vocabulary(word: str) -> bool:
    """Which indexed words the vocabulary keeps: four characters or more, not all digits (a
    word that begins with letters is always kept, so a letters-only prefix of four or more
    finds all its completions there)."""
    return len(word) >= VOCABULARY_MIN_LENGTH and not word.isdigit()


def may_be_typo(word: str) -> bool:
    return len(word) >= TYPO_MIN_LENGTH and word.isalpha()


def typo_candidates(word: str) -> set[str]:
    if not may_be_typo(word):
        return set()
    return {w for w in edits1(word) if len(w) >= VOCABULARY_MIN_LENGTH}


@dataclass
class Term:
    """One query word: it matches any of `alternatives` (the word and its corrections), and
    also words beginning with it when `prefix`."""

    word: str
    alternatives: list[str]
    prefix: bool
    # For a prefix of four letters or more with few completions: the indexed words that begin
    # with it. SQLite merges the entries of every word with a long prefix ("company"*: 14 ms
    # for 200,000 rows); the few words themselves are found at once.
    completions: list[str] | None = None
    # For a prefix with more completions than that, longer than the engine keeps one list for
    # (backends: PREFIX_INDEXED): whether the word itself is indexed (as "truong" is, beside
    # the 421 other words that begin with it).
    indexed: bool = False


@dataclass
class ParsedQuery:
    text: str
    terms: list[Term]
    # Facet words (facet_word) a match must also hold: one of each group's. The filters (a
    # group of one value each; the kinds an autocomplete asks for, a group of several), matched
    # by the engine with the words so that a filtered query finds all it should, however broad
    # its words.
    within: tuple[tuple[str, ...], ...] = ()

    @property
    def phrase(self) -> str:
        return " ".join(term.word for term in self.terms)

    def __bool__(self) -> bool:
        return bool(self.terms)

    def without(self, common: frozenset[str]) -> ParsedQuery | None:
        """The query without its common words (frequency.py: held by a fifth of the entries or
        more), for the engine to match first; None when it has none of them, or nothing else. A word being typed or
        with corrections stays: it is not a plain common word."""
        kept = [
            term
            for term in self.terms
            if term.prefix or len(term.alternatives) > 1 or term.word not in common
        ]
        if not kept or len(kept) == len(self.terms):
            return None
        return ParsedQuery(text=self.text, terms=kept, within=self.within)

    def whole_words(self) -> ParsedQuery | None:
        """The query with the word being typed matched whole, when that word is indexed and
        has many completions (Term.indexed): what it matches, the query matches too, and the
        engines find it at a fraction of the cost of the prefix, whose words they merge ("anh
        truong": 1 ms, against 3 ms for "anh truong…" before SQLite's prefix indexes reached
        six letters). None otherwise."""
        last = self.terms[-1] if self.terms else None
        if last is None or not (last.prefix and last.indexed and last.completions is None):
            return None
        whole = Term(word=last.word, alternatives=last.alternatives, prefix=False)
        return ParsedQuery(text=self.text, terms=[*self.terms[:-1], whole], within=self.within)

    def matcher(self):
        """Whether a folded text (names: [0-9a-z] words between spaces and "|") holds every
        term, as the full-text engines match it: one of its alternatives or completions as a
        word, or for the prefix a word beginning with it."""
        wanted = [
            (frozenset(term.alternatives + (term.completions or [])), term.word, term.prefix)
            for term in self.terms
        ]

        def matches(text: str) -> bool:
            found = set(text.replace("|", " ").split())
            for words_, start, prefix in wanted:
                if words_.isdisjoint(found) and not (
                    prefix and any(word.startswith(start) for word in found)
                ):
                    return False
            return True

        return matches


def parse(text: str, vocabulary) -> ParsedQuery:
    """`vocabulary(candidates) -> set` says which candidate corrections are indexed words."""
    found = words(text)[:MAX_WORDS]
    # A word that is indexed is not a typo and is not corrected (corrections of a real word
    # would only add noise: "thuong" is not "truong"). Most queries are spelled right, so the
    # words are looked up first, and only the unknown ones' few hundred corrections are made
    # and looked up after.
    checked = {word for word in found if may_be_typo(word)}
    known = vocabulary(checked) if checked else set()
    candidates = {word: typo_candidates(word) for word in checked - known}
    wanted = set().union(*candidates.values())
    known |= vocabulary(wanted) if wanted else set()
    terms = []
    for index, word in enumerate(found):
        fixes = [] if word in known else sorted(candidates.get(word, set()) & known)
        # The last word is still being typed: it also matches as a prefix.
        terms.append(Term(word=word, alternatives=[word, *fixes], prefix=index == len(found) - 1))
    return ParsedQuery(text=text, terms=terms)
