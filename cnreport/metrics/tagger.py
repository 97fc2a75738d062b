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
from ..model import Metric, NumberMention, Reason, Section
from .category import category
from .change import change as read_change
from .discourse import Discourse
from .document import METRIC_KINDS, Document
from .entity import read_entity
from .period import period, when
from .subject import (FIGURE_JOINERS, Reading, in_part_clause, named_alone, opens_with_period,
                      share_without_owner, subject, topic)

__all__ = ["tag"]

_SKIPPED_SECTIONS = frozenset({"boilerplate", "heading", "byline"})


def tag(text: str, folded: str, sections: Sequence[Section], numbers: Sequence[NumberMention], *,
        source: Optional[str], categories: Optional[Mapping[str, str]],
        reference_date: Optional[datetime.date] = None, entities: Optional[Entities] = None) -> list[Metric]:
    """The metrics among ``numbers`` of ``text`` (whose fold is ``folded``)."""
    doc = Document(text, folded, numbers, categories, reference_date)
    disc = Discourse(doc, list(sections), entities)
    starts = [s.start for s in sections]
    metrics: list[Metric] = []
    for i, m in enumerate(numbers):
        if m.kind not in METRIC_KINDS or (m.kind == "cardinal" and m.text.endswith("之一")):
            continue
        section = sections[bisect.bisect_right(starts, m.start) - 1] if sections else None
        if section is not None and (section.kind in _SKIPPED_SECTIONS
                                    or section.duplicate_of is not None):
            continue
        metrics.append(_metric(doc, disc, i, section, metrics[-1] if metrics else None, source, entities))
    return metrics


def _metric(doc: Document, disc: Discourse, i: int, section: Optional[Section], last: Optional[Metric],
            source: Optional[str], entities: Optional[Entities]) -> Metric:
    """Figure ``i`` read through the stages; ``last`` is the metric before it."""
    m = doc.numbers[i]
    s_start, s_end = doc.sentence(m.start)
    org = section.speaker.org if section is not None and section.speaker is not None else None
    reading = subject(doc, m, s_start, s_end, org)
    change = read_change(doc, i, s_start)
    same_sentence = last is not None and doc.sentence(last.mention.start)[0] == s_start
    reading = _with_last(doc, m, s_start, reading, change is not None, last if same_sentence else None, org)
    if reading.subject is None:
        found = topic(doc, m.start, s_start)
        if found is not None:
            reading = attrs.evolve(reading, subject=found[0], subject_span=found[1], subject_rule="topic")
    ent = read_entity(doc, disc, m, s_start, reading, section, entities)
    written, period_span, period_rule = period(doc, i, s_start, s_end, change)
    cat = category(doc, reading.subject)
    why = [Reason("subject", reading.subject_rule, *(reading.subject_span or (None, None)))]
    if ent.rule is not None:
        why.append(Reason("entity", ent.rule, *(ent.span or (None, None))))
    if period_rule is not None:
        why.append(Reason("period", period_rule, *(period_span or (None, None))))
    return Metric(
        mention=m, subject=reading.subject, category=cat, entity=ent.entity,
        period=written, when=when(doc, written, i), change=change,
        speaker=section.speaker if section else None,
        heading=section.heading if section else None,
        sentence=doc.sentence_text(s_start, s_end), source=source, entity_key=ent.key, why=tuple(why))


def _with_last(doc: Document, m: NumberMention, s_start: int, reading: Reading, changes: bool,
               last: Optional[Metric], org: Optional[str]) -> Reading:
    """The reading of a figure that goes on with the figure before it in
    its sentence: its subject, or a name's share of the same measure."""
    if last is None:
        return reading
    if reading.subject is None \
            and (changes or last.change is not None or share_without_owner(doc, m, s_start)
                 or doc.folded[last.mention.end:m.start] in FIGURE_JOINERS
                 or (m.kind in ("percent", "fraction") and in_part_clause(doc, m.start, s_start))
                 or opens_with_period(doc, m.start, s_start)):
        # 增速將從2016年的37%下降至19%, 營收同比增長15%至100億元: the
        # figures of one change measure the same thing; so do the
        # figures of a list (份额分别为20%、15%和10%), and a share in a
        # clause of 其中 is of the figure before (1.2万名员工，其中约三分之二…).
        reading = attrs.evolve(reading, subject=last.subject, subject_span=_span_of(last, "subject"),
                               subject_rule="list")
    if last.subject is not None and last.mention.kind == m.kind:
        named = named_alone(doc, m, s_start, org)
        if named is not None and (reading.subject is None or reading.subject in named[2]):
            # 宁德时代的市场份额为37%，比亚迪为16%: the figure is 比亚迪's 市场份额
            reading = attrs.evolve(reading, subject=last.subject, subject_span=_span_of(last, "subject"),
                                   subject_rule="list", entity=named[2], entity_span=(named[0], named[1]),
                                   entity_rule="alone")
    return reading


def _span_of(metric: Metric, field: str) -> Optional[tuple[int, int]]:
    """Where a field of an earlier metric was read from."""
    r = next((r for r in metric.why if r.field == field), None)
    if r is None or r.start is None or r.end is None:
        return None
    return r.start, r.end
