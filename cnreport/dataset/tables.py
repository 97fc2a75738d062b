"""The dataset as tables: a pandas frame (narrow or wide) and Parquet.

pandas and pyarrow are imported here, and only when called.
"""
from __future__ import annotations

import datetime
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .core import Dataset

__all__ = ["COLUMNS", "SOURCE_COLUMNS", "frame", "parquet_schema", "wide_frame", "write_parquet"]

# The columns of a fact record, in order; ``sources`` holds one dict per source.
COLUMNS: tuple[str, ...] = (
    "entity_key", "entity", "measure", "period", "period_start", "period_end", "relative", "scope", "kind",
    "value", "low", "high", "qualifier", "unit", "currency", "value_float", "conflict", "preferred", "rule",
    "n_sources", "sources")
SOURCE_COLUMNS: tuple[str, ...] = (
    "source", "start", "end", "text", "value", "low", "high", "qualifier", "quantum", "form", "as_of",
    "subject", "entity", "period_text", "page", "table", "row", "column", "scale", "speaker", "sentence")
_BOOLS = frozenset({"relative", "conflict", "preferred"})
_INTS = frozenset({"n_sources", "start", "end", "page", "table", "row", "column", "scale"})
_DATES = frozenset({"period_start", "period_end", "as_of"})


def frame(dataset: Dataset) -> Any:
    """One row per fact with :data:`COLUMNS`: exact values as strings,
    ``value_float`` for charts, dates as ``datetime.date``, and ``sources``
    as a list of dicts."""
    pd = _pandas()
    records = dataset.to_records()
    for r in records:
        for name in _DATES & r.keys():
            r[name] = datetime.date.fromisoformat(r[name]) if r[name] else None  # type: ignore[arg-type]
    table = pd.DataFrame.from_records(records, columns=list(COLUMNS))
    types = {c: "boolean" if c in _BOOLS else "Int64" if c in _INTS else "Float64" if c == "value_float"
             else pd.StringDtype() for c in COLUMNS if c not in _DATES and c != "sources"}
    return table.astype(types)


def wide_frame(dataset: Dataset) -> Any:
    """One row per (entity_key, measure, kind, unit, currency), one column
    per calendar period in time order, the preferred exact value in each
    cell (``None`` where no source states it)."""
    pd = _pandas()
    from .core import _period_order

    rows: dict[tuple[str, str, str, str, str], dict[str, object]] = {}
    order: dict[str, tuple[datetime.date, datetime.date, str]] = {}
    for f in dataset.facts:
        if not f.preferred or f.key.scope:
            continue
        k = f.key
        rows.setdefault((k.entity_key, k.measure, k.kind, k.unit, k.currency), {})[k.period] = f.value
        order[k.period] = _period_order(k.period, f.period_start, f.period_end)
    periods = sorted(order, key=order.__getitem__)
    index = pd.MultiIndex.from_tuples(list(rows), names=["entity_key", "measure", "kind", "unit", "currency"])
    table = pd.DataFrame([[r.get(p) for p in periods] for r in rows.values()], index=index,
                         columns=pd.Index(periods, name="period"), dtype=object)
    return table.sort_index()


def parquet_schema() -> Any:
    """The Arrow schema of the facts: strings for exact values and text,
    dates as dates, and ``sources`` as a list of structs."""
    pa = _pyarrow()

    def column(name: str) -> Any:
        return pa.bool_() if name in _BOOLS else pa.int64() if name in _INTS else pa.date32() \
            if name in _DATES else pa.float64() if name == "value_float" else pa.string()

    source = pa.struct([pa.field(n, column(n)) for n in SOURCE_COLUMNS])
    return pa.schema([pa.field(n, pa.list_(source) if n == "sources" else column(n)) for n in COLUMNS])


def write_parquet(dataset: Dataset, path: Any, *, batch: int = 10_000) -> None:
    """The facts as one Parquet file at ``path``, whole or not at all,
    ``batch`` facts at a time (a row group each), so that the records of
    only one batch are in memory beside the dataset."""
    pa = _pyarrow()
    import pyarrow.parquet as pq

    from .core import fact_record

    schema = parquet_schema()
    target = Path(os.fspath(path))
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    os.close(fd)
    try:
        with pq.ParquetWriter(tmp, schema) as writer:
            for k in range(0, len(dataset.facts), batch):
                records = [fact_record(f) for f in dataset.facts[k:k + batch]]
                for r in records:
                    _dates(r)
                    for s in r["sources"]:
                        _dates(s)
                writer.write_table(pa.Table.from_pylist(records, schema=schema))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _dates(r: dict[str, Any]) -> None:
    for name in _DATES & r.keys():
        if r[name]:
            r[name] = datetime.date.fromisoformat(r[name])


def _pandas() -> Any:
    try:
        import pandas as pd
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError("this needs pandas: pip install 'cnreport[pandas]'") from err
    return pd


def _pyarrow() -> Any:
    try:
        import pyarrow as pa
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError("Parquet needs pyarrow: pip install 'cnreport[parquet]'") from err
    return pa
