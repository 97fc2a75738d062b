"""Numeral grammar: the exact value of Chinese, Arabic and mixed numerals.

A numeral is read left to right as a chain of tokens (Arabic digit groups,
Chinese digits, place units 十百千, magnitudes 万亿兆, 点 with its decimals,
多/余, the 个 of 三个亿). Each token either extends the numeral or ends it, so
the scan is one pass and the longest valid numeral wins. Values are kept as
intervals so that vague digits (十几, 几千) and neighbouring digits
(一二百, 五六年) fall out of the same arithmetic as exact ones. Whole numbers
stay ``int`` (cheap, and most numerals are whole); a decimal point brings in
:class:`~fractions.Fraction`. Nothing is ever a float.

This module reads folded text (see :mod:`cnreport.normalize`).
"""
from __future__ import annotations

import itertools
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import cast

import attrs
import regex

from .errors import ParseError
from .lexicon import loaders
from .lexicon.numerals import (
    APPROX_PAIRS,
    ASCII_MAGNITUDES,
    BIG_UNITS,
    DIGITS,
    FINANCIAL,
    PLAIN_DIGITS,
    POINT,
    SEVERAL_BEFORE,
    SMALL_UNITS,
    TENS,
    THOUSANDS_OF,
    VAGUE_DIGITS,
)
from .model import Number, Rational
from .normalize import fold

__all__ = ["Number", "Numeral", "exact", "parse_number", "scan_fraction", "scan_numeral", "to_chinese"]

# One group of Arabic digits. Thousands separators are ASCII commas between
# groups of exactly three digits after a first group of one to three (not
# starting with 0: 0,100 is two numbers); the
# Chinese comma separates clauses, so 20，300 is a list of two numbers, unless
# decimals close the groups (82，225.00元, an amount; at most four groups, so
# that a long list is not read again from every number: linear).
_ARABIC = regex.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?"
                        r"|[1-9][0-9]{0,2}(?:，[0-9]{3}){1,4}\.[0-9]+"
                        r"|[0-9]+(?:\.[0-9]+)?")
_SPACES = " \u3000\xa0"
_DECIMALS = regex.compile(r"[0-9]+")  # after 点: 一百点123


def arabic_end(f: str, i: int) -> int:
    """Where the Arabic number at ``i`` of folded text ends, its thousands
    separators and decimals included (``1,234.5``)."""
    m = _ARABIC.match(f, i)
    return m.end() if m else i


# Longer runs of digits are identifiers or noise, not quantities; the cap also
# keeps every value printable (Python refuses str() of ints over 4300 digits).
MAX_DIGITS = 100
_ZERO_DIGITS = frozenset("零〇○")


@attrs.frozen
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


@attrs.define
class _Token:
    kind: str  # A arabic, D digit, V vague, S small unit, T tens, B magnitude, P point, M more, G 个, K ascii magnitude
    start: int
    end: int
    value: Rational = 0
    text: str = ""


@lru_cache(maxsize=1)
def _unit_words_at_magnitudes() -> tuple[str, ...]:
    """Units that begin with a magnitude character (千克, 兆瓦, 百分点): there
    the numeral ends and the unit begins."""
    return tuple(word for word in loaders.units() if word[0] in SMALL_UNITS or word[0] in BIG_UNITS)


