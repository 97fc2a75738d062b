"""What a figure measures: the subject, as written, and the name in front of it.

A figure followed by a noun counts that noun (``19家合作伙伴`` → 合作伙伴);
otherwise the subject is the noun phrase before it, past the verbs and
adverbs in between (``騰訊全網服務器總量已經超過100萬臺`` → 服務器總量). The
entity and scope words at its front (騰訊, 全網) are split off. The noun runs
are read in ``runs``, the lists that 分别 hands out in ``respective``, shares
in ``share``.
"""
from __future__ import annotations

import bisect
from typing import Optional

import attrs

from ..currency import is_currency_name
from ..model import NumberMention
from . import vocab
from .document import CLAUSE_STOPS, NOUN_TAGS, Document, Token, is_time, quarters
from .fronts import entity_before, split_front
from .names import Name, lead_name
from .respective import figure_joiners, name_list, respective_name, respective_part
from .runs import Span, is_name, left, opening_nouns, per_unit_before, right
from .share import NO_OWNER, share_basis, share_owner
from .speaking import title_pattern

_CLOSING_MARKS = frozenset("」』”’\"'》）)")

__all__ = ["Reading", "Span", "subject"]


# May stand inside a name in brackets' place (中国大陆及香港（35%）).
_NAME_LINKS = frozenset({"c", "x"})
_LIST_MARKS = frozenset("、，,；;")
_NAMED_MEASURES = frozenset({"index"})  # categories whose measures take a name (恒生指数)
_RESTATING_LONGEST = 24  # (时值约1.55亿美元)
_QUALIFIERS_MOST = 3  # qualifiers in a row, at most (a bounded walk)
_QUALIFIER_REACH = 24  # the longest fixed qualifier of a measure (归属于上市公司股东的扣除非经常性损益的)


@attrs.frozen
class Reading:
    """What a figure's own sentence says it measures and whom it is about,
    with the rule behind each and the span it was read from."""

    subject: Optional[str] = None
    subject_span: Optional[Span] = None
    subject_rule: str = "none"
    entity: Optional[str] = None
    entity_span: Optional[Span] = None
    entity_rule: Optional[str] = None
    market: bool = False  # the subject opens with 全网, 全球: a market-wide figure


def subject(doc: Document, m: NumberMention, s_start: int, s_end: int, org: Optional[str] = None) -> Reading:
    """The subject and the entity of figure ``m`` as its sentence names
    them; ``org`` is the speaker's organisation, which 我们 stands for."""
    f = doc.folded
    span, rule = _span(doc, m, s_start, s_end)
    if rule == "bracket" and span is not None and is_name(doc, span):
        return _bracket_reading(doc, m, s_start, span)
    share = share_owner(doc, m, s_start)
    if share is not None:
        span, rule = (None, "share") if share == NO_OWNER else (share, "share")
    if span is not None:
        span = _trimmed(doc, span)
    if span is not None:
        span = _past_quoted(doc, span, s_start)
    lead = _lead(doc, m, s_start, span, org)
    entity, entity_span, entity_rule = _entity_of(doc, m, s_start, lead, org)
    if span is None:
        return _unmeasured(doc, m, s_start, rule, (entity, entity_span, entity_rule), False, per=False)
    a, b = span
    if lead is not None and lead[0] <= a < lead[1]:
        # 贵州茅台股价: the name is the entity, not part of the subject (nor
        # the other names of its list: 芜湖市、滁州市分别增长…)
        a = name_list(doc, lead, b, org)[-1][1] if entity_rule == "respective" else lead[1]
        while a < b and f[a] in "的 ":
            a += 1
        if f[a:b] in doc.lex.roles or f[a:b] in doc.lex.stops:
            a = b  # 联合利华以: nothing is left of the subject
    front = a
    market = any(f.startswith(w, a, b) for w in doc.lex.market)
    a, front_entity = split_front(doc, a, b)
    length = doc.period_word_at(a, b) if a > front else 0
    if 0 < length < b - a:
        a += length  # 公司 + 全年 + 销量: the period after an owner is the figure's too
    if front_entity is not None and (lead is None or lead[1] <= doc.clause_at(a, s_start)):
        # (而饿了么营收: nearer than the name of an earlier clause)
        entity, entity_span, entity_rule = front_entity, (front, front + len(front_entity)), "front"
    if a >= b and rule == "share":
        # 南山区占全市面积的8%: the name's share of the measure after 占
        basis = share_basis(doc, m, s_start)
        trimmed = _trimmed(doc, basis) if basis is not None else None
        if trimmed is not None:
            a, b = split_front(doc, trimmed[0], trimmed[1])[0], trimmed[1]
    if rule == "before" and ((lead is not None and b == lead[1]) or _described_latin(doc, a, b)):
        a = b  # 投资公司Lanhai以…: a description and the name, whom and not what
    if a >= b:
        return _unmeasured(doc, m, s_start, rule, (entity, entity_span, entity_rule), market, per=True)
    head = _measure_head(doc, a, b)
    if head == a:
        # the name may have been cut off the run already, and a verb left
        # before the measure: 长三角 + 区域贡献 + 合同销售金额 (but 蒙牛 +
        # 液态奶销量: the product is part of what is measured)
        named = _measure_head(doc, span[0], b)
        head = named if named > a and doc.has_verb(a, named) else a
    if head > a:
        # 康泰人寿股价: a name before the measure is not part of what is measured
        a = head
    a, b = respective_part(doc, m, a, b)
    if rule == "before" and _is_place(doc, a, b):
        # 香港318间、内地142间: a place before the figure is whose the count
        # is, not what it counts (the list's measure comes from before it)
        return Reading(None, None, rule, doc.text[a:b], (a, b), "clause", market)
    a = _qualified(doc, m, s_start, a)
    while a < b and f[a] in _CLOSING_MARKS:
        a += 1  # (「小湛鮮奶茶」門市: the close of the name's quote is no part of the measure)
    if a >= b:
        return _unmeasured(doc, m, s_start, rule, (entity, entity_span, entity_rule), market, per=True)
    return Reading(doc.text[a:b], (a, b), rule, entity, entity_span, entity_rule, market)


