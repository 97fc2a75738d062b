"""Find every numeric expression in a text: value, span, unit, qualifier, kind.

The finder walks the folded text (same length as the original, see
:mod:`cnreport.normalize`) from one numeral character to the next. At each it
reads the longest expression it can — fixed idioms (成千上万), percentages
(百分之六十), fractions (八分之一), dates (2019年3月底), ranges (5~6億),
then a numeral with what is attached to it: a qualifier before (超過, 近),
a unit or measure word after (萬臺, 個小時, 塊錢), 多/余, and a qualifier
after (以上, 左右). A few precision rules then drop what is not a quantity:
numerals inside words (統一, 一些, 萬達 — from jieba's dictionary and our own
list), the indefinite 一個, names such as 5G and 95後, versions such as 2.0.
"""
from __future__ import annotations

import calendar
import re
from fractions import Fraction
from functools import lru_cache
from typing import Optional

import attrs
import regex

from .lexicon import table
from .lexicon.numerals import (
    APPROX_PAIRS,
    ASCII_MAGNITUDES,
    BIG_UNITS,
    DIGITS,
    FINANCIAL,
    SEVERAL_BEFORE,
    SMALL_UNITS,
    TENS,
)
from .model import NumberMention, Value
from .normalize import fold
from .numerals import MAX_DIGITS, Numeral, Rational, arabic_end, exact, per_one, scan_fraction, scan_numeral
from .words import Words, lexicalized_words

__all__ = ["find_numbers"]

_SPACES = " \u3000\xa0"
# Characters at which a numeric expression can begin: numerals, 半, and 数
# before a place unit or 以 (数十, 数以万计); idioms add theirs (成千上万).
_NUMERAL_START = "[0-9零〇○一二三四五六七八九十百千万亿兆两俩壹贰叁参肆伍陆柒捌玖拾佰仟廿卅卌幺几半]|数(?=[以十百千万亿兆拾佰仟])"
_CJK = regex.compile(r"\p{Han}")
_DIGIT_RUN = regex.compile(r"[0-9][0-9,.]*")
# FY2023: a fiscal year, though digits after Latin letters are a name (5G, T1).
_FISCAL_YEAR_MARKS = frozenset({"FY", "fy", "Fy"})
_FISCAL_YEAR = re.compile(r"(?:(?:19|20)[0-9]{2}|[0-9]{2})(?![0-9A-Za-z])")  # FY2023, FY24
# Three numbers or more chained by one mark are a designation, not figures:
# section numbers (3.2.1), versions (1.2.3), addresses (192.168.1.1), phone
# numbers (010-6666-8888). A date written so (2019-03-01) is read as a date.
_CLOCK = re.compile(r"(?:[01]?[0-9]|2[0-4]):[0-5][0-9](?::[0-5][0-9])?(?![0-9.:])")
_CHAIN = re.compile(r"[0-9]+([.~-])[0-9]+(?:\1[0-9]+)+")
# A Chinese numeral that stops where another digit or 十 stands against it
# (十十, 十一十二), or a fraction followed by 分之 (三分之一分之), is
# ill-formed, and so is the rest of its run. Not 两 (十两, ten taels) nor the
# financial digits that are common characters (五十陆续).
_ILL_FORMED_NEXT = frozenset("零〇○一二三四五六七八九十廿卅卌分")
_CHINESE_RUN = re.compile("(?:[零〇○一二三四五六七八九十百千万亿兆两廿卅卌点几]|分之)+")
_TITLE = regex.compile(r"《[^《》\n]{1,40}》")
_URL = regex.compile(r"(?:https?://|www\.)[!-~]+")
_ISO_DATE = regex.compile(r"((?:19|20)[0-9]{2})([-/.])(1[0-2]|0?[1-9])\2(3[01]|[12][0-9]|0?[1-9])(?![0-9])")
_DOCUMENT_YEAR = regex.compile(r"[〔\[［(（](?:19|20)[0-9]{2}[〕\]］)）]$")
# Characters before a bare number between two Chinese characters that make it
# a figure, not part of a name (等于1535的, 得了90分, 比170低, 占30的).
_GLUE_BREAKERS = frozenset("和或与及是为于过比达约等占共计了有仅只跌涨增降减")
_ARTICLE_MEASURES = frozenset("个种次条位件张部款套份台")
# After 一 + measure word: what may still make it a count (一个是, 一个半, 一个亿, 一个多月).
_ARTICLE_AFTER_KEEPS = frozenset("是半多亿万千百十") | frozenset("零〇一二两三四五六七八九")
# Adverbs that may open a clause before 一 + measure word (可能一个机器就要…).
_HEDGES = ("可能", "大概", "平均", "通常", "往往", "基本上", "差不多")
# After 一 + measure word at the start of a clause: what one of them costs or holds.
_PER_ONE = regex.compile(r"[^，,。；;！？!?\n]{0,8}?(?:就要|就有|就能|就可以|就得|可以有|可以|要|能)"
                         r"[^，,。；;！？!?\n]{0,6}?(?:[0-9]|[一二两三四五六七八九十百千]+[万亿千百元块个家])")
_CNY_NAMED = regex.compile(r"人民币|RMB|¥")
# Q1 to Q4 and H1, H2 (a quarter, a half of the year), alone or after a year.
_QUARTER = regex.compile(r"(?:[Qq][1-4]|[Hh][12])(?![0-9A-Za-z])")
# 9（南）号码头: a note of one to three characters between a number and 号
_DESIGNATION_NOTE = regex.compile(r"[（(][^（()）\s]{1,3}[）)]号")
_SLASH_FRACTION = regex.compile(r"([0-9]{1,6})/([1-9][0-9]{0,5})(?![0-9/])")
_DATE_WORDS = frozenset({"年", "月", "日", "财"})  # what makes a numeral a date (财 of 2023财年)
_CONNECTORS = ("——", "--", "~", "-", "–", "—", "到", "至")
_CONNECTOR_STARTS = frozenset(c[0] for c in _CONNECTORS)
_CLAUSE_END = set("，,。.;；:：!！?？、)）」』”\"'\n\r\t ") | set(_SPACES)
_PERCENT_PREFIXES = {"百分之": ("%", Fraction(1)), "千分之": ("‰", Fraction(1, 10)),
                     "万分之": ("‱", Fraction(1, 100))}
_TIME_AFTER_GE = ("小时", "月", "星期", "礼拜", "季度", "钟头", "工作日")
_SIGNS = {"RMB": "CNY", "¥": "CNY", "US$": "USD", "HK$": "HKD", "NT$": "TWD", "$": None, "£": "GBP", "€": "EUR"}
# Currency words and signs written before the amount (人民币50元, ¥300).
_CURRENCY_BEFORE = ("人民币", "港币", "美金", "新台币", "台币", "欧元", "RMB", "US$", "HK$", "NT$", "$", "¥", "£", "€")
_CURRENCY_LAST = frozenset(word[-1] for word in _CURRENCY_BEFORE)
# Financial digits that are nothing else in running text.
_CHEQUE_ONLY = frozenset("壹贰叁肆柒捌玖")
# Characters after a numeral that can make its expression longer than the
# numeral itself, besides the first characters of units and qualifiers:
# 个 (三个亿), 分 (八分之一), 又, 点, dates (年月日号底末份), 成/折, 大, 毛…
_EXTENDERS = "个半%‰成折大强毛角分之又点.多余来几数年月日号底末份~-–—到至(（" + _SPACES
_PLACE_CHARS = frozenset(SMALL_UNITS) | frozenset(BIG_UNITS)
# Words that begin with 强 after a number without making it a ranking (3强调).
_STRONG_WORDS = ("强调", "强化", "强大", "强劲", "强势", "强烈", "强制", "强度", "强行", "强迫", "强者")
_SHARE_LEANS = {"强": ">", "弱": "<"}  # after a share: 三分之一强, 两成弱
_LEAN_WORDS = _STRONG_WORDS + ("弱势", "弱化", "弱小", "弱点", "弱者", "弱于")
# Characters before a numeral that can join its expression: ordinal and sign
# marks; currency words and qualifiers are added from their tables.
_JOINERS_BEFORE = "第其之前负好国Pp-" + _SPACES


@attrs.frozen
class _Unit:
    word: str
    kind: str
    currency: Optional[str]  # money: its ISO 4217 code
    scale: Rational = 1  # percentage points per unit (5‰ is 0.5%), or yuan or dollars (15港仙 is 0.15)


@lru_cache(maxsize=1)
def _units() -> dict[str, _Unit]:
    units: dict[str, _Unit] = {}
    for row in table("units.tsv", 4):
        if row[0] in units:
            raise ValueError(f"{row.file}:{row.line}: {row[0]!r} is listed twice")
        currency, _, per = row[2].partition(" ") if row[1] == "money" else ("", "", row[2] if row[1] == "percent" else "")
        units[row[0]] = _Unit(row[0], row[1], currency or None, Fraction(per) if per else 1)
    return units


@lru_cache(maxsize=1)
def _unit_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(u) for u in _units()}, reverse=True))


@attrs.frozen
class _Qualifier:
    word: str
    symbol: str
    not_after: str


@lru_cache(maxsize=1)
def _qualifiers() -> tuple[list[_Qualifier], list[_Qualifier]]:
    before: list[_Qualifier] = []
    after: list[_Qualifier] = []
    for row in table("qualifiers.tsv", 4):
        q = _Qualifier(row[0], row[1], row[3])
        if row[2] == "before":
            before.append(q)
        elif row[2] == "after":
            after.append(q)
        else:
            raise ValueError(f"{row.file}:{row.line}: position must be before or after")
    before.sort(key=lambda q: -len(q.word))
    after.sort(key=lambda q: -len(q.word))
    return before, after


@lru_cache(maxsize=1)
def _qualifiers_ending() -> dict[str, list[_Qualifier]]:
    """The qualifiers that stand before a number, by their last character."""
    by_last: dict[str, list[_Qualifier]] = {}
    for q in _qualifiers()[0]:
        by_last.setdefault(q.word[-1], []).append(q)
    return by_last


@lru_cache(maxsize=1)
def _qualifiers_starting() -> dict[str, list[_Qualifier]]:
    """The qualifiers that stand after a number, by their first character."""
    by_first: dict[str, list[_Qualifier]] = {}
    for q in _qualifiers()[1]:
        by_first.setdefault(q.word[0], []).append(q)
    return by_first


@attrs.frozen
class _SetPhrase:
    """An idiom (成千上万: a range) or a set word (双倍, 翻一番: one value)."""

    word: str
    value: Optional[int]
    low: Optional[int]
    high: Optional[int]
    kind: str
    unit: str


@lru_cache(maxsize=1)
def _idioms() -> list[_SetPhrase]:
    phrases = [_SetPhrase(r[0], None, int(r[1]), int(r[2]), "cardinal", "") for r in table("vague.tsv", 4)]
    for r in table("set_numbers.tsv", 5):
        if r[3] and not r[0].endswith(r[3]):
            raise ValueError(f"{r.file}:{r.line}: the unit must end the word")
        phrases.append(_SetPhrase(r[0], int(r[1]), None, None, r[2], r[3]))
    return sorted(phrases, key=lambda p: -len(p.word))


@lru_cache(maxsize=1)
def _idiom_starts() -> frozenset[str]:
    return frozenset(p.word[0] for p in _idioms())


@lru_cache(maxsize=1)
def _start() -> re.Pattern[str]:
    """Where an expression may begin: a numeral, or an idiom of ours.

    Compiled by the standard library's ``re``, which scans for a character
    class about three times as fast as ``regex``: this search runs over every
    character of the text."""
    idioms = "|".join(re.escape(p.word) for p in _idioms())
    several = "|".join(re.escape(word) for word in SEVERAL_BEFORE)
    start = f"{_NUMERAL_START}|数(?=(?:{several}))"
    return re.compile(f"{start}|(?=(?:{idioms}))." if idioms else start)


@lru_cache(maxsize=1)
def _unit_starts() -> frozenset[str]:
    return frozenset(u[0] for u in _units())


