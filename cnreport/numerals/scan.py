"""Scanning a numeral at an offset of folded text: :class:`Numeral`,
:func:`scan_numeral`, and exact values (:func:`exact`).
"""
from __future__ import annotations

import itertools
from decimal import Decimal
from fractions import Fraction

import attrs
import regex

from ..lexicon import loaders
from ..lexicon.numerals import (
    ASCII_MAGNITUDES,
    BIG_UNITS,
    DIGITS,
    FINANCIAL,
    POINT,
    SMALL_UNITS,
    TENS,
    THOUSANDS_OF,
    VAGUE_DIGITS,
)
from ..model import Number, Rational
from .reader import _Reader
from .tokens import _ARABIC, _SPACES, MAX_DIGITS, _Token, _tokens, _unit_words_at_magnitudes


# (Without slots, as the number reader's drafts, so that a numeral costs half
# as much to make; it is frozen just the same.)
@attrs.frozen(slots=False)
class Numeral:
    """A numeral found in folded text: where it is and what it is worth.

    ``lo == hi`` for an exact value; a vague or paired numeral has ``lo < hi``.
    """

    start: int
    end: int
    lo: Rational
    hi: Rational
    decimal: bool          # written with a decimal point
    more: Rational | None  # the step of a trailing 多/余 (三十多 → 10), or None
    suffix_mults: tuple[int, ...]  # multipliers of the trailing unit chains, shortest first
    has_magnitude: bool    # contains 万/亿/兆 or k/w
    arabic: bool           # contains Arabic digits
    chinese: int           # how many Chinese numeral characters
    tokens: int            # how many tokens
    only_digit: str | None  # the character when the numeral is one Chinese digit
    digit_string: bool     # read digit by digit (二〇一九, 一七二零)

    @property
    def exact(self) -> bool:
        return self.lo == self.hi


# A Numeral's fields after ``start``, in order.
_Fields = tuple[int, Rational, Rational, bool, "Rational | None", tuple[int, ...], bool, bool, int, int,
                "str | None", bool]


def scan_numeral(f: str, i: int, *, allow_bare_magnitude: bool = False) -> Numeral | None:
    """The longest numeral of folded text ``f`` that starts at ``i``, or None.

    >>> n = scan_numeral("超过1万7千家", 2)
    >>> (n.start, n.end, n.lo)
    (2, 6, 17000)
    >>> scan_numeral("一二百元", 0).lo, scan_numeral("一二百元", 0).hi
    (100, 200)
    """
    if i < len(f) and "0" <= f[i] <= "9":
        alone = _lone_arabic(f, i)
        if alone is not None:
            return alone
    toks = _tokens(f, i)
    first = next(toks, None)
    if first is None:
        return None
    second = next(toks, None)
    if second is None and first.kind in "AD":
        # One Arabic number or one Chinese digit, the commonest numerals:
        # what the reader would make of them, without the reader.
        t = first
        arabic = t.kind == "A"
        return Numeral(start=i, end=t.end, lo=t.value, hi=t.value, decimal=arabic and "." in t.text,
                       more=None, suffix_mults=(), has_magnitude=False, arabic=arabic,
                       chinese=0 if arabic else 1, tokens=1, only_digit=None if arabic else t.text,
                       digit_string=False)
    r = _Reader(allow_bare_magnitude)
    best: _Fields | None = None
    for t in itertools.chain((first,) if second is None else (first, second), toks):
        if not r.feed(t):
            break
        v = r.value()
        if v is not None and not (t.kind == "D" and r.abbrev and _no_last_digit(f, t)):
            # the reader may go on and fail: keep what it has read so far
            # (as plain fields: the Numeral is built once, at the end)
            best = (t.end, v[0], v[1], r.decimal, r.more, _suffix_mults(r.suffix), r.has_big, r.arabic,
                    r.chinese, r.count, t.text if (r.count == 1 and t.kind == "D") else None,
                    r.pend_kind == "string" or (r.only_digits and len(r.digits) > 1 and r.pend_kind != "pair"))
    if best is None:
        return None
    end, lo, hi, decimal, more, mults, has_big, arabic, chinese, count, only_digit, digit_string = best
    return Numeral(start=i, end=end, lo=lo, hi=hi, decimal=decimal, more=more, suffix_mults=mults,
                   has_magnitude=has_big, arabic=arabic, chinese=chinese, tokens=count,
                   only_digit=only_digit, digit_string=digit_string)


# 两 counts only before a measure word or a place (两个, 两千): after a place it
# is the tael (十两黄金), not 2. A financial digit after a place written in
# ordinary script, with a word going on, is the word's (五十陆续 is 50 and
# 陆续; 一千陆 alone is 1600).
_NOT_LAST_AFTER_PLACE = frozenset("两俩")
_ORDINARY_PLACES = frozenset("十百千")
_WORD_GOES_ON = regex.compile(r"(?!又)\p{Han}")  # (十壹又十四分之壹 is a mixed fraction)


def _no_last_digit(f: str, t: _Token) -> bool:
    """Whether the digit ``t``, right after a place unit, cannot end the numeral."""
    if t.text in _NOT_LAST_AFTER_PLACE:
        return True
    if t.text == "一" and f[t.start - 1] in BIG_UNITS and per_one(f, t.end):
        return True  # 二十萬一個月: 200,000 a month, not 201,000 months
    return t.text in FINANCIAL and f[t.start - 1] in _ORDINARY_PLACES and _WORD_GOES_ON.match(f, t.end) is not None


