"""The result types of cnreport.

Every result is an attrs frozen class: hashable, comparable, picklable, and
its ``start``/``end`` index the caller's original string (half-open, so
``text[m.start:m.end] == m.text``).
"""
from __future__ import annotations

import datetime
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal, Optional, Union

import attrs

__all__ = ["Cell", "CellRef", "Change", "Direction", "Kind", "Metric", "Number", "NumberMention", "Page",
           "Period", "Qualifier", "Rational", "Reason", "Report", "Scale", "Section", "SectionKind", "Speaker",
           "Table", "TableFormat", "Value"]

Number = Union[int, Decimal, Fraction]
Rational = Union[int, Fraction]  # a value kept exact while it is read
# Dates are ISO 8601 strings at the precision written: 2019-05-01, 2019-05,
# --05-21 (month and day), ---21 (day only).
Value = Union[int, Decimal, Fraction, str]
Qualifier = Literal[">", ">=", "<", "<=", "~"]
Kind = Literal["cardinal", "money", "percent", "fraction", "ordinal", "multiple",
               "year", "date", "duration"]

KINDS: tuple[str, ...] = ("cardinal", "money", "percent", "fraction", "ordinal", "multiple",
                          "year", "date", "duration")
QUALIFIERS: tuple[str, ...] = (">", ">=", "<", "<=", "~")
Direction = Literal["up", "down"]
SectionKind = Literal["speech", "question", "answer", "narrative", "heading", "byline",
                      "boilerplate"]
SECTION_KINDS: tuple[str, ...] = ("speech", "question", "answer", "narrative", "heading", "byline",
                                  "boilerplate")
TableFormat = Literal["html", "markdown", "tsv", "aligned"]


@attrs.frozen
class NumberMention:
    """One numeric expression found in a text.

    ``value`` is the exact number stated (``int``, ``Decimal`` for written
    decimals, ``Fraction`` for ``N分之M``; an ISO string for dates) and
    ``None`` for a range. ``low``/``high`` bound the interval the expression
    states: both ends of a range (``5~6億``, ``十幾``), the open end set by a
    qualifier (``超過100`` has ``low == 100``), the step of ``多``
    (``30多`` spans 30 to 40); both ``None`` for a plain exact number.

    A percentage keeps its numeral in percent points (``70%`` → 70, unit
    ``%``); the unit never holds the magnitude (``100萬臺`` → 1000000, unit
    ``臺``).

    >>> from cnreport import find_numbers
    >>> m = find_numbers("騰訊全網服務器總量已經超過100萬臺")[0]
    >>> (m.text, m.value, m.unit, m.qualifier, m.kind)
    ('超過100萬臺', 1000000, '臺', '>', 'cardinal')
    """

    text: str
    start: int
    end: int
    value: Optional[Value]
    kind: Kind
    unit: Optional[str] = None
    qualifier: Optional[Qualifier] = None
    low: Optional[Value] = None
    high: Optional[Value] = None
    currency: Optional[str] = None

    def to_dict(self) -> dict[str, object]:
        """A JSON-safe dict: exact values as strings (``"110000000"``,
        ``"0.5"``, ``"1/8"``), dates as ISO strings.

        >>> from cnreport import find_numbers
        >>> find_numbers("八分之一")[0].to_dict()["value"]
        '1/8'
        """
        return {
            "text": self.text, "start": self.start, "end": self.end,
            "value": _exact_text(self.value), "low": _exact_text(self.low),
            "high": _exact_text(self.high), "unit": self.unit, "qualifier": self.qualifier,
            "kind": self.kind, "currency": self.currency,
        }

    @property
    def is_range(self) -> bool:
        """True when the text states an interval rather than one value."""
        return self.value is None

    @property
    def value_float(self) -> Optional[float]:
        """``value`` as a float, for plotting; ``None`` for ranges and dates."""
        v = self.value
        if v is None or isinstance(v, str):
            return None
        return float(v)