def _tokens(f: str, i: int, limit: int = 256) -> Iterator[_Token]:
    """Tokens of a numeral candidate starting at ``i`` (at most ``limit``),
    made as the reader asks for them: it often stops after one or two."""
    count = 0
    last = ""
    unit_words = _unit_words_at_magnitudes()
    n = len(f)
    pos = i
    while pos < n and count < limit:
        # Spaces may separate Chinese tokens of one numeral (七万 五千, 1000  万).
        j = pos
        while j < n and j - pos < 2 and f[j] in _SPACES:
            j += 1
        if j > pos:
            if not count or j >= n or not (f[j] in DIGITS or f[j] in SMALL_UNITS or f[j] in BIG_UNITS
                                         or f[j] == POINT or f[j] in "多余几"):
                break
            pos = j
        c = f[pos]
        if count and (c in SMALL_UNITS or c in BIG_UNITS) and f.startswith(unit_words, pos):
            break
        if "0" <= c <= "9":
            if last == "A":
                break
            m = _ARABIC.match(f, pos)
            assert m is not None
            text = m.group()
            digits = text.replace(",", "").replace("，", "")
            if len(digits) > MAX_DIGITS:
                break
            count, last = count + 1, "A"
            yield _Token("A", pos, m.end(), Fraction(Decimal(digits)) if "." in digits else int(digits), text)
            pos = m.end()
            if pos < n and f[pos] in ASCII_MAGNITUDES \
                    and not (pos + 1 < n and f[pos + 1].isascii() and f[pos + 1].isalpha()):
                count, last = count + 1, "K"
                yield _Token("K", pos, pos + 1, 10 ** ASCII_MAGNITUDES[f[pos]])
                pos += 1
            continue
        if c in DIGITS:
            tok = _Token("D", pos, pos + 1, DIGITS[c], c)
        elif c in VAGUE_DIGITS or (c == "数" and not count and pos + 1 < n
                                   and (f[pos + 1] in SMALL_UNITS or f[pos + 1] in BIG_UNITS
                                        or f.startswith(SEVERAL_BEFORE, pos + 1))):
            tok = _Token("V", pos, pos + 1, text=c)
        elif c in SMALL_UNITS:
            tok = _Token("S", pos, pos + 1, SMALL_UNITS[c], c)
        elif c in TENS:
            tok = _Token("T", pos, pos + 1, TENS[c], c)
        elif c in BIG_UNITS:
            tok = _Token("B", pos, pos + 1, 10 ** BIG_UNITS[c], c)
        elif c == POINT or (c == "." and count):
            # 点 followed by digits read one by one (or Arabic digits: 一百点123).
            j = pos + 1
            while j < n and f[j] in PLAIN_DIGITS:
                j += 1
            if j == pos + 1:
                m = _DECIMALS.match(f, pos + 1, pos + 40) if c == POINT else None
                if m is None:
                    break
                digits = m.group()
                j = pos + 1 + len(digits)
            else:
                digits = "".join(str(DIGITS[d]) for d in f[pos + 1:j])
            if len(digits) > MAX_DIGITS:
                break
            count, last = count + 1, "P"
            yield _Token("P", pos, j, Fraction(int(digits), 10 ** len(digits)), digits)
            pos = j
            continue
        elif c in "多余":
            tok = _Token("M", pos, pos + 1, text=c)
        elif c == "个" and pos + 1 < n and (f[pos + 1] in BIG_UNITS or (
                f[pos + 1] in "多余" and pos + 2 < n and f[pos + 2] in BIG_UNITS)):
            # 三个亿, 一个多亿
            tok = _Token("G", pos, pos + 1, text=c)
        else:
            break
        count, last = count + 1, tok.kind
        yield tok
        pos += 1


