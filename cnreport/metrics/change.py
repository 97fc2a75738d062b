"""How a figure moved: ``從4300萬增長到8200萬``, ``同比增長15%``, ``增長33%至41億美元``."""
from __future__ import annotations

import bisect
from functools import lru_cache
from typing import Optional

import attrs
import regex

from ..model import Change, NumberMention
from . import vocab
from .document import METRIC_KINDS, Document, is_time, quarters
from .levels import compared_level, which_way
from .respective import figure_joiners
from .runs import per_unit_before

__all__ = ["change"]

_CARRIED_MOST = 20  # the longest list a change is carried over, so that a list of figures costs linear time
_VERB_GAP_STOPS = "，,；;。：:"  # (a verb of change beyond these is another clause's)
_ADJUSTED_REACH = 24  # the longest text between a verb of change and the 至 of the level it names


def change(doc: Document, i: int, s_start: int) -> Optional[Change]:
    """The change figure ``i`` belongs to: the two figures of a movement,
    the size of a rate (同比增長15%), or the level a change reached."""
    # the figures side by side, or with a time between them whose 的 ties
    # it to the second (從2018年的4300萬增長到2019年的8200萬)
    for a, b in ((i - 1, i), (i, i + 1), (i - 2, i), (i, i + 2)):
        found = _movement(doc, a, b, s_start)
        if found is not None:
            return found
    found = compared_level(doc, i, s_start)
    if found is None:
        found = rate(doc, doc.numbers[i], s_start)
    return found if found is not None or i == 0 else _carried(doc, i, s_start)


def _carried(doc: Document, i: int, s_start: int) -> Optional[Change]:
    """The change of the figure before, carried over a list or to the level
    it reached: 同比下降13%，至157亿美元 (the level the change reached);
    分别增长9.6%和144.5% (the same change for each); 上调预测至5.12亿元、
    7.06亿元 (each a level reached)."""
    f, n = doc.folded, doc.numbers
    joiners, to_level = figure_joiners(), vocab.grammar().set("to_level")
    j = i
    while j > 0 and i - j < _CARRIED_MOST:
        x, y = n[j - 1], n[j]
        between = f[x.end:y.start]
        if x.start < s_start or x.kind not in METRIC_KINDS or (between not in to_level and between not in joiners):
            break
        j -= 1
    if j == i:
        return None
    found = rate(doc, n[j], s_start)
    begin = doc.text.find(found.text, max(0, n[j].end - len(found.text))) if found is not None else -1
    for k in range(j + 1, i + 1):
        if found is None or found.start is not None:
            return None
        reached = f[n[k - 1].end:n[k].start] in to_level
        if found.end is None and not reached:
            continue  # 升320点或1.86%: the same change, in other terms; 分别增长9.6%和144.5%
        if reached and found.end is not None:
            return None  # (增至5亿元，至…: no second level of one change)
        found = attrs.evolve(found, end=n[k], text=doc.text[max(begin, 0):n[k].end])
    return found


def _movement(doc: Document, a: int, b: int, s_start: int) -> Optional[Change]:
    """從A增長到B between figures ``a`` and ``b``."""
    if a < 0 or b >= len(doc.numbers):
        return None
    f = doc.folded
    x, y = doc.numbers[a], doc.numbers[b]
    if x.kind not in METRIC_KINDS or y.kind not in METRIC_KINDS or x.start < s_start:
        return None
    if b - a == 1:
        between = _untied(f[x.end:y.start].strip())
    else:
        mid = doc.numbers[a + 1]
        mid_end = mid.end
        if mid.kind == "ordinal":  # 由第一季的68%回升至第三季的77%
            mid_end += next((len(q) for q in quarters() if f.startswith(q, mid.end)), 0)
        if mid_end == mid.end and not is_time(mid) or f[mid_end:y.start].strip() not in ("", "的"):
            return None
        between = f[x.end:mid.start].strip()
    if len(between) > _patterns().between_most:
        return None  # too far apart for a verb (增長到) to join them
    verb = _change_verb(between)
    direction = vocab.context_words()[verb] if verb is not None else _moved(between, x, y)
    if direction is None:
        return None
    begin = _from_start(f, x, s_start)
    if begin == x.start:
        return None
    return Change(direction=direction, start=x, end=y, basis=None, text=doc.text[begin:y.end])


def _moved(between: str, x: NumberMention, y: NumberMention) -> Optional[str]:
    """由1.6%改善至1.4%, 回到30%: a verb that moves without saying which
    way; the two figures say it."""
    return which_way(x, y) if _patterns().moved.fullmatch(between) is not None else None


def rate(doc: Document, m: NumberMention, s_start: int) -> Optional[Change]:
    """同比增長15%, 同比实现了15%的增长: the figure is the size of the change."""
    key = ("rate", m.start, s_start)
    if key not in doc.memo:  # (asked again for the figure before: 增长9.6%和144.5%)
        doc.memo[key] = _read_rate(doc, m, s_start)
    return doc.memo[key]  # type: ignore[return-value]


