"""Percentages written with words: 百分之六十, 千分之五, 七成, 八折, 三成半."""
from __future__ import annotations

from fractions import Fraction
from typing import Optional

from ..lexicon.numerals import (
    DIGITS,
    SMALL_UNITS,
)
from ..numerals import (
    Numeral,
    exact,
    scan_numeral,
)
from .chars import _skip_space
from .draft import _Draft, _evolve, _read_after_qualifier
from .tables import _words

_PERCENT_PREFIXES = {"百分之": ("%", Fraction(1)), "千分之": ("‰", Fraction(1, 10)),
                     "万分之": ("‱", Fraction(1, 100))}
_PERCENT_WORDS = tuple(_PERCENT_PREFIXES)  # where the reader tries the prefixed forms


def _read_percent_prefix(f: str, i: int) -> Optional[_Draft]:
    """百分之六十, 千分之五, 百分之负三点八, 百分之卅四至卅六."""
    unit, scale = _PERCENT_PREFIXES[f[i:i + 3]]
    k = _skip_space(f, i + 3)
    sign = 1
    if k < len(f) and f[k] in "负-":
        sign, k = -1, k + 1
    num = scan_numeral(f, k)
    if num is None:
        return None
    lo, hi = sign * num.lo * scale, sign * num.hi * scale
    decimal = num.decimal or scale != 1
    d = _Draft(i, num.end, i, num.end, None, kind="percent", unit=(i, i + 3), unit_text=unit, fixed=True)
    if not num.exact:
        d = _evolve(d, low=exact(lo, decimal), high=exact(hi, decimal))
    elif num.more is not None:
        value = exact(lo, decimal)
        d = _evolve(d, value=value, qualifier=">", low=value, high=exact(lo + num.more * scale, decimal))
    else:
        d = _evolve(d, value=exact(lo, decimal))
        # 百分之卅四至卅六 / 百分之三十到百分之四十
        conn = next((c for c in ("到", "至", "~", "-") if f.startswith(c, d.end)), None)
        k2 = d.end + len(conn) if conn is not None else -1
        if conn is not None and f.startswith(f[i:i + 3], k2):
            k2 += 3
        num2 = scan_numeral(f, k2) if conn is not None else None
        if num2 is not None and num2.exact and num2.lo * sign * scale > lo:
            d = _evolve(d, value=None, low=d.value, high=exact(sign * num2.lo * scale, decimal or num2.decimal),
                             end=num2.end, core_end=num2.end)
    return _read_after_qualifier(f, d)  # 百分之三十左右, 百分之十五以上


def _percent_word_ok(f: str, k: int, num: Numeral) -> bool:
    """七成, 8折: 成 and 折 are percentages only after a small number and not
    inside a word (成为, 成本, 折扣, 折合)."""
    if num.has_magnitude or num.more is not None:
        return False
    if f.startswith(_words("not_tenths"), k):
        return False
    hi = num.hi
    if f[k] == "折":
        return hi < 10 or (num.digit_string and hi < 100) or (num.arabic and 10 <= hi < 100 and hi % 10 != 0)
    return hi <= 10


def _read_cheng_zhe(f: str, d: _Draft, k: int) -> _Draft:
    """七成, 三成半, 七成六, 三成多, 8折, 75折: ``d`` as a percentage."""
    num = d.numeral
    assert num is not None
    end = k + 1
    scale = Fraction(10)
    if f[k] == "折" and (num.hi >= 10):
        scale = Fraction(1)  # 75折, 三八折: already two digits
    lo, hi = num.lo * scale, num.hi * scale
    # 七成六 / 三成半
    if f[k] == "成":
        j = _skip_space(f, end)
        if f.startswith("半", j):
            lo, hi, end = lo + 5, hi + 5, j + 1
        elif j < len(f) and f[j] in DIGITS and DIGITS[f[j]] and not (j + 1 < len(f) and (
                f[j + 1] in DIGITS or f[j + 1] in SMALL_UNITS)):
            lo, hi, end = lo + DIGITS[f[j]], hi + DIGITS[f[j]], j + 1
    d = _evolve(d, kind="percent", unit=(k, k + 1), end=end)
    if num.exact and end == k + 1 and f[k] == "成" and f.startswith(("多", "余"), end):
        # 三成多: over 30%, under 40%
        return _evolve(d, value=exact(lo, num.decimal), qualifier=">", low=exact(lo, num.decimal),
                            high=exact(lo + 10, num.decimal), end=end + 1)
    if num.exact:
        return _evolve(d, value=exact(lo, num.decimal))
    return _evolve(d, value=None, low=exact(lo, num.decimal), high=exact(hi, num.decimal))
