"""The lexicon tables that number reading uses (units, qualifiers, idioms and
set numbers, count nouns, verbs of change), loaded once, and what is derived
from them.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Optional

from ..lexicon import loaders
from ..lexicon.numerals import (
    BIG_UNITS,
    DIGITS,
    SEVERAL_BEFORE,
    SMALL_UNITS,
)
from ..normalize import fold
from .chars import (
    _CONNECTORS,
    _EXTENDERS,
    _JOINERS_BEFORE,
    _NUMERAL_START,
    _PLACE_CHARS,
)

_Unit = loaders.Unit
_Qualifier = loaders.Qualifier
_SetPhrase = loaders.SetPhrase


@cache
def _words(role: str) -> tuple[str, ...]:
    """The words of ``lexicon/number_words.tsv`` with ``role``, in table order."""
    return loaders.number_words_with(role)


@cache
def _chars(role: str) -> frozenset[str]:
    """The one-character words of ``role`` (see :func:`_words`)."""
    return frozenset(_words(role))


@cache
def _word_values(role: str) -> dict[str, str]:
    """The words of ``role`` and their values (see :func:`_words`)."""
    return {w.word: w.value for w in loaders.number_words() if w.role == role}


@cache
def _words_opening(role: str) -> dict[str, tuple[str, ...]]:
    """The words of ``role`` by their value (the unit or qualifier each one
    opens with, 十一期间 under 期): one look-up per figure rather than a walk
    over the role's words."""
    by_value: dict[str, tuple[str, ...]] = {}
    for word, value in _word_values(role).items():
        by_value[value] = (*by_value.get(value, ()), word)
    return by_value


@lru_cache(maxsize=1)
def _currency_last() -> frozenset[str]:
    """The last characters of the currency words before an amount."""
    return frozenset(w[-1] for w in _words("currency_before"))


def _units() -> dict[str, _Unit]:
    return loaders.units()


@lru_cache(maxsize=1)
def _qualifiers() -> tuple[list[_Qualifier], list[_Qualifier]]:
    """The qualifiers before a number and after it, the longest first."""
    before = sorted((q for q in loaders.qualifiers() if q.position == "before"), key=lambda q: -len(q.word))
    after = sorted((q for q in loaders.qualifiers() if q.position == "after"), key=lambda q: -len(q.word))
    return before, after


@lru_cache(maxsize=1)
def _qualifiers_ending() -> dict[str, list[_Qualifier]]:
    """The qualifiers that stand before a number, by their last character."""
    by_last: dict[str, list[_Qualifier]] = {}
    for q in _qualifiers()[0]:
        by_last.setdefault(q.word[-1], []).append(q)
    return by_last


@lru_cache(maxsize=1)
def _qualifiers_starting() -> dict[str, list[_Qualifier]]:
    """The qualifiers that stand after a number, by their first character."""
    by_first: dict[str, list[_Qualifier]] = {}
    for q in _qualifiers()[1]:
        by_first.setdefault(q.word[0], []).append(q)
    return by_first


@lru_cache(maxsize=1)
def _idioms() -> list[_SetPhrase]:
    return sorted(loaders.set_phrases(), key=lambda p: -len(p.word))


@lru_cache(maxsize=1)
def _idiom_starts() -> frozenset[str]:
    return frozenset(p.word[0] for p in _idioms())


@lru_cache(maxsize=1)
def _start() -> re.Pattern[str]:
    """Where an expression may begin: a numeral, or an idiom of ours.

    Compiled by the standard library's ``re``, which scans for a character
    class about three times as fast as ``regex``: this search runs over every
    character of the text."""
    idioms = "|".join(re.escape(p.word) for p in _idioms())
    several = "|".join(re.escape(word) for word in SEVERAL_BEFORE)
    start = f"{_NUMERAL_START}|数(?=(?:{several}))"
    return re.compile(f"{start}|(?=(?:{idioms}))." if idioms else start)


@lru_cache(maxsize=1)
def _unit_lengths_by_start() -> dict[str, tuple[int, ...]]:
    """The lengths of the units that open with each character, the longest
    first: a unit is tried only at the lengths its first character has."""
    by_start: dict[str, set[int]] = {}
    for u in _units():
        by_start.setdefault(u[0], set()).add(len(u))
    return {c: tuple(sorted(lengths, reverse=True)) for c, lengths in by_start.items()}


def _match_unit(f: str, k: int) -> Optional[_Unit]:
    lengths = _unit_lengths_by_start().get(f[k]) if k < len(f) else None
    if lengths is None:
        return None
    units = _units()
    for n in lengths:
        u = units.get(f[k:k + n])
        if u is not None:
            e = k + n
            if e < len(f) and f[e].isascii() and f[e].isalpha() and f[e - 1].isascii():
                continue  # a Latin unit is a whole word: not the pp of ppm, the MW of MWp
            return u
    return None


@lru_cache(maxsize=1)
def _around() -> tuple[frozenset[str], frozenset[str]]:
    """(characters that may extend a numeral after it, characters that may
    join it from before)."""
    before, after = _qualifiers()
    extend = set(_EXTENDERS) | set(DIGITS) | set(SMALL_UNITS) | set(BIG_UNITS) | set("0123456789")
    extend |= {u[0] for u in _units()} | {q.word[0] for q in after} | {c[0] for c in _CONNECTORS}
    join = set(_JOINERS_BEFORE) | {q.word[-1] for q in before} | {w[-1] for w in _words("currency_before")}
    return frozenset(extend), frozenset(join)


@lru_cache(maxsize=1)
def _count_nouns() -> frozenset[str]:
    """Nouns ending in 数 (人数, 家数, 指数) from ``lexicon/not_numbers.tsv``:
    after them 数 is not "several", even before a place (股东人数千余人)."""
    return frozenset(fold(word) for word in loaders.not_numbers() if word.endswith("数"))


@lru_cache(maxsize=1)
def _magnitude_units() -> tuple[str, ...]:
    """The units that open with a place or magnitude character (千瓦时, 兆瓦)."""
    return tuple(w for w in _units() if w[0] in _PLACE_CHARS)


@lru_cache(maxsize=1)
def _change_verbs() -> tuple[str, ...]:
    """The verbs of change of ``lexicon/metric_context.tsv`` (提升, 下降…)."""
    return tuple(w.word for w in loaders.metric_context() if w.role in ("up", "down"))


def _after_change_verb(f: str, start: int) -> bool:
    """Whether a verb of change (and 了) stands right before ``start``."""
    k = start - 1 if start > 0 and f[start - 1] == "了" else start
    return f.endswith(_change_verbs(), max(0, k - 4), k)
