"""What a figure measures: the subject, as written, and the name in front of it.

A figure followed by a noun counts that noun (``19家合作伙伴`` → 合作伙伴);
otherwise the subject is the noun phrase before it, past the verbs and
adverbs in between (``騰訊全網服務器總量已經超過100萬臺`` → 服務器總量). The
entity and scope words at its front (騰訊, 全網) are split off.
"""
from __future__ import annotations

import bisect
import itertools
from functools import lru_cache
from typing import Optional

import attrs
import regex

from ..lexicon import loaders
from ..model import NumberMention
from . import vocab
from .document import CLAUSE_STOPS, METRIC_KINDS, NOUN_TAGS, PREFIX_TAG, Document, Token, is_time, quarters
from .names import Name, entity_before, lead_name, name_at, split_front

__all__ = [
    "Reading",
    "Span",
    "base_of",
    "chained_subject",
    "in_part_clause",
    "line_label",
    "named_alone",
    "opens_with_period",
    "share_without_owner",
    "subject",
    "topic",
]

Span = tuple[int, int]

_TIME_KINDS = frozenset({"year", "date", "duration"})
# May stand inside a subject between nouns (申請 in 專利申請數量, 和 in 應用和系統).
_LINK_TAGS = frozenset({"v", "a", "b", "c", "x", "q", "f"})
# May stand inside a name in brackets' place (中国大陆及香港（35%）).
_NAME_LINKS = frozenset({"c", "x"})
# Stand between a subject and its figure (已經, 為, 達到了, 的).
_GAP_TAGS = frozenset({"v", "d", "p", "ul", "uj", "uz", "ug", "uv", "ude", "u", "r", "m", "q",
                       "f", "c", "t"})
_MAX_GAP = 6
_LONGEST_PER_UNIT = 3  # (每平方米)
_MAX_RUN = 8
_MAX_HOPS = 3  # figures in a row that _right looks past for the noun they count
_LIST_MARKS = frozenset("、，,；;")
# Stand before a measure and narrow it: prefixes, and place words (海外, 国内).
_MODIFIER_TAGS = frozenset({PREFIX_TAG, "s"})
_LIST_LINKS = frozenset({"c", "x"})  # the joining conjunctions (和, 及, 与) and 、
_LEAD_STOPS_SET = frozenset("，,：:；;。！？!?\n")
_SHARE_REACH = 16
_OPENING_QUOTES = frozenset("“「『\"'‘")
# Between the figures of a list, and between the parts of a subject that 分别
# hands figures to; where those figures end, and how far to look for it.
_RESPECTIVE_END = frozenset("，,。；;！？!?\n")
_RESPECTIVE_REACH = 128
# 从会员增长来看, 就营收而言: a topic that the next clauses measure
_TOPIC_REACH = 24
_NO_OWNER = (-1, -1)
_OPENING_MODIFIERS = frozenset({PREFIX_TAG, "b", "a"})
_BASE_REACH = 12
_CHAIN_OPENERS = frozenset({"v", "d", "p"})  # a clause that opens with its verb: 达到19.8亿元
_LABEL_LONGEST = 30
_NAMED_MEASURES = frozenset({"index"})  # categories whose measures take a name (恒生指数)


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
    if rule == "bracket" and span is not None and _is_name(doc, span):
        return _bracket_reading(doc, m, s_start, span)
    share = _share_owner(doc, m, s_start)
    if share is not None:
        span, rule = (None, "share") if share == _NO_OWNER else (share, "share")
    if span is not None:
        span = _trimmed(doc, span)
    lead = None
    if span is not None and span[1] <= m.start:
        lead = lead_name(doc, s_start, span[0], org)
    if lead is None:
        lead = lead_name(doc, s_start, m.start, org)
    entity, entity_span, entity_rule = _lead_entity(doc, m, s_start, lead)
    if lead is not None:
        respective = _respective_name(doc, m, lead, org)
        if respective is not None:
            entity, entity_span, entity_rule = respective[2], (respective[0], respective[1]), "respective"
    if lead is not None and f[lead[0]:lead[1]] in doc.lex.endings:
        entity, entity_span, entity_rule = None, None, None  # 公司研发人员: 公司 alone names nobody
    if span is None:
        return Reading(None, None, rule, entity, entity_span, entity_rule)
    a, b = span
    if lead is not None and lead[0] <= a < lead[1]:
        a = lead[1]  # 贵州茅台股价: the name is the entity, not part of the subject
        while a < b and f[a] in "的 ":
            a += 1
        if f[a:b] in doc.lex.roles or f[a:b] in doc.lex.stops:
            a = b  # 联合利华以: nothing is left of the subject
    front = a
    market = any(f.startswith(w, a, b) for w in doc.lex.market)
    a, front_entity = split_front(doc, a, b)
    if front_entity is not None and (lead is None or lead[1] <= doc.clause_at(a, s_start)):
        # (而饿了么营收: nearer than the name of an earlier clause)
        entity, entity_span, entity_rule = front_entity, (front, front + len(front_entity)), "front"
    if a >= b:
        return Reading(None, None, rule, entity, entity_span, entity_rule, market)
    head = _measure_head(doc, a, b)
    if head > a:
        # 康泰人寿股价: a name before the measure is not part of what is measured
        a = head
    a, b = _respective(doc, m, a, b)
    return Reading(doc.text[a:b], (a, b), rule, entity, entity_span, entity_rule, market)


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
    measured = _opening_nouns(doc, c, span[0])
    subject_text = doc.text[measured[0]:measured[1]] if measured is not None else None
    return Reading(subject_text, measured, "clause" if measured else "none",
                   doc.text[span[0]:span[1]], span, "bracket")


