"""The full read of one expression: the longest numeric expression whose
numeral starts at a given offset.
"""
from __future__ import annotations

from fractions import Fraction
from typing import Optional

from ..numerals import (
    exact,
    scan_fraction,
    scan_numeral,
)
from .dates import _clock_hour, _read_date, _roc_date, _split_year
from .draft import _Draft, _numeral_draft, _read_after_qualifier
from .fractional import _SLASH_FRACTION, _read_half
from .integers import _bare_magnitude_ok, _read_shu_yi
from .percent import _PERCENT_WORDS, _read_percent_prefix
from .prefixes import _with_prefixes
from .ranges import _read_range
from .suffix import _read_suffix
from .tables import _count_nouns, _idiom_starts, _idioms


def _read(f: str, i: int, floor: int) -> Optional[_Draft]:
    """The longest numeric expression whose numeral starts at ``i``."""
    c = f[i]
    if c in _idiom_starts():
        for p in _idioms():
            if f.startswith(p.word, i):
                end = i + len(p.word)
                unit = (end - len(p.unit), end) if p.unit else None
                return _Draft(i, end, i, end, p.value, kind=p.kind, low=p.low, high=p.high, unit=unit,
                              fixed=True)
    if c == "成" or (c == "数" and f[i - 1:i + 1] in _count_nouns()):
        return None  # (人数千人以上: the noun's 数, then 千人以上, as early._lone_in_word decides sooner)
    if c == "数" and f.startswith("以", i + 1):
        return _read_shu_yi(f, i)
    if c in "百千万" and f.startswith(_PERCENT_WORDS, i):
        return _with_prefixes(f, _read_percent_prefix(f, i), floor)
    if c == "半":
        return _with_prefixes(f, _read_half(f, i), floor)
    if f.startswith("一半", i):
        d = _Draft(i, i + 2, i, i + 2, Fraction(1, 2), kind="fraction", fixed=True)
        return _with_prefixes(f, _read_after_qualifier(f, d), floor)  # 一半以上
    # One read of the numeral serves the fraction, the date and the plain number.
    if not _bare_magnitude_ok(f, i, floor):
        return None  # a magnitude alone where it is no number (萬達), without reading it
    num = scan_numeral(f, i, allow_bare_magnitude=True)
    if num is None:
        return None
    if num.decimal:
        num = _clock_hour(f, i, num)
        if num is None:
            return None
    frac = scan_fraction(f, i, num)
    if frac is not None:
        d = _Draft(i, frac.end, i, frac.end, exact(frac.value, False), kind="fraction", fixed=True)
        return _with_prefixes(f, _read_after_qualifier(f, d), floor)  # 四分之三以上, 三分之一左右
    if num.arabic and f[i + 4:i + 5] in ("/", "-"):
        split = _split_year(f, i)
        if split is not None:
            return _with_prefixes(f, split, floor)
    if num.arabic and f[i + 3:i + 4] == "/" and (i == 0 or not f[i - 1].isdigit()):
        roc = _roc_date(f, i)
        if roc is not None:
            return roc
    slash = _SLASH_FRACTION.match(f, i)
    if slash is not None and (i == 0 or not (f[i - 1].isdigit() or f[i - 1] == "/")):  # (25/20/16倍: a series)
        value = Fraction(int(slash.group(1)), int(slash.group(2)))
        d = _Draft(i, slash.end(), i, slash.end(), exact(value, False), kind="fraction", fixed=True)
        return _with_prefixes(f, _read_after_qualifier(f, d), floor)
    date = _read_date(f, i, num)
    if date is not None:
        return _with_prefixes(f, date, floor)
    d = _read_range(f, _numeral_draft(i, num), floor)
    return _with_prefixes(f, _read_suffix(f, d), floor)
