"""What the clauses around a figure say it measures when its own clause
names nothing: a topic before it (从会员增长来看), the label of its line, the
clause before that a verb goes on from, the noun a lone figure restates, the
name a link verb gives it (比亚迪为16%), and the base of a comparison.
"""
from __future__ import annotations

import bisect
from functools import lru_cache
from typing import Optional

import regex

from ..model import NumberMention
from . import vocab
from .document import CLAUSE_STOPS, NOUN_TAGS, Document
from .names import Name, name_at
from .runs import Span, is_name, left, opening_nouns
from .speaking import company_words

__all__ = [
    "apposed_to",
    "base_of",
    "chained_clause",
    "chained_subject",
    "in_part_clause",
    "item_part",
    "line_company",
    "line_label",
    "named_alone",
    "object_before",
    "opens_with_period",
    "topic",
]


# 从会员增长来看, 就营收而言: a topic that the next clauses measure
_TOPIC_REACH = 24
_BASE_REACH = 12
_CHAIN_OPENERS = frozenset({"v", "d", "p"})  # a clause that opens with its verb: 达到19.8亿元
_LABEL_LONGEST = 30


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
    span = left(doc, found.end("t"), found.start("t"))
    return (doc.text[span[0]:span[1]], span) if span is not None else None


def asked(doc: Document, a: int, b: int) -> Optional[tuple[str, Span]]:
    """问：贵公司今年的毛利率是多少？ 答：我们预计在30%左右: the measure
    the question from ``a`` to ``b`` asks for, which its answer's figures
    measure when they name none."""
    g = vocab.grammar()
    k = vocab.find_any(doc.folded, g.words("question_word"), a, b)
    span = left(doc, k, a) if k > a else None
    if span is None:
        return None
    start, end = span
    tail = next((w for w in g.longest("question_tail") if doc.folded.endswith(w, start, end)), "")
    if end - len(tail) <= start:
        return None
    return doc.text[start:end - len(tail)], (start, end - len(tail))


def named_alone(doc: Document, m: NumberMention, s_start: int, org: Optional[str]) -> Optional[Name]:
    """The name that is all the clause says before the figure but a link
    verb (…，比亚迪为16%, 而保利发展则为3313亿元): the figure is that
    name's, of the measure before."""
    f = doc.folded
    if f[m.start - 1:m.start] not in _copula_last() and f[m.start - 1:m.start] not in _change_last():
        return None  # (the items of a list after 分别: no look-ups)
    c = doc.clause_at(m.start, s_start)
    while c < m.start and (f[c] in " \u3000" or f[c] in vocab.grammar().set("contrast")):
        c += 1
    name = name_at(doc, c, m.start, org) or _place_at(doc, c, m.start)
    if name is None or name[0] != c:
        return None
    rest = f[name[1]:m.start].strip()
    if rest[:1] in vocab.grammar().set("contrast"):
        rest = rest[1:]
    if rest in vocab.grammar().set("copula") or doc.lex.roles.get(rest) in ("up", "down"):
        return name  # (…，河内增长6.9%: the name, then a verb of change)
    return None


def opens_with_period(doc: Document, pos: int, s_start: int) -> bool:
    """Whether the clause around ``pos`` opens with a period word: with
    no subject of its own, it goes on with the measure before
    (…，去年同期为9.24亿元); so does one that opens with a time word
    that names no period (…，首度突破3万美元)."""
    f = doc.folded
    c = doc.clause_at(pos, s_start)
    while c < pos and f[c] in " \u3000":
        c += 1
    return doc.period_word_at(c, pos, when=True) > 0


def in_part_clause(doc: Document, pos: int, s_start: int) -> bool:
    """Whether the clause around ``pos`` opens with 其中 (of which)."""
    c = doc.clause_at(pos, s_start)
    part = vocab.grammar().words("of_which")
    return doc.folded.startswith(part, c) or doc.folded.startswith(part, c + 1)


