"""What each figure measures: subject, category, entity, period and change.

``tag_metrics`` reads the figures that ``find_numbers`` found and the
sections that ``segment`` made, and ties each quantity (cardinal, money,
percent, fraction, multiple) to its context:

- ``subject``: the noun phrase it counts or measures. A figure followed by a
  noun counts that noun (``19家合作伙伴`` → 合作伙伴); otherwise the subject
  is the noun phrase before it, past the verbs and adverbs in between
  (``騰訊全網服務器總量已經超過100萬臺`` → 服務器總量). The entity and scope
  words at its front (騰訊, 全網) are split off.
- ``entity``: the organisation the figure is about, when the sentence names one.
- ``period``: the time expression in scope (``截至2019年3月底``, ``過去一年``).
- ``change``: a movement (``從4300萬增長到8200萬``, ``同比增長15%``).
- ``category``: a normalised measure (users, revenue, …) from
  ``lexicon/metrics.tsv``.

The stages, each a module of this package: ``document`` (sentences,
clauses and the word reader over one text), ``names`` (who a clause
names), ``subject`` (with ``runs``, ``respective``, ``share`` and
``context``), ``period``, ``change``, ``category``, and ``tagger``,
which reads each figure through them.
Years, dates, durations and ordinals are context, not metrics; figures in
boilerplate, headings and repeated paragraphs are not metrics either.
"""
from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import Optional

from ..entities import Entities
from ..model import Metric, NumberMention, Section
from ..normalize import fold
from .document import METRIC_KINDS
from .tagger import tag as _tag

__all__ = ["METRIC_KINDS", "tag_metrics"]


def tag_metrics(text: str, sections: Sequence[Section], numbers: Sequence[NumberMention], *,
                source: Optional[str] = None,
                categories: Optional[Mapping[str, str]] = None) -> list[Metric]:
    """The metrics among ``numbers``, each with its context.

    ``sections`` and ``numbers`` are the results of ``segment(text)`` and
    ``find_numbers(text)``; ``categories`` adds aliases (``{"日活": "users"}``)
    to the built-in table. Most callers want :func:`cnreport.parse`, which
    runs all three.

    >>> from cnreport import find_numbers, segment
    >>> t = "騰訊全網服務器總量已經超過100萬臺"
    >>> m = tag_metrics(t, segment(t), find_numbers(t))[0]
    >>> (m.subject, m.entity, m.mention.value, m.mention.unit, m.category)
    ('服務器總量', '騰訊', 1000000, '臺', 'infrastructure')
    """
    if not isinstance(text, str):
        raise TypeError(f"tag_metrics() takes a str, not {type(text).__name__}")
    return _tag_metrics(text, fold(text), sections, numbers, source=source, categories=categories)


def _tag_metrics(text: str, folded: str, sections: Sequence[Section], numbers: Sequence[NumberMention], *,
                 source: Optional[str], categories: Optional[Mapping[str, str]],
                 reference_date: Optional[datetime.date] = None,
                 entities: Optional[Entities] = None) -> list[Metric]:
    """:func:`tag_metrics` of ``text`` whose fold is ``folded``."""
    return _tag(text, folded, sections, numbers, source=source, categories=categories,
                reference_date=reference_date, entities=entities)
