"""Periods as data: a time expression as written, normalised to dates and a label.

``normalize_period("2022年前三季度")`` reads the expression with the number
finder (years, dates, quarters, durations) and the words of
``lexicon/period_words.tsv`` (今年, 上半年, 截至, 过去), and returns a
:class:`Period` a program can sort and join on: its first and last day and a
canonical label (``2023``, ``2023Q3``, ``2023H1``, ``FY2024``, ``2023-05``,
``2019-03-31``; a range as ``2023Q1/2023Q3``). An instant (``截至2019年3月底``)
has the same first and last day.

Words that point at the time of writing (今年, 去年, 目前, 过去一年) are
resolved against ``reference``, the document's date, when it is known;
otherwise the period is ``relative`` and its label says what it is relative
to (``Y-1`` for 去年, ``Y+0H1`` for 今年上半年, ``now``, ``P1Y`` for 过去一年).
A month or quarter written without its year takes ``year``, the year in
context, when given.
"""
from __future__ import annotations

import calendar
import datetime
from functools import lru_cache
from typing import Optional

import attrs
import regex

from .lexicon import loaders
from .model import NumberMention, Period
from .normalize import fold

__all__ = ["Period", "normalize_period"]

Date = datetime.date


@attrs.define
class _Parts:
    """What an expression says, part by part, before it is resolved."""

    year: Optional[int] = None        # an absolute year
    year_offset: Optional[int] = None  # a year relative to the reference (去年: -1)
    year_context: Optional[int] = None  # relative to the year in context (当年 0, 次年 1)
    last_year: Optional[int] = None   # the end of a range of years (2021年至2023年)
    fiscal: bool = False
    estimate: str = ""                # 2025E (a forecast), 2020A (actual)
    half: Optional[int] = None
    quarter: Optional[int] = None
    first_quarters: Optional[int] = None  # 前三季度: quarters one to three
    month: Optional[int] = None
    month_offset: Optional[int] = None
    last_month: Optional[int] = None  # 1-10月, 前10个月 (with first_months)
    day: Optional[int] = None
    point: Optional[str] = None       # start or end of what it follows
    now: bool = False
    report: Optional[str] = None      # span or end
    until: bool = False
    since: bool = False
    past: Optional[tuple[int, str]] = None  # 过去一年: (1, 年)
    rate: bool = False
    same: bool = False
    whole: bool = False
    first: bool = False               # 前 or 首 before a duration
    bound: bool = False               # 2030年前, 半年后: counted from the time, not the time
    year_end: Optional[tuple[int, int]] = None  # 截至3月31日止年度: a fiscal year ends on (month, day)


def normalize_period(text: str, *, reference: Optional[Date] = None, year: Optional[int] = None) -> Period:
    """The period that ``text`` states (see the module's docstring).

    ``reference`` is the date of writing (for 今年, 去年, 目前, 过去一年);
    ``year`` the year in context, for a month or quarter written alone
    (``5月``, ``三季度``) and for 当年. Never raises for a ``str``.

    >>> [normalize_period(t).label for t in ("2023年第三季度", "2022年前三季度", "FY24", "2021年至2023年")]
    ['2023Q3', '2022Q1/2022Q3', 'FY2024', '2021/2023']
    >>> normalize_period("5月", year=2023).label
    '2023-05'
    >>> p = normalize_period("过去一年", reference=datetime.date(2019, 5, 21))
    >>> (p.start, p.end)
    (datetime.date(2018, 5, 22), datetime.date(2019, 5, 21))
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize_period() takes a str, not {type(text).__name__}")
    if reference is not None and not isinstance(reference, Date):
        raise TypeError("reference must be a datetime.date or None")
    if year is not None and not isinstance(year, int):
        raise TypeError("year must be an int or None")
    return _normalized(text, reference, year)


@lru_cache(maxsize=4096)
def _normalized(text: str, reference: Optional[Date], year: Optional[int]) -> Period:
    """:func:`normalize_period`, remembered: a report names few periods, many times."""
    parts = _read(text)
    if parts is None:
        return Period(text)
    return _resolve(text, parts, reference, year)


# -- reading

def _read(text: str) -> Optional[_Parts]:
    """The parts of ``text``, or None when a part is not a period's."""
    from .numbers import find_numbers  # (the number finder imports nothing of this module)

    f = fold(text)
    mentions = {m.start: m for m in find_numbers(text)}
    parts = _Parts()
    k = 0
    seen_time = False
    while k < len(f):
        estimate = _ESTIMATE.match(f, k)
        if estimate is not None:  # 2025E, 2020A: the analysts' years
            parts.year, parts.estimate = int(estimate.group(1)), estimate.group(2).upper()
            seen_time = True
            k = estimate.end()
            continue
        m = mentions.get(k)
        if m is not None:
            if not _take_mention(parts, m, f, seen_time):
                return None
            seen_time = True
            k = m.end
            continue
        word = _word_at(f, k)
        if word is not None:
            _take_word(parts, word, seen_time)
            if seen_time and _words_table()[word][0] == "first" and not f[k + len(word):].strip():
                parts.bound = True  # (2030年前: before it, not its first months)
            seen_time = seen_time or _words_table()[word][0] not in ("until", "since", "past", "first")
            k += len(word)
            continue
        k += 1  # 的, 在, spaces and other glue
    return parts