class _Reader:
    """The running state of one numeral; ``feed`` says whether a token fits."""

    def __init__(self, allow_bare_magnitude: bool) -> None:
        self.allow_bare = allow_bare_magnitude
        self.parts: list[tuple[Rational, Rational, int]] = []  # (lo, hi, exponent)
        self.sec: tuple[Rational, Rational] = (0, 0)
        self.pend: tuple[Rational, Rational] | None = None
        self.pend_kind = ""          # D, A, V or pair
        self.pend_digit = ""         # the character of a pending Chinese digit
        self.abbrev = False          # the pending digit follows a unit directly (三万五)
        self.unit_mult = 1
        self.floor: int | None = None  # the last place unit in this section
        self.last = ""
        self.digits: list[str] = []  # digit-by-digit reading while only digits came
        self.plain = True            # all of them plain digits (not 两)
        self.string_value = 0        # their value read as a digit string
        self.only_digits = True
        self.decimal = False
        self.frozen = False          # after the decimals or 多: only magnitudes may follow
        self.more: Rational | None = None
        self.need_big = False        # after the 个 of 三个亿
        self.has_big = False
        self.arabic = False
        self.chinese = 0
        self.count = 0
        self.suffix: list[int] = []  # multipliers since the last digit

    # -- helpers ---------------------------------------------------------
    def _abbreviated(self) -> tuple[Rational, Rational]:
        if self.pend is None:
            return (0, 0)
        lo, hi = self.pend
        if self.abbrev and self.unit_mult >= 10:
            k = self.unit_mult // 10
            return (lo * k, hi * k)
        return (lo, hi)

    def _digit_string_value(self) -> int | None:
        if len(self.digits) < 2:
            return None
        return self.string_value if self.plain else None

    def _push_digit(self, ch: str) -> None:
        self.digits.append(ch)
        self.plain = self.plain and ch in PLAIN_DIGITS
        self.string_value = self.string_value * 10 + DIGITS[ch]

    def _resolve_digits(self) -> bool:
        """Leave digit-only mode before a unit; False if the digits cannot take one."""
        if not self.only_digits:
            return True
        self.only_digits = False
        if len(self.digits) <= 1:
            return True
        return len(self.digits) == 2 and self.pend_kind == "pair"

    # -- tokens -----------------------------------------------------------
    def feed(self, t: _Token) -> bool:
        if self.need_big and t.kind != "B" and not (t.kind == "M" and self.last == "G"):
            return False  # (一个多亿: 多 may stand between 个 and the magnitude)
        if self.frozen and t.kind not in ("B", "K", "M") and not (t.kind == "G" and self.last == "M"):
            return False  # (十多个亿: 个 may follow 多, before the magnitude)
        ok: bool = getattr(self, "_" + t.kind)(t)
        if ok:
            self.count += 1
            self.last = t.kind
            if t.kind in ("D", "V", "T", "S", "B", "P", "M", "G"):
                self.chinese += t.end - t.start if t.kind != "P" else 1
        return ok

    def _D(self, t: _Token) -> bool:
        d = t.value
        if self.only_digits and self.count >= 1 and self.last == "D":
            first = self.digits[0]
            if len(self.digits) == 1 and (DIGITS[first], int(d)) in APPROX_PAIRS and first not in _ZERO_DIGITS:
                self.pend = (DIGITS[first], d)
                self.pend_kind = "pair"
                self._push_digit(t.text)
                return True
            if not (self.plain and t.text in PLAIN_DIGITS):
                return False
            self._push_digit(t.text)
            self.pend = (self.string_value, self.string_value)
            self.pend_kind = "string"
            return True
        if self.only_digits and self.count == 0:
            self._push_digit(t.text)
            if d == 0:
                self.pend = (d, d)
                self.pend_kind = "D"
                return True
        if self.pend is not None:
            # 十五六, 二十七八: a second digit after a place unit makes a pair.
            if (self.pend_kind == "D" and self.last == "D"
                    and (int(self.pend[0]), int(d)) in APPROX_PAIRS and not self.only_digits):
                self.pend = (self.pend[0], d)
                self.pend_kind = "pair"
                return True
            return False
        if d == 0:
            if self.count == 0:
                return False
            self.abbrev = False
            return True
        self.pend = (d, d)
        self.pend_kind = "D"
        self.pend_digit = t.text
        self.abbrev = self.last in ("S", "B", "T")
        return True

    def _A(self, t: _Token) -> bool:
        if self.pend is not None or (self.only_digits and self.digits):
            return False
        if self.count and t.value >= self.unit_mult:
            return False
        self.only_digits = False
        self.pend = (t.value, t.value)
        self.pend_kind = "A"
        # 3万5 is 35000 and 1亿2 is 120000000, as 三万五 is: one digit right
        # after a unit stands for the next place down.
        self.abbrev = self.last in ("S", "B") and len(t.text) == 1 and not self.decimal
        self.arabic = True
        if "." in t.text:
            self.decimal = True
        self._arabic_text = t.text
        return True

    def _V(self, t: _Token) -> bool:
        if self.pend_kind == "A" and t.text == "几" and not self.decimal and self.pend is not None \
                and self.pend[0] >= 10 and self.pend[0] % 10 == 0 and self.pend[0] % 100 != 0:
            # 20几 is 21 to 29, as 二十几 is
            v = self.pend[0]
            self.pend = (v + 1, v + 9)
            self.pend_kind = "V"
            return True
        if self.pend is not None or (self.only_digits and self.digits):
            return False
        self.only_digits = False
        self.pend = (2, 9) if self.count == 0 else (1, 9)
        self.pend_kind = "V"
        self.abbrev = False
        return True

    def _S(self, t: _Token) -> bool:
        u = cast(int, t.value)  # (a place: 10, 100, 1000)
        if not self._resolve_digits():
            return False
        if self.floor is not None and u >= self.floor:
            return False
        compound = False
        if self.pend_kind == "A" and self.pend is not None and self.pend[0] >= 10 and not self.decimal:
            compound = True  # 25百万 reads, 12百 does not: a magnitude must follow
        lo, hi = self.pend if self.pend is not None and self.pend[1] != 0 else (1, 1)
        self.sec = (self.sec[0] + lo * u, self.sec[1] + hi * u)
        self.pend = None
        self.pend_kind = ""
        self.floor = u
        self.unit_mult = u
        self.suffix = [u]
        self.need_big = compound
        return True

    def _T(self, t: _Token) -> bool:
        if not self._resolve_digits() or self.pend is not None:
            return False
        if self.floor is not None and self.floor <= 10:
            return False
        self.sec = (self.sec[0] + t.value, self.sec[1] + t.value)
        self.floor = 10
        self.unit_mult = 10
        self.suffix = []
        return True

    def _B(self, t: _Token) -> bool:
        if not self._resolve_digits():
            if self.pend_kind != "string":
                return False
            self.only_digits = False  # 三八〇亿: a digit string times a magnitude
        mult = cast(int, t.value)  # (a magnitude: 10**4, 10**8…)
        exp = BIG_UNITS[t.text]
        # 百二万 is 120万, but in 六十二亿四万 the 四 after 亿 is plain 4.
        plo, phi = self._abbreviated() if self.floor is not None else (self.pend or (0, 0))
        s_lo, s_hi = self.sec[0] + plo, self.sec[1] + phi
        self.need_big = False
        if self.pend is None and self.sec == (0, 0):
            if self.last == "B" and self.parts:
                lo, hi, e = self.parts[-1]
                self.parts[-1] = (lo * mult, hi * mult, e + exp)
                self._after_unit(mult)
                self.suffix.append(mult)
                return True
            if self.last == "M" and self.parts:
                lo, hi, e = self.parts[-1]
                self.parts[-1] = (lo * mult, hi * mult, e + exp)
                self.more = self.more * mult if self.more is not None else None
                self._after_unit(mult)
                return True
            if self.count == 0 and self.allow_bare:
                s_lo = s_hi = 1
            else:
                return False
        keep = [p for p in self.parts if p[2] >= exp]
        low = [p for p in self.parts if p[2] < exp]
        if keep and keep[-1][2] <= exp and self.last != "M":
            return False  # 三亿五亿: magnitudes must fall
        tot_lo = s_lo + sum(p[0] for p in low)
        tot_hi = s_hi + sum(p[1] for p in low)
        self.parts = [*keep, (tot_lo * mult, tot_hi * mult, exp)]
        if self.more is not None:
            self.more *= mult
        self.sec = (0, 0)
        self.pend = None
        self.pend_kind = ""
        self._after_unit(mult)
        self.suffix = [mult]
        return True

    def _after_unit(self, mult: int) -> None:
        self.floor = None
        self.unit_mult = mult
        self.has_big = True
        self.abbrev = False

    def _K(self, t: _Token) -> bool:
        if self.last != "A":
            return False
        lo, hi = self.pend if self.pend is not None else (0, 0)
        tot_lo = self.sec[0] + lo + sum(p[0] for p in self.parts)
        tot_hi = self.sec[1] + hi + sum(p[1] for p in self.parts)
        self.parts = [(tot_lo * t.value, tot_hi * t.value, 0)]
        self.sec = (0, 0)
        self.pend = None
        self.has_big = True
        self.frozen = True
        self.suffix = [cast(int, t.value)]  # (k, w: 10**3, 10**4)
        return True

    def _P(self, t: _Token) -> bool:
        if self.decimal and self.pend_kind == "A":
            return False
        if self.only_digits and self.digits:
            if len(self.digits) >= 2:
                value = self._digit_string_value()
                if value is None:
                    return False
                self.pend = (value, value)  # 一二点三零 is 12.30, not a pair
                self.pend_kind = "string"
            self.only_digits = False
        if self.pend is None and self.sec == (0, 0) and not self.parts:
            return False
        if self.pend_kind in ("V", "pair"):
            return False
        plo, _ = self._abbreviated()
        self.sec = (self.sec[0] + plo + t.value, self.sec[1] + plo + t.value)
        self.pend = None
        self.pend_kind = ""
        self.decimal = True
        self.frozen = True
        self.suffix = []
        return True

    def _M(self, t: _Token) -> bool:
        if self.more is not None or self.count == 0:
            return False
        if self.pend_kind in ("V", "pair", "string"):
            return False
        if self.pend is not None:
            if self.pend_kind == "A":
                text = getattr(self, "_arabic_text", "")
                if "." in text:
                    return False
                digits = text.replace(",", "").replace("，", "")
                zeros = len(digits) - len(digits.rstrip("0"))
                self.more = 10 ** zeros
            elif self.abbrev:
                self.more = self.unit_mult // 10
            else:
                self.more = 1
        else:
            self.more = self.unit_mult
        self.only_digits = False
        self.frozen = True
        return True

    def _G(self, t: _Token) -> bool:
        if self.pend is None and self.sec == (0, 0):
            return False
        self.need_big = True
        return True

    # -- result -------------------------------------------------------------
    def value(self) -> tuple[Rational, Rational] | None:
        if self.count == 0 or self.need_big:
            return None
        plo, phi = self._abbreviated()
        if self.pend_kind in ("pair", "string") and self.only_digits:
            plo, phi = self.pend  # type: ignore[misc]
        lo = self.sec[0] + plo + sum(p[0] for p in self.parts)
        hi = self.sec[1] + phi + sum(p[1] for p in self.parts)
        return lo, hi



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
_PER_ONE_NEXT = frozenset("个年月天周日次台件瓶斤份套位人只张辆平吨")


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


