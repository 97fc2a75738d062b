"""What follows a numeral: the unit or measure word, a percent sign, 个半, 多
after the unit, 大 and 强, and a qualifier after (以上, 左右).
"""
from __future__ import annotations

from fractions import Fraction
from typing import Optional

from ..numerals import (
    exact,
)
from .chars import _SPACES, _is_cjk, _skip_space
from .dates import _year_range
from .draft import _attach, _Draft, _evolve, _read_after_qualifier
from .integers import _read_lai
from .money import (
    _financial,
    _is_amount,
    _jiao_is_money,
    _kuai_is_money,
    _per_unit,
    _read_money_tail,
)
from .ordinals import _headcount_hao, _noted_designation
from .percent import _percent_word_ok, _read_cheng_zhe
from .tables import (
    _after_change_verb,
    _around,
    _match_unit,
    _Unit,
    _units,
    _words,
    _words_opening,
)


def _read_suffix(f: str, d: _Draft) -> _Draft:
    """Unit, currency, percent sign, 多 after the unit, and qualifier after."""
    k = d.end
    if k >= len(f) or f[k] not in _around()[0]:
        return d  # nothing that follows can extend it (see _around)
    if f[k] == "来":
        lai = _read_lai(f, d, k)
        if lai is not None:
            d, k = lai, lai.end
    d = _with_half(f, d, k)
    k = d.end
    k = _skip_space(f, k) if k < len(f) and f[k] in _SPACES and k + 1 < len(f) and not f[k + 1].isdigit() else k
    for share in _SHARES:
        read = share(f, d, k)
        if read is not None:
            return _read_after_qualifier(f, read)
    ge = _classifier(f, k)
    if ge == 0:
        if _headcount_hao(f, k):
            return _read_after_qualifier(f, _attach(d, k, k + 1, "cardinal"))  # 三百多号人: a headcount, not the 300th
        named = _designation(f, d, k) or _months(f, d, k)
        if named is not None:
            return named
    return _read_after_qualifier(f, _measured(f, d, k, ge))


def _with_half(f: str, d: _Draft, k: int) -> _Draft:
    """一个半, 三成半, 两年半: a half after the numeral (here) or after its
    unit (see :func:`_measured`)."""
    num = d.numeral
    assert num is not None
    if not (f.startswith("个半", k) or (f.startswith("半", k) and not num.has_magnitude)):
        return d
    if d.value is None or isinstance(d.value, str) or num.more is not None:
        return d
    end = k + (2 if f[k] == "个" else 1)
    return _evolve(d, value=exact(Fraction(d.value) + Fraction(1, 2), True), end=end, core_end=end)


# Each share reader returns the draft as a percentage when the word at ``k``
# makes it one, else None; the qualifier after it is read next.
def _percent_sign(f: str, d: _Draft, k: int) -> Optional[_Draft]:
    """60%, 5‰ (0.5 percentage points)."""
    if k < len(f) and f[k] in "%‰":
        return _attach(d, k, k + 1, "percent", scale=_units()[f[k]].scale)
    return None


def _spoken_points(f: str, d: _Draft, k: int) -> Optional[_Draft]:
    """毛利率提升了两个点, 一个多点: percentage points as a speaker says them,
    after a verb of change."""
    if not (f.startswith(_words("spoken_point"), k) and d.qualifier is None and _after_change_verb(f, d.start)):
        return None
    more = f[k + 1] == "多"
    if more and d.value is not None and not isinstance(d.value, str):
        d = _evolve(d, qualifier=">", low=d.value, high=exact(Fraction(d.value) + 1, False))
    point = k + (2 if more else 1)
    return _attach(d, point, point + 1, "percent")  # (the unit is 点, as in 百分点; 个 is the classifier)


def _tenths(f: str, d: _Draft, k: int) -> Optional[_Draft]:
    """七成, 8折: tenths of the whole."""
    num = d.numeral
    assert num is not None
    if k < len(f) and f[k] in "成折" and _percent_word_ok(f, k, num):
        return _read_cheng_zhe(f, d, k)
    return None


_SHARES = (_percent_sign, _spoken_points, _tenths)  # (3个百分点 is a unit of units.tsv)


def _classifier(f: str, k: int) -> int:
    """How long the classifier at ``k`` is that stands before the unit
    without being it: 个 of 6个小时 and 两个亿卢布 (1), 个多 of 一个多月 (2)."""
    if not f.startswith("个", k):
        return 0
    after = k + 2 if f.startswith("多", k + 1) else k + 1
    if f.startswith(_words("classifier_time"), after):
        return after - k
    money = _match_unit(f, k + 1)
    return 1 if money is not None and money.kind == "money" else 0  # 20个比特币


def _designation(f: str, d: _Draft, k: int) -> Optional[_Draft]:
    """3号码头, 二号生产线, 9（南）号码头: a designation, the Nth of its
    kind (a day of the month after 月 is read as a date before this)."""
    hao = k if f.startswith("号", k) else _noted_designation(f, k)
    if hao >= 0 and isinstance(d.value, int) and d.value > 0 and not f.startswith(_words("not_designation"), hao):
        return _attach(d, hao, hao + 1, "ordinal")
    return None


