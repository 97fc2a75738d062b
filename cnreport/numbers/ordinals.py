"""Designations (3号码头, 9（南）号码头) and headcounts with 号 (三百多号人)."""
from __future__ import annotations

import regex

# 9（南）号码头: a note of one to three characters between a number and 号
_DESIGNATION_NOTE = regex.compile(r"[（(][^（()）\s]{1,3}[）)]号")
# What 号 counts in a headcount (三百多号人, 两千多号员工) rather than naming
# the Nth of a series (3号码头).
_HEADCOUNT_NOUNS = ("人", "员工", "工人", "职工", "兄弟")


def _headcount_hao(f: str, k: int) -> bool:
    return f.startswith("号", k) and f.startswith(_HEADCOUNT_NOUNS, k + 1)


def _noted_designation(f: str, k: int) -> int:
    """Where 号 is when a short note in brackets stands between the number
    and it (9（南）号码头); -1 otherwise."""
    m = _DESIGNATION_NOTE.match(f, k)
    return m.end() - 1 if m else -1