def _match_unit(f: str, k: int) -> Optional[_Unit]:
    if k >= len(f) or f[k] not in _unit_starts():
        return None
    units = _units()
    for n in _unit_lengths():
        u = units.get(f[k:k + n])
        if u is not None:
            e = k + n
            if e < len(f) and f[e].isascii() and f[e].isalpha() and f[e - 1].isascii():
                continue  # a Latin unit is a whole word: not the pp of ppm, the MW of MWp
            return u
    return None


def _is_cjk(c: str) -> bool:
    return bool(_CJK.match(c))


def _skip_space(f: str, k: int) -> int:
    return k + 1 if k < len(f) and f[k] in _SPACES else k


@attrs.define
class _Draft:
    """A mention being assembled; offsets index the folded (= original) text."""

    start: int
    end: int
    core_start: int
    core_end: int
    value: Optional[Value]
    kind: str = "cardinal"
    unit: tuple[int, int] | None = None  # span of the unit as written
    unit_kind: str = ""
    qualifier: Optional[str] = None
    low: Optional[Value] = None
    high: Optional[Value] = None
    currency: Optional[str] = None
    numeral: Optional[Numeral] = None
    fixed: bool = False  # built from a fixed form (idiom, date, percent): no word check
    no_unit_text: bool = False  # the suffix stays in the surface but is not a unit (三大, 千万级)
    unit_text: Optional[str] = None  # the unit when it is not the text at ``unit`` (百分之 → %)