def parse_number(s: str) -> Number:
    """The exact value of a string that is one number, and nothing else.

    Chinese, Arabic, financial and mixed numerals, magnitude chains, decimals,
    negatives and ``N分之M`` fractions are read; a whole value is an ``int``,
    a written decimal a ``Decimal``, a fraction a ``Fraction``.

    >>> parse_number("1萬7千")
    17000
    >>> parse_number("3.8萬")
    38000
    >>> parse_number("八分之一")
    Fraction(1, 8)
    >>> parse_number("負3.5")
    Decimal('-3.5')
    >>> parse_number("九千九百九十九萬億億億")
    99990000000000000000000000000000

    Anything else raises :class:`~cnreport.ParseError`:

    >>> parse_number("十幾")
    Traceback (most recent call last):
    ...
    cnreport.errors.ParseError: a vague number has no single value (in '十幾' at position 0)
    """
    if not isinstance(s, str):
        raise TypeError(f"parse_number() takes a str, not {type(s).__name__}; decode bytes first")
    f = fold(s)
    start = len(f) - len(f.lstrip())
    stop = len(f.rstrip())
    if start >= stop:
        raise ParseError("empty input", s, 0)
    frac = scan_fraction(f, start)
    if frac is not None and frac.end == stop:
        return exact(frac.value, False)
    if f[start:stop] in ("一半", "半"):
        return Fraction(1, 2)
    sign, j = _signed(f, start)
    n = scan_numeral(f, j, allow_bare_magnitude=False)
    if n is None:
        raise ParseError("not a number", s, j)
    if n.end != stop:
        raise ParseError("text after the number", s, n.end)
    if not n.exact:
        raise ParseError("a vague number has no single value", s, start)
    if n.more is not None:
        raise ParseError("多/余 make the number open-ended", s, start)
    return exact(sign * n.lo, n.decimal)


