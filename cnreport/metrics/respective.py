"""分别: the figures of a list go, in order, to the parts of a subject
(营收和净利润分别为85亿元和12亿元) or to the names of a list
(三星、苹果和小米的市场份额分别为20%、17%和14%).
"""
from __future__ import annotations

import bisect
import itertools
from functools import lru_cache
from typing import Optional

import regex

from ..model import NumberMention
from . import vocab
from .document import METRIC_KINDS, Document
from .names import Name, name_at
from .runs import Span

__all__ = ["figure_joiners", "name_list", "respective_figures", "respective_name", "respective_part"]


# Between the figures of a list, and between the parts of a subject that 分别
# hands figures to; where those figures end, and how far to look for it.
_RESPECTIVE_END = frozenset("，,。；;！？!?\n")
_RESPECTIVE_REACH = 128


def figure_joiners() -> frozenset[str]:
    """The words between the figures of a list, and between the parts of a
    subject that 分别 hands figures to (、, 和, 以及)."""
    return vocab.grammar().set("figure_joiner")


def respective_figures(doc: Document, k: int, m: NumberMention) -> list[NumberMention]:
    """The figures of the 分别 at ``k``, to the end of its clause."""
    f = doc.folded
    reach = min(len(f), m.end + _RESPECTIVE_REACH)  # a bounded look: linear time
    end = j = k
    while j < reach and f[j] not in _RESPECTIVE_END:
        if f[j] in "（(" and vocab.find_any(f, vocab.grammar().words("respective"), j, _closing(f, j, reach)) >= 0:
            break  # （原预测2026E、2027E分别为…）: a remark with a list of its own
        inside = doc.mention_at.get(j)
        j = inside.end if inside is not None else j + 1  # (the comma of 9,000万元 ends nothing)
    end = j
    after = itertools.islice(doc.numbers, bisect.bisect_left(doc.starts, k), None)
    return [n for n in itertools.takewhile(lambda n: n.start < end, after) if n.kind in METRIC_KINDS]


def _closing(f: str, j: int, reach: int) -> int:
    """Where the bracket opened at ``j`` closes, or ``reach``."""
    found = [k for k in (f.find("）", j, reach), f.find(")", j, reach)) if k >= 0]
    return min(found) if found else reach


def respective_name(doc: Document, m: NumberMention, lead: Name, org: Optional[str]) -> Optional[Name]:
    """三星、苹果和小米的市场份额分别为20%、17%和14%: with 分别, the figures
    go to the names of the list in order, when there are as many of each;
    without it, when the figures are joined alike in the names' clause."""
    f = doc.folded
    k = vocab.find_any(f, vocab.grammar().words("respective"), lead[1], m.start)
    if k < 0:
        # 岚海银行和恒川银行的不良率为1.2%和1.5%: as many names as figures
        # joined alike hand them out in order without 分别 too
        figures = _joined_run(doc, m)
        if len(figures) < 2 or any(c in _RESPECTIVE_END for c in f[lead[1]:figures[0].start]):
            return None
        names = name_list(doc, lead, figures[0].start, org)
        return names[figures.index(m)] if len(names) == len(figures) else None
    names = name_list(doc, lead, k, org)
    if len(names) < 2:
        return None
    figures = respective_figures(doc, k, m)
    if len(figures) != len(names) or m not in figures:
        return None
    return names[figures.index(m)]


def _joined_run(doc: Document, m: NumberMention) -> list[NumberMention]:
    """The figures of ``m``'s kind that 与, 和, 及 or 、 join to it, in order
    (68%与27%, 8亿元、5亿元和3亿元)."""
    run = [m]
    for step in (-1, 1):
        cur = m
        while True:
            nxt = _joined(doc, cur, step)
            if nxt is None or nxt.kind != m.kind:
                break
            run.insert(0, nxt) if step < 0 else run.append(nxt)
            cur = nxt
    return run


def _joined(doc: Document, m: NumberMention, step: int) -> Optional[NumberMention]:
    """The figure right before (``step`` -1) or after (1) ``m`` with only a
    joiner between them."""
    f = doc.folded
    i = bisect.bisect_left(doc.starts, m.start) + step
    if not 0 <= i < len(doc.numbers):
        return None
    other = doc.numbers[i]
    a, b = (other.end, m.start) if step < 0 else (m.end, other.start)
    return other if a <= b and f[a:b].strip() in figure_joiners() else None


def name_list(doc: Document, lead: Name, limit: int, org: Optional[str]) -> list[Name]:
    """The names of the list that ``lead`` opens (芜湖市、滁州市和六安市),
    read no further than ``limit``."""
    f = doc.folded
    names = [lead]
    pos = lead[1]
    while True:
        joiner = _part_joiner().match(f, pos, limit)
        if joiner is None:
            break
        name = name_at(doc, joiner.end(), limit, org) or _parallel(doc, lead, joiner.end(), limit)
        if name is None or name[0] != joiner.end():
            break
        names.append(name)
        pos = name[1]
    return names


def _parallel(doc: Document, lead: Name, k: int, limit: int) -> Optional[Name]:
    """The word at ``k`` when it ends as the list's first name does
    (宝安区和龙岗区): a name of the same kind, known or not."""
    tok = doc.forward(k, limit) if k < limit else None
    if tok is None or tok[1] - tok[0] < 2 or doc.folded[tok[1] - 1] != doc.folded[lead[1] - 1]:
        return None
    return tok[0], tok[1], doc.text[tok[0]:tok[1]]


def respective_part(doc: Document, m: NumberMention, a: int, b: int) -> Span:
    """营收和净利润分别为85亿元和12亿元: with 分别 (or figures joined alike),
    the figures go to the parts of the subject in order, when there are as
    many of each."""
    f = doc.folded
    k = vocab.find_any(f, vocab.grammar().words("respective"), b, m.start)
    figures = respective_figures(doc, k, m) if k >= 0 else _joined_run(doc, m)  # (营收与净利润为8亿元与5亿元)
    cuts = [(x.start(), x.end()) for x in _part_joiner().finditer(f, a, b)]
    if not cuts or len(cuts) + 1 != len(figures) or m not in figures:
        return a, b
    parts = list(zip([a, *(e for _, e in cuts)], [*(s for s, _ in cuts), b], strict=True))
    for figure, part in zip(figures, parts, strict=True):
        doc.memo[("part", figure.start)] = part  # (the later figures find their part here)
    return parts[figures.index(m)]


@lru_cache(maxsize=1)
def _part_joiner() -> regex.Pattern[str]:
    return regex.compile(vocab.either(vocab.grammar().longest("figure_joiner")))
