"""The figures of a text, each read through the stages into a :class:`Metric`.

For each figure: its sentence's reading (subject and the name there,
``subject``), the entity over the discourse (``entity``), the change
(``change``), the period (``period``) and the category (``category``). A
figure with no subject of its own goes on with the figure before it in the
same sentence when the two belong together (the ends of one change, the
items of a list, a share of 其中). Each stage says why (``Metric.why``).
"""
from __future__ import annotations

import bisect
import datetime
from collections.abc import Mapping, Sequence
from typing import Optional

import attrs

from ..entities import Entities
from ..model import Change, Metric, NumberMention, Reason, Section
from ..normalize import fold
from . import vocab
from .business import business_line, carried_line, line_key, named_line, referred_line
from .category import category
from .change import change as read_change
from .context import (
    apposed_to,
    asked,
    base_of,
    chained_clause,
    chained_subject,
    in_part_clause,
    item_part,
    line_company,
    line_label,
    named_alone,
    object_before,
    opens_part_clause,
    opens_with_period,
    topic,
)
from .discourse import Discourse
from .document import CLAUSE_STOPS, METRIC_KINDS, Document, basis_before, is_time
from .entity import EntityReading, read_entity
from .frames import deal, holder_stake, holding, restating_words
from .period import ONE_DAY, heading_period, paragraph_time, period, stated_report, when
from .respective import figure_joiners
from .runs import left, opening_nouns
from .share import share_without_owner
from .subject import Reading, subject

__all__ = ["tag"]

_SKIPPED_SECTIONS = frozenset({"boilerplate", "heading", "byline"})
_HEAD_LINES = 3  # the headline, a byline or dateline, the lead paragraph
_HEAD_REACH = 800
_BRACKET_REACH = 8  # from a bracket to the period that opens it
_MARKER_ENDS = frozenset(".、．)）:：")
_LONGEST_LIST = 99
_FROM_TO_LONGEST = 6  # (改善至, 大幅提升至)


_PER_REACH = 10  # from 每10股 to the amount it is per (派发现金红利)
# the entity rules a holder named in the clause is nearer than
_AROUND_HOLDER = frozenset({None, "sentence", "named", "topic", "section", "document", "speaker", "object", "anaphora"})


def tag(text: str, folded: str, sections: Sequence[Section], numbers: Sequence[NumberMention], *,
        source: Optional[str], categories: Optional[Mapping[str, str]],
        reference_date: Optional[datetime.date] = None, entities: Optional[Entities] = None) -> list[Metric]:
    """The metrics among ``numbers`` of ``text`` (whose fold is ``folded``)."""
    doc = Document(text, folded, numbers, categories, reference_date)
    disc = Discourse(doc, list(sections), entities)
    starts = [s.start for s in sections]
    metrics: list[Metric] = []
    head = _head_end(folded)
    reported: Optional[Metric] = None
    results = stated_report(doc, head)
    said = (doc.text[results[0]:results[1]], Reason("period", "document", *results)) if results is not None else None
    line: Optional[Metric] = None  # the last figure of a business line named at it
    for i, m in enumerate(numbers):
        if m.kind not in METRIC_KINDS or _rank_or_label(doc, m):
            continue
        section = sections[bisect.bisect_right(starts, m.start) - 1] if sections else None
        if section is not None and (section.kind in _SKIPPED_SECTIONS
                                    or section.duplicate_of is not None):
            continue
        if _list_marker(folded, m):
            continue  # 1.管理层讨论, （2）营业成本: page furniture, no figure
        if _per_count(doc, i):
            continue  # 每10股派发现金红利3元: how many shares the amount is per, no figure
        stated = _stated(doc, metrics, m.start)
        metrics.append(_metric(doc, disc, i, section, metrics[-1] if metrics else None, stated,
                               reported, said, line, source, entities))
        if named_line(metrics[-1]):
            line = metrics[-1]
        if reported is None and m.start < head:
            reported = _reported(doc, metrics[-1])
    return metrics


def _one_brand(key: str, other: str) -> bool:
    """Whether two keys open with the same two characters of a Chinese name:
    the members of one group (晨溪人寿, 晨溪财险 of 晨溪保险集团)."""
    return len(key) > 2 and len(other) > 2 and key[:2] == other[:2] and all("\u4e00" <= c <= "\u9fff" for c in key[:2])