def _exact_text(v: Optional[Value]) -> Optional[str]:
    if v is None or isinstance(v, str):
        return v
    if isinstance(v, Decimal):
        return format(v, "f")
    return str(v)


def _no_speaker_key(name: str) -> str:
    raise RuntimeError("import cnreport (which loads cnreport.speakers) before asking for Speaker.key")


# How a name becomes a speaker's key: cnreport.speakers sets it when it is
# imported (importing cnreport does), so that the result types import no
# reader.
_speaker_key: Callable[[str], str] = _no_speaker_key


@attrs.frozen
class Speaker:
    """A person (or a role such as ``问``, ``主持人``) who speaks in a report.

    ``name`` is written as on the speaker line; ``title`` is the whole title
    text, ``roles`` its parts (split on ``、``, ``，`` and ``兼``), ``org`` the
    organisation of the first role when the line tells it, ``raw`` the line
    itself. ``key`` is the same for the script and homophone variants of one
    name (see :func:`cnreport.same_speaker`).

    >>> from cnreport import segment
    >>> s = segment("林璟驊-騰訊公司副總裁、騰訊智慧零售負責人\\n在過去一段時間……")[0].speaker
    >>> (s.name, s.roles, s.org, s.key)
    ('林璟驊', ('騰訊公司副總裁', '騰訊智慧零售負責人'), '騰訊', '林:jing-hua')
    """

    name: str
    title: Optional[str] = None
    roles: tuple[str, ...] = ()
    org: Optional[str] = None
    raw: str = ""

    @property
    def key(self) -> str:
        """A canonical identity: the simplified surname and the toneless pinyin
        of the given name (``林:jing-hua``); for role labels, the label."""
        return _speaker_key(self.name)

    def to_dict(self) -> dict[str, object]:
        """A JSON-safe dict of the fields and the ``key``."""
        return {"name": self.name, "title": self.title, "roles": list(self.roles),
                "org": self.org, "raw": self.raw, "key": self.key}


@attrs.frozen
class Section:
    """A stretch of a report with one speaker (or none) and one kind.

    ``text == original[start:end]``; the sections of a text cover it whole,
    in order. ``heading`` is the section heading in force. ``kind`` is one of
    ``speech``, ``question``, ``answer``, ``narrative``, ``heading``,
    ``byline`` and ``boilerplate``. ``duplicate_of`` is the offset where an
    earlier copy of this very paragraph starts, so that its figures are not
    counted twice; ``byline`` holds the author named on a byline line.

    >>> from cnreport import segment
    >>> [(s.kind, s.speaker and s.speaker.name) for s in segment("问：收入多少？\\n林敬华：一亿元。")]
    [('question', '问'), ('answer', '林敬华')]
    """

    start: int
    end: int
    text: str
    kind: SectionKind
    speaker: Optional[Speaker] = None
    heading: Optional[str] = None
    duplicate_of: Optional[int] = None
    byline: Optional[str] = None

    def to_dict(self) -> dict[str, object]:
        """A JSON-safe dict; the speaker is nested as its own dict."""
        return {"start": self.start, "end": self.end, "kind": self.kind,
                "speaker": self.speaker.to_dict() if self.speaker else None,
                "heading": self.heading, "duplicate_of": self.duplicate_of,
                "byline": self.byline, "text": self.text}


@attrs.frozen
class Change:
    """A movement that a figure belongs to.

    ``direction`` is ``up`` or ``down`` as the verb says; ``start`` and
    ``end`` are the two figures of ``從A增長到B`` (``None`` when the figure
    is the size of the change, as in ``同比增長15%``); ``basis`` is what the
    change compares against (``同比``, ``環比``) when stated.

    >>> import cnreport
    >>> c = cnreport.parse("付費會員從4300萬增長到8200萬").metrics[0].change
    >>> (c.direction, c.start.value, c.end.value)
    ('up', 43000000, 82000000)
    """

    direction: Optional[str]  # up or down (Direction)
    start: Optional[NumberMention] = None
    end: Optional[NumberMention] = None
    basis: Optional[str] = None
    text: str = ""


