"""The currency of a bare 元: the money of the place the document states.

元 (塊, 毛, 角, 分) is the unit of four currencies: the renminbi, and the
Hong Kong, New Taiwan and Macau dollars. A figure that names its currency
(``港幣6元``, ``人民幣1億元``, ``NT$300``, ``30億港元``) keeps it. A bare
one takes, in this order:

1. the currency of the last figure before it in the same paragraph that
   named one of the four (``跌至港幣5.1元，翌日跌穿5元``: HKD);
2. the currency a statement in the document puts in force (``單位：新台幣
   千元``, ``幣種：人民幣``, ``以港元列示``, ``記賬本位幣為人民幣``): the
   last one before the figure, or the first one after it;
3. in a document in traditional script (Taiwan, Hong Kong, Macau), the one
   of the four its figures name most often (the first named on a tie): a
   Taiwan item names 新台幣 once and then writes bare 元;
4. ``currency``, the caller's default, else CNY. In simplified script a
   bare 元 is renminbi even where another dollar was named in an earlier
   paragraph (``募資50億港元`` in one paragraph, ``營收100億元`` in the
   next), as mainland writers use it.

>>> from cnreport import find_numbers
>>> [m.currency for m in find_numbers("台積電營收新台幣5,469億元。\\n每股盈餘8.14元。")]
['TWD', 'TWD']
>>> [m.currency for m in find_numbers("售價199元", currency="TWD")]
['TWD']
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Optional

import attrs

from .lexicon import loaders, t2s_pairs, table
from .model import NumberMention
from .normalize import fold

__all__ = ["check_currency", "is_currency_name", "is_traditional", "place_currency", "stated_currencies"]

# Units that are 元 or its parts without saying whose 元 (folded).
_BARE_UNITS = frozenset(loaders.number_words_with("bare_yuan"))
_MAGNITUDES = "|".join(map(re.escape, loaders.number_words_with("statement_magnitude")))
_CODE = re.compile(r"[A-Z]{3}")


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Currency name (folded) → ISO code, from ``lexicon/currency_names.tsv``."""
    names = {}
    for row in table("currency_names.tsv", 3):
        if not _CODE.fullmatch(row[1]):
            raise ValueError(f"{row.file}:{row.line}: {row[1]!r} is not an ISO 4217 code")
        names[row[0]] = row[1]
    return names


def is_currency_name(folded: str) -> bool:
    """Whether a word (folded script) names a currency (新台币, 港币).

    >>> is_currency_name("新台币"), is_currency_name("营收")
    (True, False)
    """
    return folded in _names()


@lru_cache(maxsize=1)
def _statements() -> re.Pattern[str]:
    """A statement of the money a document is counted in: a cue before the
    name (``幣種：人民幣``) or 以 + the name + a cue (``以港元列示``), or a
    unit heading in brackets (``（人民幣千元）``, ``(HK$'000)``)."""
    before: list[str] = []
    after: list[str] = []
    for row in table("currency_cues.tsv", 3):
        if row[1] not in ("before", "after"):
            raise ValueError(f"{row.file}:{row.line}: where must be before or after, not {row[1]!r}")
        (before if row[1] == "before" else after).append(re.escape(row[0]))
    name = "|".join(re.escape(n) for n in sorted(_names(), key=len, reverse=True))
    cue_before = "|".join(sorted(before, key=len, reverse=True))
    cue_after = "|".join(sorted(after, key=len, reverse=True))
    return re.compile(
        rf"(?:{cue_before})\s*[:：]?\s*(?:均?[为是]\s*)?(?:元\s*)?(?P<a>{name})"
        rf"|以\s*(?P<b>{name})\s*(?:{_MAGNITUDES})?元?\s*(?:{cue_after})"
        rf"|[(（]\s*(?:(?P<c>{name})\s*(?:'000|(?:{_MAGNITUDES})?元)|(?:{_MAGNITUDES})(?P<d>{name}))\s*[)）]")


def stated_currencies(text: str) -> list[tuple[int, str]]:
    """(offset, ISO code) of each statement of the money ``text`` is counted in.

    >>> stated_currencies("單位：新台幣千元\\n營業收入 1,200")
    [(3, 'TWD')]
    """
    return _stated(fold(text))


