"""The figures of a text, each read through the stages into a :class:`Metric`."""
from __future__ import annotations

import bisect
import datetime
from collections.abc import Mapping, Sequence
from typing import Optional

from ..model import Metric, NumberMention, Section
from .category import category
from .change import change as read_change
from .document import METRIC_KINDS, Document
from .period import period, when
from .subject import (FIGURE_JOINERS, in_part_clause, named_alone, opens_with_period, share_without_owner,
                      subject, topic)

__all__ = ["tag"]

_SKIPPED_SECTIONS = frozenset({"boilerplate", "heading", "byline"})


def tag(text: str, folded: str, sections: Sequence[Section], numbers: Sequence[NumberMention], *,
        source: Optional[str], categories: Optional[Mapping[str, str]],
        reference_date: Optional[datetime.date] = None) -> list[Metric]:
    """The metrics among ``numbers`` of ``text`` (whose fold is ``folded``)."""
    doc = Document(text, folded, numbers, categories, reference_date)
    starts = [s.start for s in sections]
    metrics: list[Metric] = []
    last_sentence = -1
    for i, m in enumerate(numbers):
        if m.kind not in METRIC_KINDS or (m.kind == "cardinal" and m.text.endswith("之一")):
            continue
        section = sections[bisect.bisect_right(starts, m.start) - 1] if sections else None
        if section is not None and (section.kind in _SKIPPED_SECTIONS
                                    or section.duplicate_of is not None):
            continue
        s_start, s_end = doc.sentence(m.start)
        org = section.speaker.org if section is not None and section.speaker is not None else None
        subj, entity = subject(doc, m, s_start, s_end, org)
        change = read_change(doc, i, s_start)
        same_sentence = bool(metrics) and last_sentence == s_start
        if subj is None and same_sentence \
                and (change is not None or metrics[-1].change is not None or share_without_owner(doc, m, s_start)
                     or folded[metrics[-1].mention.end:m.start] in FIGURE_JOINERS
                     or (m.kind in ("percent", "fraction") and in_part_clause(doc, m.start, s_start))
                     or opens_with_period(doc, m.start, s_start)):
            # 增速將從2016年的37%下降至19%, 營收同比增長15%至100億元: the
            # figures of one change measure the same thing; so do the
            # figures of a list (份额分别为20%、15%和10%), and a share in a
            # clause of 其中 is of the figure before (1.2万名员工，其中约三分之二…).
            subj = metrics[-1].subject
        if same_sentence and metrics[-1].subject is not None and metrics[-1].mention.kind == m.kind:
            named = named_alone(doc, m, s_start, org)
            if named is not None and (subj is None or subj in named):
                # 宁德时代的市场份额为37%，比亚迪为16%: the figure is 比亚迪's 市场份额
                subj, entity = metrics[-1].subject, named
        if subj is None:
            subj = topic(doc, m.start, s_start)
        last_sentence = s_start
        written = period(doc, i, s_start, s_end, change)
        metrics.append(Metric(
            mention=m, subject=subj, category=category(doc, subj), entity=entity,
            period=written, when=when(doc, written, i), change=change,
            speaker=section.speaker if section else None,
            heading=section.heading if section else None,
            sentence=doc.sentence_text(s_start, s_end), source=source))
    return metrics
