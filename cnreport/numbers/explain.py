"""Which precision rule kept or dropped each expression of a text.

>>> from cnreport.numbers import decisions, rule_for
>>> for d in decisions("统一价5G手机卖出3000台，第一"):
...     print(d.text, d.rule, d.kept)
一 lone_in_word False
5 latin_after False
3000台 no rule True
第一 single_digit True
>>> rule_for("他们是95后", 3, 5)
'cohort'
"""
from __future__ import annotations

from typing import Optional

import attrs

from ..normalize import fold
from .rules import RULES
from .scan import _find_numbers
from .trace import _RECORD

__all__ = ["Decision", "decisions", "precision_rules", "rule_for"]


@attrs.frozen
class Decision:
    """One expression the finder read or looked at, and the precision rule
    that kept or dropped it (``"no rule"`` when none had anything to say and
    it was kept). ``start:end`` index the text."""

    start: int
    end: int
    text: str
    rule: str
    kept: bool


def precision_rules() -> list[tuple[str, str]]:
    """The name and meaning of every precision rule, in the order they are
    tried.

    >>> precision_rules()[0][0]
    'chain'
    """
    return [(rule.name, rule.doc) for rule in RULES]


def decisions(text: str) -> list[Decision]:
    """Every decision of :func:`cnreport.find_numbers` on ``text``, in the
    order taken. Numbers read by a short path without a rule to apply (a
    plain 42) are not listed."""
    if not isinstance(text, str):
        raise TypeError(f"decisions() takes a str, not {type(text).__name__}")
    record: list[tuple[int, int, str, bool]] = []
    token = _RECORD.set(record)
    try:
        _find_numbers(text, fold(text))
    finally:
        _RECORD.reset(token)
    return [Decision(start, end, text[start:end], rule, kept) for start, end, rule, kept in record]


def rule_for(text: str, start: int, end: int) -> Optional[str]:
    """The name of the precision rule that kept or dropped the expression at
    ``text[start:end]``, or None when the finder did not look at that span."""
    return next((d.rule for d in decisions(text) if d.start == start and d.end == end), None)
