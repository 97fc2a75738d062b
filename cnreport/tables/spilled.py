"""Amounts a parser cut in two and spilled over two rows of a markup table.

A narrow column wraps a long amount inside its cell (``14,713,296`` over
``.84``, ``1,695,839.`` over ``48``); a PDF parser that sees two lines
makes two rows of them, the first halves in the row's cells and the rest in
a row of their own below. Such a row holds nothing but those rests, as many
as the cut cells above, in their order (a parser that drops the empty cells
around them shifts their columns): each joins the cell above it, read as one
figure printed in two pieces, and the row is left empty.
"""
from __future__ import annotations

import regex

from .html import RawCell, RawTable
from .markup import visible
from .wrapped import joins

__all__ = ["rejoin"]

_REST = regex.compile(r"\.?\d{1,2}")


def rejoin(text: str, raw: RawTable) -> RawTable:
    """``raw`` with the rests of cut amounts joined to the cells they belong to."""
    if raw.format != "html" or len(raw.rows) < 2:
        return raw
    rows = [list(row) for row in raw.rows]
    for r in range(len(rows) - 1):
        above = [_shown(text, c) for c in rows[r]]
        below = [_shown(text, c) for c in rows[r + 1]]
        rests = [k for k, shown in enumerate(below) if shown]
        if not rests or not all(_REST.fullmatch(below[k]) for k in rests):
            continue
        cuts = [k for k, shown in enumerate(above) if shown and any(joins(shown, below[j]) for j in rests)]
        if len(cuts) != len(rests) or not all(joins(above[k], below[j]) for k, j in zip(cuts, rests, strict=True)):
            continue
        for k, j in zip(cuts, rests, strict=True):
            cell, rest = rows[r][k], rows[r + 1][j]
            rows[r][k] = cell._replace(parts=((cell.start, cell.end), (rest.start, rest.end)))
            rows[r + 1][j] = rest._replace(end=rest.start)
    return raw._replace(rows=rows)


def _shown(text: str, cell: RawCell) -> str:
    """What a cell shows, without the spaces a parser put inside a figure."""
    return "".join(visible(text, cell.start, cell.end).text.split())
