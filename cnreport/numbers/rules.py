"""Precision rules: is a read expression a quantity at all?

Each rule is named and listed in :data:`RULES`, in the order they are
tried; the first that decides keeps or drops the expression, and one that
only reclassifies it (a bare 2019 is a year) lets the next ones judge the new
reading. :func:`cnreport.numbers.decisions` tells which rule decided each
expression of a text.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Optional, Union

import attrs
import regex

from ..lexicon.numerals import ASCII_MAGNITUDES, DIGITS, FINANCIAL
from ..words import lexicalized_words
from .chars import _CLAUSE_END, _PLACE_CHARS, _QUARTER, _is_cjk
from .draft import _Draft, _evolve
from .early import _PER_ONE
from .integers import _digit_count
from .money import _financial
from .names import (
    _after_identifier_word,
    _after_latin,
    _bracketed_name,
    _closes_code,
    _glued_in_words,
    _hyphened_to_latin,
    _Scan,
)
from .tables import _words
from .trace import _RECORD

# What a rule answers: True keeps the expression, False drops it, a draft
# goes on to the next rules as read anew, None leaves it to the next rules.
Verdict = Union[bool, _Draft, None]
_DOCUMENT_YEAR = regex.compile(r"[〔\[［(（](?:19|20)[0-9]{2}[〕\]］)）]$")


@attrs.frozen
class Rule:
    """A precision rule: its ``name``, what it decides (``doc``), and the
    test (``None`` for the rules the walk applies before reading)."""

    name: str
    doc: str
    check: Optional[Callable[[str, _Draft, _Scan], Verdict]] = attrs.field(default=None, repr=False,
                                                                         eq=False)


def _keep(f: str, d: _Draft, scan: _Scan) -> Optional[_Draft]:
    """The draft if it is a quantity (reclassified as the rules say), or
    None when a precision rule drops it."""
    decided = "no rule"
    # (the rules never change a draft's numeral: its script picks the rules once)
    checks = _CHECKS if d.numeral is None else _ARABIC_CHECKS if d.numeral.arabic else _CHINESE_CHECKS
    for name, check, drops in checks:
        verdict = check(f, d, scan)
        if drops:
            if not verdict:
                continue
            verdict = False
        elif verdict is None:
            continue
        decided = name
        if verdict is False:
            _record(d, decided, False)
            return None
        if verdict is True:
            break
        d = verdict
    _record(d, decided, True)
    return d


def _record(d: _Draft, rule: str, kept: bool) -> None:
    record = _RECORD.get()
    if record is not None:
        record.append((d.start, d.end, rule, kept))


def _edges(f: str, d: _Draft) -> tuple[str, str]:
    """The characters before the expression and after its numeral."""
    return (f[d.start - 1] if d.start > 0 else "", f[d.core_end] if d.core_end < len(f) else "")


def _in_name(f: str, d: _Draft, scan: _Scan) -> Verdict:
    return False if scan.in_name(d.core_start) else None


def _fraction_in_word(f: str, d: _Draft, scan: _Scan) -> Verdict:
    return False if d.numeral is None and d.kind == "fraction" and _inside_word(f, d) else None


def _fixed_form(f: str, d: _Draft, scan: _Scan) -> Verdict:
    return True if d.numeral is None else None


def _holiday(f: str, d: _Draft, scan: _Scan) -> Verdict:
    return False if d.unit is None and d.start == d.core_start and d.kind == "cardinal" \
        and f.startswith("期间", d.end) else None


def _digits_counted(f: str, d: _Draft, scan: _Scan) -> Verdict:
    return False if d.unit is not None and _digit_count(f, d.unit[0], d.unit[1]) else None


def _decade(f: str, d: _Draft, scan: _Scan) -> Verdict:
    return False if d.kind == "duration" and d.unit is not None and f.startswith("代", d.end) \
        and f[d.unit[0]:d.unit[1]] == "年" and not f.startswith(_words("not_decade"), d.end) else None


def _bare_year(f: str, d: _Draft, scan: _Scan) -> Verdict:
    num = d.numeral
    assert num is not None
    if d.kind == "cardinal" and d.unit is None and num.arabic and not num.has_magnitude \
            and isinstance(d.value, int) and 1900 <= d.value <= 2099 and num.end - num.start == 4 \
            and d.qualifier is None and d.start == d.core_start:
        return _evolve(d, kind="year")
    return None


def _year_of_quarter(f: str, d: _Draft, scan: _Scan) -> Verdict:
    # (only a bare year has no unit and a numeral: 2019年 has its 年)
    return True if d.kind == "year" and d.unit is None and d.numeral is not None \
        and _QUARTER.match(f, d.core_end) else None


Check = Callable[[str, _Draft, _Scan], Verdict]
# The test of each rule of Arabic digits, by the rule that wraps it
_ARABIC_ONLY: dict[Check, Check] = {}


def _arabic(check: Callable[[str, _Draft, _Scan], bool]) -> Callable[[str, _Draft, _Scan], Verdict]:
    """A rule that drops an expression written in Arabic digits when
    ``check`` says so."""
    def rule(f: str, d: _Draft, scan: _Scan) -> Verdict:
        return False if d.numeral is not None and d.numeral.arabic and check(f, d, scan) else None
    _ARABIC_ONLY[rule] = check
    return rule


def _plain_cardinal(d: _Draft) -> bool:
    num = d.numeral
    return d.unit is None and d.kind == "cardinal" and num is not None and not num.has_magnitude \
        and d.qualifier is None


def _version(f: str, d: _Draft, scan: _Scan) -> bool:
    num = d.numeral
    assert num is not None
    return _plain_cardinal(d) and num.decimal and f[num.start:num.end].endswith(".0")


def _glued(f: str, d: _Draft, scan: _Scan) -> bool:
    num = d.numeral
    assert num is not None
    prev, nxt = _edges(f, d)
    return _plain_cardinal(d) and num.lo == num.hi and d.start == d.core_start \
        and _glued_in_words(f, prev, nxt, d.core_end)


def _latin_after(f: str, d: _Draft, scan: _Scan) -> bool:
    nxt = _edges(f, d)[1]
    if nxt == "." and d.core_end + 1 < len(f) and f[d.core_end + 1].isascii() and f[d.core_end + 1].isalpha():
        return True  # 163.com
    return nxt.isascii() and nxt.isalpha() and d.unit is None and nxt not in ASCII_MAGNITUDES


def _identifier(f: str, d: _Draft, scan: _Scan) -> bool:
    return d.unit is None and d.kind in ("cardinal", "year") and d.start == d.core_start \
        and _after_identifier_word(f, d.start, scan)


def _bracketed(f: str, d: _Draft, scan: _Scan) -> bool:
    num = d.numeral
    assert num is not None
    prev, nxt = _edges(f, d)
    return d.unit is None and d.kind in ("cardinal", "year") and d.start == d.core_start and prev in "(（" \
        and ((nxt != "" and nxt in ")）") or _closes_code(f, d.end)) \
        and _bracketed_name(f, d.start, f[num.start:num.end])  # (an unclosed bracket at the end holds no code)


def _document_number(f: str, d: _Draft, scan: _Scan) -> bool:
    prev, nxt = _edges(f, d)
    return nxt == "号" and d.end == d.core_end + 1 and prev in "〕]］）)" \
        and bool(_DOCUMENT_YEAR.search(f, max(0, d.start - 8), d.start))


def _one_to_one(f: str, d: _Draft, scan: _Scan) -> bool:
    return d.unit is not None and f[d.unit[0]:d.unit[1]] == "对" and d.end < len(f) \
        and (f[d.end].isdigit() or f[d.end] in DIGITS)


def _cohort(f: str, d: _Draft, scan: _Scan) -> bool:
    num = d.numeral
    assert num is not None
    return d.unit is None and d.kind == "cardinal" and f.startswith(("后", "後"), d.core_end) \
        and num.end - num.start == 2 and d.qualifier is None


def _word(f: str, d: _Draft, scan: _Scan) -> Verdict:
    num = d.numeral
    assert num is not None
    if num.arabic:
        return None
    # 壹分, 壹角: jieba lists them as words, but on a cheque they are money
    return False if _inside_word(f, d, whole_ok=d.kind == "money" and _financial(f, num)) else None


def _single_digit(f: str, d: _Draft, scan: _Scan) -> Verdict:
    num = d.numeral
    assert num is not None
    if num.arabic or not (num.only_digit is not None or (num.chinese == 1 and f[num.start] in FINANCIAL)):
        return None
    prev, nxt = _edges(f, d)
    return _single_digit_ok(f, d, prev, nxt)


def _after_latin_name(f: str, d: _Draft, scan: _Scan) -> bool:
    return (_after_latin(_edges(f, d)[0]) or _hyphened_to_latin(f, d.start)) and d.start == d.core_start


RULES: tuple[Rule, ...] = (
    Rule("chain", "three numbers or more chained by one mark are a designation: 3.2.1, 192.168.1.1, "
                  "010-6666-8888 (a date written so is read as a date)"),
    Rule("clock_time", "15:00, 9:30: a time of day, no quantity"),
    Rule("lone_in_word", "a numeral character alone inside a word that is no quantity: 零售, 一起, 统一"),
    Rule("article", "一 + measure word inside a clause before a noun: the indefinite article (有一个很好的)"),
    Rule("ill_formed", "a Chinese numeral whose run goes on where the read stopped: 十十, 三分之一分之"),
    Rule("in_name", "inside a book title, a web address or a brand with digits: 《一线》, 7-11", _in_name),
    Rule("fraction_in_word", "a fixed fraction inside a word", _fraction_in_word),
    Rule("fixed_form", "an idiom, a date, a percentage or fraction word: fixed forms are kept", _fixed_form),
    Rule("holiday", "a holiday or a plan named by its number: 十一期间, 双11期间, 十四五期间", _holiday),
    Rule("digit_count", "the 位 of 位数 counts digits: 两位数增长, 6位数密码", _digits_counted),
    Rule("decade", "a decade whose century is not written: 九十年代, 90年代", _decade),
    Rule("bare_year", "four digits from 1900 to 2099 alone are a year, which the next rules judge", _bare_year),
    Rule("year_of_quarter", "a year before a quarter or a half: 2023Q4, 2024H1", _year_of_quarter),
    Rule("after_latin", "digits after Latin letters, or after them and a hyphen, are part of a name: MP3, T.1, CY-201",
         _arabic(_after_latin_name)),
    Rule("latin_after", "digits before Latin letters are part of a name: 5G, 4S店, 163.com",
         _arabic(_latin_after)),
    Rule("version", "a version number: 2.0, 10.0", _arabic(_version)),
    Rule("glued", "a bare number between two Chinese characters is a name: 见实425直播", _arabic(_glued)),
    Rule("identifier", "a number after an identifier word: 代号为9151, 股票代码600519", _arabic(_identifier)),
    Rule("bracketed", "a stock code or a dateline day in brackets: 中芯国际(688981), 今（10）日",
         _arabic(_bracketed)),
    Rule("document_number", "a document number after its year: 国发〔2015〕40号", _arabic(_document_number)),
    Rule("one_to_one", "1对1: a manner, no count", _arabic(_one_to_one)),
    Rule("cohort", "95后, 00后: a generation", _arabic(_cohort)),
    Rule("in_word", "a Chinese numeral inside a word that is no quantity: 統一, 一些, 萬達, 十分重要",
         _word),
    Rule("single_digit", "one Chinese digit counts with a unit, after 第 or 之, as 一是 (firstly) or "
                         "standing alone; 一 + measure word only when it counts", _single_digit),
)
# The rules the walk applies, each as (name, test, drops): drops when the test
# only says whether to drop (see _ARABIC_CHECKS).
_CHECKS: tuple[tuple[str, Check, bool], ...] = tuple(
    (rule.name, rule.check, False) for rule in RULES if rule.check is not None)
# The rules each script can meet, in the same order: the rules of Arabic
# digits pass over a Chinese numeral, and in_word and single_digit over Arabic
# digits, so that a figure is not put to the rules that cannot decide it. A
# rule of Arabic digits is put as its own test, without its wrapper's call.
_ARABIC_CHECKS = tuple((name, _ARABIC_ONLY.get(check, check), check in _ARABIC_ONLY)
                       for name, check, _ in _CHECKS if check not in (_word, _single_digit))
_CHINESE_CHECKS = tuple(rule for rule in _CHECKS if rule[1] not in _ARABIC_ONLY)


def _single_digit_ok(f: str, d: _Draft, prev: str, nxt: str) -> Verdict:
    """One Chinese digit: a number with a unit, an ordinal marker, 之一, 一是
    (firstly: an ordinal), or standing alone; 一 + measure word only when it
    counts (一個是…, 就有一個)."""
    num = d.numeral
    assert num is not None
    ch = f[num.start]
    if ch in FINANCIAL and d.unit is None and d.kind in ("cardinal",):
        return _alone(prev, nxt)
    if d.kind in ("ordinal", "percent", "multiple", "fraction", "money", "date", "year"):
        return True
    if d.start < d.core_start and d.qualifier is None and f[d.start] == "之":
        return True
    if d.unit is None:
        if d.no_unit_text:
            return True
        if d.qualifier is not None:
            return True
        if nxt == "是" and (not prev or prev in _CLAUSE_END or not _is_cjk(prev)):
            return _evolve(d, kind="ordinal")
        return _alone(prev, nxt)
    if d.kind == "duration" or num.only_digit not in ("一", "壹") or d.qualifier is not None:
        return True
    after = f[d.end] if d.end < len(f) else ""
    if after == "是" or after == "" or after in _CLAUSE_END or not _is_cjk(after):
        # 市值最高的一间: "the one", a pronoun after a superlative
        return not (prev == "的" and "最" in f[max(0, d.start - 8):d.start])
    if prev == "" or prev in _CLAUSE_END or prev in "：:" or f.endswith(_words("hedge"), 0, d.start):
        # 一台设备就要80万元: the price or size of one; 两家公司：一家…，另一家…
        unit = f[d.unit[0]:d.unit[1]] if d.unit is not None else ""
        return bool(_PER_ONE.match(f, d.end)) or (unit != "" and f.find("另一" + unit, d.end, d.end + 40) >= 0)
    return False



def _alone(prev: str, nxt: str) -> bool:
    def edge(c: str) -> bool:
        return c == "" or c in _CLAUSE_END or c in "“”‘’\"'《》()（）【】[]" or not (_is_cjk(c) or c.isalnum())
    return edge(prev) and edge(nxt)


def _inside_word(f: str, d: _Draft, whole_ok: bool = False) -> bool:
    """Whether the numeral sits inside a word that is not a quantity (統一,
    一些, 萬達, 十分重要) — a word from jieba's dictionary or our list."""
    if d.fixed and d.kind != "fraction":
        return False
    # 第四季, 第三节: after 第 the numeral is an ordinal whatever word it
    # starts (四季, 三节)
    ordinal = d.kind == "ordinal" and f[d.start] == "第"
    # 全国一百大: a word ending on the first digit of a place-value numeral
    # (国一) is the dictionary's, not the text's
    placed = d.core_end - d.core_start > 1 and f[d.core_start + 1] in _PLACE_CHARS
    # 近万名, 上万名: jieba lists a few qualified counts as words; a word that
    # is the whole expression, qualifier first, is that count
    whole_ok = whole_ok or (d.start < d.core_start and (d.qualifier is not None or f[d.start] == "好"))
    for ws, we in lexicalized_words().covering(f, d.core_start):
        if (ordinal and ws == d.core_start) or (placed and ws < d.core_start and we == d.core_start + 1):
            continue
        if d.kind == "duration" and ws == d.start - 1 and f[ws] == "前" and d.unit is not None \
                and f[d.unit[0]:d.unit[1]] in ("月", "季度"):
            continue  # 前三季度: 前三 is a word, but here 前 opens the period
        if ws < d.start or we > d.end or (ws == d.start and we == d.end and not whole_ok):
            return True
    return False