def _take_mention(parts: _Parts, m: NumberMention, f: str, seen_time: bool) -> bool:
    """Fold one time mention into ``parts``; False when it is no period's part."""
    if m.kind == "year":
        return _take_year(parts, m, seen_time)
    if m.kind == "date":
        return _take_date(parts, m)
    if m.kind == "ordinal" and m.unit in _units().quarter and isinstance(m.value, int) and 1 <= m.value <= 4:
        parts.quarter = m.value
        return True
    if m.kind == "ordinal" and m.unit in _units().half and isinstance(m.value, int) and 1 <= m.value <= 2:
        parts.half = m.value
        return True
    if m.kind == "duration":
        return _take_duration(parts, m)
    return False


def _take_year(parts: _Parts, m: NumberMention, seen_time: bool) -> bool:
    if m.value is None and isinstance(m.low, int) and isinstance(m.high, int):
        parts.year, parts.last_year = m.low, m.high  # 2024-2026年, 2023/24财年
        parts.fiscal = parts.fiscal or _fiscal(m)
        return True
    if not isinstance(m.value, int):
        return False
    if parts.year is not None and seen_time and parts.last_year is None:
        parts.last_year = m.value  # 2021年至2023年
    else:
        parts.year = m.value
    parts.fiscal = parts.fiscal or _fiscal(m)
    return True


def _fiscal(m: NumberMention) -> bool:
    return fold(m.unit or "").lower() in _units().fiscal


def _take_date(parts: _Parts, m: NumberMention) -> bool:
    """A date at the precision written: 2019-03-31, 2019-05, --05-21, --05,
    or a range of months (2023年1-10月)."""
    if m.value is None:
        lo, hi = _iso_parts(m.low), _iso_parts(m.high)
        if lo is None or hi is None or lo[2] is not None or hi[2] is not None:
            return False
        parts.year = lo[0] if lo[0] is not None else parts.year
        parts.month, parts.last_month = lo[1], hi[1]
        return lo[1] is not None and hi[1] is not None
    found = _iso_parts(m.value)
    if found is None:
        return False
    y, mo, d = found
    if y is not None:
        parts.year = y
    parts.month, parts.day = mo, d
    if d is not None and mo is not None and m.text.endswith(_units().point_end):
        parts.point = "end"
    return mo is not None


def _iso_parts(value: object) -> Optional[tuple[Optional[int], Optional[int], Optional[int]]]:
    """(year, month, day) of an ISO date string at any precision."""
    if not isinstance(value, str):
        return None
    pieces = value.lstrip("-").split("-") if value.startswith("--") else value.split("-")
    try:
        if value.startswith("---"):
            return None, None, int(pieces[0])
        if value.startswith("--"):
            return None, int(pieces[0]), int(pieces[1]) if len(pieces) > 1 else None
        nums = [int(p) for p in pieces]
    except ValueError:
        return None
    return nums[0], nums[1] if len(nums) > 1 else None, nums[2] if len(nums) > 2 else None