def opens_part_clause(doc: Document, m: NumberMention, s_start: int) -> bool:
    """Whether the figure ``m`` stands right after the 其中 that opens its
    clause (其中约60%投向海外): a part of the figure before, which the words
    after it use rather than name, unless 的 ties a noun to it (其中60%的收入)."""
    f = doc.folded
    c = doc.clause_at(m.start, s_start)
    c += f[c] in "，,；;：: "
    part = next((w for w in vocab.grammar().words("of_which") if f.startswith(w, c)), None)
    return part is not None and f[c + len(part):m.start].strip(" ，,") == "" and f[m.end:m.end + 1] != "的"


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
    at = m.start - 1 - len(head) + k
    tok = doc.forward(at, m.start)
    if tok is not None and tok[1] - tok[0] > len(word) and not doc.folded.startswith(word, tok[1] - len(word), tok[1]):
        return None  # (比 of 比率由去年底的1.85%: a word, not a comparison)
    a = at + len(word)
    return (a, m.start - 1) if a < m.start - 1 else None


def chained_clause(doc: Document, m: NumberMention, s_start: int) -> Optional[int]:
    """Where the clause before begins, when figure ``m``'s clause opens with
    its verb (达到19.8亿元): the clause it goes on from."""
    starts = doc.clause_starts(s_start)
    c = doc.clause_at(m.start, s_start)
    j = starts.index(c)
    if j == 0:
        return None
    first = doc.forward(c, m.start)
    if first is None or first[2] not in _CHAIN_OPENERS:
        return None
    return starts[j - 1]


def chained_subject(doc: Document, m: NumberMention, s_start: int) -> Optional[Span]:
    """A clause that opens with its verb (…收入首次超过传统业务，达到19.8亿元)
    goes on about the noun phrase that opened the clause before it."""
    prev = chained_clause(doc, m, s_start)
    if prev is None:
        return None
    c = doc.clause_at(m.start, s_start)
    run = opening_nouns(doc, prev, c - 1)
    if run is None:
        return None
    lead = name_at(doc, prev, c - 1, None)
    if lead is not None and lead[0] <= run[0] < lead[1]:
        a = lead[1]  # (恒润精工营收…: the name is whom, not what)
        run = (a, run[1]) if a < run[1] else None
    if run is None:
        return None
    frame = next((w for w in vocab.grammar().words("topic_end") if doc.folded.endswith(w, *run)), "")
    if frame:
        run = (run[0], run[1] - len(frame)) if run[1] - len(frame) > run[0] else None  # (盈利方面，本季…)
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
    return run if run is not None and run[1] == end and not is_name(doc, run) else None


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
    item = _ITEM_MARK.match(f, line, m.start)
    if item is not None:
        line = item.end()  # （一）, 2., ①: the item's mark opens no label
    colon = min((k for k in (f.find("：", line, m.start), f.find(":", line, m.start)) if k >= 0), default=-1)
    if colon < 0 or colon - line > _LABEL_LONGEST or any(c in "，,。；;（）()" for c in f[line:colon]) \
            or _starts_within(doc, line, colon):
        return None
    run = left(doc, colon, line)
    if run is None or run[1] != colon:
        return None
    lex = doc.lex
    if any(f.endswith(w, run[0], colon) for w in (*lex.announces, *lex.sources)) \
            or f[run[0]:colon] in vocab.grammar().set("not_label") or company_words(doc, run[0], colon):
        # 岚海科技发布公告：…, 岚海证券：…: who says what follows, not what it
        # measures; 事件：, 点评：: a part of a note, which measures nothing
        return None
    # the label is all the line says before its colon (not 迎来了一个里程碑:…),
    # with what 的 ties to its noun (归属于上市公司股东的净利润)
    before = f[line:run[0]]
    if not before.strip():
        return run
    start = line + len(before) - len(before.lstrip())
    if before.endswith("的") or all(t[2] in _LABEL_TAGS for t in doc.tokens(start, colon)):
        # (每股发行价格：: a label of words alone, though the dictionary reads a verb among them)
        return start, colon
    # (发行市盈率：: what a short line's label ends with is a measure's name)
    return run if f[run[0]:colon].lower() in doc.aliases and colon - line <= _SHORT_LABEL else None


