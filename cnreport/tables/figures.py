"""Table cells as metrics: the row label is the subject, the column header
the period (or a change), the scale in force the unit and magnitude.

Which scale a figure takes, first that applies: its own unit (``12.5%``,
``100万元``); the percent of a change column (``增减(%)``); a declaration in
its row label (``报酬总额(万元)``); a row that is a per-share amount, a rate or
a ratio (not scaled); a declaration in its column header (``人民幣千元``); a
column of shares of a whole (``比例``); the table's declaration (the line in
force where it stands, or one printed inside it above the figures). When none
applies, the value is the printed number and ``CellRef.scale_known`` is false.
"""
from __future__ import annotations

import datetime
from collections.abc import Sequence
from fractions import Fraction
from functools import lru_cache
from typing import NamedTuple, Optional, Union

import attrs
import regex

from ..lexicon.loaders import scale_words
from ..model import CellRef, Change, Kind, Metric, NumberMention, Scale
from ..normalize import fold
from ..numerals import exact
from ..periods import normalize_period
from .grid import Placed
from .roles import PER_SHARE as _PER_SHARE
from .roles import Column, Roles, clean_label, subject_of
from .words import either

__all__ = ["Scales", "table_metrics", "table_scales"]

_TIMES = regex.compile(either("turnover", whole_latin=True), regex.I)
_RATIO = regex.compile(either("ratio", whole_latin=True), regex.I)
# 毛利率, 毛利率(%), 占比: a rate at the end of the label or before its bracket, or anywhere, but
# not a ratio the row is counted by (按持股比例计算的净资产份额 is an amount)
_RATE = regex.compile(rf"(?:{either('rate_end')})\s*(?:[)）]?$|[(（])"
                      rf"|(?:{either('rate', whole_latin=True)})(?!\s*(?:{either('counted_by')}))", regex.I)
# A column of shares: 比例, or 占…合计数 (a parser may drop the 比例(%) after it).
_SHARE_COLUMN = regex.compile(rf"{either('share_column')}|(?:^|\s)占\p{{Han}}{{1,24}}?(?:{either('share_total')})")
_BASIS = regex.compile(rf"[比较](?:{either('basis')})")  # 比上年同期, 较年初


class Scales(NamedTuple):
    """The declarations that bear on one table."""

    table: Optional[Scale]
    rows: dict[int, Scale]
    heads: dict[int, Scale]  # cell index of a header cell -> its declaration


class _Unit(NamedTuple):
    factor: Union[int, Fraction]
    unit: Optional[str]
    currency: Optional[str]
    scale: Optional[Scale]
    known: bool


def table_scales(p: Placed, r: Roles, declared: Sequence[Scale], in_force: Optional[Scale]) -> Scales:
    """Sort the declarations printed inside the table by where they stand."""
    t = p.table
    rows: dict[int, Scale] = {}
    heads: dict[int, Scale] = {}
    table = in_force
    data = {row.row for row in r.rows}
    items = {x for row in r.rows for x in row.parents}
    for s in declared:
        i = next((i for i, c in enumerate(t.cells) if c.start <= s.start < max(c.end, c.start + 1)), None)
        if i is None:
            continue
        c = t.cells[i]
        above = max((k for k in data if k < c.row), default=None)
        if c.row not in data and clean_label(c.text) in items:
            continue  # 每股盈利（元） over its items: it names their unit, and declares nothing over the table
        if c.row in data and (c.column in r.labels or (r.labels and c.column < r.labels[0])):
            for k in range(c.row, c.row + c.rowspan):
                rows[k] = attrs.evolve(s, where="row")
        elif c.column in r.labels and c.row >= r.header_rows and above is not None:
            rows[above] = attrs.evolve(s, where="row")  # the rest of the label above: (户)
        elif c.row not in data and (c.column in r.labels or _alone(p, i)):
            table = s
        elif c.row not in data:
            heads[i] = attrs.evolve(s, where="header")
    return Scales(table, rows, heads)


