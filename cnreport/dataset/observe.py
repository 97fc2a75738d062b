"""From the metrics of one report to observations: each figure as a
statement of a fact, with its key and where it is stated.

The key is made so that what is the same fact joins and nothing else does:

- the entity is the metric's ``entity_key`` (a table cell's, which the table
  reader leaves empty, is keyed from its entity as written);
- the measure is the category (``revenue``), else the subject folded to
  simplified script (a table row's category is read from its label, as the
  prose's is from its subject);
- the kind: ``change`` for the size of a movement (``按年增長15.8%``, a
  table's change column), signed (a fall is negative); ``share`` for a
  percentage or a fraction that is no change (``毛利率31.5%``); ``level``
  for the rest (amounts, counts);
- unit and currency as the figure has them after its scale: ``11億元`` and
  ``110,000.00`` under ``单位：万元`` are both 1100000000 元 CNY;
- a period that depends on the date of writing (``去年`` with no date),
  ``report`` (``期內``), no period or no entity scope the fact to its source:
  it is kept and marked, never resolved by guess, and never joined with
  another source's.
"""
from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import Optional

import regex

from ..entities import Entities, entity_key
from ..model import Metric, Number, Report
from ..normalize import fold
from .model import FactKind, Form, Key, Observation, Source

__all__ = ["fact_kind", "form_of", "observe", "quantum"]

_DIGITS = regex.compile(r"\d[\d,]*(?:\.\d+)?")


def observe(report: Report, *, source: Optional[str] = None, entities: Optional[Entities] = None,
            categories: Optional[Mapping[str, str]] = None) -> list[Observation]:
    """The observations of a report's metrics, in the report's order.

    ``source`` names the report (default: ``report.source``); ``entities``
    keys a table's entity as :func:`cnreport.parse` keys the prose's;
    ``categories`` gives a table row its category as it does a subject.

    >>> import cnreport
    >>> [(o.key.measure, o.key.period, o.key.kind, o.source.value, o.key.unit)
    ...  for o in observe(cnreport.parse("星雲科技2023年營收為11億元，按年增長15.8%。"), source="a")]
    [('revenue', '2023', 'level', 1100000000, '元'), ('revenue', '2023', 'change', Decimal('15.8'), '%')]
    """
    name = source if source is not None else report.source or ""
    as_of = _as_of(report)
    out = []
    for m in report.metrics:
        o = _observe(m, name, as_of, entities, categories)
        if o is not None:
            out.append(o)
    return out


def _observe(m: Metric, source: str, as_of: Optional[datetime.date], entities: Optional[Entities],
             categories: Optional[Mapping[str, str]]) -> Optional[Observation]:
    n = m.mention
    if n.value is None and n.low is None and n.high is None or isinstance(n.value, str):
        return None
    measure = m.category or (_category(m.subject, _frozen(categories)) if m.cell is not None else None) \
        or (fold(m.subject) if m.subject else "")
    if not measure:
        return None
    ekey = m.entity_key or entity_key(m.entity, entities) or ""
    when = m.when
    label = when.label if when is not None and when.label else ""
    joined = bool(ekey) and bool(label) and not (when is not None and when.relative)
    kind = fact_kind(m)
    sign = -1 if kind == "change" and m.cell is None and m.change is not None and m.change.direction == "down" \
        else 1
    value, low, high = (_times(v, sign) for v in (n.value, n.low, n.high))
    if sign < 0:
        low, high = high, low
    key = Key(entity_key=ekey, measure=measure, period=label, kind=kind, unit=fold(n.unit) if n.unit else "",
              currency=n.currency or "", scope="" if joined else source)
    ref = m.cell
    src = Source(source=source, start=n.start, end=n.end, text=n.text, value=value, low=low, high=high,
                 qualifier=n.qualifier, quantum=quantum(n.text, n.value), form=form_of(m), as_of=as_of,
                 subject=m.subject, entity=m.entity, period_text=m.period, page=m.page,
                 table=ref.table if ref else None, row=ref.row if ref else None,
                 column=ref.column if ref else None,
                 scale=(ref.scale.factor if ref.scale else None) if ref else None,
                 speaker=m.speaker.name if m.speaker else None, sentence=m.sentence)
    return Observation(key=key, source=src, period_start=when.start if when else None,
                       period_end=when.end if when else None)