def _months(f: str, d: _Draft, k: int) -> Optional[_Draft]:
    """1-8月, 1至8月: the months of a year, as 3月1-10日 are days."""
    num = d.numeral
    assert num is not None
    if f.startswith("月", k) and d.value is None and isinstance(d.low, int) \
            and isinstance(d.high, int) and 1 <= d.low < d.high <= 12 \
            and not any(c in "几数" for c in f[num.start:num.end]):
        end = k + 2 if f.startswith("份", k + 1) else k + 1
        return _evolve(d, kind="date", low=f"--{d.low:02d}", high=f"--{d.high:02d}", end=end, fixed=True)
    return None


def _measured(f: str, d: _Draft, k: int, ge: int) -> _Draft:
    """The unit or measure word after the classifier (``ge`` long) at ``k``,
    and what its unit lets follow; else 大 or 强, 毛 or 角, 分."""
    num = d.numeral
    assert num is not None
    if ge == 2 and d.value is not None and d.qualifier is None:
        d = _evolve(d, qualifier=">", low=d.value, high=exact(Fraction(d.value) + 1, False))
    u = _match_unit(f, k + ge)
    if u is not None and f.startswith(_words_opening("not_unit").get(u.word, ()), k + ge):
        u = None  # 十一期间 (the holiday, which _keep drops), 7.1至7.3区间 (a band, not districts)
    if u is not None and not (ge == 0 and u.word in ("月",) and f[num.start] != "数"):  # (数月: several months)
        return _more_or_half(f, _with_unit(f, d, k, ge, u), u)
    if num.exact and not num.decimal and (
            (f.startswith("大", k) and k + 1 < len(f) and _is_cjk(f[k + 1]))
            or (f.startswith("强", k) and not f.startswith(_words("not_strong"), k))):
        # 三大族群, 这5大招: N大 + noun counts the kinds named; 世界500强,
        # 百强县: the N strongest.
        return _evolve(d, end=k + 1, no_unit_text=True, unit=(k, k + 1))
    return _small_change(f, d, k)


def _with_unit(f: str, d: _Draft, k: int, ge: int, u: _Unit) -> _Draft:
    """``d`` with the unit ``u``, found after the classifier at ``k``."""
    num = d.numeral
    assert num is not None
    if u.word in _words("quarter_unit") and ge == 0:
        return _attach(d, k, k + len(u.word), "ordinal")
    if u.word in ("块",) and not _kuai_is_money(f, k + 1):
        return _attach(d, k, k + 1, "cardinal")
    if u.word in ("级",) and (num.has_magnitude or not num.exact):
        return _evolve(_attach(d, k, k + 1, "cardinal"), no_unit_text=True)
    # the 个 of 6个小时 stays in the surface but not in the unit
    d = _attach(d, k + ge, k + ge + len(u.word), u.kind, currency=u.currency, scale=u.scale)
    if u.word == "年" and ge == 0 and _year_range(d):
        d = _evolve(d, kind="year")  # 2004-2005年, 2004至2005年: years, not a duration
    return _money_after(f, d, u) if u.kind == "money" else d


def _money_after(f: str, d: _Draft, u: _Unit) -> _Draft:
    """After a unit of money: jiao and fen (一块二), the currency named after
    the unit (518億元人民幣), a price per unit (82.5美元/桶)."""
    d = _read_money_tail(f, d)
    again = _match_unit(f, d.end)
    if again is not None and again.kind == "money" and u.word in _words("plain_money_unit"):
        # 518億元人民幣: the unit stays 元, as in 人民币518亿元
        d = _evolve(d, end=d.end + len(again.word), currency=again.currency or d.currency)
    per = _per_unit(f, d.end)
    if per and d.unit is not None and d.unit[1] == d.end:
        d = _evolve(d, unit=(d.unit[0], per), end=per)  # 16213元/平方米, 82.5美元/桶: a price per unit
    return d


def _more_or_half(f: str, d: _Draft, u: _Unit) -> _Draft:
    """一年多, 两年半: 多 after a duration or a multiple, 半 after a duration."""
    num = d.numeral
    assert num is not None
    k = d.end
    if f.startswith("多", k) and d.value is not None and d.qualifier is None and u.kind in ("duration", "multiple"):
        return _evolve(d, qualifier=">", low=d.value, end=k + 1, high=exact(Fraction(d.value) + 1, False))
    if f.startswith("半", k) and d.value is not None and u.kind == "duration" and num.more is None:
        return _evolve(d, value=exact(Fraction(d.value) + Fraction(1, 2), True), end=k + 1)
    return d


def _small_change(f: str, d: _Draft, k: int) -> _Draft:
    """五毛, 两毛五, 几毛钱 (0.2 to 0.9 yuan), 一两毛钱, 壹角; 壹分 (a cheque
    writes fen)."""
    num = d.numeral
    assert num is not None
    if k < len(f) and ((f[k] == "毛" and _is_amount(d)) or (
            f[k] == "角" and d.value is not None and not isinstance(d.value, str) and _jiao_is_money(f, k, num))):
        d = _read_money_tail(f, _attach(d, k, k + 1, "money", currency="CNY", scale=Fraction(1, 10)), after_mao=True)
        return _evolve(d, end=d.end + 1) if f.startswith("钱", d.end) else d  # 五毛钱
    if k < len(f) and f[k] == "分" and d.value is not None and not isinstance(d.value, str) \
            and _financial(f, num) and not f.startswith("之", k + 1):
        d = _attach(d, k, k + 1, "money", currency="CNY")
        return _evolve(d, value=exact(Fraction(d.value) / 100, True))  # type: ignore[arg-type]
    return d