def _opening_nouns(doc: Document, c: int, limit: int) -> Optional[Span]:
    """The nouns that open the clause at ``c`` (past 而, 则 and a name's
    的: 印尼的入口 → 入口), up to the first word that is not one."""
    f = doc.folded
    while c < limit and (f[c] in " \u3000" or f[c] in vocab.grammar().set("contrast")):
        c += 1
    run: Optional[Span] = None
    start: Optional[int] = None
    k = c
    while k < limit:
        tok = doc.forward(k, limit)
        if tok is None or tok[2] not in NOUN_TAGS | _OPENING_MODIFIERS:
            if tok is not None and tok[2] == "uj" and run is not None:
                run, start, k = None, None, tok[1]  # 印尼的: a name's, not the measure
                continue
            break
        start = tok[0] if start is None else start
        if tok[2] in NOUN_TAGS:
            run = (start, tok[1])  # (主要 + 出口市场: a modifier stays before its noun)
        k = tok[1]
    if run is not None:
        a, _ = split_front(doc, run[0], run[1])  # 集团收入 → 收入
        if doc.folded[a:run[1]] in doc.lex.endings or doc.folded[a:run[1]] in doc.lex.owners:
            return None  # 公司, 集团 alone: whom, not what
        run = (a, run[1])
    return run


def _is_name(doc: Document, span: Span) -> bool:
    """Whether a span is a name: a place, or words that look like one."""
    word = doc.folded[span[0]:span[1]]
    if word in vocab.places() or doc.tags.get(word) == "ns":
        return True
    tokens = []
    k = span[0]
    while k < span[1]:
        tok = doc.forward(k, span[1])
        if tok is None:
            return False
        tokens.append(tok)
        k = tok[1]
    return any(t[2] in ("ns", "nt", "nz", "eng") for t in tokens) and word not in doc.aliases


def _reporter(doc: Document, name: Name) -> bool:
    """Whether a name is who reports the figures rather than whom they are
    about: the source of a headline (海关总署：…, 经济部：…), a person with a
    title (财务长吴佩珊表示…)."""
    f = doc.folded[name[0]:name[1]]
    return doc.folded[name[1]:name[1] + 1] in "：:" \
        or any(t in f[:-1] for t in vocab.titles() if len(t) > 1)


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
    if m.start > s_start and f[m.start - 1] in "(（" and f[m.end:m.end + 1] in (")", "）"):
        # 日本(22.3%), 長實（30%）: the figure is the name's, and the name
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
    found = right(doc, m.end, s_end, counted=m.kind == "cardinal" and m.unit is not None)
    if found is not None:
        return found, "after"
    found = left(doc, m.start, s_start)
    if found is not None:
        return found, "before"
    # 毛利率、营业利润率和净利率分别为45.2%、38.1%和36.5%: the part an
    # earlier figure of the list found for this one
    part = doc.memo.get(("part", m.start))
    return (part, "respective") if part is not None else (None, "none")  # type: ignore[return-value]