def _alone(p: Placed, i: int) -> bool:
    """A caption inside the table: a cell that spans the whole width, or
    stands alone in its row."""
    t = p.table
    c = t.cells[i]
    if c.column == 0 and c.colspan >= t.columns:
        return True
    return all(not o.text for j, o in enumerate(t.cells) if o.row == c.row and j != i)


def table_metrics(text: str, p: Placed, r: Roles, scales: Scales, index: int, *,
                  entity: Optional[str] = None, source: Optional[str] = None,
                  reference: Optional[datetime.date] = None) -> list[Metric]:
    """One metric per figure cell of the table, in reading order."""
    t = p.table
    out: list[Metric] = []
    for row in r.rows:
        for k in range(t.columns):
            i = p.at(row.row, k)
            column = r.columns.get((row.row, k))
            if i is None or column is None or column.skip:
                continue
            c = t.cells[i]
            if c.row != row.row or c.column != k or c.value is None:
                continue
            m = _metric(text, p, i, row.label, row.parents, column, scales, index, entity=entity,
                        source=source)
            if m.period is not None:
                m = attrs.evolve(m, when=normalize_period(column.when or m.period, reference=reference))
            out.append(m)
    return out


def _metric(text: str, p: Placed, i: int, label: Optional[str], parents: tuple[str, ...],
            column: Column, scales: Scales, index: int, *, entity: Optional[str],
            source: Optional[str]) -> Metric:
    c = p.table.cells[i]
    reading = p.readings[i]
    u = _unit(p, i, label, column, scales, parents)
    printed = reading.value
    assert printed is not None and not isinstance(printed, str)
    value = printed if u.factor == 1 else exact(Fraction(printed) * u.factor, True)
    view = p.views[i]
    # an amount wrapped around its row's line is mentioned by its first piece (the cell's text holds it whole)
    start, end = view.span(reading.start, min(reading.end, view.head) if view.head > reading.start else reading.end)
    kind: Kind = ("money" if u.currency else "percent" if u.unit in ("%", "个百分点")
            else "multiple" if u.unit == "倍" else reading.kind if reading.own_scale else "cardinal")
    mention = NumberMention(text=text[start:end], start=start, end=end, value=value, kind=kind,
                            unit=u.unit, currency=u.currency)
    change = None
    if column.change or reading.direction:
        direction = reading.direction or ("down" if printed < 0 else "up" if printed > 0 else None)
        change = Change(direction=direction, basis=_basis(column.header), text=column.header or "")
    ref = CellRef(table=index, row=c.row, column=c.column, text=c.text, row_label=label,
                  parents=parents, column_label=column.header, scale=u.scale, scale_known=u.known)
    return Metric(mention=mention, subject=subject_of(label), entity=entity, period=column.period,
                  change=change, sentence=_row_text(p, c.row), source=source, cell=ref)


def _unit(p: Placed, i: int, label: Optional[str], column: Column, scales: Scales,
          parents: tuple[str, ...] = ()) -> _Unit:
    reading = p.readings[i]
    if reading.own_scale:
        return _Unit(1, reading.unit, reading.currency, None, True)
    head = next((scales.heads[h] for h in reversed(column.heads) if h in scales.heads), None)
    header = fold(column.header or "")
    if column.change and ((head is not None and head.unit == "%") or _SHARE_COLUMN.search(header)):
        return _Unit(1, "%", None, head, True)
    row = scales.rows.get(p.table.cells[i].row)
    # a bare 元 in a label (每股盈餘（元）) is the unit of the table's money, not Renminbi
    money = row if row is not None and fold(row.text).strip("()（） ") != "元" else None
    per_share = _per_share(label, money or head or scales.table, header, parents)
    if per_share is not None:  # 每股盈利（人民幣元）: its bracket names the currency of a share's amount
        return per_share
    if row is not None:
        return _declared(row)
    by_label = _row_kind(label, head or scales.table, header)
    if by_label is not None:
        return by_label
    if head is not None:
        return _declared(head)
    if _SHARE_COLUMN.search(header):
        return _Unit(1, "%", None, None, True)
    counted = _counted(header)
    if counted is not None:
        return _Unit(1, counted, None, None, True)
    if scales.table is not None:
        return _declared(scales.table)
    return _Unit(1, None, None, None, False)


