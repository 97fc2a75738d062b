"""The period a column header names: ``2023年``, ``2023年12月31日``, ``本报告期``,
``上年同期``, ``年初至报告期末``, ``二零一六年``, ``2020A``/``2025E``.

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

__all__ = ["header_period"]

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
    )
    return regex.compile(rf"{dates}|" + "|".join(regex.escape(w) for w in report_periods()))


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
    >>> header_period("账面价值") is None
    True
    """
    f = fold(header)
    found = list(_pattern().finditer(f))
    if not found:
        return None
    # a date or year is the most precise; else the first word, which dates a
    # change column (本报告期比上年同期增减) by the period it compares
    dated = [m for m in found if _dated(m.group(0))]
    m = (dated or found)[0]
    return header[m.start():m.end()].strip()


def _dated(word: str) -> bool:
    return any(c.isdigit() or c in _CN_DIGIT for c in word[:2])
