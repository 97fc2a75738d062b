"""A record of which precision rule kept or dropped each expression, kept
only while :func:`cnreport.numbers.decisions` asks for it (the finder
checks one context variable per decision otherwise)."""
from __future__ import annotations

from contextvars import ContextVar
from typing import Optional

# (start, end, rule name, kept) of each decision, in the order taken
_RECORD: ContextVar[Optional[list[tuple[int, int, str, bool]]]] = ContextVar("_RECORD", default=None)


def _note(start: int, end: int, rule: str, kept: bool) -> None:
    record = _RECORD.get()
    if record is not None:
        record.append((start, end, rule, kept))