def _head_end(f: str) -> int:
    """Where the head of a text ends: its first lines that hold words (the
    headline, a byline, the lead paragraph), within a reach."""
    k = lines = 0
    while k < min(len(f), _HEAD_REACH) and lines < _HEAD_LINES:
        nl = f.find("\n", k)
        nl = len(f) if nl < 0 else nl
        lines += bool(f[k:nl].strip())
        k = nl + 1
    return min(k, _HEAD_REACH)


def _reported(doc: Document, metric: Metric) -> Optional[Metric]:
    """``metric`` where, a figure of the head, it states a period that is a
    span of time (华辰科技三季报：前三季度营收…, 2024年，海峡银行实现…):
    the report's own period, which the later figures of the same entity
    that state none anywhere near are of (not an instant's, 截至6月末, nor
    a day's, nor a base's)."""
    r = next((r for r in metric.why if r.field == "period"), None)
    if r is None or r.rule not in ("before", "after") or metric.period is None or _base_period(doc, r) \
            or metric.when is None or metric.when.instant:
        return None
    if metric.when.label is None:
        # a holiday (国庆假期) is a span with no dates the library knows; other
        # times with no label (an event's) are no report's period
        period = fold(metric.period)
        return metric if any(w in period for w in vocab.grammar().words("holiday_word")) else None
    return None if ONE_DAY.search(metric.when.label) is not None else metric  # (5月21日, a meeting's day)


def _report_period(head: Optional[Metric], key: Optional[str], entity: Optional[str]
                   ) -> Optional[tuple[str, Reason]]:
    """The period of the head's figure for a figure keyed ``key``: the same
    entity's, one of its lines' or a place's where it does business (not
    another company's the text goes on to)."""
    if head is None or head.period is None:
        return None
    if key is not None and head.entity_key is not None and key != head.entity_key \
            and not key.startswith(head.entity_key + "/") and not (entity and _a_place(entity)) \
            and not _one_brand(key, head.entity_key):
        return None
    return head.period, next(r for r in head.why if r.field == "period")


def _a_place(name: str) -> bool:
    """Whether ``name`` is a place: a known one, or one by its form (北宁省,
    华北区)."""
    folded = fold(name)
    g = vocab.grammar()
    return folded in vocab.places() or (len(folded) > 2 and (
        folded[-1] in g.set("place_ending") or folded.endswith(g.words("region_ending"))))


def _said_of(disc: Discourse, key: Optional[str], entity: Optional[str], entities: Optional[Entities]) -> bool:
    """Whether the results the head announces (公布…之中期业绩) are of the
    figure keyed ``key``: the text's main entity's, one it names none for,
    or a product or place its report names (社交平台“轻语”), not another
    company's."""
    main = disc.main()
    if key is None or main is None:
        return True
    owner = disc.key(disc.called(main.text), entities)
    if owner is None or key == owner or key.startswith(f"{owner}/"):
        return True
    name = fold(entity or "")
    if name != "" and _a_place(name):
        return True  # (华北区: a region of its business)
    return name != "" and name not in vocab.org_set() and not name.endswith(
        vocab.entity_words("ending") + vocab.name_forms())


def _compared(doc: Document, m: NumberMention, s_start: int, change: Optional[Change]) -> Optional[tuple[int, int]]:
    """The noun run before the 比 or 较 of a difference (热轧价格 + 比上周低了1.2%)."""
    if change is None or change.basis is None or change.text is None or change.start is not None:
        return None
    k = m.end - len(change.text)
    if k < s_start or doc.folded[k:k + 1] not in vocab.grammar().set("basis_mark"):
        return None
    run = left(doc, k, doc.clause_at(m.start, s_start))
    return run if run is not None and run[1] == k else None


def _basis_line(doc: Document, last: Metric, m: NumberMention) -> bool:
    """Whether ``m`` stands on the line after ``last``'s, after only the basis
    of a comparison (同比：+2.1%, 较上年: -6.4%)."""
    f = doc.folded
    line = f.rfind("\n", 0, m.start) + 1
    if line == 0 or f.rfind("\n", 0, line - 1) >= last.mention.start or last.mention.start >= line:
        return False
    head = f[line:m.start].strip().rstrip("+-−－＋").rstrip().rstrip("：:").strip()
    return head in vocab.role_words("basis")


