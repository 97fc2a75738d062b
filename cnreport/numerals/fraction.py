"""Fractions written with 分之: 三分之一, 百分之五 read as a share, 十又四分之一."""
from __future__ import annotations

from fractions import Fraction

import attrs

from ..model import Rational
from .scan import Numeral, scan_numeral
from .tokens import _SPACES


@attrs.frozen
class Fractional:
    """``N分之M`` (and ``A又N分之M``) found in folded text."""

    start: int
    end: int
    value: Rational
    denominator: Rational
    numerator_start: int


def _signed(f: str, i: int) -> tuple[int, int]:
    """(sign, position after it) for an optional 负 / - at ``i``."""
    if i < len(f) and f[i] in "负-":
        return -1, i + 1
    return 1, i


def scan_fraction(f: str, i: int, first: Numeral | None = None) -> Fractional | None:
    """``N分之M`` starting at ``i`` in folded text, with an optional whole part.

    ``first`` is the numeral at ``i`` when the caller has already read it.

    >>> scan_fraction("八分之一", 0).value
    Fraction(1, 8)
    >>> scan_fraction("三百五又三分之一", 0).value
    Fraction(1051, 3)
    """
    sign, j = _signed(f, i)
    if first is None or j != i:
        first = scan_numeral(f, j)
    if first is None or not first.exact:
        return None
    whole: Rational = 0
    k = _skip_spaces(f, first.end)
    if k >= len(f) or f[k] not in "又分":
        return None
    if f[k] == "又":
        whole = first.lo
        k = _skip_spaces(f, k + 1)
        den_num = scan_numeral(f, k)
        if den_num is None or not den_num.exact:
            return None
    else:
        den_num = first
    k = _skip_spaces(f, den_num.end)
    if not f.startswith("分", k):
        return None
    k = _skip_spaces(f, k + 1)
    if not f.startswith("之", k):
        return None
    k = _skip_spaces(f, k + 1)
    nsign, k2 = _signed(f, k)
    num = scan_numeral(f, k2)
    if num is None or not num.exact or den_num.lo == 0:
        return None
    value = sign * (whole + Fraction(nsign * num.lo) / den_num.lo)
    return Fractional(i, num.end, value, den_num.lo, k)


def _skip_spaces(f: str, k: int, most: int = 2) -> int:
    j = k
    while j < len(f) and j - k < most and f[j] in _SPACES:
        j += 1
    return j
