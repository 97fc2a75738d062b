"""The mention being assembled (:class:`_Draft`), how a unit or a qualifier after it attaches, and how it becomes a :class:`~cnreport.model.NumberMention`."""
from __future__ import annotations

from fractions import Fraction
from typing import Optional

import attrs

from ..model import NumberMention, Value
from ..numerals import (
    Numeral,
    Rational,
    exact,
)
from .tables import _qualifiers_starting

# Words that begin with 强 after a number without making it a ranking (3强调).
_STRONG_WORDS = ("强调", "强化", "强大", "强劲", "强势", "强烈", "强制", "强度", "强行", "强迫", "强者")
_SHARE_LEANS = {"强": ">", "弱": "<"}  # after a share: 三分之一强, 两成弱
_LEAN_WORDS = _STRONG_WORDS + ("弱势", "弱化", "弱小", "弱点", "弱者", "弱于")


@attrs.define
class _Draft:
    """A mention being assembled; offsets index the folded (= original) text."""

    start: int
    end: int
    core_start: int
    core_end: int
    value: Optional[Value]
    kind: str = "cardinal"
    unit: tuple[int, int] | None = None  # span of the unit as written
    unit_kind: str = ""
    qualifier: Optional[str] = None
    low: Optional[Value] = None
    high: Optional[Value] = None
    currency: Optional[str] = None
    numeral: Optional[Numeral] = None
    fixed: bool = False  # built from a fixed form (idiom, date, percent): no word check
    no_unit_text: bool = False  # the suffix stays in the surface but is not a unit (三大, 千万级)
    unit_text: Optional[str] = None  # the unit when it is not the text at ``unit`` (百分之 → %)


def _finish(text: str, d: _Draft) -> NumberMention:
    unit = None
    if d.unit_text is not None:
        unit = d.unit_text
    elif d.unit is not None and not d.no_unit_text:
        unit = text[d.unit[0]:d.unit[1]]
        if d.kind == "percent" and unit in ("%", "％", "﹪"):
            unit = "%"
    return NumberMention(text=text[d.start:d.end], start=d.start, end=d.end, value=d.value,
                         kind=d.kind, unit=unit, qualifier=d.qualifier, low=d.low, high=d.high,
                         currency=d.currency)


def _set_value(d: _Draft, num: Numeral) -> None:
    if num.exact:
        d.value = exact(num.lo, num.decimal)
        if num.more is not None:
            d.qualifier = ">"
            d.low = d.value
            d.high = exact(num.lo + num.more, num.decimal)
    else:
        d.value = None
        d.low = exact(num.lo, num.decimal)
        d.high = exact(num.hi, num.decimal)


def _attach(d: _Draft, a: int, b: int, kind: str, *, scale: Rational = 1,
            currency: Optional[str] = None) -> None:
    d.unit = (a, b)
    d.unit_kind = kind
    d.end = b
    if kind in ("percent", "money", "multiple", "duration", "ordinal"):
        d.kind = kind
    if currency:
        d.currency = currency
    if scale != 1:
        for name in ("value", "low", "high"):
            v = getattr(d, name)
            if v is not None and not isinstance(v, str):
                setattr(d, name, exact(Fraction(v) * scale, True))


def _read_after_qualifier(f: str, d: _Draft) -> None:
    k = d.end
    if f.startswith(("(含)", "（含）"), k):
        k += 3  # 50万元(含)以上: the bound itself is included
    if k >= len(f):
        return
    lean = _SHARE_LEANS.get(f[k])
    if lean is not None and d.kind in ("fraction", "percent") and not f.startswith(_LEAN_WORDS, k):
        if d.qualifier is None:  # 三分之一强, 三成弱: a little over, a little under
            d.qualifier = lean
            _bounds_from_qualifier(d)
        d.end = k + 1
        return
    for q in _qualifiers_starting().get(f[k], ()):
        if f.startswith(q.word, k):
            if q.word == "内" and f.startswith(("内容", "内部", "内外", "内地", "内存"), k):
                continue
            if q.word == "上下" and f.startswith("上下游", k):
                continue
            if q.word == "不到" and f.startswith("不到位", k):
                continue
            if d.qualifier is None:
                d.qualifier = q.symbol
                _bounds_from_qualifier(d)
            d.end = k + len(q.word)
            if q.word in ("内", "之内") and d.unit is not None and f[d.unit[0]:d.unit[1]] == "名":
                d.kind = "ordinal"  # 20名内: within the top twenty
            return


def _bounds_from_qualifier(d: _Draft) -> None:
    if d.value is None or isinstance(d.value, str):
        return
    if d.qualifier in (">", ">="):
        d.low, d.high = d.value, None
    elif d.qualifier in ("<", "<="):
        d.low, d.high = None, d.value