def _read_rate(doc: Document, m: NumberMention, s_start: int) -> Optional[Change]:
    f = doc.folded
    per = per_unit_before(doc, m.start, s_start)
    at = per[0] if per is not None else m.start  # 上涨至每吨3000元: the price per unit reached
    head = f[max(s_start, at - 10):at]
    rstripped = head.rstrip()
    # the rate's verb ends the head: most heads end in no verb's last
    # character, and the search is not needed
    found = _patterns().rate.search(head) if rstripped[-1:] in _patterns().rate_closers else None
    if found is not None:
        verb, first, end = found.group("verb"), found.start(), m.end
    else:
        after = _patterns().rate_after.match(f, m.end) if f.startswith("的", m.end) else None
        if after is None:
            return _own_verb(doc, m) or _more_than(doc, m, s_start) or _adjusted(doc, m, s_start) \
                or _signed(doc, m, s_start)
        verb, first, end = after.group("verb"), len(head), after.end()
    basis = next((w for w in vocab.role_words("basis") if w in head), None)
    if basis is None and len(verb) > 1 and verb[0] in vocab.grammar().set("basis_verb_first"):
        basis = verb  # 月增6.3%, 年增2.5%: the verb names what it compares with
    elif basis is None and found is not None and 0 <= head.rfind("较", 0, first) < first - 1:
        basis = head[head.rfind("较", 0, first):first]  # 较2019年同期增长: the basis as written
    k = head.rfind(basis) if basis and basis != verb else first
    # 增至55亿元, 上升到30%: the figure is the level reached, not the size
    reached = found is not None and (found.group("to") is not None or verb.endswith(_patterns().to_words))
    return Change(direction=vocab.context_words()[verb], start=None, end=m if reached else None, basis=basis,
                  text=doc.text[at - len(head) + k:end])


def _signed(doc: Document, m: NumberMention, s_start: int) -> Optional[Change]:
    """同比+14.6%, 环比 -0.9pct, YoY +5%: a signed figure after the basis of a
    comparison is the size of a change, its sign the direction."""
    f = doc.folded
    k = m.start
    sign = f[k - 1:k] if f[k - 1:k] in _SIGNS else ("-" if m.text[:1] in _SIGNS else "")
    k -= 1 if f[k - 1:k] in _SIGNS else 0
    if not sign or m.kind not in ("percent", "cardinal"):
        return None
    lo = max(s_start, k - _BASIS_LONGEST)
    head = f[lo:k].rstrip().rstrip("：:").rstrip()  # (同比：+2.1%, a line of a block of figures)
    basis = next((w for w in (*vocab.role_words("basis"), *_LATIN_BASES) if head.lower().endswith(w)), None)
    if basis is None:
        return None
    a = lo + len(head) - len(basis)
    return Change(direction="up" if sign == "+" else "down", start=None, end=None, basis=doc.text[a:a + len(basis)],
                  text=doc.text[a:m.end])


_SIGNS = frozenset("+-−－＋")
_BASIS_LONGEST = 8
_LATIN_BASES = ("yoy", "qoq", "mom")


def _own_verb(doc: Document, m: NumberMention) -> Optional[Change]:
    """翻了一番, 翻倍: a multiple that says its own movement."""
    found = _patterns().own.match(doc.folded, m.start, m.end) if m.kind == "multiple" else None
    if found is None:
        return None
    return Change(direction=vocab.context_words()[found.group("verb")], start=None, end=None, text=m.text)


def _more_than(doc: Document, m: NumberMention, s_start: int) -> Optional[Change]:
    """比上月多了1.2万人, 较去年少15%: the figure is the size of the difference."""
    f = doc.folded
    c = doc.clause_at(m.start, s_start)
    found = _patterns().more_than.search(f, max(c, m.start - 16), m.start)
    if found is None or f[found.start("more") - 1] in _patterns().not_more:
        return None
    basis = f[found.start():found.start("more")]
    return Change(direction=vocab.grammar().values("more_than")[found.group("more")], start=None, end=None,
                  basis=doc.text[found.start():found.start("more")] if basis else None,
                  text=doc.text[found.start():m.end])


def _adjusted(doc: Document, m: NumberMention, s_start: int) -> Optional[Change]:
    """上调2025年净利润预测至5.12亿元, 增加研发投入至30亿元: a verb of
    change, what it changes, then 至 and the level reached."""
    f = doc.folded
    to = next((w for w in vocab.grammar().longest("change_to") if f.endswith(w, s_start, m.start)), None)
    c = doc.clause_at(m.start, s_start)
    if to is None:
        return _added(doc, m, c)
    stop = m.start - len(to)
    found = _verb_before(doc, _patterns().adjusted, max(c, stop - _ADJUSTED_REACH), stop)
    if found is None:
        return None
    return Change(direction=vocab.context_words()[found.group("verb")], start=None, end=m,
                  text=doc.text[found.start("verb"):m.end])


def _added(doc: Document, m: NumberMention, c: int) -> Optional[Change]:
    """新增光纤用户6.5万户: what is added, then how much (the size of a rise)."""
    found = _verb_before(doc, _patterns().added, max(c, m.start - _ADJUSTED_REACH), m.start)
    if found is None:
        return None
    return Change(direction=vocab.grammar().values("added")[found.group("verb")], start=None, end=None,
                  text=doc.text[found.start("verb"):m.end])