@attrs.frozen
class Period:
    """A period: as written (``text``), and as data.

    ``start`` and ``end`` are its first and last day (the same day for an
    instant such as ``截至2019年3月底``), ``label`` its canonical name, and
    ``relative`` is true when it depends on a date the text did not give
    (``去年`` with no reference: label ``Y-1``, no dates). All three are
    ``None`` when the expression names no calendar period (``每年``).

    >>> from cnreport.periods import normalize_period
    >>> p = normalize_period("截至2019年3月底")
    >>> (p.label, p.start, p.end, p.instant)
    ('2019-03-31', datetime.date(2019, 3, 31), datetime.date(2019, 3, 31), True)
    >>> normalize_period("2023年上半年").label
    '2023H1'
    >>> normalize_period("去年").label, normalize_period("去年").relative
    ('Y-1', True)
    >>> normalize_period("去年", reference=datetime.date(2024, 3, 1)).label
    '2023'
    """

    text: str
    label: Optional[str] = None
    start: Optional[datetime.date] = None
    end: Optional[datetime.date] = None
    instant: bool = False
    relative: bool = False

    def to_dict(self) -> dict[str, object]:
        """A JSON-safe dict, dates as ISO strings."""
        return {"text": self.text, "label": self.label,
                "start": self.start.isoformat() if self.start else None,
                "end": self.end.isoformat() if self.end else None,
                "instant": self.instant, "relative": self.relative}


ReasonField = Literal["subject", "entity", "period", "change", "category"]


@attrs.frozen
class Reason:
    """Why a field of a metric has its value: the ``rule`` that set it
    (``clause``, ``anaphora``, ``topic``, ``document`` …) and the span of
    text it was read from (``None`` when no span of the text gave it, as for
    a caller's default).

    >>> import cnreport
    >>> m = cnreport.parse("騰訊公佈業績。公司去年營收為5,601億元。").metrics[0]
    >>> [(r.field, r.rule) for r in m.why if r.field == "entity"]
    [('entity', 'anaphora')]
    """

    field: ReasonField
    rule: str
    start: Optional[int] = None
    end: Optional[int] = None


@attrs.frozen
class Scale:
    """A scale declaration: the unit and magnitude that the bare figures in
    its scope are written in.

    ``factor`` multiplies a printed figure (``万元`` is 10000, ``RMB'000``
    1000); ``unit`` is the unit without the magnitude (``元``, ``股``, ``%``)
    and ``currency`` its ISO 4217 code when it is money. ``start``/``end``
    index the declaration in the text; ``where`` says what it governs: a
    ``line`` holds from where it stands until the next line declaration, a
    ``header`` its table column, a ``row`` its table row.

    >>> from cnreport.tables import find_scales
    >>> s = find_scales("单位：万元 币种：人民币")[0]
    >>> (s.text, s.factor, s.unit, s.currency, s.where)
    ('单位：万元 币种：人民币', 10000, '元', 'CNY', 'line')
    """

    text: str
    start: int
    end: int
    factor: int
    unit: Optional[str] = None
    currency: Optional[str] = None
    where: Literal["line", "header", "row"] = "line"


@attrs.frozen
class Cell:
    """One cell of a table as printed, with its place in the grid.

    ``text`` is the cell's visible text (markup left out, line breaks as
    ``\\n``); ``start``/``end`` index its content in the original text.
    ``value`` is the printed number read in accounting forms (``(1,234)`` is
    -1234), unscaled, ``None`` for a text cell; ``nil`` is true for ``-``,
    ``—`` and empty cells, which state no figure.
    """

    text: str
    start: int
    end: int
    row: int
    column: int
    rowspan: int = 1
    colspan: int = 1
    value: Optional[Number] = None
    nil: bool = False


