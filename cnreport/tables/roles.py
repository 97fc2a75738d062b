"""What each row and column of a placed table is: header rows, label columns,
row labels with their parents, column headers with their period.

A row is a data row when a cell outside the label columns prints a figure (a
year such as ``2023`` or ``2023年`` in a header is a period, not a figure);
the text rows above the first data row head the table, and a run of text rows
between data rows heads the rows below it (the shareholder table's second
part). A row with a label and nothing else is a section (``流动资产：``), the
rest of a label split over two lines (``(户)``), or the label of a data row
whose own label cell is empty.
"""
from __future__ import annotations

from itertools import pairwise
from typing import NamedTuple, Optional

import regex

from ..normalize import fold
from .grid import Placed
from .periods import column_period, header_period
from .words import either

__all__ = ["PER_SHARE", "Column", "Roles", "Row", "clean_label", "roles"]


class Row(NamedTuple):
    """A data row: its index, label as printed (cleaned), parents, indent."""

    row: int
    label: Optional[str]
    parents: tuple[str, ...]


class Column(NamedTuple):
    """A value column under one header block: its header text, the cells
    that head it, its period, whether it states a change, and the text that
    says which period it is (``截至六月三十日止六個月 二零二四年`` for a
    column whose period is printed ``二零二四年``)."""

    header: Optional[str]
    heads: tuple[int, ...]
    period: Optional[str]
    change: bool
    skip: bool
    when: Optional[str] = None


class Roles(NamedTuple):
    """The reading of a table's layout."""

    header_rows: int
    labels: tuple[int, ...]
    rows: tuple[Row, ...]
    columns: dict[tuple[int, int], Column]  # (data row, column) -> the column's reading


_SPACE_IN_CJK = regex.compile(r"(?<=[\p{Han}\p{P}])[ \t\n\u3000]+(?=[\p{Han}\p{P}\d(（])"
                              r"|(?<=[\p{Han}\d])[ \t\n\u3000]+(?=[\p{Han}\p{P}])")
_NUMBERING = regex.compile(r"^\s*(?:[(（]?[一二三四五六七八九十\d]{1,3}[)）、.．]|[①-⑳]|[-－—–―•·])\s*(?!\d)")
# An item of the label line above it: a dash opens it (－基本), as Hong Kong statements print them.
_BULLET = regex.compile(r"^\s*[-－—–―•·]\s*(?!\d)")
PER_SHARE = regex.compile(either("per_share", whole_latin=True), regex.I)
# The basic and diluted rows under a per-share line (每股盈利 over 基本 and 攤薄).
_SHARE_PART = regex.compile(rf"^\s*(?:[-－—–―•·]\s*)?(?:{either('per_share_part', whole_latin=True)})", regex.I)
_SUB = regex.compile(rf"^\s*(?:{either('sub_label')})\s*[:：]\s*", regex.I)
_CHANGE = regex.compile(either("change_header"), regex.I)
# The sign convention of a statement row, 净利润（净亏损以“－”号填列）, whose
# quotes and dash parsers print in many ways ("-", "一", “_”, or not at all).
_SIGN_NOTE = regex.compile(r"[(（]\s*(?P<what>\p{Han}{1,8}?)\s*以\s*(?:[^\p{Han}\s]|一){0,5}\s*号\s*填\s*列\s*[)）]?")
# 附注, Notes, or both as a bilingual report prints them (Notes 附註)
_SKIP = regex.compile(rf"^\s*(?:{either('skip_header')})(?:\s*(?:{either('skip_header')}))*\s*$", regex.I)


def clean_label(text: str) -> str:
    """A label as printed, on one line: the breaks and spaces a parser put
    inside Chinese words left out.

    >>> clean_label("预付长期资产\\n购置款")
    '预付长期资产购置款'
    >>> clean_label("Cash and cash\\nequivalents")
    'Cash and cash equivalents'
    """
    one = _SPACE_IN_CJK.sub("", text.strip())
    return " ".join(one.split())


