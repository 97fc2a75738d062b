"""Names read by their form anywhere in a sentence, not only where a
clause opens: a company word at the end (…股份有限公司, …集团, …银行), a
stock name before its code (古越酿造(603982)), a Latin name (Sainsbury's),
and the short names a text declares (以下简称“华晟食品”, （「置川房託」）).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

import regex

from ..entities import Entities, builtin
from ..lexicon import numerals
from ..normalize import fold
from ..periods import normalize_period
from . import vocab
from .document import Document
from .names import _past_opening_time, looks_like_name, name_at

__all__ = ["STOCK_CODE", "declared_names", "form_names", "known_pattern"]

_LONGEST_FORM_NAME = 24
_LONGEST_STOCK_NAME = 8
_DECLARATION_REACH = 50_000  # where short names are declared: the text's head, as far as names are counted


def form_names(doc: Document, s_start: int, s_end: int) -> list[tuple[int, int]]:
    """Company names by their ending (…股份有限公司, …集团, …银行), read back
    from the ending over the words of the name; stock names before a code."""
    f = doc.folded
    found = []
    for m in _endings().finditer(f, s_start, s_end):
        a = _name_back(doc, m.start(), max(s_start, m.start() - _LONGEST_FORM_NAME))
        if a is not None and m.end() - a >= 3 and _proper(doc, a, m.start()):
            found.append((a, m.end()))
    for m in STOCK_CODE.finditer(f, s_start, s_end):
        a = _stock_name_back(f, m.start(), max(s_start, m.start() - _LONGEST_STOCK_NAME))
        if m.start() - a >= 2:
            found.append((a, m.start()))
    for m in _LATIN_NAME.finditer(doc.text, s_start, s_end):
        if len(m.group()) > 1 and m.group().lower() not in vocab.not_names() and m.group().lower() not in doc.aliases \
                and not f.startswith(vocab.entity_words("line"), m.end()) \
                and sum(ch.isdigit() for ch in m.group()) < 2:  # (CDMO业务: a line's; HRB400E: a grade)
            found.append((m.start(), m.end()))
            translated = _translated_before(doc, m.start(), m.end(), s_start)
            if translated is not None:
                found.append(translated)
    return found


def _translated_before(doc: Document, a: int, b: int, s_start: int) -> Optional[tuple[int, int]]:
    """The Chinese name a bracketed Latin name follows (森宝利（Sainsbury's）,
    全球公民音乐节 (Global Citizen Festival)): the words before the bracket
    name what the Latin does. Not a person's (珍娜·杰克森 (Janet Jackson))."""
    f = doc.folded
    if a == 0 or f[a - 1] not in "(（" or f[b:b + 1] not in ")）" or f[a:b].isupper():
        return None  # (年度经常性收入（ARR）: a measure's letters)
    end = a - 1
    while end > s_start and f[end - 1] == " ":
        end -= 1
    start = _name_back(doc, end, max(s_start, end - _LONGEST_FORM_NAME))
    if start is None or end - start < 2 or "·" in f[start:end] or not f[start].isalpha() or f[start].isascii():
        return None
    inside = doc.forward(start - 1, end) if start > s_start else None
    if inside is not None and inside[1] > start:
        return None  # (绿洲守 + 护联盟: not where a word of the name starts)
    return start, end


def _proper(doc: Document, a: int, b: int) -> bool:
    """Whether the words before a company word make a proper name (越南投资发展
    + 银行), not a description (一般保险 + 公司, 社交游戏 + 公司)."""
    tokens = []
    k = a
    while k < b:
        tok = doc.forward(k, b)
        if tok is None:
            return False
        tokens.append(tok)
        k = tok[1]
    return looks_like_name(doc.folded[a:b], tokens)


def _stock_name_back(f: str, end: int, limit: int) -> int:
    """Where the stock name before a code starts: back over letters to the
    first mark, space or function character (古越酿造(603982), 据X(600519)公告)."""
    k = end
    openers = vocab.grammar().set("function_opener")
    while k > limit and (f[k - 1].isalpha() or f[k - 1] in "*") and not (f[k - 1] in openers and k < end - 1):
        k -= 1
    return k


