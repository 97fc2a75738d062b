"""Decisions taken before an expression is read, for speed or because the
read cannot make them: a numeral character alone inside a word (零售,
统一), the indefinite article (有一个很好的), and a Chinese numeral whose run
goes on where the read stopped (十十, 三分之一分之). Each answers what the
full read and the precision rules of :mod:`~cnreport.numbers.rules` would,
only sooner."""
from __future__ import annotations

import re

import regex

from ..lexicon import loaders
from ..numerals import per_one
from ..text import CLAUSE_END
from ..words import Words
from .chars import _CLAUSE_END, _is_cjk
from .draft import _Draft
from .tables import _around, _chars, _count_nouns, _idiom_starts, _match_unit, _qualifiers_starting, _words

# A Chinese numeral that stops where another digit or 十 stands against it
# (十十, 十一十二), or a fraction followed by 分之 (三分之一分之), is
# ill-formed, and so is the rest of its run. Not 两 (十两, ten taels) nor the
# financial digits that are common characters (五十陆续).
_ILL_FORMED_NEXT = frozenset("零〇○一二三四五六七八九十廿卅卌分")
_CHINESE_RUN = re.compile("(?:[零〇○一二三四五六七八九十百千万亿兆两廿卅卌点几]|分之)+")
# After 一 + measure word at the start of a clause: what one of them costs or holds.
_IN_CLAUSE = f"[^{regex.escape(CLAUSE_END)}]"
_PER_ONE_VERBS = "|".join(map(regex.escape, loaders.number_words_with("per_one_verb")))
_PER_ONE = regex.compile(_IN_CLAUSE + r"{0,8}?(?:" + _PER_ONE_VERBS + ")"
                         + _IN_CLAUSE + r"{0,6}?(?:[0-9]|[一二两三四五六七八九十百千]+[万亿千百元块个家])")




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
    if i == 0 or i + 2 >= len(f) or f[i + 1] not in _chars("article_measure"):
        return False
    prev, after = f[i - 1], f[i + 2]
    if prev in _around()[1] or prev in _CLAUSE_END or not _is_cjk(prev) or f.endswith(_words("hedge"), 0, i):
        return False
    if any(f.startswith(q.word, i + 2) for q in _qualifiers_starting().get(after, ())):
        return False  # 一个以上: a count with its qualifier, as the full read says
    return _is_cjk(after) and after not in _chars("article_keeps") and _match_unit(f, i + 2) is None

