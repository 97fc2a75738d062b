"""A business line as whom a figure is about.

A report's segments are named by a noun phrase and a word that ends a
line of business (``entity_words.tsv``, role ``line``: 业务, 板块, 分部,
事业部): ``储能系统业务收入27亿元``, ``光伏逆变器业务实现收入42亿元``,
``跨境供應鏈服務分部收入``. The line named in the figure's clause, before
it, is whom the figure is about (rule ``line``), as a product or a unit is;
the subject keeps the measure after it (收入, not 储能系统业务收入). A
generic word before the ending makes no line (主营业务收入 is the company's
revenue: role ``not_line``), nor does the ending alone (分业务看). The
later clauses of the sentence that name no one go on about the line
(``carried_line``), 该分部 and 该业务 stand for the line last named
(``referred_line``), and a line's key holds its owner's (``line_key``:
晨岭科技/储能业务), so that two companies' lines never join.
"""
from __future__ import annotations

import bisect
from functools import lru_cache
from typing import Optional

import attrs
import regex

from ..lexicon import loaders
from ..model import Metric, NumberMention
from . import vocab
from .document import NOUN_TAGS, Document
from .entity import EntityReading, anaphor_in
from .subject import Reading, Span

__all__ = ["business_line", "carried_line", "line_key", "named_line", "referred_line"]

_LINE_REACH = 600  # from a line's figure to 该分部 standing for it
_BREAKDOWN_REACH = 1500  # from a lead that breaks figures down to the figures of its paragraph
_LONGEST = 14  # characters of a line's name before its ending (国际跨境供应链服务)
# the rules by which a clause that names no one of its own gets its entity:
# a line named earlier in the sentence is nearer than any of them
_OPEN_RULES = frozenset({None, "sentence", "named", "topic", "section", "document", "speaker", "object"})
# the tags a line's name is made of: nouns, places, Latin words, and the
# verbs and words of the dictionary that name trades (储能, 充电桩, 冰洗)
_PART_TAGS = (NOUN_TAGS | {"v", "a", "b", "l", "x", "ns", "m"}) - {"nt", "nr", "nrt", "nrfg"}


def business_line(doc: Document, m: NumberMention, s_start: int, reading: Reading) -> Reading:
    """``reading`` with the business line that its clause names before the
    figure as its entity, and the subject trimmed to the measure after it."""
    clause = doc.clause_at(m.start, s_start)
    line = _line_before(doc, clause, m.start)
    if line is None:
        return _broken_down(doc, m, s_start, _opening_line(doc, m, s_start, clause, reading))
    a, b = line
    named = reading.entity_span if reading.entity_rule in ("clause", "front", "bracket") else None
    if named is not None and a < named[0] < m.start:
        return reading  # (储能业务的客户晨岭科技采购了3亿元: a name after the line is nearer)
    if named is not None and named[0] <= a < named[1] < b - 1 and not _generic(doc.folded, named[1], b):
        a = named[1]  # 晨岭科技 + 香港业务: the company's name is not the line's
        if _own_words(doc.folded, a, b) == "":
            return reading  # (晨岭科技业务收入: the company's, no line)
        while a < b and doc.folded[a] in "的 ":
            a += 1
    reading = attrs.evolve(reading, entity=doc.text[a:b], entity_span=(a, b), entity_rule="line")
    span = reading.subject_span
    if span is not None and span[0] < b < span[1]:
        # 储能系统业务收入: the line, then its measure
        reading = attrs.evolve(reading, subject=doc.text[b:span[1]], subject_span=(b, span[1]))
    return reading


