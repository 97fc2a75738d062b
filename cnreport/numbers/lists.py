"""Passes over the mentions of a whole text: intervals of two bounds
(大于10小于20), series that share a unit (100/120/145亿元), designations of a list
(1、2及9号), the local dollar of a paragraph.
"""
from __future__ import annotations

import re
from fractions import Fraction
from typing import Optional

import attrs

from ..lexicon import loaders
from ..model import NumberMention, Value
from ..normalize import fold
from ..numerals import (
    exact,
)
from .chars import _CNY_NAMED, _LIST_JOINERS, _PLACE_CHARS, _SPACES
from .tables import _words

# Currencies counted in 元 where they are the money of the place: after 港币6元
# or 新台币, a bare 元 in the same paragraph is that currency, not CNY.
_LOCAL_DOLLARS = frozenset({"HKD", "TWD", "MOP"})
_BARE_YUAN = frozenset(loaders.number_words_with("bare_yuan"))


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
        if bare and not (len(bare) >= 2 or f.endswith(_words("respective"), max(0, mentions[j + 1].start - 3),
                                                        mentions[j + 1].start)):
            items = items[:bare[0]]  # a bare number and one figure (1、2亿元) may be a list of two
        for j, value, _ in items:
            m = mentions[j]
            mentions[j] = attrs.evolve(m, value=exact(value, "." in text[m.start:m.end]), kind=last.kind,
                                       unit=last.unit, currency=last.currency)
    return mentions


_BOUND_JOINERS = frozenset({"", *loaders.number_words_with("bound_joiner")})
_BETWEEN_JOINERS = frozenset(loaders.number_words_with("between_joiner"))
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
    low: Optional[Value]
    high: Optional[Value]
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
