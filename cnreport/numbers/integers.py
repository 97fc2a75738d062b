"""Integers and magnitudes: a magnitude alone (过亿), 数以千万计, 十来个, and measure
words that count digits (两位数).
"""
from __future__ import annotations

from typing import Optional

from ..lexicon.numerals import (
    BIG_UNITS,
)
from ..numerals import (
    scan_numeral,
)
from .chars import _PLACE_CHARS
from .draft import _Draft, _evolve
from .ordinals import _headcount_hao
from .tables import _magnitude_units, _match_unit, _qualifiers_ending, _words

# Measure words that the full read treats in a way of their own: 十一期间,
# 千万级, 1对1, 9点30分.
_COUNT_STOP_UNITS = frozenset({"期", "级", "对", "点"})


def _bare_magnitude_ok(f: str, i: int, floor: int) -> bool:
    """A magnitude alone (過億, 上百万's 万) is a number only after a qualifier
    or before 时代/级: 万 by itself is too often a name (万达) or a word."""
    if f[i] in _PLACE_CHARS and f.startswith(_magnitude_units(), i):
        return False  # 元/千瓦时, 千克: a unit word, no number
    if f[i] not in BIG_UNITS:
        return True
    if f.startswith(_words("magnitude_next"), i + 1) or f.startswith(("万亿", "万余"), i):
        return True  # 亿时代, 亿级, 万亿美元, 万余人
    return i > 0 and any(i - len(q.word) >= floor and f.startswith(q.word, i - len(q.word))
                         for q in _qualifiers_ending().get(f[i - 1], ()))


def _read_shu_yi(f: str, i: int) -> Optional[_Draft]:
    """数以千万计: several times the magnitude named (2 to 9 of them)."""
    num = scan_numeral(f, i + 2, allow_bare_magnitude=True)
    if num is None or not num.exact or not f.startswith("计", num.end):
        return None
    return _Draft(i, num.end + 1, i, num.end + 1, None, low=int(num.lo * 2), high=int(num.lo * 9),
                  fixed=True)


def _read_lai(f: str, d: _Draft, k: int) -> Optional[_Draft]:
    """十来个, 百来号人, 二十来个亿, 一百来万: 来 (at ``k``) after a round
    number and before what it counts makes it approximate (~); a magnitude
    after 来 still multiplies (一百来万 is about a million). None when 来
    is no part of the number."""
    num = d.numeral
    assert num is not None
    value = d.value
    if not (isinstance(value, int) and value >= 10 and value % 10 == 0 and num.more is None
            and d.qualifier is None):
        return None  # 一来, 二来: firstly, secondly
    j = k + 1
    ge = 1 if f.startswith("个", j) and j + 1 < len(f) and f[j + 1] in BIG_UNITS else 0
    if j + ge < len(f) and f[j + ge] in BIG_UNITS:
        if num.has_magnitude:
            return None  # (八万来万 is no number)
        value *= 10 ** BIG_UNITS[f[j + ge]]
        j += ge + 1
    elif not (f.startswith("个", j) or _match_unit(f, j) is not None or _headcount_hao(f, j)):
        return None  # 十来 alone: 来 is a verb (十来了)
    return _evolve(d, value=value, qualifier="~", end=j, core_end=j)


def _digit_count(f: str, a: int, b: int) -> bool:
    """Whether the measure word at ``a:b`` is the 位 of 位数: 两位数增长 and
    6位数密码 say how many digits, not how many of anything."""
    return f.startswith("位数", a) and b == a + 1