def _rank_or_label(doc: Document, m: NumberMention) -> bool:
    """Whether the count ``m`` ranks (十大品牌之一), names a group (四大银行,
    not after 设有) or a phase (越南二期): none counts anything a reader
    would chart."""
    g = vocab.grammar()
    if m.kind != "cardinal":
        return False
    if m.text.endswith(g.words("one_of")):
        return True
    if m.unit in g.set("phase_unit") and m.qualifier is None and m.start > 0 and not m.text[0].isdigit() \
            and not doc.folded[m.start - 1].isascii() and doc.folded[m.start - 1].isalpha() \
            and doc.folded[m.start - 1] not in g.set("phase_counted"):
        return True  # 越南二期, 三期临床: a phase, not a count (but 分三期支付)
    return m.text.endswith(g.words("group_label")) and not doc.folded.endswith(g.words("group_counted"), 0, m.start)


def _per_count(doc: Document, i: int) -> bool:
    """Whether the count ``i`` follows 每 and an amount (or shares) follows
    it in its clause (每10股派发现金红利3元, 每10股人民币2.65元, 每10股转增4股):
    the units an amount is per, not a figure."""
    m = doc.numbers[i]
    f = doc.folded
    if m.kind != "cardinal" or m.start == 0 or f[m.start - 1] not in vocab.grammar().set("per_mark") \
            or i + 1 >= len(doc.numbers):
        return False
    nxt = doc.numbers[i + 1]
    shares = vocab.grammar().set("share_unit")
    return (nxt.kind == "money" or (nxt.kind == "cardinal" and m.unit in shares and nxt.unit in shares)) \
        and nxt.start - m.end <= _PER_REACH \
        and not any(c in CLAUSE_STOPS for c in f[m.end:nxt.start])


def _list_marker(f: str, m: NumberMention) -> bool:
    """Whether ``m`` numbers a heading or a list item: a bare integer at the
    start of a line (after 第, a bracket or spaces), closed by a point, 、 or a
    bracket, before words (1.管理层讨论, 2、主营业务, （3）营业成本)."""
    if m.kind != "cardinal" or m.unit is not None or not isinstance(m.value, int) or m.value > _LONGEST_LIST:
        return False
    line = f.rfind("\n", 0, m.start) + 1
    if f[line:m.start].strip(" \u3000\t（(" + "".join(vocab.grammar().words("ordinal_mark"))) != "":
        return False
    if f[m.end:m.end + 1] not in _MARKER_ENDS:
        return False
    rest = f[m.end + 1:m.end + 8].lstrip(" \u3000\t")
    return rest[:1] != "" and rest[:1] not in "0123456789\n"


def _stated(doc: Document, metrics: list[Metric], pos: int) -> Optional[tuple[str, Reason]]:
    """The period last stated for a figure of the paragraph at ``pos`` (not a
    base's, nor one it carried), with where it stands. A time before another
    the paragraph stated (2025年营收…。上年为…) was that one's base: the
    paragraph's own time is the other."""
    earlier: Optional[tuple[str, Reason]] = None
    for metric in reversed(metrics):
        if not _same_paragraph(doc, metric.mention.start, pos):
            break
        r = next((r for r in metric.why if r.field == "period"), None)
        if r is not None and r.rule in ("before", "after") and metric.period is not None \
                and not _base_period(doc, r) and not _tied(doc, r, metric) and not _in_bracket(doc, r, pos):
            if doc.folded[r.start:r.end] not in vocab.grammar().set("earlier_period"):
                return metric.period, r
            if earlier is None:
                earlier = (metric.period, r)
    return earlier


def _names(disc: Discourse, span: tuple[int, int]) -> bool:
    """Whether a line's label is a name (恒岳新能源：10月…): whose the line's
    figures are, not what they measure."""
    s_start = disc.doc.sentence(span[0])[0]
    return any(n.start == span[0] and n.end == span[1] for n in disc.names_in(s_start))


def _tied(doc: Document, reason: Reason, metric: Metric) -> bool:
    """Whether a figure's period is tied to it by 的 (由去年底的1.85%): the
    figure's own time, which later figures do not take."""
    return reason.end is not None and doc.folded[reason.end:metric.mention.start] == "的"