def _take_duration(parts: _Parts, m: NumberMention) -> bool:
    """前三季度, 首8个月 (the first of the year, to date); 过去一年, 近三年 (a
    window back from now)."""
    n = m.value if m.value is not None else m.high
    unit = fold(m.unit or "")
    units = _units()
    if not isinstance(n, int) or unit not in units.duration:
        return False
    if parts.first and unit in units.quarter:
        parts.first_quarters = n
        return True
    if parts.first and units.duration[unit] == ("M", 1):
        parts.month, parts.last_month = 1, n
        return True
    if parts.until and parts.month is not None and units.duration[unit] == ("M", 1) and 1 <= n <= parts.month:
        # 截至2024年6月30日止六个月: the months that end at the date
        _months(parts, parts.month - n + 1, parts.month)
        return True
    if parts.past is not None or fold(m.text).startswith(units.past):
        parts.past = (n, unit)
        return True
    return False  # 两年, 三年前: a length of time, not a calendar period


def _months(parts: _Parts, first: int, last: int) -> None:
    """Make ``parts`` the months ``first`` to ``last`` of its year, as a half,
    a quarter or the first quarters where they are one."""
    parts.until, parts.point, parts.day, parts.month = False, None, None, None
    if (first, last) in ((1, 6), (7, 12)):
        parts.half = last // 6
    elif last % 3 == 0 and last - first == 2:
        parts.quarter = last // 3
    elif first == 1 and last % 3 == 0 and last < 12:
        parts.first_quarters = last // 3
    elif (first, last) != (1, 12):
        parts.month, parts.last_month = first, last


def _take_word(parts: _Parts, word: str, seen_time: bool) -> None:
    role, value = _words_table()[word]
    if role == "year":
        if value == "ctx":
            parts.year_context = 0
        elif value == "ctx+1":
            parts.year_context = 1
        else:
            parts.year_offset = int(value)
    elif role == "half":
        parts.half = int(value)
    elif role == "quarter":
        parts.quarter = int(value)
    elif role == "quarters":
        parts.first_quarters = int(value)
    elif role == "month":
        parts.month_offset = int(value)
    elif role == "point":
        parts.point = value
    elif role == "until":
        parts.until = parts.until or not seen_time  # (2021年至2023年: a range, not "until")
    elif role == "year_to":
        _year_to(parts)
    elif role in ("now", "report", "since", "past", "rate", "same", "whole", "first", "bound"):
        _take_flag(parts, role, value)


def _year_to(parts: _Parts) -> None:
    """截至2024年12月31日止年度: the year that ends on the date, a calendar
    year when the date is 31 December, else a fiscal year with its own end."""
    if not (parts.until and parts.month is not None and parts.day is not None):
        return  # (止年度 after no date of its own: the text's year words decide)
    if (parts.month, parts.day) == (12, 31):
        _months(parts, 1, 12)
        return
    parts.year_end = (parts.month, parts.day)
    parts.fiscal = True
    parts.until, parts.point, parts.day, parts.month = False, None, None, None


def _take_flag(parts: _Parts, role: str, value: str) -> None:
    if role == "now":
        parts.now = True
    elif role == "report":
        parts.report = value
    elif role == "since":
        parts.since = True
    elif role == "past":
        parts.past = parts.past or (0, "")
    elif role == "rate":
        parts.rate = True
    elif role == "same":
        parts.same = True
    elif role == "whole":
        parts.whole = True
    elif role == "first":
        parts.first = True
    elif role == "bound":
        parts.bound = True


# -- resolving

