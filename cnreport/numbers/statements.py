"""Forms of financial statements and filings, read over the whole list of mentions.

- Digits a PDF parser split are joined when the pattern allows one reading
  only: ``12, 793.95`` (a group of three after the comma),
  ``2,855,702,313. 77`` and ``14. 19%`` (cents after a point).
- ``(1,498)`` and ``（1,498）``, a grouped amount alone in brackets, is
  negative, as accountants print it.
- A scale declaration is no figure: ``人民幣千元`` standing alone, ``单位：千元``,
  ``(以人民币千元列示)``, the ``000`` of ``RMB'000``.
- A filing's number is no figure: ``2021-021号``, ``公告编号：临2023-045``.
- ``24-26年`` in a forecast is the years 2024 to 2026.
- A figure a parser wrote as inline math is read as printed, whose spaces
  mean nothing: ``$2 2 . 2 3 \\%$`` is 22.23 %, ``$-345, 540.80$`` is
  -345540.80; a circled numeral (``$\\textcircled{2}$``) numbers an item and
  is no figure.
"""
from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Optional

import attrs
import regex

from ..lexicon import loaders
from ..model import NumberMention
from ..numerals import exact

__all__: list[str] = []

_GROUPED = regex.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_INTEGER = regex.compile(r"\d{1,3}(?:,\d{3})*|\d+")
_LEAD = regex.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_EDGE = frozenset(" \t\r\n|<>:(（)）,，")
_DECLARED = regex.compile(r"(?:" + "|".join(map(regex.escape, loaders.number_words_with("declared_currency")))
                          + r")?\s*[十百千万亿]+\s*(?:"
                          + "|".join(map(regex.escape, loaders.number_words_with("declared_unit"))) + ")")
_SCALES = frozenset("十百千万亿")  # what every declaration holds
_FILING = regex.compile(r"(?<![\d-])(?:19|20)\d{2}-\d{3}(?![\d-])|公告编号\s*[:：]\s*[^\s,，。;；)）]{1,24}")
_YEARS = regex.compile(r"(\d{2})\s*[-~—至到]\s*(\d{2})\s*年")
# Inline math as a PDF parser writes a figure: digits with any spaces between
# them, a sign, a point or thousands commas, an escaped percent sign.
_MATH = regex.compile(r"\$(?P<inner>[^$\n]{1,60})\$(?![0-9A-Za-z])")
_MATH_FIGURE = regex.compile(r"\s*(?P<sign>[-+−]?)\s*(?P<digits>\d[\d\s,]*(?:\.[\d\s]*\d)?)\s*(?P<pct>\\%)?\s*")
_MATH_FIGURE_DIGITS = regex.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_MATH_ITEM = regex.compile(r"\s*\\textcircled\s*\{\s*\d{1,2}\s*\}\s*")


def _statement_forms(text: str, f: str, mentions: Sequence[NumberMention]) -> list[NumberMention]:
    """``mentions`` of ``text`` (folded ``f``) read as statements print them."""
    filings = [m.span() for m in _FILING.finditer(f)]
    out: list[NumberMention] = []
    for m in _joined(text, f, _math(text, f, mentions)):
        if (filings and any(a <= m.start < b for a, b in filings)) or _declaration(f, m):
            continue
        out.append(_years(_negative(text, f, m)))
    return out


def _joined(text: str, f: str, mentions: Sequence[NumberMention]) -> list[NumberMention]:
    out: list[NumberMention] = []
    for m in mentions:
        if out:
            both = _split(text, f, out[-1], m)
            if both is not None:
                out[-1] = both
                continue
        out.append(m)
    return out


def _split(text: str, f: str, a: NumberMention, b: NumberMention) -> Optional[NumberMention]:
    """``a`` and ``b`` as one number when a parser split it after a comma or a point."""
    gap = f[a.end:b.start]
    if gap == "," and ", " in a.text:  # 1,000, 000,000: the groups go on after a split
        gap = ", "
    if gap not in (", ", ". ") or a.kind != "cardinal" or a.unit is not None or a.low is not None:
        return None
    written = a.text.replace(", ", ",")  # joined before: 451, 680 then 716.64
    if not _INTEGER.fullmatch(written) or b.kind in ("year", "date", "ordinal", "duration"):
        return None
    lead = _LEAD.match(b.text)
    if lead is None or b.value is None or isinstance(b.value, str) or b.low is not None:
        return None
    led = lead.group(0)  # 720,131 of 2, 720,131: its groups stay whole
    whole = led.split(".")[0]
    if gap == ", " and len(whole.split(",")[0]) != 3:
        return None
    if gap == ". " and ("." in led or "," in led or not ("," in written or len(whole) <= 2)):
        return None
    digits = written.replace(",", "") + ("." if gap == ". " else "") + led.replace(",", "")
    printed = Fraction(Decimal(led.replace(",", "")))
    if printed == 0:  # 000 tells no magnitude: joined only when none is written
        if any(c in "十百千万亿" for c in f[b.start + lead.end():b.end]):
            return None
        factor = Fraction(1)
    else:
        factor = Fraction(b.value) / printed
    value = exact(Fraction(Decimal(digits)) * factor, True)
    return attrs.evolve(b, text=text[a.start:b.end], start=a.start, value=value,
                        qualifier=b.qualifier or a.qualifier)


