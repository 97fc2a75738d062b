"""HTML ``<table>`` in text, read with the standard library's HTML parser.

PDF parsers write statement tables as HTML inside markdown (``rowspan`` and
``colspan`` for merged cells, ``<br>`` inside cells). The parser only reports
where each cell's content starts and ends; the grid is built from those
spans. Nothing is fetched and no entity is resolved beyond HTML's own
character references; a table longer than ``MAX_CHARS`` characters, with more
than ``MAX_CELLS`` cells, is cut there, and spans are bounded by ``MAX_SPAN``.
"""
from __future__ import annotations

from html.parser import HTMLParser
from typing import NamedTuple, Optional

import regex

__all__ = ["MAX_CELLS", "MAX_CHARS", "MAX_SPAN", "RawCell", "RawTable", "html_tables"]

MAX_CHARS = 2_000_000
MAX_CELLS = 50_000
MAX_SPAN = 200

_TAG = regex.compile(r"<(/?)table\b[^<>]*>", regex.I)


class RawCell(NamedTuple):
    """A cell's content span in the text, its spans, and whether it heads."""

    start: int
    end: int
    rowspan: int = 1
    colspan: int = 1
    header: bool = False
    nested: bool = False
    column: int = -1  # the grid column, when the layout fixes it (aligned text)
    parts: tuple[tuple[int, int], ...] = ()  # its pieces, when printed over several lines (aligned text)


class RawTable(NamedTuple):
    """A table's span and its rows of cells, before they are placed on a grid."""

    format: str
    start: int
    end: int
    rows: list[list[RawCell]]


def html_tables(text: str) -> list[RawTable]:
    """Every ``<table>`` of ``text``, nested ones too, in order of their start.

    >>> text = '<table><tr><td>a</td><td colspan="2">1</td></tr></table>'
    >>> cell = html_tables(text)[0].rows[0][1]
    >>> (text[cell.start:cell.end], cell.colspan)
    ('1', 2)
    """
    out: list[RawTable] = []
    for start, end in _extents(text):
        parser = _Parser(text, start, end)
        parser.feed(text[start:end])
        parser.close()
        out.extend(parser.finished)
    out.sort(key=lambda t: t.start)
    return out


def _extents(text: str) -> list[tuple[int, int]]:
    """Spans of the outermost tables: from ``<table`` to its matching close,
    or to the end of the text (at most ``MAX_CHARS``) when it has none."""
    spans = []
    depth, start = 0, -1
    for m in _TAG.finditer(text):
        if not m.group(1):
            if depth == 0:
                start = m.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                spans.append((start, min(m.end(), start + MAX_CHARS)))
    if depth:
        spans.append((start, min(len(text), start + MAX_CHARS)))
    return spans


class _Open:
    def __init__(self, start: int) -> None:
        self.start = start
        self.rows: list[list[RawCell]] = []
        self.row: Optional[list[RawCell]] = None
        self.cell: Optional[tuple[int, int, int, bool]] = None  # start, rowspan, colspan, header
        self.nested = False
        self.head = False


class _Parser(HTMLParser):
    """Collects the cell spans of the tables in ``text[start:end]``."""

    def __init__(self, text: str, start: int, end: int) -> None:
        super().__init__(convert_charrefs=True)
        self.base = start
        self.chunk = text[start:end]
        self.lines = [0] + [i + 1 for i, c in enumerate(self.chunk) if c == "\n"]
        self.stack: list[_Open] = []
        self.finished: list[RawTable] = []
        self.cells = 0

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.base + self.lines[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        pos = self._offset()
        if tag == "table":
            if self.stack and self.stack[-1].cell is not None:
                self.stack[-1].nested = True
            self.stack.append(_Open(pos))
            return
        if not self.stack:
            return
        t = self.stack[-1]
        if tag in ("thead", "tbody", "tfoot"):
            self._close_cell(t, pos)
            t.head = tag == "thead"
        elif tag == "tr":
            self._close_cell(t, pos)
            t.row = []
            t.rows.append(t.row)
        elif tag in ("td", "th") and self.cells < MAX_CELLS:
            self._close_cell(t, pos)
            if t.row is None:
                t.row = []
                t.rows.append(t.row)
            inner = pos + len(self.get_starttag_text() or "")
            t.cell = (inner, _span(attrs, "rowspan"), _span(attrs, "colspan"), tag == "th" or t.head)
            self.cells += 1

    def handle_endtag(self, tag: str) -> None:
        if not self.stack:
            return
        pos = self._offset()
        t = self.stack[-1]
        if tag in ("td", "th", "tr", "thead", "tbody", "tfoot"):
            self._close_cell(t, pos)
            if tag == "tr":
                t.row = None
            if tag == "thead":
                t.head = False
        elif tag == "table":
            self._finish(pos)

    def close(self) -> None:
        super().close()
        while self.stack:
            self._finish(self.base + len(self.chunk))

    def _finish(self, pos: int) -> None:
        t = self.stack.pop()
        self._close_cell(t, pos)
        close = self.chunk.find(">", pos - self.base)
        stop = self.base + close + 1 if close >= 0 else pos
        self.finished.append(RawTable("html", t.start, stop, [r for r in t.rows if r]))

    def _close_cell(self, t: _Open, pos: int) -> None:
        if t.cell is None:
            return
        start, rowspan, colspan, header = t.cell
        t.row = t.row if t.row is not None else []
        t.row.append(RawCell(start, max(start, pos), rowspan, colspan, header, t.nested))
        t.cell = None
        t.nested = False


def _span(attrs: list[tuple[str, Optional[str]]], name: str) -> int:
    """A rowspan or colspan as a bounded int; 1 when missing or unreadable
    (``rowspan=\\"2\\"`` from JSON-escaped markup reads as 2)."""
    for key, value in attrs:
        if key == name and value:
            digits = "".join(c for c in value if c.isdigit())[:4]
            if digits and int(digits) > 0:
                return min(int(digits), MAX_SPAN)
    return 1

