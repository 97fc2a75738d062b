"""Numeral grammar: the exact value of Chinese, Arabic and mixed numerals.

A numeral is read left to right as a chain of tokens (Arabic digit groups,
Chinese digits, place units 十百千, magnitudes 万亿兆, 点 with its decimals,
多/余, the 个 of 三个亿). Each token either extends the numeral or ends it, so
the scan is one pass and the longest valid numeral wins. Values are kept as
intervals so that vague digits (十几, 几千) and neighbouring digits
(一二百, 五六年) fall out of the same arithmetic as exact ones. Whole numbers
stay ``int`` (cheap, and most numerals are whole); a decimal point brings in
:class:`~fractions.Fraction`. Nothing is ever a float.

This module reads folded text (see :mod:`cnreport.normalize`).

The modules of this package: :mod:`~cnreport.numerals.tokens` cuts a
candidate into tokens, :mod:`~cnreport.numerals.reader` chains them into a
value, :mod:`~cnreport.numerals.scan` reads a numeral at an offset,
:mod:`~cnreport.numerals.fraction` the fractions with 分之,
:mod:`~cnreport.numerals.parse` a whole string, and
:mod:`~cnreport.numerals.writing` writes numbers in Chinese.
"""
from __future__ import annotations

from ..model import Number
from .fraction import Fractional, scan_fraction
from .parse import parse_number
from .scan import Numeral, exact, per_one, scan_numeral
from .tokens import MAX_DIGITS, arabic_end
from .writing import to_chinese

__all__ = ["MAX_DIGITS", "Fractional", "Number", "Numeral", "arabic_end", "exact", "parse_number", "per_one",
           "scan_fraction", "scan_numeral", "to_chinese"]