def _stated(folded: str) -> list[tuple[int, str]]:
    """:func:`stated_currencies` of the text whose fold is ``folded``: the
    caller that holds the fold already does not fold the text again."""
    names = _names()
    out = []
    for m in _statements().finditer(folded):
        group = next(g for g in ("a", "b", "c", "d") if m.group(g) is not None)
        out.append((m.start(group), names[m.group(group)]))
    return out


def check_currency(currency: Optional[str]) -> Optional[str]:
    """``currency`` if it is ``None`` or an ISO 4217 code (three capital
    letters), else a ``ValueError`` (``TypeError`` for a non-str)."""
    if currency is None:
        return None
    if not isinstance(currency, str):
        raise TypeError(f"currency must be an ISO 4217 code such as 'TWD', not {type(currency).__name__}")
    if not _CODE.fullmatch(currency):
        raise ValueError(f"currency must be an ISO 4217 code such as 'TWD' or 'HKD', not {currency!r}")
    return currency


def _local(m: NumberMention) -> bool:
    return m.kind == "money" and m.currency in _LOCAL


_LOCAL = frozenset({"CNY", "HKD", "TWD", "MOP"})


def _bare(folded: str, m: NumberMention) -> bool:
    """A figure in 元 (or its parts) that names no currency."""
    if not _local(m) or m.unit is None or fold(m.unit) not in _BARE_UNITS:
        return False
    surface = folded[m.start:m.end]
    return not any(name in surface for name in _names())


def place_currency(text: str, mentions: Sequence[NumberMention], *, default: Optional[str] = None,
                   folded: Optional[str] = None) -> list[NumberMention]:
    """``mentions`` of ``text`` with the currency of each bare 元 decided as
    the module says; a figure that names its currency is left as it is.

    >>> from cnreport.numbers import find_numbers as read
    >>> text = "除另有註明外，金額以港元列示。收入為30億元。"
    >>> [m.currency for m in place_currency(text, read(text))]
    ['HKD']
    """
    default = check_currency(default) or "CNY"
    f = fold(text) if folded is None else folded
    bare = [_bare(f, m) for m in mentions]
    if not any(bare):
        return list(mentions)
    named = [m for m, b in zip(mentions, bare, strict=True) if _local(m) and not b]
    statements = _stated(f)
    starts = [start for start, _ in statements]  # in order: one pattern's matches
    document = _document_currency(text, named)
    out = []
    paragraph_currency: Optional[str] = None
    last_end = 0
    for m, is_bare in zip(mentions, bare, strict=True):
        if "\n" in f[last_end:m.start]:
            paragraph_currency = None
        last_end = m.end
        if not is_bare:
            if _local(m):
                paragraph_currency = m.currency
            out.append(m)
            continue
        code = paragraph_currency or _in_force(statements, starts, m.start) or document or default
        out.append(m if code == m.currency else attrs.evolve(m, currency=code))
    return out


def _in_force(statements: list[tuple[int, str]], starts: list[int], at: int) -> Optional[str]:
    """The currency of the last statement before ``at`` (``starts`` are the
    statements' offsets), else of the first one; a binary search, so that a
    long text with many statements costs no more per figure."""
    before = bisect_left(starts, at)
    return statements[before - 1][1] if before else statements[0][1] if statements else None


def _document_currency(text: str, named: list[NumberMention]) -> Optional[str]:
    """The dollar a traditional-script document counts in: the one its
    figures name most often, the first named on a tie."""
    if not named or not is_traditional(text):
        return None
    counts = Counter(m.currency for m in named)
    most = max(counts.values())
    return next(m.currency for m in named if counts[m.currency] == most)


def is_traditional(text: str) -> bool:
    """Whether ``text`` is written in traditional script: more of its
    characters exist only in traditional than only in simplified.

    >>> (is_traditional("營收新台幣50億元"), is_traditional("营收50亿元"))
    (True, False)
    """
    traditional, simplified = _scripts()
    t = sum(1 for c in text if c in traditional)
    s = sum(1 for c in text if c in simplified)
    return t > s


@lru_cache(maxsize=1)
def _scripts() -> tuple[frozenset[str], frozenset[str]]:
    pairs = {k: v for k, v in t2s_pairs().items() if k != v}
    return frozenset(pairs), frozenset(pairs.values()) - frozenset(pairs)
