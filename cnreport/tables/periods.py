"""The period a column header names: ``2023年``, ``2023年12月31日``, ``本报告期``,
``上年同期``, ``年初至报告期末``, ``二零一六年``, ``2020A``/``2025E``, a year of
the Republic of China calendar (``民國113年度``, ``113年12月31日``), and a period
named by the day it ends (``截至六月三十日止六個月`` over ``二零二四年``).

This is the one place that reads a header's period; the words are in
``lexicon/report_periods.tsv``, dates and years are read here.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

import regex

from ..lexicon.loaders import report_periods
from ..normalize import fold
from .words import either

__all__ = ["column_period", "header_period"]

_CN_DIGIT = "〇零○一二三四五六七八九"


@lru_cache(maxsize=1)
def _pattern() -> regex.Pattern[str]:
    dates = (
        # 2023年12月31日, 2023年1-6月, 2023年度, 2023年上半年, 2023年第三季度
        r"(?:19|20)\d{2}\s*年\s*(?:\d{1,2}\s*[-—–~至到]\s*)?\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?"
        rf"|(?:19|20)\d{{2}}\s*年\s*(?:{either('year_part')}|第?[一二三四1-4]季度)?"
        rf"|[{_CN_DIGIT}]{{4}}\s*年(?:\s*[{_CN_DIGIT}十]{{1,3}}\s*月(?:\s*[{_CN_DIGIT}十]{{1,3}}\s*日)?)?"
        r"|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}"
        r"|(?<![\d.,])(?:19|20)\d{2}\s*[AEFPQHaefp](?![a-zA-Z])"
        r"|\bFY\s*(?:19|20)?\d{2}\b"
        r"|(?<![\d.,])(?:19|20)\d{2}(?![\d.,%])"
        rf"|{_roc()}"
    )
    return regex.compile(rf"{dates}|" + "|".join(regex.escape(w) for w in report_periods()))


def _roc_year() -> str:
    """A year of the Republic of China calendar (1912 is its year 1): three
    digits from 100 (2011) before 年, or after 民國 two or three."""
    return rf"(?:(?:{either('era')})\s*\d{{2,3}}|(?<![\d.,])1[0-4]\d)(?=\s*年)"


def _roc() -> str:
    return (rf"{_roc_year()}\s*年(?:\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*日)?"
            rf"|\s*(?:{either('year_part')}))?")


@lru_cache(maxsize=1)
def _range() -> regex.Pattern[str]:
    """From the first day of a month to a day of a later one, as Taiwan's
    statements head their columns (113年1月1日至6月30日)."""
    year = rf"(?:(?<![\d.,])(?:19|20)\d{{2}}|{_roc_year()})"
    return regex.compile(
        rf"(?P<y>{year})\s*年\s*(?P<m1>\d{{1,2}})\s*月\s*0?1\s*日\s*(?:至|[-—–~])\s*"
        rf"(?:(?P<y2>{year})\s*年\s*)?(?P<m2>\d{{1,2}})\s*月\s*\d{{1,2}}\s*日")


@lru_cache(maxsize=1)
def _ended() -> regex.Pattern[str]:
    """A period named by the day it ends and its length: 截至六月三十日止六個月,
    截至二零二四年十二月三十一日止年度."""
    return regex.compile(
        rf"(?:{either('period_ended')})\s*(?P<day>[^\n]{{2,24}}?)\s*(?:{either('period_until')})\s*"
        rf"(?:(?P<year>{either('whole_year')})|[一二三四五六七八九十\d]{{1,3}}\s*个\s*月)")


@lru_cache(maxsize=1)
def _year() -> regex.Pattern[str]:
    return regex.compile(rf"(?<![\d.,])(?:19|20)\d{{2}}(?:\s*年(?!\s*\d))?(?![\d.,%])"
                         rf"|[{_CN_DIGIT}]{{4}}\s*年|{_roc()}")


def column_period(header: str) -> tuple[Optional[str], Optional[str]]:
    """The period a column header names as printed, and the text that says
    which period it is (read by ``normalize_period``): the same, but for a
    period named by the day it ends. Its year may be printed inside it
    (``截至二零二四年六月三十日止六個月``) or under it, over the column
    (``截至六月三十日止六個月`` over ``二零二四年``: the column's period is the
    year as printed, and the six months to 30 June of it); ``止年度`` names
    the year that ends on the day: the calendar year for 31 December, else a
    fiscal year.

    >>> column_period("截至六月三十日止六個月 二零二四年 人民幣千元")
    ('二零二四年', '截至六月三十日止六個月 二零二四年')
    >>> column_period("截至二零二四年十二月三十一日止年度")
    ('截至二零二四年十二月三十一日止年度', '截至二零二四年十二月三十一日止年度')
    >>> column_period("民國113年度")
    ('民國113年度', '民國113年度')
    >>> column_period("113年1月1日至6月30日")
    ('113年1月1日至6月30日', '113年1-6月')
    """
    f = fold(header)
    months = _months(header, f)
    if months is not None:
        return months
    e = _ended().search(f)
    if e is None:
        printed = _printed(header, f)
        return printed, printed
    phrase = header[e.start():e.end()].strip()
    inside = _year().search(f, e.start("day"), e.end("day"))
    outside = next((y for y in _year().finditer(f) if y.end() <= e.start() or y.start() >= e.end()), None)
    year = inside or outside
    if year is None:
        return phrase, phrase
    said = header[year.start():year.end()].strip()
    if inside is not None:
        return phrase, phrase
    return said, f"{phrase} {said}"


def _months(header: str, f: str) -> Optional[tuple[str, str]]:
    """A span from the first day of a month, as printed, and the months it
    covers (113年1-6月; 113年度 for January to December)."""
    span = _range().search(f)
    if span is None or span.group("y2") not in (None, span.group("y")) \
            or int(span.group("m1")) > int(span.group("m2")):
        return None
    year = header[span.start("y"):span.end("y")]
    months = "度" if (span.group("m1"), span.group("m2")) == ("1", "12") else \
        f"{span.group('m1')}-{span.group('m2')}月"
    return header[span.start():span.end()].strip(), f"{year}年{months}"


def header_period(header: str) -> Optional[str]:
    """The period that a column header names, as written, or ``None``.

    >>> header_period("2023年12月31日 人民幣千元")
    '2023年12月31日'
    >>> header_period("期末余额 账面余额")
    '期末'
    >>> header_period("二零一六年")
    '二零一六年'
    >>> header_period("本报告期 2023年")
    '2023年'
    >>> header_period("2025E")
    '2025E'
    >>> header_period("民國113年度")
    '民國113年度'
    >>> header_period("账面价值") is None
    True
    """
    return column_period(header)[0]


def _printed(header: str, f: str) -> Optional[str]:
    found = list(_pattern().finditer(f))
    if not found:
        return None
    # a date or year is the most precise; else the first word, which dates a
    # change column (本报告期比上年同期增减) by the period it compares
    dated = [m for m in found if _dated(m.group(0))]
    m = (dated or found)[0]
    return header[m.start():m.end()].strip()


def _dated(word: str) -> bool:
    return any(c.isdigit() or c in _CN_DIGIT for c in word[:2]) or regex.match(either("era"), word) is not None
