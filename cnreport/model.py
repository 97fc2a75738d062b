"""The result types of cnreport.

Every result is an attrs frozen class: hashable, comparable, picklable, and
its ``start``/``end`` index the caller's original string (half-open, so
``text[m.start:m.end] == m.text``).
"""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Literal, Optional, Union

import attrs

__all__ = ["Kind", "NumberMention", "Number", "Qualifier", "Section", "SectionKind", "Speaker",
           "Value"]

Number = Union[int, Decimal, Fraction]
# Dates are ISO 8601 strings at the precision written: 2019-05-01, 2019-05,
# --05-21 (month and day), ---21 (day only).
Value = Union[int, Decimal, Fraction, str]
Qualifier = Literal[">", ">=", "<", "<=", "~"]
Kind = Literal["cardinal", "money", "percent", "fraction", "ordinal", "multiple",
               "year", "date", "duration"]

KINDS: tuple[str, ...] = ("cardinal", "money", "percent", "fraction", "ordinal", "multiple",
                          "year", "date", "duration")
QUALIFIERS: tuple[str, ...] = (">", ">=", "<", "<=", "~")
SectionKind = Literal["speech", "question", "answer", "narrative", "heading", "byline",
                      "boilerplate"]
SECTION_KINDS: tuple[str, ...] = ("speech", "question", "answer", "narrative", "heading", "byline",
                                  "boilerplate")


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
    kind: str
    unit: Optional[str] = None
    qualifier: Optional[str] = None
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
        from .speakers import speaker_key
        return speaker_key(self.name)

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
    kind: str
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
