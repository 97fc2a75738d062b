"""The tokens of a numeral candidate: Arabic digit groups, Chinese digits,
place units, magnitudes, 点 and its decimals, 多/余, made as the reader asks
for them.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

import attrs

from ..lexicon import loaders
from ..lexicon.numerals import (
    ASCII_MAGNITUDES,
    BIG_UNITS,
    DIGITS,
    PLAIN_DIGITS,
    POINT,
    SEVERAL_BEFORE,
    SMALL_UNITS,
    TENS,
    VAGUE_DIGITS,
)
from ..model import Rational

# One group of Arabic digits. Thousands separators are ASCII commas between
# groups of exactly three digits after a first group of one to three (not
# starting with 0: 0,100 is two numbers); the
# Chinese comma separates clauses, so 20，300 is a list of two numbers, unless
# decimals close the groups (82，225.00元, an amount; at most four groups, so
# that a long list is not read again from every number: linear).
# (The standard library's re: a match costs half what it does in regex, and
# these patterns need nothing of regex's.)
_ARABIC = re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?"
                        r"|[1-9][0-9]{0,2}(?:，[0-9]{3}){1,4}\.[0-9]+"
                        r"|[0-9]+(?:\.[0-9]+)?")
_SPACES = " \u3000\xa0"
_DECIMALS = re.compile(r"[0-9]+")  # after 点: 一百点123


def arabic_end(f: str, i: int) -> int:
    """Where the Arabic number at ``i`` of folded text ends, its thousands
    separators and decimals included (``1,234.5``)."""
    m = _ARABIC.match(f, i)
    return m.end() if m else i


# Longer runs of digits are identifiers or noise, not quantities; the cap also
# keeps every value printable (Python refuses str() of ints over 4300 digits).
MAX_DIGITS = 100
_ZERO_DIGITS = frozenset("零〇○")


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
    pos = i
    while pos < len(f) and count < limit:
        after_spaces = _past_spaces(f, pos, count)
        if after_spaces is None:
            break
        pos = after_spaces
        c = f[pos]
        if count and (c in SMALL_UNITS or c in BIG_UNITS) and f.startswith(unit_words, pos):
            break  # 千克, 兆瓦: a unit begins
        if "0" <= c <= "9":
            made = _arabic_tokens(f, pos) if last != "A" else None
        elif c == POINT or (c == "." and count):
            point = _point_token(f, pos, c)
            made = [point] if point is not None else None
        else:
            tok = _char_token(f, pos, c, count)
            made = [tok] if tok is not None else None
        if not made:
            break
        for tok in made:
            count, last = count + 1, tok.kind
            yield tok
        pos = made[-1].end


def _past_spaces(f: str, pos: int, count: int) -> int | None:
    """Where the next token starts: spaces may separate Chinese tokens of
    one numeral (七万 五千, 1000  万), two at most; None when they end it."""
    j = pos
    while j < len(f) and j - pos < 2 and f[j] in _SPACES:
        j += 1
    if j > pos and (not count or j >= len(f) or not (
            f[j] in DIGITS or f[j] in SMALL_UNITS or f[j] in BIG_UNITS or f[j] == POINT or f[j] in "多余几")):
        return None
    return j


def _arabic_tokens(f: str, pos: int) -> list[_Token] | None:
    """A group of Arabic digits, and the Latin magnitude after it (5k, 3w)."""
    m = _ARABIC.match(f, pos)
    assert m is not None
    text = m.group()
    digits = text.replace(",", "").replace("，", "")
    if len(digits) > MAX_DIGITS:
        return None
    made = [_Token("A", pos, m.end(), Fraction(Decimal(digits)) if "." in digits else int(digits), text)]
    end = m.end()
    if end < len(f) and f[end] in ASCII_MAGNITUDES \
            and not (end + 1 < len(f) and f[end + 1].isascii() and f[end + 1].isalpha()):
        made.append(_Token("K", end, end + 1, 10 ** ASCII_MAGNITUDES[f[end]]))
    return made


def _point_token(f: str, pos: int, c: str) -> _Token | None:
    """点 followed by digits read one by one (or Arabic digits: 一百点123)."""
    j = pos + 1
    while j < len(f) and f[j] in PLAIN_DIGITS:
        j += 1
    if j == pos + 1:
        m = _DECIMALS.match(f, pos + 1, pos + 40) if c == POINT else None
        if m is None:
            return None
        digits = m.group()
        j = pos + 1 + len(digits)
    else:
        digits = "".join(str(DIGITS[d]) for d in f[pos + 1:j])
    if len(digits) > MAX_DIGITS:
        return None
    return _Token("P", pos, j, Fraction(int(digits), 10 ** len(digits)), digits)


def _char_token(f: str, pos: int, c: str, count: int) -> _Token | None:
    """The token of one Chinese character: a digit, a vague digit (几, 数
    before a place), a place, a tens word (廿), a magnitude, 多/余, or the 个
    of 三个亿."""
    n = len(f)
    if c in DIGITS:
        return _Token("D", pos, pos + 1, DIGITS[c], c)
    if c in VAGUE_DIGITS or (c == "数" and not count and pos + 1 < n
                             and (f[pos + 1] in SMALL_UNITS or f[pos + 1] in BIG_UNITS
                                  or f.startswith(SEVERAL_BEFORE, pos + 1))):
        return _Token("V", pos, pos + 1, text=c)
    if c in SMALL_UNITS:
        return _Token("S", pos, pos + 1, SMALL_UNITS[c], c)
    if c in TENS:
        return _Token("T", pos, pos + 1, TENS[c], c)
    if c in BIG_UNITS:
        return _Token("B", pos, pos + 1, 10 ** BIG_UNITS[c], c)
    if c in "多余":
        return _Token("M", pos, pos + 1, text=c)
    if c == "个" and pos + 1 < n and (f[pos + 1] in BIG_UNITS or (
            f[pos + 1] in "多余" and pos + 2 < n and f[pos + 2] in BIG_UNITS)):
        return _Token("G", pos, pos + 1, text=c)  # 三个亿, 一个多亿
    return None
