"""Money in Chinese counting words: cheque digits (壹拾壹元整), 元 and 块 with 角, 毛, 分
after them (一块二, 两毛五), prices per unit (元/吨).
"""
from __future__ import annotations

from fractions import Fraction

from ..lexicon.numerals import (
    DIGITS,
    FINANCIAL,
)
from ..numerals import (
    Numeral,
    exact,
)
from .chars import _CLAUSE_END, _is_cjk
from .draft import _Draft, _evolve
from .tables import _match_unit, _qualifiers_starting, _words

# Financial digits that are nothing else in running text.
_CHEQUE_ONLY = frozenset("壹贰叁肆柒捌玖")


def _financial(f: str, num: Numeral) -> bool:
    """Written with the financial (大寫) digits, as on cheques and invoices.
    One 参, 陆, 伍, 拾, 佰 or 仟 alone does not count: they are ordinary
    characters too (大陆, 队伍, 收拾)."""
    written = f[num.start:num.end]
    if len(written) == 1:
        return written in _CHEQUE_ONLY
    return any(c in FINANCIAL for c in written)


def _jiao_is_money(f: str, k: int, num: Numeral) -> bool:
    """角 after a number is a tenth of a yuan in financial digits (壹角), before
    fen (两角五分) or 钱 (一角钱); otherwise it is a corner (三角形, 一角)."""
    if not num.exact or num.decimal or num.has_magnitude or num.hi >= 10:
        return False
    nxt = f[k + 1:k + 3]
    return _financial(f, num) or nxt[:1] == "钱" or (len(nxt) == 2 and nxt[1] == "分" and nxt[0] in DIGITS)


def _is_amount(d: _Draft) -> bool:
    """A value, or a range of whole numbers (几, 一两): not a date."""
    if d.value is not None:
        return not isinstance(d.value, str)
    return isinstance(d.low, int) and isinstance(d.high, int)




def _per_unit(f: str, k: int) -> int:
    """Where ``/unit`` at ``k`` ends (元/吨, 美元/桶, 元/千瓦时), else 0."""
    if not f.startswith("/", k):
        return 0
    u = _match_unit(f, k + 1)
    if u is not None and u.kind != "money":
        return k + 1 + len(u.word)
    word = next((w for w in _words("per_unit") if f.startswith(w, k + 1)), None)
    if word is None or (word.isascii() and f[k + 1 + len(word):k + 2 + len(word)].isalpha()):
        return 0
    return k + 1 + len(word)


def _kuai_is_money(f: str, k: int) -> bool:
    """块 is money before 钱, 毛, 角, a digit, a qualifier, a currency or the
    end of a clause; otherwise a measure word (一块智能屏)."""
    if k >= len(f):
        return True
    c = f[k]
    if c in "钱毛角半" or c in DIGITS or c in _CLAUSE_END or not _is_cjk(c) or c in "的":
        return True
    # 三百块左右, 一万块出头: a price with its qualifier; 三千块人民币: with its currency
    if any(len(q.word) > 1 and f.startswith(q.word, k) for q in _qualifiers_starting().get(c, ())):
        return True
    unit = _match_unit(f, k)
    return unit is not None and unit.kind == "money"


def _read_money_tail(f: str, d: _Draft, after_mao: bool = False) -> _Draft:
    """元/块 followed by 角, 毛, 分 (壹佰捌拾壹圆柒角, 一块二, 两毛五, 圆整)."""
    if d.value is None or isinstance(d.value, str):
        return d
    k = d.end
    total = Fraction(d.value)
    if not after_mao and d.unit is not None and f[d.unit[0]:d.unit[1]] in ("元", "圆") \
            and f.startswith(("整", "正"), k):
        return _evolve(d, end=k + 1)  # cheque style: 壹拾壹元整
    if not after_mao and f.startswith("半", k):
        # 一块半, 两块半钱
        return _evolve(d, value=exact(total + Fraction(1, 2), True),
                            end=k + 2 if f.startswith("钱", k + 1) else k + 1)
    step = Fraction(1, 100) if after_mao else Fraction(1, 10)
    if k < len(f) and f[k] in "零〇":
        # 三元零五分: the zero skips the jiao.
        k += 1
        step = Fraction(1, 100)
    changed = False
    while k < len(f) and (f[k] in DIGITS or "0" <= f[k] <= "9") and step >= Fraction(1, 100):
        digit = DIGITS[f[k]] if f[k] in DIGITS else int(f[k])
        nxt = f[k + 1] if k + 1 < len(f) else ""
        if nxt and nxt in "角毛" and step == Fraction(1, 10):
            total += Fraction(digit, 10)
            k += 2
            step = Fraction(1, 100)
            changed = True
            continue
        if nxt == "分":
            total += Fraction(digit, 100)
            k += 2
            changed = True
            break
        if f[k] in DIGITS and (nxt == "" or nxt in _CLAUSE_END or nxt in "钱到至-~以左每" or not _is_cjk(nxt)
                               or (nxt == "一" and _match_unit(f, k + 2) is not None)) \
                and not nxt.isdigit():  # (一块五一瓶: the price of one)
            total += digit * step
            k += 1
            changed = True
        break
    if not changed:
        return d
    return _evolve(d, value=exact(total, True), end=k + 1 if f.startswith("钱", k) else k)
