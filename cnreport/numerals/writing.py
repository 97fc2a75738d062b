"""Writing numbers in Chinese: :func:`to_chinese`, lower-case or financial,
simplified or traditional.
"""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from ..lexicon.loaders import NumeralRole, numeral_alphabet
from ..model import Number


def _written(role: NumeralRole) -> tuple[str, ...]:
    """The forms of ``role`` in ``lexicon/numerals.tsv``, by value."""
    return tuple(c.word for c in sorted((c for c in numeral_alphabet() if c.role == role), key=lambda c: c.value))


_LOWER = "".join(_written("write_digit"))
_UPPER = "".join(_written("write_digit_financial"))
_PLACES = {False: ("", *_written("write_place")), True: ("", *_written("write_place_financial"))}
_GROUPS = {False: _written("write_group"), True: _written("write_group_traditional")}
_SIGN = {False: _written("write_negative")[0], True: _written("write_negative_traditional")[0]}
_POINT = {False: _written("write_point")[0], True: _written("write_point_traditional")[0]}


def _group_word(k: int, traditional: bool) -> str:
    """The magnitude word of the k-th group of four digits: 万, 亿, 万亿, 亿亿…"""
    wan, yi = _GROUPS[traditional]
    return (wan if k % 2 else "") + yi * (k // 2)


def to_chinese(n: Number, *, financial: bool = False, traditional: bool = False) -> str:
    """Write an exact number as a Chinese numeral that :func:`~cnreport.parse_number` reads back.

    Integers use 十百千 within groups of four digits and 万/亿 between them
    (亿亿 for 10^16 and beyond); decimals are read digit by digit after 点.

    >>> to_chinese(1000054)
    '一百万零五十四'
    >>> to_chinese(Decimal("-3.05"), financial=True, traditional=True)
    '負叁點零伍'
    >>> from cnreport import parse_number
    >>> parse_number(to_chinese(10**20 + 7))
    100000000000000000007
    """
    if isinstance(n, bool) or not isinstance(n, (int, Decimal, Fraction)):
        raise TypeError(f"to_chinese() takes an int or Decimal, not {type(n).__name__}")
    if isinstance(n, Fraction):
        if n.denominator != 1:
            raise ValueError("only whole numbers and decimals have a Chinese numeral form here")
        n = n.numerator
    if isinstance(n, Decimal) and not n.is_finite():
        raise ValueError(f"{n} has no numeral")
    digits = _UPPER if financial else _LOWER
    sign = _SIGN[traditional] if n < 0 else ""
    text = format(abs(n), "f") if isinstance(n, Decimal) else str(abs(n))
    whole, _, frac = text.partition(".")
    out = sign + _integer_chinese(int(whole), digits, financial, traditional)
    if frac:
        out += _POINT[traditional] + "".join(digits[int(c)] for c in frac)
    return out


def _integer_chinese(n: int, digits: str, financial: bool, traditional: bool) -> str:
    if n == 0:
        return digits[0]
    groups: list[int] = []
    while n:
        n, g = divmod(n, 10000)
        groups.append(g)
    out: list[str] = []
    zero_pending = False
    for k in range(len(groups) - 1, -1, -1):
        g = groups[k]
        if g == 0:
            zero_pending = bool(out)
            continue
        if out and (zero_pending or g < 1000):
            out.append(digits[0])
        out.append(_group_chinese(g, digits, _PLACES[financial]) + _group_word(k, traditional))
        zero_pending = False
    return "".join(out)


def _group_chinese(g: int, digits: str, places: tuple[str, ...]) -> str:
    out: list[str] = []
    zero = False
    for p in (3, 2, 1, 0):
        d = (g // 10 ** p) % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append(digits[0])
            zero = False
        out.append(digits[d] + places[p])
    return "".join(out)
