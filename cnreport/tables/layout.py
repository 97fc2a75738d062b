"""The layout of a text: its tables, the scale declarations, the pages, and
the figures of the tables as metrics.

``read_layout`` runs once per text, before numbers are looked for in the
prose: it also returns the text with the tables' markup blanked out (same
length, so offsets hold), so that the prose stages never read ``<td>`` or a
``|`` as part of a sentence.
"""
from __future__ import annotations

import bisect
import datetime
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple, Optional

import attrs
import regex

from ..lexicon.numerals import DIGITS
from ..model import Metric, Page, Scale, Table
from ..normalize import fold
from .columns import column_tables
from .figures import table_metrics, table_scales
from .grid import Placed, place
from .html import RawTable, html_tables
from .markup import visible
from .pipes import pipe_tables
from .roles import Roles, roles
from .scale import _find_scales, scale_in_force
from .spilled import rejoin
from .words import either

__all__ = ["Layout", "find_tables", "page_of", "read_layout"]


class Layout(NamedTuple):
    """What ``read_layout`` finds."""

    tables: tuple[Table, ...]
    scales: tuple[Scale, ...]
    metrics: tuple[Metric, ...]
    pages: tuple[Page, ...]
    masked: str
    masked_folded: str
    figures: tuple[tuple[int, int], ...]  # spans of the cells read as figures
    quiet: tuple[tuple[int, int], ...]  # labels, headers, row numbers: their numerals are no figures


def find_tables(text: str) -> tuple[Table, ...]:
    """The tables of ``text``: HTML ``<table>``, markdown pipe tables,
    tab-separated rows and whitespace-aligned columns, in order.

    Never raises for a ``str``.

    >>> t = find_tables("<table><tr><td>项目</td><td>2023年</td></tr>"
    ...                 "<tr><td>营业收入</td><td>(1,234)</td></tr></table>")[0]
    >>> (t.format, t.rows, t.columns, t.header_rows, t.cell(1, 1).value)
    ('html', 2, 2, 1, -1234)
    """
    if not isinstance(text, str):
        raise TypeError(f"find_tables() takes a str, not {type(text).__name__}")
    return read_layout(text, fold(text)).tables


def _raw_tables(text: str) -> list[RawTable]:
    """Tables of every form, outermost first; a table inside another's span
    (a pipe line in an HTML cell) is left out unless it is HTML nested in HTML."""
    found = sorted(html_tables(text), key=lambda t: t.start)
    taken = [(t.start, t.end) for t in found]
    for t in pipe_tables(text) + column_tables(text):
        if not any(a < t.end and t.start < b for a, b in taken):
            found.append(t)
            taken.append((t.start, t.end))
    found.sort(key=lambda t: t.start)
    return found


def read_layout(text: str, folded: str, *, entity: Optional[str] = None,
                source: Optional[str] = None) -> Layout:
    """Tables, declarations, pages and table metrics of ``text``."""
    pages = _pages(text)
    scales = _find_scales(text, folded)
    title = _title(folded)
    if entity is None and title is not None:
        entity = text[title.start("name"):title.end("name")]
    reference = _year_end(title)
    tables: list[Table] = []
    metrics: list[Metric] = []
    placed: list[Placed] = []
    quiet: list[tuple[int, int]] = []
    raws = _raw_tables(text)
    lines = [s for s in scales if not any(t.start <= s.start < t.end for t in raws) and not _label_tail(text, s)]
    lifted = _lifted(text, raws, lines)
    for n, raw in enumerate(raws):
        p = place(text, rejoin(text, raw))
        if p is None:
            continue
        r = roles(p)
        inside = [s for s in scales if raw.start <= s.start < raw.end]
        sc = table_scales(p, r, inside, None if n in lifted else scale_in_force(lines, raw.start))
        if sc.table is not None and sc.table in inside:  # a caption line inside the table
            lines = sorted([*lines, sc.table], key=lambda s: s.start)
        page = page_of(pages, raw.start)
        table = attrs.evolve(p.table, header_rows=r.header_rows, scale=sc.table, page=page)
        p = p._replace(table=table)
        found = table_metrics(text, p, r, sc, len(tables), entity=entity, source=source,
                              reference=reference)
        metrics.extend(attrs.evolve(m, page=page) for m in found)
        tables.append(table)
        placed.append(p)
        quiet.extend(_quiet(p, r))
    scales = _placed_scales(scales, tables)
    masked, masked_folded = _mask(text, folded, placed)
    figures = tuple((m.mention.start, m.mention.end) for m in metrics)
    return Layout(tuple(tables), tuple(scales), tuple(metrics), pages, masked, masked_folded, figures,
                  tuple(quiet))


def _label_tail(text: str, s: Scale) -> bool:
    """A count's unit in brackets after the words of its line (``…股东总数（户）``,
    the end of a label a table's reader left out) is that label's, not a
    declaration over what follows; a money unit in brackets ends a caption
    (``主要财务数据（万元）``) and is one."""
    if s.currency is not None or s.factor != 1 or not s.text.lstrip().startswith(("(", "（")):
        return False
    before = text[text.rfind("\n", 0, s.start) + 1:s.start]
    return bool(before.strip())