def _figure(p: Placed, i: int) -> bool:
    """A cell prints a figure, and not a year or a date that heads a column."""
    if p.readings[i].value is None:
        return False
    text = p.table.cells[i].text
    return header_period(text) != text.strip()


def _texty(p: Placed, i: int) -> bool:
    c = p.table.cells[i]
    return bool(c.text) and not c.nil and not _figure(p, i)


def roles(p: Placed) -> Roles:
    """Header rows, label columns, data rows and column readings of ``p``."""
    t = p.table
    first = next((r for r in range(t.rows) if _data_row(p, r, 1)), t.rows)
    labels = _label_columns(p, first)
    value_from = (labels[-1] + 1) if labels else 0
    top = _wrapped_top(p, first, labels, value_from)
    current = tuple(range(top))
    cycles = _cycles(p, current, value_from)
    rows: list[Row] = []
    columns: dict[tuple[int, int], Column] = {}
    pending: list[int] = []
    sections: list[str] = []
    used: set[int] = set()
    bare = False  # the last data row printed no label of its own: its label wraps around it
    head: Optional[str] = None  # the label line the rows printed as its items stand under
    for r in range(top, t.rows):
        if r in used:
            continue
        if not _data_row(p, r, value_from):
            pending.append(r)
            continue
        if pending and _is_header_block(p, pending, value_from):
            current = tuple(pending)
            cycles = _cycles(p, current, value_from)
            pending = []
        label = _row_label(p, r, labels)
        own = label is not None
        if not own and not pending and r + 1 < t.rows and not _data_row(p, r + 1, value_from):
            label = _row_label(p, r + 1, labels)  # the label printed on the line below
            used.add(r + 1)
        elif bare and rows:
            pending = _share_lines(p, pending, labels, rows, keep=0 if own else None)
        lines = [q for q in pending if _row_label(p, q, labels)] if own else []
        head = _item_head(label, [_row_label(p, q, labels) or "" for q in lines], head)
        if lines and head is not None:  # the line the row is an item of is no tail of the row above
            pending = [q for q in pending if q != lines[-1]]
        label, sections = _absorb(p, pending, labels, label, rows, sections)
        label = _spanned_label(p, r, labels, value_from, label, used)
        pending = []
        bare = not own
        groups = [g for g in _label_cells(p, r, labels)[0] if g != label]
        parents = (*groups, *_parents(label, rows, sections))
        rows.append(Row(r, label, (*parents, head) if head and head not in parents else parents))
        for k in range(value_from, t.columns):
            columns[(r, k)] = _column(p, current, k, labels, cycles)
        _spanned_heads(p, r, columns)
    if bare and rows:
        _share_lines(p, pending, labels, rows, keep=0)
    _figures_under_notes(p, columns)
    return Roles(top, labels, _joined(p, rows, labels), columns)


def _item_head(label: Optional[str], lines: list[str], head: Optional[str]) -> Optional[str]:
    """The label line (with no figure) that a row is an item of: the row
    opens with a dash (每股盈利 over －基本, －攤薄), or the line names a
    per-share amount and the row its basic or diluted part (每股盈利 over
    基本, 攤薄). The line heads such rows until one is not."""
    if not label:
        return None
    above = lines[-1].rstrip(":：") if lines else head
    if above is None:
        return None
    f = fold(label)
    if _BULLET.match(f) or (PER_SHARE.search(fold(above)) and _SHARE_PART.match(f)):
        return above
    return None


def _figures_under_notes(p: Placed, columns: dict[tuple[int, int], Column]) -> None:
    """A column headed 附注 that prints amounts (a grouped or decimal figure)
    is a value column whose header a parser misplaced: its figures are read.
    A note's number is small and whole (14, 17(a), 五、3)."""
    for k in {k for (_, k), c in columns.items() if c.skip}:
        cells = [i for (r, kk), c in columns.items() if kk == k and (i := p.at(r, k)) is not None]
        if any(_amount(p, i) for i in cells):
            for key in [key for key in columns if key[1] == k]:
                columns[key] = columns[key]._replace(skip=False)


