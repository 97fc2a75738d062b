"""Dates and periods: 2019年3月底, 5月21日, 2023年1-9月, 3月1-10日, 113/07/15 (Republic
of China calendar), 2023/24财年, FY2023, 3Q23, 9点30分 as a time.
"""
from __future__ import annotations

import calendar
import re
from functools import lru_cache
from typing import Optional

import attrs

from ..lexicon.numerals import (
    DIGITS,
    FINANCIAL,
)
from ..model import NumberMention
from ..numerals import (
    Numeral,
    scan_numeral,
)
from .chars import _DATE_WORDS, _ISO_DATE, _ROC_OFFSET, _skip_space
from .draft import _Draft, _evolve
from .tables import _words

# FY2023: a fiscal year, though digits after Latin letters are a name (5G, T1).
_FISCAL_YEAR_MARKS = frozenset({"FY", "fy", "Fy"})
_FISCAL_YEAR = re.compile(r"(?:(?:19|20)[0-9]{2}|[0-9]{2})(?![0-9A-Za-z])")  # FY2023, FY24


def _fiscal_year(text: str, f: str, i: int) -> Optional[NumberMention]:
    """FY2023 (not NFY2023): the year, its mark as the unit."""
    if i < 2 or f[i - 1] not in "Yy" or f[i - 2:i] not in _FISCAL_YEAR_MARKS \
            or (i > 2 and f[i - 3].isascii() and f[i - 3].isalnum()):
        return None
    year = _FISCAL_YEAR.match(f, i)
    if year is None:
        return None
    value = int(year.group())
    return NumberMention(text=text[i - 2:year.end()], start=i - 2, end=year.end(),
                         value=value if value >= 100 else 2000 + value, kind="year", unit=text[i - 2:i])


# Broker notes: 3Q23, 1H24 (the quarter or half, then the year) and 24Q1
# (the year, then the quarter).
_PERIOD_MARKS = frozenset("QqHh")
_PERIOD_YEAR = re.compile(r"([1-4])([Qq])([0-9]{2})(?![0-9A-Za-z])|([12])([Hh])([0-9]{2})(?![0-9A-Za-z])")
_YEAR_PERIOD = re.compile(r"([0-9]{2})(?=[Qq][1-4](?![0-9A-Za-z])|[Hh][12](?![0-9A-Za-z]))")


def _broker_period(text: str, f: str, i: int) -> list[NumberMention]:
    """3Q23 → Q3 (ordinal, unit Q) and 2023; 24Q1 → 2024 (the Q1 after it is
    read as any quarter is). Two-digit years are of this century."""
    if i > 0 and f[i - 1].isascii() and f[i - 1].isalnum():
        return []
    m = _PERIOD_YEAR.match(f, i)
    if m is not None:
        g = 1 if m.group(1) else 4
        mark, year = m.start(g + 1), m.start(g + 2)
        return [NumberMention(text=text[i:year], start=i, end=year, value=int(m.group(g)), kind="ordinal",
                              unit=text[mark:year]),
                NumberMention(text=text[year:m.end()], start=year, end=m.end(), value=2000 + int(m.group(g + 2)),
                              kind="year")]
    m = _YEAR_PERIOD.match(f, i)
    if m is not None:
        return [NumberMention(text=text[i:m.end()], start=i, end=m.end(), value=2000 + int(m.group(1)),
                              kind="year")]
    return []


# Broker notes: 2025E (a forecast year), 2023A (an actual one), as in their tables' headers.
_ESTIMATE_MARKS = frozenset("AEe")
_ESTIMATE_YEAR = re.compile(r"(?:19|20)[0-9]{2}([AEe])(?![0-9A-Za-z])")


def _estimate_year(text: str, f: str, i: int) -> Optional[NumberMention]:
    """2025E, 2023A: the year, its mark as the unit (not 12024E, A2025E)."""
    if i > 0 and f[i - 1].isascii() and f[i - 1].isalnum():
        return None
    m = _ESTIMATE_YEAR.match(f, i)
    if m is None:
        return None
    return NumberMention(text=text[i:m.end()], start=i, end=m.end(), value=int(f[i:i + 4]), kind="year",
                         unit=text[m.start(1):m.end()])


