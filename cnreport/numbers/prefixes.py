"""What stands before a numeral: 第, 前, 其, 之, Top, Q3, 民国, a minus sign, a
currency word or sign, and a qualifier (超过, 近, 约).
"""
from __future__ import annotations

from typing import Optional

from ..lexicon.numerals import (
    BIG_UNITS,
    SMALL_UNITS,
)
from ..model import Value
from .chars import (
    _PLAIN_BEFORE_STOP,
    _QUARTER,
    _ROC_OFFSET,
    _SPACES,
    _is_cjk,
)
from .dates import _first_periods
from .draft import _Draft, _evolve, _qualified
from .ranges import _sign_stands
from .tables import (
    _around,
    _chars,
    _currency_last,
    _qualifiers_ending,
    _units,
    _word_values,
    _words,
)


def _with_prefixes(f: str, d: Optional[_Draft], floor: int) -> Optional[_Draft]:
    """Attach what stands before the numeral: 第, 前, 其, 之, a minus sign,
    a currency word or sign, and a qualifier (超過, 近, 約). A mark that
    makes the expression an ordinal or a period ends the read; a sign, a
    currency and a qualifier may stand one before the other (约人民币-3亿元)."""
    if d is None:
        return None
    i = d.start
    if i - 1 < floor:
        return d
    before = f[i - 1]
    if before not in _around()[1] and before not in _PLAIN_BEFORE_STOP:
        return d  # nothing before it can join it (see _around)
    for mark in _MARKS:
        marked = mark(f, d, floor)
        if marked is not None:
            return marked
    return _with_qualifier(f, _with_currency(f, _with_sign(f, d, floor), floor), floor)


# Each mark reader takes a draft whose start is past the floor and returns the
# draft with the mark before it, or None when the mark is not there.
def _ordinal_mark(f: str, d: _Draft, floor: int) -> Optional[_Draft]:
    """第三, 其一 (before 是 or the end of a clause), 之一."""
    i = d.start
    if f[i - 1] == "第" and d.kind not in ("date", "year"):
        return _evolve(d, start=i - 1, kind=d.kind if d.kind == "fraction" else "ordinal")
    if f[i - 1] == "其" and d.numeral is not None and d.numeral.only_digit \
            and d.unit is None and (d.end >= len(f) or not _is_cjk(f[d.end]) or f[d.end] == "是"):
        return _evolve(d, start=i - 1, kind="ordinal")
    if f[i - 1] == "之" and d.numeral is not None and d.numeral.only_digit == "一" and d.unit is None:
        return _evolve(d, start=i - 1)
    return None


def _roc_year(f: str, d: _Draft, floor: int) -> Optional[_Draft]:
    """民國八十五年: a year of the Republic of China calendar, which starts
    in 1912; the value is the Gregorian year."""
    i = d.start
    if i - 2 >= floor and f[i - 1] == "国" and f[i - 2] == "民" and d.kind == "duration" and d.unit is not None \
            and f[d.unit[0]:d.unit[1]] == "年" and isinstance(d.value, int) and d.value > 0 and d.qualifier is None:
        return _evolve(d, start=i - 2, kind="year", value=d.value + _ROC_OFFSET)
    return None


def _top(f: str, d: _Draft, floor: int) -> Optional[_Draft]:
    """Top 10, TOP3: the first ten, a ranking."""
    i = d.start
    top = i - 4 if f[i - 1] in _SPACES else i - 3
    if top >= floor and f[top:top + 3].lower() == "top" and d.kind == "cardinal" and d.unit is None \
            and d.value is not None and (top == 0 or not (f[top - 1].isascii() and f[top - 1].isalpha())):
        return _qualified(_evolve(d, start=top, kind="ordinal"), "<=")
    return None


def _several(f: str, d: _Draft, floor: int) -> Optional[_Draft]:
    """好几万: several ten thousands, as 几万."""
    i = d.start
    return _evolve(d, start=i - 1) if f[i - 1] == "好" and f[i] == "几" else None


def _quarter(f: str, d: _Draft, floor: int) -> Optional[_Draft]:
    """Q3, 2023Q4, H1: a quarter or a half of the year."""
    i = d.start
    if f[i - 1] in "QqHh" and _QUARTER.match(f, i - 1) and d.numeral is not None \
            and (d.unit is None or d.core_end == i + 1) \
            and (i - 2 < floor or not (f[i - 2].isascii() and f[i - 2].isalpha())):
        # (Q3单季, Q3毛利率: what follows the quarter is no unit of its digit)
        return _evolve(d, start=i - 1, end=i + 1, core_end=i + 1, kind="ordinal", unit=(i - 1, i), value=int(f[i]),
                       unit_kind="", qualifier=None, currency=None, unit_text=None, no_unit_text=False)
    return None