def _metric(doc: Document, disc: Discourse, i: int, section: Optional[Section], last: Optional[Metric],
            stated: Optional[tuple[str, Reason]], reported: Optional[Metric],
            said: Optional[tuple[str, Reason]], line: Optional[Metric],
            source: Optional[str],
            entities: Optional[Entities]) -> Metric:
    """Figure ``i`` read through the stages; ``last`` is the metric before it."""
    m = doc.numbers[i]
    s_start, s_end = doc.sentence(m.start)
    org = disc.org_of(section)
    reading = _framed(doc, m, s_start, subject(doc, m, s_start, s_end, org))
    change = read_change(doc, i, s_start)
    same_sentence = last is not None and doc.sentence(last.mention.start)[0] == s_start
    reading = _with_last(doc, m, s_start, reading, change is not None, last if same_sentence else None, org)
    compared = _compared(doc, m, s_start, change) if reading.subject_rule in ("none", "list") else None
    if compared is not None:
        # 热轧价格比上周低了1.2%: what is compared stands before 比
        reading = attrs.evolve(reading, subject=doc.text[compared[0]:compared[1]], subject_span=compared,
                               subject_rule="before")
    if reading.subject is None:
        reading = _apposed(doc, m, s_start, s_end, reading, last if same_sentence else None)
    if reading.subject is None and last is not None and last.subject is not None and _basis_line(doc, last, m):
        # 营业收入：612.8亿元 / 同比：+2.1%: a line of the change of the figure on the line before
        reading = attrs.evolve(reading, subject=last.subject, subject_span=_span_of(last, "subject"),
                               subject_rule="list")
    if reading.subject is None or reading.subject_rule == "before" and _one_word(doc, reading):
        label = line_label(doc, m)
        if label is not None and not (section is not None and section.speaker is not None
                                      and doc.folded.rfind("\n", 0, m.start) < section.start) \
                and not _names(disc, label) \
                and (reading.subject is None or category(doc, doc.text[label[0]:label[1]]) is not None):
            # (岭川特钢：10月产量45万吨: a label that names no measure leaves the clause's own)
            reading = attrs.evolve(reading, subject=doc.text[label[0]:label[1]], subject_span=label,
                                   subject_rule="label")
    if reading.subject is None:
        found = topic(doc, m.start, s_start)
        if found is not None:
            reading = attrs.evolve(reading, subject=found[0], subject_span=found[1], subject_rule="topic")
    if (reading.subject is None or reading.subject_rule == "before" and category(doc, reading.subject) is None) \
            and m.unit is not None and fold(m.unit) in vocab.grammar().set("counted_unit") \
            and doc.text.endswith(m.unit, m.start, m.end):
        # 拥有2.5亿人口, 全国31省市: the unit is what is counted
        reading = attrs.evolve(reading, subject=m.unit, subject_span=(m.end - len(m.unit), m.end), subject_rule="unit")
    if reading.subject is None and section is not None and section.kind == "answer":
        question = disc.question_before(section)
        found = asked(doc, question.start, question.end) if question is not None else None
        if found is not None:
            reading = attrs.evolve(reading, subject=found[0], subject_span=found[1], subject_rule="question")
    reading, ent = _whose(doc, disc, m, s_start, reading, section, entities,
                          last if same_sentence else None, line)
    if same_sentence and last is not None and ent.rule in _AROUND_HOLDER and _held_in_clause(doc, last, m, s_start):
        # 周立新所持35%股权的转让价款为2.31亿元: the price is of the holder's stake
        ent = EntityReading(last.entity, last.entity_key, "holder", _span_of(last, "entity"))
    if ent.rule in (None, "document") and last is not None and _region_said(doc, last, m):
        # 全省实现地区生产总值…。其中，第一产业增加值…: the region the
        # paragraph is about, not a place the text names elsewhere
        ent = EntityReading(last.entity, None, "topic", _span_of(last, "entity"))
    written, period_span, period_rule = period(doc, i, s_start, s_end, change)
    base = base_of(doc, m, s_start)
    if base is not None and (any(doc.mention_at.get(k) is not None and is_time(doc.mention_at[k])
                                 for k in range(base[0], base[1]))
                             or any(doc.period_word_at(k, base[1]) for k in range(base[0], base[1]))):
        # 较去年同期的96.4%: the base's period is the comparison's
        written, period_span, period_rule = doc.text[base[0]:base[1]], base, "base"
    # (the later level before its base, 为9.8亿元，去年同期为6.1亿元, keeps the paragraph's period)
    tied = change is not None and change.end is m and change.start is not None and change.start.start < m.start
    if written is None and not tied:  # (从2019年的140万人减少到44万人: not 2019's)
        report = _report_period(reported, ent.key, ent.entity) \
            or (said if _said_of(disc, ent.key, ent.entity, entities) else None)
        written, period_span, period_rule = _carried_period(doc, m, stated, report)
    cat = category(doc, reading.subject)
    why = [Reason("subject", reading.subject_rule, *(reading.subject_span or (None, None)))]
    if ent.rule is not None:
        why.append(Reason("entity", ent.rule, *(ent.span or (None, None))))
    if period_rule is not None:
        why.append(Reason("period", period_rule, *(period_span or (None, None))))
    return Metric(
        mention=m, subject=reading.subject, category=cat, entity=ent.entity,
        period=written, when=when(doc, written, i, period_span), change=change,
        speaker=section.speaker if section else None,
        heading=section.heading if section else None,
        sentence=doc.sentence_text(s_start, s_end), source=source, entity_key=ent.key, why=tuple(why))