def _respective_name(doc: Document, m: NumberMention, lead: Name, org: Optional[str]) -> Optional[Name]:
    """三星、苹果和小米的市场份额分别为20%、17%和14%: with 分别, the figures
    go to the names of the list in order, when there are as many of each."""
    f = doc.folded
    k = vocab.find_any(f, vocab.grammar().words("respective"), lead[1], m.start)
    if k < 0:
        return None
    names = [lead]
    pos = lead[1]
    while True:
        joiner = _part_joiner().match(f, pos, k)
        if joiner is None:
            break
        name = name_at(doc, joiner.end(), k, org)
        if name is None or name[0] != joiner.end():
            break
        names.append(name)
        pos = name[1]
    if len(names) < 2:
        return None
    figures = respective_figures(doc, k, m)
    if len(figures) != len(names) or m not in figures:
        return None
    return names[figures.index(m)]


def respective_figures(doc: Document, k: int, m: NumberMention) -> list[NumberMention]:
    """The figures of the 分别 at ``k``, to the end of its clause."""
    f = doc.folded
    reach = min(len(f), m.end + _RESPECTIVE_REACH)  # a bounded look: linear time
    end = j = k
    while j < reach and f[j] not in _RESPECTIVE_END:
        inside = doc.mention_at.get(j)
        j = inside.end if inside is not None else j + 1  # (the comma of 9,000万元 ends nothing)
    end = j
    after = itertools.islice(doc.numbers, bisect.bisect_left(doc.starts, k), None)
    return [n for n in itertools.takewhile(lambda n: n.start < end, after) if n.kind in METRIC_KINDS]


def _respective(doc: Document, m: NumberMention, a: int, b: int) -> Span:
    """营收和净利润分别为85亿元和12亿元: with 分别, the figures go to the
    parts of the subject in order, when there are as many of each."""
    f = doc.folded
    k = vocab.find_any(f, vocab.grammar().words("respective"), b, m.start)
    if k < 0:
        return a, b
    figures = respective_figures(doc, k, m)
    cuts = [(x.start(), x.end()) for x in _part_joiner().finditer(f, a, b)]
    if not cuts or len(cuts) + 1 != len(figures) or m not in figures:
        return a, b
    parts = list(zip([a, *(e for _, e in cuts)], [*(s for s, _ in cuts), b], strict=True))
    for figure, part in zip(figures, parts, strict=True):
        doc.memo[("part", figure.start)] = part  # (the later figures find their part here)
    return parts[figures.index(m)]


def topic(doc: Document, pos: int, s_start: int) -> Optional[tuple[str, Span]]:
    """从会员增长来看，从4300万增长到8200万: the topic named before the
    figure's clause, when the clause names nothing itself."""
    c = doc.clause_at(pos, s_start)
    # the topic is the clause just before (a bounded look: linear time)
    found = _topic().search(doc.folded, max(s_start, c - _TOPIC_REACH), c)
    while found is not None and found.end() != c:
        found = _topic().search(doc.folded, found.start() + 1, c)
    if found is None:
        return None
    span = left(doc, found.end(1), found.start(1))
    return (doc.text[span[0]:span[1]], span) if span is not None else None


def named_alone(doc: Document, m: NumberMention, s_start: int, org: Optional[str]) -> Optional[Name]:
    """The name that is all the clause says before the figure but a link
    verb (…，比亚迪为16%, 而保利发展则为3313亿元): the figure is that
    name's, of the measure before."""
    f = doc.folded
    if f[m.start - 1:m.start] not in _copula_last():
        return None  # (the items of a list after 分别: no look-ups)
    c = doc.clause_at(m.start, s_start)
    while c < m.start and (f[c] in " \u3000" or f[c] in vocab.grammar().set("contrast")):
        c += 1
    name = name_at(doc, c, m.start, org)
    if name is None or name[0] != c:
        return None
    rest = f[name[1]:m.start].strip()
    if rest[:1] in vocab.grammar().set("contrast"):
        rest = rest[1:]
    return name if rest in vocab.grammar().set("copula") else None


def opens_with_period(doc: Document, pos: int, s_start: int) -> bool:
    """Whether the clause around ``pos`` opens with a period word: with
    no subject of its own, it goes on with the measure before
    (…，去年同期为9.24亿元)."""
    f = doc.folded
    c = doc.clause_at(pos, s_start)
    while c < pos and f[c] in " \u3000":
        c += 1
    return doc.period_word_at(c, pos) > 0


