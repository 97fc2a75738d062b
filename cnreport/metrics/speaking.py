"""Companies by what they do at the opening of a clause: a company that
speaks (``岚海科技表示，公司…``, ``岚海科技董事长张明表示``), announces
(``据晨岭股份公告，…``, ``安怡服务同日公布，…``) or holds an event
(``在恒岳集团的业绩会上，…``) is whom the figures after it are about; a
statistics office that says (``国家统计局数据显示``), a house of analysts
that speaks of a company (``岚海证券研报指出``) and an industry body that
publishes figures (``某某协会数据显示``) are where they come from."""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Optional

import regex

from . import vocab
from .document import CLAUSE_STOPS, Document, Name, Token, is_time

__all__ = ["analyst_source", "analyst_word_end", "announcer_at", "company_words", "event_holder_at", "opened_by",
           "speaking_company", "title_pattern"]

ReadName = Callable[[Document, int, int, Optional[str]], Optional[Name]]


@lru_cache(maxsize=1)
def title_pattern() -> regex.Pattern[str]:
    """Any job title of two characters or more (a name holding one is a person's)."""
    return regex.compile(vocab.either(t for t in vocab.titles() if len(t) > 1))


def company_words(doc: Document, start: int, k: int) -> bool:
    """Whether the words from ``start`` to ``k`` end with a company's word
    (科技, 集团), not a place's."""
    f = doc.folded
    return k - start > 2 and f.endswith(vocab.entity_words("ending"), start, k) \
        and f[k - 1] not in vocab.grammar().set("place_ending")


def analyst_source(doc: Document, a: int, b: int) -> bool:
    """Whether the name [a, b) is a house of analysts that speaks of other
    companies here (岚海证券研报指出，…; 岚海证券：维持恒川银行增持评级;
    发布机构：岚海证券　分析师：…), or an association that publishes an
    industry's figures (某某同业公会今日公布…): the source of the figures,
    not whom they are about. Its own results (岚海证券上半年营收…) are its own."""
    return analyst_word_end(doc, a, b) is not None


def analyst_word_end(doc: Document, a: int, b: int) -> Optional[int]:
    """Where the words that make the name [a, b) an analysts' source end
    (岚海证券 + ：维持 + 恒川食品…), or None when it is no source here."""
    f = doc.folded
    if f.endswith(vocab.entity_words("analyst"), a, b):
        says = vocab.grammar().words("analyst_word")
    elif f.endswith(vocab.entity_words("publisher"), a, b):
        says = vocab.grammar().words("publisher_word")
    else:
        return None
    k = said = b
    for _ in range(2):  # (：维持, 研报预计: two such words in a row at most)
        while k < len(f) and f[k] in _PAST_NAME:
            k += 1  # (（以下简称“乘联分会”）11月10日发布: past the close of its declaration)
        if said == b and f[k:k + 1] in ("（", "(") and _declaring(f, k + 1):
            close = f.find("）" if f[k] == "（" else ")", k, k + _DECLARATION_REACH)
            k = close + 1 if close > 0 else k  # (某某协会（以下简称“某协”）发布: past the declaration)
        dated = doc.mention_at.get(k)
        day = _DAY.match(f, k) or (doc.lex.roles.get(f[k:k + 2]) in ("period", "when") and f[k:k + 2]) \
            or (dated is not None and dated.kind == "date" and doc.text[dated.start:dated.end])
        if day and said == b:
            k += len(day) if isinstance(day, str) else day.end() - k  # (公会今（20）日公布, 协会日前发布)
        word = next((w for w in says if f.startswith(w, k)), None)
        if word is None or f.startswith("报告期", k):
            break
        k = said = k + len(word)
    return said if said > b else None


_DAY = regex.compile(r"[今昨][（(][0-9]{1,2}[）)]日")
_DECLARATION_REACH = 30


def _declaring(f: str, k: int) -> bool:
    """Whether a short name is declared at ``k`` (以下简称, 简称, 下称)."""
    g = vocab.grammar()
    return any(f.startswith(w, k) or f.startswith(w, k + 2) for w in g.words("declare_word")) \
        or any(f.startswith(w, k) for w in g.words("declare_before"))


_PAST_NAME = frozenset(" \u3000”」』）)\"")


def speaking_company(doc: Document, start: int, k: int, tokens: list[Token], source: str) -> Optional[int]:
    """Where the company's name ends, in the words ``tokens`` (from ``start``
    to ``k``) before the source word ``source``, when the company speaks;
    None when the words are a source that names nobody."""
    if source not in vocab.grammar().set("speech_source"):
        return None
    if company_words(doc, start, k):
        return k  # 岚海科技表示
    title = title_pattern().search(doc.folded, start, k)
    if title is not None and company_words(doc, start, title.start()) and any(t[1] == title.start() for t in tokens):
        return title.start()  # 岚海科技董事长(张明)表示: the company of the one who speaks
    return None


