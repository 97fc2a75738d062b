"""The numeral reader: a chain of tokens, each extending the numeral or ending
it, with values kept as intervals (十几, 一二百).
"""
from __future__ import annotations

from typing import cast

from ..lexicon.numerals import (
    APPROX_PAIRS,
    BIG_UNITS,
    DIGITS,
    PLAIN_DIGITS,
)
from ..model import Rational
from .tokens import _ZERO_DIGITS, _Token


class _Reader:
    """The running state of one numeral; ``feed`` says whether a token fits."""

    def __init__(self, allow_bare_magnitude: bool) -> None:
        self.allow_bare = allow_bare_magnitude
        self.parts: list[tuple[Rational, Rational, int]] = []  # (lo, hi, exponent)
        self.sec: tuple[Rational, Rational] = (0, 0)
        self.pend: tuple[Rational, Rational] | None = None
        self.pend_kind = ""          # D, A, V or pair
        self.pend_digit = ""         # the character of a pending Chinese digit
        self.abbrev = False          # the pending digit follows a unit directly (三万五)
        self.unit_mult = 1
        self.floor: int | None = None  # the last place unit in this section
        self.last = ""
        self.digits: list[str] = []  # digit-by-digit reading while only digits came
        self.plain = True            # all of them plain digits (not 两)
        self.string_value = 0        # their value read as a digit string
        self.only_digits = True
        self.decimal = False
        self.frozen = False          # after the decimals or 多: only magnitudes may follow
        self.more: Rational | None = None
        self.need_big = False        # after the 个 of 三个亿
        self.has_big = False
        self.arabic = False
        self.chinese = 0
        self.count = 0
        self.suffix: list[int] = []  # multipliers since the last digit

    # -- helpers ---------------------------------------------------------
    def _abbreviated(self) -> tuple[Rational, Rational]:
        if self.pend is None:
            return (0, 0)
        lo, hi = self.pend
        if self.abbrev and self.unit_mult >= 10:
            k = self.unit_mult // 10
            return (lo * k, hi * k)
        return (lo, hi)

    def _digit_string_value(self) -> int | None:
        if len(self.digits) < 2:
            return None
        return self.string_value if self.plain else None

    def _push_digit(self, ch: str) -> None:
        self.digits.append(ch)
        self.plain = self.plain and ch in PLAIN_DIGITS
        self.string_value = self.string_value * 10 + DIGITS[ch]

    def _resolve_digits(self) -> bool:
        """Leave digit-only mode before a unit; False if the digits cannot take one."""
        if not self.only_digits:
            return True
        self.only_digits = False
        if len(self.digits) <= 1:
            return True
        return len(self.digits) == 2 and self.pend_kind == "pair"

    # -- tokens -----------------------------------------------------------
    def feed(self, t: _Token) -> bool:
        if self.need_big and t.kind != "B" and not (t.kind == "M" and self.last == "G"):
            return False  # (一个多亿: 多 may stand between 个 and the magnitude)
        if self.frozen and t.kind not in ("B", "K", "M") and not (t.kind == "G" and self.last == "M"):
            return False  # (十多个亿: 个 may follow 多, before the magnitude)
        ok: bool = getattr(self, "_" + t.kind)(t)
        if ok:
            self.count += 1
            self.last = t.kind
            if t.kind in ("D", "V", "T", "S", "B", "P", "M", "G"):
                self.chinese += 1  # (each is one character; 点 counts once with its decimals)
        return ok

    def _D(self, t: _Token) -> bool:
        d = t.value
        if self.only_digits and self.count >= 1 and self.last == "D":
            first = self.digits[0]
            if len(self.digits) == 1 and (DIGITS[first], int(d)) in APPROX_PAIRS and first not in _ZERO_DIGITS:
                self.pend = (DIGITS[first], d)
                self.pend_kind = "pair"
                self._push_digit(t.text)
                return True
            if not (self.plain and t.text in PLAIN_DIGITS):
                return False
            self._push_digit(t.text)
            self.pend = (self.string_value, self.string_value)
            self.pend_kind = "string"
            return True
        if self.only_digits and self.count == 0:
            self._push_digit(t.text)
            if d == 0:
                self.pend = (d, d)
                self.pend_kind = "D"
                return True
        if self.pend is not None:
            # 十五六, 二十七八: a second digit after a place unit makes a pair.
            if (self.pend_kind == "D" and self.last == "D"
                    and (int(self.pend[0]), int(d)) in APPROX_PAIRS and not self.only_digits):
                self.pend = (self.pend[0], d)
                self.pend_kind = "pair"
                return True
            return False
        if d == 0:
            if self.count == 0:
                return False
            self.abbrev = False
            return True
        self.pend = (d, d)
        self.pend_kind = "D"
        self.pend_digit = t.text
        self.abbrev = self.last in ("S", "B", "T")
        return True

    def _A(self, t: _Token) -> bool:
        if self.pend is not None or (self.only_digits and self.digits):
            return False
        if self.count and t.value >= self.unit_mult:
            return False
        self.only_digits = False
        self.pend = (t.value, t.value)
        self.pend_kind = "A"
        # 3万5 is 35000 and 1亿2 is 120000000, as 三万五 is: one digit right
        # after a unit stands for the next place down.
        self.abbrev = self.last in ("S", "B") and len(t.text) == 1 and not self.decimal
        self.arabic = True
        if "." in t.text:
            self.decimal = True
        self._arabic_text = t.text
        return True

    def _V(self, t: _Token) -> bool:
        if self.pend_kind == "A" and t.text == "几" and not self.decimal and self.pend is not None \
                and self.pend[0] >= 10 and self.pend[0] % 10 == 0 and self.pend[0] % 100 != 0:
            # 20几 is 21 to 29, as 二十几 is
            v = self.pend[0]
            self.pend = (v + 1, v + 9)
            self.pend_kind = "V"
            return True
        if self.pend is not None or (self.only_digits and self.digits):
            return False
        self.only_digits = False
        self.pend = (2, 9) if self.count == 0 else (1, 9)
        self.pend_kind = "V"
        self.abbrev = False
        return True

    def _S(self, t: _Token) -> bool:
        u = cast(int, t.value)  # (a place: 10, 100, 1000)
        if not self._resolve_digits():
            return False
        if self.floor is not None and u >= self.floor:
            return False
        compound = False
        if self.pend_kind == "A" and self.pend is not None and self.pend[0] >= 10 and not self.decimal:
            compound = True  # 25百万 reads, 12百 does not: a magnitude must follow
        lo, hi = self.pend if self.pend is not None and self.pend[1] != 0 else (1, 1)
        self.sec = (self.sec[0] + lo * u, self.sec[1] + hi * u)
        self.pend = None
        self.pend_kind = ""
        self.floor = u
        self.unit_mult = u
        self.suffix = [u]
        self.need_big = compound
        return True

    def _T(self, t: _Token) -> bool:
        if not self._resolve_digits() or self.pend is not None:
            return False
        if self.floor is not None and self.floor <= 10:
            return False
        self.sec = (self.sec[0] + t.value, self.sec[1] + t.value)
        self.floor = 10
        self.unit_mult = 10
        self.suffix = []
        return True

    def _B(self, t: _Token) -> bool:
        if not self._resolve_digits():
            if self.pend_kind != "string":
                return False
            self.only_digits = False  # 三八〇亿: a digit string times a magnitude
        mult = cast(int, t.value)  # (a magnitude: 10**4, 10**8…)
        exp = BIG_UNITS[t.text]
        # 百二万 is 120万, but in 六十二亿四万 the 四 after 亿 is plain 4.
        plo, phi = self._abbreviated() if self.floor is not None else (self.pend or (0, 0))
        s_lo, s_hi = self.sec[0] + plo, self.sec[1] + phi
        self.need_big = False
        if self.pend is None and self.sec == (0, 0):
            if self.last == "B" and self.parts:
                lo, hi, e = self.parts[-1]
                self.parts[-1] = (lo * mult, hi * mult, e + exp)
                self._after_unit(mult)
                self.suffix.append(mult)
                return True
            if self.last == "M" and self.parts:
                lo, hi, e = self.parts[-1]
                self.parts[-1] = (lo * mult, hi * mult, e + exp)
                self.more = self.more * mult if self.more is not None else None
                self._after_unit(mult)
                return True
            if self.count == 0 and self.allow_bare:
                s_lo = s_hi = 1
            else:
                return False
        keep = [p for p in self.parts if p[2] >= exp]
        low = [p for p in self.parts if p[2] < exp]
        new_exp = exp
        if keep and keep[-1][2] == exp:
            if len(keep) > 1 or self.sec == (0, 0):
                return False  # 三亿五亿, 三万五万: magnitudes must fall
            # 两万两千万, 1万2千多万: the whole group, with a place after its
            # magnitude, times the magnitude again (22000 × 万)
            keep, low, new_exp = [], self.parts, exp * 2
        tot_lo = s_lo + sum(p[0] for p in low)
        tot_hi = s_hi + sum(p[1] for p in low)
        self.parts = [*keep, (tot_lo * mult, tot_hi * mult, new_exp)]
        if self.more is not None:
            self.more *= mult
        self.sec = (0, 0)
        self.pend = None
        self.pend_kind = ""
        self._after_unit(mult)
        self.suffix = [mult]
        return True

    def _after_unit(self, mult: int) -> None:
        self.floor = None
        self.unit_mult = mult
        self.has_big = True
        self.abbrev = False

    def _K(self, t: _Token) -> bool:
        if self.last != "A":
            return False
        lo, hi = self.pend if self.pend is not None else (0, 0)
        tot_lo = self.sec[0] + lo + sum(p[0] for p in self.parts)
        tot_hi = self.sec[1] + hi + sum(p[1] for p in self.parts)
        self.parts = [(tot_lo * t.value, tot_hi * t.value, 0)]
        self.sec = (0, 0)
        self.pend = None
        self.has_big = True
        self.frozen = True
        self.suffix = [cast(int, t.value)]  # (k, w: 10**3, 10**4)
        return True

    def _P(self, t: _Token) -> bool:
        if self.decimal and self.pend_kind == "A":
            return False
        if self.only_digits and self.digits:
            if len(self.digits) >= 2:
                value = self._digit_string_value()
                if value is None:
                    return False
                self.pend = (value, value)  # 一二点三零 is 12.30, not a pair
                self.pend_kind = "string"
            self.only_digits = False
        if self.pend is None and self.sec == (0, 0) and not self.parts:
            return False
        if self.pend_kind in ("V", "pair"):
            return False
        plo, _ = self._abbreviated()
        self.sec = (self.sec[0] + plo + t.value, self.sec[1] + plo + t.value)
        self.pend = None
        self.pend_kind = ""
        self.decimal = True
        self.frozen = True
        self.suffix = []
        return True

    def _M(self, t: _Token) -> bool:
        if self.more is not None or self.count == 0:
            return False
        if self.pend_kind == "V" and self.last == "V" and self.count >= 2:
            # 二十几多, 20几多: 多 doubles the vagueness of 几 and adds none
            # (几多 alone asks how many)
            self.frozen = True
            return True
        if self.pend_kind in ("V", "pair", "string"):
            return False
        if self.pend is not None:
            if self.pend_kind == "A":
                text = getattr(self, "_arabic_text", "")
                if "." in text:
                    return False
                digits = text.replace(",", "").replace("，", "")
                zeros = len(digits) - len(digits.rstrip("0"))
                self.more = 10 ** zeros
            elif self.abbrev:
                self.more = self.unit_mult // 10
            else:
                self.more = 1
        else:
            self.more = self.unit_mult
        self.only_digits = False
        self.frozen = True
        return True

    def _G(self, t: _Token) -> bool:
        if self.pend is None and self.sec == (0, 0):
            return False
        self.need_big = True
        return True

    # -- result -------------------------------------------------------------
    def value(self) -> tuple[Rational, Rational] | None:
        if self.count == 0 or self.need_big:
            return None
        plo, phi = self._abbreviated()
        if self.pend_kind in ("pair", "string") and self.only_digits:
            plo, phi = self.pend  # type: ignore[misc]
        lo = self.sec[0] + plo + sum(p[0] for p in self.parts)
        hi = self.sec[1] + phi + sum(p[1] for p in self.parts)
        return lo, hi
