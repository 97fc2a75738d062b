"""Words that contain a numeral character without stating a quantity.

統一, 一些, 一直, 萬達, 十分, 進一步, 四川: a numeral character inside such a
word is not a number. jieba's dictionary lists some twenty thousand words
with numeral characters; those whose other characters are not a unit, a
qualifier or an ordinal marker (一年, 三大, 之一, 上千 are kept as numbers)
are read from it at first use, together with ``lexicon/not_numbers.tsv``
for what the dictionary lacks (demonstratives such as 这一, names, idioms).

jieba's dictionary is read as a file: importing jieba itself would set up
its logger and tokenizer, which this check does not need.
"""
from __future__ import annotations

import importlib.util
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from .lexicon import loaders
from .lexicon.numerals import BIG_UNITS, DIGITS, SMALL_UNITS, TENS

__all__ = ["Words", "jieba_counts", "jieba_entries", "lexicalized_words", "once", "weak_endings", "word_tags"]

T = TypeVar("T")

_MAX_LEN = 6
_MAX_WORD = 4
_NUMERAL_CHARS = frozenset(DIGITS) | frozenset(SMALL_UNITS) | frozenset(BIG_UNITS) | frozenset(TENS) \
    | frozenset(loaders.number_words_with("word_numeral"))
# The roles word_* of lexicon/number_words.tsv say what may stand around a
# numeral in a dictionary word that is still a number.
_role = loaders.number_words_with



class Words(frozenset[str]):
    """A set of words, with the length of the longest and their prefixes.

    >>> w = Words({"统一", "一些"})
    >>> list(w.covering("要统一些", 2))
    [(1, 3), (2, 4)]
    """

    longest: int
    prefixes: frozenset[str]
    pairs: frozenset[str]  # every two neighbouring characters of every word

    def __new__(cls, words: set[str]) -> Words:
        self = super().__new__(cls, words)
        self.longest = max((len(w) for w in words), default=1)
        self.prefixes = frozenset(w[:k] for w in words for k in range(2, len(w) + 1))
        self.pairs = frozenset(w[k:k + 2] for w in words for k in range(len(w) - 1))
        return self

    def covering(self, text: str, at: int) -> Iterator[tuple[int, int]]:
        """Spans ``(start, end)`` of the words of two or more characters in
        ``text`` that contain position ``at``, leftmost first.

        A start is abandoned as soon as its text stops being a prefix of some
        word, so a position costs a few set look-ups, not one per length pair.
        """
        # A word that starts before ``at`` holds the pair ending at it; one
        # that starts at ``at`` begins with a prefix of two characters.
        if at > 0 and text[at - 1:at + 1] in self.pairs:
            for ws in range(max(0, at - self.longest + 1), at):
                yield from self._starting(text, ws, at + 1)
        if text[at:at + 2] in self.prefixes:
            yield from self._starting(text, at, at + 2)

    def _starting(self, text: str, ws: int, shortest_end: int) -> Iterator[tuple[int, int]]:
        """Words at ``ws`` that end at ``shortest_end`` or later, shortest first."""
        for we in range(shortest_end, min(len(text), ws + self.longest) + 1):
            piece = text[ws:we]
            if piece not in self.prefixes:
                return
            if piece in self:
                yield ws, we


def once(build: Callable[[], T]) -> Callable[[], T]:
    """Build a table at its first use, once, even when threads race for it."""
    lock = threading.Lock()
    cache: list[T] = []

    def get() -> T:
        if not cache:
            with lock:
                if not cache:
                    cache.append(build())
        return cache[0]

    get.__doc__ = build.__doc__
    get.__name__ = build.__name__
    return get


@once
def lexicalized_words() -> Words:
    """The words in which numeral characters are not quantities (folded form).

    >>> w = lexicalized_words()
    >>> ("一些" in w, "统一" in w, "一年" in w, "三大" in w)
    (True, True, False, False)
    """
    return Words(_build())


def word_tags() -> dict[str, str]:
    """Part-of-speech tag of each word of jieba's dictionary of up to four
    characters (simplified script), for the short look-ups around figures.

    >>> tags = word_tags()
    >>> tags["用户"], tags["已经"]
    ('n', 'd')
    """
    return _short_words()[0]