def fact_kind(m: Metric) -> FactKind:
    """``change`` for the size of a movement, ``share`` for a percentage or
    fraction that is no change, ``level`` for the rest."""
    c = m.change
    if c is not None and c.direction is not None and c.start is None and c.end is None:
        return "change"
    return "share" if m.mention.kind in ("percent", "fraction") else "level"


def form_of(m: Metric) -> Form:
    """``table`` for a table cell, ``quote`` for a speaker's words, else ``prose``."""
    if m.cell is not None:
        return "table"
    return "quote" if m.speaker is not None else "prose"


def quantum(text: str, value: object) -> Optional[Number]:
    """The precision a figure is printed at, in the units of its value: the
    last printed digit's place times the scale (``11.2億`` → 10000000,
    ``1,026.53`` read as 10265300 → 100); for a figure in Chinese numerals,
    the place of its last digit that is not zero (``十一億`` → 100000000).
    ``None`` for a range or a figure that is not a number.

    >>> quantum("11.2億元", 1120000000), quantum("1,026.53", 10265300), quantum("十一億", 1100000000)
    (10000000, 100, 100000000)
    """
    if not isinstance(value, (int, Decimal, Fraction)) or isinstance(value, bool):
        return None
    found = _DIGITS.search(fold(text))
    if found is None:
        return _last_place(value)
    printed = found.group().replace(",", "")
    digits = Decimal(printed)
    places = len(printed.partition(".")[2])
    if digits == 0:
        return _tidy(Fraction(1, 10 ** places))
    factor = abs(Fraction(value) / Fraction(digits))
    if not _power_of_ten(factor):  # (digits a parser split: the printed part is not the number)
        return _last_place(value)
    return _tidy(factor / 10 ** places)


def _power_of_ten(f: Fraction) -> bool:
    n, d = f.numerator, f.denominator
    while n % 10 == 0:
        n //= 10
    while d % 10 == 0:
        d //= 10
    return n == 1 and d == 1


def _last_place(value: Number) -> Number:
    v = Fraction(value)
    if v.denominator != 1 or v == 0:
        return 1 if v.denominator == 1 else _tidy(Fraction(1, v.denominator))
    n, place = abs(v.numerator), 1
    while n % 10 == 0:
        n //= 10
        place *= 10
    return place


def _tidy(q: Fraction) -> Number:
    """A quantum as an ``int`` when whole, else a ``Decimal`` when exact in
    decimals, else the ``Fraction``."""
    if q.denominator == 1:
        return q.numerator
    d = Decimal(q.numerator) / Decimal(q.denominator)
    return d if Fraction(d) == q else q


def _times(v: object, sign: int) -> Optional[Number]:
    if v is None or isinstance(v, str):
        return None
    return v if sign > 0 else -v  # type: ignore[operator,return-value]


def _as_of(report: Report) -> Optional[datetime.date]:
    """The last day of the latest calendar period the report states: how
    late its knowledge goes."""
    ends = [m.when.end for m in report.metrics if m.when is not None and m.when.end is not None
            and not m.when.relative]
    return max(ends) if ends else None


def _frozen(categories: Optional[Mapping[str, str]]) -> Optional[tuple[tuple[str, str], ...]]:
    return tuple(sorted(categories.items())) if categories else None


@lru_cache(maxsize=4096)
def _category(subject: Optional[str], categories: Optional[tuple[tuple[str, str], ...]]) -> Optional[str]:
    """A table row's category, read from its label as the metric reader
    reads a subject's (the same aliases, the same rule)."""
    if not subject:
        return None
    from ..metrics.category import category
    from ..metrics.document import Document

    return category(Document(subject, fold(subject), [], dict(categories) if categories else None), subject)
