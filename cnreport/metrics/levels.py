"""Two levels of one measure in one sentence, the later one first:
``溢利為41.3億元，較去年同期的53.6億元下跌23%`` and
``經營利潤為9.8億元，去年同期為6.1億元``. The first figure is where the
measure moved to, the second where it moved from."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

import attrs
import regex

from ..model import Change, NumberMention
from . import vocab
from .context import base_of
from .document import CLAUSE_STOPS, METRIC_KINDS, Document, is_time

__all__ = ["compared_level", "which_way"]

_ENDS = CLAUSE_STOPS | frozenset("。；;!?！？\n")


def compared_level(doc: Document, i: int, s_start: int) -> Optional[Change]:
    """The movement figure ``i`` belongs to as the later level (the figure
    before a base) or as the earlier one (the base after it)."""
    found = _levels(doc, i, s_start)
    if found is not None:
        return found
    for z in (i - 1, i - 2):  # (a time may stand between: 較2023年的31億元)
        if z >= 0 and doc.numbers[z].start >= s_start:
            found = _levels(doc, z, s_start)
            if found is not None and found.start is doc.numbers[i]:
                return found
    return None


def _levels(doc: Document, z: int, s_start: int) -> Optional[Change]:
    """The movement from the base after figure ``z`` to ``z``."""
    n = doc.numbers
    later = n[z]
    if z + 1 >= len(n) or later.start < s_start or later.kind not in METRIC_KINDS:
        return None
    a = z + 2 if is_time(n[z + 1]) and z + 2 < len(n) else z + 1
    earlier = n[a]
    if earlier.kind != later.kind or which_way(earlier, later) is None:
        return None
    f = doc.folded
    p = _patterns()
    base = base_of(doc, earlier, s_start)
    if base is not None:
        # 較去年同期的53.6億元下跌23%: the verb after the base says which way
        verb = p.verb.match(f, earlier.end)
        if verb is None or f[later.end:base[0]].strip(" ，,") not in vocab.grammar().set("base_opener"):
            return None
        return Change(direction=vocab.context_words()[verb.group("verb")], start=earlier, end=later,
                      text=doc.text[later.start:verb.end()])
    # 去年同期為6.1億元, 2023年同期為: the same measure stated for an earlier time
    if a == z + 1:
        said = p.earlier.fullmatch(f, later.end, earlier.start)
    else:
        said = p.comma.fullmatch(f, later.end, n[z + 1].start) and p.same.fullmatch(f, n[z + 1].end, earlier.start)
    if not said or (earlier.end < len(f) and f[earlier.end] not in _ENDS):
        return None
    direction = which_way(earlier, later)
    if direction is None:
        return None
    return Change(direction=direction, start=earlier, end=later, text=doc.text[later.start:earlier.end])


def which_way(earlier: NumberMention, later: NumberMention) -> Optional[str]:
    """``up`` or ``down`` from one figure to the other, when both are
    numbers of one unit that differ."""
    a, b = earlier.value, later.value
    if earlier.unit != later.unit or isinstance(a, str) or isinstance(b, str) or a is None or b is None or a == b:
        return None
    return "up" if b > a else "down"


@attrs.frozen
class _Patterns:
    verb: regex.Pattern[str]      # 下跌, just after the base figure
    earlier: regex.Pattern[str]   # ，去年同期为
    comma: regex.Pattern[str]     # ， before a time that opens the earlier level (，2023年同期为)
    same: regex.Pattern[str]      # 同期为, after that time


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    g = vocab.grammar()
    verbs = sorted((w for r in ("up", "down") for w in vocab.role_words(r)), key=len, reverse=True)
    said = vocab.either(g.longest("restated_as"))
    return _Patterns(
        verb=regex.compile(rf"\s*(?:{vocab.either(g.longest('change_aspect'))})?(?:{vocab.either(g.longest('change_degree'))})?"
                           rf"(?P<verb>{vocab.either(verbs)})"),
        earlier=regex.compile(rf"[，,]\s*(?:{vocab.either(g.longest('earlier_period'))})(?:{said})\s*"),
        comma=regex.compile(r"[，,]\s*"),
        same=regex.compile(rf"(?:{vocab.either(g.longest('same_period'))})?(?:{said})\s*"),
    )