_ROC_YEAR_NEXT = frozenset("月度第1234567890一二三四五六七八九十上下前全")
_ROC_DATE = re.compile(r"(1[0-2][0-9])/(1[0-2]|0?[1-9])/(3[01]|[12][0-9]|0?[1-9])(?![0-9/])")


def _roc_date(f: str, i: int) -> Optional[_Draft]:
    """113/07/15: a date of the Republic of China calendar (year 1 is 1912),
    as Taiwanese filings write it."""
    m = _ROC_DATE.match(f, i)
    if m is None:
        return None
    y, mo, da = int(m.group(1)) + _ROC_OFFSET, int(m.group(2)), int(m.group(3))
    if da > calendar.monthrange(y, mo)[1]:
        return None
    return _Draft(i, m.end(), i, m.end(), f"{y:04d}-{mo:02d}-{da:02d}", kind="date", fixed=True)


@lru_cache(maxsize=1)
def _split_year_pattern() -> re.Pattern[str]:
    ends = "|".join(re.escape(w) for w in sorted(_words("fiscal_year"), key=len, reverse=True))
    return re.compile(rf"((?:19|20)[0-9]{{2}})[/-]([0-9]{{2}}|(?:19|20)[0-9]{{2}})({ends})")


def _split_year(f: str, i: int) -> Optional[_Draft]:
    """2023/24财年, 2023-2024财年: a fiscal year across two calendar years."""
    m = _split_year_pattern().match(f, i)
    if m is None:
        return None
    first, second = int(m.group(1)), int(m.group(2))
    if second < 100:
        second += first - first % 100
    if second != first + 1:
        return None
    return _Draft(i, m.end(), i, m.start(3), None, kind="year", low=first, high=second,
                  unit=(m.start(3), m.end()), fixed=True)


def _clock_hour(f: str, i: int, num: Numeral) -> Optional[Numeral]:
    """9点30分, 九点三十分: a time of day, not 9.3; the hour is read alone."""
    dot = f.find("点", i, num.end)
    if dot <= i:
        return num
    minute = scan_numeral(f, dot + 1)
    if minute is None or not f.startswith("分", minute.end) or f.startswith("分之", minute.end) \
            or not minute.exact or minute.decimal or not 0 <= minute.lo < 60:
        return num
    hour = scan_numeral(f[i:dot], 0)
    if hour is None or not hour.exact or hour.decimal or not 0 <= hour.lo <= 24:
        return num
    return attrs.evolve(hour, start=i, end=i + hour.end)


def _read_date(f: str, i: int, num: Numeral) -> Optional[_Draft]:
    """Years, months and days: 2019年3月底, 5月21日, 21日, 2018年10月份, 3月1-10日."""
    iso = _iso_date(f, i, num)
    if iso is not None:
        return iso
    if not num.exact or num.decimal or num.has_magnitude:
        return None
    if f[num.end:num.end + 1] not in _DATE_WORDS and f[_spaced(f, num):_spaced(f, num) + 1] not in _DATE_WORDS:
        return None  # nothing after the numeral makes it a date
    v = int(num.lo)
    k = num.end
    if f[k:k + 1] in ("日", "月") and f.endswith(_words("in_a_row"), 0, i):
        # 外資連3日買超, 连续3月增长: for three days or months in a row, not the 3rd or March
        return _Draft(i, k + 1, i, k, v, kind="duration", unit=(k, k + 1), fixed=True)
    y = _skip_space(f, k) if num.arabic else k  # 2012 年
    if f.startswith("财年", y) and (num.digit_string or num.arabic) and _year_digits(f, i, k) == 4:
        return _Draft(i, y + 2, i, num.end, v, kind="year", unit=(y, y + 2), fixed=True)  # 2023财年
    year = _year_written(f, i, num, y)
    if year is not None:
        return _after_year(f, i, num, year, y + 1)
    return _month_and_day(f, i, num, None)