def weak_endings() -> dict[str, int]:
    """Rare words of three or four characters of jieba's dictionary that end
    with a common word of two or three: word → the length of that ending.
    A reader that matches the longest word may prefer the ending there
    (亮度提高 is 亮度 + 提高, not 亮 + 度提高, a word its corpus met twice).

    >>> weak_endings()["度提高"]
    2
    """
    return _short_words()[1]


# how often jieba's corpus met a word: a rare one (度提高) against a common one (提高)
_RARE_COUNT = "5"  # at most, a count of one digit
_COMMON_DIGITS = 4  # at least 1000


@once
def _short_words() -> tuple[dict[str, str], dict[str, int]]:
    """The tags of the short words and the weak ones, in one read of the
    dictionary (a read takes about a second)."""
    tags: dict[str, str] = {}
    common: set[str] = set()
    rare: list[str] = []
    for parts in _jieba_lines():
        word = parts[0]
        if len(word) > _MAX_WORD:
            continue
        tags[word] = sys.intern(parts[2] if len(parts) > 2 else "")
        count = parts[1] if len(parts) > 1 else ""
        # (compared as digits, not parsed: most entries are neither)
        if len(count) >= _COMMON_DIGITS and len(word) <= 3:
            common.add(word)
        elif len(word) >= 3 and len(count) == 1 and count <= _RARE_COUNT:
            rare.append(word)
    weak: dict[str, int] = {}
    for word in rare:
        ending = next((n for n in range(len(word) - 1, 1, -1) if word[-n:] in common), 0)
        if ending:
            weak[word] = ending
    return tags, weak


def _build() -> set[str]:
    units = set(loaders.units())
    qualifiers = {q.word for q in loaders.qualifiers()}
    keep = units | qualifiers | set(_role("word_affix"))
    words = set(loaders.not_numbers())
    for word in _jieba_words():
        if not 2 <= len(word) <= _MAX_LEN or not any(c in _NUMERAL_CHARS for c in word):
            continue
        rest = "".join(c for c in word if c not in _NUMERAL_CHARS)
        if _is_number_affix(rest, keep) or _counted_noun(word, units) or _ordinal_phrase(word):
            continue
        words.add(word)
    return words


def _is_number_affix(rest: str, keep: set[str]) -> bool:
    if rest == "" or rest in keep:
        return True
    # 第一个, 一个月, 三十多岁, 十几年前, 数百家: strip ordinal and classifier marks.
    core = rest
    for mark in _role("word_mark"):
        core = core.replace(mark, "")
    if core == "" or core in keep:
        return True
    return core[-1:] in _role("word_time_end") and core[:-1] in keep


def _ordinal_phrase(word: str) -> bool:
    """第一阶段, 第四季, 第三节: 第 and a numeral start the word, and the
    ordinal is read as one whatever follows it."""
    return len(word) > 2 and word[0] == "第" and word[1] in _NUMERAL_CHARS


def _counted_noun(word: str, units: set[str]) -> bool:
    """两件事, 三个代表, 一个人: numerals and a measure word, then a noun."""
    i = 0
    while i < len(word) and word[i] in _NUMERAL_CHARS:
        i += 1
    if i == 0:
        return False
    return any(word.startswith(u, i) and len(word) > i + len(u) for u in units)


def _jieba_words() -> list[str]:
    return [word for word, _ in jieba_entries() if any(c in _NUMERAL_CHARS for c in word)]


def jieba_entries() -> Iterator[tuple[str, str]]:
    """(word, part-of-speech tag) of each entry of jieba's dictionary, read as
    a file; nothing when jieba or its dictionary is missing."""
    for parts in _jieba_lines():
        yield parts[0], parts[2] if len(parts) > 2 else ""


def jieba_counts() -> Iterator[tuple[str, int]]:
    """(word, how often it occurs in jieba's corpus) of each entry of its
    dictionary; nothing when jieba or its dictionary is missing."""
    for parts in _jieba_lines():
        if len(parts) > 1 and parts[1].isdigit():
            yield parts[0], int(parts[1])


def _jieba_lines() -> Iterator[list[str]]:
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        return
    try:
        text = (Path(spec.origin).parent / "dict.txt").read_text(encoding="utf-8")
    except OSError:
        return
    for line in text.splitlines():
        parts = line.split(" ")
        if parts[0]:
            yield parts