def _resolve(text: str, p: _Parts, reference: Optional[Date], context: Optional[int]) -> Period:
    if p.rate or (p.bound and p.point is None) or not _says_anything(p):
        # (2030年底前: by the year's end, the point itself; 2030年前: no year of its own)
        return Period(text)
    if p.past is not None and p.past[0] and p.year is None:
        return _window(text, p.past, reference)
    if p.now or (p.report is None and p.until and p.year is None and p.year_offset is None
                 and p.month is None and p.point is None):  # (截至年底 is the year's end, not now)
        if reference is None:
            return Period(text, label="now", instant=True, relative=True)
        return Period(text, label=reference.isoformat(), start=reference, end=reference, instant=True)
    if p.report is not None:
        return Period(text, label="report" if p.report == "span" else "report-end",
                      instant=p.report == "end", relative=True)
    year, relative_label = _year(p, reference, context)
    if year is None and relative_label is None:
        return Period(text)
    instant = p.point is not None or p.until
    if year is None:
        assert relative_label is not None
        if relative_label.startswith("Y") and _span(p, 2000)[0] is None and not p.fiscal:
            return Period(text)  # 2月30日: no such day in any year
        return Period(text, label=_label(p, relative_label, instant), instant=instant, relative=True)
    return _dated(text, p, year, instant, reference)


def _says_anything(p: _Parts) -> bool:
    """Whether the parts name any time at all (not 期内 of an unknown report)."""
    return any(v is not None and v is not False and v != "" for v in attrs.astuple(p, recurse=False))


def _year(p: _Parts, reference: Optional[Date], context: Optional[int]) -> tuple[Optional[int], Optional[str]]:
    """The absolute year, or the label of a relative one."""
    if p.year is not None:
        return p.year, None
    if p.year_context is not None and context is not None:
        return context + p.year_context, None
    offset = p.year_offset
    if offset is None and p.same:
        offset = -1  # 同期: the same period a year before
    if offset is None and p.month_offset is not None:
        if reference is None:
            return None, f"M{p.month_offset:+d}"
        month = reference.month + p.month_offset
        return reference.year + (month - 1) // 12, None
    if offset is None:
        if context is not None:
            return context, None
        if reference is not None and (p.month or p.quarter or p.half or p.first_quarters or p.whole or p.point):
            return reference.year, None
        if p.month or p.quarter or p.half or p.first_quarters or p.whole or p.point:
            return None, "Y+0"
        return None, None
    if reference is None:
        return None, f"Y{offset:+d}"
    return reference.year + offset, None


def _dated(text: str, p: _Parts, year: int, instant: bool, reference: Optional[Date]) -> Period:
    if p.month_offset is not None and p.month is None and reference is not None:
        month = (reference.month + p.month_offset - 1) % 12 + 1
        p.month = month
    first, last, label = _span(p, year)
    if first is None or last is None:
        return Period(text, label=label or None)
    if p.point == "start" and not (p.month and p.day):
        return Period(text, label=first.isoformat(), start=first, end=first, instant=True)
    if instant:
        return Period(text, label=last.isoformat(), start=last, end=last, instant=True)
    if p.since:
        end = reference if reference is not None else None
        return Period(text, label=f"{label}/" + (end.isoformat() if end else "now"), start=first, end=end,
                      relative=end is None)
    return Period(text, label=label, start=first, end=last)


def _span(p: _Parts, year: int) -> tuple[Optional[Date], Optional[Date], str]:
    """First day, last day and label of the period of ``year`` that ``p``
    names; no dates for a fiscal year, which need not run with the calendar,
    unless the text says the day it ends on."""
    label = _label(p, str(year), False)
    if p.fiscal and p.year_end is not None and not (p.quarter or p.half):
        try:
            end = Date(year, *p.year_end)
        except ValueError:  # 2月29日 of a year without one
            return None, None, ""
        return _shifted(end, years=-1) + datetime.timedelta(days=1), end, label
    if p.fiscal:
        return None, None, label
    try:
        if p.last_year is not None and p.last_year > year:
            return Date(year, 1, 1), Date(p.last_year, 12, 31), label
        if p.first_quarters:
            return Date(year, 1, 1), _month_end(year, 3 * p.first_quarters), label
        if p.quarter:
            return Date(year, 3 * p.quarter - 2, 1), _month_end(year, 3 * p.quarter), label
        if p.half:
            return Date(year, 6 * p.half - 5, 1), _month_end(year, 6 * p.half), label
        if p.month and p.last_month:
            return Date(year, p.month, 1), _month_end(year, p.last_month), label
        if p.month and p.day:
            day = Date(year, p.month, p.day)
            return day, day, label
        if p.month:
            return Date(year, p.month, 1), _month_end(year, p.month), label
        return Date(year, 1, 1), Date(year, 12, 31), label
    except ValueError:  # 2月30日: no such day
        return None, None, ""


