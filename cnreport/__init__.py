"""cnreport: Chinese business reports to structured data.

>>> import cnreport
>>> [(m.text, m.value) for m in cnreport.find_numbers("营收1.1億元，增长37%")]
[('1.1億元', 110000000), ('37%', 37)]
"""
from __future__ import annotations

from .errors import CnreportError, ParseError
from .model import NumberMention
from .numbers import find_numbers
from .numerals import parse_number

__all__ = ["CnreportError", "NumberMention", "ParseError", "find_numbers", "parse_number"]
