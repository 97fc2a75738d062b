"""What one printed table cell states: a figure in accounting form, nil, or text.

A statement cell is read whole, so forms that are ambiguous in running text
are not here: ``(1,234)`` and ``（1,234）`` are negative; ``-``, ``—``,
``–`` and an empty cell are nil (no figure, not zero); digits that a PDF
parser split (``12, 793.95``, ``2,855,702,313. 77``, ``14. 19``, a line break
inside a wrapped number) are joined when every group still has its three
digits, and two digits on the line under whole groups are their cents
(``14, 713, 296`` over ``84``: the point went with the break); ``减少1.26个百分点`` is a change of -1.26 points.
"""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple, Optional

import regex

from ..lexicon.loaders import table_words
from ..model import Kind, Number
from ..normalize import fold
from ..numbers import find_numbers
from ..numerals import exact
from .words import either

__all__ = ["Reading", "read_cell"]


class Reading(NamedTuple):
    """A cell's figure: the signed printed value, where it stands in the
    cell's text, and the unit the cell writes itself (``%``, ``个百分点``,
    ``元`` of ``100万元``; then ``own_scale`` tells that no declaration
    applies)."""

    value: Optional[Number]
    start: int = 0
    end: int = 0
    unit: Optional[str] = None
    kind: Kind = "cardinal"
    currency: Optional[str] = None
    own_scale: bool = False
    direction: Optional[str] = None
    nil: bool = False


NIL = Reading(value=None, nil=True)

# Markup a parser leaves where the page printed a dash: $\sim$, $-$, $\overline{a}$.
_LATEX = regex.compile(r"\$[^$\n]{0,40}\$")
_DASHES = frozenset("-—–―─－~～/／")
_NIL_WORDS = frozenset(table_words("not_applicable"))

# Grouped digits (a space after a comma or point is a parser's); a last
# group of two digits after a comma or a point is the cents of a number
# whose separators a parser changed (28.034.441.89, 4, 906, 526, 00).
_DIGITS = (r"\d{1,3}(?:,[ \n]?\d{3})+(?:\.[ \n]?\d+|,[ \n]?\d{2})?|\d{1,3}(?:\.\d{3})+\.\d{2}"
           r"|\d+(?:\.[ \n]?\d+)?")
_FIGURE = regex.compile(
    rf"(?P<open>[(（]\s*)?(?P<sign>[-−－+])?\s*(?P<digits>{_DIGITS})\s*(?P<close>[)）])?\s*(?P<pct>%)?")
_POINTS = regex.compile(
    rf"(?:(?P<up>{either('point_up')})|(?P<down>{either('point_down')}))?\s*(?P<sign>[-−－+])?\s*(?P<digits>{_DIGITS})"
    rf"\s*(?P<unit>{either('point_unit')})")


def read_cell(text: str) -> Reading:
    """The figure of one printed cell.

    >>> read_cell("(1,234)").value
    -1234
    >>> read_cell("2,855,702,313. 77").value
    Decimal('2855702313.77')
    >>> read_cell("—").nil
    True
    >>> r = read_cell("减少1.26个百分点")
    >>> (r.value, r.unit, r.direction)
    (Decimal('-1.26'), '个百分点', 'down')
    >>> read_cell("冻结").value is None
    True
    """
    f = _unwrapped(fold(text))
    bare = _LATEX.sub(lambda m: " " * len(m.group(0)), f)
    core = bare.strip()
    if not core or core.lower() in _NIL_WORDS or all(c in _DASHES for c in core):
        return NIL
    lead = len(bare) - len(bare.lstrip())
    m = _FIGURE.fullmatch(core)
    if m is None and any(c.isspace() for c in core):  # wrapped in a narrow column: 9,027,695.1 / 3
        m = _FIGURE.fullmatch(_cents_wrapped(core) or "".join(core.split()))
        m = m if m is not None and "," in m.group("digits") else None
    if m is not None and bool(m.group("open")) == bool(m.group("close")):
        return _figure(m, lead, len(core))
    p = _POINTS.fullmatch(core)
    if p is not None:  # 减少1.26个百分点, or the change with its sign alone in a change column (1.3個百分點)
        down = p.group("down") is not None or p.group("sign") not in (None, "+")
        value = _digits(p.group("digits"))
        up = p.group("up") is not None or (not down and value != 0)
        return Reading(value=-value if down else value, start=lead, end=lead + len(core), unit="个百分点",
                       kind="percent", own_scale=True, direction="down" if down else "up" if up else None)
    return _written(text)


# Whole groups over a line of two digits: the cents of an amount wrapped in a
# narrow column, whose point a parser lost (``14, 713, 296`` over ``84``).
_CENTS_WRAPPED = regex.compile(
    r"(?P<head>[(（]?[-−－]?\d{1,3}(?:,\s?\d{3}){2,})\s*\n\s*(?P<cents>\d{2})(?P<tail>[)）]?)")


def _cents_wrapped(core: str) -> Optional[str]:
    m = _CENTS_WRAPPED.fullmatch(core)
    if m is None:
        return None
    return "".join(m.group("head").split()) + "." + m.group("cents") + m.group("tail")


def _figure(m: regex.Match[str], lead: int, size: int) -> Reading:
    value = _digits(m.group("digits"))
    if m.group("open") or m.group("sign") in ("-", "−", "－"):
        value = -value
    pct = m.group("pct") is not None
    return Reading(value=value, start=lead, end=lead + size,
                   unit="%" if pct else None, kind="percent" if pct else "cardinal", own_scale=pct)


def _unwrapped(f: str) -> str:
    """A figure a parser wrote as math (``$-345, 540.80$``, ``$-0.62\\%$``),
    as printed: the same length, the markup blanked."""
    core = f.strip()
    if len(core) > 2 and core[0] == "$" and core[-1] == "$" and any(c.isdigit() for c in core):
        a = f.index("$")
        b = f.rindex("$")
        inner = f[a + 1:b].replace("\\%", " %")
        return f[:a] + " " + inner + " " + f[b + 1:]
    return f


def _digits(written: str) -> Number:
    """The exact value of digits as a table prints them, split or not."""
    joined = "".join(written.split())
    if joined.count(".") > 1 or joined.count(",") and len(joined) - joined.rfind(",") == 3 \
            and "." not in joined:  # 28.034.441.89, 4,906,526,00: the cents come last
        head, cents = joined[:-3], joined[-2:]
        joined = head.replace(".", "").replace(",", "") + "." + cents
    joined = joined.replace(",", "")
    return exact(Fraction(Decimal(joined)), True)


def _written(text: str) -> Reading:
    """A cell that is one figure with its own unit (``100万元``, ``3.5倍``),
    read as running text is; anything else is text."""
    found = find_numbers(text)
    if len(found) != 1:
        return Reading(value=None)
    n = found[0]
    if text[:n.start].strip() or text[n.end:].strip() or n.value is None or isinstance(n.value, str):
        return Reading(value=None)
    if n.kind in ("year", "date", "duration", "ordinal"):
        return Reading(value=None)
    return Reading(value=n.value, start=n.start, end=n.end, unit=n.unit, kind=n.kind,
                   currency=n.currency, own_scale=n.unit is not None)
