"""Organisations at the front of a subject or named before a figure:
``騰訊全網服務器總量`` → 騰訊 and 服務器總量, ``中國網民`` → 中國."""
from __future__ import annotations

from typing import Optional

from . import vocab
from .document import Document, Name

__all__ = ["entity_before", "split_front"]


def split_front(doc: Document, a: int, b: int) -> tuple[int, Optional[str]]:
    """Split an organisation and scope words off the front of a subject; the
    organisation (or a place among the scope words) is the entity."""
    f = doc.folded
    entity = None
    org = _org_at(f, a, b)
    if org is not None and org < b:
        entity = doc.text[a:org]
        a = org
    changed = True
    while changed:
        changed = False
        for word in doc.lex.front_from.get(f[a], ()):
            if f.startswith(word, a) and a + len(word) < b and f[a:b] not in doc.aliases \
                    and not f.startswith(vocab.grammar().words("place_part"), a + len(word)):
                if entity is None and word in vocab.places():
                    entity = doc.text[a:a + len(word)]  # 中国网民: the place is whom the figure is about
                a += len(word)  # 全网服务器总量, 公司研发人员
                changed = True
    return a, entity


def entity_before(doc: Document, pos: int, s_start: int) -> Optional[Name]:
    """The organisation named last before ``pos`` in the sentence (the
    longest one where several start at the same place)."""
    for k, end in doc.orgs_in(s_start):
        if end <= pos and doc.folded[k:end] not in vocab.venues():  # (在深交所上市: where, not whom)
            end = _extend_brand(doc.folded, end, pos)
            return k, end, doc.text[k:end]
    return None


def _org_at(f: str, a: int, b: int) -> Optional[int]:
    for org in vocab.lexicon().orgs_from.get(f[a:a + 1], ()):
        if f.startswith(org, a) and a + len(org) < b:
            return _extend_brand(f, a + len(org), b - 1)
    return None


def _extend_brand(f: str, end: int, limit: int) -> int:
    for word in vocab.role_words("brand"):
        if f.startswith(word, end) and end + len(word) <= limit:
            return end + len(word)
    return end
