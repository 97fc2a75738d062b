"""The result types of a dataset: a fact's key, where it is stated, the fact.

A :class:`Fact` is one value of one measure of one entity for one period,
with every :class:`Source` that states it. Values are exact (``int``,
``Decimal``, ``Fraction``) and already scaled: ``1.1億``, ``110,000,000``
and ``11,000`` in a ``万元`` table are all ``1100000000`` with the unit ``元``.
"""
from __future__ import annotations

import datetime
from decimal import Decimal
from fractions import Fraction
from typing import Literal, Optional

import attrs

from ..model import Number, Qualifier

__all__ = ["FACT_KINDS", "FORMS", "Fact", "FactKind", "Form", "Key", "Observation", "Source",
           "exact_text", "read_exact"]

FactKind = Literal["level", "change", "share"]
FACT_KINDS: tuple[str, ...] = ("level", "change", "share")
# How formal a statement is: a table cell of a filing, the prose of a
# report or an article, a speaker's words. A more formal source is preferred.
Form = Literal["table", "prose", "quote"]
FORMS: tuple[str, ...] = ("table", "prose", "quote")


@attrs.frozen(order=True)
class Key:
    """What a fact is about; two sources state the same fact when their keys
    are equal.

    ``measure`` is the metric's category (``revenue``), else its subject
    folded to simplified script; ``period`` the period's label (``2023``,
    ``2024H1``, ``Y-1``). ``scope`` is the source for a fact that only holds
    inside it: a relative period (``去年`` written without a date), no period,
    or no entity; ``None`` for a fact that can be joined across sources. A
    figure in another unit or currency is another fact: nothing is converted.
    """

    entity_key: str = ""
    measure: str = ""
    period: str = ""
    kind: str = "level"
    unit: str = ""
    currency: str = ""
    scope: str = ""


@attrs.frozen
class Source:
    """One place that states a fact: the file, the span of the figure as
    printed (``text``), its page and table cell when it has them, the
    speaker, the sentence, and the value it states (scaled, exact).

    ``quantum`` is the precision the figure is printed at, in the fact's
    unit (``11.2億`` → 10000000, ``1,026.53`` under ``万元`` → 100); ``form``
    is ``table``, ``prose`` or ``quote`` (a speaker's words); ``as_of`` is
    the last day of the latest calendar period that the source reports,
    which tells a later report from an earlier one.
    """

    source: str
    start: int
    end: int
    text: str
    value: Optional[Number]
    low: Optional[Number] = None
    high: Optional[Number] = None
    qualifier: Optional[Qualifier] = None
    quantum: Optional[Number] = None
    form: Form = "prose"
    as_of: Optional[datetime.date] = None
    subject: Optional[str] = None
    entity: Optional[str] = None
    period_text: Optional[str] = None
    page: Optional[int] = None
    table: Optional[int] = None
    row: Optional[int] = None
    column: Optional[int] = None
    scale: Optional[int] = None
    speaker: Optional[str] = None
    sentence: str = ""

    def to_dict(self) -> dict[str, object]:
        """A JSON-safe dict: exact values as strings, the date in ISO form."""
        d = attrs.asdict(self, recurse=False)
        for name in ("value", "low", "high", "quantum"):
            d[name] = exact_text(d[name])
        d["as_of"] = self.as_of.isoformat() if self.as_of else None
        return d

    @classmethod
    def from_dict(cls, d: dict[str, object]) -> Source:
        """The source that :meth:`Source.to_dict` wrote."""
        fields = {a.name for a in attrs.fields(cls)}
        values = {k: v for k, v in d.items() if k in fields}
        for name in ("value", "low", "high", "quantum"):
            values[name] = read_exact(values.get(name))  # type: ignore[arg-type]
        values["as_of"] = _date(values.get("as_of"))
        for name in ("page", "table", "row", "column", "scale", "start", "end"):
            if values.get(name) is not None:
                values[name] = int(values[name])  # type: ignore[call-overload]
        return cls(**values)  # type: ignore[arg-type]