_LOWER = "零一二三四五六七八九"
_UPPER = "零壹贰叁肆伍陆柒捌玖"
_PLACES = {False: ("", "十", "百", "千"), True: ("", "拾", "佰", "仟")}


def _group_word(k: int, traditional: bool) -> str:
    """The magnitude word of the k-th group of four digits: 万, 亿, 万亿, 亿亿…"""
    wan, yi = ("萬", "億") if traditional else ("万", "亿")
    return (wan if k % 2 else "") + yi * (k // 2)


def to_chinese(n: Number, *, financial: bool = False, traditional: bool = False) -> str:
    """Write an exact number as a Chinese numeral that :func:`parse_number` reads back.

    Integers use 十百千 within groups of four digits and 万/亿 between them
    (亿亿 for 10^16 and beyond); decimals are read digit by digit after 点.

    >>> to_chinese(1000054)
    '一百万零五十四'
    >>> to_chinese(Decimal("-3.05"), financial=True, traditional=True)
    '負叁點零伍'
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
    sign = ("負" if traditional else "负") if n < 0 else ""
    text = format(abs(n), "f") if isinstance(n, Decimal) else str(abs(n))
    whole, _, frac = text.partition(".")
    out = sign + _integer_chinese(int(whole), digits, financial, traditional)
    if frac:
        out += ("點" if traditional else "点") + "".join(digits[int(c)] for c in frac)
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