def _qualified(doc: Document, m: NumberMention, s_start: int, a: int) -> int:
    """Where a measure starts with the phrases that 的 ties to it, when a
    statement's fixed qualifier opens each (归属于上市公司股东的 +
    扣除非经常性损益的 + 净利润, 经营活动产生的 + 现金流量净额)."""
    f = doc.folded
    c = doc.clause_at(m.start, s_start)
    for _ in range(_QUALIFIERS_MOST):
        if not f.endswith("的", s_start, a):
            break
        k = vocab.rfind_any(f, vocab.grammar().words("measure_qualifier"), max(c, a - _QUALIFIER_REACH), a)
        if k < 0 or any(ch in CLAUSE_STOPS for ch in f[k:a]) or bisect.bisect_left(doc.starts, k) != \
                bisect.bisect_left(doc.starts, a):
            break  # (no figure between: a qualifier of this measure, not of one before)
        a = k
    return a


def _verb_named(doc: Document, before: Optional[Token], s_start: int) -> Optional[Span]:
    """A noun and a verb the reader would pass over (公益 + 投入, 海外 + 销售)
    right before a copula and the figure (公益投入为4,850万元): together they
    name the measure."""
    if before is None or doc.folded[before[0]:before[1]] not in vocab.grammar().set("copula"):
        return None
    verb = doc.backward(before[0], s_start)
    if verb is None or verb[1] - verb[0] < 2:
        return None
    role = doc.lex.roles.get(doc.folded[verb[0]:verb[1]])
    if role != "verb" and (role is not None or verb[2] != "v"):
        return None  # (营收增长为…: a verb of change is no measure)
    run = left(doc, verb[0], s_start)
    return (run[0], verb[1]) if run is not None and run[1] == verb[0] else None


def _action_measured(doc: Document, before: Optional[Token], s_start: int) -> Optional[Span]:
    """The action a figure measures where a verb of achieving stands before
    it (实现 + 销售 + 287亿元, 完成 + 交付 + 2万辆): the action is the
    measure, not a verb between a subject and its figure."""
    if before is None or before[1] - before[0] < 2 or doc.lex.roles.get(doc.folded[before[0]:before[1]]) != "verb":
        return None
    link = doc.backward(before[0], s_start)
    if link is None or doc.lex.roles.get(doc.folded[link[0]:link[1]]) != "link" or link[1] - link[0] < 2:
        return None
    return before[0], before[1]


