"""Who says what: a report split into sections on its speaker lines.

Conference write-ups and transcripts mark a new speaker with a short line
that names a person: ``劉熾平-騰訊公司總裁``, ``石怡佳（司儀）：``,
``腾讯副总裁林敬华：``, ``林敬华:首先……``, ``问:``, ``以下为林敬华发言实录:``.
A line is read as a speaker line only when its name part is a name (a
surname from ``lexicon/surnames.tsv`` and a short given name, or a label from
``lexicon/speaker_labels.tsv``) and its title part ends in a job title from
``lexicon/titles.tsv``; a bare name with no title must also not be a common
word of jieba's dictionary (高效, 方向). Punctuation alone decides nothing, so
``我們認為:“人-車-店-廠”`` and ``第一個演化:從……`` stay narrative.

Headings (a line between two ``//`` lines, ``【…】``, ``一、…``, ``## …``, a
short line ending in a colon before a turn) set the heading in force; bylines
(``作者X``) are metadata; link lists, doubled title lines and repeated headers
are boilerplate; a paragraph repeated verbatim keeps a pointer to its first
copy (``Section.duplicate_of``).

All matching runs on the folded text (:func:`cnreport.normalize.fold`), so
both scripts and full-width punctuation are read alike, and every offset is
an offset into the caller's string.

The modules of this package: :mod:`~cnreport.speakers.lines` reads what
each line is, :mod:`~cnreport.speakers.names` the names and titles on it,
:mod:`~cnreport.speakers.headings` the headings,
:mod:`~cnreport.speakers.classify` each line in its context, and
:mod:`~cnreport.speakers.sections` joins the lines into sections.
"""
from __future__ import annotations

from .. import model as _model
from .names import same_speaker, speaker_key
from .sections import _segment as _segment
from .sections import segment

__all__ = ["same_speaker", "segment", "speaker_key"]

# Speaker.key reads names with speaker_key; cnreport.model imports no reader.
_model._speaker_key = speaker_key
