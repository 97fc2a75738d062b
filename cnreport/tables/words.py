"""The words of table headers, row labels and cells
(``lexicon/table_words.tsv``) as alternations for the tables' regular
expressions; the grammar around them stays with the module that reads it.
"""
from __future__ import annotations

import regex

from ..lexicon.loaders import TableWordRole, table_words

__all__ = ["either"]


def either(role: TableWordRole, whole_latin: bool = False) -> str:
    """The words with ``role`` as one alternation, longest first (so that
    a word is not cut short by a shorter one it starts with); with
    ``whole_latin``, a Latin word matches only as a whole word.

    >>> either("basis")
    '上年同期|上年度末|上年末|上期末|上年|上期|年初|期初'
    >>> either("per_share", whole_latin=True)
    '\\\\bper\\\\ share\\\\b|每股'
    """
    out = []
    for w in sorted(table_words(role), key=len, reverse=True):
        word = regex.escape(w)
        out.append(rf"\b{word}\b" if whole_latin and w[0].isascii() and w[0].isalpha() else word)
    return "|".join(out)
