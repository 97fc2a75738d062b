"""Hypothesis strategies for property tests of code that reads Chinese numbers.

Each strategy yields ``(text, value)`` pairs whose value is exact, so a test
can assert ``parse_number(text) == value`` or feed the text into a larger
document. Needs :mod:`hypothesis` (``pip install 'cnreport[test]'``).

>>> from hypothesis import given
>>> from cnreport import parse_number
>>> from cnreport.testing import numerals
>>> @given(numerals())
... def test_round_trip(pair):
...     text, value = pair
...     assert parse_number(text) == value
>>> test_round_trip()
"""
from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from .lexicon.loaders import numeral_alphabet
from .numerals import Number, to_chinese

__all__ = ["arabic_numerals", "chinese_numerals", "exact_numbers", "mixed_numerals", "numerals"]

# The magnitudes written after an Arabic mantissa (lexicon/numerals.tsv).
_MAGNITUDES = {c.word: c.value for c in numeral_alphabet() if c.role == "generated_magnitude"}


def exact_numbers(max_digits: int = 30, decimals: int = 4) -> st.SearchStrategy[Number]:
    """Signed integers up to ``max_digits`` digits, and decimals with up to
    ``decimals`` places, as ``int`` and ``Decimal`` (never whole decimals)."""
    ints = st.integers(min_value=-(10 ** max_digits) + 1, max_value=10 ** max_digits - 1)
    decs = st.builds(
        lambda whole, frac, places: Decimal(f"{whole}.{frac:0{places}d}"),
        st.integers(min_value=-(10 ** 12), max_value=10 ** 12),
        st.integers(min_value=1, max_value=10 ** decimals - 1),
        st.just(decimals),
    ).filter(lambda d: d != d.to_integral_value())
    return st.one_of(ints, decs)


@st.composite
def chinese_numerals(draw: st.DrawFn, max_digits: int = 30) -> tuple[str, Number]:
    """A number written in Chinese numerals, lower-case or financial, in
    either script: ``('一百万零五十四', 1000054)``."""
    value = draw(exact_numbers(max_digits))
    text = to_chinese(value, financial=draw(st.booleans()), traditional=draw(st.booleans()))
    return text, value


@st.composite
def arabic_numerals(draw: st.DrawFn, max_digits: int = 30) -> tuple[str, Number]:
    """Arabic digits, with or without thousands separators, ASCII or
    full-width: ``('1,234', 1234)``, ``('３．５', Decimal('3.5'))``."""
    value = draw(exact_numbers(max_digits))
    if isinstance(value, int):
        text = f"{value:,}" if draw(st.booleans()) else str(value)
    else:  # (a Decimal, written out in full)
        text = format(value, "f")
    if draw(st.booleans()):
        text = text.translate({ord(c): chr(ord(c) + 0xFEE0) for c in "0123456789."})
    return text, value


@st.composite
def mixed_numerals(draw: st.DrawFn) -> tuple[str, Number]:
    """An Arabic mantissa with a Chinese magnitude: ``('3.8万', 38000)``."""
    word = draw(st.sampled_from(sorted(_MAGNITUDES)))
    mantissa = draw(st.decimals(min_value=Decimal("0.001"), max_value=Decimal("99999"), places=3,
                                allow_nan=False, allow_infinity=False))
    mantissa = mantissa.normalize()
    value = mantissa.scaleb(_MAGNITUDES[word])
    text = format(mantissa, "f") + word
    exact_value: Number = int(value) if value == value.to_integral_value() else value
    return text, exact_value


def numerals(max_digits: int = 30) -> st.SearchStrategy[tuple[str, Number]]:
    """Any of :func:`chinese_numerals`, :func:`arabic_numerals` and
    :func:`mixed_numerals`."""
    return st.one_of(chinese_numerals(max_digits), arabic_numerals(max_digits), mixed_numerals())
