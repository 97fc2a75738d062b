"""The public entry to the walk: :func:`find_numbers` checks what it is given,
folds the text, walks it (:mod:`~cnreport.numbers.scan`) and gives bare 元 its
currency.

This module stays interpreted in the compiled build (see
docs/performance.md), so that a caller who passes the wrong type gets this
function's own :class:`TypeError`, not the compiled walk's.
"""
from __future__ import annotations

from typing import Optional

from ..currency import check_currency, place_currency
from ..model import NumberMention
from ..normalize import fold
from .scan import _find_numbers

__all__ = ["find_numbers"]


def find_numbers(text: str, *, currency: Optional[str] = None) -> list[NumberMention]:
    """Every numeric expression in ``text``, in order and not overlapping.

    A bare 元 takes the currency the document states (:mod:`cnreport.currency`),
    else ``currency`` (an ISO 4217 code such as ``"TWD"``), else CNY. Never
    raises for a ``str``; anything else is a :class:`TypeError`.

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
    check_currency(currency)
    f = fold(text)
    return place_currency(text, _find_numbers(text, f), default=currency, folded=f)