def _name_back(doc: Document, end: int, limit: int) -> Optional[int]:
    """Where the name that ends at ``end`` starts: the farthest start back
    to the first mark or 的 from which the name reads forward as nouns,
    names and words the dictionary lacks, with no verb or function word
    (公布业绩的 + 东亚信和 + 银行: read backward, 信和 would split as 信 + 和)."""
    f = doc.folded
    starts: list[int] = []  # where the name may start, farthest last
    for a in range(end - 1, limit - 1, -1):
        ch = f[a]
        if not (ch.isalnum() or ch in _NAME_MARKS) or ch == "的":
            break
        if a > 0 and ch in vocab.grammar().set("date_unit") and _numeral(f[a - 1]):
            break  # 2024年6月10日 + 泰森食品公司: a date, and the name after it
        if ch in vocab.grammar().set("not_name_start_back") or (ch.isdigit() and a > 0 and f[a - 1].isdigit()):
            continue  # (no name starts here; one may start before it: 东亚信和)
        first = doc.forward(a, end)
        # (控股, 国际: a company word inside the name, though the dictionary calls it a verb)
        if first is None or (first[2] in _NOT_IN_NAME and first[1] - first[0] > 1
                             and doc.folded[first[0]:first[1]] not in doc.lex.endings) \
                or doc.folded[first[0]:first[1]] in doc.lex.stops:
            if first is not None and first[1] - first[0] > 1:
                # a verb or function word of its own: the name starts after it,
                # not inside it (收购 + 莎莉公司, not 购莎莉公司)
                starts = [k for k in starts if k >= first[1]]
                break
            continue
        if _reads_as_name(doc, a, end):
            starts.append(a)
    return starts[-1] if starts else None


def _numeral(ch: str) -> bool:
    """A digit or a Chinese numeral character (10日, 十日, 二〇二四年)."""
    return ch.isdigit() or ch in numerals.PLAIN_DIGITS or ch in numerals.SMALL_UNITS


def _reads_as_name(doc: Document, a: int, end: int) -> bool:
    """Whether [a, end) reads as a name: no verb or function word of two
    characters or more, no function character (a character alone may be
    part of a name the dictionary lacks: 恒 + 润 + 精工)."""
    function_chars = vocab.grammar().set("name_function_char")
    k = a
    while k < end:
        tok = doc.forward(k, end)
        if tok is None:
            return False
        one = tok[1] - tok[0] == 1
        if (tok[2] in _NOT_IN_NAME_WORDS and not one and doc.folded[tok[0]:tok[1]] not in doc.lex.endings) \
                or (one and doc.folded[tok[0]] in function_chars):
            return False
        k = tok[1]
    return True


_NOT_IN_NAME = frozenset({"v", "p", "d", "c", "cc", "uj", "ul", "r", "m", "q", "f", "t", "u", "y", "x", "pre"})
_NOT_IN_NAME_WORDS = frozenset({"v", "p", "d", "uj", "ul", "r", "u", "y"})  # (a name may hold 和, 东, 信)
_NAME_MARKS = frozenset("·&'’-")  # (D·E·布兰德斯, AT&T, Sainsbury's)
STOCK_CODE = regex.compile(r"[（(](?:[0-9]{6}(?:[-. ]?(?:SH|SZ|SS))?|[0-9]{4,5}[-. ]?HK|[0-9]{4}[-. ]?TWO?"
                           r"|0[0-9]{3,4})[)）]")
# Latin names: capitalised words, with 's, & and a space between them (Sara Lee, Sainsbury's, AT&T).
_LATIN_NAME = regex.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z0-9]*(?:['’]s)?(?:(?: |&)[A-Z][A-Za-z0-9]*(?:['’]s)?){0,4}"
                            r"(?![A-Za-z0-9])")


@lru_cache(maxsize=1)
def _endings() -> regex.Pattern[str]:
    """The words that make a name of the words before them (``name_forms.tsv``)."""
    words = vocab.name_forms()
    return regex.compile("|".join(regex.escape(w) for w in words) or r"(?!)")


