"""Metric records out: JSON Lines, CSV and pandas.

Records are the flat dicts of :meth:`cnreport.Metric.to_record`; every
export keeps exact values as digit strings, so nothing is rounded on the
way out. ``value_float`` is there for charts.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any, TextIO

__all__ = ["BOM", "COLUMNS", "csv_row", "csv_writer", "to_csv", "to_frame", "to_jsonl", "write_bom"]

# The byte order mark that spreadsheets read as "this CSV is UTF-8".
BOM = "\ufeff"

COLUMNS: tuple[str, ...] = (
    "source", "start", "end", "text", "value", "low", "high", "unit", "qualifier", "kind",
    "currency", "value_float", "subject", "category", "entity", "entity_key", "period", "period_label",
    "period_start", "period_end", "change_direction",
    "change_from", "change_to", "change_basis", "speaker", "speaker_title", "speaker_org",
    "speaker_key", "heading", "sentence", "table", "row", "column", "row_label", "column_label",
    "printed", "scale", "page", "why",
)


def to_jsonl(records: Sequence[dict[str, object]]) -> str:
    """One JSON object per line, UTF-8 characters kept as they are.

    >>> to_jsonl([{"value": "1/8"}])
    '{"value": "1/8"}\\n'
    """
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def to_csv(records: Sequence[dict[str, object]], *, bom: bool = False) -> str:
    """CSV with a header row of :data:`COLUMNS`; ``bom=True`` for spreadsheets.

    >>> to_csv([{"text": "1.1億", "value": "110000000"}]).splitlines()[1][:30]
    ',,,1.1億,110000000,,,,,,,,,,,,,'
    """
    out = io.StringIO()
    if bom:
        write_bom(out)
    writer = csv_writer(out, COLUMNS)
    for r in records:
        writer.writerow(csv_row(r, COLUMNS))
    return out.getvalue()


def write_bom(out: TextIO) -> None:
    """Start ``out`` with the byte order mark (the one writer of it: files,
    standard output and strings all start so)."""
    out.write(BOM)


def csv_writer(out: TextIO, columns: Sequence[str]) -> csv.DictWriter[str]:
    """A CSV writer for records, its header row written: RFC 4180 line ends,
    columns in the order given, other keys left out."""
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore",
                            lineterminator="\r\n")
    writer.writeheader()
    return writer


def csv_row(record: dict[str, object], columns: Sequence[str]) -> dict[str, object]:
    """The cells of one record: ``None`` as an empty cell."""
    return {k: "" if record.get(k) is None else record.get(k) for k in columns}


def to_frame(records: Sequence[dict[str, object]]) -> Any:
    """A pandas DataFrame with :data:`COLUMNS` and one missing value,
    ``pd.NA``, in every column.

    The dtypes: ``start`` and ``end`` are ``Int64``, ``value_float`` is
    ``Float64``, and every other column is ``string`` (exact values such as
    ``"110000000"`` or ``"1/8"`` stay strings; convert with ``Decimal`` or
    ``Fraction``). Pandas's nullable dtypes, so that a missing cell is
    ``pd.NA`` alike in text and numbers, never ``None`` in one column and
    ``NaN`` in the next.

    >>> import cnreport
    >>> frame = to_frame(cnreport.parse("收入5~6億元，員工4萬人").to_records())
    >>> [str(frame[c].dtype) for c in ("start", "value", "value_float")]
    ['Int64', 'string', 'Float64']
    >>> frame[["text", "value", "low", "value_float"]].iloc[0].tolist()
    ['5~6億元', <NA>, '500000000', <NA>]
    """
    try:
        import pandas as pd
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError("to_frame() needs pandas: pip install 'cnreport[pandas]'") from err
    frame = pd.DataFrame.from_records(list(records), columns=list(COLUMNS))
    return frame.astype({c: "Int64" if c in _INTEGERS else "Float64" if c in _FLOATS
                         else pd.StringDtype() for c in COLUMNS})


_INTEGERS = frozenset({"start", "end"})
_FLOATS = frozenset({"value_float"})
