"""Tables without markup: tab-separated rows, and columns aligned with spaces
as ``pdftotext -layout`` prints them.

Aligned columns are found from the figures: the right edges of the figures
of the data lines (lines with a label and at least one figure) fall into
columns; a header line above them and every other field go to the column they
overlap most. A header line whose fields stand over groups of the columns
that the lines below head one by one (``2023年`` over ``金额 比例``; a period
alone over a statement's columns) spans its group: the columns nearest to it.
Label lines between the header and the first figures, and a run of short
label lines between figures (a statement's rows with no figure), do not end
the header or the table, and a report's running title above a table
is no header. A block needs two data lines, or one of two figures or
more under a header line of three fields or more.
"""
from __future__ import annotations

from typing import NamedTuple, Optional

import regex

from ..normalize import fold
from .cells import read_cell
from .html import MAX_CELLS, RawCell, RawTable
from .periods import header_period
from .wrapped import Band, unwrap

__all__ = ["column_tables"]

_FIELD = regex.compile(r"\S+(?: \S+)*")
_MAX_HEADER_LINES = 10
_GAP = 5  # lines between two data lines of one table, at most
_INDENT = 8  # columns: a field that starts further in is not a label
_GROUPED = regex.compile(r"\d[,.]\d")
_LABEL_LINES = 6  # label lines between a header and the first figures, at most
_LABEL_RUN = 24  # a statement's rows with no figure between two with figures, at most
# Amounts with their cents or groups, two or more one space apart: columns crowded together.
_AMOUNT = regex.compile(r"[(（]?[-−－]?\d{1,3}(?:,\d{3})*\.\d{2}[)）]?%?|[(（]?[-−－]?\d{1,3}(?:,\d{3})+[)）]?%?")
_CROWDED = regex.compile(rf"(?:{_AMOUNT.pattern})(?: (?:{_AMOUNT.pattern}))+")
# A report's running title (某某公司 2023 年年度报告全文), printed over the table on each page.
_TITLE = regex.compile(r"(?:19|20)\d{2}\s*年\s*(?:年度|半年度|中期|第[一三]季度)?\s*(?:报告|年报)")


class _Line(NamedTuple):
    start: int  # offset of the line in the text
    fields: list[tuple[int, int]]  # spans within the line
    data: bool
    first_figure: bool = False  # the first field is an indented figure
    parts: tuple[tuple[tuple[int, int], ...], ...] = ()  # a field's pieces on the lines around it


def column_tables(text: str) -> list[RawTable]:
    """Tab-separated and space-aligned tables of ``text``.

    >>> text = "项目\\t2023年\\n收入\\t1,234\\n成本\\t(56)\\n"
    >>> t = column_tables(text)[0]
    >>> (t.format, [[text[c.start:c.end] for c in row] for row in t.rows])
    ('tsv', [['项目', '2023年'], ['收入', '1,234'], ['成本', '(56)']])
    >>> text = ("项目          2023年        2022年\\n"
    ...         "营业收入   1,026.53      987.10\\n"
    ...         "营业成本     (12.00)          -\\n")
    >>> [[text[c.start:c.end] for c in row] for row in column_tables(text)[0].rows]
    [['项目', '2023年', '2022年'], ['营业收入', '1,026.53', '987.10'], ['营业成本', '(12.00)', '-']]
    """
    out = _tsv(text)
    taken = [(t.start, t.end) for t in out]
    for t in _aligned(text):
        if not any(a < t.end and t.start < b for a, b in taken):
            out.append(t)
    return sorted(out, key=lambda t: t.start)


def _lines(text: str) -> list[tuple[int, str]]:
    out = []
    pos = 0
    for line in text.splitlines(keepends=True):
        out.append((pos, line.rstrip("\r\n\f")))
        pos += len(line)
    return out


def _tsv(text: str) -> list[RawTable]:
    out: list[RawTable] = []
    block: list[list[RawCell]] = []
    start = end = 0
    for pos, line in [*_lines(text), (len(text), "")]:
        if "\t" in line and line.strip() and sum(len(r) for r in block) < MAX_CELLS:
            if not block:
                start = pos
            cells, k = [], 0
            for part in line.split("\t"):
                cells.append(RawCell(pos + k, pos + k + len(part)))
                k += len(part) + 1
            block.append(cells)
            end = pos + len(line)
            continue
        if len(block) >= 2:
            out.append(RawTable("tsv", start, end, block))
        block = []
    return out