def _whose(doc: Document, disc: Discourse, m: NumberMention, s_start: int, reading: Reading,
           section: Optional[Section], entities: Optional[Entities], last: Optional[Metric],
           line: Optional[Metric]) -> tuple[Reading, EntityReading]:
    """Whom figure ``m`` is about, and its reading with a business line
    taken out of the subject: the clause's and the discourse's entity, a
    line named at it or carried from ``last`` (the figure before in its
    sentence) or ``line`` (the last line named), a company or product that
    heads its line."""
    if reading.entity is not None and section is not None and section.speaker is not None \
            and fold(reading.entity) == fold(section.speaker.name):
        # 吴家豪（财务长）：第三季营收…: the speaker's label names who speaks, not whose figures
        reading = attrs.evolve(reading, entity=None, entity_span=None, entity_rule=None)
    lined = business_line(doc, m, s_start, reading)
    ent = read_entity(doc, disc, m, s_start, lined, section, entities)
    if ent.rule == "line":
        # (储能业务: whose line it is joins its key, not its name)
        owner = read_entity(doc, disc, m, s_start, reading, section, entities)
        apart = owner.span is None or ent.span is None or owner.span[1] <= ent.span[0] or ent.span[1] <= owner.span[0]
        ent = attrs.evolve(ent, key=line_key(owner.key if apart else None, ent.key))
    else:
        ent = carried_line(doc, m, s_start, ent, last) \
            or referred_line(doc, m, s_start, ent, line) or ent
    if ent.rule in (None, "topic", "section", "document", "speaker", "sentence", "named") \
            or (ent.rule == "anaphora" and ent.entity is None):
        labelled = line_company(doc, m)
        part = item_part(doc, m) if labelled is None and reading.subject_rule != "label" else None
        if labelled is not None:
            # 1. 晨山钢铁：10月粗钢产量120万吨: the line is about the company that heads it
            name = doc.text[labelled[0]:labelled[1]]
            ent = EntityReading(name, disc.key(name, entities), "label", labelled)
        elif part is not None and reading.subject is not None and category(doc, doc.text[part[0]:part[1]]) is None:
            # 2. 光学膜：实现收入6.2亿元: the item's product or segment, the company's line
            name = doc.text[part[0]:part[1]]
            ent = EntityReading(name, line_key(ent.key, disc.key(name, entities)), "label", part)
    return lined, ent


def _carried_period(doc: Document, m: NumberMention, stated: Optional[tuple[str, Reason]],
                    reported: Optional[tuple[str, Reason]]
                    ) -> tuple[Optional[str], Optional[tuple[int, int]], Optional[str]]:
    """The period a figure that states none takes from before it: the one
    its paragraph stated last (2023年，公司营收…。其中海外收入…; not a
    base's: 去年同期为…), else its heading's (二、上年同期业绩情况), else
    the report's, stated in the head of the text."""
    quiet = paragraph_time(doc, m)
    if quiet is not None and (stated is None or stated[1].start is None or stated[1].start < quiet[0]):
        return doc.text[quiet[0]:quiet[1]], quiet, "paragraph"
    if stated is not None:
        return stated[0], _reason_span(stated[1]), "paragraph"
    span = heading_period(doc, m.start)
    if span is not None:
        return doc.text[span[0]:span[1]], span, "heading"
    if reported is not None:
        return reported[0], _reason_span(reported[1]), "document"
    return None, None, None