# After 一, what makes it "one" of a rate (二十萬一個月, 三萬五一年): a
# measure word or a period.
_PER_ONE_NEXT = frozenset(loaders.number_words_with("per_one_next"))


def per_one(f: str, k: int) -> bool:
    """Whether the text at ``k`` names what the 一 before it is one of."""
    return k < len(f) and f[k] in _PER_ONE_NEXT


# What may follow an Arabic number inside a longer numeral (3万, 3.5, 3千多,
# 15k, 3 万): after anything else, the number is the numeral.
_ARABIC_GOES_ON = (frozenset(DIGITS) | frozenset(SMALL_UNITS) | frozenset(BIG_UNITS) | frozenset(TENS)
                   | frozenset(ASCII_MAGNITUDES) | frozenset(_SPACES) | frozenset("点.多余几个"))


def _lone_arabic(f: str, i: int) -> Numeral | None:
    """The numeral at ``i`` in the commonest Arabic forms, as the reader would
    make it: a number alone, times one magnitude, with a 多 or 余 before or
    after the magnitude (30, 3.8万, 30多, 5万余, 800多万). None when the
    reader is needed."""
    m = _ARABIC.match(f, i)
    end = m.end()  # type: ignore[union-attr]
    digits = m.group().replace(",", "").replace("，", "")  # type: ignore[union-attr]
    if len(digits) > MAX_DIGITS:
        return None
    decimal = "." in digits
    n = len(f)
    k, mult, extra = end, 1, 0  # extra: the Chinese characters read after the digits
    more: Rational | None = None
    if k < n and f[k] in "多余" and not decimal:
        more, k, extra = 10 ** (len(digits) - len(digits.rstrip("0"))), k + 1, 1  # 30多: 10
    if k < n and f[k] == "千" and more is None and f.startswith(THOUSANDS_OF, k + 1):
        mult, k, extra = 1000, k + 1, extra + 1  # 1,234,567千元: a statement in thousands
    elif k < n and f[k] in BIG_UNITS and not f.startswith(_unit_words_at_magnitudes(), k):
        mult, k, extra = 10 ** BIG_UNITS[f[k]], k + 1, extra + 1
        if more is not None:
            more *= mult
        elif k < n and f[k] in "多余":
            # 5万余: 10000; 1.2万余: 1000, the step of the last digit written
            step = 10 ** (len(digits) - digits.index(".") - 1) if decimal else 1
            more, k, extra = Fraction(mult, step) if step > 1 else mult, k + 1, extra + 1
    if k < n:
        nxt = f[k]
        if more is not None:
            if nxt in BIG_UNITS or nxt in _SPACES:  # only a magnitude may follow 多
                return None
        elif mult > 1:
            if nxt in _MAGNITUDE_GOES_ON:
                return None
        elif nxt in _ARABIC_GOES_ON and not (nxt == "个" and (k + 1 >= n or f[k + 1] not in BIG_UNITS)):
            return None  # 30个 ends at 30; 三十个亿 goes on
    value: Rational
    if decimal:
        whole, _, tail = digits.partition(".")
        value = Fraction(int(whole + tail) * mult, 10 ** len(tail))
    else:
        value = int(digits) * mult
    return Numeral(start=i, end=k, lo=value, hi=value, decimal=decimal, more=more,
                   suffix_mults=(mult,) if mult > 1 else (), has_magnitude=mult > 1, arabic=True,
                   chinese=extra, tokens=1 + extra, only_digit=None, digit_string=False)


# What may follow a magnitude inside a longer numeral (1亿2, 3万5千, 万亿, 3万多);
# not 个, which joins a digit to a magnitude (三个亿), never a magnitude to more.
_MAGNITUDE_GOES_ON = (_ARABIC_GOES_ON - {"个"}) | VAGUE_DIGITS | frozenset("0123456789") | frozenset(POINT)


def _suffix_mults(suffix: list[int]) -> tuple[int, ...]:
    """Multipliers of the trailing unit chains, shortest first (百万 → 10**6:
    (10**4, 10**6))."""
    mults: list[int] = []
    acc = 1
    for m in reversed(suffix):
        acc *= m
        mults.append(acc)
    return tuple(mults)


def exact(value: Rational, decimal: bool) -> Number:
    """The public form of an exact value: ``int`` when whole, ``Decimal`` for a
    written decimal, ``Fraction`` otherwise.

    >>> exact(Fraction(11, 10) * 10**8, True)
    110000000
    >>> exact(Fraction(1, 2), True)
    Decimal('0.5')
    >>> exact(Fraction(1, 3), False)
    Fraction(1, 3)
    """
    if value.denominator == 1:
        return int(value)
    if decimal:
        den = value.denominator
        twos = fives = 0
        while den % 2 == 0:
            den //= 2
            twos += 1
        while den % 5 == 0:
            den //= 5
            fives += 1
        if den == 1:
            k = max(twos, fives)
            return Decimal(value.numerator * (10 ** k // value.denominator)).scaleb(-k)
    return value