def _entity_of(doc: Document, m: NumberMention, s_start: int, lead: Optional[Name], org: Optional[str]
               ) -> tuple[Optional[str], Optional[Span], Optional[str]]:
    """The entity the sentence gives the figure: its lead name's, or the
    name of a list that 分别 hands out."""
    if lead is not None and doc.folded[lead[0]:lead[1]] in doc.lex.endings:
        return None, None, None  # 公司研发人员: 公司 alone names nobody
    if lead is not None:
        respective = respective_name(doc, m, lead, org)
        if respective is not None:
            return respective[2], (respective[0], respective[1]), "respective"
    return _lead_entity(doc, m, s_start, lead)


def _unmeasured(doc: Document, m: NumberMention, s_start: int, rule: str,
                whose: tuple[Optional[str], Optional[Span], Optional[str]], market: bool, per: bool) -> Reading:
    """The reading of a figure with no noun before it that it measures:
    the action right before it (12月单月交付2万辆 → 交付), else, with
    ``per``, 每 and a unit (以每股14.5美元 → 每股), else none."""
    acted = _verb_measured(doc, m, s_start) if rule in ("before", "none") else None
    if acted is not None:
        return Reading(doc.text[acted[0]:acted[1]], acted, "action", *whose, market)
    unit = per_unit_before(doc, m.start, s_start) if per else None
    if unit is not None:
        return Reading(doc.text[unit[0]:unit[1]], unit, "per", *whose, market)
    return Reading(None, None, rule, *whose, market)


def _verb_measured(doc: Document, m: NumberMention, s_start: int) -> Optional[Span]:
    """The verb of an action right before a figure (交付, 销售, 生产)."""
    tok = doc.backward(m.start, s_start)
    if tok is None or tok[1] - tok[0] < 2 or doc.lex.roles.get(doc.folded[tok[0]:tok[1]]) != "verb":
        return None
    return tok[0], tok[1]


def _is_place(doc: Document, a: int, b: int) -> bool:
    word = doc.folded[a:b]
    # (a place of the table, or a name the dictionary tags as one; not 城市, 海外)
    return word in vocab.places() or (doc.tags.get(word) == "ns" and len(word) > 2)


def _lead(doc: Document, m: NumberMention, s_start: int, span: Optional[Span], org: Optional[str]
          ) -> Optional[Name]:
    """The name the figure's clause (or sentence) is about, before its subject."""
    lead = None
    if span is not None and span[1] <= m.start:
        lead = lead_name(doc, s_start, span[0], org)
        own = lead_name(doc, s_start, m.start, org)
        if own is not None and own[0] <= span[0] < own[1] and (
                is_name(doc, (own[0], own[1])) or doc.folded[own[0]:own[1]].endswith(vocab.entity_words("ending"))):
            lead = own  # 芜湖市增长6.8%: the run before the figure is the clause's own name
        elif own is not None and span[0] < own[0] and own[1] == span[1] and _described_latin(doc, span[0], span[1]):
            lead = own  # 旗下投资公司Velmora以每股…: the run is a description and the name
    return lead if lead is not None else lead_name(doc, s_start, m.start, org)


def _measure_head(doc: Document, a: int, b: int) -> int:
    """Where the measure that ends [a, b) starts (the longest alias that
    ends it) when the words before it hold a name; else ``a``."""
    f = doc.folded
    k = next((k for k in range(a + 1, b - 1) if f[k:b].lower() in doc.aliases), None)
    if k is None or doc.aliases[f[k:b].lower()] in _NAMED_MEASURES:
        return a  # (恒生指数: the name is the measure's own)
    j = a
    while j < k:
        tok = doc.forward(j, k)
        if tok is None:
            return a
        if tok[2] in ("nr", "nt", "nz", "ns") and tok[1] - tok[0] > 1 and doc.word(tok) not in doc.aliases:
            return k
        j = tok[1]
    return a


def _bracket_reading(doc: Document, m: NumberMention, s_start: int, span: Span) -> Reading:
    """进口主要来自韩国(21.5%)、泰国(14.2%): the name before the
    bracket is whom the figure is about; what it measures opens the clause."""
    c = doc.clause_at(m.start, s_start)
    measured = opening_nouns(doc, c, span[0])
    subject_text = doc.text[measured[0]:measured[1]] if measured is not None else None
    return Reading(subject_text, measured, "clause" if measured else "none",
                   doc.text[span[0]:span[1]], span, "bracket")


