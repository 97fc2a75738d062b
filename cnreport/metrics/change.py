"""How a figure moved: ``從4300萬增長到8200萬``, ``同比增長15%``, ``增長33%至41億美元``."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

import attrs
import regex

from ..model import Change, NumberMention
from . import vocab
from .document import METRIC_KINDS, Document, is_time, quarters
from .respective import figure_joiners

__all__ = ["change"]



def change(doc: Document, i: int, s_start: int) -> Optional[Change]:
    """The change figure ``i`` belongs to: the two figures of a movement,
    the size of a rate (同比增長15%), or the level a change reached."""
    m = doc.numbers[i]
    f = doc.folded
    # the figures side by side, or with a time between them whose 的 ties
    # it to the second (從2018年的4300萬增長到2019年的8200萬)
    for a, b in ((i - 1, i), (i, i + 1), (i - 2, i), (i, i + 2)):
        found = _movement(doc, a, b, s_start)
        if found is not None:
            return found
    found = rate(doc, m, s_start)
    if found is not None or i == 0:
        return found
    # 同比下降13%，至157億美元: the level that the change before reached
    x = doc.numbers[i - 1]
    between = f[x.end:m.start]
    if x.start < s_start or x.kind not in METRIC_KINDS \
            or (between not in vocab.grammar().set("to_level") and between not in figure_joiners()):
        return None
    found = rate(doc, x, s_start)
    if found is None:
        return None
    if between in figure_joiners():
        return found  # 升320点或1.86%: the same change, in other terms; 分别增长9.6%和144.5%
    return attrs.evolve(found, end=m, text=doc.text[x.end - len(found.text):m.end])


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
    if verb is None:
        return None
    begin = _from_start(f, x, s_start)
    if begin == x.start:
        return None
    return Change(direction=vocab.context_words()[verb], start=x, end=y, basis=None,
                  text=doc.text[begin:y.end])


def rate(doc: Document, m: NumberMention, s_start: int) -> Optional[Change]:
    """同比增長15%, 同比实现了15%的增长: the figure is the size of the change."""
    key = ("rate", m.start, s_start)
    if key not in doc.memo:  # (asked again for the figure before: 增长9.6%和144.5%)
        doc.memo[key] = _read_rate(doc, m, s_start)
    return doc.memo[key]  # type: ignore[return-value]


def _read_rate(doc: Document, m: NumberMention, s_start: int) -> Optional[Change]:
    f = doc.folded
    head = f[max(s_start, m.start - 10):m.start]
    rstripped = head.rstrip()
    # the rate's verb ends the head: most heads end in no verb's last
    # character, and the search is not needed
    found = _patterns().rate.search(head) if rstripped[-1:] in _patterns().rate_closers else None
    if found is not None:
        verb, first, end = found.group("verb"), found.start(), m.end
    else:
        after = _patterns().rate_after.match(f, m.end) if f.startswith("的", m.end) else None
        if after is None:
            return None
        verb, first, end = after.group("verb"), len(head), after.end()
    basis = next((w for w in vocab.role_words("basis") if w in head), None)
    if basis is None and len(verb) > 1 and verb[0] in vocab.grammar().set("basis_verb_first"):
        basis = verb  # 月增6.3%, 年增2.5%: the verb names what it compares with
    elif basis is None and found is not None and 0 <= head.rfind("较", 0, first) < first - 1:
        basis = head[head.rfind("较", 0, first):first]  # 较2019年同期增长: the basis as written
    k = head.rfind(basis) if basis and basis != verb else first
    return Change(direction=vocab.context_words()[verb], start=None, end=None, basis=basis,
                  text=doc.text[m.start - len(head) + k:end])


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
    between_openers: frozenset[str]  # the characters that ``between`` can start with
    rate: regex.Pattern[str]       # 同比增長, just before a figure
    rate_closers: frozenset[str]   # the characters that ``rate`` can end with, before spaces
    rate_after: regex.Pattern[str]  # 的增长, just after a figure (15%的增长)


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
        between_openers=frozenset(w[0] for w in (*aspect, *words) if w),
        rate=regex.compile(rf"(?P<verb>{verbs})(?:{vocab.either(particle + to)})?\s*$"),
        rate_closers=frozenset(w[-1] for w in (*particle, *to, *words) if w),
        rate_after=regex.compile(rf"的(?P<verb>{verbs})(?!{vocab.either(to)})"),
    )