def _read_line(text: str, band: Band) -> _Line:
    """Fields split on two or more spaces; a data line has a figure after its
    first field. A field printed in pieces (a wrapped cell) is read whole."""
    fields = band.fields
    parts = tuple(tuple(p) for p in band.parts) if any(len(p) > 1 for p in band.parts) else ()
    if len(fields) < 2:
        return _Line(band.start, fields, False, parts=parts)  # (a line of prose or a label alone)
    cells = ["\n".join(text[a:b] for a, b in p) for p in band.parts]
    data = any(read_cell(cell).value is not None for cell in cells[1:])
    first = data and fields[0][0] > _INDENT and read_cell(cells[0]).value is not None
    return _Line(band.start, fields, data, first, parts)


def _aligned(text: str) -> list[RawTable]:
    found = [(pos, _fields(line)) for pos, line in _lines(text) if "\t" not in line]
    lines = [_read_line(text, band) for band in unwrap(text, found)]
    out: list[RawTable] = []
    i = 0
    while i < len(lines):
        if not lines[i].data:
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and (lines[j + 1].data or _between(lines, j + 1)):
            j += 1
        while j > i and not lines[j].data:
            j -= 1
        if _unlabelled(lines[j]) and j + 1 < len(lines) and _row_label(lines[j + 1]):
            j += 1  # the rest of the last row's label, wrapped around its figures
        block = lines[_header_start(lines, i, text):j + 1]
        if sum(1 for x in block if x.data) >= 2 or _one_headed_row(text, block):
            table = _aligned_table(text, block)
            if table is not None:
                out.append(table)
        i = j + 1
    return out


def _fields(line: str) -> list[tuple[int, int]]:
    """The fields of a line: text split on two spaces or more, and amounts
    that a crowded column printed one space apart (``1,360,574.73 401,635.03``)
    split from each other."""
    out: list[tuple[int, int]] = []
    for m in _FIELD.finditer(line):
        if _CROWDED.fullmatch(m.group(0)):
            out.extend((m.start() + a, m.start() + b) for a, b in (f.span() for f in _AMOUNT.finditer(m.group(0))))
        else:
            out.append(m.span())
    return out


def _one_headed_row(text: str, block: list[_Line]) -> bool:
    """A table of one row (a subsidy, a single loan): a data line of two
    figures or more under a header line of several fields: a row, not a
    sentence with a figure set apart."""
    data = [line for line in block if line.data]
    if len(data) != 1 or data[0] is block[0]:
        return False
    cells = ["\n".join(text[a:b] for a, b in p) for p in data[0].parts] if data[0].parts else \
        [text[data[0].start + a:data[0].start + b] for a, b in data[0].fields]
    figures = sum(1 for c in cells[1:] if read_cell(c).value is not None)
    return figures >= 2 and any(len(line.fields) >= 3 and not line.data for line in block)


def _between(lines: list[_Line], k: int) -> bool:
    """A line between data lines: a section, a label wrapped around a row,
    a blank; a data line comes within the next few lines. Two blank lines,
    or a title between blank lines, end the table."""
    for n in range(k, min(k + _GAP, len(lines))):
        if lines[n].data:
            return True
        if not lines[n].fields and n + 1 < len(lines) and not lines[n + 1].fields:
            return False  # two blank lines end a table
        if not lines[n].fields and n + 2 < len(lines) and len(lines[n + 1].fields) == 1 \
                and not lines[n + 2].fields:
            return False  # so does a title set apart by blank lines (公司前5名客户资料)
    n = k  # a longer run of a statement's rows that print no figure
    while n < len(lines) and n - k < _LABEL_RUN and _row_label(lines[n]):
        n += 1
    return n > k and n < len(lines) and lines[n].data


def _row_label(line: _Line) -> bool:
    """A short label alone on its line, where labels stand: a row with no figure."""
    return len(line.fields) == 1 and line.fields[0][0] <= _INDENT and line.fields[0][1] - line.fields[0][0] <= 24


