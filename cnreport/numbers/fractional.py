"""Halves and written fractions: 半年, 半个月, 过半, 半数以上, 3/4."""
from __future__ import annotations

import re
from fractions import Fraction
from typing import Optional

import attrs

from ..numerals import (
    exact,
)
from .draft import _Draft, _qualified, _read_after_qualifier
from .tables import _match_unit, _words

# (re, not regex: a match costs half as much)
_SLASH_FRACTION = re.compile(r"([0-9]{1,6})/([1-9][0-9]{0,5})(?![0-9/])")


def _read_half(f: str, i: int) -> Optional[_Draft]:
    """半年, 半个月, 半成: a half with a unit after it (下半年 is a name)."""
    if i > 0 and f[i - 1] in "上下前后多大一":
        return None
    if i > 0 and f[i - 1] in "过逾" and (i < 2 or f[i - 2] != "不") and _match_unit(f, i + 1) is None \
            and not f.startswith(_words("half_word"), i):
        # 过半, 逾半: more than half (下滑逾半, 缩水过半); not 不过半
        return _Draft(i - 1, i + 1, i, i + 1, Fraction(1, 2), kind="fraction", qualifier=">",
                      low=Fraction(1, 2), fixed=True)
    k = i + 1
    ge = f.startswith("个", k)
    if ge:
        k += 1
    unit = _match_unit(f, k)
    if unit is not None and unit.kind in ("duration",) and (ge or unit.word not in ("月", "季度")) \
            and not (unit.word == "年" and f.startswith("度", k + 1)):  # (2025年半年度: the report's half-year)
        d = _Draft(i, k + len(unit.word), i, i + 1, exact(Fraction(1, 2), True), kind="duration",
                   unit=(k, k + len(unit.word)), unit_kind=unit.kind, fixed=True)
        return _read_after_qualifier(f, d)
    if f.startswith(("成", "折"), i + 1) and not ge:
        value = 5 if f[i + 1] == "成" else 50
        return _Draft(i, i + 2, i, i + 2, value, kind="percent", unit=(i + 1, i + 2), fixed=True)
    if f.startswith("百", i + 1) and not ge:
        return _Draft(i, i + 2, i, i + 2, 50, fixed=True)
    if f.startswith("数", i + 1) and not ge:  # 半数以上: half of them
        d = _read_after_qualifier(f, _Draft(i, i + 2, i, i + 2, Fraction(1, 2), kind="fraction", fixed=True))
        if d.qualifier is None and i > 0 and f[i - 1] in "过逾" and (i < 2 or f[i - 2] != "不"):
            d = attrs.evolve(_qualified(d, ">"), start=i - 1)  # 过半数
        return d
    return None