def find_numbers(text: str) -> list[NumberMention]:
    """Every numeric expression in ``text``, in order and not overlapping.

    Never raises for a ``str``; anything else is a :class:`TypeError`.

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
    return _find_numbers(text, fold(text))


def _find_numbers(text: str, f: str) -> list[NumberMention]:
    """:func:`find_numbers` of ``text`` whose fold is ``f``."""
    scan = _Scan(f)
    out: list[NumberMention] = []
    floor = 0
    i = 0
    n = len(f)
    words = lexicalized_words()
    start = _start()
    while i < n:
        m = start.search(f, i)
        if m is None:
            break
        i = m.start()
        if "0" <= f[i] <= "9":
            fiscal = _fiscal_year(text, f, i)
            if fiscal is not None:
                out.append(fiscal)
                floor = i = fiscal.end
                continue
            if f[i + 1:i + 2] in _PERIOD_MARKS or f[i + 2:i + 3] in _PERIOD_MARKS:  # 3Q23, 24Q1
                period = _broker_period(text, f, i)
                if period:
                    out.extend(period)
                    floor = i = period[-1].end
                    continue
            chain = _CHAIN.match(f, i)
            if chain is not None and not _is_date_chain(f, i, chain.end()):
                i = chain.end()
                continue
            if ":" in f[i + 1:i + 3]:
                clock = _CLOCK.match(f, i)
                if clock is not None and (i == 0 or not (f[i - 1].isdigit() or f[i - 1] in ".:")):
                    i = clock.end()  # 15:00, 9:30: a time of day, no quantity
                    continue
            plain = _plain_arabic(text, f, i, floor, scan)
            if plain is not None:
                mention, end = plain
                if mention is not None:
                    out.append(mention)
                    floor = end
                i = end
                continue
        elif _lone_in_word(f, i, words) or (f[i] == "一" and _article(f, i)):
            i += 1
            continue
        draft = _read(f, i, floor)
        if draft is not None and draft.end < n and f[draft.end] in _ILL_FORMED_NEXT and _ill_formed(f, draft):
            i = _CHINESE_RUN.match(f, draft.end).end()  # type: ignore[union-attr]
            continue
        if draft is None:
            # Arabic digits always read, unless the run is too long to be a
            # quantity: skip all of it, not one digit at a time.
            i = _DIGIT_RUN.match(f, i).end() if "0" <= f[i] <= "9" else i + 1  # type: ignore[union-attr]
            continue
        if not _keep(f, draft, scan):
            # the rest of a rejected numeral (the 5 of 95后) is not read again
            i = max(i + 1, draft.core_end if draft.numeral is None else draft.numeral.end)
            continue
        out.append(_finish(text, draft))
        floor = draft.end
        i = draft.end
    if len(out) < 2:
        return out
    return _local_dollars(f, _shared_series(text, f, _shared_designations(f, _join_bounds(text, f, out))))


def _fiscal_year(text: str, f: str, i: int) -> Optional[NumberMention]:
    """FY2023 (not NFY2023): the year, its mark as the unit."""
    if i < 2 or f[i - 1] not in "Yy" or f[i - 2:i] not in _FISCAL_YEAR_MARKS \
            or (i > 2 and f[i - 3].isascii() and f[i - 3].isalnum()):
        return None
    year = _FISCAL_YEAR.match(f, i)
    if year is None:
        return None
    value = int(year.group())
    return NumberMention(text=text[i - 2:year.end()], start=i - 2, end=year.end(),
                         value=value if value >= 100 else 2000 + value, kind="year", unit=text[i - 2:i])


# Broker notes: 3Q23, 1H24 (the quarter or half, then the year) and 24Q1
# (the year, then the quarter).
_PERIOD_MARKS = frozenset("QqHh")
_PERIOD_YEAR = re.compile(r"([1-4])([Qq])([0-9]{2})(?![0-9A-Za-z])|([12])([Hh])([0-9]{2})(?![0-9A-Za-z])")
_YEAR_PERIOD = re.compile(r"([0-9]{2})(?=[Qq][1-4](?![0-9A-Za-z])|[Hh][12](?![0-9A-Za-z]))")


def _broker_period(text: str, f: str, i: int) -> list[NumberMention]:
    """3Q23 → Q3 (ordinal, unit Q) and 2023; 24Q1 → 2024 (the Q1 after it is
    read as any quarter is). Two-digit years are of this century."""
    if i > 0 and f[i - 1].isascii() and f[i - 1].isalnum():
        return []
    m = _PERIOD_YEAR.match(f, i)
    if m is not None:
        g = 1 if m.group(1) else 4
        mark, year = m.start(g + 1), m.start(g + 2)
        return [NumberMention(text=text[i:year], start=i, end=year, value=int(m.group(g)), kind="ordinal",
                              unit=text[mark:year]),
                NumberMention(text=text[year:m.end()], start=year, end=m.end(), value=2000 + int(m.group(g + 2)),
                              kind="year")]
    m = _YEAR_PERIOD.match(f, i)
    if m is not None:
        return [NumberMention(text=text[i:m.end()], start=i, end=m.end(), value=2000 + int(m.group(1)),
                              kind="year")]
    return []


def _ill_formed(f: str, d: _Draft) -> bool:
    """Whether the numeral material at the end of ``d`` goes on where the
    read stopped (the caller has checked the next character)."""
    if f[d.end] == "分":
        return d.kind in ("fraction", "percent") and f.startswith("分之", d.end)
    num = d.numeral
    if f[d.end] == "一" and per_one(f, d.end + 1) and num is not None and num.has_magnitude:
        return False  # 三萬五一個月: 35,000 a month
    return num is not None and num.chinese > 0 and not num.arabic and d.end == num.end


def _is_date_chain(f: str, i: int, end: int) -> bool:
    m = _ISO_DATE.match(f, i)
    return m is not None and m.end() == end


@lru_cache(maxsize=1)
def _digit_names() -> Optional[regex.Pattern[str]]:
    """Names written with Arabic digits, from ``lexicon/not_numbers.tsv``
    (7-11, 7-Eleven): no quantity inside them."""
    names = sorted((fold(row[0]) for row in table("not_numbers.tsv", 2) if any("0" <= c <= "9" for c in row[0])),
                   key=len, reverse=True)
    return regex.compile("|".join(regex.escape(n) for n in names), regex.IGNORECASE) if names else None


class _Scan:
    """What one pass over a text keeps as it goes: the names that hold no
    quantities, and the last answer of :func:`_after_identifier_word` (a list
    of identifiers is walked back once, not once per item)."""

    __slots__ = ("names", "identifier_at", "identifier")

    def __init__(self, f: str) -> None:
        # book titles (《一线》), web addresses (%20) and brands (7-11便利店)
        self.names = [(m.start(), m.end()) for m in _TITLE.finditer(f)]
        self.names += [(m.start() - 1, m.end()) for m in _URL.finditer(f)]
        brands = _digit_names()
        if brands is not None:
            self.names += [(m.start() - 1, m.end()) for m in brands.finditer(f)]
        self.identifier_at = -1
        self.identifier = False

    def in_name(self, k: int) -> bool:
        return bool(self.names) and any(a < k < b for a, b in self.names)


# After an Arabic number, what sends it to the full read besides the
# characters of _around: a date word (2023财年), a slash (3/4), a list comma
# (5、600万), the 后 of 95后, the tens 廿卅卌, and Latin letters (5G, 2023Q4).
_PLAIN_AFTER_STOP = _DATE_WORDS | frozenset("/、后後") | frozenset(TENS)
# Before it: what _with_prefixes reads besides the joiners of _around —
# Q3, H1, 零下.
_PLAIN_BEFORE_STOP = frozenset("QqHh下Pp")  # (Top 10)
_PLAIN_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def _plain_arabic(text: str, f: str, i: int, floor: int,
                  scan: _Scan) -> Optional[tuple[Optional[NumberMention], int]]:
    """An Arabic number with nothing around it that joins it (no unit,
    qualifier, connector, prefix, magnitude): the mention, or None when the
    precision rules drop it, and where the scan goes on. None when the full
    read is needed.

    Most numbers of dense text (tables, lists, codes) are of this kind. The
    answer is the one :func:`_read` and :func:`_keep` give, without the
    checks that cannot apply."""
    extend, join = _around()
    if i > floor:
        p = i - 2 if f[i - 1] in _SPACES else i - 1  # a prefix may stand one space before: 约 5
        if p >= floor and (f[p] in join or f[p] in _PLAIN_BEFORE_STOP):
            return None
    written = _PLAIN_NUMBER.match(f, i).group()  # type: ignore[union-attr]
    e = i + len(written)
    nxt = f[e] if e < len(f) else ""
    if nxt:
        if nxt in _SPACES:
            if not (e + 1 < len(f) and "0" <= f[e + 1] <= "9"):
                return None  # 1 2 3, a row of numbers, goes on; anything else may join
        elif nxt == "、":
            if not (i > 0 and f[i - 1] == "、"):
                return None  # the first items of a list may be one figure: 5、600万
        elif nxt in extend or nxt in _PLAIN_AFTER_STOP or (nxt.isascii() and nxt.isalpha()):
            return _year(text, f, i, e, scan) if nxt == "年" and e - i == 4 and "." not in written \
                else _counted(text, f, i, e, scan)
        if nxt in ",，":
            end = arabic_end(f, i)
            if end != e:
                return _counted(text, f, i, end, scan)  # 1,234: thousands
    if len(written) > MAX_DIGITS:
        return None
    prev = f[i - 1] if i > 0 else ""
    dropped = (None, e)
    if _named(f, i, prev, scan):
        return dropped
    decimal = "." in written
    kind = "cardinal"
    if decimal:
        if written.endswith(".0"):
            return dropped  # versions: 2.0, 10.0
        whole, _, tail = written.partition(".")
        value = exact(Fraction(int(whole + tail), 10 ** len(tail)), True)
    else:
        value = int(written)
        if e - i == 4 and 1900 <= value <= 2099:
            kind = "year"
    if kind == "cardinal" and _glued_in_words(f, prev, nxt, e):
        return dropped
    if prev in "(（" and nxt in ")）" and _bracketed_name(f, i, written):
        return dropped
    if _after_identifier_word(f, i, scan):
        return dropped
    return NumberMention(text=text[i:e], start=i, end=e, value=value, kind=kind), e


# Measure words that the full read treats in a way of their own: 十一期间,
# 千万级, 1对1, 9点30分.
_COUNT_STOP_UNITS = frozenset({"期", "级", "对", "点"})


def _counted(text: str, f: str, i: int, digits_end: int,
             scan: _Scan) -> Optional[tuple[Optional[NumberMention], int]]:
    """An Arabic number (with its magnitude: 100萬) and a measure word, a
    magnitude alone or a percent sign, with nothing after them that could go
    on (no qualifier, 多, range or second figure): 13位, 100萬臺, 1,105件,
    2300万, 60%. As :func:`_plain_arabic`, the answer the
    full read gives, or None when it is needed; the prefixes were checked.
    ``digits_end`` is where the digits end."""
    e = digits_end + 1 if f[digits_end:digits_end + 1] in BIG_UNITS else digits_end
    u = _match_unit(f, e)
    kind = "cardinal"
    if u is None:
        if e == digits_end or (e < len(f) and (f[e] in _PLAIN_AFTER_STOP or (f[e].isascii() and f[e].isalpha()))):
            return None  # (most often: no measure word here, nothing read)
        b = e  # 2300万, 1.1亿的: a magnitude and nothing after it that joins
    elif u.kind == "percent" and u.word == "%" and e == digits_end:
        kind, b = "percent", e + 1  # 60%
    elif u.kind != "cardinal" or u.word in _COUNT_STOP_UNITS:
        return None
    else:
        b = e + len(u.word)
    num = scan_numeral(f, i)
    if num is None or num.end != e or not num.arabic or not num.exact or num.more is not None:
        return None
    if u is not None and _digit_count(f, e, b):
        return None, e
    if b < len(f) and f[b] in _around()[0]:
        return None
    if _named(f, i, f[i - 1] if i > 0 else "", scan) or (u is None and _after_identifier_word(f, i, scan)):
        return None, e  # (编号3万: after an identifier word, a number without a unit is one)
    unit = None if u is None else "%" if kind == "percent" else text[e:b]
    return NumberMention(text=text[i:b], start=i, end=b, value=exact(num.lo, num.decimal), kind=kind,
                         unit=unit), b


_MORE_THAN_TWO_DIGITS = re.compile("[0-9]{3}")


def _year(text: str, f: str, i: int, e: int, scan: _Scan) -> Optional[tuple[Optional[NumberMention], int]]:
    """Four digits and 年 with no month, decade or year's end after it
    (2018年): the year, as :func:`_read_date` reads it; None when the full
    read is needed."""
    k = e + 1
    if k < len(f) and (f[k] in _around()[0] or f[k] in "代底末") and not _MORE_THAN_TWO_DIGITS.match(f, k):
        return None  # 2019年3月底, 1960年代, 2019年底, 2018年 4月 (no month or quarter has 3 digits)
    if scan.in_name(i):  # (not glued to Latin letters: a year stays a year in FY2024年)
        return None, e
    return NumberMention(text=text[i:k], start=i, end=k, value=int(f[i:e]), kind="year", unit=text[e:k]), k


def _named(f: str, i: int, prev: str, scan: _Scan) -> bool:
    """Whether the Arabic number at ``i`` is part of a name: inside a book
    title, a web address or a brand, or glued to Latin letters (5G, T.1)."""
    return scan.in_name(i) or _after_latin(prev)


_SHARE_WORDS = ("股价", "股票", "股东", "股份", "股息")  # 台積電(2330)股價: 股 is no measure word here


def _bracketed_name(f: str, i: int, written: str) -> bool:
    """A number in brackets that names rather than counts: a stock code, or
    the day of a news dateline (台積電今（10）日公布: today, the 10th)."""
    e = i + len(written)
    if i >= 2 and f[i - 2] in "今昨明前" and f.startswith("日", e + 1) and written.isdigit():
        return True
    return _stock_code(f, i, written)


def _stock_code(f: str, i: int, written: str) -> bool:
    """中芯国际(688981), 腾讯控股(00700), 台積電(2330): a listed company's
    code in brackets after its name — six digits (Shanghai, Shenzhen), five
    opening with 0 (Hong Kong) or four that are not a year (Taiwan)."""
    if i < 2 or not (_is_cjk(f[i - 2]) or f[i - 2].isalpha()):
        return False
    n = len(written)
    if not written.isdigit():
        return False
    if n == 6 or (n == 5 and written[0] == "0"):
        return True
    # (员工(1200)人: a count, bracketed)
    return n == 4 and not 1900 <= int(written) <= 2099 and (
        _match_unit(f, i + n + 1) is None or f.startswith(_SHARE_WORDS, i + n + 1))


def _after_latin(prev: str) -> bool:
    """5G, 4S店, T.1, MP3, H5: digits after Latin letters are part of a name."""
    return prev != "" and prev.isascii() and (prev.isalpha() or prev == ".")


def _glued_in_words(f: str, prev: str, nxt: str, end: int) -> bool:
    """A bare number between two Chinese characters is a name (見實425直播,
    520生活), unless a conjunction or a connector follows it or a verb or
    preposition that takes numbers precedes it."""
    return prev != "" and nxt != "" and _is_cjk(prev) and _is_cjk(nxt) and prev not in _GLUE_BREAKERS \
        and not f.startswith(("到", "至", "和", "或", "与", "之间"), end)


# Currencies counted in 元 where they are the money of the place: after 港币6元
# or 新台币, a bare 元 in the same paragraph is that currency, not CNY.
_LOCAL_DOLLARS = frozenset({"HKD", "TWD", "MOP"})
_BARE_YUAN = frozenset({"元", "块", "块钱", "圆", "毛", "角", "分"})


def _local_dollars(f: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """跌穿5元 after 港幣6元: the bare 元 is the Hong Kong dollar."""
    local: Optional[str] = None
    last_end = 0
    for k, m in enumerate(mentions):
        if local is not None and "\n" in f[last_end:m.start]:
            local = None  # a new paragraph
        last_end = m.end
        if m.kind != "money":
            continue
        if m.currency in _LOCAL_DOLLARS:
            local = m.currency
        elif local is not None and m.currency == "CNY" and m.unit is not None \
                and fold(m.unit) in _BARE_YUAN and not _CNY_NAMED.search(f, m.start, m.end):
            mentions[k] = attrs.evolve(m, currency=local)
    return mentions


def _shared_designations(f: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """1、2、5及9号码头: the bare items of a list whose last item is a
    designation (N号) are designations too, ordinals without a unit."""
    for k in range(len(mentions) - 1, 0, -1):
        last = mentions[k]
        if last.kind != "ordinal" or last.unit != "号":
            continue
        j = k - 1
        while j >= 0 and mentions[j].kind == "cardinal" and mentions[j].unit is None \
                and isinstance(mentions[j].value, int) \
                and f[mentions[j].end:mentions[j + 1].start] in _LIST_JOINERS:
            mentions[j] = attrs.evolve(mentions[j], kind="ordinal")
            j -= 1
    return mentions


_WRITTEN = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_SERIES_JOINERS = frozenset({"/", "、"})
_RESPECTIVE = ("分别为", "分别是", "分别", "为")
_SERIES_KINDS = frozenset({"money", "multiple", "percent"})


def _shared_series(text: str, f: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """A forecast series written with slashes (100/120/145亿元, 25/20/16倍,
    1.25/1.58/1.92元): the last item's magnitude and unit are every item's.
    A list with 、 shares the unit when its items already share the magnitude
    (12.3亿、15.6亿、18.9亿元)."""
    for k in range(len(mentions) - 1, 0, -1):
        last = mentions[k]
        if f[mentions[k - 1].end:last.start] not in _SERIES_JOINERS or last.kind not in _SERIES_KINDS \
                or last.unit is None or last.value is None or not ("0" <= f[last.start] <= "9"):
            continue
        written = _WRITTEN.match(f, last.start)
        if written is None or Fraction(written.group()) == 0:
            continue
        tail = f[written.end():last.end]  # 亿元, 倍, 元
        scale = Fraction(last.value) / Fraction(written.group())
        j = k - 1
        items: list[tuple[int, Fraction, bool]] = []  # (index, value, a bare number before 、)
        while j >= 0:
            m = mentions[j]
            joiner = f[m.end:mentions[j + 1].start]
            if m.qualifier is not None or m.value is None or isinstance(m.value, str) \
                    or m.kind not in ("cardinal", "year") or m.unit is not None:
                break
            own = _WRITTEN.fullmatch(f, m.start, m.end)
            if joiner == "/" and own is not None:
                items.append((j, Fraction(own.group()) * scale, False))
            elif joiner == "、" and own is None and f.endswith(tail[:1], m.start, m.end) and tail[:1] in _PLACE_CHARS:
                items.append((j, Fraction(m.value), False))  # 12.3亿、: the magnitude is already in
            elif joiner == "、" and own is not None:
                items.append((j, Fraction(own.group()) * scale, True))  # 12.3、15.6、18.9亿元
            else:
                break
            j -= 1
        bare = [n for n, item in enumerate(items) if item[2]]
        if bare and not (len(bare) >= 2 or f.endswith(_RESPECTIVE, max(0, mentions[j + 1].start - 3),
                                                        mentions[j + 1].start)):
            items = items[:bare[0]]  # a bare number and one figure (1、2亿元) may be a list of two
        for j, value, _ in items:
            m = mentions[j]
            mentions[j] = attrs.evolve(m, value=exact(value, "." in text[m.start:m.end]), kind=last.kind,
                                       unit=last.unit, currency=last.currency)
    return mentions


# What may stand between the two halves of a stated interval: 大于10小于20,
# 大于二十的同时小于三十五, 大于100 并且小于300; and between 20和30之间.
_LIST_JOINERS = frozenset({"、", "，", ",", "及", "和", "与", "或"})
_BOUND_JOINERS = frozenset({"", "且", "并", "并且", "而", "同时", "的同时", "但", "但是"})
_BETWEEN_JOINERS = frozenset({"和", "与", "到", "至"})
_INTERVAL_KINDS = frozenset({"cardinal", "money", "percent", "multiple", "fraction"})


def _join_bounds(text: str, f: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """Merge the two halves of one interval into a single mention: a lower
    and an upper bound side by side (大于10小于20, 不大于50不小于20), or two
    figures before 之间 (20和30之间)."""
    out: list[NumberMention] = []
    k = 0
    while k < len(mentions):
        a = mentions[k]
        b = mentions[k + 1] if k + 1 < len(mentions) else None
        joined = _joined(text, f, a, b) if b is not None else None
        if joined is not None:
            out.append(joined)
            k += 2
        else:
            out.append(a)
            k += 1
    return out


def _joined(text: str, f: str, a: NumberMention, b: NumberMention) -> Optional[NumberMention]:
    if a.kind not in _INTERVAL_KINDS or b.kind not in _INTERVAL_KINDS:
        return None
    if a.kind != b.kind and "cardinal" not in (a.kind, b.kind):
        return None
    gap = f[a.end:b.start].strip(_SPACES)
    end = b.end
    unit = b.unit or a.unit
    # 10000与20000间: 间 is "between" here, not a count of rooms
    jian = b.unit == "间" and a.unit is None and b.kind == "cardinal"
    if a.qualifier is None and b.qualifier is None and gap in _BETWEEN_JOINERS \
            and (f.startswith("之间", b.end) or jian) and a.value is not None and b.value is not None:
        low, high = a.value, b.value
        if jian:
            unit = None
        else:
            end = b.end + 2
    elif gap in _BOUND_JOINERS and a.qualifier in (">", ">=") and b.qualifier in ("<", "<=") \
            and a.high is None and b.low is None:
        low, high = a.low, b.high
    elif gap in _BOUND_JOINERS and a.qualifier in ("<", "<=") and b.qualifier in (">", ">=") \
            and a.low is None and b.high is None:
        low, high = b.low, a.high
    else:
        return None
    if low is None or high is None or isinstance(low, str) or isinstance(high, str) or not low < high:
        return None
    kind = b.kind if a.kind == "cardinal" else a.kind
    return NumberMention(text=text[a.start:end], start=a.start, end=end, value=None, kind=kind,
                         unit=unit, qualifier=None, low=low, high=high,
                         currency=b.currency or a.currency)


@lru_cache(maxsize=1)
def _around() -> tuple[frozenset[str], frozenset[str]]:
    """(characters that may extend a numeral after it, characters that may
    join it from before)."""
    before, after = _qualifiers()
    extend = set(_EXTENDERS) | set(DIGITS) | set(SMALL_UNITS) | set(BIG_UNITS) | set("0123456789")
    extend |= {u[0] for u in _units()} | {q.word[0] for q in after} | {c[0] for c in _CONNECTORS}
    join = set(_JOINERS_BEFORE) | {q.word[-1] for q in before} | {w[-1] for w in _CURRENCY_BEFORE}
    return frozenset(extend), frozenset(join)


def _lone_in_word(f: str, i: int, words: Words) -> bool:
    """Whether the Chinese numeral character at ``i`` stands alone inside a
    word that is not a quantity (零售, 一起, 统一) — decided before reading.

    Most numeral characters in running text are of this kind. When nothing
    after the character can extend it (see :func:`_around`), its expression
    is the character alone, so :func:`_keep` would reject it for the word it
    sits in: a word going past it on the right, or starting on its left where
    no prefix (第, 超过, 人民币) can reach. This answers the same, only sooner.
    """
    c = f[i]
    if c == "数" and f[i - 1:i + 1] in _count_nouns():
        return True  # 人数千人以上: the noun's 数, then 千人以上
    if c in "半数成" or c.isascii() or i + 1 >= len(f):
        return False
    extend, join = _around()
    if f[i + 1] in extend or c in _idiom_starts():
        return False
    if f[i:i + 2] in words.prefixes and not (i > 0 and f[i - 1] == "第"):  # 第三节: see _inside_word
        for we in range(i + 2, min(len(f), i + words.longest) + 1):
            if f[i:we] in words:
                return True
    if i > 0 and f[i - 1] not in join and f[i - 1:i + 1] in words.pairs:
        return any(ws < i for ws, _ in words.covering(f, i))
    return False


@lru_cache(maxsize=1)
def _count_nouns() -> frozenset[str]:
    """Nouns ending in 数 (人数, 家数, 指数) from ``lexicon/not_numbers.tsv``:
    after them 数 is not "several", even before a place (股东人数千余人)."""
    return frozenset(fold(row[0]) for row in table("not_numbers.tsv", 2) if row[0].endswith("数"))


def _article(f: str, i: int) -> bool:
    """一 + measure word inside a clause, before a noun (有一个很好的, 做一次
    对话): the indefinite article, which :func:`_single_digit_ok` would
    reject after the whole read — decided here, sooner, for the commonest
    measure words. Anything that could make it a count is left to the read:
    a mark or qualifier before it, a clause start, a unit or a magnitude
    after the measure word, 是 or the end of the clause."""
    if i == 0 or i + 2 >= len(f) or f[i + 1] not in _ARTICLE_MEASURES:
        return False
    prev, after = f[i - 1], f[i + 2]
    if prev in _around()[1] or prev in _CLAUSE_END or not _is_cjk(prev) or f.endswith(_HEDGES, 0, i):
        return False
    return _is_cjk(after) and after not in _ARTICLE_AFTER_KEEPS and _match_unit(f, i + 2) is None


def _finish(text: str, d: _Draft) -> NumberMention:
    unit = None
    if d.unit_text is not None:
        unit = d.unit_text
    elif d.unit is not None and not d.no_unit_text:
        unit = text[d.unit[0]:d.unit[1]]
        if d.kind == "percent" and unit in ("%", "％", "﹪"):
            unit = "%"
    return NumberMention(text=text[d.start:d.end], start=d.start, end=d.end, value=d.value,
                         kind=d.kind, unit=unit, qualifier=d.qualifier, low=d.low, high=d.high,
                         currency=d.currency)


# ---------------------------------------------------------------- reading
def _read(f: str, i: int, floor: int) -> Optional[_Draft]:
    """The longest numeric expression whose numeral starts at ``i``."""
    c = f[i]
    if c in _idiom_starts():
        for p in _idioms():
            if f.startswith(p.word, i):
                end = i + len(p.word)
                d = _Draft(i, end, i, end, p.value, kind=p.kind, low=p.low, high=p.high, fixed=True)
                if p.unit:
                    d.unit = (end - len(p.unit), end)
                return d
    if c == "成":
        return None
    if c == "数" and f.startswith("以", i + 1):
        return _read_shu_yi(f, i)
    if c in "百千万" and f.startswith(("百分之", "千分之", "万分之"), i):
        return _with_prefixes(f, _read_percent_prefix(f, i), floor)
    if c == "半":
        return _with_prefixes(f, _read_half(f, i), floor)
    if f.startswith("一半", i):
        d = _Draft(i, i + 2, i, i + 2, Fraction(1, 2), kind="fraction", fixed=True)
        _read_after_qualifier(f, d)  # 一半以上
        return _with_prefixes(f, d, floor)
    # One read of the numeral serves the fraction, the date and the plain number.
    if not _bare_magnitude_ok(f, i, floor):
        return None  # a magnitude alone where it is no number (萬達), without reading it
    num = scan_numeral(f, i, allow_bare_magnitude=True)
    if num is None:
        return None
    if num.decimal:
        num = _clock_hour(f, i, num)
        if num is None:
            return None
    frac = scan_fraction(f, i, num)
    if frac is not None:
        d = _Draft(i, frac.end, i, frac.end, exact(frac.value, False), kind="fraction", fixed=True)
        _read_after_qualifier(f, d)  # 四分之三以上, 三分之一左右
        return _with_prefixes(f, d, floor)
    if num.arabic and f[i + 4:i + 5] in ("/", "-"):
        split = _split_year(f, i)
        if split is not None:
            return _with_prefixes(f, split, floor)
    if num.arabic and f[i + 3:i + 4] == "/" and (i == 0 or not f[i - 1].isdigit()):
        roc = _roc_date(f, i)
        if roc is not None:
            return roc
    slash = _SLASH_FRACTION.match(f, i)
    if slash is not None and (i == 0 or not (f[i - 1].isdigit() or f[i - 1] == "/")):  # (25/20/16倍: a series)
        value = Fraction(int(slash.group(1)), int(slash.group(2)))
        d = _Draft(i, slash.end(), i, slash.end(), exact(value, False), kind="fraction", fixed=True)
        _read_after_qualifier(f, d)
        return _with_prefixes(f, d, floor)
    date = _read_date(f, i, num)
    if date is not None:
        return _with_prefixes(f, date, floor)
    d = _Draft(i, num.end, i, num.end, None, numeral=num)
    _set_value(d, num)
    _read_range(f, d, floor)
    _read_suffix(f, d)
    return _with_prefixes(f, d, floor)


# The Republic of China calendar: year 1 is 1912. A year of it is read
# without 民国 before what a Taiwanese filing writes after one (112年11月,
# 112年度, 112年第四季).
_ROC_OFFSET = 1911
_ROC_YEAR_NEXT = frozenset("月度第1234567890一二三四五六七八九十上下前全")
_ROC_DATE = re.compile(r"(1[0-2][0-9])/(1[0-2]|0?[1-9])/(3[01]|[12][0-9]|0?[1-9])(?![0-9/])")


def _roc_date(f: str, i: int) -> Optional[_Draft]:
    """113/07/15: a date of the Republic of China calendar (year 1 is 1912),
    as Taiwanese filings write it."""
    m = _ROC_DATE.match(f, i)
    if m is None:
        return None
    y, mo, da = int(m.group(1)) + _ROC_OFFSET, int(m.group(2)), int(m.group(3))
    if da > calendar.monthrange(y, mo)[1]:
        return None
    return _Draft(i, m.end(), i, m.end(), f"{y:04d}-{mo:02d}-{da:02d}", kind="date", fixed=True)


_SPLIT_YEAR = re.compile(r"((?:19|20)[0-9]{2})[/-]([0-9]{2}|(?:19|20)[0-9]{2})(财年|财政年度|年度)")


def _split_year(f: str, i: int) -> Optional[_Draft]:
    """2023/24财年, 2023-2024财年: a fiscal year across two calendar years."""
    m = _SPLIT_YEAR.match(f, i)
    if m is None:
        return None
    first, second = int(m.group(1)), int(m.group(2))
    if second < 100:
        second += first - first % 100
    if second != first + 1:
        return None
    return _Draft(i, m.end(), i, m.start(3), None, kind="year", low=first, high=second,
                  unit=(m.start(3), m.end()), fixed=True)


def _clock_hour(f: str, i: int, num: Numeral) -> Optional[Numeral]:
    """9点30分, 九点三十分: a time of day, not 9.3; the hour is read alone."""
    dot = f.find("点", i, num.end)
    if dot <= i:
        return num
    minute = scan_numeral(f, dot + 1)
    if minute is None or not f.startswith("分", minute.end) or f.startswith("分之", minute.end) \
            or not minute.exact or minute.decimal or not 0 <= minute.lo < 60:
        return num
    hour = scan_numeral(f[i:dot], 0)
    if hour is None or not hour.exact or hour.decimal or not 0 <= hour.lo <= 24:
        return num
    return attrs.evolve(hour, start=i, end=i + hour.end)


def _set_value(d: _Draft, num: Numeral) -> None:
    if num.exact:
        d.value = exact(num.lo, num.decimal)
        if num.more is not None:
            d.qualifier = ">"
            d.low = d.value
            d.high = exact(num.lo + num.more, num.decimal)
    else:
        d.value = None
        d.low = exact(num.lo, num.decimal)
        d.high = exact(num.hi, num.decimal)


@lru_cache(maxsize=1)
def _magnitude_units() -> tuple[str, ...]:
    """The units that open with a place or magnitude character (千瓦时, 兆瓦)."""
    return tuple(w for w in _units() if w[0] in _PLACE_CHARS)


def _bare_magnitude_ok(f: str, i: int, floor: int) -> bool:
    """A magnitude alone (過億, 上百万's 万) is a number only after a qualifier
    or before 时代/级: 万 by itself is too often a name (万达) or a word."""
    if f[i] in _PLACE_CHARS and f.startswith(_magnitude_units(), i):
        return False  # 元/千瓦时, 千克: a unit word, no number
    if f[i] not in BIG_UNITS:
        return True
    if f.startswith(("时代", "级"), i + 1) or f.startswith(("万亿", "万余"), i):
        return True  # 亿时代, 亿级, 万亿美元, 万余人
    return i > 0 and any(i - len(q.word) >= floor and f.startswith(q.word, i - len(q.word))
                         for q in _qualifiers_ending().get(f[i - 1], ()))


def _read_shu_yi(f: str, i: int) -> Optional[_Draft]:
    """数以千万计: several times the magnitude named (2 to 9 of them)."""
    num = scan_numeral(f, i + 2, allow_bare_magnitude=True)
    if num is None or not num.exact or not f.startswith("计", num.end):
        return None
    return _Draft(i, num.end + 1, i, num.end + 1, None, low=int(num.lo * 2), high=int(num.lo * 9),
                  fixed=True)


def _read_percent_prefix(f: str, i: int) -> Optional[_Draft]:
    """百分之六十, 千分之五, 百分之负三点八, 百分之卅四至卅六."""
    unit, scale = _PERCENT_PREFIXES[f[i:i + 3]]
    k = _skip_space(f, i + 3)
    sign = 1
    if k < len(f) and f[k] in "负-":
        sign, k = -1, k + 1
    num = scan_numeral(f, k)
    if num is None:
        return None
    d = _Draft(i, num.end, i, num.end, None, kind="percent", unit=(i, i + 3), fixed=True)
    lo, hi = sign * num.lo * scale, sign * num.hi * scale
    decimal = num.decimal or scale != 1
    if num.exact:
        d.value = exact(lo, decimal)
        if num.more is not None:
            d.qualifier, d.low, d.high = ">", d.value, exact(lo + num.more * scale, decimal)
    else:
        d.low, d.high = exact(lo, decimal), exact(hi, decimal)
    # 百分之卅四至卅六 / 百分之三十到百分之四十
    for conn in ("到", "至", "~", "-"):
        if f.startswith(conn, d.end) and num.exact and num.more is None:
            k2 = d.end + len(conn)
            if f.startswith(f[i:i + 3], k2):
                k2 += 3
            num2 = scan_numeral(f, k2)
            if num2 is not None and num2.exact and num2.lo * sign * scale > lo:
                d.value, d.low, d.high = None, d.value, exact(sign * num2.lo * scale, decimal or num2.decimal)
                d.end = d.core_end = num2.end
            break
    d.unit = (i, i + 3)
    d.unit_text = unit
    _read_after_qualifier(f, d)  # 百分之三十左右, 百分之十五以上
    return d


def _read_half(f: str, i: int) -> Optional[_Draft]:
    """半年, 半个月, 半成: a half with a unit after it (下半年 is a name)."""
    if i > 0 and f[i - 1] in "上下前后多大一":
        return None
    if i > 0 and f[i - 1] in "过逾" and (i < 2 or f[i - 2] != "不") and _match_unit(f, i + 1) is None \
            and not f.startswith(("半数", "半个", "半成", "半折", "半百"), i):
        # 过半, 逾半: more than half (下滑逾半, 缩水过半); not 不过半
        return _Draft(i - 1, i + 1, i, i + 1, Fraction(1, 2), kind="fraction", qualifier=">",
                      low=Fraction(1, 2), fixed=True)
    k = i + 1
    ge = f.startswith("个", k)
    if ge:
        k += 1
    unit = _match_unit(f, k)
    if unit is not None and unit.kind in ("duration",) and (ge or unit.word not in ("月", "季度")):
        d = _Draft(i, k + len(unit.word), i, i + 1, exact(Fraction(1, 2), True), kind="duration",
                   unit=(k, k + len(unit.word)), unit_kind=unit.kind, fixed=True)
        _read_after_qualifier(f, d)
        return d
    if f.startswith(("成", "折"), i + 1) and not ge:
        value = 5 if f[i + 1] == "成" else 50
        return _Draft(i, i + 2, i, i + 2, value, kind="percent", unit=(i + 1, i + 2), fixed=True)
    if f.startswith("百", i + 1) and not ge:
        return _Draft(i, i + 2, i, i + 2, 50, fixed=True)
    if f.startswith("数", i + 1) and not ge:  # 半数以上: half of them
        d = _Draft(i, i + 2, i, i + 2, Fraction(1, 2), kind="fraction", fixed=True)
        _read_after_qualifier(f, d)
        if d.qualifier is None and i > 0 and f[i - 1] in "过逾" and (i < 2 or f[i - 2] != "不"):
            d.start, d.qualifier = i - 1, ">"  # 过半数
            _bounds_from_qualifier(d)
        return d
    return None


def _read_date(f: str, i: int, num: Numeral) -> Optional[_Draft]:
    """Years, months and days: 2019年3月底, 5月21日, 21日, 2018年10月份, 3月1-10日."""
    m = _ISO_DATE.match(f, i) if num.arabic and f[i + 4:i + 5] in ("-", "/", ".") else None
    if m is not None:
        y, mo, da = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if da <= calendar.monthrange(y, mo)[1]:
            return _Draft(i, m.end(), i, m.end(), f"{y:04d}-{mo:02d}-{da:02d}", kind="date", fixed=True)
    if not num.exact or num.decimal or num.has_magnitude:
        return None
    if f[num.end:num.end + 1] not in _DATE_WORDS and f[_spaced(f, num):_spaced(f, num) + 1] not in _DATE_WORDS:
        return None  # nothing after the numeral makes it a date
    v = int(num.lo)
    k = num.end
    if f[k:k + 1] in ("日", "月") and f.endswith(("连", "连续"), 0, i):
        # 外資連3日買超, 连续3月增长: for three days or months in a row, not the 3rd or March
        return _Draft(i, k + 1, i, k, v, kind="duration", unit=(k, k + 1), fixed=True)
    year: Optional[int] = None
    y = _skip_space(f, k) if num.arabic else k  # 2012 年
    if f.startswith("财年", y) and (num.digit_string or num.arabic) and _year_digits(f, i, k) == 4:
        return _Draft(i, y + 2, i, num.end, v, kind="year", unit=(y, y + 2), fixed=True)  # 2023财年
    roc = num.arabic and k - i == 3 and 100 <= v <= 130 and f.startswith("年", y) \
        and f[y + 1:y + 2] in _ROC_YEAR_NEXT and (i == 0 or not f[i - 1].isdigit())
    if roc or (f.startswith("年", y) and (num.digit_string or num.arabic) and _year_digits(f, i, k) == 4):
        # (112年11月, 112年度: a year of the Republic of China calendar, whose
        # year 1 is 1912, as Taiwanese filings write it)
        year = v + _ROC_OFFSET if roc else v
        k = y + 1
        if f.startswith("代", k):  # 1960年代: the decade, written as its first year
            return _Draft(i, k + 1, i, num.end, year, kind="year", unit=(y, k + 1), fixed=True)
        month_num = scan_numeral(f, _skip_space(f, k) if num.arabic else k)
        months = _month_range(f, month_num, year) if month_num is not None else None
        if months is not None:
            months.start = months.core_start = i  # 2023年1-9月
            return months
        if month_num is None or not f.startswith("月", _spaced(f, month_num)) or not 1 <= month_num.lo <= 12 \
                or not month_num.exact:
            if f.startswith(("底", "末"), k):
                return _Draft(i, k + 1, i, k + 1, f"{year:04d}-12-31", kind="date", fixed=True)
            return _Draft(i, k, i, num.end, year, kind="year", unit=(k - 1, k), fixed=True)
        num, v, k = month_num, int(month_num.lo), _spaced(f, month_num)
    elif f.startswith("月", _spaced(f, num)):
        k = _spaced(f, num)  # 4 月
    if not f.startswith("月", k) or not 1 <= v <= 12:
        # a day alone (21日), but not 日本, 日元
        if year is None and f.startswith("日", k) and 1 <= v <= 31 \
                and (num.arabic or num.chinese > 1 or v < 10) and not f.startswith(("日本", "日元", "日币"), k):
            return _Draft(i, k + 1, i, k, f"---{v:02d}", kind="date", fixed=True)
        return None
    month = v
    k += 1
    prefix = f"{year:04d}-" if year is not None else "--"
    day_num = scan_numeral(f, _skip_space(f, k) if num.arabic else k)
    if day_num is not None and day_num.exact and not day_num.decimal:
        day = int(day_num.lo)
        after = _spaced(f, day_num) if f.startswith(("日", "号"), _spaced(f, day_num)) else day_num.end
        if 1 <= day <= 31 and f.startswith(("日", "号"), after):
            # 3月5日至11日: the month written once
            return _day_range(f, i, after + 1, f"{prefix}{month:02d}-", day) \
                or _Draft(i, after + 1, i, after, f"{prefix}{month:02d}-{day:02d}", kind="date", fixed=True)
        days = _day_range(f, i, after, f"{prefix}{month:02d}-", day)  # 3月1-10日
        if days is not None:
            return days
    if f.startswith("底", k) or f.startswith("末", k):
        last = calendar.monthrange(year if year is not None else 2001, month)[1]
        return _Draft(i, k + 1, i, k, f"{prefix}{month:02d}-{last:02d}", kind="date", fixed=True)
    end = k + 1 if f.startswith("份", k) else k
    if year is None and not num.arabic and num.chinese == 1 and num.only_digit in FINANCIAL:
        return None
    value = f"{year:04d}-{month:02d}" if year is not None else f"--{month:02d}"
    return _Draft(i, end, i, k, value, kind="date", fixed=True)


def _day_range(f: str, i: int, k: int, month: str, day: int) -> Optional[_Draft]:
    """The days from ``day`` to the one after the connector at ``k`` and
    before 日 or 号, in ``month`` (an ISO prefix: ``--03-``, ``2024-03-``)."""
    conn = next((c for c in ("-", "~", "到", "至", "—") if f.startswith(c, k)), None)
    if conn is None:
        return None
    day2 = scan_numeral(f, k + len(conn))
    if day2 is None or not day2.exact or day2.decimal or not day < day2.lo <= 31 \
            or not f.startswith(("日", "号"), day2.end):
        return None
    return _Draft(i, day2.end + 1, i, day2.end, None, kind="date", low=f"{month}{day:02d}",
                  high=f"{month}{int(day2.lo):02d}", fixed=True)


def _month_range(f: str, first: Numeral, year: int) -> Optional[_Draft]:
    """1-9月 after a year (2023年1-9月, 2023年1至9月份): the months of that year."""
    if not first.exact or first.decimal or not 1 <= first.lo <= 12:
        return None
    for conn in ("-", "~", "—", "至", "到"):
        if f.startswith(conn, first.end):
            last = scan_numeral(f, first.end + len(conn))
            if last is None or not last.exact or last.decimal or not first.lo < last.lo <= 12 \
                    or not f.startswith("月", last.end):
                return None
            end = last.end + 2 if f.startswith("份", last.end + 1) else last.end + 1
            d = _Draft(first.start, end, first.start, last.end, None, kind="date", fixed=True)
            d.low, d.high = f"{year:04d}-{int(first.lo):02d}", f"{year:04d}-{int(last.lo):02d}"
            return d
    return None


def _year_range(d: _Draft) -> bool:
    return d.value is None and isinstance(d.low, int) and isinstance(d.high, int) \
        and 1900 <= d.low < d.high <= 2099 and d.numeral is not None and d.numeral.arabic


def _spaced(f: str, num: Numeral) -> int:
    """Where the word after an Arabic numeral starts, past one space
    (2018 年 4 月 1 日); right after a Chinese one."""
    return _skip_space(f, num.end) if num.arabic else num.end


def _year_digits(f: str, i: int, k: int) -> int:
    return sum(1 for c in f[i:k] if c.isdigit() or c in DIGITS)


def _read_range(f: str, d: _Draft, floor: int) -> None:
    """A second numeral after ~, -, 到 or 至 makes a range: 5~6億, 400-500个,
    两到三万 (the magnitude written once is shared), 30到40年; both ends
    negative: -3亿元至-2亿元 (the minus before the first is read with the
    prefixes, which turns the range round)."""
    num = d.numeral
    assert num is not None
    if not num.exact or num.more is not None:
        return
    k = d.end
    if k >= len(f) or (f[k] not in _around()[0] and f[k] != "、"):
        return  # no connector, unit or space follows
    if f.startswith("、", k):
        _read_pair(f, d, k + 1)
        return
    unit_between = None
    u = _match_unit(f, k)
    if u is not None and (u.kind in _RANGE_UNIT_KINDS or (u.kind == "duration" and u.word not in _DATE_WORDS)):
        # 5亿元至6亿元, 1150万辆至1200万辆, 30岁至40岁 (not 2008年到2016年: two years)
        unit_between = u
        k += len(u.word)
    if f.startswith(("(含)", "（含）"), k):
        k += 3  # 1万(含)-5万元: the lower bound is included
    k = _skip_space(f, k)
    if k >= len(f) or f[k] not in _CONNECTOR_STARTS:
        return
    for conn in _CONNECTORS:
        if f.startswith(conn, k):
            break
    else:
        return
    k2 = _skip_space(f, k + len(conn))
    negative = k2 < len(f) and f[k2] in "-负" and _minus_at(f, d.start - 1, floor)
    num2 = scan_numeral(f, k2 + 1 if negative else k2)
    if num2 is None or not num2.exact or num2.more is not None:
        return
    lo, hi = num.lo, num2.lo
    if not num.has_magnitude and num2.suffix_mults:
        for mult in num2.suffix_mults:
            if (lo * mult > num2.lo) if negative else (lo * mult < num2.lo):
                lo = lo * mult
                break
    if negative:
        lo, hi = hi, lo  # -3亿至-2亿: 2亿 to 3亿 here, -3亿 to -2亿 once the minus is read
    if not lo < hi:
        return
    level = unit_between or _match_unit(f, num2.end)
    if conn in ("至", "到") and lo > 0 and hi > 4 * lo and level is not None and level.kind in ("money", "cardinal") \
            and _after_change_verb(f, d.start):
        return  # 增加15.3亿元至2,185亿元: the change, then the level it reached (增长10%至50% is a range)
    if unit_between is not None:
        u2 = _match_unit(f, num2.end)
        if u2 is None or u2.word != unit_between.word:
            return
    _set_range(d, num, num2, lo, hi)


_RANGE_UNIT_KINDS = frozenset({"money", "percent", "cardinal", "multiple"})


def _set_range(d: _Draft, num: Numeral, num2: Numeral, lo: Rational, hi: Rational) -> None:
    d.value = None
    d.low = exact(lo, num.decimal or num2.decimal)
    d.high = exact(hi, num.decimal or num2.decimal)
    d.end = d.core_end = num2.end
    d.numeral = attrs.evolve(num, end=num2.end, lo=lo, hi=hi, more=None,
                             has_magnitude=num.has_magnitude or num2.has_magnitude,
                             only_digit=None, chinese=num.chinese + num2.chinese)


def _read_pair(f: str, d: _Draft, k: int) -> None:
    """N、M with neighbouring leading digits is an approximation, the
    magnitude written once: 5、600萬 (5百万 to 6百万), 2、30年, 兩、三個小時.
    A list stays a list: 1、2、5 (more items), 1、2 (two bare Arabic digits)."""
    num = d.numeral
    assert num is not None
    num2 = scan_numeral(f, k)
    if num2 is None or not num2.exact or num2.more is not None or num.has_magnitude or num.decimal \
            or num2.decimal or num.end - num.start != 1 or f.startswith("、", num2.end):
        return
    if d.start > 0 and f[d.start - 1] == "、":
        return  # the second item of a longer list
    high = int(num2.hi)
    place = 10 ** (len(str(high)) - 1)
    first, second = int(num.lo), high // place
    if high % place or (first, second) not in APPROX_PAIRS or first == 0:
        return
    if place == 1:
        # 两、三个小时, 3、4人, 全球4、5名 count; 1、2号, 二、三季度 are list items
        after = _skip_space(f, num2.end)
        u = _match_unit(f, after + 1 if f.startswith("个", after) else after)
        if num.arabic != num2.arabic or not (
                f.startswith("个", after)
                or (u is not None and u.kind in ("duration", "cardinal") and u.word != "季度")):
            return
    _set_range(d, num, num2, first * place, high)


def _read_suffix(f: str, d: _Draft) -> None:
    """Unit, currency, percent sign, 多 after the unit, and qualifier after."""
    num = d.numeral
    assert num is not None
    k = d.end
    if k >= len(f) or f[k] not in _around()[0]:
        return  # nothing that follows can extend it (see _around)
    if f[k] == "来":
        k = _read_lai(f, d, k)
    # 一个半 / 三成半 / 两年半: a half after the numeral or after its unit.
    if f.startswith("个半", k) or (f.startswith("半", k) and not num.has_magnitude):
        step = 2 if f[k] == "个" else 1
        if d.value is not None and not isinstance(d.value, str) and num.more is None:
            d.value = exact(Fraction(d.value) + Fraction(1, 2), True)
            d.end = d.core_end = k + step
            k = d.end
    k = _skip_space(f, k) if k < len(f) and f[k] in _SPACES and k + 1 < len(f) and not f[k + 1].isdigit() else k
    if k < len(f) and f[k] in "%‰":
        _attach(d, k, k + 1, "percent", scale=_units()[f[k]].scale)
        _read_after_qualifier(f, d)
        return
    if f.startswith(("个百分点", "百分点"), k):
        w = 4 if f[k] == "个" else 3
        _attach(d, k, k + w, "percent")
        _read_after_qualifier(f, d)
        return
    if f.startswith(("个点", "个多点"), k) and d.qualifier is None and _after_change_verb(f, d.start):
        # 毛利率提升了两个点: percentage points, as a speaker says them
        more = f[k + 1] == "多"
        if more and d.value is not None and not isinstance(d.value, str):
            d.qualifier, d.low, d.high = ">", d.value, exact(Fraction(d.value) + 1, False)
        point = k + (2 if more else 1)
        _attach(d, point, point + 1, "percent")  # (the unit is 点, as in 百分点; 个 is the classifier)
        _read_after_qualifier(f, d)
        return
    if k < len(f) and f[k] in "成折" and _percent_word_ok(f, k, num):
        _read_cheng_zhe(f, d, k)
        _read_after_qualifier(f, d)
        return
    # The 个 of time units is a classifier, not the unit: 6个小时 → 小时.
    ge = 0
    if f.startswith("个", k):
        after = k + 1
        more = f.startswith("多", after)
        if more:
            after += 1
        if f.startswith(_TIME_AFTER_GE, after):
            ge = after - k
            if more and d.value is not None and d.qualifier is None:
                d.qualifier = ">"
                d.low = d.value
                d.high = exact(Fraction(d.value) + 1, False)  # type: ignore[arg-type]
    if f.startswith("个", k) and ge == 0:
        money = _match_unit(f, k + 1)
        if money is not None and money.kind == "money":
            ge = 1  # 20个比特币, 两个亿卢布
    u = _match_unit(f, k + ge)
    if u is not None and u.word == "期" and f.startswith("期间", k + ge):
        u = None  # 十一期间, 双11期间: during the holiday, not eleven issues (_keep drops them)
    elif u is not None and u.word == "区" and f.startswith(("区间", "区域"), k + ge):
        u = None  # 7.1至7.3区间: a band, not districts
    hao = k if f.startswith("号", k) else _noted_designation(f, k)
    if ge == 0 and hao == k and _headcount_hao(f, k):
        _attach(d, k, k + 1, "cardinal")  # 三百多号人: a headcount, not the 300th
        _read_after_qualifier(f, d)
        return
    if ge == 0 and hao >= 0 and isinstance(d.value, int) and d.value > 0 \
            and not f.startswith(("号称", "号召"), hao):
        # 3号码头, 二号生产线, 9（南）号码头: a designation, the Nth of its
        # kind (a day of the month after 月 is read as a date before this)
        _attach(d, hao, hao + 1, "ordinal")
        return
    if ge == 0 and f.startswith("月", k) and d.value is None and isinstance(d.low, int) \
            and isinstance(d.high, int) and 1 <= d.low < d.high <= 12 \
            and not any(c in "几数" for c in f[num.start:num.end]):
        # 1-8月, 1至8月: the months of a year, as 3月1-10日 are days
        d.kind, d.low, d.high, d.end = "date", f"--{d.low:02d}", f"--{d.high:02d}", k + 1
        if f.startswith("份", d.end):
            d.end += 1
        d.fixed = True
        return
    if u is not None and not (ge == 0 and u.word in ("月",) and f[num.start] != "数"):  # (数月: several months)
        if u.word in ("季度", "财季") and ge == 0:
            _attach(d, k, k + len(u.word), "ordinal")
        elif u.word in ("块",) and not _kuai_is_money(f, k + 1):
            _attach(d, k, k + 1, "cardinal")
        elif u.word in ("级",) and (num.has_magnitude or not num.exact):
            _attach(d, k, k + 1, "cardinal")
            d.no_unit_text = True
        else:
            # the 个 of 6个小时 stays in the surface but not in the unit
            _attach(d, k + ge, k + ge + len(u.word), u.kind,
                    currency=u.currency, scale=u.scale)
            if u.word == "年" and ge == 0 and _year_range(d):
                d.kind = "year"  # 2004-2005年, 2004至2005年: years, not a duration
            if u.kind == "money":
                _read_money_tail(f, d)
                again = _match_unit(f, d.end)
                if again is not None and again.kind == "money" and u.word in ("元", "圆", "块"):
                    # 518億元人民幣: the currency named after the unit; the
                    # unit stays 元, as in 人民币518亿元
                    d.end += len(again.word)
                    d.currency = again.currency or d.currency
                per = _per_unit(f, d.end)
                if per and d.unit is not None and d.unit[1] == d.end:
                    d.unit, d.end = (d.unit[0], per), per  # 16213元/平方米, 82.5美元/桶: a price per unit
        k = d.end
        # 一年多, 两年半
        if f.startswith("多", k) and d.value is not None and d.qualifier is None and u.kind in ("duration", "multiple"):
            d.qualifier, d.low = ">", d.value
            d.high = exact(Fraction(d.value) + 1, False)  # type: ignore[arg-type]
            d.end = k + 1
        elif f.startswith("半", k) and d.value is not None and u.kind == "duration" and num.more is None:
            d.value = exact(Fraction(d.value) + Fraction(1, 2), True)  # type: ignore[arg-type]
            d.end = k + 1
    elif num.exact and not num.decimal and (
            (f.startswith("大", k) and k + 1 < len(f) and _is_cjk(f[k + 1]))
            or (f.startswith("强", k) and not f.startswith(_STRONG_WORDS, k))):
        # 三大族群, 这5大招: N大 + noun counts the kinds named; 世界500强,
        # 百强县: the N strongest.
        d.end = k + 1
        d.no_unit_text = True
        d.unit = (k, k + 1)
    elif k < len(f) and (f[k] == "毛" and _is_amount(d) or (
            f[k] == "角" and d.value is not None and not isinstance(d.value, str) and _jiao_is_money(f, k, num))):
        # 五毛, 两毛五, 几毛钱 (0.2 to 0.9 yuan), 一两毛钱
        _attach(d, k, k + 1, "money", currency="CNY", scale=Fraction(1, 10))
        _read_money_tail(f, d, after_mao=True)
        if f.startswith("钱", d.end):
            d.end += 1  # 五毛钱
    elif k < len(f) and f[k] == "分" and d.value is not None and not isinstance(d.value, str) \
            and _financial(f, num) and not f.startswith("之", k + 1):
        _attach(d, k, k + 1, "money", currency="CNY")  # 壹分: a cheque writes fen
        d.value = exact(Fraction(d.value) / 100, True)  # type: ignore[arg-type]
    _read_after_qualifier(f, d)


def _read_lai(f: str, d: _Draft, k: int) -> int:
    """十来个, 百来号人, 二十来个亿, 一百来万: 来 after a round number and
    before what it counts makes it approximate (~); a magnitude after 来
    still multiplies (一百来万 is about a million). Returns where the suffix
    goes on."""
    num = d.numeral
    assert num is not None
    value = d.value
    if not (isinstance(value, int) and value >= 10 and value % 10 == 0 and num.more is None
            and d.qualifier is None):
        return k  # 一来, 二来: firstly, secondly
    j = k + 1
    ge = 1 if f.startswith("个", j) and j + 1 < len(f) and f[j + 1] in BIG_UNITS else 0
    if j + ge < len(f) and f[j + ge] in BIG_UNITS:
        if num.has_magnitude:
            return k  # (八万来万 is no number)
        value *= 10 ** BIG_UNITS[f[j + ge]]
        j += ge + 1
    elif not (f.startswith("个", j) or _match_unit(f, j) is not None or _headcount_hao(f, j)):
        return k  # 十来 alone: 来 is a verb (十来了)
    d.value, d.qualifier = value, "~"
    d.end = d.core_end = j
    return j


# What 号 counts in a headcount (三百多号人, 两千多号员工) rather than naming
# the Nth of a series (3号码头).
_HEADCOUNT_NOUNS = ("人", "员工", "工人", "职工", "兄弟")


def _headcount_hao(f: str, k: int) -> bool:
    return f.startswith("号", k) and f.startswith(_HEADCOUNT_NOUNS, k + 1)


@lru_cache(maxsize=1)
def _change_verbs() -> tuple[str, ...]:
    """The verbs of change of ``lexicon/metric_context.tsv`` (提升, 下降…)."""
    return tuple(row[0] for row in table("metric_context.tsv", 2) if row[1] in ("up", "down"))


def _after_change_verb(f: str, start: int) -> bool:
    """Whether a verb of change (and 了) stands right before ``start``."""
    k = start - 1 if start > 0 and f[start - 1] == "了" else start
    return f.endswith(_change_verbs(), max(0, k - 4), k)


def _noted_designation(f: str, k: int) -> int:
    """Where 号 is when a short note in brackets stands between the number
    and it (9（南）号码头); -1 otherwise."""
    m = _DESIGNATION_NOTE.match(f, k)
    return m.end() - 1 if m else -1


def _financial(f: str, num: Numeral) -> bool:
    """Written with the financial (大寫) digits, as on cheques and invoices.
    One 参, 陆, 伍, 拾, 佰 or 仟 alone does not count: they are ordinary
    characters too (大陆, 队伍, 收拾)."""
    written = f[num.start:num.end]
    if len(written) == 1:
        return written in _CHEQUE_ONLY
    return any(c in FINANCIAL for c in written)


def _jiao_is_money(f: str, k: int, num: Numeral) -> bool:
    """角 after a number is a tenth of a yuan in financial digits (壹角), before
    fen (两角五分) or 钱 (一角钱); otherwise it is a corner (三角形, 一角)."""
    if not num.exact or num.decimal or num.has_magnitude or num.hi >= 10:
        return False
    nxt = f[k + 1:k + 3]
    return _financial(f, num) or nxt[:1] == "钱" or (len(nxt) == 2 and nxt[1] == "分" and nxt[0] in DIGITS)


def _attach(d: _Draft, a: int, b: int, kind: str, *, scale: Rational = 1,
            currency: Optional[str] = None) -> None:
    d.unit = (a, b)
    d.unit_kind = kind
    d.end = b
    if kind in ("percent", "money", "multiple", "duration", "ordinal"):
        d.kind = kind
    if currency:
        d.currency = currency
    if scale != 1:
        for name in ("value", "low", "high"):
            v = getattr(d, name)
            if v is not None and not isinstance(v, str):
                setattr(d, name, exact(Fraction(v) * scale, True))


def _percent_word_ok(f: str, k: int, num: Numeral) -> bool:
    """七成, 8折: 成 and 折 are percentages only after a small number and not
    inside a word (成为, 成本, 折扣, 折合)."""
    if num.has_magnitude or num.more is not None:
        return False
    if f.startswith(("成为", "成了", "成本", "成员", "成功", "成长", "成立", "成交", "成果", "成熟",
                     "成型", "成效", "成绩", "成都", "成千", "成百", "折扣", "折合", "折算", "折旧",
                     "折叠", "折线", "折腾", "折射"), k):
        return False
    hi = num.hi
    if f[k] == "折":
        return hi < 10 or (num.digit_string and hi < 100) or (num.arabic and 10 <= hi < 100 and hi % 10 != 0)
    return hi <= 10


def _read_cheng_zhe(f: str, d: _Draft, k: int) -> None:
    num = d.numeral
    assert num is not None
    end = k + 1
    scale = Fraction(10)
    if f[k] == "折" and (num.hi >= 10):
        scale = Fraction(1)  # 75折, 三八折: already two digits
    lo, hi = num.lo * scale, num.hi * scale
    # 七成六 / 三成半
    if f[k] == "成":
        j = _skip_space(f, end)
        if f.startswith("半", j):
            lo, hi, end = lo + 5, hi + 5, j + 1
        elif j < len(f) and f[j] in DIGITS and DIGITS[f[j]] and not (j + 1 < len(f) and (
                f[j + 1] in DIGITS or f[j + 1] in SMALL_UNITS)):
            lo, hi, end = lo + DIGITS[f[j]], hi + DIGITS[f[j]], j + 1
    d.kind = "percent"
    d.unit = (k, k + 1)
    d.end = end
    if num.exact and end == k + 1 and f[k] == "成" and f.startswith(("多", "余"), end):
        # 三成多: over 30%, under 40%
        d.value, d.qualifier, d.low, d.high = exact(lo, num.decimal), ">", exact(lo, num.decimal), \
            exact(lo + 10, num.decimal)
        d.end = end + 1
        return
    if num.exact:
        d.value = exact(lo, num.decimal)
    else:
        d.value, d.low, d.high = None, exact(lo, num.decimal), exact(hi, num.decimal)


def _is_amount(d: _Draft) -> bool:
    """A value, or a range of whole numbers (几, 一两): not a date."""
    if d.value is not None:
        return not isinstance(d.value, str)
    return isinstance(d.low, int) and isinstance(d.high, int)


_PER_UNITS = ("平米", "㎡", "m²", "度", "kg", "t")  # besides the units of units.tsv: 元/平米, 元/度


def _per_unit(f: str, k: int) -> int:
    """Where ``/unit`` at ``k`` ends (元/吨, 美元/桶, 元/千瓦时), else 0."""
    if not f.startswith("/", k):
        return 0
    u = _match_unit(f, k + 1)
    if u is not None and u.kind != "money":
        return k + 1 + len(u.word)
    word = next((w for w in _PER_UNITS if f.startswith(w, k + 1)), None)
    if word is None or (word.isascii() and f[k + 1 + len(word):k + 2 + len(word)].isalpha()):
        return 0
    return k + 1 + len(word)


def _kuai_is_money(f: str, k: int) -> bool:
    """块 is money before 钱, 毛, 角, a digit, a qualifier, a currency or the
    end of a clause; otherwise a measure word (一块智能屏)."""
    if k >= len(f):
        return True
    c = f[k]
    if c in "钱毛角半" or c in DIGITS or c in _CLAUSE_END or not _is_cjk(c) or c in "的":
        return True
    # 三百块左右, 一万块出头: a price with its qualifier; 三千块人民币: with its currency
    if any(len(q.word) > 1 and f.startswith(q.word, k) for q in _qualifiers_starting().get(c, ())):
        return True
    unit = _match_unit(f, k)
    return unit is not None and unit.kind == "money"


def _read_money_tail(f: str, d: _Draft, after_mao: bool = False) -> None:
    """元/块 followed by 角, 毛, 分 (壹佰捌拾壹圆柒角, 一块二, 两毛五, 圆整)."""
    if d.value is None or isinstance(d.value, str):
        return
    k = d.end
    total = Fraction(d.value)
    if not after_mao and d.unit is not None and f[d.unit[0]:d.unit[1]] in ("元", "圆") \
            and f.startswith(("整", "正"), k):
        d.end = k + 1  # cheque style: 壹拾壹元整
        return
    if not after_mao and f.startswith("半", k):
        d.value = exact(total + Fraction(1, 2), True)  # 一块半, 两块半钱
        d.end = k + 2 if f.startswith("钱", k + 1) else k + 1
        return
    step = Fraction(1, 100) if after_mao else Fraction(1, 10)
    if k < len(f) and f[k] in "零〇":
        # 三元零五分: the zero skips the jiao.
        k += 1
        step = Fraction(1, 100)
    changed = False
    while k < len(f) and (f[k] in DIGITS or "0" <= f[k] <= "9") and step >= Fraction(1, 100):
        digit = DIGITS[f[k]] if f[k] in DIGITS else int(f[k])
        nxt = f[k + 1] if k + 1 < len(f) else ""
        if nxt and nxt in "角毛" and step == Fraction(1, 10):
            total += Fraction(digit, 10)
            k += 2
            step = Fraction(1, 100)
            changed = True
            continue
        if nxt == "分":
            total += Fraction(digit, 100)
            k += 2
            changed = True
            break
        if f[k] in DIGITS and (nxt == "" or nxt in _CLAUSE_END or nxt in "钱到至-~以左每" or not _is_cjk(nxt)
                               or (nxt == "一" and _match_unit(f, k + 2) is not None)) \
                and not nxt.isdigit():  # (一块五一瓶: the price of one)
            total += digit * step
            k += 1
            changed = True
        break
    if changed:
        d.value = exact(total, True)
        d.end = k + 1 if f.startswith("钱", k) else k


def _read_after_qualifier(f: str, d: _Draft) -> None:
    k = d.end
    if f.startswith(("(含)", "（含）"), k):
        k += 3  # 50万元(含)以上: the bound itself is included
    if k >= len(f):
        return
    lean = _SHARE_LEANS.get(f[k])
    if lean is not None and d.kind in ("fraction", "percent") and not f.startswith(_LEAN_WORDS, k):
        if d.qualifier is None:  # 三分之一强, 三成弱: a little over, a little under
            d.qualifier = lean
            _bounds_from_qualifier(d)
        d.end = k + 1
        return
    for q in _qualifiers_starting().get(f[k], ()):
        if f.startswith(q.word, k):
            if q.word == "内" and f.startswith(("内容", "内部", "内外", "内地", "内存"), k):
                continue
            if q.word == "上下" and f.startswith("上下游", k):
                continue
            if q.word == "不到" and f.startswith("不到位", k):
                continue
            if d.qualifier is None:
                d.qualifier = q.symbol
                _bounds_from_qualifier(d)
            d.end = k + len(q.word)
            if q.word in ("内", "之内") and d.unit is not None and f[d.unit[0]:d.unit[1]] == "名":
                d.kind = "ordinal"  # 20名内: within the top twenty
            return


def _bounds_from_qualifier(d: _Draft) -> None:
    if d.value is None or isinstance(d.value, str):
        return
    if d.qualifier in (">", ">="):
        d.low, d.high = d.value, None
    elif d.qualifier in ("<", "<="):
        d.low, d.high = None, d.value


def _with_prefixes(f: str, d: Optional[_Draft], floor: int) -> Optional[_Draft]:
    """Attach what stands before the numeral: 第, 前, 其, 之, a minus sign,
    a currency word or sign, and a qualifier (超過, 近, 約)."""
    if d is None:
        return None
    i = d.start
    if i - 1 < floor:
        return d
    before = f[i - 1]
    if before not in _around()[1] and before not in _PLAIN_BEFORE_STOP:
        return d  # nothing before it can join it (see _around)
    # ordinal markers
    if i - 1 >= floor and f[i - 1] == "第" and d.kind not in ("date", "year"):
        d.start = i - 1
        if d.kind not in ("fraction",):
            d.kind = "ordinal"
        return d
    if i - 1 >= floor and f[i - 1] == "其" and d.numeral is not None and d.numeral.only_digit \
            and d.unit is None and (d.end >= len(f) or not _is_cjk(f[d.end]) or f[d.end] == "是"):
        d.start, d.kind = i - 1, "ordinal"
        return d
    if i - 1 >= floor and f[i - 1] == "之" and d.numeral is not None and d.numeral.only_digit == "一" \
            and d.unit is None:
        d.start = i - 1
        return d
    if i - 2 >= floor and f[i - 1] == "国" and f[i - 2] == "民" and d.kind == "duration" and d.unit is not None \
            and f[d.unit[0]:d.unit[1]] == "年" and isinstance(d.value, int) and d.value > 0 and d.qualifier is None:
        # 民國八十五年: a year of the Republic of China calendar, which
        # starts in 1912; the value is the Gregorian year
        d.start, d.kind, d.value = i - 2, "year", d.value + _ROC_OFFSET
        return d
    top = i - 4 if i - 1 >= floor and f[i - 1] in _SPACES else i - 3
    if top >= floor and f[top:top + 3].lower() == "top" and d.kind == "cardinal" and d.unit is None \
            and d.value is not None and (top == 0 or not (f[top - 1].isascii() and f[top - 1].isalpha())):
        # Top 10, TOP3: the first ten, a ranking
        d.start, d.kind, d.qualifier = top, "ordinal", "<="
        _bounds_from_qualifier(d)
        return d
    if i - 1 >= floor and f[i - 1] == "好" and f[i] == "几":
        d.start = i - 1  # 好几万: several ten thousands, as 几万
        return d
    if i - 1 >= floor and f[i - 1] in "QqHh" and _QUARTER.match(f, i - 1) and d.numeral is not None \
            and d.unit is None and (i - 2 < floor or not (f[i - 2].isascii() and f[i - 2].isalpha())):
        # Q3, 2023Q4, H1: a quarter or a half of the year
        d.start, d.kind, d.unit = i - 1, "ordinal", (i - 1, i)
        return d
    if i - 1 >= floor and f[i - 1] == "前" and _first_periods(f, d):
        return d
    if i - 1 >= floor and f[i - 1] == "前" and d.numeral is not None and (d.kind == "cardinal" or (
            d.kind == "ordinal" and d.unit is not None and f[d.unit[0]:d.unit[1]] == "名")) \
            and d.value is not None and d.value != 1 and (i - 2 < floor or f[i - 2] not in
                                                        "目之以提当此眼空从面先事生跟向日年月天几到"):
        d.start, d.kind, d.qualifier = i - 1, "ordinal", "<="
        _bounds_from_qualifier(d)
        return d
    # sign: 负, a minus, 零下 (below zero)
    sign_at = i - 2 if i - 2 >= floor and f[i - 1] in _SPACES and f[i - 2] == "负" else i - 1
    below_zero = sign_at - 1 >= floor and f.startswith("零下", sign_at - 1)
    if below_zero:
        sign_at -= 1
    if sign_at >= floor and (below_zero or f[sign_at] in "负-") and d.kind not in ("date", "year") \
            and _sign_stands(f, sign_at, floor):
        d.start = sign_at
        for name in ("value", "low", "high"):
            v = getattr(d, name)
            if v is not None and not isinstance(v, str):
                setattr(d, name, -v)
        if d.low is not None and d.high is not None and d.value is None:
            d.low, d.high = d.high, d.low
        i = d.start
    # currency before the number: 人民币50元, ¥300, 港幣3.14
    last = f[i - 2] if i - 2 >= floor and f[i - 1] in _SPACES else f[i - 1] if i - 1 >= floor else ""
    for word in _CURRENCY_BEFORE if last and last in _CURRENCY_LAST else ():
        j = i - len(word)
        if j >= floor and f.startswith(word, j) or (j - 1 >= floor and f[i - 1] in _SPACES
                                                   and f.startswith(word, j - 1)):
            j = j if f.startswith(word, j) else j - 1
            d.start = j
            unit = _units().get(word)
            code = unit.currency if unit is not None else _SIGNS.get(word)
            if d.kind in ("cardinal",) and d.unit is None:
                d.kind = "money"
                d.unit = (j, j + len(word))
                d.currency = code
            elif d.kind == "money" and code:
                d.currency = code  # 港币两千九百六十元: the currency named first
            i = j
            break
    # qualifier before the number, right before it or after one space
    gap = 1 if i - 1 >= floor and f[i - 1] in _SPACES else 0
    if i - 1 - gap < floor:
        return d
    for q in _qualifiers_ending().get(f[i - 1 - gap], ()):
        j = i - gap - len(q.word)
        if j < floor or not f.startswith(q.word, j):
            continue
        if j > floor and f[j - 1] in q.not_after:
            continue
        if q.word in ("过", "上") and not _magnitude_first(f, i):
            continue
        if d.kind in ("ordinal", "date", "year") and q.word not in ("约", "大约", "近"):
            continue
        d.start = j
        if d.qualifier is None or d.qualifier == "~":
            d.qualifier = q.symbol
            if d.numeral is not None and d.numeral.more is not None and q.symbol != ">":
                d.low = d.high = None
            _bounds_from_qualifier(d)
        return d
    return d


def _first_periods(f: str, d: _Draft) -> bool:
    """前八月, 前三季度: the first months or quarters of a year, a duration
    (as 前10个月 is), not the month of August or the third quarter. 前 stays
    out of the surface, as in the other durations."""
    if d.kind == "date" and isinstance(d.value, str) and d.value.startswith("--") and len(d.value) == 4 \
            and f[d.end - 1] == "月":
        d.value, d.unit = int(d.value[2:]), (d.end - 1, d.end)
    elif not (d.kind == "ordinal" and d.unit is not None and f[d.unit[0]:d.unit[1]] == "季度"):
        return False
    d.kind = "duration"
    return True


# Latin labels of a change glued to its sign: yoy-8.5% is a fall of 8.5%.
_CHANGE_LABELS = frozenset({"yoy", "qoq", "mom"})


def _minus_at(f: str, k: int, floor: int) -> bool:
    """Whether the ``-`` or 负 at ``k`` is a minus sign that
    :func:`_with_prefixes` will read."""
    return k >= floor and k >= 0 and f[k] in "负-" and _sign_stands(f, k, floor)


def _sign_stands(f: str, k: int, floor: int) -> bool:
    """Whether the sign at ``k`` is a sign: not a dash between two figures,
    not a hyphen after a Latin name (A-3), unless the name is a change's
    label (yoy-8.5%)."""
    return not (f[k] == "-" and _dash_after_number(f, k, floor)) \
        and (k - 1 < floor or not (f[k - 1].isalnum() and f[k - 1].isascii())
             or f[max(floor, k - 3):k].lower() in _CHANGE_LABELS)


def _dash_after_number(f: str, k: int, floor: int) -> bool:
    """Whether the ``-`` at ``k`` joins two figures (1万(含)-5万元,
    五元六角-五元七毛): it follows the previous number, past spaces and a
    short bracketed note, so it is a dash, not a minus."""
    if floor == 0:
        return False
    j = k
    while j > floor and f[j - 1] in _SPACES:
        j -= 1
    if j > floor and f[j - 1] in ")）":
        opening = max(f.rfind("(", floor, j), f.rfind("（", floor, j))
        if opening >= 0 and j - opening <= 6:
            j = opening
    return j == floor


def _magnitude_first(f: str, i: int) -> bool:
    """过 and 上 qualify only round magnitudes: 過百萬, 上千, 過億 (not 經過三年)."""
    return f[i] in SMALL_UNITS or f[i] in BIG_UNITS


# ---------------------------------------------------------------- keeping
def _digit_count(f: str, a: int, b: int) -> bool:
    """Whether the measure word at ``a:b`` is the 位 of 位数: 两位数增长 and
    6位数密码 say how many digits, not how many of anything."""
    return f.startswith("位数", a) and b == a + 1


_DAI_WORDS = ("代价", "代表", "代理", "代替", "代言")  # 十年代价: ten years' cost, not a decade


def _keep(f: str, d: _Draft, scan: _Scan) -> bool:
    """Precision rules: is this draft a quantity at all?"""
    if scan.in_name(d.core_start):
        return False
    num = d.numeral
    if num is None:
        return not (d.kind == "fraction" and _inside_word(f, d))
    if d.unit is None and d.start == d.core_start and d.kind == "cardinal" and f.startswith("期间", d.end):
        return False  # 十一期间, 五一期间, 双11期间, 十四五期间: a holiday or a plan named by its number
    if d.unit is not None and _digit_count(f, d.unit[0], d.unit[1]):
        return False
    if d.kind == "duration" and f.startswith("代", d.end) and f[d.unit[0]:d.unit[1]] == "年" \
            and not f.startswith(_DAI_WORDS, d.end):  # type: ignore[index]
        return False  # 九十年代, 90年代: a decade whose century is not written, not 90 years
    nxt = f[d.core_end] if d.core_end < len(f) else ""
    prev = f[d.start - 1] if d.start > 0 else ""
    if d.kind == "cardinal" and d.unit is None and num.arabic and not num.has_magnitude and d.value is not None \
            and isinstance(d.value, int) and 1900 <= d.value <= 2099 and num.end - num.start == 4 \
            and d.qualifier is None and d.start == d.core_start:
        d.kind = "year"
        if _QUARTER.match(f, d.core_end):
            return True  # 2023Q4: the year of a quarter
    if num.arabic:
        if _after_latin(prev) and d.start == d.core_start:
            return False
        if nxt.isascii() and nxt.isalpha() and d.unit is None and nxt not in ASCII_MAGNITUDES:
            return False
        if nxt == "." and d.core_end + 1 < len(f) and f[d.core_end + 1].isascii() and f[d.core_end + 1].isalpha():
            return False  # 163.com
        if d.unit is None and d.kind == "cardinal" and not num.has_magnitude and d.qualifier is None:
            # (a bare 19xx/20xx was made a year above: 2018中国零售数字化创新大会)
            if num.decimal and f[num.start:num.end].endswith(".0"):
                return False  # versions: 2.0, 10.0
            if num.lo == num.hi and d.start == d.core_start and _glued_in_words(f, prev, nxt, d.core_end):
                return False
        if d.unit is None and d.kind in ("cardinal", "year") and d.start == d.core_start \
                and _after_identifier_word(f, d.start, scan):
            return False  # 代号为9151, 股票代码600519: identifiers
        if d.unit is None and d.kind in ("cardinal", "year") and d.start == d.core_start and prev in "(（" \
                and nxt in ")）" and _bracketed_name(f, d.start, f[num.start:num.end]):
            return False  # 中芯国际(688981), 今（10）日
        if nxt == "号" and d.end == d.core_end + 1 and prev in "〕]］）)" \
                and _DOCUMENT_YEAR.search(f, max(0, d.start - 8), d.start):
            return False  # 国发〔2015〕40号: a document number after its year
        if d.unit is not None and f[d.unit[0]:d.unit[1]] == "对" and d.end < len(f) \
                and (f[d.end].isdigit() or f[d.end] in DIGITS):
            return False  # 1对1
        if d.unit is None and d.kind == "cardinal" and f.startswith(("后", "後"), d.core_end) \
                and num.end - num.start == 2 and d.qualifier is None:
            return False  # 95后, 00后: cohorts
    if not num.arabic:
        # 壹分, 壹角: jieba lists them as words, but on a cheque they are money
        if _inside_word(f, d, whole_ok=d.kind == "money" and _financial(f, num)):
            return False
        if num.only_digit is not None or (num.chinese == 1 and f[num.start] in FINANCIAL):
            return _single_digit_ok(f, d, prev, nxt)
    return True


@lru_cache(maxsize=1)
def _identifier_words() -> dict[str, tuple[str, ...]]:
    """Words after which a bare number is an identifier, by last character."""
    by_last: dict[str, list[str]] = {}
    for row in table("identifiers.tsv", 2):
        by_last.setdefault(row[0][-1], []).append(row[0])
    return {c: tuple(words) for c, words in by_last.items()}


_AMONG = ("当中", "之中", "中")


def _after_identifier_word(f: str, start: int, scan: _Scan) -> bool:
    """Whether an identifier word (代号, 编号, 电话) stands just before
    ``start``, with 为, 是 or a colon and spaces allowed between."""
    j = start
    # 代码582、620、639: the later items of a list of identifiers. The walk
    # back stops at the item asked about last, whose answer is this one's.
    while j > 1 and f[j - 1] in "、,，" and "0" <= f[j - 2] <= "9":
        j -= 1
        while j > 0 and "0" <= f[j - 1] <= "9":
            j -= 1
        if j == scan.identifier_at:
            return _remember_identifier(scan, start, scan.identifier)
    while j > 0 and f[j - 1] in _SPACES:
        j -= 1
    if j > 0 and f[j - 1] in "为是:#":
        j -= 1
        while j > 0 and f[j - 1] in _SPACES:
            j -= 1
    elif j > 0 and f[j - 1] in ",，":
        # 产业分类代码当中，582、620、639
        among = next((w for w in _AMONG if f.endswith(w, 0, j - 1)), None)
        if among is not None:
            j -= 1 + len(among)
    return _remember_identifier(scan, start, j > 0 and f.endswith(_identifier_words().get(f[j - 1], ()), 0, j))


def _remember_identifier(scan: _Scan, start: int, answer: bool) -> bool:
    scan.identifier_at, scan.identifier = start, answer
    return answer


def _single_digit_ok(f: str, d: _Draft, prev: str, nxt: str) -> bool:
    """One Chinese digit: a number with a unit, an ordinal marker, 之一, 一是,
    or standing alone; 一 + measure word only when it counts (一個是…, 就有一個)."""
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
            d.kind = "ordinal"
            return True
        return _alone(prev, nxt)
    if d.kind == "duration" or num.only_digit not in ("一", "壹") or d.qualifier is not None:
        return True
    after = f[d.end] if d.end < len(f) else ""
    if after == "是" or after == "" or after in _CLAUSE_END or not _is_cjk(after):
        # 市值最高的一间: "the one", a pronoun after a superlative
        return not (prev == "的" and "最" in f[max(0, d.start - 8):d.start])
    if prev == "" or prev in _CLAUSE_END or prev in "：:" or f.endswith(_HEDGES, 0, d.start):
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
