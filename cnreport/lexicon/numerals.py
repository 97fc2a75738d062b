"""The numeral alphabet: digits, place units and magnitudes, in folded form,
as sets and maps derived from ``numerals.tsv`` (see
:func:`cnreport.lexicon.loaders.numeral_alphabet`, where each role is said).

Texts are folded (see :mod:`cnreport.normalize`) before they are read, so the
traditional forms arrive here simplified.
"""
from __future__ import annotations

from .loaders import NumeralChar, NumeralRole, numeral_alphabet

_ALPHABET: tuple[NumeralChar, ...] = numeral_alphabet()


def _of(*roles: NumeralRole) -> tuple[NumeralChar, ...]:
    return tuple(c for c in _ALPHABET if c.role in roles)


def _values(*roles: NumeralRole) -> dict[str, int]:
    return {c.word: c.value for c in _of(*roles)}


# Every digit, including the financial (大写) forms and the telephone one.
DIGITS: dict[str, int] = _values("digit", "counting_digit")

# Digits that may be read one by one after the point or in a digit string.
PLAIN_DIGITS = frozenset(c.word for c in _of("digit"))

# Financial forms double as ordinary characters: alone they are not numbers.
FINANCIAL = frozenset(c.word for c in _of("financial"))

# Place units inside a section of four digits.
SMALL_UNITS: dict[str, int] = _values("small_unit")

# Contracted tens.
TENS: dict[str, int] = _values("tens")

# Magnitudes, as powers of ten.
BIG_UNITS: dict[str, int] = _values("big_unit")

# Magnitude letters written after Arabic digits in salaries and prices.
ASCII_MAGNITUDES: dict[str, int] = _values("ascii_magnitude")

POINT: str = _of("point")[0].word
NEGATIVE = frozenset(c.word for c in _of("negative"))

# Pairs of neighbouring digits that state an approximate range (one or two
# years, three or four tens); three to five is idiomatic as well.
APPROX_PAIRS: frozenset[tuple[int, int]] = frozenset(
    [(1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7), (7, 8), (8, 9), (3, 5)]
)

# Vague digits ("a few"); before a place unit, 数 (several) too.
VAGUE_DIGITS = frozenset(c.word for c in _of("vague_digit"))

# Measure words after which 数 means "several" too.
SEVERAL_BEFORE: tuple[str, ...] = tuple(c.word for c in _of("several_before"))

# Currencies after which 千 is a reporting unit: statements in thousands.
THOUSANDS_OF: tuple[str, ...] = tuple(c.word for c in _of("thousands_of"))
