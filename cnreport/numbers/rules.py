"""Precision rules: is a read expression a quantity at all? Numerals inside words (统一, 一些, 万达), the indefinite 一个, cohorts (95后), versions (2.0), decades without century."""
from __future__ import annotations

import re

import regex

from ..lexicon.numerals import (
    ASCII_MAGNITUDES,
    DIGITS,
    FINANCIAL,
)
from ..numerals import (
    per_one,
)
from ..words import Words, lexicalized_words
from .chars import _CLAUSE_END, _PLACE_CHARS, _QUARTER, _is_cjk
from .draft import _Draft
from .integers import _digit_count
from .money import _financial
from .names import (
    _after_identifier_word,
    _after_latin,
    _bracketed_name,
    _glued_in_words,
    _Scan,
)
from .tables import _around, _count_nouns, _idiom_starts, _match_unit

# A Chinese numeral that stops where another digit or 十 stands against it
# (十十, 十一十二), or a fraction followed by 分之 (三分之一分之), is
# ill-formed, and so is the rest of its run. Not 两 (十两, ten taels) nor the
# financial digits that are common characters (五十陆续).
_ILL_FORMED_NEXT = frozenset("零〇○一二三四五六七八九十廿卅卌分")
_CHINESE_RUN = re.compile("(?:[零〇○一二三四五六七八九十百千万亿兆两廿卅卌点几]|分之)+")
_DOCUMENT_YEAR = regex.compile(r"[〔\[［(（](?:19|20)[0-9]{2}[〕\]］)）]$")
_ARTICLE_MEASURES = frozenset("个种次条位件张部款套份台")
# After 一 + measure word: what may still make it a count (一个是, 一个半, 一个亿, 一个多月).
_ARTICLE_AFTER_KEEPS = frozenset("是半多亿万千百十") | frozenset("零〇一二两三四五六七八九")
# Adverbs that may open a clause before 一 + measure word (可能一个机器就要…).
_HEDGES = ("可能", "大概", "平均", "通常", "往往", "基本上", "差不多")
# After 一 + measure word at the start of a clause: what one of them costs or holds.
_PER_ONE = regex.compile(r"[^，,。；;！？!?\n]{0,8}?(?:就要|就有|就能|就可以|就得|可以有|可以|要|能)"
                         r"[^，,。；;！？!?\n]{0,6}?(?:[0-9]|[一二两三四五六七八九十百千]+[万亿千百元块个家])")


def _ill_formed(f: str, d: _Draft) -> bool:
    """Whether the numeral material at the end of ``d`` goes on where the
    read stopped (the caller has checked the next character)."""
    if f[d.end] == "分":
        return d.kind in ("fraction", "percent") and f.startswith("分之", d.end)
    num = d.numeral
    if f[d.end] == "一" and per_one(f, d.end + 1) and num is not None and num.has_magnitude:
        return False  # 三萬五一個月: 35,000 a month
    return num is not None and num.chinese > 0 and not num.arabic and d.end == num.end


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
