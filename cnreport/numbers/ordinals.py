"""Designations (3号码头, 9（南）号码头) and headcounts with 号 (三百多号人)."""
from __future__ import annotations

import regex

from .tables import _words

# 9（南）号码头: a note of one to three characters between a number and 号
_DESIGNATION_NOTE = regex.compile(r"[（(][^（()）\s]{1,3}[）)]号")


def _headcount_hao(f: str, k: int) -> bool:
    return f.startswith("号", k) and f.startswith(_words("headcount_noun"), k + 1)


def _noted_designation(f: str, k: int) -> int:
    """Where 号 is when a short note in brackets stands between the number
    and it (9（南）号码头); -1 otherwise."""
    if f[k:k + 1] not in ("（", "("):
        return -1  # (most often: no bracket, and no pattern to try)
    m = _DESIGNATION_NOTE.match(f, k)
    return m.end() - 1 if m else -1
