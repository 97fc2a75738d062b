"""The walk over a text: from one possible start to the next, the short paths,
the full read, the precision rules and the passes over the whole list.
"""
from __future__ import annotations

import re
from typing import Optional

from ..model import NumberMention
from ..words import lexicalized_words
from .chars import _DIGIT_RUN, _ISO_DATE
from .dates import _ESTIMATE_MARKS, _PERIOD_MARKS, _broker_period, _estimate_year, _fiscal_year
from .draft import _finish
from .early import _CHINESE_RUN, _ILL_FORMED_NEXT, _article, _ill_formed, _lone_in_word
from .lists import _join_bounds, _local_dollars, _shared_designations, _shared_series
from .names import _Scan
from .plain import _plain_arabic
from .reader import _read
from .rules import _keep
from .statements import _statement_forms
from .tables import _start
from .trace import _note

__all__ = ["_find_numbers"]
# Three numbers or more chained by one mark are a designation, not figures:
# section numbers (3.2.1), versions (1.2.3), addresses (192.168.1.1), phone
# numbers (010-6666-8888). A date written so (2019-03-01) is read as a date.
_CLOCK = re.compile(r"(?:[01]?[0-9]|2[0-4]):[0-5][0-9](?::[0-5][0-9])?(?![0-9.:])")
_CHAIN = re.compile(r"[0-9]+([.~-])[0-9]+(?:\1[0-9]+)+")


def _find_numbers(text: str, f: str) -> list[NumberMention]:
    """:func:`~cnreport.find_numbers` of ``text`` whose fold is ``f``."""
    scan = _Scan(f)
    out: list[NumberMention] = []
    floor = 0  # where the last mention ends: no prefix reaches back past it
    i = 0
    n = len(f)
    words = lexicalized_words()
    start = _start()
    while i < n:
        m = start.search(f, i)
        if m is None:
            break
        i = m.start()
        if "0" <= f[i] <= "9":
            short = _digits_first(text, f, i, floor, scan)
            if short is not None:
                found, i = short
                if found:
                    out.extend(found)
                    floor = i
                continue
        elif _lone_in_word(f, i, words):
            _note(i, i + 1, "lone_in_word", False)
            i += 1
            continue
        elif f[i] == "一" and _article(f, i):
            _note(i, i + 1, "article", False)
            i += 1
            continue
        mention, i = _read_at(text, f, i, floor, scan)
        if mention is not None:
            out.append(mention)
            floor = i
    out = _statement_forms(text, f, out)
    if len(out) < 2:
        return out
    return _local_dollars(f, _shared_series(text, f, _shared_designations(f, _join_bounds(text, f, out))))


def _digits_first(text: str, f: str, i: int, floor: int,
                  scan: _Scan) -> Optional[tuple[list[NumberMention], int]]:
    """The forms decided without the full read at an Arabic digit: FY2023,
    3Q23, chains (3.2.1), times of day (9:30) and plain numbers. The
    mentions found and where the walk goes on, or None for the full read."""
    fiscal = _fiscal_year(text, f, i)
    if fiscal is not None:
        return [fiscal], fiscal.end
    if f[i + 1:i + 2] in _PERIOD_MARKS or f[i + 2:i + 3] in _PERIOD_MARKS:  # 3Q23, 24Q1
        period = _broker_period(text, f, i)
        if period:
            return period, period[-1].end
    if f[i + 4:i + 5] in _ESTIMATE_MARKS:  # 2025E
        estimate = _estimate_year(text, f, i)
        if estimate is not None:
            return [estimate], estimate.end
    chain = _CHAIN.match(f, i)
    if chain is not None and not _is_date_chain(f, i, chain.end()):
        _note(i, chain.end(), "chain", False)
        return [], chain.end()
    if ":" in f[i + 1:i + 3]:
        clock = _CLOCK.match(f, i)
        if clock is not None and (i == 0 or not (f[i - 1].isdigit() or f[i - 1] in ".:")):
            _note(i, clock.end(), "clock_time", False)
            return [], clock.end()  # 15:00, 9:30: a time of day, no quantity
    plain = _plain_arabic(text, f, i, floor, scan)
    if plain is None:
        return None
    mention, end = plain
    return ([mention] if mention is not None else []), end


def _read_at(text: str, f: str, i: int, floor: int, scan: _Scan) -> tuple[Optional[NumberMention], int]:
    """The full read at ``i`` judged by the precision rules: the mention if
    it is kept, and where the walk goes on."""
    draft = _read(f, i, floor)
    if draft is None:
        # Arabic digits always read, unless the run is too long to be a
        # quantity: skip all of it, not one digit at a time.
        return None, _DIGIT_RUN.match(f, i).end() if "0" <= f[i] <= "9" else i + 1  # type: ignore[union-attr]
    if draft.end < len(f) and f[draft.end] in _ILL_FORMED_NEXT and _ill_formed(f, draft):
        end = _CHINESE_RUN.match(f, draft.end).end()  # type: ignore[union-attr]
        _note(i, end, "ill_formed", False)
        return None, end
    kept = _keep(f, draft, scan)
    if kept is None:
        # the rest of a rejected numeral (the 5 of 95后) is not read again
        return None, max(i + 1, draft.core_end if draft.numeral is None else draft.numeral.end)
    return _finish(text, kept), kept.end


def _is_date_chain(f: str, i: int, end: int) -> bool:
    m = _ISO_DATE.match(f, i)
    return m is not None and m.end() == end