def in_part_clause(doc: Document, pos: int, s_start: int) -> bool:
    """Whether the clause around ``pos`` opens with 其中 (of which)."""
    c = doc.clause_at(pos, s_start)
    part = vocab.grammar().words("of_which")
    return doc.folded.startswith(part, c) or doc.folded.startswith(part, c + 1)


def share_without_owner(doc: Document, m: NumberMention, s_start: int) -> bool:
    """A share whose clause names no part before 占 (约占国内市场的三分之一)."""
    return _share_owner(doc, m, s_start) == _NO_OWNER


def _share_owner(doc: Document, m: NumberMention, s_start: int) -> Optional[Span]:
    """X占Y的N%, X占比N%, X相当于Y的N%, X是Y的N倍: the share or multiple
    is X's, the part named before 占; Y is what it is measured against."""
    if m.kind not in ("percent", "fraction", "multiple"):
        return None
    f = doc.folded
    head = f[max(s_start, m.start - _SHARE_REACH):m.start]
    # (增长率为15%: without 的 the figure is X's own)
    g = vocab.grammar()
    words = g.words("share_verb") + g.words("share_basis") if head.endswith("的") else g.words("share_verb")
    k, word = max((head.rfind(w), w) for w in words)
    if k < 0 or any(c in CLAUSE_STOPS or c in _LEAD_STOPS_SET for c in head[k:]):
        return None
    if word in g.set("share_bare_verb") and (head[k - 1:k] in g.set("not_share_before") or m.kind == "multiple"):
        return None  # 市占率, 应占溢利: words, not the verb
    if not _share_rest().fullmatch(head, k + len(word)):
        return None
    owner = left(doc, m.start - len(head) + k, s_start)
    if owner is not None:
        return owner
    # with no part named before 占, the clause goes on about the noun that
    # ends the clause before (地方政府对该厂的补贴，占其净利的9.6%), or,
    # where that clause ends with a figure, about that figure's subject
    # (营收1000亿元，约占国内市场的三分之一)
    c = doc.clause_at(m.start, s_start)
    before = c - 1
    if before > s_start and doc.folded[before] in "，," and before not in doc.mention_end:
        owner = left(doc, before, s_start)
    return owner or _NO_OWNER


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
    while k < b:  # 去年同期为9.24亿元: periods name no measure
        length = doc.period_word_at(k, b)
        if not length:
            break
        k += length
    if k == b:
        return None
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


def right(doc: Document, pos: int, limit: int, hops: int = 0, counted: bool = False) -> Optional[Span]:
    """The noun run after ``pos``; ``counted`` when a count's measure word
    ends just before it (31个生产基地: what is counted follows)."""
    f = doc.folded
    while pos < limit and f[pos] in " \u3000":
        pos += 1
    after_de = pos < limit and f[pos] == "的"
    if after_de:
        pos += 1
    elif counted and pos < limit and f[pos] in _OPENING_QUOTES:
        pos += 1  # 三個“演化”: what is counted, in quotes
    tokens: list[Token] = []
    while len(tokens) < _MAX_RUN:
        nxt = doc.mention_at.get(pos)
        if nxt is not None:
            # 13類231個接口: the first figure counts what the second does
            # (a few figures deep: a long run of them is a list).
            if not tokens and nxt.kind in METRIC_KINDS and nxt.unit and hops < _MAX_HOPS:
                return right(doc, nxt.end, limit, hops + 1, nxt.kind == "cardinal")
            break
        tok = doc.forward(pos, limit)
        if tok is None:
            break
        if tok[2] == "ul" and tokens:
            # 電影貢獻了: a word before 了 is the verb, not the subject.
            tokens.pop()
            break
        tok = _named_after(doc, tok, tokens, limit, after_de, counted)
        if tok is None:
            return None
        if not tokens and tok[2] == "v" and not after_de and not counted:
            return None  # 24480元居全国…: a verb after the figure names nothing it counts
        tokens.append(tok)
        pos = tok[1]
    # read forwards, a prefix before the noun stays (受访 + 企业)
    return _noun_run(_before_clause_verb(doc, tokens), _LINK_TAGS | {"uj", PREFIX_TAG}, NOUN_TAGS | {PREFIX_TAG})