def _first(f: str, d: _Draft, floor: int) -> Optional[_Draft]:
    """前八月, 前三季度, 首三季度: the first months or quarters (前 and 首
    stay out of the surface); 前十, 前三名: the first ten, a ranking."""
    i = d.start
    if f[i - 1] == "首":
        return _first_periods(f, d)  # 首三季度: the first three quarters, as 前三季度
    if f[i - 1] != "前":
        return None
    periods = _first_periods(f, d)
    if periods is not None:
        return periods
    if d.numeral is not None and (d.kind == "cardinal" or (
            d.kind == "ordinal" and d.unit is not None and f[d.unit[0]:d.unit[1]] == "名")) \
            and d.value is not None and d.value != 1 and (i - 2 < floor or f[i - 2] not in _chars("not_first")):
        return _qualified(_evolve(d, start=i - 1, kind="ordinal"), "<=")
    return None


_MARKS = (_ordinal_mark, _roc_year, _top, _several, _quarter, _first)


def _with_sign(f: str, d: _Draft, floor: int) -> _Draft:
    """负, a minus, 零下 (below zero): the values turn negative, and a
    range turns round."""
    i = d.start
    sign_at = i - 2 if i - 2 >= floor and f[i - 1] in _SPACES and f[i - 2] == "负" else i - 1
    below_zero = sign_at - 1 >= floor and f.startswith("零下", sign_at - 1)
    if below_zero:
        sign_at -= 1
    if not (sign_at >= floor and (below_zero or f[sign_at] in "负-") and d.kind not in ("date", "year")
            and _sign_stands(f, sign_at, floor)):
        return d
    low, high = _negated(d.low), _negated(d.high)
    if low is not None and high is not None and d.value is None:
        low, high = high, low
    return _evolve(d, start=sign_at, value=_negated(d.value), low=low, high=high)


def _negated(v: Optional[Value]) -> Optional[Value]:
    return v if v is None or isinstance(v, str) else -v


def _with_currency(f: str, d: _Draft, floor: int) -> _Draft:
    """人民币50元, ¥300, 港幣3.14, US$ 5: the currency before the number,
    right before it or one space before."""
    i = d.start
    last = f[i - 2] if i - 2 >= floor and f[i - 1] in _SPACES else f[i - 1] if i - 1 >= floor else ""
    for word in _words("currency_before") if last and last in _currency_last() else ():
        j = i - len(word)
        if (j >= floor and f.startswith(word, j)) or (j - 1 >= floor and f[i - 1] in _SPACES
                                                   and f.startswith(word, j - 1)):
            j = j if f.startswith(word, j) else j - 1
            unit = _units().get(word)
            code = unit.currency if unit is not None else _word_values("currency_before")[word] or None
            if d.kind in ("cardinal",) and d.unit is None:
                return _evolve(d, start=j, kind="money", unit=(j, j + len(word)), currency=code)
            if d.kind == "money" and code:
                return _evolve(d, start=j, currency=code)  # 港币两千九百六十元: the currency named first
            return _evolve(d, start=j)
    return d


def _with_qualifier(f: str, d: _Draft, floor: int) -> _Draft:
    """超过, 近, 约, 不到…: the qualifier before the number, right before it
    or after one space; its bounds unless one was read after the number."""
    i = d.start
    gap = 1 if i - 1 >= floor and f[i - 1] in _SPACES else 0
    if i - 1 - gap < floor:
        return d
    for q in _qualifiers_ending().get(f[i - 1 - gap], ()):
        j = i - gap - len(q.word)
        if j < floor or not f.startswith(q.word, j):
            continue
        if j > floor and f[j - 1] in q.not_after:
            continue
        if q.word in ("过", "上") and not _magnitude_first(f, i):
            continue
        if d.kind in ("ordinal", "date", "year") and q.word not in _words("date_qualifier"):
            continue
        d = _evolve(d, start=j)
        if d.qualifier is not None and d.qualifier != "~":
            return d
        if d.numeral is not None and d.numeral.more is not None and q.symbol != ">":
            d = _evolve(d, low=None, high=None)
        return _qualified(d, q.symbol)
    return d


def _magnitude_first(f: str, i: int) -> bool:
    """过 and 上 qualify only round magnitudes: 過百萬, 上千, 過億 (not 經過三年)."""
    return f[i] in SMALL_UNITS or f[i] in BIG_UNITS