def _declared(s: Scale) -> _Unit:
    return _Unit(s.factor, s.unit, s.currency, s, True)


def _row_kind(label: Optional[str], money: Optional[Scale], header: str = "") -> Optional[_Unit]:
    """A row whose label says it is per share, a turnover, a ratio or a rate:
    its figures are not scaled, but for per-share amounts printed in a
    hundredth of the currency (``每股股息（港仙）``, a column of ``人民幣分``)."""
    if not label:
        return None
    per_share = _per_share(label, money, header)
    if per_share is not None:
        return per_share
    f = fold(label)
    if _TIMES.search(f):
        return _Unit(1, "次", None, None, True)
    if _RATIO.search(f):
        return _Unit(1, None, None, None, True)
    if _RATE.search(f):
        return _Unit(1, "%", None, None, True)
    counted = _counted(f)
    return None if counted is None else _Unit(1, counted, None, None, True)


def _per_share(label: Optional[str], money: Optional[Scale], header: str = "",
               parents: tuple[str, ...] = ()) -> Optional[_Unit]:
    """A per-share row: its amount per share in the currency unit that the
    label, the column or the table names (never scaled by 千元 or 万元), or
    in a hundredth of it (港仙, 人民幣分). A row under a per-share label
    (``每股盈利`` over ``－基本（人民幣元）``) is one."""
    if not label:
        return None
    f = fold(label)
    named = f if _PER_SHARE.search(f) else next(
        (x for x in map(fold, reversed(parents)) if _PER_SHARE.search(x)), None)
    if named is None:
        return None
    sub = _subunit(f) or _subunit(named) or _subunit(header)
    if sub is not None:
        return _Unit(Fraction(1, 100), sub + "/股", None, None, True)
    unit = (money.unit if money is not None and money.currency and money.unit else "元") + "/股"
    return _Unit(1, unit, None, None, True)


def _subunit(folded: str) -> Optional[str]:
    """The currency unit whose hundredth a label or header names: ``港仙`` and
    ``HK cents`` anywhere, a bare ``分`` or ``仙`` only in brackets."""
    m = _subunit_pattern().search(folded)
    return None if m is None else _subunits()[(m.group("word") or m.group("bare")).lower()]


@lru_cache(maxsize=1)
def _subunits() -> dict[str, str]:
    return {w.word: w.unit or "" for w in scale_words() if w.kind == "subunit"}


@lru_cache(maxsize=1)
def _subunit_pattern() -> regex.Pattern[str]:
    words = sorted(_subunits(), key=len, reverse=True)
    long = "|".join(regex.escape(w) for w in words if len(w) > 1)
    bare = "|".join(regex.escape(w) for w in words if len(w) == 1)
    return regex.compile(rf"(?P<word>(?<![A-Za-z]){long}(?![A-Za-z]))|[(（]\s*(?P<bare>{bare})\s*[)）]", regex.I)


def _counted(folded: str) -> Optional[str]:
    """The unit of a count that a label or header names (人数 → 人)."""
    found = [(w, unit) for w, unit in _count_words() if w in folded]
    return max(found, key=lambda x: len(x[0]))[1] if found else None


@lru_cache(maxsize=1)
def _count_words() -> tuple[tuple[str, str], ...]:
    return tuple((w.word, w.unit or "") for w in scale_words() if w.kind == "count")


def _basis(header: Optional[str]) -> Optional[str]:
    if not header:
        return None
    m = _BASIS.search(fold(header))
    return header[m.start():m.end()] if m else None


def _row_text(p: Placed, row: int) -> str:
    seen: list[str] = []
    for k in range(p.table.columns):
        i = p.at(row, k)
        if i is not None and p.table.cells[i].text and (not seen or seen[-1] != p.table.cells[i].text):
            seen.append(p.table.cells[i].text)
    return " | ".join(" ".join(x.split()) for x in seen)