@lru_cache(maxsize=32)
def known_pattern(entities: Optional[Entities], declared: tuple[str, ...]) -> regex.Pattern[str]:
    """Where a known name starts: organisations, places, the caller's
    entities and the names the text declares (longest first)."""
    names = set(builtin().names()) | set(vocab.places()) | set(declared)
    if entities is not None:
        names |= entities.names()
    words = sorted((n for n in names if len(n) > 1), key=len, reverse=True)
    return regex.compile("|".join(regex.escape(w) for w in words) or r"(?!)", regex.IGNORECASE)


# 某某股份有限公司（以下简称“某某”或“公司”）, 东岳货柜码头有限公司简称东岳货柜:
# the short names a text declares for its entities.
_SHORT = r"[“\"「『]?([^”\"」』，,。；;、（）()\s]{2,16})[”\"」』]?"


@lru_cache(maxsize=1)
def _declared() -> regex.Pattern[str]:
    g = vocab.grammar()
    before, word, after, either = (vocab.either(g.longest(n))
                                   for n in ("declare_before", "declare_word", "declare_after", "declare_or"))
    return regex.compile(rf"(?:{before})?(?:{word})(?:{after})?[：:]?\s*{_SHORT}(?:(?:{either}){_SHORT})?")



def declared_names(doc: Document) -> tuple[dict[str, str], dict[str, str]]:
    """The short names declared in the head of the text, folded → the long
    name they stand for (or the short name itself, where the long one is
    not read); and apart, the words that name nobody in particular which
    the text declares for its own company (（「本公司」，連同其附屬公司統稱
    「本集團」）: 本公司 and 本集团 → the long name)."""
    found: dict[str, str] = {}
    owners: dict[str, str] = {}
    head = min(len(doc.folded), _DECLARATION_REACH)
    for m in _QUOTED_SHORT.finditer(doc.folded, 0, head):
        # 置泰房地产投资信托基金（「置泰房托」）: a short name in quotes in brackets
        long = _declared_for(doc, m.start()) or _run_before(doc, m.start())
        if long is not None:
            _declare(found, owners, m.group(1), long)
    for m in _declared().finditer(doc.folded, 0, head):
        long = _declared_for(doc, m.start())
        for g in (1, 2):
            if m.group(g):
                _declare(found, owners, m.group(g), long if long is not None else doc.text[m.start(g):m.end(g)])
    return found, owners


def _declare(found: dict[str, str], owners: dict[str, str], short: str, long: str) -> None:
    if normalize_period(short).label is not None:
        return  # （「報告期」）, （「本年度」）: a time the text defines, not a name
    if short not in vocab.entity_set("owner") and short not in vocab.anaphor_words():
        found[short] = long
    elif fold(long) != short:
        owners.setdefault(short, long)


_QUOTED_SHORT = regex.compile(r"[（(][“\"「『]([^”\"」』，,。；;、（）()\s]{2,12})[”\"」』][）)，,]")


def _run_before(doc: Document, pos: int) -> Optional[str]:
    """The words from the start of the clause (past a time) to ``pos``,
    where a short name in quotes and brackets follows them: a long name the
    dictionary cannot read (置泰房地产投资信托基金（「置泰房托」）)."""
    s_start = doc.sentence(pos)[0]
    c = doc.clause_at(pos, s_start)
    a = _past_opening_time(doc, c, pos)
    if a is None or not 2 <= pos - a <= _LONGEST_FORM_NAME or not doc.folded[a:pos].isalnum():
        return None
    return doc.text[a:pos]


def _declared_for(doc: Document, pos: int) -> Optional[str]:
    """The name that ends last before ``pos`` in its sentence: the long name
    a declaration (以下简称…) follows."""
    s_start, s_end = doc.sentence(pos)
    spans = [(a, b) for a, b in form_names(doc, s_start, s_end) if b <= pos]
    for c in doc.clause_starts(s_start):
        name = name_at(doc, c, pos, None) if c < pos else None
        if name is not None:
            spans.append((name[0], name[1]))
    if not spans:
        return None
    a, b = max(spans, key=lambda s: (s[1], s[1] - s[0]))
    return doc.text[a:b]

