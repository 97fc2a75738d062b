"""Ranges of two figures (5~6億, 两到三万, 5、600萬) and the minus sign that may open one."""
from __future__ import annotations

import attrs

from ..lexicon.numerals import (
    APPROX_PAIRS,
)
from ..model import Rational
from ..numerals import (
    Numeral,
    exact,
    scan_numeral,
)
from .chars import _CHANGE_LABELS, _CONNECTOR_STARTS, _CONNECTORS, _DATE_WORDS, _REMARK, _SPACES, _skip_space
from .draft import _Draft, _evolve
from .tables import _after_change_verb, _around, _match_unit


def _read_range(f: str, d: _Draft, floor: int) -> _Draft:
    """A second numeral after ~, -, 到 or 至 makes a range: 5~6億, 400-500个,
    两到三万 (the magnitude written once is shared), 30到40年; both ends
    negative: -3亿元至-2亿元 (the minus before the first is read with the
    prefixes, which turns the range round)."""
    num = d.numeral
    assert num is not None
    if not num.exact or num.more is not None:
        return d
    k = d.end
    if k >= len(f) or (f[k] not in _around()[0] and f[k] != "、"):
        return d  # no connector, unit or space follows
    if f.startswith("、", k):
        return _read_pair(f, d, k + 1)
    unit_between = None
    u = _match_unit(f, k)
    if u is not None and (u.kind in _RANGE_UNIT_KINDS or (u.kind == "duration" and u.word not in _DATE_WORDS)):
        # 5亿元至6亿元, 1150万辆至1200万辆, 30岁至40岁 (not 2008年到2016年: two years)
        unit_between = u
        k += len(u.word)
    remark = _REMARK.match(f, k)
    if remark is not None:
        k = remark.end()  # 1万(含)-5万元, 1万元(不含税)-5万元: a remark on the lower bound
    k = _skip_space(f, k)
    if k >= len(f) or f[k] not in _CONNECTOR_STARTS:
        return d
    for conn in _CONNECTORS:
        if f.startswith(conn, k):
            break
    else:
        return d
    k2 = _skip_space(f, k + len(conn))
    negative = k2 < len(f) and f[k2] in "-负" and _minus_at(f, d.start - 1, floor)
    num2 = scan_numeral(f, k2 + 1 if negative else k2)
    if num2 is None or not num2.exact or num2.more is not None:
        return d
    lo, hi = num.lo, num2.lo
    if not num.has_magnitude and num2.suffix_mults:
        for mult in num2.suffix_mults:
            if (lo * mult > num2.lo) if negative else (lo * mult < num2.lo):
                lo = lo * mult
                break
    if negative:
        lo, hi = hi, lo  # -3亿至-2亿: 2亿 to 3亿 here, -3亿 to -2亿 once the minus is read
    if not lo < hi:
        return d
    level = unit_between or _match_unit(f, num2.end)
    if conn in ("至", "到") and lo > 0 and hi > 4 * lo and level is not None and level.kind in ("money", "cardinal") \
            and _after_change_verb(f, d.start):
        return d  # 增加15.3亿元至2,185亿元: the change, then the level it reached (增长10%至50% is a range)
    if unit_between is not None:
        u2 = _match_unit(f, num2.end)
        if u2 is None or u2.word != unit_between.word:
            return d
    return _set_range(d, num, num2, lo, hi)


_RANGE_UNIT_KINDS = frozenset({"money", "percent", "cardinal", "multiple"})


def _set_range(d: _Draft, num: Numeral, num2: Numeral, lo: Rational, hi: Rational) -> _Draft:
    """``d`` as the range from ``lo`` to ``hi``, its numeral running on to
    the end of the second one."""
    decimal = num.decimal or num2.decimal
    return _evolve(d, value=None, low=exact(lo, decimal), high=exact(hi, decimal), end=num2.end,
                        core_end=num2.end,
                        numeral=attrs.evolve(num, end=num2.end, lo=lo, hi=hi, more=None,
                                             has_magnitude=num.has_magnitude or num2.has_magnitude,
                                             only_digit=None, chinese=num.chinese + num2.chinese))


def _read_pair(f: str, d: _Draft, k: int) -> _Draft:
    """N、M with neighbouring leading digits is an approximation, the
    magnitude written once: 5、600萬 (5百万 to 6百万), 2、30年, 兩、三個小時.
    A list stays a list: 1、2、5 (more items), 1、2 (two bare Arabic digits)."""
    num = d.numeral
    assert num is not None
    num2 = scan_numeral(f, k)
    if num2 is None or not num2.exact or num2.more is not None or num.has_magnitude or num.decimal \
            or num2.decimal or num.end - num.start != 1 or f.startswith("、", num2.end):
        return d
    if d.start > 0 and f[d.start - 1] == "、":
        return d  # the second item of a longer list
    high = int(num2.hi)
    place = 10 ** (len(str(high)) - 1)
    first, second = int(num.lo), high // place
    if high % place or (first, second) not in APPROX_PAIRS or first == 0:
        return d
    if place == 1:
        # 两、三个小时, 3、4人, 全球4、5名 count; 1、2号, 二、三季度 are list items
        after = _skip_space(f, num2.end)
        u = _match_unit(f, after + 1 if f.startswith("个", after) else after)
        if num.arabic != num2.arabic or not (
                f.startswith("个", after)
                or (u is not None and u.kind in ("duration", "cardinal") and u.word != "季度")):
            return d
    return _set_range(d, num, num2, first * place, high)


def _minus_at(f: str, k: int, floor: int) -> bool:
    """Whether the ``-`` or 负 at ``k`` is a minus sign that
    :func:`_with_prefixes` will read."""
    return k >= floor and k >= 0 and f[k] in "负-" and _sign_stands(f, k, floor)


def _sign_stands(f: str, k: int, floor: int) -> bool:
    """Whether the sign at ``k`` is a sign: not a dash between two figures,
    not a hyphen after a Latin name (A-3), unless the name is a change's
    label (yoy-8.5%)."""
    return not (f[k] == "-" and _dash_after_number(f, k, floor)) \
        and (k - 1 < floor or not (f[k - 1].isalnum() and f[k - 1].isascii())
             or f[max(floor, k - 3):k].lower() in _CHANGE_LABELS)


def _dash_after_number(f: str, k: int, floor: int) -> bool:
    """Whether the ``-`` at ``k`` joins two figures (1万(含)-5万元,
    五元六角-五元七毛): it follows the previous number, past spaces and a
    bracketed remark (as the range reader reads one), so it is a dash, not
    a minus."""
    if floor == 0:
        return False
    j = k
    while j > floor and f[j - 1] in _SPACES:
        j -= 1
    if j > floor and f[j - 1] in ")）":
        opening = max(f.rfind("(", floor, j), f.rfind("（", floor, j))
        if opening >= 0 and _REMARK.fullmatch(f, opening, j):
            j = opening
    return j == floor
