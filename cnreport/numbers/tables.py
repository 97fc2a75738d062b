"""The lexicon tables that number reading uses (units, qualifiers, idioms and set numbers, count nouns, verbs of change), loaded once, and what is derived from them."""
from __future__ import annotations

import re
from fractions import Fraction
from functools import lru_cache
from typing import Optional

import attrs

from ..lexicon import table
from ..lexicon.numerals import (
    BIG_UNITS,
    DIGITS,
    SEVERAL_BEFORE,
    SMALL_UNITS,
)
from ..normalize import fold
from ..numerals import (
    Rational,
)
from .chars import (
    _CONNECTORS,
    _CURRENCY_BEFORE,
    _EXTENDERS,
    _JOINERS_BEFORE,
    _NUMERAL_START,
    _PLACE_CHARS,
)


@attrs.frozen
class _Unit:
    word: str
    kind: str
    currency: Optional[str]  # money: its ISO 4217 code
    scale: Rational = 1  # percentage points per unit (5‰ is 0.5%), or yuan or dollars (15港仙 is 0.15)


@lru_cache(maxsize=1)
def _units() -> dict[str, _Unit]:
    units: dict[str, _Unit] = {}
    for row in table("units.tsv", 4):
        if row[0] in units:
            raise ValueError(f"{row.file}:{row.line}: {row[0]!r} is listed twice")
        currency, _, per = row[2].partition(" ") if row[1] == "money" else ("", "", row[2] if row[1] == "percent" else "")
        units[row[0]] = _Unit(row[0], row[1], currency or None, Fraction(per) if per else 1)
    return units


@lru_cache(maxsize=1)
def _unit_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(u) for u in _units()}, reverse=True))


@attrs.frozen
class _Qualifier:
    word: str
    symbol: str
    not_after: str


@lru_cache(maxsize=1)
def _qualifiers() -> tuple[list[_Qualifier], list[_Qualifier]]:
    before: list[_Qualifier] = []
    after: list[_Qualifier] = []
    for row in table("qualifiers.tsv", 4):
        q = _Qualifier(row[0], row[1], row[3])
        if row[2] == "before":
            before.append(q)
        elif row[2] == "after":
            after.append(q)
        else:
            raise ValueError(f"{row.file}:{row.line}: position must be before or after")
    before.sort(key=lambda q: -len(q.word))
    after.sort(key=lambda q: -len(q.word))
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


@attrs.frozen
class _SetPhrase:
    """An idiom (成千上万: a range) or a set word (双倍, 翻一番: one value)."""

    word: str
    value: Optional[int]
    low: Optional[int]
    high: Optional[int]
    kind: str
    unit: str


@lru_cache(maxsize=1)
def _idioms() -> list[_SetPhrase]:
    phrases = [_SetPhrase(r[0], None, int(r[1]), int(r[2]), "cardinal", "") for r in table("vague.tsv", 4)]
    for r in table("set_numbers.tsv", 5):
        if r[3] and not r[0].endswith(r[3]):
            raise ValueError(f"{r.file}:{r.line}: the unit must end the word")
        phrases.append(_SetPhrase(r[0], int(r[1]), None, None, r[2], r[3]))
    return sorted(phrases, key=lambda p: -len(p.word))


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
def _unit_starts() -> frozenset[str]:
    return frozenset(u[0] for u in _units())


def _match_unit(f: str, k: int) -> Optional[_Unit]:
    if k >= len(f) or f[k] not in _unit_starts():
        return None
    units = _units()
    for n in _unit_lengths():
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
    join = set(_JOINERS_BEFORE) | {q.word[-1] for q in before} | {w[-1] for w in _CURRENCY_BEFORE}
    return frozenset(extend), frozenset(join)


@lru_cache(maxsize=1)
def _count_nouns() -> frozenset[str]:
    """Nouns ending in 数 (人数, 家数, 指数) from ``lexicon/not_numbers.tsv``:
    after them 数 is not "several", even before a place (股东人数千余人)."""
    return frozenset(fold(row[0]) for row in table("not_numbers.tsv", 2) if row[0].endswith("数"))


@lru_cache(maxsize=1)
def _magnitude_units() -> tuple[str, ...]:
    """The units that open with a place or magnitude character (千瓦时, 兆瓦)."""
    return tuple(w for w in _units() if w[0] in _PLACE_CHARS)


@lru_cache(maxsize=1)
def _change_verbs() -> tuple[str, ...]:
    """The verbs of change of ``lexicon/metric_context.tsv`` (提升, 下降…)."""
    return tuple(row[0] for row in table("metric_context.tsv", 2) if row[1] in ("up", "down"))


def _after_change_verb(f: str, start: int) -> bool:
    """Whether a verb of change (and 了) stands right before ``start``."""
    k = start - 1 if start > 0 and f[start - 1] == "了" else start
    return f.endswith(_change_verbs(), max(0, k - 4), k)
