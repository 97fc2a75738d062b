"""Cells placed on a grid: rows and columns with their spans, as a reader sees them."""
from __future__ import annotations

from typing import NamedTuple, Optional

from ..model import Cell, Table
from .cells import Reading, read_cell
from .html import RawTable
from .markup import Visible, pieced, visible

__all__ = ["MAX_GRID", "Placed", "place"]

MAX_GRID = 250_000  # grid positions of one table


class Placed(NamedTuple):
    """A table; for each of its cells the visible text, the reading and
    whether the markup marks it a header; and which cell covers each grid
    position."""

    table: Table
    views: tuple[Visible, ...]
    readings: tuple[Reading, ...]
    heads: tuple[bool, ...]
    where: dict[tuple[int, int], int]

    def at(self, row: int, column: int) -> Optional[int]:
        """Index of the cell that covers (``row``, ``column``), or ``None``."""
        return self.where.get((row, column))


def place(text: str, raw: RawTable) -> Optional[Placed]:
    """Lay ``raw``'s cells on a grid by the HTML rules: a cell takes the next
    column not covered by a rowspan from above, unless its layout fixed its
    column and span (aligned text)."""
    taken: set[tuple[int, int]] = set()
    cells: list[Cell] = []
    views: list[Visible] = []
    readings: list[Reading] = []
    heads: list[bool] = []
    where: dict[tuple[int, int], int] = {}
    width = 0
    for r, row in enumerate(raw.rows):
        k = 0
        for raw_cell in row:
            if raw_cell.column >= 0:
                k, colspan, rowspan = raw_cell.column, raw_cell.colspan, 1
            else:
                while (r, k) in taken:
                    k += 1
                colspan, rowspan = raw_cell.colspan, min(raw_cell.rowspan, len(raw.rows) - r)
            if (r + rowspan) * (k + colspan) > MAX_GRID:
                return None
            for dr in range(rowspan):
                for dk in range(colspan):
                    taken.add((r + dr, k + dk))
                    where.setdefault((r + dr, k + dk), len(cells))
            view = pieced(text, raw_cell.parts) if raw_cell.parts else visible(text, raw_cell.start, raw_cell.end)
            reading = Reading(value=None) if raw_cell.nested else read_cell(view.text)
            shown = view.text.strip()
            lead = len(view.text) - len(view.text.lstrip())
            start, end = (view.span(lead, lead + len(shown)) if shown
                          else (raw_cell.start, raw_cell.start))
            cells.append(Cell(text=shown, start=start, end=end, row=r, column=k, rowspan=rowspan,
                              colspan=colspan, value=reading.value, nil=reading.nil))
            views.append(view)
            readings.append(reading)
            heads.append(raw_cell.header)
            k += colspan
            width = max(width, k)
    if not cells:
        return None
    table = Table(format=raw.format, start=raw.start, end=raw.end, rows=len(raw.rows),
                  columns=width, cells=tuple(cells))
    return Placed(table, tuple(views), tuple(readings), tuple(heads), where)
