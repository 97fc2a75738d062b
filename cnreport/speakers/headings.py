"""Headings: a line between two // lines, 【…】, 一、…, ## …, a short line ending
in a colon before a turn, and headers repeated on every page.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

import regex

from ..lexicon import loaders
from .lines import _MAX_HEADING, _MIN_DUPLICATE, _Line, _speaker_words
from .names import _SENTENCE_END

_DELIMITER = regex.compile(r"/{2,}")
_BRACKET_HEADING = regex.compile(r"【([^【】]{1,30})】")
_MARKDOWN_HEADING = regex.compile(r"#{1,6}[ \t]+(\S.{0,40})")
_NUMBERED_HEADING = regex.compile(
    r"(?:[一二三四五六七八九十]{1,3}[、.]|[（(][一二三四五六七八九十]{1,3}[）)]"
    r"|第[一二三四五六七八九十]{1,3}[部章节篇][分]?[、:\s])\s*\S.{0,28}")


@lru_cache(maxsize=1)
def _heading_words() -> regex.Pattern[str]:
    """Words that make a short line ending in a colon a heading (问答环节:)."""
    return regex.compile("|".join(regex.escape(w) for w in _speaker_words("heading")), regex.I)


def _heading_line(line: _Line) -> bool:
    f = line.folded.strip()
    raw = line.raw.strip()
    if _SENTENCE_END.search(f[-1:]):
        return False
    m = _BRACKET_HEADING.fullmatch(f)
    if m:
        line.heading = raw[1:-1].strip()
        return True
    if _MARKDOWN_HEADING.fullmatch(line.raw.strip()) and len(f) <= _MAX_HEADING:
        line.heading = line.raw.strip().lstrip("#").strip()
        return True
    if _NUMBERED_HEADING.fullmatch(f) and len(f) <= _MAX_HEADING:
        line.heading = raw
        return True
    return False


def _colon_headings(lines: list[_Line]) -> None:
    """主持人问答环节记录: — a short line ending in a colon that opens turns."""
    for i, line in enumerate(lines):
        f = line.folded.strip()
        if line.role != "plain" or not f.endswith(":") or len(f) > _MAX_HEADING \
                or _SENTENCE_END.search(f):
            continue
        nxt = _next_text(lines, i)
        if (nxt is not None and lines[nxt].role == "speaker") or _heading_words().search(f):
            line.role = "heading"
            line.heading = line.raw.strip().rstrip(":：").strip()


def _delimited_headings(lines: list[_Line]) -> None:
    """``//`` / heading / ``//``: the middle line is the heading."""
    i = 0
    while i < len(lines):
        if lines[i].role != "delimiter":
            i += 1
            continue
        j = _next_text(lines, i)
        k = _next_text(lines, j) if j is not None else None
        if j is not None and k is not None and lines[k].role == "delimiter" \
                and len(lines[j].folded.strip()) <= _MAX_HEADING:
            lines[j].role = "heading"
            lines[j].heading = lines[j].raw.strip()
            for n in range(i, k + 1):
                lines[n].heading = lines[j].heading
                lines[n].in_block = n > i
                if lines[n].role not in ("heading", "blank"):
                    lines[n].role = "delimiter"
            i = k + 1
        else:
            lines[i].role = "plain"
            i += 1


def _repeated_headers(lines: list[_Line]) -> None:
    """A short title-like line printed more than once (a page header such as
    实时动态,深度解析,把握行业脉搏) is boilerplate, the first copy too."""
    counts: dict[str, int] = {}
    for line in lines:
        if _header_like(line):
            key = line.folded.strip()
            counts[key] = counts.get(key, 0) + 1
    for line in lines:
        key = line.folded.strip()
        if _header_like(line) and counts[key] > 1 and not key.endswith(_legal_forms()):
            # (a company's registered name alone on its line heads an
            # announcement and signs it off: the company's, not the page's)
            line.role = "boilerplate"


@lru_cache(maxsize=1)
def _legal_forms() -> tuple[str, ...]:
    return tuple(f for f in loaders.legal_forms() if not f.isascii())


def _header_like(line: _Line) -> bool:
    key = line.folded.strip()
    return line.role == "plain" and _MIN_DUPLICATE <= len(key) <= _MAX_HEADING \
        and not _SENTENCE_END.search(key)


def _next_text(lines: list[_Line], i: int) -> Optional[int]:
    for j in range(i + 1, len(lines)):
        if lines[j].role != "blank":
            return j
    return None