def _reason_span(reason: Reason) -> Optional[tuple[int, int]]:
    return (reason.start, reason.end) if reason.start is not None and reason.end is not None else None


def _framed(doc: Document, m: NumberMention, s_start: int, reading: Reading) -> Reading:
    """The reading with what a deal's or a holding's frame says, where one
    frames the figure (以12亿元收购, 斥资, 持有25%)."""
    c = doc.clause_at(m.start, s_start)
    found = deal(doc, m, c)
    if found is not None and not (reading.subject_span is not None and reading.subject_span[1] == found[0][1]
                                  and reading.subject_span[0] < found[0][0]):
        # (总投资约50亿元: a noun that ends with the verb is the measure)
        span, rule = found
        return attrs.evolve(reading, subject=doc.text[span[0]:span[1]], subject_span=span,
                            subject_rule="frame:" + rule)
    held = holding(doc, m, c, s_start)
    if held is None:
        holders = vocab.grammar().words("shareholder_word")
        stake = holder_stake(doc, m, s_start) if reading.entity_rule == "bracket" and (
            reading.subject is None or fold(reading.subject).endswith(holders)) else None
        if stake is not None:
            # 股东为海澄投资（22.1%）: the share of the stake the sentence is about
            reading = attrs.evolve(reading, subject=doc.text[stake[0]:stake[1]], subject_span=stake,
                                   subject_rule="frame:stake")
        return reading
    stake, holder = held
    if stake is not None:
        reading = attrs.evolve(reading, subject=doc.text[stake[0]:stake[1]], subject_span=stake,
                               subject_rule="frame:stake")
    if holder is not None:
        reading = attrs.evolve(reading, entity=holder[2], entity_span=(holder[0], holder[1]),
                               entity_rule="holder")
    return reading


def _with_last(doc: Document, m: NumberMention, s_start: int, reading: Reading, changes: bool,
               last: Optional[Metric], org: Optional[str]) -> Reading:
    """The reading of a figure that goes on with the figure before it in
    its sentence: its subject, or a name's share of the same measure."""
    if last is not None and _restates(doc, last.mention, m):
        # 斥资98亿美元（75亿欧元）: the same amount in other terms
        return attrs.evolve(reading, subject=last.subject, subject_span=_span_of(last, "subject"),
                            subject_rule="restated", entity=last.entity, entity_span=_span_of(last, "entity"),
                            entity_rule="restated" if last.entity is not None else None)
    if last is not None and last.subject is not None and _comparative(doc, last.mention, m):
        # 现金为1,263.7百万元（2024年12月31日：1,085.2百万元）: the bracket's
        # figure is the same measure at the earlier time
        return attrs.evolve(reading, subject=last.subject, subject_span=_span_of(last, "subject"),
                            subject_rule="base", entity=last.entity, entity_span=_span_of(last, "entity"),
                            entity_rule="restated" if last.entity is not None else None)
    own = reading.subject is not None and category(doc, reading.subject) is not None  # (not 原预测)
    if last is not None and last.subject is not None and not own and _remark_after(doc, last.mention, m):
        # 净利润分别为8.25亿元…（原预测分别为7.92亿元…）: the remark's figures measure the same
        return attrs.evolve(reading, subject=last.subject, subject_span=_span_of(last, "subject"),
                            subject_rule="base")
    base = base_of(doc, m, s_start)
    if base is not None and last is not None and last.subject is not None:
        # 出租率為97.1%，較去年同期的96.4%: the base measures what the figure does
        return attrs.evolve(reading, subject=last.subject, subject_span=_span_of(last, "subject"),
                            subject_rule="base")
    if last is None:
        return _chained(doc, m, s_start, reading)
    if (reading.subject is None or (reading.subject_rule == "after" and m.kind in ("percent", "fraction")
                                    and opens_part_clause(doc, m, s_start))) \
            and (changes or last.change is not None or share_without_owner(doc, m, s_start)
                 or doc.folded[last.mention.end:m.start] in figure_joiners()
                 or _from_to(doc, last.mention, m) or _bounds(doc, last.mention, m)
                 or ((m.kind in ("percent", "fraction") or (m.unit is not None and m.unit == last.mention.unit))
                     and in_part_clause(doc, m.start, s_start))
                 or opens_with_period(doc, m.start, s_start)):
        # 增速將從2016年的37%下降至19%, 營收同比增長15%至100億元: the
        # figures of one change measure the same thing; so do the
        # figures of a list (份额分别为20%、15%和10%), and a share in a
        # clause of 其中 is of the figure before (1.2万名员工，其中约三分之二…),
        # and so is a count of the same unit (分店486间，其中香港318间).
        reading = attrs.evolve(reading, subject=last.subject, subject_span=_span_of(last, "subject"),
                               subject_rule="list")
    if last.subject is not None and last.mention.kind == m.kind:
        named = named_alone(doc, m, s_start, org)
        if named is not None and (reading.subject is None or reading.subject_rule == "list"
                                  or reading.subject in named[2]):
            # 宁德时代的市场份额为37%，比亚迪为16%: the figure is 比亚迪's 市场份额
            reading = attrs.evolve(reading, subject=last.subject, subject_span=_span_of(last, "subject"),
                                   subject_rule="list", entity=named[2], entity_span=(named[0], named[1]),
                                   entity_rule="alone")
    return _chained(doc, m, s_start, reading, last)