@attrs.frozen
class Table:
    """A table found in a text: its cells in reading order, the number of
    header rows, and the scale declaration in force where it stands
    (``None`` when no declaration says what its figures are counted in).

    >>> from cnreport.tables import find_tables
    >>> t = find_tables("单位：万元\\n| 项目 | 2023年 |\\n|---|---|\\n| 营业收入 | 1,026.53 |\\n")[0]
    >>> (t.format, t.rows, t.columns, t.header_rows, t.scale.factor)
    ('markdown', 2, 2, 1, 10000)
    >>> t.cell(1, 1).value
    Decimal('1026.53')
    """

    format: str
    start: int
    end: int
    rows: int
    columns: int
    cells: tuple[Cell, ...] = ()
    header_rows: int = 0
    scale: Optional[Scale] = None
    page: Optional[int] = None

    def cell(self, row: int, column: int) -> Optional[Cell]:
        """The cell that covers grid position (``row``, ``column``), or ``None``."""
        for c in self.cells:
            if c.row <= row < c.row + c.rowspan and c.column <= column < c.column + c.colspan:
                return c
        return None

    def grid(self) -> list[list[str]]:
        """The visible text of every grid position, a spanned cell repeated
        over the positions it covers."""
        out = [[""] * self.columns for _ in range(self.rows)]
        for c in self.cells:
            for r in range(c.row, min(c.row + c.rowspan, self.rows)):
                for k in range(c.column, min(c.column + c.colspan, self.columns)):
                    out[r][k] = c.text
        return out


@attrs.frozen
class CellRef:
    """Where a table figure came from: the table (its index in
    ``Report.tables``), the grid position, the row label with the rows it
    belongs to (``其中：美元`` under ``货币资金``), the column header as printed,
    the printed cell, and the scale that was applied.

    ``scale`` is ``None`` when the figure needs none (a percentage, a ratio,
    a per-share amount, a figure with its own unit) or when none was
    declared; ``scale_known`` is false in the second case only, and then the
    value is the printed number and the unit is unknown.
    """

    table: int
    row: int
    column: int
    text: str
    row_label: Optional[str] = None
    parents: tuple[str, ...] = ()
    column_label: Optional[str] = None
    scale: Optional[Scale] = None
    scale_known: bool = True


@attrs.frozen
class Page:
    """One page of a PDF: its number (from 1) and the span of its text."""

    number: int
    start: int
    end: int


@attrs.frozen
class Metric:
    """One figure and what it measures.

    ``mention`` is the figure itself (value, unit, qualifier, span);
    ``subject`` what it counts or measures as written, ``category`` the
    normalised measure (``users``, ``revenue`` …), ``entity`` who it is
    about as written and ``entity_key`` the same entity's canonical key
    across scripts and aliases, ``period`` the time expression in scope
    and ``when`` that period as data (:class:`Period`), ``change`` the
    movement it belongs to; ``speaker`` and ``heading`` come from its
    section.

    >>> import cnreport
    >>> m = cnreport.parse("截至2019年3月底，騰訊視頻付費會員達到8900萬").metrics[0]
    >>> (m.subject, m.entity, m.period, m.mention.value, m.category)
    ('付費會員', '騰訊視頻', '截至2019年3月底', 89000000, 'members')
    """

    mention: NumberMention
    subject: Optional[str] = None
    category: Optional[str] = None
    entity: Optional[str] = None
    period: Optional[str] = None
    change: Optional[Change] = None
    speaker: Optional[Speaker] = None
    heading: Optional[str] = None
    sentence: str = ""
    source: Optional[str] = None
    when: Optional[Period] = None
    entity_key: Optional[str] = None
    cell: Optional[CellRef] = None
    page: Optional[int] = None
    why: tuple[Reason, ...] = ()

    def explain(self, text: Optional[str] = None) -> str:
        """Why each field has its value, one line a field: the rule that set
        it and, given the ``text`` the metric was read from, the words it was
        read from.

        >>> import cnreport
        >>> t = "騰訊公佈業績。公司去年營收為5,601億元。"
        >>> print(cnreport.parse(t).metrics[0].explain(t))
        subject  營收  (before: 營收)
        entity   騰訊  (anaphora: 騰訊)
        period   去年  (before: 去年)
        """
        lines = []
        for r in self.why:
            value = {"subject": self.subject, "entity": self.entity, "period": self.period,
                     "category": self.category,
                     "change": self.change.direction if self.change else None}[r.field]
            where = f": {text[r.start:r.end]}" if text is not None and r.start is not None and r.end is not None \
                else f" at {r.start}-{r.end}" if r.start is not None else ""
            lines.append(f"{r.field:<8} {value}  ({r.rule}{where})")
        return "\n".join(lines)

    def to_record(self) -> dict[str, object]:
        """One flat JSON-safe row: the figure's fields (exact values as
        strings, plus ``value_float``), then the context."""
        m, c, sp = self.mention, self.change, self.speaker
        return {
            "source": self.source, **m.to_dict(), "value_float": m.value_float,
            "subject": self.subject, "category": self.category, "entity": self.entity,
            "period": self.period, "entity_key": self.entity_key,
            "period_label": self.when.label if self.when else None,
            "period_start": self.when.start.isoformat() if self.when and self.when.start else None,
            "period_end": self.when.end.isoformat() if self.when and self.when.end else None,
            "change_direction": c.direction if c else None,
            "change_from": _exact_text(c.start.value) if c and c.start else None,
            "change_to": _exact_text(c.end.value) if c and c.end else None,
            "change_basis": c.basis if c else None,
            "speaker": sp.name if sp else None, "speaker_title": sp.title if sp else None,
            "speaker_org": sp.org if sp else None, "speaker_key": sp.key if sp else None,
            "heading": self.heading, "sentence": self.sentence, **_cell_record(self.cell),
            "page": self.page, "why": " ".join(f"{r.field}:{r.rule}" for r in self.why) or None,
        }