def _amount(p: Placed, i: int) -> bool:
    v = p.readings[i].value
    if v is None or isinstance(v, str):
        return False
    return not -1000 < v < 1000 or regex.search(r"\d[,.]\d", p.table.cells[i].text) is not None


def _joined(p: Placed, rows: list[Row], labels: tuple[int, ...]) -> tuple[Row, ...]:
    """Rows labelled in several columns that name one thing together
    (行业分类 | 项目: 注塑产品 | 直接材料): each row's label is its label cells,
    parent first. The columns do when the first groups the rows (a merged
    cell, or the same text in consecutive rows as a parser unrolls it) or a
    later one prints the same text in every row (营业成本 beside each
    product); else the second column is a property of the first (股东名称 |
    股东性质) and the label is the first. A date or a figure in a label
    column is no part of the name."""
    if len(labels) < 2 or len(rows) < 2:
        return tuple(rows)
    cells = {r.row: _all_label_cells(p, r.row, labels) for r in rows}
    first = [(i, p.table.cells[i].text.strip()) if (i := p.at(r.row, labels[0])) is not None else (None, "")
             for r in rows]
    grouped = any(i is not None and p.table.cells[i].rowspan > 1 for i, _ in first) or any(
        a[1] and a[1] == b[1] and a[0] != b[0] for a, b in pairwise(first))
    constant = any(len({(p.table.cells[i].text.strip() if (i := p.at(r.row, k)) is not None else "")
                        for r in rows} - {""}) == 1 and all(p.at(r.row, k) is not None for r in rows)
                   for k in labels[1:])
    if not grouped and not constant:
        return tuple(rows)
    out = []
    for r in rows:
        parts = cells[r.row]
        named = r.label is not None and _dated_or_figure(r.label) and parts  # 报表日 | 报表项目
        if not named and (len(parts) < 2 or r.label not in parts):
            out.append(r)
            continue
        out.append(r._replace(label=" ".join(parts), parents=tuple(x for x in r.parents if x not in parts)))
    return tuple(out)


def _all_label_cells(p: Placed, r: int, labels: tuple[int, ...]) -> list[str]:
    """The texts of the label cells over row ``r`` that name it, merged cells included."""
    out: list[str] = []
    for k in labels:
        i = p.at(r, k)
        text = clean_label(p.table.cells[i].text) if i is not None else ""
        if text and not _SKIP.match(text) and text not in out and _names(text):
            out.append(text)
    return out


def _names(text: str) -> bool:
    """A label cell that can be part of a row's name: short, no sentence,
    no markup, and not a date or a figure (报表日 | 报表项目: the date is a period)."""
    return len(text) <= 24 and regex.search(r"[。；;$]", text) is None and not _dated_or_figure(text)


def _dated_or_figure(text: str) -> bool:
    return regex.search(r"\d[,.]\s?\d", text) is not None or header_period(text) == text.strip()


def _wrapped_top(p: Placed, first: int, labels: tuple[int, ...], value_from: int) -> int:
    """Where the header ends: above the first data row, unless that row has
    no label and the lines just above it hold only a label (its label wraps
    around it)."""
    top = first
    if first >= p.table.rows or _row_label(p, first, labels) is not None:
        return top
    while top > 1 and first - top < 2 and _row_label(p, top - 1, labels) is not None and not any(
            (i := p.at(top - 1, k)) is not None and p.table.cells[i].text for k in range(value_from, p.table.columns)):
        top -= 1
    return top


