"""Numbers that name rather than count: inside book titles, web addresses and
brands, after Latin letters (5G), stock codes in brackets, identifiers after
代号 or 编号, bare numbers glued between words.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate
from typing import Optional

from ..lexicon import loaders
from ..normalize import fold
from .chars import _CHANGE_LABELS, _SPACES, _TITLE, _URL, _is_cjk
from .tables import _chars, _match_unit, _words


@lru_cache(maxsize=1)
def _digit_names() -> Optional[re.Pattern[str]]:
    """Names written with Arabic digits, from ``lexicon/not_numbers.tsv``
    (7-11, 7-Eleven): no quantity inside them. (The standard library's re:
    this pattern runs over every text, at half the cost of regex.)"""
    names = sorted((fold(word) for word in loaders.not_numbers() if any("0" <= c <= "9" for c in word)),
                   key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in names), re.IGNORECASE) if names else None


class _Scan:
    """What one pass over a text keeps as it goes: the names that hold no
    quantities, and the last answer of :func:`_after_identifier_word` (a list
    of identifiers is walked back once, not once per item)."""

    __slots__ = ("identifier", "identifier_at", "reach", "starts")

    def __init__(self, f: str) -> None:
        # book titles (《一线》), web addresses (%20) and brands (7-11便利店)
        names = [(m.start(), m.end()) for m in _TITLE.finditer(f)]
        if "http" in f or "www." in f:  # (what every address opens with: most texts have none)
            names += [(m.start() - 1, m.end()) for m in _URL.finditer(f)]
        brands = _digit_names()
        if brands is not None:
            names += [(m.start() - 1, m.end()) for m in brands.finditer(f)]
        # The spans by start, and the furthest end of those up to each: a
        # position is inside some span when the spans that start before it
        # reach past it, one binary search however many names the text has.
        names.sort()
        self.starts = [a for a, _ in names]
        self.reach = list(accumulate((b for _, b in names), max))
        self.identifier_at = -1
        self.identifier = False

    def in_name(self, k: int) -> bool:
        """Whether ``k`` lies strictly inside a title, address or brand."""
        before = bisect_left(self.starts, k)
        return before > 0 and self.reach[before - 1] > k


def _named(f: str, i: int, prev: str, scan: _Scan) -> bool:
    """Whether the Arabic number at ``i`` is part of a name: inside a book
    title, a web address or a brand, or glued to Latin letters (5G, T.1),
    or to them by a hyphen (a model or a drug: CY-201, XR-7; not yoy-8.5%)."""
    return scan.in_name(i) or _after_latin(prev) or _hyphened_to_latin(f, i)


def _hyphened_to_latin(f: str, i: int) -> bool:
    """CY-201, XR-7: bare digits joined to Latin letters by a hyphen name a
    model or a drug (but yoy-8.5% is a change's label and its figure, and
    with a unit, ROE-5%, EPS-0.5元, the hyphen may be a minus)."""
    if not (i >= 2 and f[i - 1] == "-" and f[i - 2].isascii() and f[i - 2].isalpha()
            and f[max(0, i - 4):i - 1].lower() not in _CHANGE_LABELS):
        return False
    e = i
    while e < len(f) and (f[e].isdigit() or f[e] == "."):
        e += 1
    return e == len(f) or (f[e] not in _MAGNITUDES and _match_unit(f, e) is None)


_MAGNITUDES = frozenset("%％十百千万萬亿億")




def _bracketed_name(f: str, i: int, written: str) -> bool:
    """A number in brackets that names rather than counts: a stock code, or
    the day of a news dateline (台積電今（10）日公布: today, the 10th)."""
    e = i + len(written)
    if i >= 2 and f[i - 2] in "今昨明前" and f.startswith("日", e + 1) and written.isdigit():
        return True
    return _stock_code(f, i, written)


def _stock_code(f: str, i: int, written: str) -> bool:
    """中芯国际(688981), 腾讯控股(00700), 台積電(2330): a listed company's
    code in brackets after its name — six digits (Shanghai, Shenzhen), five
    opening with 0 (Hong Kong) or four that are not a year (Taiwan)."""
    if i < 2 or not (_is_cjk(f[i - 2]) or f[i - 2].isalpha()):
        return False
    n = len(written)
    if not written.isdigit():
        return False
    if n == 6 or (n == 5 and written[0] == "0"):
        return True
    # (员工(1200)人: a count, bracketed)
    return n == 4 and not 1900 <= int(written) <= 2099 and (
        _match_unit(f, i + n + 1) is None or f.startswith(_words("share_word"), i + n + 1))


# A listed company's market after its code: 台積電(2330-TW), 晨岭(600123.SH)
_MARKET_SUFFIX = re.compile(r"[-. ]?(?:TWO|TW|HK|SH|SZ|SS)[)）]")


def _closes_code(f: str, e: int) -> bool:
    """Whether the bracket that a code opens closes at ``e``, past its market."""
    return f[e:e + 1] in (")", "）") or _MARKET_SUFFIX.match(f, e) is not None


def _after_latin(prev: str) -> bool:
    """5G, 4S店, T.1, MP3, H5: digits after Latin letters are part of a name."""
    return prev != "" and prev.isascii() and (prev.isalpha() or prev == ".")


def _glued_in_words(f: str, prev: str, nxt: str, end: int) -> bool:
    """A bare number between two Chinese characters is a name (見實425直播,
    520生活), unless a conjunction or a connector follows it or a verb or
    preposition that takes numbers precedes it."""
    return prev != "" and nxt != "" and _is_cjk(prev) and _is_cjk(nxt) and prev not in _chars("glue_breaker") \
        and not f.startswith(_words("glue_after"), end)


@lru_cache(maxsize=1)
def _identifier_words() -> dict[str, tuple[str, ...]]:
    """Words after which a bare number is an identifier, by last character."""
    by_last: dict[str, list[str]] = {}
    for word in loaders.identifiers():
        by_last.setdefault(word[-1], []).append(word)
    return {c: tuple(words) for c, words in by_last.items()}




def _after_identifier_word(f: str, start: int, scan: _Scan) -> bool:
    """Whether an identifier word (代号, 编号, 电话) stands just before
    ``start``, with 为, 是 or a colon and spaces allowed between."""
    j = start
    # 代码582、620、639: the later items of a list of identifiers. The walk
    # back stops at the item asked about last, whose answer is this one's.
    while j > 1 and f[j - 1] in "、,，" and "0" <= f[j - 2] <= "9":
        j -= 1
        while j > 0 and "0" <= f[j - 1] <= "9":
            j -= 1
        if j == scan.identifier_at:
            return _remember_identifier(scan, start, scan.identifier)
    while j > 0 and f[j - 1] in _SPACES:
        j -= 1
    if j > 0 and f[j - 1] in "为是:#":
        j -= 1
        while j > 0 and f[j - 1] in _SPACES:
            j -= 1
    elif j > 0 and f[j - 1] in ",，":
        # 产业分类代码当中，582、620、639
        among = next((w for w in _words("among") if f.endswith(w, 0, j - 1)), None)
        if among is not None:
            j -= 1 + len(among)
    return _remember_identifier(scan, start, j > 0 and f.endswith(_identifier_words().get(f[j - 1], ()), 0, j))


def _remember_identifier(scan: _Scan, start: int, answer: bool) -> bool:
    scan.identifier_at, scan.identifier = start, answer
    return answer
