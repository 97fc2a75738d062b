"""Rows out for the command line: an aligned table, TSV, CSV, JSON Lines,
JSON; and the output file that is written whole, kept in part, or untouched.

The table fits a width: columns keep the width of their widest cell in the
first rows, the widest give up room until the line fits, and a cell longer
than its column is cut with ``…`` (a file name from the left, so that its
end shows). Chinese characters count two columns, as terminals draw them.
"""
from __future__ import annotations

import contextlib
import json
import os
import tempfile
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Optional, TextIO

from .export import csv_row, csv_writer, write_bom

__all__ = ["FORMATS", "OutputFile", "Writer", "display_width", "partial_path"]

Record = dict[str, object]
FORMATS = ("table", "tsv", "csv", "jsonl", "json")
_GAP = "  "
_MIN = 4  # a column is never narrower than this
_SAMPLE_ROWS = 200  # rows the table measures before it prints
_NUMERIC = frozenset({"start", "end", "value", "low", "high", "value_float", "change_from",
                      "change_to", "duplicate_of"})


def display_width(text: str) -> int:
    """Columns a terminal gives ``text``: two for a wide (Chinese) character.

    >>> display_width("營收1.1億")
    9
    """
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1
               for c in text)


def _cut(text: str, width: int, *, from_left: bool = False) -> str:
    """``text`` cut to ``width`` columns with an ellipsis where it was cut."""
    if display_width(text) <= width:
        return text
    chars = list(reversed(text)) if from_left else list(text)
    kept: list[str] = []
    used = 1  # the ellipsis
    for c in chars:
        w = display_width(c)
        if used + w > width:
            break
        kept.append(c)
        used += w
    return "…" + "".join(reversed(kept)) if from_left else "".join(kept) + "…"


def _pad(text: str, width: int, right: bool) -> str:
    space = " " * (width - display_width(text))
    return space + text if right else text + space


def _cell(v: object) -> str:
    return "" if v is None else " ".join(str(v).split()) if isinstance(v, str) else str(v)


class Writer:
    """Writes records in one of :data:`FORMATS`, only ``columns``.

    ``width`` is the line width of the table format (``None``: no limit).
    ``mark()`` says that the rows so far are whole; ``finish()`` closes the
    format (the ``]`` of JSON, the table's pending rows).
    """

    def __init__(self, out: TextIO, fmt: str, columns: Sequence[str], *,
                 width: Optional[int] = None) -> None:
        self.out, self.fmt, self.columns, self.width = out, fmt, tuple(columns), width
        self.count = 0
        self._pending: list[Record] = []
        self._widths: Optional[list[int]] = None
        if fmt == "csv":
            self._csv = csv_writer(out, self.columns)
        elif fmt == "tsv":
            out.write("\t".join(self.columns) + "\n")
        elif fmt == "json":
            out.write("[")

    def write(self, record: Record) -> None:
        if self.fmt == "jsonl":
            self.out.write(json.dumps(self._only(record), ensure_ascii=False) + "\n")
        elif self.fmt == "json":
            self.out.write(("," if self.count else "") + "\n"
                           + json.dumps(self._only(record), ensure_ascii=False))
        elif self.fmt == "csv":
            self._csv.writerow(csv_row(record, self.columns))
        elif self.fmt == "tsv":
            self.out.write("\t".join(_cell(record.get(k)).replace("\t", " ") for k in self.columns) + "\n")
        else:
            self._table(record)
        self.count += 1

    def _only(self, record: Record) -> Record:
        return {k: record.get(k) for k in self.columns}

    def _table(self, record: Record) -> None:
        if self._widths is None:
            self._pending.append(record)
            if len(self._pending) >= _SAMPLE_ROWS:
                self.flush_table()
        else:
            self._table_line([_cell(record.get(k)) for k in self.columns])

    def flush_table(self) -> None:
        """Measure the rows held so far, print the header and them."""
        if self.fmt != "table" or self._widths is not None:
            return
        rows = [[_cell(r.get(k)) for k in self.columns] for r in self._pending]
        self._widths = _fit([max([display_width(k)] + [display_width(row[n]) for row in rows])
                             for n, k in enumerate(self.columns)], self.columns, self.width)
        self._table_line(list(self.columns))
        for row in rows:
            self._table_line(row)
        self._pending = []

    def _table_line(self, cells: list[str]) -> None:
        assert self._widths is not None
        parts = [_pad(_cut(c, w, from_left=k == "source"), w, k in _NUMERIC)
                 for c, w, k in zip(cells, self._widths, self.columns, strict=True)]
        self.out.write(_GAP.join(parts).rstrip() + "\n")

    def mark(self) -> None:
        """The rows written so far are whole (a file is finished): the table
        measures and prints what it holds."""
        if self.fmt == "table" and self._pending:
            self.flush_table()

    def finish(self) -> None:
        if self.fmt == "json":
            self.out.write("\n]\n" if self.count else "]\n")
        elif self.fmt == "table" and self.count:
            self.flush_table()


