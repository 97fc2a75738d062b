"""The mention being assembled (:class:`_Draft`), how a unit or a qualifier
after it attaches, and how it becomes a
:class:`~cnreport.model.NumberMention`.
"""
from __future__ import annotations

from fractions import Fraction
from operator import attrgetter
from typing import Any, Optional

import attrs

from ..model import Kind, NumberMention, Qualifier, Rational, Value
from ..numerals import (
    Numeral,
    exact,
)
from .chars import _INCLUDED
from .tables import _qualifiers_starting, _words, _words_opening

_SHARE_LEANS: dict[str, Qualifier] = {"强": ">", "弱": "<"}

# Without slots: a frozen class with slots sets each field through
# object.__setattr__, which makes a draft cost twice what it does with a
# __dict__, and the walk makes two drafts or so for every figure it reads.
@attrs.frozen(slots=False)
class _Draft:
    """A mention being assembled; offsets index the folded (= original) text.

    Frozen: each reader returns a new draft (:func:`_evolve`) rather than
    changing the one it was given, so a reader that declines leaves nothing
    half-done behind it."""

    start: int
    end: int
    core_start: int
    core_end: int
    value: Optional[Value]
    kind: Kind = "cardinal"
    unit: tuple[int, int] | None = None  # span of the unit as written
    unit_kind: str = ""
    qualifier: Optional[Qualifier] = None
    low: Optional[Value] = None
    high: Optional[Value] = None
    currency: Optional[str] = None
    numeral: Optional[Numeral] = None
    fixed: bool = False  # built from a fixed form (idiom, date, percent): no word check
    no_unit_text: bool = False  # the suffix stays in the surface but is not a unit (三大, 千万级)
    unit_text: Optional[str] = None  # the unit when it is not the text at ``unit`` (百分之 → %)


_FIELDS = tuple(a.name for a in attrs.fields(_Draft))
_field_values = attrgetter(*_FIELDS)


def _evolve(d: _Draft, **changes: Any) -> _Draft:
    """``_evolve(d, **changes)``, with the fields looked up once rather
    than on every call: the readers make a new draft for each step of a
    figure, and ``attrs.evolve`` costs half as much again as this."""
    values = dict(zip(_FIELDS, _field_values(d), strict=True))
    values.update(changes)
    return _Draft(**values)


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


def _numeral_draft(i: int, num: Numeral) -> _Draft:
    """The draft of a numeral alone: its value, or its bounds when it is
    vague (十几) or has 多 (30多: over 30, under 40)."""
    if not num.exact:
        return _Draft(i, num.end, i, num.end, None, numeral=num, low=exact(num.lo, num.decimal),
                      high=exact(num.hi, num.decimal))
    value = exact(num.lo, num.decimal)
    if num.more is None:
        return _Draft(i, num.end, i, num.end, value, numeral=num)
    return _Draft(i, num.end, i, num.end, value, numeral=num, qualifier=">", low=value,
                  high=exact(num.lo + num.more, num.decimal))


def _scaled(v: Optional[Value], scale: Rational) -> Optional[Value]:
    return v if v is None or isinstance(v, str) else exact(Fraction(v) * scale, True)


def _attach(d: _Draft, a: int, b: int, kind: Kind, *, scale: Rational = 1,
            currency: Optional[str] = None) -> _Draft:
    """``d`` with the unit at ``a:b``, of ``kind``: the kinds that say what
    is counted (percent, money…) become the draft's; ``scale`` converts the
    values (5‰ is 0.5%, 15港仙 is 0.15)."""
    d = _evolve(d, unit=(a, b), unit_kind=kind, end=b,
                     kind=kind if kind in ("percent", "money", "multiple", "duration", "ordinal") else d.kind,
                     currency=currency or d.currency)
    if scale == 1:
        return d
    return _evolve(d, value=_scaled(d.value, scale), low=_scaled(d.low, scale),
                        high=_scaled(d.high, scale))


def _read_after_qualifier(f: str, d: _Draft) -> _Draft:
    """``d`` with the qualifier after it (以上, 左右, 以内; 强 and 弱 after a
    share), which gives its bounds unless a qualifier was read already."""
    k = d.end
    if f.startswith(_INCLUDED, k):
        k += 3  # 50万元(含)以上: the bound itself is included
    if k >= len(f):
        return d
    lean = _SHARE_LEANS.get(f[k])
    if lean is not None and d.kind in ("fraction", "percent") \
            and not f.startswith(_words("not_strong") + _words("not_weak"), k):
        # 三分之一强, 三成弱: a little over, a little under
        return _evolve(_qualified(d, lean) if d.qualifier is None else d, end=k + 1)
    for q in _qualifiers_starting().get(f[k], ()):
        if f.startswith(q.word, k):
            if f.startswith(_words_opening("not_qualifier").get(q.word, ()), k):
                continue  # 内容, 上下游, 不到位
            d = _evolve(_qualified(d, q.symbol) if d.qualifier is None else d, end=k + len(q.word))
            if q.word in ("内", "之内") and d.unit is not None and f[d.unit[0]:d.unit[1]] == "名":
                d = _evolve(d, kind="ordinal")  # 20名内: within the top twenty
            return d
    return d


def _qualified(d: _Draft, symbol: Qualifier) -> _Draft:
    """``d`` with the qualifier ``symbol`` and the bounds it sets: the value
    is the lower bound of > and >=, the upper of < and <=."""
    return _bounded(_evolve(d, qualifier=symbol))


def _bounded(d: _Draft) -> _Draft:
    """``d`` with the bounds its qualifier sets on its value."""
    if d.value is None or isinstance(d.value, str):
        return d
    if d.qualifier in (">", ">="):
        return _evolve(d, low=d.value, high=None)
    if d.qualifier in ("<", "<="):
        return _evolve(d, low=None, high=d.value)
    return d