def _verb_before(doc: Document, pattern: regex.Pattern[str], a: int, b: int) -> Optional[regex.Match[str]]:
    """The last verb of ``pattern`` between ``a`` and ``b`` that is a word
    of its own (not the 增 of 增幅), with nothing but times among the
    figures after it."""
    f = doc.folded
    a = max([a] + [f.rfind(c, a, b) + 1 for c in _VERB_GAP_STOPS])
    for found in reversed(list(pattern.finditer(f, a, b - 1, overlapped=True))):
        tok = doc.forward(found.start("verb"), b)
        if tok is None or tok[1] != found.end("verb"):
            continue  # (增加值, 增长率: the verb is part of a noun)
        if any(not is_time(doc.numbers[k]) for k in range(bisect.bisect_left(doc.starts, found.end()),
                                                            bisect.bisect_left(doc.starts, b))):
            return None  # (a figure between the verb and 至 is the change's size: 增长15%至)
        return found
    return None


def _from_start(f: str, x: NumberMention, s_start: int) -> int:
    """Where 從/由 opens a change before its first figure (從2016年的37%)."""
    head = f[max(s_start, x.start - 12):x.start]
    k = max(head.rfind(w) for w in vocab.grammar().words("from_mark"))
    return x.start - len(head) + k if k >= 0 else x.start


def _untied(between: str) -> str:
    """The text between two figures without a period word that 的 ties to
    the second (上升至今年的: 上升至)."""
    if between.endswith("的"):
        for word in vocab.role_words("period"):  # (longest first)
            if between.endswith(word, 0, len(between) - 1):
                return between[:len(between) - 1 - len(word)]
    return between


def _change_verb(between: str) -> Optional[str]:
    if between[:1] not in _patterns().between_openers:
        return None  # 、 between the items of a list: no verb, no match to try
    found = _patterns().between.fullmatch(between)
    return found.group("verb") if found else None


@attrs.frozen
class _Patterns:
    between: regex.Pattern[str]    # 增長到, between the two figures of a change
    between_most: int              # the longest text that ``between`` matches
    moved: regex.Pattern[str]      # 改善至, between two figures: a movement that does not say which way
    between_openers: frozenset[str]  # the characters that ``between`` can start with
    rate: regex.Pattern[str]       # 同比增長, just before a figure
    rate_closers: frozenset[str]   # the characters that ``rate`` can end with, before spaces
    rate_after: regex.Pattern[str]  # 的增长, just after a figure (15%的增长)
    to_words: tuple[str, ...]      # 至, 到: a verb that ends in one (增至) reaches a level
    own: regex.Pattern[str]        # 翻, opening a multiple (翻了一番)
    more_than: regex.Pattern[str]  # 比上月多了, just before a figure
    not_more: frozenset[str]       # before 多 or 少, a character that makes them no comparison (至少, 不少)
    adjusted: regex.Pattern[str]   # 上调…预测, before 至 and a figure: the last verb of change
    added: regex.Pattern[str]      # 新增…, before a figure: the verb of what is added


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    g = vocab.grammar()
    words = sorted((w for r in ("up", "down") for w in vocab.role_words(r)), key=len, reverse=True)
    verbs = vocab.either(words)
    # 已经增长了到: an aspect word before the verb, a particle and the word of
    # the level reached after it
    aspect, particle, to = (g.longest(n) for n in ("change_aspect", "change_particle", "change_to"))
    longest_verb = max((len(w) for w in words), default=0)
    return _Patterns(
        between=regex.compile(rf"(?:{vocab.either(aspect)})?(?P<verb>{verbs})(?:{vocab.either(particle)})?(?:{vocab.either(to)})?"),
        between_most=len(aspect[0]) + longest_verb + len(particle[0]) + len(to[0]),
        moved=regex.compile(rf"(?:{vocab.either(aspect)})?(?:{vocab.either(g.longest('move_verb'))})"
                            rf"(?:{vocab.either(particle)})?(?:{vocab.either(to)})?"),
        between_openers=frozenset(w[0] for w in (*aspect, *words) if w),
        rate=regex.compile(rf"(?P<verb>{verbs})(?:(?P<to>{vocab.either(to)})|{vocab.either(particle)})?\s*$"),
        rate_closers=frozenset(w[-1] for w in (*particle, *to, *words) if w),
        rate_after=regex.compile(rf"的(?P<verb>{verbs})(?!{vocab.either(to)})"),
        to_words=tuple(w for w in to if w),
        own=regex.compile(rf"(?P<verb>{verbs})"),
        more_than=regex.compile(rf"(?:{vocab.either(g.longest('base_opener'))})[^，,；;。]{{1,12}}?"
                                rf"(?P<more>{vocab.either(g.longest('more_than'))})(?:{vocab.either(particle)})?\s*$"),
        not_more=frozenset("至不很较更最"),
        adjusted=regex.compile(rf"(?P<verb>{verbs})"),
        added=regex.compile(rf"(?P<verb>{vocab.either(g.longest('added'))})"),
    )

