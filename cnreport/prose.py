"""The numbers of the prose, read against the layout: a scale declaration is
no figure, a figure of a table comes from its cell, and a bare amount of the
prose takes the declaration in force where it stands (``单位：万元`` over a
paragraph makes its ``1,026.53`` 10265300 元).
"""
from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

import attrs

from .model import NumberMention
from .numerals import exact
from .tables.layout import Layout
from .tables.scale import scale_in_force

__all__ = ["prose_numbers"]


def prose_numbers(found: Sequence[NumberMention], layout: Layout) -> list[NumberMention]:
    """``found`` less the declarations and the table figures, bare amounts scaled."""
    drop = [(s.start, s.end) for s in layout.scales] + list(layout.figures) + list(layout.quiet)
    tables = [(t.start, t.end) for t in layout.tables]
    out = []
    for m in found:
        if any(a < m.end and m.start < b for a, b in drop):
            continue
        if not any(a <= m.start < b for a, b in tables):
            m = _scaled(m, layout)
        out.append(m)
    return out


def _scaled(m: NumberMention, layout: Layout) -> NumberMention:
    """A bare amount (digits with a thousands comma or a decimal point, no unit
    of its own) under a line declaration takes its magnitude and unit."""
    if m.kind != "cardinal" or m.unit is not None or m.low is not None or m.high is not None:
        return m
    if not isinstance(m.value, (int, Decimal)) or not any(c in m.text for c in ",."):
        return m
    s = scale_in_force([x for x in layout.scales if x.where == "line"], m.start)
    if s is None or s.unit is None or s.unit == "%":
        return m
    value = exact(Fraction(m.value) * s.factor, True)
    return attrs.evolve(m, value=value, unit=s.unit, currency=s.currency,
                        kind="money" if s.currency else "cardinal")