def _before_clause_verb(doc: Document, tokens: list[Token]) -> list[Token]:
    """The tokens up to the first verb after a noun that opens a clause of
    its own (53条主次干道 + 智能化改造…, 500万名妇女和儿童 + 提供…): a verb
    stays inside the run only before a word for a measure (专利申请数量)."""
    seen_noun = False
    for k, tok in enumerate(tokens):
        if tok[2] in NOUN_TAGS:
            seen_noun = True
        elif tok[2] == "v" and seen_noun:
            after = tokens[k + 1] if k + 1 < len(tokens) else None
            if after is None or not _measure_word(doc, after):
                return tokens[:k]
    return tokens


def _measure_word(doc: Document, tok: Token) -> bool:
    w = doc.word(tok)
    return w in doc.aliases or w[-1:] in vocab.grammar().set("measure_last") or w in vocab.context_words()


def _named_after(doc: Document, tok: Token, tokens: list[Token], limit: int, after_de: bool,
                 counted: bool) -> Optional[Token]:
    """The first word after a figure, as a noun where the figure names it
    (10%的投入, 3個演化, 31个生产基地); None where a change follows 的."""
    if tokens:
        return tok
    roles = doc.lex.roles
    if after_de and tok[1] - tok[0] > 1:
        if roles.get(doc.word(tok)) in ("up", "down"):
            return None  # 营收实现了15%的增长: a change of what stands before
        if tok[2] == "v":
            return tok[0], tok[1], "vn"  # 10%的投入: after 的, a verb is named
    if counted and tok[2] == "v" and tok[1] - tok[0] > 1:
        return tok[0], tok[1], "vn"  # 3個演化: after a measure word, a verb is named
    if counted and roles.get(doc.word(tok)) == "verb":
        after = doc.forward(tok[1], limit)
        if after is not None and after[2] in NOUN_TAGS:
            return tok[0], tok[1], "vn"  # 31个生产基地: the verb names a kind of the noun
    return tok


def left(doc: Document, pos: int, limit: int, links: frozenset[str] = _LINK_TAGS) -> Optional[Span]:
    """The noun run before ``pos``, past the verbs, adverbs and times that
    stand between it and the figure."""
    pos = _past_gap(doc, pos, limit)
    tokens: list[Token] = []
    while len(tokens) < _MAX_RUN:
        if pos in doc.mention_end:
            break
        tok = doc.backward(pos, limit)
        if tok is None or (tok[2] == "uj"):
            break
        if tokens and tok[2] == "d" and _noun_verb(doc, doc.folded[tok[0]:tok[1]]):
            tok = tok[0], tok[1], "v"  # 合约 + 销售 + 面积: inside a noun run, a verb that names an action links
        tokens.append(tok)
        pos = tok[0]
    return _reverse_run(tokens, links)


def _noun_verb(doc: Document, word: str) -> bool:
    """Whether a verb the reader passes over between a subject and its
    figure (销售, 投资, 生产) is one the dictionary also reads as a noun."""
    return doc.lex.roles.get(word) == "verb" and doc.tags.get(word) == "vn"


def _past_gap(doc: Document, pos: int, limit: int) -> int:
    """Back from ``pos`` past what stands between a subject and its figure."""
    while pos > limit and doc.folded[pos - 1] in " \u3000":
        pos -= 1  # 月薪 16 萬: spaces set off Arabic figures in many texts
    pos = _past_per_unit(doc, pos, limit)
    gap = 0
    while gap < _MAX_GAP:
        before = doc.mention_end.get(pos)
        if before is not None and before.kind in _TIME_KINDS | {"ordinal"}:
            pos, gap = before.start, gap + 1
            continue
        tok = doc.backward(pos, limit)
        if tok is not None and tok[2] not in _GAP_TAGS \
                and doc.folded[tok[1] - 1] in vocab.grammar().set("time_clause_end") \
                and doc.folded.startswith("的", tok[1]):
            # 由高峰时的1.3万家: a time clause, passed over to its start
            while tok is not None and tok[2] not in _GAP_TAGS:
                pos = tok[0]
                tok = doc.backward(pos, limit)
            gap += 1
            continue
        if tok is None or (tok[2] not in _GAP_TAGS and tok[2] != PREFIX_TAG):
            break  # (a prefix here belongs to the verb or the figure: 净减少, 每股12元)
        pos, gap = tok[0], gap + 1
    return pos


def _past_per_unit(doc: Document, pos: int, limit: int) -> int:
    """Back past 每 and a unit just before a figure (平均售价为每吨612元)."""
    f = doc.folded
    per = vocab.grammar().set("per_mark")
    for k in range(_LONGEST_PER_UNIT, 0, -1):
        a = pos - k
        if a - 1 >= limit and f[a - 1] in per and f[a:pos] in loaders.units():
            return a - 1
    return pos