def _broken_down(doc: Document, m: NumberMention, s_start: int, reading: Reading) -> Reading:
    """``reading`` with the segment that names its measure after a lead that
    breaks the figures down (分板块看，生物类似药收入14.3亿元; 按产品划分，…):
    the words before the measure name the segment, whose the figure is."""
    span = reading.subject_span
    if span is None or (reading.entity is not None and reading.entity_rule in ("clause", "front", "bracket", "line")) \
            or not _after_breakdown(doc, s_start):
        return reading
    a, b = span
    f = doc.folded
    achieved = _achieved_by(doc, a, s_start)
    if achieved is not None:
        # 液态奶 + 实现收入198.4亿元: the segment that achieves the measure
        return attrs.evolve(reading, entity=doc.text[achieved[0]:achieved[1]], entity_span=achieved,
                            entity_rule="line")
    if f[a:b].lower() in doc.aliases:
        return reading  # (地区生产总值, 合同销售金额: one measure)
    k = next((k for k in range(a + 2, b - 1) if f[k:b].lower() in doc.aliases), None)
    if k is not None and any(f[j:k].lower() in doc.aliases for j in range(a, k - 2)):
        return reading  # (股票基金交易额 + 市场份额: a measure's measure, no segment)
    if k is None or f[a:k] in _owners() or doc.lex.roles.get(f[a:k]) == "prefix" \
            or f[a] in vocab.grammar().set("determiner") \
            or doc.period_word_at(a, k) or f[k - 1] == "的":
        return reading
    return attrs.evolve(reading, entity=doc.text[a:k], entity_span=(a, k), entity_rule="line",
                        subject=doc.text[k:b], subject_span=(k, b))


def _achieved_by(doc: Document, a: int, s_start: int) -> Optional[Span]:
    """The words that open the clause before a verb of achieving that stands
    right before the measure at ``a`` (液态奶 + 实现 + 收入): a segment."""
    f = doc.folded
    c = doc.clause_at(a, s_start)
    while c < a and f[c] in " \u3000":
        c += 1
    verb = next((w for w in vocab.grammar().words("achieve_verb") if f.endswith(w, c, a)), None)
    if verb is None:
        return None
    k = a - len(verb)
    words = f[c:k]
    if not 2 <= len(words) <= _LONGEST or any(ch.isdigit() or ch in "，,；;：:" for ch in words) \
            or words in _owners() or doc.period_word_at(c, k) or words in vocab.anaphor_words():
        return None
    return c, k


def _after_breakdown(doc: Document, s_start: int) -> bool:
    """Whether a lead that breaks the figures down by segment (分板块看,
    按产品划分) stands in the paragraph before the sentence at ``s_start``, or
    opens it."""
    key = ("breakdown", s_start)
    if key not in doc.memo:
        f = doc.folded
        para = f.rfind("\n", max(0, s_start - _BREAKDOWN_REACH), s_start) + 1
        end = doc.clause_starts(s_start)[1] if len(doc.clause_starts(s_start)) > 1 else s_start
        found = False
        for hit in _breakdown().finditer(f, max(para, s_start - _BREAKDOWN_REACH), end):
            found = hit.group(1) not in vocab.grammar().set("breakdown_not_segment")
        doc.memo[key] = found
    return bool(doc.memo[key])


def _opening_line(doc: Document, m: NumberMention, s_start: int, clause: int, reading: Reading) -> Reading:
    """``reading`` with the line that opens an earlier clause of the sentence
    that holds no figure (港口及物流业务为集团最大收入来源，上半年收益达…), for a
    figure whose clause names no one: the sentence goes on about the line."""
    if reading.entity is not None and reading.entity_rule in ("clause", "front", "bracket"):
        return reading
    first = bisect.bisect_left(doc.starts, s_start)
    if first < len(doc.starts) and doc.starts[first] < clause:
        return reading  # (a figure before: a line named since is said of it, 营收12亿元，港口业务增长较快)
    starts = doc.clause_starts(s_start)
    j = starts.index(clause)
    for k in range(j - 1, -1, -1):
        a = starts[k]
        while a < clause and doc.folded[a] in " \u3000":
            a += 1
        line = _line_before(doc, a, starts[k + 1])
        if line is not None and line[0] == a:
            return attrs.evolve(reading, entity=doc.text[line[0]:line[1]], entity_span=line, entity_rule="line")
    return reading


def named_line(metric: Metric) -> bool:
    """Whether ``metric``'s entity is a business line named at it."""
    return any(r.field == "entity" and r.rule == "line" for r in metric.why)


def referred_line(doc: Document, m: NumberMention, s_start: int, found: EntityReading,
                  line: Optional[Metric]) -> Optional[EntityReading]:
    """The line that 该分部, 该业务 stand for: the one last named (``line``,
    within a reach), for a figure whose entity an anaphor of a line gave."""
    anaphor = anaphor_in(doc, m, s_start)
    if anaphor is None or anaphor[2] != "line" or found.rule != "anaphora" or line is None \
            or m.start - line.mention.start > _LINE_REACH:
        return None
    return EntityReading(line.entity, line.entity_key, "anaphora", (anaphor[0], anaphor[1]))