def opened_by(doc: Document, k: int, end: int, org: Optional[str], read: ReadName) -> Optional[Name]:
    """The company after the word that opens the clause at ``k``, read with
    ``read``: the one that announces (据岚海科技公告，…) or holds the event
    (在岚海科技的业绩会上，…)."""
    f = doc.folded
    if f[k:k + 1] not in _opener_firsts():
        return None  # (most clauses open otherwise: no look-ups)
    g = vocab.grammar()
    for opener, says in (("according_to", doc.lex.announces), ("at_event", g.longest("event_of"))):
        word = next((w for w in g.longest(opener) if f.startswith(w, k, end)), None)
        if word is None:
            continue
        after = read(doc, k + len(word), end, org)
        if after is None or after[0] != k + len(word) or not company_words(doc, after[0], after[1]):
            return None
        b = after[1] + (opener == "at_event" and f.startswith("的", after[1]))
        return after if any(f.startswith(w, b, end) for w in says) else None
    return None


@lru_cache(maxsize=1)
def _opener_firsts() -> frozenset[str]:
    """The first characters of the words that open a clause before a company (据, 根据, 在)."""
    g = vocab.grammar()
    return frozenset(w[0] for w in (*g.words("according_to"), *g.words("at_event")) if w)


def announcer_at(doc: Document, start: int, end: int, after_description: Callable[[Document, int, int], Optional[int]]
                 ) -> Optional[Name]:
    """X of a clause that is X, perhaps a time, and a verb of announcing
    (安怡服务同日公布，…): a name the dictionary reads as other words, whom
    the figures that follow are about; ``after_description`` finds where a
    name starts after a description before it (另一物管同业 + 安怡服务)."""
    f = doc.folded
    if _announcing().search(f, start + 2, min(end, start + _LONGEST_ANNOUNCER + 4)) is None:
        return None  # (most clauses announce nothing: no look-ups)
    k = start
    while k < end and k - start <= _LONGEST_ANNOUNCER:
        tok = doc.forward(k, end)
        if tok is None:
            return None
        word = f[tok[0]:tok[1]]
        if word in doc.lex.announces and tok[1] == end:
            break
        k = tok[1]
    else:
        return None
    b = k - _period_before(doc, start, k)  # (同日公布: the time is no part of the name)
    start = after_description(doc, start, b) or start
    if not 2 <= b - start <= _LONGEST_ANNOUNCER or any(c in CLAUSE_STOPS or c.isspace() for c in f[start:b]) \
            or f[start:b] in doc.lex.owners or f[start] in vocab.grammar().set("name_function_char"):
        return None
    if any(t[2] in ("c", "p", "uj") or (t[2] in ("d", "r", "ul", "m") and t[1] - t[0] > 1)
           for t in doc.tokens(start, b)) or any(c.isdigit() for c in f[start:b]) or f[end:end + 1] not in ("，", ","):
        return None  # (盈利预测与投资建议：: a note's heading, not who announces)
    return start, b, doc.text[start:b]


def event_holder_at(doc: Document, start: int, end: int) -> Optional[Name]:
    """X of a line that opens with X, a time and an event or report of X's
    (启明智造2025年半年度业绩说明会, 晨岭科技2024年年报): a headline's name that
    the dictionary reads as other words, whom the text is about."""
    f = doc.folded
    if start > 0 and f[start - 1] != "\n":
        return None  # (a headline's form: most clauses do not open a line)
    k = next((k for k in range(start + 2, min(end, start + _LONGEST_ANNOUNCER + 1)) if k in doc.mention_at), None)
    if k is None or not is_time(doc.mention_at[k]):
        return None
    j = doc.mention_at[k].end
    while (n := doc.period_word_at(j, end)) > 0:
        j += n  # (2025年 + 半年度, 2024年 + 第三季度)
    j += 2 if f.startswith("年度", j) else 0  # (晨岭科技2024年年度报告)
    if not any(f.startswith(w, j, end) for w in vocab.grammar().longest("event_of")):
        return None
    name = f[start:k]
    if any(c in CLAUSE_STOPS or c.isspace() or c.isdigit() for c in name) or name in doc.lex.owners \
            or f[start] in vocab.grammar().set("name_function_char"):
        return None
    return start, k, doc.text[start:k]


@lru_cache(maxsize=1)
def _announcing() -> regex.Pattern[str]:
    return regex.compile(vocab.either(vocab.entity_words("announce")))


def _period_before(doc: Document, start: int, b: int) -> int:
    """The length of the period word that ends at ``b`` (同日, 今日), or 0."""
    return next((n for n in range(min(4, b - start), 0, -1) if doc.period_word_at(b - n, b, when=True) == n), 0)


_LONGEST_ANNOUNCER = 16  # the longest name read before a verb of announcing