def _comparative(doc: Document, before: NumberMention, m: NumberMention) -> bool:
    """Whether ``m`` is the comparative in a bracket right after ``before``,
    after its time and a colon (（2024年：每股港幣6.5仙）, (2024年12月31日: 1,085.2))."""
    f = doc.folded
    k = before.end
    while k < m.start and f[k] == " ":
        k += 1
    if f[k:k + 1] not in ("（", "("):
        return False
    t = doc.mention_at.get(k + 1)
    if t is None or not is_time(t) or f[t.end:t.end + 1] not in ("：", ":"):
        return False
    return not any(c in CLAUSE_STOPS and c not in "：:" for c in f[t.end + 1:m.start]) \
        and not any(j in doc.mention_at for j in range(t.end + 1, m.start))


def _remark_after(doc: Document, before: NumberMention, m: NumberMention) -> bool:
    """Whether ``m`` is the first figure of a bracket opened right after
    ``before`` (8.25亿元（原预测为7.92亿元）), with no clause's end nor
    figure between (times may stand there: （原预测2026E分别为…）)."""
    f = doc.folded
    return f[before.end:before.end + 1] in ("（", "(") \
        and not any(c in CLAUSE_STOPS and c not in "（(" for c in f[before.end + 1:m.start]) \
        and not any(j in doc.mention_at and not is_time(doc.mention_at[j]) for j in range(before.end + 1, m.start))


def _bounds(doc: Document, before: NumberMention, m: NumberMention) -> bool:
    """Whether ``before`` and ``m`` are the two bounds of one amount
    (不低于1亿元（含）且不超过2亿元（含）): both qualified, of one unit, with
    only 且 and the remarks on what is included between them."""
    if before.qualifier is None or m.qualifier is None or before.unit != m.unit:
        return False
    between = doc.folded[before.end:m.start]
    for remark in vocab.grammar().words("bound_remark"):
        between = between.replace(remark, "")
    return between.strip() in vocab.grammar().set("bound_joiner")


def _from_to(doc: Document, before: NumberMention, m: NumberMention) -> bool:
    """Whether ``m`` is where a change that ``before`` starts from ends
    (由去年的30.2%改善至31.4%): a verb and 至 or 到 alone between them."""
    between = doc.folded[before.end:m.start].strip()
    return 0 < len(between) <= _FROM_TO_LONGEST and between.endswith(vocab.grammar().words("change_to")) \
        and not any(c in CLAUSE_STOPS for c in between)


def _apposed(doc: Document, m: NumberMention, s_start: int, s_end: int, reading: Reading,
             last: Optional[Metric]) -> Reading:
    """A figure alone in its clause after a comma measures what ended the
    clause before: the figure there (做到了一个多亿，差不多1.3个亿吧), or
    the noun there (刚完成了B轮融资，五千万元)."""
    end = apposed_to(doc, m, s_start, s_end)
    if end is None:
        return reading
    if last is not None and doc.folded[last.mention.end:end].strip() == "":
        if last.subject is None:
            return reading
        return attrs.evolve(reading, subject=last.subject, subject_span=_span_of(last, "subject"),
                            subject_rule="apposition")
    run = object_before(doc, end, s_start)
    if run is None:
        return reading
    return attrs.evolve(reading, subject=doc.text[run[0]:run[1]], subject_span=run, subject_rule="apposition")