def _label(p: _Parts, y: str, instant: bool) -> str:
    """The label of the period of year ``y`` (a year, or a relative year
    such as ``Y-1``) that ``p`` names."""
    if p.fiscal:
        if p.year is not None and p.last_year == p.year + 1:
            return f"FY{y}/{p.last_year % 100:02d}"  # 2023/24财年: one fiscal year
        return f"FY{y}" + (f"Q{p.quarter}" if p.quarter else f"H{p.half}" if p.half else "")
    if p.last_year is not None and p.year is not None and p.last_year > p.year:
        return f"{y}/{p.last_year}"
    if p.first_quarters:
        return f"{y}Q1/{y}Q{p.first_quarters}"
    if p.quarter:
        return f"{y}Q{p.quarter}"
    if p.half:
        return f"{y}H{p.half}"
    if p.month and p.last_month:
        return f"{y}-{p.month:02d}/{y}-{p.last_month:02d}"
    if p.month:
        return f"{y}-{p.month:02d}" + (f"-{p.day:02d}" if p.day else "")
    if p.point and instant:
        return f"{y}-{p.point}"
    return y + p.estimate


def _month_end(year: int, month: int) -> Date:
    return Date(year, month, calendar.monthrange(year, month)[1])


def _window(text: str, past: tuple[int, str], reference: Optional[Date]) -> Period:
    """过去一年, 近三年, 过去12个月: the window back from the time of writing."""
    n, unit = past
    code, times = _units().duration[unit]
    if reference is None:
        return Period(text, label=f"P{n}{code}", relative=True)
    if code == "Y":
        start = _shifted(reference, years=-n * times)
    elif code == "M":
        start = _shifted(reference, months=-n * times)
    else:
        start = reference - datetime.timedelta(days=n * times)
    start += datetime.timedelta(days=1)
    return Period(text, label=f"{start.isoformat()}/{reference.isoformat()}", start=start, end=reference)


def _shifted(d: Date, *, years: int = 0, months: int = 0) -> Date:
    total = d.year * 12 + d.month - 1 + years * 12 + months
    y, m = divmod(total, 12)
    return Date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


_ESTIMATE = regex.compile(r"((?:19|20)[0-9]{2})([AEae])(?![A-Za-z])")


@attrs.frozen
class _Units:
    """``lexicon/period_units.tsv`` by role."""

    duration: dict[str, tuple[str, int]]  # unit → (ISO designator, how many of it): 季度 → (M, 3)
    quarter: frozenset[str]
    half: frozenset[str]
    fiscal: frozenset[str]
    point_end: tuple[str, ...]
    past: tuple[str, ...]


@lru_cache(maxsize=1)
def _units() -> _Units:
    rows = loaders.period_units()

    def words(role: str) -> tuple[str, ...]:
        return tuple(r.word for r in rows if r.role == role)
    return _Units(duration={r.word: (r.value[0], int(r.value[1:])) for r in rows if r.role == "duration"},
                  quarter=frozenset(words("quarter")), half=frozenset(words("half")),
                  fiscal=frozenset(words("fiscal")), point_end=words("point_end"), past=words("past"))


@lru_cache(maxsize=1)
def _words_table() -> dict[str, tuple[str, str]]:
    return {r.word: (r.role, r.value) for r in loaders.period_words()}


@lru_cache(maxsize=1)
def _by_first() -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for w in sorted(_words_table(), key=len, reverse=True):
        found.setdefault(w[0], []).append(w)
    return {c: tuple(ws) for c, ws in found.items()}


def _word_at(f: str, k: int) -> Optional[str]:
    return next((w for w in _by_first().get(f[k], ()) if f.startswith(w, k)), None)