def _iso_date(f: str, i: int, num: Numeral) -> Optional[_Draft]:
    """2019-03-01, 2019/3/1, 2019.03.01: a whole date in digits."""
    m = _ISO_DATE.match(f, i) if num.arabic and f[i + 4:i + 5] in ("-", "/", ".") else None
    if m is None:
        return None
    y, mo, da = int(m.group(1)), int(m.group(3)), int(m.group(4))
    if da > calendar.monthrange(y, mo)[1]:
        return None
    return _Draft(i, m.end(), i, m.end(), f"{y:04d}-{mo:02d}-{da:02d}", kind="date", fixed=True)


def _year_written(f: str, i: int, num: Numeral, y: int) -> Optional[int]:
    """The year when ``num`` is one, 年 standing at ``y``: four digits
    (2019年, 二〇一九年), or three of the Republic of China calendar, whose
    year 1 is 1912, before what Taiwanese filings write after one (112年11月,
    112年度)."""
    if not f.startswith("年", y):
        return None
    v = int(num.lo)
    if num.arabic and num.end - i == 3 and 100 <= v <= 130 and f[y + 1:y + 2] in _ROC_YEAR_NEXT \
            and (i == 0 or not f[i - 1].isdigit()):
        return v + _ROC_OFFSET
    if (num.digit_string or num.arabic) and _year_digits(f, i, num.end) == 4:
        return v
    return None


def _after_year(f: str, i: int, num: Numeral, year: int, k: int) -> _Draft:
    """What a year (年 ending at ``k``) opens: a decade (1960年代), months
    (2023年1-9月), its end (2019年底), a month and day, or the year alone."""
    if f.startswith("代", k):  # 1960年代: the decade, written as its first year
        return _Draft(i, k + 1, i, num.end, year, kind="year", unit=(k - 1, k + 1), fixed=True)
    month_num = scan_numeral(f, _skip_space(f, k) if num.arabic else k)
    months = _month_range(f, month_num, year) if month_num is not None else None
    if months is not None:
        return _evolve(months, start=i, core_start=i)  # 2023年1-9月
    if month_num is None or not f.startswith("月", _spaced(f, month_num)) or not 1 <= month_num.lo <= 12 \
            or not month_num.exact:
        if f.startswith(("底", "末"), k):
            return _Draft(i, k + 1, i, k + 1, f"{year:04d}-12-31", kind="date", fixed=True)
        return _Draft(i, k, i, num.end, year, kind="year", unit=(k - 1, k), fixed=True)
    date = _month_and_day(f, i, month_num, year)
    assert date is not None  # (a month from 1 to 12 before 月 is always read)
    return date


def _month_and_day(f: str, i: int, num: Numeral, year: Optional[int]) -> Optional[_Draft]:
    """A month (``num`` before 月) of ``year`` and the day, days or end of
    it after (5月21日, 3月1-10日, 3月底, 10月份); or a day alone (21日)."""
    v = int(num.lo)
    k = _spaced(f, num) if f.startswith("月", _spaced(f, num)) else num.end  # 4 月
    if not f.startswith("月", k) or not 1 <= v <= 12:
        # a day alone (21日), but not 日本, 日元
        if year is None and f.startswith("日", k) and 1 <= v <= 31 \
                and (num.arabic or num.chinese > 1 or v < 10) and not f.startswith(_words("not_day"), k):
            return _Draft(i, k + 1, i, k, f"---{v:02d}", kind="date", fixed=True)
        return None
    k += 1
    prefix = f"{year:04d}-{v:02d}-" if year is not None else f"--{v:02d}-"
    days = _days(f, i, num, k, prefix)
    if days is not None:
        return days
    if f.startswith("底", k) or f.startswith("末", k):
        last = calendar.monthrange(year if year is not None else 2001, v)[1]
        return _Draft(i, k + 1, i, k, f"{prefix}{last:02d}", kind="date", fixed=True)
    end = k + 1 if f.startswith("份", k) else k
    if year is None and not num.arabic and num.chinese == 1 and num.only_digit in FINANCIAL:
        return None
    return _Draft(i, end, i, k, prefix[:-1], kind="date", fixed=True)


