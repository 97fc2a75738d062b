"""Sections: the lines of a text, classified, joined into stretches of one
speaker and one kind.
"""
from __future__ import annotations

from typing import Optional

import attrs

from ..model import Section, SectionKind, Speaker
from ..normalize import fold
from .classify import _classify
from .headings import _NUMBERED_HEADING
from .lines import _MAX_LIST_LINE, _MIN_DUPLICATE, _labels, _Line, _lines


def segment(text: str) -> list[Section]:
    """Split ``text`` into sections, each with its speaker (or none), kind and
    the heading in force. The sections cover the text whole, in order.

    Never raises for a ``str``; anything else is a :class:`TypeError`.

    >>> doc = "//\\n\\n數字生態\\n\\n//\\n\\n湯道生-騰訊高級執行副總裁\\n\\n放眼中國……\\n"
    >>> [(s.kind, s.heading, s.speaker and s.speaker.name) for s in segment(doc)]
    [('heading', '數字生態', None), ('speech', '數字生態', '湯道生')]
    >>> "".join(s.text for s in segment(doc)) == doc
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"segment() takes a str, not {type(text).__name__}; "
                        "decode bytes first, e.g. data.decode('utf-8')")
    return _segment(text, fold(text))


def _segment(text: str, folded: str) -> list[Section]:
    """:func:`segment` of ``text`` whose fold is ``folded``."""
    if not text:
        return []
    lines = _lines(text, folded)
    _classify(lines)
    _assign(lines)
    return _carry_identity(_sections(text, lines))


def _carry_identity(sections: list[Section]) -> list[Section]:
    """A speaker's later turns carry the title and organisation of an
    earlier turn that gave them (陈立峰 星云智联科技首席执行官, then 陈立峰：):
    the same person, by name, across scripts."""
    known: dict[str, Speaker] = {}
    carried = []
    for s in sections:
        sp = s.speaker
        if sp is not None and (sp.title or sp.org):
            known.setdefault(sp.key, sp)
        elif sp is not None and sp.key in known and sp.name not in _labels():
            first = known[sp.key]
            s = attrs.evolve(s, speaker=attrs.evolve(first, name=sp.name, raw=sp.raw))
        carried.append(s)
    return carried


def _assign(lines: list[_Line]) -> None:
    """Give each line its kind, speaker and heading in force, and mark the
    lines that open a new section."""
    heading: Optional[str] = None
    who: Optional[Speaker] = None
    kind: SectionKind = "narrative"
    in_list = False
    last_turn: Optional[str] = None
    first_copy: dict[str, int] = {}
    for line in lines:
        role = line.role
        if role == "blank":
            line.kind, line.in_force, line.who = kind, heading, who
            continue
        if in_list and role in ("plain", "boilerplate") \
                and len(line.folded.strip()) <= _MAX_LIST_LINE:
            role = "boilerplate"
        else:
            in_list = False
        if role in ("delimiter", "heading"):
            if line.heading is not None:
                heading = line.heading
            # A block heading ends the turn; a numbered one inside a speech does not.
            if not _NUMBERED_HEADING.fullmatch(line.folded.strip()):
                who, kind, last_turn = None, "narrative", None
            line.kind, line.in_force, line.who = "heading", heading, None
            line.opens = not line.in_block
        elif role == "speaker":
            who = line.speaker
            kind = line.turn_kind or "speech"
            if kind == "speech" and line.asks:
                kind = "question"
            elif kind == "speech" and last_turn == "question" and who is not None \
                    and who.name.lower() not in _labels():
                kind = "answer"
            last_turn = kind
            line.kind, line.in_force, line.who, line.opens = kind, heading, who, True
            said = line.folded.partition(":")[2].strip()
            if len(said) >= _MIN_DUPLICATE:
                _mark_copy(line, first_copy)  # 李斌：…25万台 printed twice, label and all
        elif role == "byline":
            line.kind, line.in_force, line.who, line.opens = "byline", heading, None, True
        elif role == "boilerplate":
            in_list = in_list or line.list_start
            if in_list:
                who, kind = None, "narrative"
            line.kind, line.in_force, line.who = "boilerplate", heading, None
            line.opens = _mark_copy(line, first_copy) or line.doubled
        else:
            # Plain text continues the turn in progress.
            line.kind, line.in_force, line.who = kind, heading, who
            line.opens = _mark_copy(line, first_copy)


def _mark_copy(line: _Line, first_copy: dict[str, int]) -> bool:
    """Record where a paragraph first appears; True when this is a repeat."""
    key = line.folded.strip()
    if len(key) < _MIN_DUPLICATE:
        return False
    if key in first_copy:
        line.duplicate_of = first_copy[key]
        return True
    first_copy[key] = line.start + len(line.raw) - len(line.raw.lstrip())
    return False


def _sections(text: str, lines: list[_Line]) -> list[Section]:
    sections: list[Section] = []
    start = 0
    current: Optional[_Line] = None
    # Blank lines stay with the section before them (leading ones with the first).
    for line in lines:
        if line.role == "blank":
            continue
        if current is not None and (line.opens or current.duplicate_of is not None
                                    or _attrs(line) != _attrs(current)):
            sections.append(_section(text, start, line.start, current))
            start = line.start
        current = line
    if current is None:
        return [Section(start=0, end=len(text), text=text, kind="narrative")]
    sections.append(_section(text, start, len(text), current))
    return sections


def _attrs(line: _Line) -> tuple[object, ...]:
    return (line.kind, line.who, line.in_force, line.byline)


def _section(text: str, start: int, end: int, line: _Line) -> Section:
    return Section(start=start, end=end, text=text[start:end], kind=line.kind, speaker=line.who,
                   heading=line.in_force, duplicate_of=line.duplicate_of, byline=line.byline)