def _chained(doc: Document, m: NumberMention, s_start: int, reading: Reading,
             last: Optional[Metric] = None) -> Reading:
    """…收入首次超过传统业务，达到19.8亿元: a clause that opens with its verb
    goes on about what opened the clause before it, or, where that clause
    opens with its verb too, about what its figure measures (对A的补贴，
    占其净利的9.5%，估计为3200万元)."""
    if reading.subject is not None:
        return reading
    chained = chained_subject(doc, m, s_start)
    if chained is None:
        prev = chained_clause(doc, m, s_start)
        if prev is None or last is None or last.subject is None \
                or doc.clause_at(last.mention.start, s_start) != prev or opening_nouns(doc, prev, last.mention.start):
            return reading
        return attrs.evolve(reading, subject=last.subject, subject_span=_span_of(last, "subject"),
                            subject_rule="chain")
    return attrs.evolve(reading, subject=doc.text[chained[0]:chained[1]], subject_span=chained,
                        subject_rule="chain")


def _restates(doc: Document, before: NumberMention, m: NumberMention) -> bool:
    """Whether ``m`` stands in brackets right after ``before``, of the same
    kind: the same figure in another currency or unit (98亿美元（75亿欧元）,
    4100万美元（约台币12.6亿）, 2,800亿越南盾（时值约1.2亿美元）)."""
    between = doc.folded[before.end:m.start].strip()
    return before.kind == m.kind and between[:1] in ("(", "（") and between[1:].strip() in restating_words()


def _one_word(doc: Document, reading: Reading) -> bool:
    """Whether a subject is one word (盈利, 亏损, 金额): under a line's label
    (归属于上市公司股东的净利润：本报告期盈利…), the label says what it measures."""
    span = reading.subject_span
    if span is None:
        return False
    tok = doc.forward(span[0], span[1])
    return tok is not None and tok[1] == span[1]


def _held_in_clause(doc: Document, last: Metric, m: NumberMention, s_start: int) -> bool:
    """Whether ``last`` is a stake whose holder opens the clause of ``m`` too."""
    return any(r.field == "entity" and r.rule == "holder" for r in last.why) \
        and doc.clause_at(last.mention.start, s_start) == doc.clause_at(m.start, s_start)


def _region_said(doc: Document, last: Metric, m: NumberMention) -> bool:
    """Whether ``last``, of the paragraph of ``m``, is about a region said
    but not named (全省, 全市: an anaphor that stands for no place of the text)."""
    return last.entity is not None and last.entity_key is None and _same_paragraph(doc, last.mention.start, m.start) \
        and any(r.field == "entity" and r.rule in ("anaphora", "topic") for r in last.why)


def _same_paragraph(doc: Document, a: int, b: int) -> bool:
    return "\n" not in doc.folded[a:b]


def _in_bracket(doc: Document, reason: Reason, pos: int) -> bool:
    """Whether a period stands in a bracket closed before ``pos`` (a
    comparative's: 中期股息8.0仙（2024年：6.5仙），派息比率…)."""
    if reason.start is None or reason.end is None:
        return False
    f = doc.folded
    lo = max(0, reason.start - _BRACKET_REACH)
    opened = max(f.rfind("（", lo, reason.start), f.rfind("(", lo, reason.start))
    if opened < 0 or any(f[j] in "）)\n" for j in range(opened, reason.start)):
        return False
    return any(f[j] in "）)" for j in range(reason.end, pos))


def _base_period(doc: Document, reason: Reason) -> bool:
    """Whether a period is a comparison's base (去年同期, 上年末 after 较)."""
    if reason.start is None or reason.end is None:
        return False
    text = doc.folded[reason.start:reason.end]
    return text.endswith(vocab.grammar().words("same_period")) or basis_before(doc.folded, reason.start)


def _span_of(metric: Metric, field: str) -> Optional[tuple[int, int]]:
    """Where a field of an earlier metric was read from."""
    r = next((r for r in metric.why if r.field == field), None)
    if r is None or r.start is None or r.end is None:
        return None
    return r.start, r.end