def line_key(owner: Optional[str], line: Optional[str]) -> Optional[str]:
    """The key of a line: its owner's and its own (晨岭科技/储能业务), so
    that the lines of two companies never join."""
    return f"{owner}/{line}" if owner is not None and line is not None else line


def carried_line(doc: Document, m: NumberMention, s_start: int, found: EntityReading,
                 last: Optional[Metric]) -> Optional[EntityReading]:
    """The line of the figure before in the sentence (``last``) for a figure
    whose clause names no one of its own: 光伏逆变器业务实现收入42亿元，同比增长9%，
    毛利率31%."""
    reason = next((r for r in last.why if r.field == "entity"), None) if last is not None else None
    if reason is None or reason.rule != "line" or reason.start is None or reason.end is None \
            or found.rule not in _OPEN_RULES:
        return None
    anaphor = anaphor_in(doc, m, s_start)
    if anaphor is not None and anaphor[0] > reason.start:
        return None  # (储能业务收入27亿元，公司整体营收…: the company again)
    assert last is not None
    return EntityReading(last.entity, last.entity_key, "line", (reason.start, reason.end))


def _generic(f: str, a: int, b: int) -> bool:
    """Whether the words from ``a`` to the line's ending at ``b`` name no
    line of their own (冷链物流 + 服务分部: the words before are the line's)."""
    return _own_words(f, a, b) in vocab.entity_set("line_generic")


def _own_words(f: str, a: int, b: int) -> str:
    """The words of a line from ``a`` before its ending at ``b``."""
    ending = next((w for w in vocab.entity_words("line") if f.endswith(w, a, b)), "")
    return f[a:b - len(ending)].strip("的 ")


def _line_before(doc: Document, start: int, end: int) -> Optional[Span]:
    """The last business line named from ``start`` to ``end``: its name read
    back from its ending over the words a trade is named by."""
    f = doc.folded
    found = None
    for hit in _endings().finditer(f, start, end):
        found = hit
    if found is None:
        return None
    a = j = found.start()
    while a > start and j - a < _LONGEST:
        tok = doc.backward(a, start)
        if tok is not None and a - start > 1 and doc.folded[tok[0]:tok[1]] in vocab.grammar().set("line_joiner"):
            before = doc.backward(tok[0], start)
            # (营收及储能业务: a measure, then the line)
            if before is not None and before[2] in _PART_TAGS and doc.folded[before[0]:before[1]] not in doc.aliases:
                a = tok[0]  # 港口及物流业务: two trades in one line
                continue
        if tok is not None and f[tok[0]:tok[1]] in vocab.entity_set("line_part"):
            before = doc.backward(tok[0], start)
            if before is not None and before[2] in _PART_TAGS and f[before[0]:before[1]] not in _owners():
                a = tok[0]  # 零售 + 银行 + 业务: a trade's bank is the line's, not the company
                continue
        if tok is None or tok[2] not in _PART_TAGS or f[tok[0]] in vocab.grammar().set("determiner") \
                or f[tok[0]:tok[1]] in _owners():
            break  # (公司 + 新能源业务: the company the anaphor stands for is not the line's name)
        a = tok[0]
    if j - a < 2 or f[a:j] in vocab.entity_set("not_line") or f.endswith(vocab.entity_words("not_line"), a, j):
        return None  # (分业务看, 主营业务收入, 公司其他业务)
    return a, found.end()


@lru_cache(maxsize=1)
def _breakdown() -> regex.Pattern[str]:
    """A lead of its own clause that breaks figures down: 分 + a dimension +
    看 (分板块看, 分产品来看), 按 + a dimension + 划分 (按业务划分)."""
    g = vocab.grammar()
    return regex.compile(rf"(?<=^|[\n，,。；;：:])\s*(?:{vocab.either(g.words('breakdown_open'))})"
                         rf"([^\n，,。；;：:]{{1,6}}?)(?:{vocab.either(g.longest('breakdown_close'))})\s*[，,：:]")


@lru_cache(maxsize=1)
def _endings() -> regex.Pattern[str]:
    return regex.compile(vocab.either(vocab.entity_words("line")))


@lru_cache(maxsize=1)
def _owners() -> frozenset[str]:
    """The words that stand for a company or a place where a name would
    (公司, 集团, 本公司, 该行, 我们): no part of a line's name."""
    return vocab.entity_set("owner") | frozenset(r.word for r in loaders.anaphora())