def _math(text: str, f: str, mentions: Sequence[NumberMention]) -> list[NumberMention]:
    """The mentions, with each figure written as inline math read as one."""
    spans: list[tuple[int, int, Optional[NumberMention]]] = []
    for m in _MATH.finditer(f):
        if not any(c.isdigit() for c in m.group("inner")):
            continue
        if _MATH_ITEM.fullmatch(m.group("inner")):
            spans.append((m.start(), m.end(), None))
            continue
        figure = _math_figure(text, m)
        if figure is not None:
            spans.append((m.start(), m.end(), figure))
    if not spans:
        return list(mentions)
    out: list[NumberMention] = []
    for n in mentions:  # every mention in the math gives way to its one figure
        inside = next((s for s in spans if n.start < s[1] and s[0] < n.end), None)
        if inside is None:
            out.append(n)
        elif inside[2] is not None and not any(o.start <= inside[0] < o.end for o in out):
            out.append(_qualified(text, n, inside[2]))
    return out


def _qualified(text: str, n: NumberMention, figure: NumberMention) -> NumberMention:
    """``figure`` with the qualifier that the first mention read before the math (超过 $1 0 \\%$)."""
    if n.start >= figure.start or n.qualifier is None:
        return figure
    v = figure.value
    return attrs.evolve(figure, text=text[n.start:figure.end], start=n.start, qualifier=n.qualifier,
                        low=v if n.low is not None and n.low == n.value else None,
                        high=v if n.high is not None and n.high == n.value else None)


def _math_figure(text: str, m: regex.Match[str]) -> Optional[NumberMention]:
    """``$2 2 . 2 3 \\%$`` as the figure 22.23 %, or None when the math is more than a figure."""
    found = _MATH_FIGURE.fullmatch(m.group("inner"))
    if found is None:
        return None
    digits = "".join(found.group("digits").split())
    if not _MATH_FIGURE_DIGITS.fullmatch(digits):
        return None
    value = Fraction(Decimal(digits.replace(",", "")))
    if found.group("sign") in ("-", "−"):
        value = -value
    pct = found.group("pct") is not None
    return NumberMention(text=text[m.start():m.end()], start=m.start(), end=m.end(),
                         value=exact(value, "." in digits), kind="percent" if pct else "cardinal",
                         unit="%" if pct else None)


def _negative(text: str, f: str, m: NumberMention) -> NumberMention:
    """A grouped amount alone in brackets is negative: (1,498)."""
    if m.start == 0 or m.end >= len(f) or f[m.start - 1] not in "(（" or f[m.end] not in ")）":
        return m
    if not _GROUPED.fullmatch(m.text) or not isinstance(m.value, (int, Decimal)):
        return m
    return attrs.evolve(m, text=text[m.start - 1:m.end + 1], start=m.start - 1, end=m.end + 1,
                        value=-m.value)


def _declaration(f: str, m: NumberMention) -> bool:
    """人民币千元 alone, 单位：千元, the 000 of RMB'000: a scale, no figure."""
    if m.start > 0 and f[m.start - 1] in "'’‘" and m.text.startswith("000"):
        return True
    surface = f[m.start:m.end]
    if _SCALES.isdisjoint(surface) or not _DECLARED.fullmatch(surface):
        return False  # (most figures have no scale character: no pattern to try)
    before = f[:m.start].rstrip(" ")
    after = f[m.end:m.end + 2]
    opened = not before or before[-1] in _EDGE or before.endswith(("单位", "以"))
    closed = not after or after[0] in _EDGE or after == "列示"
    return opened and closed


def _years(m: NumberMention) -> NumberMention:
    """24-26年, two years of this decade close together, in a forecast: the years 2024 to 2026."""
    if m.kind != "duration" or m.unit != "年" or m.low is None:
        return m
    found = _YEARS.fullmatch(m.text)
    if found is None:
        return m
    a, b = int(found.group(1)), int(found.group(2))
    if not (20 <= a < b <= 39 and b - a <= 3):
        return m
    return attrs.evolve(m, kind="year", low=2000 + a, high=2000 + b)
