"""cnreport: Chinese business reports to structured data.

>>> import cnreport
>>> [(m.text, m.value, m.unit) for m in cnreport.find_numbers("营收1.1億元，增长37%")]
[('1.1億元', 110000000, '元'), ('37%', 37, '%')]
>>> cnreport.parse_number("1萬7千")
17000
"""
from __future__ import annotations

from .__about__ import __version__
from .dataset import Dataset, Fact, Source, collect
from .entities import Entities, Entity, entity_key
from .errors import BinaryFileError, CnreportError, ParseError, ReadError
from .metrics import tag_metrics
from .model import Change, Metric, NumberMention, Period, Reason, Report, Section, Speaker
from .numbers import find_numbers
from .numerals import parse_number, to_chinese
from .periods import normalize_period
from .read import Document, read_file
from .report import parse, parse_many
from .speakers import same_speaker, segment
from .stream import iter_metrics

__all__ = ["BinaryFileError", "Change", "CnreportError", "Dataset", "Document", "Entities", "Entity", "Fact", "Metric",
           "NumberMention", "ParseError", "Period", "ReadError", "Reason", "Report", "Section", "Source", "Speaker",
           "__version__", "collect", "entity_key", "find_numbers", "iter_metrics", "normalize_period", "parse",
           "parse_many",
           "parse_number", "read_file", "same_speaker", "segment", "tag_metrics", "to_chinese"]