@attrs.frozen
class Observation:
    """One figure of one report as a statement of a fact: its key, the
    period as dates, and its source. ``collect`` groups observations into
    facts; engines pass them between partitions as flat records."""

    key: Key
    source: Source
    period_start: Optional[datetime.date] = None
    period_end: Optional[datetime.date] = None


    def to_record(self) -> dict[str, object]:
        """One flat JSON-safe row: the key's fields, the period's dates and
        the source's fields, as engines pass observations between
        partitions (:meth:`from_record` reads it back)."""
        return {**attrs.asdict(self.key), "period_start": _iso(self.period_start),
                "period_end": _iso(self.period_end), **self.source.to_dict()}

    @classmethod
    def from_record(cls, r: dict[str, object]) -> Observation:
        """The observation :meth:`to_record` wrote."""
        key = Key(**{a.name: r.get(a.name) or "" for a in attrs.fields(Key)})  # type: ignore[arg-type]
        return cls(key=key, source=Source.from_dict(r), period_start=_date(r.get("period_start")),
                   period_end=_date(r.get("period_end")))


def _iso(d: Optional[datetime.date]) -> Optional[str]:
    return d.isoformat() if d else None


def _date(v: object) -> Optional[datetime.date]:
    if v is None or isinstance(v, datetime.date):
        return v
    return datetime.date.fromisoformat(str(v))


@attrs.frozen
class Fact:
    """One value of one measure of one entity for one period, and every
    source that states it.

    ``value``, ``low``, ``high`` and ``qualifier`` are those of the most
    precise source (``110,253.47`` in a ``万元`` table over ``11.03億`` in an
    article); a source that prints the same value rounded agrees with it.
    Two values for one key are two facts side by side, both with
    ``conflict`` true; the one whose best source is the most formal (a table
    over prose, prose over a quote), else the later (by ``as_of``), else the
    first by source name, is ``preferred``, and ``rule`` says which of these
    decided. A fact without a conflict is preferred and has no rule.
    """

    key: Key
    value: Optional[Number]
    low: Optional[Number] = None
    high: Optional[Number] = None
    qualifier: Optional[Qualifier] = None
    sources: tuple[Source, ...] = ()
    entity: Optional[str] = None
    period_start: Optional[datetime.date] = None
    period_end: Optional[datetime.date] = None
    conflict: bool = False
    preferred: bool = True
    rule: Optional[str] = None

    @property
    def relative(self) -> bool:
        """True when the fact holds only inside its source (``key.scope``)."""
        return bool(self.key.scope)

    def to_record(self) -> dict[str, object]:
        """One flat JSON-safe row: the key, the value (exact, as a string),
        the conflict flags, and ``sources`` as a list of dicts."""
        k = self.key
        return {
            "entity_key": k.entity_key or None, "entity": self.entity, "measure": k.measure,
            "period": k.period or None,
            "period_start": self.period_start.isoformat() if self.period_start else None,
            "period_end": self.period_end.isoformat() if self.period_end else None,
            "relative": self.relative, "scope": k.scope or None, "kind": k.kind,
            "value": exact_text(self.value), "low": exact_text(self.low), "high": exact_text(self.high),
            "qualifier": self.qualifier, "unit": k.unit or None, "currency": k.currency or None,
            "conflict": self.conflict, "preferred": self.preferred, "rule": self.rule,
            "n_sources": len(self.sources), "sources": [s.to_dict() for s in self.sources],
        }


def exact_text(v: Optional[Number]) -> Optional[str]:
    """An exact number as a string that :func:`read_exact` reads back.

    >>> [exact_text(v) for v in (110000000, Decimal("15.80"), Fraction(1, 8), None)]
    ['110000000', '15.80', '1/8', None]
    """
    if v is None:
        return None
    if isinstance(v, Decimal):
        return format(v, "f")
    return str(v)


def read_exact(s: Optional[str]) -> Optional[Number]:
    """The exact number :func:`exact_text` wrote: ``int`` for digits,
    ``Decimal`` with a point, ``Fraction`` with a slash.

    >>> [read_exact(s) for s in ("110000000", "-15.80", "1/8", None)]
    [110000000, Decimal('-15.80'), Fraction(1, 8), None]
    """
    if s is None:
        return None
    if not isinstance(s, str):
        raise TypeError(f"an exact number is read from a str, not {type(s).__name__}")
    if "/" in s:
        return Fraction(s)
    if "." in s or "e" in s.lower():
        return Decimal(s)
    return int(s)