def _days(f: str, i: int, num: Numeral, k: int, month: str) -> Optional[_Draft]:
    """The day or days after a month (``month`` an ISO prefix, 月 ending at
    ``k``): 5日, 5号, 3月5日至11日 (the month written once), 3月1-10日."""
    day_num = scan_numeral(f, _skip_space(f, k) if num.arabic else k)
    if day_num is None or not day_num.exact or day_num.decimal:
        return None
    day = int(day_num.lo)
    after = _spaced(f, day_num) if f.startswith(("日", "号"), _spaced(f, day_num)) else day_num.end
    if 1 <= day <= 31 and f.startswith(("日", "号"), after):
        return _day_range(f, i, after + 1, month, day) \
            or _Draft(i, after + 1, i, after, f"{month}{day:02d}", kind="date", fixed=True)
    return _day_range(f, i, after, month, day)


def _day_range(f: str, i: int, k: int, month: str, day: int) -> Optional[_Draft]:
    """The days from ``day`` to the one after the connector at ``k`` and
    before 日 or 号, in ``month`` (an ISO prefix: ``--03-``, ``2024-03-``)."""
    conn = next((c for c in ("-", "~", "到", "至", "—") if f.startswith(c, k)), None)
    if conn is None:
        return None
    day2 = scan_numeral(f, k + len(conn))
    if day2 is None or not day2.exact or day2.decimal or not day < day2.lo <= 31 \
            or not f.startswith(("日", "号"), day2.end):
        return None
    return _Draft(i, day2.end + 1, i, day2.end, None, kind="date", low=f"{month}{day:02d}",
                  high=f"{month}{int(day2.lo):02d}", fixed=True)


def _month_range(f: str, first: Numeral, year: int) -> Optional[_Draft]:
    """1-9月 after a year (2023年1-9月, 2023年1至9月份): the months of that year."""
    if not first.exact or first.decimal or not 1 <= first.lo <= 12:
        return None
    for conn in ("-", "~", "—", "至", "到"):
        if f.startswith(conn, first.end):
            last = scan_numeral(f, first.end + len(conn))
            if last is None or not last.exact or last.decimal or not first.lo < last.lo <= 12 \
                    or not f.startswith("月", last.end):
                return None
            end = last.end + 2 if f.startswith("份", last.end + 1) else last.end + 1
            return _Draft(first.start, end, first.start, last.end, None, kind="date", fixed=True,
                          low=f"{year:04d}-{int(first.lo):02d}", high=f"{year:04d}-{int(last.lo):02d}")
    return None


def _year_range(d: _Draft) -> bool:
    return d.value is None and isinstance(d.low, int) and isinstance(d.high, int) \
        and 1900 <= d.low < d.high <= 2099 and d.numeral is not None and d.numeral.arabic


def _spaced(f: str, num: Numeral) -> int:
    """Where the word after an Arabic numeral starts, past one space
    (2018 年 4 月 1 日); right after a Chinese one."""
    return _skip_space(f, num.end) if num.arabic else num.end


def _year_digits(f: str, i: int, k: int) -> int:
    return sum(1 for c in f[i:k] if c.isdigit() or c in DIGITS)


def _first_periods(f: str, d: _Draft) -> Optional[_Draft]:
    """前八月, 前三季度: the first months or quarters of a year, a duration
    (as 前10个月 is), not the month of August or the third quarter. 前 stays
    out of the surface, as in the other durations."""
    if d.kind == "date" and isinstance(d.value, str) and d.value.startswith("--") and len(d.value) == 4 \
            and f[d.end - 1] == "月":
        return _evolve(d, value=int(d.value[2:]), unit=(d.end - 1, d.end), kind="duration")
    if d.kind == "ordinal" and d.unit is not None and f[d.unit[0]:d.unit[1]] == "季度":
        return _evolve(d, kind="duration")
    return None