_LABEL_TAGS = NOUN_TAGS | {"v", "pre", "b", "a", "l"}
_SHORT_LABEL = 10


def line_company(doc: Document, m: NumberMention) -> Optional[Span]:
    """The company whose name opens the figure's line before a colon (1.
    晨山钢铁：10月粗钢产量120万吨): whom the line's figures are about."""
    f = doc.folded
    line = f.rfind("\n", 0, m.start) + 1
    item = _ITEM_MARK.match(f, line, m.start)
    if item is not None:
        line = item.end()
    colon = min((k for k in (f.find("：", line, m.start), f.find(":", line, m.start)) if k >= 0), default=-1)
    if colon < 0 or colon - line > _LABEL_LONGEST or _starts_within(doc, line, colon):
        return None
    start = line + len(f[line:colon]) - len(f[line:colon].lstrip())
    if f.endswith((*vocab.entity_words("publisher"), *vocab.entity_words("analyst")), start, colon):
        return None  # (某某协会：10月…, 某某证券：维持…: who reports, not whom)
    return (start, colon) if company_words(doc, start, colon) else None


def item_part(doc: Document, m: NumberMention) -> Optional[Span]:
    """The product, segment or region that labels an item of a numbered
    list before a colon (2. 光学膜：实现收入6.2亿元): short, with no figure."""
    f = doc.folded
    line = f.rfind("\n", 0, m.start) + 1
    item = _ITEM_MARK.match(f, line, m.start)
    if item is None:
        return None
    a = item.end()
    colon = min((k for k in (f.find("：", a, m.start), f.find(":", a, m.start)) if k >= 0), default=-1)
    if colon - a < 2 or colon - a > _PART_LONGEST or any(c in CLAUSE_STOPS for c in f[a:colon]) \
            or _starts_within(doc, a, colon):
        return None
    return a, colon


_PART_LONGEST = 10


# The mark of an item of a numbered list at the start of a line: （一）, (1), 一、, 2., ①
_ITEM_MARK = regex.compile(r"[ \t\u3000]*(?:[（(](?:[一二三四五六七八九十]{1,3}|[0-9]{1,2})[）)]"
                           r"|(?:[一二三四五六七八九十]{1,3}|[0-9]{1,2})[、.](?![0-9])|[①-⑳])[ \t\u3000]*")


@lru_cache(maxsize=1)
def _place_at(doc: Document, c: int, end: int) -> Optional[Name]:
    """A place of ``places.tsv`` that opens the clause at ``c`` (河内, which
    the dictionary tags a locative)."""
    f = doc.folded
    place = max((p for p in vocab.places() if f.startswith(p, c, end)), key=len, default=None)
    return (c, c + len(place), doc.text[c:c + len(place)]) if place is not None else None


@lru_cache(maxsize=1)
def _change_last() -> frozenset[str]:
    """The last characters of the verbs of change (增长, 下降)."""
    return frozenset(w[-1] for w, role in vocab.lexicon().roles.items() if role in ("up", "down"))


def _copula_last() -> frozenset[str]:
    """The last characters of the copulas (比亚迪为16%)."""
    return frozenset(w[-1] for w in vocab.grammar().words("copula"))


@lru_cache(maxsize=1)
def _topic() -> regex.Pattern[str]:
    """从会员增长来看, 就营收而言, 分业务看, 单量方面: a topic that the
    next clauses measure."""
    g = vocab.grammar()
    topic = r"[^，,。；;：:\n]{1,15}?"
    return regex.compile(rf"(?:(?:{vocab.either(g.longest('topic_open'))})(?P<t>{topic})"
                         rf"(?:{vocab.either(g.longest('topic_close'))})"
                         rf"|(?P<t>{topic})(?:{vocab.either(g.longest('topic_end'))}))[，,]")
