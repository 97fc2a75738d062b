"""Reading one whole string as a number: :func:`parse_number`."""
from __future__ import annotations

from fractions import Fraction

from ..errors import ParseError
from ..model import Number
from ..normalize import fold
from .fraction import _signed, scan_fraction
from .scan import exact, scan_numeral


def parse_number(s: str) -> Number:
    """The exact value of a string that is one number, and nothing else.

    Chinese, Arabic, financial and mixed numerals, magnitude chains, decimals,
    negatives and ``N分之M`` fractions are read; a whole value is an ``int``,
    a written decimal a ``Decimal``, a fraction a ``Fraction``.

    >>> parse_number("1萬7千")
    17000
    >>> parse_number("3.8萬")
    38000
    >>> parse_number("八分之一")
    Fraction(1, 8)
    >>> parse_number("負3.5")
    Decimal('-3.5')
    >>> parse_number("(5,514,269)")
    -5514269
    >>> parse_number("九千九百九十九萬億億億")
    99990000000000000000000000000000

    Anything else raises :class:`~cnreport.ParseError`:

    >>> parse_number("十幾")
    Traceback (most recent call last):
    ...
    cnreport.errors.ParseError: a vague number has no single value (in '十幾' at position 0)
    """
    if not isinstance(s, str):
        raise TypeError(f"parse_number() takes a str, not {type(s).__name__}; decode bytes first")
    f = fold(s)
    start = len(f) - len(f.lstrip())
    stop = len(f.rstrip())
    if start >= stop:
        raise ParseError("empty input", s, 0)
    frac = scan_fraction(f, start)
    if frac is not None and frac.end == stop:
        return exact(frac.value, False)
    if f[start:stop] in ("一半", "半"):
        return Fraction(1, 2)
    if stop - start > 2 and f[start] in "(（" and f[stop - 1] in ")）" and f[start + 1].isdigit():
        # an accountant's negative: (5,514,269)
        inner = parse_number(s[start + 1:stop - 1])
        if inner < 0:
            raise ParseError("a negative number in brackets", s, start + 1)
        return -inner
    sign, j = _signed(f, start)
    n = scan_numeral(f, j, allow_bare_magnitude=False)
    if n is None:
        raise ParseError("not a number", s, j)
    if n.end != stop:
        raise ParseError("text after the number", s, n.end)
    if not n.exact:
        raise ParseError("a vague number has no single value", s, start)
    if n.more is not None:
        raise ParseError("多/余 make the number open-ended", s, start)
    return exact(sign * n.lo, n.decimal)
