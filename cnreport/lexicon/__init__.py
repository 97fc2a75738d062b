"""Data tables of cnreport, loaded once on first use and validated.

Each table is a tab-separated file beside this module, read by its typed
loader in :mod:`cnreport.lexicon.loaders`. Lines starting with
``#`` are comments. Tables are read with :mod:`importlib.resources`, so they
work from a wheel or a zip as well as from a checkout. A malformed row raises
:class:`ValueError` naming the file and the line.
"""
from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources

import attrs

__all__ = ["Row", "t2s_pairs", "table"]


@attrs.frozen
class Row:
    """One row of a lexicon table: its cells, and where it came from."""

    cells: tuple[str, ...]
    file: str
    line: int

    def __getitem__(self, i: int) -> str:
        return self.cells[i]


@cache
def table(name: str, columns: int) -> tuple[Row, ...]:
    """Rows of ``name`` (a file in this package), each with ``columns`` cells.

    Empty trailing cells may be left out; missing ones read as ``""``.

    >>> table("vague.tsv", 4)[0].cells[:3]
    ('成千上万', '1000', '10000')
    """
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    rows = []
    for n, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if len(cells) > columns:
            raise ValueError(f"{name}:{n}: {len(cells)} cells, expected at most {columns}")
        cells += [""] * (columns - len(cells))
        if not cells[0]:
            raise ValueError(f"{name}:{n}: the first cell is empty")
        rows.append(Row(tuple(cells), name, n))
    return tuple(rows)


@lru_cache(maxsize=1)
def t2s_pairs() -> dict[str, str]:
    """Traditional → simplified single-character pairs (from OpenCC)."""
    pairs = {}
    for row in table("t2s.tsv", 2):
        if len(row[0]) != 1 or len(row[1]) != 1:
            raise ValueError(f"{row.file}:{row.line}: not a one-character pair")
        pairs[row[0]] = row[1]
    return pairs
