"""Scale declarations: ``单位：万元``, ``(以人民幣千元列示)``, ``RMB'000``, ``币种：人民币``.

A declaration says in which unit and magnitude the bare figures after it
are printed. It is found on the folded text (simplified script, ASCII colon
and digits), so ``單位：人民幣千元`` reads as ``单位:人民币千元``. The words
come from ``lexicon/scales.tsv``; this module holds the grammar that joins
them: a label (``单位：``, ``币种：``), a bracket (``(百万元)``, ``(以…列示)``,
``(Expressed in …)``), or a currency and magnitude that stand alone
(``人民幣千元`` on a line or in a header cell, ``HK$'000`` anywhere).
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple, Optional

import attrs
import regex

from ..lexicon.loaders import scale_words
from ..model import Scale
from ..normalize import fold

__all__ = ["find_scales", "read_scale", "scale_in_force"]


class _Word(NamedTuple):
    unit: str
    currency: Optional[str]


class _Words(NamedTuple):
    magnitudes: dict[str, int]
    currencies: dict[str, _Word]
    units: dict[str, _Word]
    grammar: dict[str, tuple[str, ...]]  # label, currency_label, unless, unless_verb, closing: their words


@lru_cache(maxsize=1)
def _words() -> _Words:
    magnitudes: dict[str, int] = {}
    currencies: dict[str, _Word] = {}
    units: dict[str, _Word] = {}
    grammar: dict[str, tuple[str, ...]] = {}
    for w in scale_words():
        if w.kind == "magnitude":
            magnitudes[w.word] = w.factor
        elif w.kind in ("currency", "unit"):
            target = currencies if w.kind == "currency" else units
            target[w.word] = _Word(w.unit or w.word, w.currency)
        elif w.kind not in ("count", "subunit"):
            grammar[w.kind] = (*grammar.get(w.kind, ()), w.word)
    return _Words(magnitudes, currencies, units, grammar)


def _alternation(words: Sequence[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


class _Grammar(NamedTuple):
    phrase: regex.Pattern[str]
    declaration: regex.Pattern[str]
    opening: regex.Pattern[str]  # where a declaration can start: tried only there


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    w = _words()
    latin = [k for k in w.magnitudes if k.isascii()]
    cjk_mag = _alternation([k for k in w.magnitudes if not k.isascii()])
    cjk_cur = _alternation([k for k in w.currencies if not k.isascii()])
    lat_cur = _alternation([k for k in w.currencies if k.isascii()])
    unit = _alternation(list(w.units))
    lat_mag = _alternation([k for k in latin if k[0] in "'’‘"])
    lat_word = _alternation([k for k in latin if k[0] not in "'’‘"])
    # One unit phrase: 人民币千元, 千港元, 万股, %, 元/股; RMB'000, HK$ million,
    # thousands of Renminbi, Renminbi.
    # the currency first, so that 人民币 is not read as the unit 人
    cjk = (rf"(?P<cur>{cjk_cur})(?:\s*(?P<mag>{cjk_mag}))?(?:\s*(?:(?P<unit>{unit})|(?P<cur2>{cjk_cur})))?"
           rf"|(?P<mag>{cjk_mag})?\s*(?:(?P<unit>{unit})|(?P<cur2>{cjk_cur}))")
    lat = (rf"(?P<cur>{lat_cur})(?:\s*(?P<mag>{lat_mag})|\s+(?P<mag>{lat_word})\b)?"
           rf"|(?P<mag>{lat_word})\s+of\s+(?P<cur>{lat_cur})")
    phrase = rf"(?:{cjk}|(?:{lat}))"
    g = w.grammar
    label = rf"(?:{_alternation(g['label'])})\s*[:]\s*(?:<br\s*/?>\s*)?"
    currency_label = rf"(?:{_alternation(g['currency_label'])})\s*[:]\s*"
    unless = rf"(?:(?:{_alternation(g['unless'])})(?:{_alternation(g['unless_verb'])})外\s*[,，、]?\s*)?"
    opening = r"(?:金额)?(?:以|单位\s*:?\s*)?"  # (以…列示, 金额单位：)
    closing = rf"(?:{_alternation(g['closing'])})?"
    english = r"(?:(?:all\s+)?(?:amounts?\s+)?(?:are\s+)?(?:expressed|stated|presented)\s+)?in\s+"
    declaration = (
        rf"{label}(?P<p>{phrase})(?:\s*[,，;；]?\s*{currency_label}(?P<c>{phrase}))?"
        rf"|{currency_label}(?P<c>{phrase})"
        rf"|[(（]\s*{unless}{opening}\s*(?P<p>{phrase})\s*{closing}\s*[)）]"
        rf"|\(\s*{english}(?P<p>{lat})[^()\n]{{0,60}}\)"
        rf"|(?P<b>{lat})"
        rf"|(?P<b>{cjk})"
    )
    openers = [*w.currencies, *w.magnitudes, *g["label"], *g["currency_label"], "(", "（"]
    return _Grammar(regex.compile(rf"\s*(?:{phrase})\s*", regex.I),
                    regex.compile(declaration, regex.I),
                    regex.compile(_alternation([o for o in openers if o[0] not in "'’‘"]), regex.I))


class _Read(NamedTuple):
    factor: int
    unit: Optional[str]
    currency: Optional[str]
    magnitude: bool  # a magnitude was written


def _read_match(m: regex.Match[str], phrase: str) -> Optional[_Read]:
    """The factor, unit and currency of the phrase ``phrase`` inside ``m``."""
    sub = _grammar().phrase.fullmatch(m.group(phrase))
    if sub is None:  # pragma: no cover - the same grammar matched it
        return None
    return _reading(sub)


def _reading(m: regex.Match[str]) -> Optional[_Read]:
    w = _words()
    cur = m.group("cur") or m.group("cur2")
    mag = m.group("mag")
    unit = m.group("unit")
    factor = w.magnitudes[mag.lower()] if mag else 1
    if unit:
        word = w.units[unit]
        if cur and word.currency:  # 人民币千元, 港币千元: the currency names the money
            word = w.currencies[cur.lower()]
        return _Read(factor, word.unit, word.currency, bool(mag))
    if cur:
        word = w.currencies[cur.lower()]
        return _Read(factor, word.unit, word.currency, bool(mag))
    return None


def read_scale(text: str) -> Optional[tuple[int, Optional[str], Optional[str]]]:
    """The (factor, unit, currency) of a text that is one unit phrase, or
    ``None``.

    >>> read_scale("人民幣千元")
    (1000, '元', 'CNY')
    >>> read_scale("HK$'000")
    (1000, '港元', 'HKD')
    >>> read_scale("万股")
    (10000, '股', None)
    >>> read_scale("收入") is None
    True
    """
    m = _grammar().phrase.fullmatch(fold(text))
    if m is None:
        return None
    r = _reading(m)
    return None if r is None else (r.factor, r.unit, r.currency)


def find_scales(text: str) -> list[Scale]:
    """Every scale declaration in ``text``, in order.

    Never raises for a ``str``. Each has ``where == "line"``: the tables
    reader tells those that stand in a header or a row label apart.

    >>> [(s.text, s.factor, s.unit, s.currency) for s in find_scales("(以人民幣千元列示) 收入 RMB'000")]
    [('(以人民幣千元列示)', 1000, '元', 'CNY'), ("RMB'000", 1000, '元', 'CNY')]
    >>> [(s.text, s.factor) for s in find_scales("单位：元 币种：人民币")]
    [('单位：元 币种：人民币', 1)]
    """
    if not isinstance(text, str):
        raise TypeError(f"find_scales() takes a str, not {type(text).__name__}")
    return _find_scales(text, fold(text))


def _find_scales(text: str, folded: str) -> list[Scale]:
    out: list[Scale] = []
    g = _grammar()
    done = 0
    for opener in g.opening.finditer(folded):
        if opener.start() < done:
            continue
        m = g.declaration.match(folded, opener.start())
        scale = _declaration(text, folded, m) if m is not None else None
        if scale is not None:
            out.append(scale)
            done = scale.end
    return out


def _declaration(text: str, f: str, m: regex.Match[str]) -> Optional[Scale]:
    if m.group("b") is not None:
        read = _read_match(m, "b")
        if read is None or not _stands_alone(f, m, read):
            return None
    elif m.group("p") is not None:
        read = _read_match(m, "p")
    else:  # a currency line alone: 币种：人民币
        read = _read_match(m, "c")
        if read is not None:
            read = read._replace(factor=1)
    if read is None:
        return None
    currency = read.currency
    if m.group("c") is not None and m.group("p") is not None:
        other = _read_match(m, "c")
        currency = other.currency if other and other.currency else currency
    start, end = m.span()
    return Scale(text=text[start:end], start=start, end=end, factor=read.factor, unit=read.unit,
                 currency=currency)


_EDGE = " \t\r\n|>:：\u3000"


def _stands_alone(f: str, m: regex.Match[str], read: _Read) -> bool:
    """A bare phrase is a declaration when it cannot be a figure's unit:
    RMB'000 always; 人民币千元 and 千元 only between the edges of a line, a
    cell or a bracket, with no numeral before them."""
    start, end = m.span()
    written = m.group(0)
    if not read.magnitude:  # 人民币, 元, RMB alone are a figure's unit, or a word
        return False
    before = f[start - 1] if start else "\n"
    after = f[end] if end < len(f) else "\n"
    if written[:1].isascii():
        return not (before.isalnum() or after.isalnum())
    return (before in _EDGE or f.endswith("<br>", 0, start)) and (after in _EDGE or after == "<")


def scale_in_force(scales: Sequence[Scale], pos: int) -> Optional[Scale]:
    """The line declaration in force at ``pos``: the last that ends before
    it. A currency line (``币种：人民币``) next to a unit declaration gives
    that declaration its currency.

    >>> s = find_scales("单位：万元\\n币种：人民币\\n营业收入 1,026.53")
    >>> f = scale_in_force(s, 20)
    >>> (f.factor, f.unit, f.currency)
    (10000, '元', 'CNY')
    """
    last: Optional[Scale] = None
    for s in scales:
        if s.where != "line" or s.end > pos:
            continue
        near = last is not None and abs(s.start - last.end) <= 40
        if last is not None and near and _currency_only(s):
            last = attrs.evolve(last, currency=s.currency or last.currency)
            continue
        if last is not None and near and _currency_only(last) and s.currency is None:
            s = attrs.evolve(s, currency=last.currency)
        last = s
    return last


def _currency_only(s: Scale) -> bool:
    return s.factor == 1 and s.currency is not None \
        and fold(s.text.lstrip("(（ ")).startswith(_words().grammar["currency_label"])
