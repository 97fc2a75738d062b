"""Whose share or multiple a figure is: X占Y的N%, X占比N%, X是Y的N倍
give it to X, the part named before 占.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

import regex

from ..model import NumberMention
from . import vocab
from .document import CLAUSE_STOPS, Document
from .runs import Span, left

__all__ = ["NO_OWNER", "share_basis", "share_owner", "share_without_owner"]


_LEAD_STOPS_SET = frozenset("，,：:；;。！？!?\n")
_SHARE_REACH = 16
_LONGEST_PART = 8  # characters of a part before 占 that the dictionary reads as no noun
NO_OWNER = (-1, -1)


def share_without_owner(doc: Document, m: NumberMention, s_start: int) -> bool:
    """A share whose clause names no part before 占 (约占国内市场的三分之一)."""
    return share_owner(doc, m, s_start) == NO_OWNER


def share_owner(doc: Document, m: NumberMention, s_start: int) -> Optional[Span]:
    """X占Y的N%, X占比N%, X相当于Y的N%, X是Y的N倍: the share or multiple
    is X's, the part named before 占; Y is what it is measured against."""
    if m.kind not in ("percent", "fraction", "multiple"):
        return None
    f = doc.folded
    head = f[max(s_start, m.start - _SHARE_REACH):m.start]
    # (增长率为15%: without 的 the figure is X's own)
    g = vocab.grammar()
    words = g.words("share_verb") + g.words("share_basis") if head.endswith("的") else g.words("share_verb")
    k, word = max((head.rfind(w), w) for w in words)
    if k < 0 or any(c in CLAUSE_STOPS or c in _LEAD_STOPS_SET for c in head[k:]):
        return None
    if word in g.set("share_bare_verb") and (head[k - 1:k] in g.set("not_share_before") or m.kind == "multiple"):
        return None  # 市占率, 应占溢利: words, not the verb
    at = m.start - len(head) + k
    tok = doc.forward(at, m.start)
    if tok is not None and tok[1] - tok[0] > len(word) and f[tok[1] - 1] in g.set("rate_end"):
        return None  # 市场占有率为3.4%: a rate's noun, not the verb
    if not _share_rest().fullmatch(head, k + len(word)):
        return None
    owner = left(doc, at, s_start) or _words_before(doc, at, s_start)
    if owner is not None:
        return owner
    # with no part named before 占, the clause goes on about the noun that
    # ends the clause before (地方政府对该厂的补贴，占其净利的9.6%), or,
    # where that clause ends with a figure, about that figure's subject
    # (营收1000亿元，约占国内市场的三分之一)
    c = doc.clause_at(m.start, s_start)
    before = c - 1
    if before > s_start and doc.folded[before] in "，," and before not in doc.mention_end:
        owner = _members_owner(doc, doc.clause_at(before, s_start), before) or left(doc, before, s_start)
        if owner is not None and owner[0] in doc.mention_end:
            # 处理量达180万个标准箱，约占全港吞吐量的22%: the noun a figure
            # counts is its unit; the share goes on about that figure's measure
            return NO_OWNER
    return owner or NO_OWNER


def _words_before(doc: Document, at: int, s_start: int) -> Optional[Span]:
    """The words that open the clause before 占 at ``at``, where the
    dictionary reads no noun in them (线上 + 销售 + 占总收入比例…): the part."""
    f = doc.folded
    c = doc.clause_at(at, s_start)
    while c < at and f[c] in " \u3000":
        c += 1
    c += doc.period_word_at(c, at, when=True)  # (目前 + 大概占25%: a time, then no part)
    first = doc.forward(c, at)
    if first is None or first[2] in ("d", "r", "c", "p"):
        return None
    words = f[c:at]
    if not 2 <= len(words) <= _LONGEST_PART or any(ch.isdigit() or ch in CLAUSE_STOPS for ch in words) \
            or words in vocab.anaphor_words():
        return None
    return c, at


def _members_owner(doc: Document, c: int, end: int) -> Optional[Span]:
    """A of a clause A包括B、C等N: the whole its members make, which a
    share in the next clause is of (主要工业包括石油、纺织等行业，占…的40%)."""
    k = vocab.find_any(doc.folded, vocab.grammar().words("members_verb"), c, end)
    return left(doc, k, c) if k > c else None


def share_basis(doc: Document, m: NumberMention, s_start: int) -> Optional[Span]:
    """Y of X占Y的N%: the measure the share is taken of (南山区占全市面积的8%
    → 全市面积), which is what the figure measures when X is a name."""
    f = doc.folded
    if m.kind not in ("percent", "fraction") or not f.endswith("的", max(s_start, m.start - 1), m.start):
        return None
    head = f[max(s_start, m.start - _SHARE_REACH):m.start]
    words = vocab.grammar().words("share_verb")
    k, word = max((head.rfind(w), w) for w in words)
    if k < 0 or any(c in CLAUSE_STOPS or c in _LEAD_STOPS_SET for c in head[k:]):
        return None
    return left(doc, m.start - 1, m.start - len(head) + k + len(word))


@lru_cache(maxsize=1)
def _share_rest() -> regex.Pattern[str]:
    """After 占 and before a share that is the part's own: 占比达, 占据了,
    占总营收的比重约为, 占百度核心收入的比例升至, 占全国总人口约."""
    g = vocab.grammar()
    after, measure, already, link = (vocab.either(g.longest(n))
                                     for n in ("share_after", "share_measure", "share_already", "share_link"))
    return regex.compile(rf"(?:{after})?(?:[^，,。；;]{{0,12}}的?(?:{measure})?)?(?:{already})?(?:{link})?了?\s*")
