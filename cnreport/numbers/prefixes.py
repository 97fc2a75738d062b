"""What stands before a numeral: 第, 前, 其, 之, Top, Q3, 民国, a minus sign, a currency word or sign, and a qualifier (超过, 近, 约)."""
from __future__ import annotations

from typing import Optional

from ..lexicon.numerals import (
    BIG_UNITS,
    SMALL_UNITS,
)
from .chars import (
    _CURRENCY_BEFORE,
    _CURRENCY_LAST,
    _PLAIN_BEFORE_STOP,
    _QUARTER,
    _ROC_OFFSET,
    _SIGNS,
    _SPACES,
    _is_cjk,
)
from .dates import _first_periods
from .draft import _bounds_from_qualifier, _Draft
from .ranges import _sign_stands
from .tables import _around, _qualifiers_ending, _units


def _with_prefixes(f: str, d: Optional[_Draft], floor: int) -> Optional[_Draft]:
    """Attach what stands before the numeral: 第, 前, 其, 之, a minus sign,
    a currency word or sign, and a qualifier (超過, 近, 約)."""
    if d is None:
        return None
    i = d.start
    if i - 1 < floor:
        return d
    before = f[i - 1]
    if before not in _around()[1] and before not in _PLAIN_BEFORE_STOP:
        return d  # nothing before it can join it (see _around)
    # ordinal markers
    if i - 1 >= floor and f[i - 1] == "第" and d.kind not in ("date", "year"):
        d.start = i - 1
        if d.kind not in ("fraction",):
            d.kind = "ordinal"
        return d
    if i - 1 >= floor and f[i - 1] == "其" and d.numeral is not None and d.numeral.only_digit \
            and d.unit is None and (d.end >= len(f) or not _is_cjk(f[d.end]) or f[d.end] == "是"):
        d.start, d.kind = i - 1, "ordinal"
        return d
    if i - 1 >= floor and f[i - 1] == "之" and d.numeral is not None and d.numeral.only_digit == "一" \
            and d.unit is None:
        d.start = i - 1
        return d
    if i - 2 >= floor and f[i - 1] == "国" and f[i - 2] == "民" and d.kind == "duration" and d.unit is not None \
            and f[d.unit[0]:d.unit[1]] == "年" and isinstance(d.value, int) and d.value > 0 and d.qualifier is None:
        # 民國八十五年: a year of the Republic of China calendar, which
        # starts in 1912; the value is the Gregorian year
        d.start, d.kind, d.value = i - 2, "year", d.value + _ROC_OFFSET
        return d
    top = i - 4 if i - 1 >= floor and f[i - 1] in _SPACES else i - 3
    if top >= floor and f[top:top + 3].lower() == "top" and d.kind == "cardinal" and d.unit is None \
            and d.value is not None and (top == 0 or not (f[top - 1].isascii() and f[top - 1].isalpha())):
        # Top 10, TOP3: the first ten, a ranking
        d.start, d.kind, d.qualifier = top, "ordinal", "<="
        _bounds_from_qualifier(d)
        return d
    if i - 1 >= floor and f[i - 1] == "好" and f[i] == "几":
        d.start = i - 1  # 好几万: several ten thousands, as 几万
        return d
    if i - 1 >= floor and f[i - 1] in "QqHh" and _QUARTER.match(f, i - 1) and d.numeral is not None \
            and d.unit is None and (i - 2 < floor or not (f[i - 2].isascii() and f[i - 2].isalpha())):
        # Q3, 2023Q4, H1: a quarter or a half of the year
        d.start, d.kind, d.unit = i - 1, "ordinal", (i - 1, i)
        return d
    if i - 1 >= floor and f[i - 1] == "前" and _first_periods(f, d):
        return d
    if i - 1 >= floor and f[i - 1] == "前" and d.numeral is not None and (d.kind == "cardinal" or (
            d.kind == "ordinal" and d.unit is not None and f[d.unit[0]:d.unit[1]] == "名")) \
            and d.value is not None and d.value != 1 and (i - 2 < floor or f[i - 2] not in
                                                        "目之以提当此眼空从面先事生跟向日年月天几到"):
        d.start, d.kind, d.qualifier = i - 1, "ordinal", "<="
        _bounds_from_qualifier(d)
        return d
    # sign: 负, a minus, 零下 (below zero)
    sign_at = i - 2 if i - 2 >= floor and f[i - 1] in _SPACES and f[i - 2] == "负" else i - 1
    below_zero = sign_at - 1 >= floor and f.startswith("零下", sign_at - 1)
    if below_zero:
        sign_at -= 1
    if sign_at >= floor and (below_zero or f[sign_at] in "负-") and d.kind not in ("date", "year") \
            and _sign_stands(f, sign_at, floor):
        d.start = sign_at
        for name in ("value", "low", "high"):
            v = getattr(d, name)
            if v is not None and not isinstance(v, str):
                setattr(d, name, -v)
        if d.low is not None and d.high is not None and d.value is None:
            d.low, d.high = d.high, d.low
        i = d.start
    # currency before the number: 人民币50元, ¥300, 港幣3.14
    last = f[i - 2] if i - 2 >= floor and f[i - 1] in _SPACES else f[i - 1] if i - 1 >= floor else ""
    for word in _CURRENCY_BEFORE if last and last in _CURRENCY_LAST else ():
        j = i - len(word)
        if j >= floor and f.startswith(word, j) or (j - 1 >= floor and f[i - 1] in _SPACES
                                                   and f.startswith(word, j - 1)):
            j = j if f.startswith(word, j) else j - 1
            d.start = j
            unit = _units().get(word)
            code = unit.currency if unit is not None else _SIGNS.get(word)
            if d.kind in ("cardinal",) and d.unit is None:
                d.kind = "money"
                d.unit = (j, j + len(word))
                d.currency = code
            elif d.kind == "money" and code:
                d.currency = code  # 港币两千九百六十元: the currency named first
            i = j
            break
    # qualifier before the number, right before it or after one space
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
        if d.kind in ("ordinal", "date", "year") and q.word not in ("约", "大约", "近"):
            continue
        d.start = j
        if d.qualifier is None or d.qualifier == "~":
            d.qualifier = q.symbol
            if d.numeral is not None and d.numeral.more is not None and q.symbol != ">":
                d.low = d.high = None
            _bounds_from_qualifier(d)
        return d
    return d


def _magnitude_first(f: str, i: int) -> bool:
    """过 and 上 qualify only round magnitudes: 過百萬, 上千, 過億 (not 經過三年)."""
    return f[i] in SMALL_UNITS or f[i] in BIG_UNITS