def _share_lines(p: Placed, pending: list[int], labels: tuple[int, ...], rows: list[Row],
                 keep: Optional[int]) -> list[int]:
    """Label lines between a data row whose label wraps around it (a PDF's
    centred cell, as pdftotext prints it) and the next row: the first half
    ends the label above, the rest (``keep`` of them; half when ``None``)
    opens the next. Returns the lines left for the next row."""
    lines = [r for r in pending if _row_label(p, r, labels)]
    give = len(lines) - (len(lines) - len(lines) // 2 if keep is None else keep)
    if give:
        tail = "".join(_row_label(p, r, labels) or "" for r in lines[:give])
        rows[-1] = rows[-1]._replace(label=(rows[-1].label or "") + tail)
    return lines[give:]


def _data_row(p: Placed, r: int, value_from: int) -> bool:
    t = p.table
    for k in range(value_from, t.columns):
        i = p.at(r, k)
        if i is not None and t.cells[i].column == k and t.cells[i].row == r and _figure(p, i):
            return True
    return False


def _label_columns(p: Placed, first: int) -> tuple[int, ...]:
    t = p.table
    out: list[int] = []
    for k in range(t.columns):
        if not out and _sequence(p, first, k):
            continue  # 序号: numbers the rows, neither label nor figure
        text = figures = 0
        for r in range(first, t.rows):
            i = p.at(r, k)
            if i is None or t.cells[i].column != k:
                continue
            if _figure(p, i):
                figures += 1
            elif _texty(p, i):
                text += 1
        if not out and text == figures == 0:
            continue  # an empty column a PDF's rulings made (a merged cell's edge)
        if text == 0 or figures > text:
            break
        out.append(k)
    return tuple(out) if len(out) < t.columns else tuple(out[:1])


def _sequence(p: Placed, first: int, k: int) -> bool:
    """A column headed 序号 or No., or that counts its rows 1, 2, 3 …"""
    if _SKIP.match(_head_text(p, first, k)):
        return True
    seen = [p.readings[i].value for r in range(first, p.table.rows)
            if (i := p.at(r, k)) is not None and p.table.cells[i].row == r and p.readings[i].value is not None]
    return len(seen) >= 2 and seen == list(range(1, len(seen) + 1))


def _head_text(p: Placed, first: int, k: int) -> str:
    parts = [p.table.cells[i].text for r in range(first) if (i := p.at(r, k)) is not None]
    return " ".join(parts)


def _is_header_block(p: Placed, block: list[int], value_from: int) -> bool:
    """Text in at least two value columns (in the one, when there is one):
    a header, not a section label."""
    t = p.table
    live = [k for k in range(value_from, t.columns)  # a column empty in every row is no column
            if any((i := p.at(r, k)) is not None and t.cells[i].text for r in range(t.rows))]
    need = min(2, len(live))
    for r in block:
        seen = {p.at(r, k) for k in range(value_from, t.columns)} - {None}
        if need and sum(1 for i in seen if i is not None and _texty(p, i)) >= need:
            return True
    return False


def _row_label(p: Placed, r: int, labels: tuple[int, ...]) -> Optional[str]:
    """The first label cell of row ``r`` that is the row's own (a cell that
    spans several rows groups them: it is a parent)."""
    own = _label_cells(p, r, labels)
    if own[1] is not None or own[0]:
        return own[1] if own[1] is not None else own[0][-1]
    return _before_labels(p, r, labels)


def _before_labels(p: Placed, r: int, labels: tuple[int, ...]) -> Optional[str]:
    """Text in a column before the labels (序号), for a row that prints its
    label there: 合计 under the numbers of the rows, or a row set out of line."""
    for k in range(labels[0] if labels else 0):
        i = p.at(r, k)
        if i is not None and p.readings[i].value is None and not p.table.cells[i].nil and p.table.cells[i].text:
            return clean_label(p.table.cells[i].text)
    return None


def _label_cells(p: Placed, r: int, labels: tuple[int, ...]) -> tuple[list[str], Optional[str]]:
    groups: list[str] = []
    for k in labels:
        i = p.at(r, k)
        if i is None:
            continue
        c = p.table.cells[i]
        text = clean_label(c.text)
        if not text or c.nil or _SKIP.match(text):
            continue  # (a dash in a label column names nothing)
        if c.rowspan > 1:
            groups.append(text)
        else:
            return groups, text
    return groups, None


def _spanned_label(p: Placed, r: int, labels: tuple[int, ...], value_from: int,
                   label: Optional[str], used: set[int]) -> Optional[str]:
    """A row whose figures are merged over the rows below it, while its
    label's lines each have a cell of their own there (a PDF's table ruled
    line by line in its label column): the label is all of them."""
    if label is None:
        return label
    t = p.table
    span = max((t.cells[i].rowspan for k in range(value_from, t.columns)
                if (i := p.at(r, k)) is not None and t.cells[i].row == r and _figure(p, i)), default=1)
    for below in range(r + 1, min(r + span, t.rows)):
        if _data_row(p, below, value_from):
            break
        more = _row_label(p, below, labels)
        if more is None or any(p.at(below, k) is not None and t.cells[i].row == below and t.cells[i].text
                               for k in range(value_from, t.columns) if (i := p.at(below, k)) is not None):
            break
        label += more
        used.add(below)
    return label


def _absorb(p: Placed, pending: list[int], labels: tuple[int, ...], label: Optional[str],
            rows: list[Row], sections: list[str]) -> tuple[Optional[str], list[str]]:
    """Label-only rows before a data row: the data row's own label when it
    has none, the tail of the row above (``(户)``), or a section."""
    texts = _rejoined([x for r in pending if (x := _row_label(p, r, labels))])
    if not texts:
        return label, sections
    if label is None:
        return "".join(texts), sections
    head = texts[0]
    if rows and rows[-1].row == pending[0] - 1 and _tail(p.table.format, rows[-1].label, head):
        last = rows[-1]
        rows[-1] = last._replace(label=(last.label or "") + head)
        texts = texts[1:]
    if texts and p.table.format != "html" and _opened(texts[-1]) > 0 and not _opened(label):
        label = texts.pop() + label  # a label wrapped over its row's line: （适用 / 于…企业 / 小企业）
    for x in texts:
        sections = [x.rstrip(":：")] if x.endswith((":", "：")) else sections
    return label, sections


def _rejoined(texts: list[str]) -> list[str]:
    """Label lines with a section word a narrow label column broke
    (``其`` over ``中：``) joined again: the section's title, not the tail
    of the label above."""
    out: list[str] = []
    for x in texts:
        if out and x.endswith((":", "：")) and _SUB.fullmatch(out[-1] + x):
            out[-1] += x
        else:
            out.append(x)
    return out


def _tail(form: str, above: Optional[str], line: str) -> bool:
    """A label-only line that ends the label above it: a parser split a
    wrapped cell into rows (markdown, aligned text; HTML keeps a cell whole)."""
    if form == "html" or line.endswith((":", "：")) or not above or _NUMBERING.match(line):
        return False  # (a numbered line, （二）…, opens a row of its own)
    return (line[:1] in "(（" or len(line) <= 3 or _opened(above) > 0
            or regex.search(r"[(（][^()（）]{1,6}[)）]$", line) is not None)


def _opened(label: str) -> int:
    """Brackets a label opens and does not close."""
    return label.count("(") + label.count("（") - label.count(")") - label.count("）")


def _parents(label: Optional[str], rows: list[Row], sections: list[str]) -> tuple[str, ...]:
    if label is None:
        return tuple(sections)
    if _SUB.match(label):
        above = next((r for r in reversed(rows) if r.label and not _SUB.match(r.label)), None)
        if above is not None and above.label:
            return (*sections, above.label)
    return tuple(sections)


def _column(p: Placed, block: tuple[int, ...], k: int, labels: tuple[int, ...],
            cycles: Optional[dict[tuple[int, int], int]] = None) -> Column:
    t = p.table
    heads: list[int] = []
    for n, r in enumerate(block):
        i = (cycles or {}).get((r, k))
        if i is None:
            i = _spanning(p, r, k, labels, block[n + 1:], block[:n])
        if i is not None and i not in heads and t.cells[i].text and t.cells[i].column not in labels:
            heads.append(i)
    header = " ".join(clean_label(t.cells[i].text) for i in heads) or None
    if header is None:
        return Column(None, (), None, False, False)
    folded = fold(header)
    period, when = column_period(header)
    # a notes column under a period that spans the columns (截至六月三十日止六個月 over 附註) refers too
    skip = any(_SKIP.match(fold(clean_label(t.cells[i].text))) for i in heads)
    return Column(header, tuple(heads), period, bool(_CHANGE.search(folded)), skip, when)


def _spanned_heads(p: Placed, r: int, columns: dict[tuple[int, int], Column]) -> None:
    """A figure spanning several columns whose first has no header, or no
    period, takes the header over the others that has (a PDF's ruled table:
    本期发生额 centred over three grid columns, the figure merged across
    them; 2023年末 over the second of the two a figure takes, 金额 over both)."""
    t = p.table
    for k in range(t.columns):
        i = p.at(r, k)
        if i is None or t.cells[i].column != k or t.cells[i].colspan < 2 or (r, k) not in columns:
            continue
        over = [c for j in range(k + 1, k + t.cells[i].colspan) if (c := columns.get((r, j))) is not None]
        if columns[(r, k)].header is None:
            columns[(r, k)] = next((c for c in over if c.header is not None), columns[(r, k)])
        if columns[(r, k)].period is None:
            columns[(r, k)] = next((c for c in over if c.period is not None), columns[(r, k)])


def _cycles(p: Placed, block: tuple[int, ...], value_from: int) -> dict[tuple[int, int], int]:
    """Header cells over the columns of a cycle: where a header row's
    sub-headers repeat (金额 比例 金额 比例), each run of them takes the one
    header printed over it, wherever a parser put it in the run (marker
    writes a centred header over the last of its columns)."""
    t = p.table
    live = [k for k in range(value_from, t.columns)
            if any((i := p.at(r, k)) is not None and t.cells[i].text for r in range(t.rows))]
    out: dict[tuple[int, int], int] = {}
    for top, sub in pairwise(block):
        subs = [t.cells[i].text.strip() if (i := p.at(sub, k)) is not None else "" for k in live]
        n = next((n for n in (2, 3, 4) if len(live) % n == 0 and len(live) >= 2 * n and all(subs[:n])
                  and len(set(subs[:n])) == n and all(s == subs[j % n] for j, s in enumerate(subs))), 0)
        runs = [live[g:g + n] for g in range(0, len(live), n)] if n else []
        over = [{i for k in run if (i := p.at(top, k)) is not None and t.cells[i].text} for run in runs]
        if over and all(len(o) == 1 for o in over):
            out.update({(top, k): min(o) for run, o in zip(runs, over, strict=True) for k in run})
    return out


def _spanning(p: Placed, r: int, k: int, labels: tuple[int, ...], below: tuple[int, ...],
              above: tuple[int, ...] = ()) -> Optional[int]:
    """The header cell over column ``k`` in row ``r``. A header without
    colspan (markdown, aligned text) is printed over the first of its
    columns: an empty cell with sub-headers below belongs to the nearest
    header to its left, unless the column has a header line of its own
    above (a header wrapped around the line, as aligned text prints it) or
    that header's colspan ends before it."""
    t = p.table
    i = p.at(r, k)
    if (i is not None and t.cells[i].text) or not below:
        return i
    if any((j := p.at(a, k)) is not None and t.cells[j].text and t.cells[j].colspan == 1 for a in above):
        return i
    if not any((j := p.at(b, k)) is not None and t.cells[j].text for b in below):
        return i
    for left in range(k - 1, -1, -1):
        if left in labels:
            return i
        j = p.at(r, left)
        if j is not None and t.cells[j].text:
            return j if t.cells[j].colspan == 1 else i  # (a header's colspan says where it ends)
    return i


def subject_of(label: Optional[str]) -> Optional[str]:
    """The measure a row label names: numbering and ``其中：`` left out.

    >>> subject_of("其中：美元")
    '美元'
    >>> subject_of("一、营业总收入")
    '营业总收入'
    >>> subject_of('投资收益(损失以"一"号填列)')
    '投资收益（损失以“－”号填列）'
    """
    if label is None:
        return None
    out = _SUB.sub("", _NUMBERING.sub("", label)).strip()
    out = _SIGN_NOTE.sub(lambda m: f"（{m.group('what')}以“－”号填列）", out)
    return out or label
