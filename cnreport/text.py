"""Sentences and clauses of Chinese text: the marks that end them, one
model for every reader (numbers, speakers, metrics).

A sentence ends at a full stop, an exclamation or a question mark (``。！？!?``)
or at the end of a line; a clause ends where its sentence does or at a comma
or a semicolon (``，,；;``): a semicolon joins the clauses of one sentence.
Colons, list marks (``、``), brackets and quotes end neither, but a reader may
treat them as the edge of a word (see :data:`WORD_EDGES`).

>>> [text for _, _, text in sentences("营收增长15%；利润下降。问：为何？\\n答")]
['营收增长15%；利润下降。', '问：为何？', '答']
>>> [text for _, _, text in clauses("营收增长15%，利润下降；费用持平。")]
['营收增长15%', '利润下降', '费用持平']
"""
from __future__ import annotations

import re

__all__ = ["CLAUSE_BREAKS", "CLAUSE_END", "COLONS", "LIST_MARK", "SENTENCE_END", "SPACES", "WORD_EDGES",
           "clauses", "sentences"]

SPACES = " \u3000\xa0"  # a space, an ideographic space, a no-break space
SENTENCE_END = "。！？!?"
CLAUSE_BREAKS = "，,；;"
CLAUSE_END = SENTENCE_END + CLAUSE_BREAKS + "\n"  # what ends a clause
SEMICOLONS = "；;"
ELLIPSIS = "…"
COLONS = "：:"
LIST_MARK = "、"
CLOSING = ")）」』”\"'"  # closing brackets and quotes
# Characters that stand at the edge of a word: the marks above, the ASCII
# full stop, line ends, tabs and spaces.
WORD_EDGES = frozenset(SENTENCE_END + CLAUSE_BREAKS + COLONS + LIST_MARK + CLOSING + ".\n\r\t" + SPACES)

_SENTENCE = re.compile(f"[^{SENTENCE_END}\n]+[{SENTENCE_END}]*")
_CLAUSE = re.compile(f"[^{re.escape(CLAUSE_END)}]+")


def sentences(text: str) -> list[tuple[int, int, str]]:
    """The sentences of ``text`` as ``(start, end, text)``, each with the
    marks that end it; line ends and empty lines are no sentence."""
    return [(m.start(), m.end(), m.group()) for m in _SENTENCE.finditer(text)]


def clauses(text: str) -> list[tuple[int, int, str]]:
    """The clauses of ``text`` as ``(start, end, text)``, without the marks
    between them."""
    return [(m.start(), m.end(), m.group()) for m in _CLAUSE.finditer(text)]
