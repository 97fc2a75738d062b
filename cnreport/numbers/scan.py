"""The walk over a text: from one possible start to the next, the short paths, the full read, the precision rules and the passes over the whole list."""
from __future__ import annotations

import re

from ..model import NumberMention
from ..normalize import fold
from ..words import lexicalized_words
from .chars import _DIGIT_RUN, _ISO_DATE
from .dates import _PERIOD_MARKS, _broker_period, _fiscal_year
from .draft import _finish
from .lists import _join_bounds, _local_dollars, _shared_designations, _shared_series
from .names import _Scan
from .plain import _plain_arabic
from .reader import _read
from .rules import (
    _CHINESE_RUN,
    _ILL_FORMED_NEXT,
    _article,
    _ill_formed,
    _keep,
    _lone_in_word,
)
from .tables import _start

__all__ = ["find_numbers"]
# Three numbers or more chained by one mark are a designation, not figures:
# section numbers (3.2.1), versions (1.2.3), addresses (192.168.1.1), phone
# numbers (010-6666-8888). A date written so (2019-03-01) is read as a date.
_CLOCK = re.compile(r"(?:[01]?[0-9]|2[0-4]):[0-5][0-9](?::[0-5][0-9])?(?![0-9.:])")
_CHAIN = re.compile(r"[0-9]+([.~-])[0-9]+(?:\1[0-9]+)+")


def find_numbers(text: str) -> list[NumberMention]:
    """Every numeric expression in ``text``, in order and not overlapping.

    Never raises for a ``str``; anything else is a :class:`TypeError`.

    >>> [(m.text, m.value, m.unit, m.qualifier) for m in find_numbers("超过了400家医院和1萬7千家藥店")]
    [('超过了400家', 400, '家', '>'), ('1萬7千家', 17000, '家', None)]
    >>> m = find_numbers("市場規模約5~6億元")[0]
    >>> (m.text, m.low, m.high, m.unit, m.qualifier, m.kind)
    ('約5~6億元', 500000000, 600000000, '元', '~', 'money')
    >>> [(m.text, m.value) for m in find_numbers("佔比70%以上，只有八分之一")]
    [('70%以上', 70), ('八分之一', Fraction(1, 8))]
    """
    if not isinstance(text, str):
        raise TypeError(f"find_numbers() takes a str, not {type(text).__name__}; "
                        "decode bytes first (text.decode('utf-8'))")
    return _find_numbers(text, fold(text))


def _find_numbers(text: str, f: str) -> list[NumberMention]:
    """:func:`find_numbers` of ``text`` whose fold is ``f``."""
    scan = _Scan(f)
    out: list[NumberMention] = []
    floor = 0
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
            fiscal = _fiscal_year(text, f, i)
            if fiscal is not None:
                out.append(fiscal)
                floor = i = fiscal.end
                continue
            if f[i + 1:i + 2] in _PERIOD_MARKS or f[i + 2:i + 3] in _PERIOD_MARKS:  # 3Q23, 24Q1
                period = _broker_period(text, f, i)
                if period:
                    out.extend(period)
                    floor = i = period[-1].end
                    continue
            chain = _CHAIN.match(f, i)
            if chain is not None and not _is_date_chain(f, i, chain.end()):
                i = chain.end()
                continue
            if ":" in f[i + 1:i + 3]:
                clock = _CLOCK.match(f, i)
                if clock is not None and (i == 0 or not (f[i - 1].isdigit() or f[i - 1] in ".:")):
                    i = clock.end()  # 15:00, 9:30: a time of day, no quantity
                    continue
            plain = _plain_arabic(text, f, i, floor, scan)
            if plain is not None:
                mention, end = plain
                if mention is not None:
                    out.append(mention)
                    floor = end
                i = end
                continue
        elif _lone_in_word(f, i, words) or (f[i] == "一" and _article(f, i)):
            i += 1
            continue
        draft = _read(f, i, floor)
        if draft is not None and draft.end < n and f[draft.end] in _ILL_FORMED_NEXT and _ill_formed(f, draft):
            i = _CHINESE_RUN.match(f, draft.end).end()  # type: ignore[union-attr]
            continue
        if draft is None:
            # Arabic digits always read, unless the run is too long to be a
            # quantity: skip all of it, not one digit at a time.
            i = _DIGIT_RUN.match(f, i).end() if "0" <= f[i] <= "9" else i + 1  # type: ignore[union-attr]
            continue
        if not _keep(f, draft, scan):
            # the rest of a rejected numeral (the 5 of 95后) is not read again
            i = max(i + 1, draft.core_end if draft.numeral is None else draft.numeral.end)
            continue
        out.append(_finish(text, draft))
        floor = draft.end
        i = draft.end
    if len(out) < 2:
        return out
    return _local_dollars(f, _shared_series(text, f, _shared_designations(f, _join_bounds(text, f, out))))


def _is_date_chain(f: str, i: int, end: int) -> bool:
    m = _ISO_DATE.match(f, i)
    return m is not None and m.end() == end
