"""Observations into facts: restatements joined, conflicts kept side by side.

Within one key, a source agrees with another when it states the same value
or the same value rounded to its own precision (``11.03億`` agrees with
``110,253.47`` under ``万元``; ``約11億`` with ``11億``), or when it states a
bound or a range that holds the other's value (``超過10億`` with ``11億``).
Sources are taken from the most precise on, and each joins the first
statement it agrees with; what agrees with none starts a statement of its
own. Every statement is a :class:`Fact`; a key with more than one is a
conflict, and one of them is preferred by a rule that is said.
"""
from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from fractions import Fraction

from .model import Fact, Key, Observation, Source

__all__ = ["agrees", "facts", "rank"]

_FORM_RANK = {"table": 0, "prose": 1, "quote": 2}
_FAR = datetime.date.max.toordinal()


def facts(observations: Iterable[Observation]) -> list[Fact]:
    """The facts of ``observations``, ordered by key, the preferred
    statement of a key first. The result depends only on the observations,
    not on their order, so partitions merged in any order give it alike."""
    groups: dict[Key, list[Observation]] = {}
    for o in observations:
        groups.setdefault(o.key, []).append(o)
    out: list[Fact] = []
    for key in sorted(groups):
        out.extend(_facts_of(key, groups[key]))
    return out


def rank(s: Source) -> tuple[int, int, str, int, int]:
    """How a source is preferred: more formal (a table, prose, a quote),
    then later (``as_of``), then by source name and place."""
    later = -s.as_of.toordinal() if s.as_of is not None else _FAR
    return (_FORM_RANK[s.form], later, s.source, s.start, s.end)


def _facts_of(key: Key, observations: Sequence[Observation]) -> list[Fact]:
    sources = sorted((o.source for o in observations), key=_precision)
    statements: list[list[Source]] = []
    for s in sources:
        home = next((st for st in statements if agrees(st[0], s)), None)
        if home is None:
            statements.append([s])
        else:
            home.append(s)
    start = next((o.period_start for o in observations if o.period_start is not None), None)
    end = next((o.period_end for o in observations if o.period_end is not None), None)
    best = sorted(statements, key=lambda st: min(map(rank, st)))
    rule = _rule(best) if len(best) > 1 else None
    out = []
    for n, st in enumerate(best):
        head, ranked = st[0], sorted(st, key=rank)
        out.append(Fact(key=key, value=head.value, low=head.low, high=head.high, qualifier=head.qualifier,
                        sources=tuple(ranked), entity=next((s.entity for s in ranked if s.entity), None),
                        period_start=start, period_end=end, conflict=len(best) > 1, preferred=n == 0,
                        rule=rule))
    return out


def _precision(s: Source) -> tuple[int, Fraction, tuple[int, int, str, int, int]]:
    """Points before bounds and ranges, the finest first, then by rank."""
    fine = Fraction(s.quantum) if s.quantum is not None else Fraction(0)
    return (0 if _is_point(s) else 1, fine, rank(s))


def _is_point(s: Source) -> bool:
    return s.value is not None and s.qualifier in (None, "~")


def agrees(head: Source, s: Source) -> bool:
    """Whether ``s`` states what ``head`` (at least as precise) states.

    >>> a = Source("t.md", 0, 10, "110,253.47", 1102534700, quantum=100)
    >>> agrees(a, Source("n.txt", 0, 7, "11.03億", 1103000000, quantum=1000000))
    True
    >>> agrees(a, Source("q.txt", 0, 6, "11.2億", 1120000000, quantum=10000000))
    False
    """
    if _is_point(head):
        x = Fraction(head.value)  # type: ignore[arg-type]
        if _is_point(s):
            return x == Fraction(s.value) or (  # type: ignore[arg-type]
                s.quantum is not None and _round(x, Fraction(s.quantum)) == Fraction(s.value))  # type: ignore[arg-type]
        return (s.low is None or x >= Fraction(s.low)) and (s.high is None or x <= Fraction(s.high))
    return (head.value, head.low, head.high, head.qualifier) == (s.value, s.low, s.high, s.qualifier)


def _round(x: Fraction, q: Fraction) -> Fraction:
    """``x`` rounded half away from zero to a multiple of ``q``, as figures
    are rounded for print."""
    if q <= 0:
        return x
    n = abs(x) / q
    whole = int(n) + (1 if n - int(n) >= Fraction(1, 2) else 0)
    return whole * q * (1 if x >= 0 else -1)


def _rule(statements: Sequence[Sequence[Source]]) -> str:
    """Why the first statement is preferred over the second: the rule that
    tells their best sources apart."""
    a = min(statements[0], key=rank)
    b = min(statements[1], key=rank)
    if a.form != b.form:
        return f"formal: {a.form} over {b.form}"
    if a.as_of != b.as_of:
        return f"later: as of {a.as_of} over {b.as_of or 'no date'}"
    return "first: by source name and place"


