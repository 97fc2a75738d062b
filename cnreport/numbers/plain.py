"""Short paths for plain Arabic numbers (a table cell, a list, 13位, 60%): the
answer the full read gives, sooner, or None when the full read is needed.
"""
from __future__ import annotations

import re
from fractions import Fraction
from typing import Optional

from ..lexicon.numerals import (
    BIG_UNITS,
    TENS,
)
from ..model import Kind, NumberMention
from ..numerals import (
    MAX_DIGITS,
    arabic_end,
    exact,
    scan_numeral,
)
from .chars import _DATE_WORDS, _PLAIN_BEFORE_STOP, _SPACES
from .integers import _COUNT_STOP_UNITS, _digit_count
from .names import (
    _after_identifier_word,
    _bracketed_name,
    _closes_code,
    _glued_in_words,
    _named,
    _Scan,
)
from .tables import _around, _match_unit
from .trace import _note

# After an Arabic number, what sends it to the full read besides the
# characters of _around: a date word (2023财年), a slash (3/4), a list comma
# (5、600万), the 后 of 95后, the tens 廿卅卌, and Latin letters (5G, 2023Q4).
_PLAIN_AFTER_STOP = _DATE_WORDS | frozenset("/、后後") | frozenset(TENS)
_PLAIN_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def _plain_arabic(text: str, f: str, i: int, floor: int,
                  scan: _Scan) -> Optional[tuple[Optional[NumberMention], int]]:
    """An Arabic number with nothing around it that joins it (no unit,
    qualifier, connector, prefix, magnitude): the mention, or None when the
    precision rules drop it, and where the scan goes on. None when the full
    read is needed.

    Most numbers of dense text (tables, lists, codes) are of this kind. The
    answer is the one :func:`_read` and :func:`_keep` give, without the
    checks that cannot apply."""
    extend, join = _around()
    if i > floor:
        p = i - 2 if f[i - 1] in _SPACES else i - 1  # a prefix may stand one space before: 约 5
        if p >= floor and (f[p] in join or f[p] in _PLAIN_BEFORE_STOP):
            return None
    written = _PLAIN_NUMBER.match(f, i).group()  # type: ignore[union-attr]
    e = i + len(written)
    nxt = f[e] if e < len(f) else ""
    if nxt:
        if nxt in _SPACES:
            if not (e + 1 < len(f) and "0" <= f[e + 1] <= "9"):
                return None  # 1 2 3, a row of numbers, goes on; anything else may join
        elif nxt == "、":
            if not (i > 0 and f[i - 1] == "、"):
                return None  # the first items of a list may be one figure: 5、600万
        elif nxt in extend or nxt in _PLAIN_AFTER_STOP or (nxt.isascii() and nxt.isalpha()):
            return _year(text, f, i, e, scan) if nxt == "年" and e - i == 4 and "." not in written \
                else _counted(text, f, i, e, scan)
        if nxt in ",，":
            end = arabic_end(f, i)
            if end != e:
                return _counted(text, f, i, end, scan)  # 1,234: thousands
    if len(written) > MAX_DIGITS:
        return None
    prev = f[i - 1] if i > 0 else ""
    if _named(f, i, prev, scan):
        return _dropped(i, e, e, "in_name" if scan.in_name(i) else "after_latin")
    decimal = "." in written
    kind: Kind = "cardinal"
    if decimal:
        if written.endswith(".0"):
            return _dropped(i, e, e, "version")  # versions: 2.0, 10.0
        whole, _, tail = written.partition(".")
        value = exact(Fraction(int(whole + tail), 10 ** len(tail)), True)
    else:
        value = int(written)
        if e - i == 4 and 1900 <= value <= 2099:
            kind = "year"
    if kind == "cardinal" and _glued_in_words(f, prev, nxt, e):
        return _dropped(i, e, e, "glued")
    if prev in "(（" and _closes_code(f, e) and _bracketed_name(f, i, written):
        return _dropped(i, e, e, "bracketed")
    if _after_identifier_word(f, i, scan):
        return _dropped(i, e, e, "identifier")
    return NumberMention(text=text[i:e], start=i, end=e, value=value, kind=kind), e


def _counted(text: str, f: str, i: int, digits_end: int,
             scan: _Scan) -> Optional[tuple[Optional[NumberMention], int]]:
    """An Arabic number (with its magnitude: 100萬) and a measure word, a
    magnitude alone or a percent sign, with nothing after them that could go
    on (no qualifier, 多, range or second figure): 13位, 100萬臺, 1,105件,
    2300万, 60%. As :func:`_plain_arabic`, the answer the
    full read gives, or None when it is needed; the prefixes were checked.
    ``digits_end`` is where the digits end."""
    e = digits_end + 1 if f[digits_end:digits_end + 1] in BIG_UNITS else digits_end
    u = _match_unit(f, e)
    kind: Kind = "cardinal"
    if u is None:
        if e == digits_end or (e < len(f) and (f[e] in _PLAIN_AFTER_STOP or (f[e].isascii() and f[e].isalpha()))):
            return None  # (most often: no measure word here, nothing read)
        b = e  # 2300万, 1.1亿的: a magnitude and nothing after it that joins
    elif u.kind == "percent" and u.word == "%" and e == digits_end:
        kind, b = "percent", e + 1  # 60%
    elif u.kind != "cardinal" or u.word in _COUNT_STOP_UNITS:
        return None
    else:
        b = e + len(u.word)
    num = scan_numeral(f, i)
    if num is None or num.end != e or not num.arabic or not num.exact or num.more is not None:
        return None
    if u is not None and _digit_count(f, e, b):
        return _dropped(i, b, e, "digit_count")
    if b < len(f) and f[b] in _around()[0]:
        return None
    if _named(f, i, f[i - 1] if i > 0 else "", scan):
        return _dropped(i, b, e, "in_name" if scan.in_name(i) else "after_latin")
    if u is None and _after_identifier_word(f, i, scan):
        return _dropped(i, b, e, "identifier")  # (编号3万: after an identifier word, a number without a unit is one)
    unit = None if u is None else "%" if kind == "percent" else text[e:b]
    return NumberMention(text=text[i:b], start=i, end=b, value=exact(num.lo, num.decimal), kind=kind,
                         unit=unit), b


_MORE_THAN_TWO_DIGITS = re.compile("[0-9]{3}")


def _year(text: str, f: str, i: int, e: int, scan: _Scan) -> Optional[tuple[Optional[NumberMention], int]]:
    """Four digits and 年 with no month, decade or year's end after it
    (2018年): the year, as :func:`_read_date` reads it; None when the full
    read is needed."""
    k = e + 1
    if k < len(f) and (f[k] in _around()[0] or f[k] in "代底末") and not _MORE_THAN_TWO_DIGITS.match(f, k):
        return None  # 2019年3月底, 1960年代, 2019年底, 2018年 4月 (no month or quarter has 3 digits)
    if scan.in_name(i):  # (not glued to Latin letters: a year stays a year in FY2024年)
        return _dropped(i, k, e, "in_name")
    return NumberMention(text=text[i:k], start=i, end=k, value=int(f[i:e]), kind="year", unit=text[e:k]), k


def _dropped(start: int, end: int, goes_on: int, rule: str) -> tuple[None, int]:
    """What a short path answers when the precision rule ``rule`` drops the
    number at ``start:end``: no mention, and where the walk goes on."""
    _note(start, end, rule, False)
    return None, goes_on