def _noun_run(tokens: list[Token], links: frozenset[str] = _LINK_TAGS,
              heads: frozenset[str] = NOUN_TAGS) -> Optional[Span]:
    """The span of the longest prefix of ``tokens`` (in reading order) that
    ends in a noun, links (申請, 和, 、) standing between nouns, at most two
    in a row; leading links are dropped. The run starts at the first token
    tagged one of ``heads``."""
    end = None
    in_a_row = 0
    for k, (_, _, tag) in enumerate(tokens):
        if tag in NOUN_TAGS:
            end, in_a_row = k, 0
        elif tag in links and in_a_row < 2:
            in_a_row += 1
        else:
            break
    if end is None:
        return None
    start = 0
    while tokens[start][2] not in heads:
        start += 1
    return tokens[start][0], tokens[end][1]


def _reverse_run(tokens: list[Token], links: frozenset[str] = _LINK_TAGS) -> Optional[Span]:
    """Like :func:`_noun_run`, for tokens read right to left from a figure."""
    run = _noun_run(tokens, links)
    if run is None:
        return None
    # _noun_run returned (start of the nearest noun, end of the farthest one).
    near = next(t for t in tokens if t[0] == run[0])
    k = next(k for k, t in enumerate(tokens) if t[1] == run[1])
    # 城镇居民 + 人均 + 可支配收入, 零售客户 + 总 + 资产余额: one prefix between
    # two nouns joins them (not a one-character noun: 2号线 + 日均 + 客流量)
    while k + 2 < len(tokens) and tokens[k + 1][2] == PREFIX_TAG and tokens[k + 2][2] in NOUN_TAGS \
            and tokens[k + 2][1] - tokens[k + 2][0] > 1:
        k = _run_after(tokens, k + 2, links)
    # 净 + 营业收入, 每股 + 税后 + 纯益, 海外 + 收入: a measure's prefixes and
    # places stay with it
    while k + 1 < len(tokens) and tokens[k + 1][2] in _MODIFIER_TAGS:
        k += 1
    # 毛利率、营业利润率和 + 净 + 利率: after a prefix, a joining conjunction
    # or 、 and a noun go on with the list, as they do after a noun
    while k + 2 < len(tokens) and tokens[k][2] in _MODIFIER_TAGS and tokens[k + 1][2] in _LIST_LINKS \
            and tokens[k + 2][2] in NOUN_TAGS:
        k = _run_after(tokens, k + 2, links)
        while k + 1 < len(tokens) and tokens[k + 1][2] in _MODIFIER_TAGS:
            k += 1
    return tokens[k][0], near[1]


def _run_after(tokens: list[Token], j: int, links: frozenset[str]) -> int:
    """The index of the last token of the noun run that opens at ``j``."""
    more = _noun_run(tokens[j:], links)
    assert more is not None  # (it opens with a noun)
    return next(k for k in range(j, len(tokens)) if tokens[k][1] == more[1])


def base_of(doc: Document, m: NumberMention, s_start: int) -> Optional[Span]:
    """The words that make figure ``m`` the base of a comparison, between
    较 (比, 相比) and 的 (较去年同期的96.4%, 较上年的4.5亿元): their span, or
    None when the figure is no base."""
    f = doc.folded
    if not f.endswith("的", max(s_start, m.start - 1), m.start):
        return None
    head = f[max(s_start, m.start - _BASE_REACH):m.start - 1]
    k = max(head.rfind(w) for w in vocab.grammar().words("base_opener"))
    if k < 0 or any(c in CLAUSE_STOPS for c in head[k:]):
        return None
    word = next(w for w in vocab.grammar().words("base_opener") if head.startswith(w, k))
    a = m.start - 1 - len(head) + k + len(word)
    return (a, m.start - 1) if a < m.start - 1 else None


