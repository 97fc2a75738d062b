"""What follows a numeral: the unit or measure word, a percent sign, 个半, 多 after the unit, 大 and 强, and a qualifier after (以上, 左右)."""
from __future__ import annotations

from fractions import Fraction

from ..numerals import (
    exact,
)
from .chars import _SPACES, _is_cjk, _skip_space
from .dates import _year_range
from .draft import _STRONG_WORDS, _attach, _Draft, _read_after_qualifier
from .integers import _TIME_AFTER_GE, _read_lai
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
from .tables import _after_change_verb, _around, _match_unit, _units


def _read_suffix(f: str, d: _Draft) -> None:
    """Unit, currency, percent sign, 多 after the unit, and qualifier after."""
    num = d.numeral
    assert num is not None
    k = d.end
    if k >= len(f) or f[k] not in _around()[0]:
        return  # nothing that follows can extend it (see _around)
    if f[k] == "来":
        k = _read_lai(f, d, k)
    # 一个半 / 三成半 / 两年半: a half after the numeral or after its unit.
    if f.startswith("个半", k) or (f.startswith("半", k) and not num.has_magnitude):
        step = 2 if f[k] == "个" else 1
        if d.value is not None and not isinstance(d.value, str) and num.more is None:
            d.value = exact(Fraction(d.value) + Fraction(1, 2), True)
            d.end = d.core_end = k + step
            k = d.end
    k = _skip_space(f, k) if k < len(f) and f[k] in _SPACES and k + 1 < len(f) and not f[k + 1].isdigit() else k
    if k < len(f) and f[k] in "%‰":
        _attach(d, k, k + 1, "percent", scale=_units()[f[k]].scale)
        _read_after_qualifier(f, d)
        return
    if f.startswith(("个百分点", "百分点"), k):
        w = 4 if f[k] == "个" else 3
        _attach(d, k, k + w, "percent")
        _read_after_qualifier(f, d)
        return
    if f.startswith(("个点", "个多点"), k) and d.qualifier is None and _after_change_verb(f, d.start):
        # 毛利率提升了两个点: percentage points, as a speaker says them
        more = f[k + 1] == "多"
        if more and d.value is not None and not isinstance(d.value, str):
            d.qualifier, d.low, d.high = ">", d.value, exact(Fraction(d.value) + 1, False)
        point = k + (2 if more else 1)
        _attach(d, point, point + 1, "percent")  # (the unit is 点, as in 百分点; 个 is the classifier)
        _read_after_qualifier(f, d)
        return
    if k < len(f) and f[k] in "成折" and _percent_word_ok(f, k, num):
        _read_cheng_zhe(f, d, k)
        _read_after_qualifier(f, d)
        return
    # The 个 of time units is a classifier, not the unit: 6个小时 → 小时.
    ge = 0
    if f.startswith("个", k):
        after = k + 1
        more = f.startswith("多", after)
        if more:
            after += 1
        if f.startswith(_TIME_AFTER_GE, after):
            ge = after - k
            if more and d.value is not None and d.qualifier is None:
                d.qualifier = ">"
                d.low = d.value
                d.high = exact(Fraction(d.value) + 1, False)  # type: ignore[arg-type]
    if f.startswith("个", k) and ge == 0:
        money = _match_unit(f, k + 1)
        if money is not None and money.kind == "money":
            ge = 1  # 20个比特币, 两个亿卢布
    u = _match_unit(f, k + ge)
    if u is not None and u.word == "期" and f.startswith("期间", k + ge):
        u = None  # 十一期间, 双11期间: during the holiday, not eleven issues (_keep drops them)
    elif u is not None and u.word == "区" and f.startswith(("区间", "区域"), k + ge):
        u = None  # 7.1至7.3区间: a band, not districts
    hao = k if f.startswith("号", k) else _noted_designation(f, k)
    if ge == 0 and hao == k and _headcount_hao(f, k):
        _attach(d, k, k + 1, "cardinal")  # 三百多号人: a headcount, not the 300th
        _read_after_qualifier(f, d)
        return
    if ge == 0 and hao >= 0 and isinstance(d.value, int) and d.value > 0 \
            and not f.startswith(("号称", "号召"), hao):
        # 3号码头, 二号生产线, 9（南）号码头: a designation, the Nth of its
        # kind (a day of the month after 月 is read as a date before this)
        _attach(d, hao, hao + 1, "ordinal")
        return
    if ge == 0 and f.startswith("月", k) and d.value is None and isinstance(d.low, int) \
            and isinstance(d.high, int) and 1 <= d.low < d.high <= 12 \
            and not any(c in "几数" for c in f[num.start:num.end]):
        # 1-8月, 1至8月: the months of a year, as 3月1-10日 are days
        d.kind, d.low, d.high, d.end = "date", f"--{d.low:02d}", f"--{d.high:02d}", k + 1
        if f.startswith("份", d.end):
            d.end += 1
        d.fixed = True
        return
    if u is not None and not (ge == 0 and u.word in ("月",) and f[num.start] != "数"):  # (数月: several months)
        if u.word in ("季度", "财季") and ge == 0:
            _attach(d, k, k + len(u.word), "ordinal")
        elif u.word in ("块",) and not _kuai_is_money(f, k + 1):
            _attach(d, k, k + 1, "cardinal")
        elif u.word in ("级",) and (num.has_magnitude or not num.exact):
            _attach(d, k, k + 1, "cardinal")
            d.no_unit_text = True
        else:
            # the 个 of 6个小时 stays in the surface but not in the unit
            _attach(d, k + ge, k + ge + len(u.word), u.kind,
                    currency=u.currency, scale=u.scale)
            if u.word == "年" and ge == 0 and _year_range(d):
                d.kind = "year"  # 2004-2005年, 2004至2005年: years, not a duration
            if u.kind == "money":
                _read_money_tail(f, d)
                again = _match_unit(f, d.end)
                if again is not None and again.kind == "money" and u.word in ("元", "圆", "块"):
                    # 518億元人民幣: the currency named after the unit; the
                    # unit stays 元, as in 人民币518亿元
                    d.end += len(again.word)
                    d.currency = again.currency or d.currency
                per = _per_unit(f, d.end)
                if per and d.unit is not None and d.unit[1] == d.end:
                    d.unit, d.end = (d.unit[0], per), per  # 16213元/平方米, 82.5美元/桶: a price per unit
        k = d.end
        # 一年多, 两年半
        if f.startswith("多", k) and d.value is not None and d.qualifier is None and u.kind in ("duration", "multiple"):
            d.qualifier, d.low = ">", d.value
            d.high = exact(Fraction(d.value) + 1, False)  # type: ignore[arg-type]
            d.end = k + 1
        elif f.startswith("半", k) and d.value is not None and u.kind == "duration" and num.more is None:
            d.value = exact(Fraction(d.value) + Fraction(1, 2), True)  # type: ignore[arg-type]
            d.end = k + 1
    elif num.exact and not num.decimal and (
            (f.startswith("大", k) and k + 1 < len(f) and _is_cjk(f[k + 1]))
            or (f.startswith("强", k) and not f.startswith(_STRONG_WORDS, k))):
        # 三大族群, 这5大招: N大 + noun counts the kinds named; 世界500强,
        # 百强县: the N strongest.
        d.end = k + 1
        d.no_unit_text = True
        d.unit = (k, k + 1)
    elif k < len(f) and (f[k] == "毛" and _is_amount(d) or (
            f[k] == "角" and d.value is not None and not isinstance(d.value, str) and _jiao_is_money(f, k, num))):
        # 五毛, 两毛五, 几毛钱 (0.2 to 0.9 yuan), 一两毛钱
        _attach(d, k, k + 1, "money", currency="CNY", scale=Fraction(1, 10))
        _read_money_tail(f, d, after_mao=True)
        if f.startswith("钱", d.end):
            d.end += 1  # 五毛钱
    elif k < len(f) and f[k] == "分" and d.value is not None and not isinstance(d.value, str) \
            and _financial(f, num) and not f.startswith("之", k + 1):
        _attach(d, k, k + 1, "money", currency="CNY")  # 壹分: a cheque writes fen
        d.value = exact(Fraction(d.value) / 100, True)  # type: ignore[arg-type]
    _read_after_qualifier(f, d)