def _reporter(doc: Document, name: Name) -> bool:
    """Whether a name is who reports the figures rather than whom they are
    about: the source of a headline (海关总署：…, 经济部：…), a person with a
    title (财务长吴佩珊表示…)."""
    f = doc.folded[name[0]:name[1]]
    return doc.folded[name[1]:name[1] + 1] in "：:" or title_pattern().search(f, 0, len(f) - 1) is not None


def _lead_entity(doc: Document, m: NumberMention, s_start: int, lead: Optional[Name]
                 ) -> tuple[Optional[str], Optional[Span], Optional[str]]:
    """The entity of the name that opens the figure's clause (``clause``) or
    an earlier one (``sentence``), else of the organisation named last
    before the figure in the sentence (``named``)."""
    if lead is not None and not _reporter(doc, lead):
        rule = "clause" if lead[0] >= doc.clause_at(m.start, s_start) else "sentence"
        return lead[2], (lead[0], lead[1]), rule
    named = entity_before(doc, m.start, s_start)
    if named is None:
        return None, None, None
    return named[2], (named[0], named[1]), "named"


def _span(doc: Document, m: NumberMention, s_start: int, s_end: int) -> tuple[Optional[Span], str]:
    """The noun run the figure measures, before any trimming, and the rule
    that found it: ``bracket``, ``before`` (the noun before the figure),
    ``after`` (the noun it counts), ``respective`` (a part of a list)."""
    f = doc.folded
    before = doc.backward(m.start, s_start)
    acted = _action_measured(doc, before, s_start) or _verb_named(doc, before, s_start)
    if acted is not None:
        return acted, "before"
    if m.start > s_start and f[m.start - 1] in "(（" and f[m.end:m.end + 1] in (")", "）", "，", ","):
        # 日本(22.3%), 長實（30%）, 以盈利计（96.2亿美元，…）: the figure is the name's, and the name
        # is nouns only (收入主要来自中国内地（68%）: 中国内地)
        return left(doc, m.start - 1, s_start, links=_NAME_LINKS), "bracket"
    if before is not None and before[2] in NOUN_TAGS and (
            (f[m.end:m.end + 1] == "的" and m.kind != "percent") or f[m.end:m.end + 1] in _LIST_MARKS
            or (m.unit is not None and f[m.end:m.end + 1] in _LIST_MARKS)):
        # 服務器總量超過百萬的公司: the noun before measures, the one after is
        # described; 分行126间、支行400间: each item counts its own noun
        found = left(doc, m.start, s_start)
        if found is not None:
            return found, "before"
        return right(doc, m.end, s_end), "after"
    counted = m.kind == "cardinal" and m.unit is not None
    if counted:
        measured = _copula_measure(doc, m, s_start)
        if measured is not None:
            return measured, "before"
    found = right(doc, _past_restating(f, m.end, s_end), s_end, counted=counted)
    if found is not None:
        return found, "after"
    joined = _joined_figure(doc, m, s_end)
    if joined is not None:
        # 分别持有26.5%及61.2%权益, 维持64%与31%的比例: the noun after
        # the last figure of the pair is what both measure
        found = right(doc, joined.end, s_end, counted=joined.kind == "cardinal" and joined.unit is not None)
        if found is not None:
            return found, "after"
    found = left(doc, m.start, s_start)
    if found is not None:
        return found, "before"
    # 毛利率、营业利润率和净利率分别为45.2%、38.1%和36.5%: the part an
    # earlier figure of the list found for this one
    part = doc.memo.get(("part", m.start))
    return (part, "respective") if part is not None else (None, "none")  # type: ignore[return-value]


def _copula_measure(doc: Document, m: NumberMention, s_start: int) -> Optional[Span]:
    """Y of Y达/为 N个W where Y is a measure (处理量达180万个标准箱,
    客流量为3000万人次): W is the unit Y is counted in, Y what is measured."""
    link = doc.backward(m.start, s_start)
    if link is None or doc.folded[link[0]:link[1]] not in vocab.grammar().set("copula"):
        return None
    noun = doc.backward(link[0], s_start)
    if noun is None or noun[2] not in NOUN_TAGS or doc.folded[noun[1] - 1] not in vocab.grammar().set("measure_last"):
        return None
    return left(doc, link[0], s_start)