def chained_subject(doc: Document, m: NumberMention, s_start: int) -> Optional[Span]:
    """A clause that opens with its verb (…收入首次超过传统业务，达到19.8亿元)
    goes on about the noun phrase that opened the clause before it."""
    starts = doc.clause_starts(s_start)
    c = doc.clause_at(m.start, s_start)
    j = starts.index(c)
    if j == 0:
        return None
    first = doc.forward(c, m.start)
    if first is None or first[2] not in _CHAIN_OPENERS:
        return None
    prev = starts[j - 1]
    run = _opening_nouns(doc, prev, c - 1)
    if run is None:
        return None
    lead = name_at(doc, prev, c - 1, None)
    if lead is not None and lead[0] <= run[0] < lead[1]:
        a = lead[1]  # (恒润精工营收…: the name is whom, not what)
        run = (a, run[1]) if a < run[1] else None
    return run


def apposed_to(doc: Document, m: NumberMention, s_start: int, s_end: int) -> Optional[int]:
    """Where the clause before ends, when figure ``m`` stands alone in its
    clause after a comma: it restates or names the amount of what ended that
    clause (去年营收做到了一个多亿，差不多1.3个亿吧; 刚完成了B轮融资，五千万元)."""
    f = doc.folded
    starts = doc.clause_starts(s_start)
    c = doc.clause_at(m.start, s_start)
    if c == s_start or f[c - 1] not in "，," or f[c:m.start].strip():
        return None
    k = bisect.bisect_right(starts, m.start)
    end = starts[k] - 1 if k < len(starts) else s_end
    tail = f[m.end:end].strip().rstrip("。！？!?；;")
    if tail and tail not in vocab.grammar().set("figure_tail"):
        return None
    return c - 1


def object_before(doc: Document, end: int, s_start: int) -> Optional[Span]:
    """The noun run that ends the clause at ``end`` (刚完成了B轮融资), if it
    ends there."""
    run = left(doc, end, doc.clause_at(end - 1, s_start) if end > s_start else s_start)
    return run if run is not None and run[1] == end and not _is_name(doc, run) else None


def _starts_within(doc: Document, a: int, b: int) -> bool:
    """Whether a figure starts in ``[a, b)``: one binary search."""
    k = bisect.bisect_left(doc.starts, a)
    return k < len(doc.starts) and doc.starts[k] < b


def line_label(doc: Document, m: NumberMention) -> Optional[Span]:
    """The label that opens the figure's line before a colon
    (归属于上市公司股东的净利润：本报告期盈利6,800万元): what the line's
    figures measure when they name nothing else."""
    f = doc.folded
    line = f.rfind("\n", 0, m.start) + 1
    colon = min((k for k in (f.find("：", line, m.start), f.find(":", line, m.start)) if k >= 0), default=-1)
    if colon < 0 or colon - line > _LABEL_LONGEST or any(c in "，,。；;（）()" for c in f[line:colon]) \
            or _starts_within(doc, line, colon):
        return None
    run = left(doc, colon, line)
    # the label is all the line says before its colon (not 迎来了一个里程碑:…)
    return run if run is not None and run[1] == colon and not f[line:run[0]].strip() else None


def figure_joiners() -> frozenset[str]:
    """The words between the figures of a list, and between the parts of a
    subject that 分别 hands figures to (、, 和, 以及)."""
    return vocab.grammar().set("figure_joiner")


@lru_cache(maxsize=1)
def _part_joiner() -> regex.Pattern[str]:
    return regex.compile(vocab.either(vocab.grammar().longest("figure_joiner")))


@lru_cache(maxsize=1)
def _copula_last() -> frozenset[str]:
    """The last characters of the copulas (比亚迪为16%)."""
    return frozenset(w[-1] for w in vocab.grammar().words("copula"))


@lru_cache(maxsize=1)
def _topic() -> regex.Pattern[str]:
    """从会员增长来看, 就营收而言: a topic that the next clauses measure."""
    g = vocab.grammar()
    return regex.compile(rf"(?:{vocab.either(g.longest('topic_open'))})([^，,。；;：:]{{1,15}}?)"
                         rf"(?:{vocab.either(g.longest('topic_close'))})[，,]")


@lru_cache(maxsize=1)
def _share_rest() -> regex.Pattern[str]:
    """After 占 and before a share that is the part's own: 占比达, 占据了,
    占总营收的比重约为, 占百度核心收入的比例升至, 占全国总人口约."""
    g = vocab.grammar()
    after, measure, already, link = (vocab.either(g.longest(n))
                                     for n in ("share_after", "share_measure", "share_already", "share_link"))
    return regex.compile(rf"(?:{after})?(?:[^，,。；;]{{0,12}}的?(?:{measure})?)?(?:{already})?(?:{link})?了?\s*")
