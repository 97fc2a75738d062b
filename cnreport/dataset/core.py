"""The dataset: facts across reports, with their records, frames, series
and Parquet, and the merge of datasets built apart."""
from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import Any, Optional

import attrs

from ..model import Number
from .merge import facts as _facts
from .model import Fact, Observation

__all__ = ["Dataset", "Point", "fact_record"]


@attrs.frozen
class Point:
    """One period of a series: its label, first and last day, the preferred
    value, and whether other sources state another value for it."""

    period: str
    start: Optional[datetime.date]
    end: Optional[datetime.date]
    value: Optional[Number]
    conflict: bool = False


@attrs.frozen
class Dataset:
    """Facts across reports, ordered by key (entity, measure, period, kind,
    unit, currency), the preferred statement of a key first; ``errors``
    names each input that could not be read, with the reason.

    >>> import cnreport
    >>> d = cnreport.collect(["星雲科技2023年營收為11億元。", "星云科技2023年营业收入110,000万元。"])
    >>> [(f.key.entity_key, f.key.measure, f.key.period, f.value, len(f.sources)) for f in d]
    [('星云科技', 'revenue', '2023', 1100000000, 2)]
    """

    facts: tuple[Fact, ...] = ()
    errors: tuple[tuple[str, str], ...] = ()

    def __len__(self) -> int:
        return len(self.facts)

    def __iter__(self) -> Iterator[Fact]:
        return iter(self.facts)

    @classmethod
    def from_observations(cls, observations: Iterable[Observation],
                          errors: Iterable[tuple[str, str]] = ()) -> Dataset:
        """The dataset of some observations (see ``cnreport.dataset.observe``)."""
        return cls(facts=tuple(_facts(observations)), errors=tuple(sorted(set(errors))))

    def observations(self) -> Iterator[Observation]:
        """Every source of every fact as the observation it came from."""
        for f in self.facts:
            for s in f.sources:
                yield Observation(key=f.key, source=s, period_start=f.period_start, period_end=f.period_end)

    @classmethod
    def merge(cls, *datasets: Dataset) -> Dataset:
        """One dataset of several built apart (partitions of a corpus): the
        same as collecting their inputs at once, whatever the order.

        >>> import cnreport
        >>> a = cnreport.collect(["星雲科技2023年營收為11.5億元。"], sources=["a"])
        >>> b = cnreport.collect(["星云科技2023年营收11.2亿元。"], sources=["b"])
        >>> [(f.value, f.conflict) for f in Dataset.merge(b, a)]
        [(1150000000, True), (1120000000, True)]
        """
        return cls.from_observations(chain.from_iterable(d.observations() for d in datasets),
                                     chain.from_iterable(d.errors for d in datasets))

    def conflicts(self) -> list[Fact]:
        """The facts whose key has more than one value, side by side."""
        return [f for f in self.facts if f.conflict]

    def series(self, entity_key: str, measure: str, *, kind: str = "level", unit: Optional[str] = None,
               currency: Optional[str] = None) -> list[Point]:
        """The preferred value of a measure of an entity in each calendar
        period, ordered by time (``unit`` and ``currency`` pick one where
        the measure is stated in several). Periods that hold only inside one
        source (``去年`` without a date) are not in a series.

        >>> import cnreport
        >>> d = cnreport.collect(["星雲科技2023年營收為11億元，2022年營收為9.5億元。"])
        >>> [(p.period, p.value) for p in d.series("星云科技", "revenue")]
        [('2022', 950000000), ('2023', 1100000000)]
        """
        points = [Point(f.key.period, f.period_start, f.period_end, f.value, f.conflict) for f in self.facts
                  if f.preferred and not f.key.scope and f.key.entity_key == entity_key
                  and f.key.measure == measure and f.key.kind == kind
                  and (unit is None or f.key.unit == unit) and (currency is None or f.key.currency == currency)]
        return sorted(points, key=lambda p: _period_order(p.period, p.start, p.end))

    def to_records(self) -> list[dict[str, object]]:
        """One JSON-safe dict per fact (``Fact.to_record``), with
        ``value_float`` for charts."""
        return [fact_record(f) for f in self.facts]

    def to_frame(self, *, wide: bool = False) -> Any:
        """A pandas DataFrame of the facts; with ``wide=True``, one row per
        entity, measure, kind, unit and currency and one column per
        calendar period in time order, holding the preferred exact value
        (``int``, ``Decimal``, ``Fraction``; ``.astype(float)`` to plot)."""
        from .tables import frame, wide_frame
        return wide_frame(self) if wide else frame(self)

    def to_parquet(self, path: Any) -> None:
        """Write the facts as one Parquet file (pyarrow: ``pip install
        'cnreport[parquet]'``), written beside ``path`` and renamed over it,
        so that ``path`` is whole or untouched. The sources are a list of
        structs per row; DuckDB reads the file as it is."""
        from .tables import write_parquet
        write_parquet(self, path)


def fact_record(f: Fact) -> dict[str, Any]:
    """A fact's record (``Fact.to_record``) with ``value_float``."""
    r: dict[str, Any] = f.to_record()
    r["value_float"] = float(f.value) if f.value is not None else None
    return r


def _period_order(label: str, start: Optional[datetime.date], end: Optional[datetime.date]
                  ) -> tuple[datetime.date, datetime.date, str]:
    """Periods in time order: by first day, then last day (a quarter before
    the year that holds it ends), then label (fiscal years have no dates)."""
    return (start or datetime.date.max, end or datetime.date.max, label)