def _joined_figure(doc: Document, m: NumberMention, s_end: int) -> Optional[NumberMention]:
    """The figure of the same kind that 及, 与, 和 or 、 join right after ``m``."""
    f = doc.folded
    k = m.end
    while k < s_end and f[k] == " ":
        k += 1
    joiner = next((w for w in sorted(figure_joiners(), key=len, reverse=True) if f.startswith(w, k, s_end)), None)
    if joiner is None:
        return None
    k += len(joiner)
    while k < s_end and f[k] == " ":
        k += 1
    nxt = doc.mention_at.get(k)
    return nxt if nxt is not None and nxt.kind == m.kind else None


def _past_restating(f: str, end: int, s_end: int) -> int:
    """Past a bracketed restatement after a figure, where 的 follows it:
    以2,800亿越南盾（时值约1.2亿美元）的代价 reads on to 的代价."""
    if f[end:end + 1] not in ("(", "（"):
        return end
    close = min((k for k in (f.find(")", end, s_end), f.find("）", end, s_end)) if k >= 0), default=-1)
    if close < 0 or close - end > _RESTATING_LONGEST or not f.startswith("的", close + 1):
        return end
    return close + 1


def _past_quoted(doc: Document, span: Span, s_start: int) -> Optional[Span]:
    """``span`` begun past a quoted name it starts inside (旗舰品牌「晨 +
    彩」门店842家: the measure is 门店, the brand whole before it)."""
    f = doc.folded
    a, b = span
    for opening, closing in _QUOTE_PAIRS:
        o = f.rfind(opening, s_start, a)
        if o < 0 or f.find(closing, o + 1, a) >= 0:
            continue
        c = f.find(closing, a, b)
        if c >= 0:
            return (c + 1, b) if c + 1 < b else None
    return span


_QUOTE_PAIRS = (("「", "」"), ("“", "”"), ("『", "』"), ("《", "》"))


def _described_latin(doc: Document, a: int, b: int) -> bool:
    """Whether [a, b) ends with a company word and a Latin name
    (投资公司Velmora): a name, not a measure."""
    f = doc.folded
    k = b
    while k > a and f[k - 1].isascii() and (f[k - 1].isalpha() or f[k - 1] in " .&'-"):
        k -= 1
    return b - k > 1 and f[k:b].strip().lower() not in doc.aliases \
        and any(f.endswith(w, a, k) for w in vocab.descriptors())  # (平台GMV: a measure)


def _trimmed(doc: Document, span: Span) -> Optional[Span]:
    """The subject span without a time that a dictionary word reached
    into (2023年销量 → 销量) and without a trailing 占比 (线上销售额占比)."""
    a, b = span
    for k in range(b - 1, a, -1):
        if k in doc.mention_end and is_time(doc.mention_end[k]):
            a = k
            break
    f = doc.folded
    k = a
    while k < b:  # 去年同期为9.24亿元, 单月交付2万辆: periods name no measure
        length = doc.period_word_at(k, b, when=True)
        if not length:
            break
        k += length
    if k == b or is_currency_name(f[k:b]):
        return None  # (…由新台币180亿元下修至150亿元: a currency measures nothing)
    a = k  # (去年同期 + 净亏损: the period is the figure's, not part of what it measures)
    year = doc.mention_end.get(a)
    if year is not None and year.kind == "year":
        # 2024年 + 年度营业收入: the 年度 after a year is the year's (but 年度经常性收入 alone stays)
        a += next((len(w) for w in vocab.grammar().longest("year_suffix") if f.startswith(w, a, b - 1)), 0)
    ending = doc.lex.periods_to.get(f[a])
    if ending and b - a > 2 and any(len(w) > 1 and f.startswith(w, a + 1 - len(w)) for w in ending):
        a += 1  # 2023年全年销量: the 年 of 全年 is the period's, not 年销量
    before = doc.mention_end.get(a)
    if before is not None and before.kind == "ordinal":
        quarter = next((q for q in quarters() if f.startswith(q, a) and b - a > len(q)), None)
        if quarter is not None:
            a += len(quarter)  # 第3季虧損: the 季 is the period's
    for tail in vocab.grammar().words("share_tail"):
        if f.endswith(tail, a, b) and b - a > len(tail):
            b -= len(tail)
            break
    return (a, b) if a < b else None