def _header_start(lines: list[_Line], i: int, text: str = "") -> int:
    """The header lines above the first data line: lines of several fields or
    indented, blank lines between them, at most ``_MAX_HEADER_LINES``; label
    lines just above the figures when a line of several fields heads them,
    and a label line between two header lines (项目 centred over both)."""
    k = start = i
    wrapped = 2 if _unlabelled(lines[i]) else 0  # label lines of a row whose label wraps around it
    rows = True  # still in the label lines just above the figures
    while k > 0 and i - k < _MAX_HEADER_LINES:
        above = lines[k - 1]
        label = bool(above.fields) and len(above.fields) < 2 and above.fields[0][0] <= _INDENT
        if label and not wrapped and rows and _headed(text, lines, k - 1):
            k -= 1
            start = k
            continue
        rows = False
        if label and start == k < i and k >= 2 and _heading(lines[k - 2]):
            k -= 1  # a header label (项目) centred between two header lines
            continue
        if above.data or label and not wrapped or text and _title(text, above):
            break
        wrapped -= 1 if label else 0
        k -= 1
        start = k if above.fields else start
    return start


def _heading(line: _Line) -> bool:
    """A line of a header: several fields or one indented, and no figure."""
    return bool(line.fields) and not line.data and (len(line.fields) >= 2 or line.fields[0][0] > _INDENT)


def _headed(text: str, lines: list[_Line], k: int) -> bool:
    """Line ``k`` is one of a few label lines (or parts of a header) under a
    line of several fields that prints no figure: a header over label lines."""
    for n in range(k, max(k - _LABEL_LINES, -1), -1):
        f = lines[n].fields
        if lines[n].data:
            return False
        if len(f) >= 2:
            line = text[lines[n].start + f[0][0]:lines[n].start + f[-1][1]]
            return _GROUPED.search(line) is None  # figures a parser ran together are no header
        if not f:
            return False
    return False


def _title(text: str, line: _Line) -> bool:
    return bool(line.fields) and _TITLE.search(fold(text[line.start:line.start + line.fields[-1][1]])) is not None


def _aligned_table(text: str, block: list[_Line]) -> Optional[RawTable]:
    edges: list[tuple[int, int, int]] = []
    for n, line in enumerate(block):
        if line.data:
            edges.extend((a, b, n) for a, b in (line.fields[1:] if not _unlabelled(line) else line.fields))
    columns = _cluster(edges)
    if not columns or len(columns) > 64:
        return None
    labels = max((line.fields[0][1] for line in block if line.data and not _unlabelled(line)), default=0)
    rows: list[list[RawCell]] = []
    for line in block:
        row: list[RawCell] = []
        for n, (a, b) in enumerate(line.fields):
            label = n == 0 and a < columns[0][0] and not _unlabelled(line)
            if label and not line.data and (a + b) / 2 - labels > columns[0][1] - (a + b) / 2:
                label = False  # a header nearer to the first column of figures than to the labels
            k = 0 if label else 1 + _nearest(columns, a, b)
            if row and row[-1].column >= k:
                continue  # two fields in one column: keep the first
            pieces = line.parts[n] if line.parts and len(line.parts[n]) > 1 else ()
            if pieces:
                row.append(RawCell(min(x for x, _ in pieces), max(y for _, y in pieces), column=k, parts=pieces))
            else:
                row.append(RawCell(line.start + a, line.start + b, column=k))
        rows.append(row)
    _group_heads(text, block, rows, columns)
    start = block[0].start + block[0].fields[0][0]
    end = block[-1].start + block[-1].fields[-1][1]
    return RawTable("aligned", start, end, rows)