def _fit(widths: list[int], columns: Sequence[str], limit: Optional[int]) -> list[int]:
    """Column widths whose line fits ``limit``: the widest column gives up
    room first; a number is never cut, the figure's text keeps twelve
    columns and any other column eight or its name's width, where the limit
    allows."""
    widths = list(widths)
    if limit is None:
        return widths
    floors = [w if c in _NUMERIC else min(w, max(12 if c == "text" else 8, display_width(c)))
              for w, c in zip(widths, columns, strict=True)]
    room = limit - len(_GAP) * (len(widths) - 1)
    while sum(widths) > room:
        spare = [n for n in range(len(widths)) if widths[n] > floors[n]]
        if not spare:
            spare = [n for n in range(len(widths)) if widths[n] > _MIN]
            if not spare:
                break
        widest = max(spare, key=lambda n: widths[n])
        widths[widest] -= 1
    return widths


def _mode(path: Path) -> int:
    """The permissions the output gets: the file's own when it exists, else
    what the umask gives a new file (mkstemp's are private)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def partial_path(path: Path) -> Path:
    """Where the rows of an interrupted run are kept.

    >>> partial_path(Path("out/metrics.csv")).as_posix()
    'out/metrics.partial.csv'
    """
    return path.with_name(f"{path.stem}.partial{path.suffix}" if path.suffix else f"{path.name}.partial")


class OutputFile:
    """A text file written beside ``path`` and renamed over it when the run
    ends well, so that ``path`` is the whole output or untouched.

    ``keep_partial()`` cuts the file back to the last :meth:`mark` (the
    rows of the finished inputs) and moves it to :func:`partial_path`.
    """

    def __init__(self, path: Path, *, bom: bool) -> None:
        fd, self.tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        self.path = path
        os.chmod(self.tmp, _mode(path))
        self.file: TextIO = os.fdopen(fd, "w", encoding="utf-8", newline="")
        if bom:
            write_bom(self.file)
        self._marked = 0
        self._rows = 0

    def mark(self, rows: int) -> None:
        """Everything written so far is whole: ``rows`` rows."""
        self.file.flush()
        self._marked = self.file.buffer.tell()
        self._rows = rows

    def commit(self) -> None:
        self.file.close()
        os.replace(self.tmp, self.path)

    def keep_partial(self, ending: str = "") -> Optional[Path]:
        """Keep the whole rows in the partial file (and ``ending``, such as
        JSON's closing bracket); ``None`` when there are none."""
        with contextlib.suppress(OSError, ValueError):  # a full disk: keep what was marked
            self.file.flush()
        marked = self._marked
        self.file.close()
        if self._rows == 0:
            self.discard()
            return None
        with open(self.tmp, "r+b") as f:
            f.truncate(marked)
            f.seek(marked)
            f.write(ending.encode("utf-8"))
        target = partial_path(self.path)
        os.replace(self.tmp, target)
        return target

    def discard(self) -> None:
        if not self.file.closed:
            self.file.close()
        if os.path.exists(self.tmp):
            os.unlink(self.tmp)