def _lifted(text: str, raws: Sequence[RawTable], lines: Sequence[Scale]) -> set[int]:
    """Tables whose scale cannot be told: the first of two tables that
    nothing printed parts, under a declaration printed just above it. A
    parser lifts the declaration printed between two tables above both (it
    was the second's), or split one table in two (it is both's): the
    second is counted in it either way, the first maybe not. The second
    must print figures, and the three stand on one page."""
    out: set[int] = set()
    for n in range(len(raws) - 1):
        first, second = raws[n], raws[n + 1]
        if _printed(text, first.end, second.start, ()):
            continue
        declared = scale_in_force(lines, first.start)
        if declared is None or _printed(text, declared.start, first.start, lines) \
                or "\f" in text[declared.start:second.start]:
            continue  # (a table a page break cuts in two is one table, under one declaration)
        placed = place(text, second)  # (a header's stray piece set apart is no table of figures)
        if placed is not None and any(c.value is not None for c in placed.table.cells):
            out.add(n)
    return out


def _printed(text: str, start: int, end: int, lines: Sequence[Scale]) -> bool:
    """Something other than markup and declarations stands between ``start`` and ``end``."""
    if start >= end:
        return False
    view = visible(text, start, end)
    return any(not ch.isspace() and not any(s.start <= at < s.end for s in lines)
               for ch, at in zip(view.text, view.offsets, strict=True))


def _quiet(p: Placed, r: Roles) -> list[tuple[int, int]]:
    """Cells whose numerals name rather than count: the header rows, the
    label columns and the columns before them (序号), the columns that
    refer rather than state (附注 17(a), 序号), and the lines a cell printed
    in pieces stands over."""
    first = (r.labels[-1] + 1) if r.labels else 0
    skip = {k for (_, k), col in r.columns.items() if col.skip}
    return [(c.start, c.end) for c, view in zip(p.table.cells, p.views, strict=True)
            if c.row < r.header_rows or c.column < first or c.column in skip or view.head]


def _placed_scales(scales: Sequence[Scale], tables: Sequence[Table]) -> list[Scale]:
    """Declarations inside a table's header or rows say so in ``where``."""
    out = []
    for s in scales:
        t = next((t for t in tables if t.start <= s.start < t.end), None)
        if t is not None and t.scale != s:
            row = next((c.row for c in t.cells if c.start <= s.start < max(c.end, c.start + 1)), 0)
            s = attrs.evolve(s, where="header" if row < t.header_rows else "row")
        out.append(s)
    return out


def _mask(text: str, folded: str, placed: Sequence[Placed]) -> tuple[str, str]:
    """The text with every table's markup blanked: each cell on its own line,
    its visible characters where they stood."""
    if not placed:
        return text, folded
    out = list(text)
    fout = list(folded)
    for p in placed:
        t = p.table
        for k in range(t.start, t.end):
            if out[k] != "\n":
                out[k] = fout[k] = " "
        for view in p.views:
            if view.offsets:
                first = view.offsets[0] - 1
                if first >= t.start:
                    out[first] = fout[first] = "\n"
            for ch, k in zip(view.text, view.offsets, strict=False):
                out[k], fout[k] = ch, folded[k] if ch == text[k] else ch
    return "".join(out), "".join(fout)


def _pages(text: str) -> tuple[Page, ...]:
    """Pages when the text has form feeds (pdftotext, and cnreport's PDF reader)."""
    if "\f" not in text:
        return ()
    parts = text.split("\f")
    if not parts[-1].strip():  # the form feed that ends the last page
        parts.pop()
    out = []
    start = 0
    for n, part in enumerate(parts, start=1):
        out.append(Page(n, start, start + len(part)))
        start += len(part) + 1
    return tuple(out)


def page_of(pages: Sequence[Page], pos: int) -> Optional[int]:
    """The number of the page that holds offset ``pos``; ``None`` without pages."""
    if not pages:
        return None
    i = bisect.bisect_right([p.start for p in pages], pos) - 1
    return pages[max(i, 0)].number


@lru_cache(maxsize=1)
def _company() -> regex.Pattern[str]:
    return regex.compile(
        rf"(?P<name>[\p{{Han}}A-Za-z（）()·]{{2,40}}?(?:{either('issuer_form')}))"
        r"[ \t]*(?P<year>(?:19|20)\d{2}|[〇零○一二三四五六七八九]{4})[ \t]*年[ \t]*"
        rf"(?:{either('report_part')})?[ \t]*(?:{either('report_word')})")


def _title(folded: str) -> Optional[regex.Match[str]]:
    """The report's title or running header (``某某股份有限公司 2023 年年度报告``):
    the company whose report this is, and the year it reports on."""
    return _company().search(folded)


def _year_end(title: Optional[regex.Match[str]]) -> Optional[datetime.date]:
    """The last day of the year a report covers: the date 期末 and 本期 are read against."""
    if title is None:
        return None
    year = title.group("year")
    digits = "".join(str(DIGITS[c]) if c in DIGITS else c for c in year)
    return datetime.date(int(digits), 12, 31) if digits.isdigit() else None