def _group_heads(text: str, block: list[_Line], rows: list[list[RawCell]],
                 columns: list[tuple[int, int]]) -> None:
    """Header cells that stand over groups of columns span them: each of two
    or more fields of a line takes the columns nearer to it than to the
    others, when the header lines below head some of them; a period alone on
    its line (``2022 年度``) takes all the columns the lines below head.
    Only columns of figures are in a group: a second column of labels
    (行业分类 | 项目) is under no period."""
    first = next((n for n, line in enumerate(block) if line.data), len(block))
    figures = {c.column for line, row in zip(block, rows, strict=True) if line.data
               for c in row if c.column >= 1 and _figure(text, c)}
    for h in range(first):
        upper = [c for c in rows[h] if c.column >= 1]
        below = {c.column for r in rows[h + 1:first] for c in r if c.column >= 1}
        if not upper or not below:
            continue
        if len(upper) == 1:
            field = text[upper[0].start:upper[0].end]
            period = header_period(field)
            if period is None or len(field.replace(" ", "")) - len(period.replace(" ", "")) > 2:
                continue
            spans = [sorted(below)]
        else:
            spans = _runs(text, rows[h + 1], sorted(figures), len(upper)) or _nearest_heads(
                upper, block[h].start, columns, figures)
        if any(not set(span) & below for span in spans) or (len(upper) == 1 and not set(spans[0]) <= below):
            continue
        cells = {id(c): c._replace(column=span[0], colspan=span[-1] - span[0] + 1)
                 for c, span in zip(upper, spans, strict=True)}
        rows[h] = [cells.get(id(c), c) for c in rows[h]]


def _nearest_heads(upper: list[RawCell], start: int, columns: list[tuple[int, int]],
                   figures: set[int]) -> list[list[int]]:
    """Each column of figures under the header field nearest to it."""
    mids = [(c.start + c.end) / 2 - start for c in upper]
    spans: list[list[int]] = [[] for _ in upper]
    for k, (a, b) in enumerate(columns, start=1):
        if k in figures:
            spans[min(range(len(mids)), key=lambda j: abs(mids[j] - (a + b) / 2))].append(k)
    return spans


def _runs(text: str, below: list[RawCell], figures: list[int], fields: int) -> list[list[int]]:
    """The columns of figures in runs of the sub-headers that repeat below
    (``金額 % 金額 %`` under ``113年度 112年度``), one run a field, in order:
    where each field stands says less (pdftotext prints a line of Chinese
    narrower than the figures under it)."""
    n, rest = divmod(len(figures), fields)
    subs = {c.column: text[c.start:c.end].strip() for c in below}
    cycle = [subs.get(k, "") for k in figures]
    if rest or n < 2 or not all(cycle[:n]) or len(set(cycle[:n])) != n \
            or any(x != cycle[j % n] for j, x in enumerate(cycle)):
        return []
    return [figures[j:j + n] for j in range(0, len(figures), n)]


def _figure(text: str, cell: RawCell) -> bool:
    pieces = cell.parts or ((cell.start, cell.end),)
    return read_cell("\n".join(text[a:b] for a, b in pieces)).value is not None


def _unlabelled(line: _Line) -> bool:
    """A data line whose first field is indented and a figure: its label is
    printed on the lines around it."""
    return line.data and line.first_figure


def _cluster(spans: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """Columns from the figures' spans (start, end, line): right edges
    within two characters; then a column whose span overlaps the next one's
    is the same column, unless a line prints a figure in each: a row that
    ``pdftotext`` printed a few characters off the others (a total whose
    label is shorter) must not run its neighbours' columns together."""
    out: list[list[int]] = []
    lines: list[set[int]] = []
    for a, b, n in sorted(spans, key=lambda s: s[1]):
        if out and b - out[-1][1] <= 2:
            out[-1][0] = min(out[-1][0], a)
            out[-1][1] = b
            lines[-1].add(n)
        else:
            out.append([a, b])
            lines.append({n})
    merged: list[tuple[int, int]] = []
    held: list[set[int]] = []
    for (a, b), these in zip(out, lines, strict=True):
        if merged and a <= merged[-1][1] and not held[-1] & these:
            merged[-1] = (min(merged[-1][0], a), b)
            held[-1] |= these
        else:
            merged.append((a, b))
            held.append(set(these))
    return merged


def _nearest(columns: list[tuple[int, int]], a: int, b: int) -> int:
    best, score = 0, None
    for k, (ca, cb) in enumerate(columns):
        overlap = min(b, cb) - max(a, ca)
        s = (overlap, -abs(b - cb))
        if score is None or s > score:
            best, score = k, s
    return best
