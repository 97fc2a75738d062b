"""Characters and marks that several readers of :mod:`cnreport.numbers` share:
spaces, clause ends, connectors, date words, currency marks.
"""
from __future__ import annotations

import re

import regex

from ..lexicon import loaders
from ..lexicon.numerals import (
    BIG_UNITS,
    SMALL_UNITS,
)
from ..text import SPACES, WORD_EDGES

_SPACES = SPACES
# Characters at which a numeric expression can begin: numerals, 半, and 数
# before a place unit or 以 (数十, 数以万计); idioms add theirs (成千上万).
_NUMERAL_START = ("[0-9零〇○一二三四五六七八九十百千万亿兆两俩壹贰叁参肆伍陆柒捌玖拾佰仟廿卅卌幺几半]"
                  "|数(?=[以十百千万亿兆拾佰仟])")
_CJK = regex.compile(r"\p{Han}")
_DIGIT_RUN = regex.compile(r"[0-9][0-9,.]*")
_TITLE = regex.compile(r"《[^《》\n]{1,40}》")
_URL = regex.compile(r"(?:https?://|www\.)[!-~]+")
_ISO_DATE = regex.compile(r"((?:19|20)[0-9]{2})([-/.])(1[0-2]|0?[1-9])\2(3[01]|[12][0-9]|0?[1-9])(?![0-9])")
_CNY_NAMED = regex.compile("|".join(map(regex.escape, loaders.number_words_with("cny_name"))))
# Q1 to Q4 and H1, H2 (a quarter, a half of the year), alone or after a year.
_QUARTER = regex.compile(r"(?:[Qq][1-4]|[Hh][12])(?![0-9A-Za-z])")
_DATE_WORDS = frozenset({"年", "月", "日", "财"})  # what makes a numeral a date (财 of 2023财年)
_CONNECTORS = ("——", "--", "~", "-", "–", "—", "到", "至")
_CONNECTOR_STARTS = frozenset(c[0] for c in _CONNECTORS)
_INCLUDED = ("(含)", "（含）")  # after a bound: the bound itself is included (50万元(含)以上)
# A short bracketed remark after a figure, before the dash of a range:
# 1万(含)-5万元, 1万元(不含增值税)-5万元. It holds no Arabic digit (a
# figure of its own, or a note number) and stays inside its sentence.
_REMARK = re.compile(  # (re, not regex: half the cost of a match)
    r"[(（][^()（）0-9\n。；;！？!?]{1,10}[)）]")
_CLAUSE_END = WORD_EDGES  # (named for the edge of a clause it mostly is)
# Characters after a numeral that can make its expression longer than the
# numeral itself, besides the first characters of units and qualifiers:
# 个 (三个亿), 分 (八分之一), 又, 点, dates (年月日号底末份), 成/折, 大, 毛…
_EXTENDERS = "个半%‰成折大强毛角分之又点.多余来几数年月日号底末份~-–—到至(（" + _SPACES
_PLACE_CHARS = frozenset(SMALL_UNITS) | frozenset(BIG_UNITS)
# Characters before a numeral that can join its expression: ordinal and sign
# marks; currency words and qualifiers are added from their tables.
# Latin labels of a change glued to its sign: yoy-8.5% is a fall of 8.5%.
_CHANGE_LABELS = frozenset({"yoy", "qoq", "mom"})
_JOINERS_BEFORE = "第其之前首负好国Pp-" + _SPACES


def _is_cjk(c: str) -> bool:
    # (the unified ideographs, where nearly every character is, without the
    # pattern; every code point of 一 to 鿼 is Han)
    return "\u4e00" <= c <= "\u9ffc" or bool(_CJK.match(c))


def _skip_space(f: str, k: int) -> int:
    return k + 1 if k < len(f) and f[k] in _SPACES else k


# Before it: what _with_prefixes reads besides the joiners of _around —
# Q3, H1, 零下.
_PLAIN_BEFORE_STOP = frozenset("QqHh下Pp")  # (Top 10)
# What may stand between the two halves of a stated interval: 大于10小于20,
# 大于二十的同时小于三十五, 大于100 并且小于300; and between 20和30之间.
_LIST_JOINERS = frozenset(loaders.number_words_with("list_joiner"))
# The Republic of China calendar: year 1 is 1912. A year of it is read
# without 民国 before what a Taiwanese filing writes after one (112年11月,
# 112年度, 112年第四季).
_ROC_OFFSET = 1911
