"""Frames that say what a figure measures where no noun before or after it does.

- a deal's amount: ``以12.75亿欧元收购…``, ``斥资98亿美元``, ``募集32亿元``: the
  verb is the subject; ``以41亿元的代价取得…``: the price noun;
- a share held or traded: ``持有25%``, ``购入12.59%``, ``持20.3%的海澄投资``:
  the stake noun of the sentence or paragraph (股权, 股份), and the name
  after 的 is the holder.

The words of the frames are ``lexicon/subject_frames.tsv``.
"""
from __future__ import annotations

import bisect
from functools import cache, lru_cache
from typing import Optional

from ..lexicon import loaders
from ..model import NumberMention
from . import vocab
from .document import CLAUSE_STOPS, Document
from .names import Name, name_at
from .subject import Span

__all__ = ["deal", "holding", "restating_words"]

_DEAL_REACH = 12  # how far after 以 + amount the deal's verb may stand
_STAKE_REACH = 200  # how far back a stake noun is looked for
_LONGEST_HOLDER = 12  # characters of a holder the tables lack, before 所持


def deal(doc: Document, m: NumberMention, c: int) -> Optional[tuple[Span, str]]:
    """The subject of a deal's amount ``m`` in the clause at ``c``: the
    verb (``frame:deal``) or the price noun after 的 (``frame:price``)."""
    if m.kind != "money":
        return None
    f = doc.folded
    before = _word_ending(f, m.start, c, "deal")
    if before is not None:
        return before, "deal"  # 斥资98亿美元, 募集32.55亿元
    end = _clause_end(doc, m.end)
    if f.startswith("的", m.end):
        price = _word_at(f, m.end + 1, end, "price")
        if price is not None:
            return price, "price"  # 以41亿元的代价
    k = m.end
    while k < min(end, m.end + _DEAL_REACH):
        found = _word_at(f, k, end, "deal")
        if found is not None and f[max(c, m.start - 2):m.start].endswith(vocab.grammar().words("deal_price_mark")):
            return found, "deal"  # 以12.75亿欧元收购…
        k += 1
    return None


def holding(doc: Document, m: NumberMention, c: int, s_start: int) -> Optional[tuple[Optional[Span], Optional[Name]]]:
    """A share held or traded (持有25%, 购入12.59%): the stake noun that
    names it, and the holder named after 的 (持20.3%的海澄投资)."""
    if m.kind != "percent":
        return None
    f = doc.folded
    if _word_ending(f, m.start, c, "hold") is None and not _listed_holding(doc, m, c):
        return None
    end = _clause_end(doc, m.end)
    holder = None
    if f.startswith("的", m.end):
        holder = name_at(doc, m.end + 1, end, None)
    elif f.endswith(vocab.grammar().words("held_by"), c, m.start):
        holder = _holder_before(doc, c, m.start)  # 周立新所持35%股权: who holds it opens the clause
    stake = _stake_after(f, m.end, end) or _stake_before(f, m.start, max(0, m.start - _STAKE_REACH))
    return stake, holder


def holder_stake(doc: Document, m: NumberMention, s_start: int) -> Optional[Span]:
    """The stake noun a bracketed share after a shareholder's name is of
    (其他主要股东为海澄投资（22.1%）及澜江公司（17.6%）): the last stake noun
    before it, where its sentence speaks of shareholders."""
    f = doc.folded
    if m.kind != "percent" or vocab.find_any(f, vocab.grammar().words("shareholder_word"), s_start, m.start) < 0:
        return None
    return _stake_before(f, m.start, max(0, m.start - _STAKE_REACH))


def _listed_holding(doc: Document, m: NumberMention, c: int) -> bool:
    """Whether ``m`` goes on a list of stakes held (持6.3%的汇丰及4.9%的捷成洋行):
    a joiner before it, and before that a held stake with its holder."""
    f = doc.folded
    if m.start - 1 <= c or f[m.start - 1] not in vocab.grammar().set("figure_joiner") | {"及", "和"}:
        return False
    j = bisect.bisect_left(doc.starts, m.start) - 1
    if j < 0:
        return False
    before = doc.numbers[j]
    between = f[before.end:m.start - 1]
    return before.kind == "percent" and before.start >= c and between.startswith("的") \
        and not any(ch in CLAUSE_STOPS or ch.isdigit() for ch in between) \
        and (_word_ending(f, before.start, c, "hold") is not None or _listed_holding(doc, before, c))


def _holder_before(doc: Document, c: int, pos: int) -> Optional[Name]:
    """The holder that opens the clause at ``c`` before 所持 (which ends at
    ``pos``): a name, or the words there (a person, a partnership)."""
    f = doc.folded
    k = pos - next(len(w) for w in vocab.grammar().words("held_by") if f.endswith(w, c, pos))
    while c < k and f[c] in " \u3000，,；;：:":
        c += 1
    named = name_at(doc, c, k, None)
    if named is not None:
        return named
    if not 2 <= k - c <= _LONGEST_HOLDER or any(ch.isdigit() or ch in CLAUSE_STOPS for ch in f[c:k]):
        return None
    return c, k, doc.text[c:k]


def _stake_after(f: str, a: int, b: int) -> Optional[Span]:
    for k in range(a, min(b, a + 4)):
        found = _word_at(f, k, b, "stake")
        if found is not None:
            return found
    return None


def _stake_before(f: str, pos: int, floor: int) -> Optional[Span]:
    best = None
    for w in _words("stake"):
        k = f.rfind(w, floor, pos)
        if k >= 0 and (best is None or k > best[0]):
            best = (k, k + len(w))
    return best


def _word_ending(f: str, pos: int, floor: int, role: str) -> Optional[Span]:
    """A word of ``role`` that ends at ``pos`` (past 了 and spaces)."""
    k = pos
    while k > floor and f[k - 1] in " 了":
        k -= 1
    for w in _words(role):
        if f.endswith(w, floor, k):
            return k - len(w), k
    return None


def _word_at(f: str, k: int, end: int, role: str) -> Optional[Span]:
    for w in _words(role):
        if f.startswith(w, k, end):
            return k, k + len(w)
    return None


def _clause_end(doc: Document, pos: int) -> int:
    s_start, s_end = doc.sentence(pos)
    starts = doc.clause_starts(s_start)
    later = [c for c in starts if c > pos]
    return later[0] - 1 if later else s_end


@cache
def _words(role: str) -> tuple[str, ...]:
    """The words of ``subject_frames.tsv`` with ``role``, longest first."""
    return tuple(sorted((r.word for r in loaders.subject_frames() if r.role == role), key=len, reverse=True))


@lru_cache(maxsize=1)
def restating_words() -> frozenset[str]:
    """What may stand after the bracket of a restated figure (约合, 时值), or nothing."""
    return frozenset(_words("restate")) | {""}
