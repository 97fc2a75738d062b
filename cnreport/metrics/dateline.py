"""The date a document was written, from its dateline: what 今年 and 去年 mean there.

A full date (year, month and day) counts when it stands on one of the first
lines with a metadata word (来源, 发布时间, 记者) or alone, or is followed by
电 or 讯 (新华社北京2024年3月15日电); a date inside a sentence of figures
(截至2019年3月底，…) is a period, not the date of writing.
"""
from __future__ import annotations

import datetime
from collections.abc import Sequence
from functools import cache
from typing import Optional

from ..lexicon import loaders
from ..model import NumberMention

__all__ = ["document_date", "past_lead_in"]

_HEAD_LINES = 6
_SHORT_LINE = 60
_BESIDE_DATE = 12
_LEAD_REACH = 16  # from 本报 to its 讯 or 电 (本报北京10月28日电)
_BYLINE_REACH = 30  # the reporter's bracket after it (（记者 某某 通讯员 某某）)


def document_date(text: str, folded: str, numbers: Sequence[NumberMention]
                  ) -> Optional[tuple[datetime.date, int]]:
    """The date of writing that the head of the text states, and where its
    dateline ends; or None.

    >>> from cnreport import find_numbers
    >>> t = "新华社北京2024年3月15日电 今年前两个月，…"
    >>> document_date(t, t, find_numbers(t))
    (datetime.date(2024, 3, 15), 16)
    """
    head_end = 0
    for _ in range(_HEAD_LINES):
        nl = folded.find("\n", head_end)
        if nl < 0:
            head_end = len(folded)
            break
        head_end = nl + 1
    for m in numbers:
        if m.start >= head_end:
            break
        day = _full_date(m)
        if day is None:
            continue
        line_start = folded.rfind("\n", 0, m.start) + 1
        line_end = folded.find("\n", m.end)
        line = folded[line_start:line_end if line_end >= 0 else len(folded)]
        after = folded[m.end:m.end + 1]
        if after in _words("after"):
            close = folded.find("）", m.end, m.end + _SHORT_LINE)  # (新华社…电（记者某某）)
            return day, (close + 1 if close > 0 and folded[m.end + 1:m.end + 2] == "（" else m.end + 1)
        if len(line.strip()) <= _SHORT_LINE and (line.strip() == m.text or any(w in line for w in _words("line"))
                                                 or len(line.strip()) - len(m.text) <= _BESIDE_DATE):
            # a line of the date alone, of metadata, or of the date and a
            # name beside it (2025年5月21日　經濟通訊社)
            return day, line_start + len(line)
    return None


def _full_date(m: NumberMention) -> Optional[datetime.date]:
    if m.kind != "date" or not isinstance(m.value, str) or len(m.value) != 10 or m.value[0] == "-":
        return None
    try:
        return datetime.date.fromisoformat(m.value)
    except ValueError:
        return None


@cache
def _words(role: str) -> frozenset[str]:
    return frozenset(r.word for r in loaders.dateline_words() if r.role == role)


def past_lead_in(folded: str, k: int, end: int) -> int:
    """Past a news lead-in that opens a paragraph at ``k`` (本报讯（记者 某某）,
    本报北京10月28日电): the paper's own credit line, not a name; ``k`` where
    none opens there."""
    if folded[k:k + 1] not in _lead_firsts() or not any(folded.startswith(w, k, end) for w in _words("lead")):
        return k
    stop = min(end, k + _LEAD_REACH)
    j = next((j for j in range(k + 2, stop) if folded[j] in _words("after") or folded[j] in "，。,\n"), stop)
    if j >= stop or folded[j] not in _words("after"):
        return k
    j += 1
    if folded[j:j + 1] in ("（", "("):
        close = next((i for i in range(j + 1, min(end, j + _BYLINE_REACH)) if folded[i] in "）)"), -1)
        j = close + 1 if close > 0 else j
    return j


@cache
def _lead_firsts() -> frozenset[str]:
    return frozenset(w[0] for w in _words("lead"))
