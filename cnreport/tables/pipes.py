"""Markdown pipe tables, as PDF parsers write them (``<br>`` inside merged cells).

A table is a run of lines that open with ``|``; a line of dashes (``|---|``)
is the markdown separator, not a row. Cells are split on ``|`` (``\\|`` is a
literal bar), each with its span in the text.
"""
from __future__ import annotations

from itertools import pairwise

from .html import MAX_CELLS, RawCell, RawTable

__all__ = ["pipe_tables"]


def pipe_tables(text: str) -> list[RawTable]:
    """The pipe tables of ``text``: at least two rows of at least two cells.

    >>> text = "| 项目 | 2023年 |\\n|---|---|\\n| 收入 | 12 |\\n"
    >>> [[text[c.start:c.end] for c in row] for row in pipe_tables(text)[0].rows]
    [[' 项目 ', ' 2023年 '], [' 收入 ', ' 12 ']]
    """
    out: list[RawTable] = []
    rows: list[list[RawCell]] = []
    start = end = 0
    cells = 0
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        stripped = body.lstrip(" ")
        if stripped.startswith("|") and len(body) - len(stripped) <= 3 and cells < MAX_CELLS:
            if not rows:
                start = pos + len(body) - len(stripped)
            row = _cells(body, pos)
            if not _separator(body, row, pos):
                rows.append(row)
                cells += len(row)
            end = pos + len(body)
        else:
            _flush(out, rows, start, end)
            rows = []
        pos += len(line)
    _flush(out, rows, start, end)
    return out


def _flush(out: list[RawTable], rows: list[list[RawCell]], start: int, end: int) -> None:
    if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
        out.append(RawTable("markdown", start, end, rows))


def _cells(line: str, pos: int) -> list[RawCell]:
    bars = [i for i, c in enumerate(line) if c == "|" and (i == 0 or line[i - 1] != "\\")]
    tail = line[bars[-1] + 1:].strip() if bars else ""
    if tail:  # no closing bar: the last cell runs to the end of the line
        bars.append(len(line))
    return [RawCell(pos + a + 1, pos + b) for a, b in pairwise(bars)]


def _separator(line: str, row: list[RawCell], pos: int) -> bool:
    return all(set(line[c.start - pos:c.end - pos].strip()) <= set(":-") and
               "-" in line[c.start - pos:c.end - pos] for c in row) and bool(row)