def _cell_record(ref: Optional[CellRef]) -> dict[str, object]:
    """The table columns of a record: empty for a figure of the prose."""
    if ref is None:
        return {"table": None, "row": None, "column": None, "row_label": None,
                "column_label": None, "printed": None, "scale": None}
    scale = ref.scale.text if ref.scale else (None if ref.scale_known else "unknown")
    return {"table": ref.table, "row": ref.row, "column": ref.column, "row_label": ref.row_label,
            "column_label": ref.column_label, "printed": ref.text, "scale": scale}


@attrs.frozen
class Report:
    """Everything read from one text: its sections, every number, and the
    metrics among them.

    >>> import cnreport
    >>> r = cnreport.parse("邱躍鵬-騰訊副總裁\\n騰訊全網服務器總量已經超過100萬臺", source="a.txt")
    >>> rec = r.to_records()[0]
    >>> (rec["subject"], rec["value"], rec["unit"], rec["qualifier"], rec["speaker"])
    ('服務器總量', '1000000', '臺', '>', '邱躍鵬')
    """

    sections: tuple[Section, ...] = ()
    numbers: tuple[NumberMention, ...] = ()
    metrics: tuple[Metric, ...] = ()
    source: Optional[str] = None
    tables: tuple[Table, ...] = ()
    scales: tuple[Scale, ...] = ()
    pages: tuple[Page, ...] = ()

    def to_records(self) -> list[dict[str, object]]:
        """One JSON-safe dict per metric (see :meth:`Metric.to_record`)."""
        return [m.to_record() for m in self.metrics]

    def to_jsonl(self) -> str:
        """The records as JSON Lines, UTF-8 text, one metric per line."""
        from .export import to_jsonl
        return to_jsonl(self.to_records())

    def to_csv(self, *, bom: bool = False) -> str:
        """The records as CSV text with a header row; ``bom=True`` starts it
        with a byte order mark so that spreadsheets read it as UTF-8."""
        from .export import to_csv
        return to_csv(self.to_records(), bom=bom)

    def to_frame(self) -> Any:
        """The records as a pandas DataFrame (pandas is imported here, and
        only here: install it with ``pip install 'cnreport[pandas]'``)."""
        from .export import to_frame
        return to_frame(self.to_records())
