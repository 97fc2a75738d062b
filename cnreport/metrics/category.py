"""The normalised measure of a subject (users, revenue …), from ``lexicon/metrics.tsv``."""
from __future__ import annotations

from typing import Optional

from ..normalize import fold
from .document import Document

__all__ = ["category"]


def category(doc: Document, subject: Optional[str]) -> Optional[str]:
    """The category of the longest alias that ends the subject, else of
    the longest alias inside it."""
    if not subject:
        return None
    key = ("category", subject)
    if key not in doc.memo:
        s = fold(subject).lower()
        aliases = doc.aliases
        ending = next((s[k:] for k in range(len(s)) if s[k:] in aliases), None)
        if ending is not None:
            doc.memo[key] = aliases[ending]
        else:
            inside = _longest_inside(doc, s)
            doc.memo[key] = aliases[inside] if inside is not None else None
    return doc.memo[key]  # type: ignore[return-value]


def _longest_inside(doc: Document, s: str) -> Optional[str]:
    """The longest alias inside ``s``; of equally long ones, the first in
    the table."""
    order = doc.alias_order
    for n in doc.alias_lengths:
        found = [s[k:k + n] for k in range(len(s) - n + 1) if s[k:k + n] in order]
        if found:
            return min(found, key=order.__getitem__)
    return None
