"""``iter_metrics``: the metrics of a text or file of any size, in bounded memory.

The text is read in blocks of whole lines (about ``block_chars`` characters,
cut at a blank line where one is near). Each block is parsed together with
the context its figures are read in, and only the block's own figures are
given, with offsets into the whole text:

- the head of the text (its first 50,000 characters, where the dateline,
  the headline, the main entity and the short names a text declares are
  read, and where the speakers are introduced), and
- the lines before the block back to the start of the speaker's turn or the
  heading in force, and at least the few paragraphs in which a topic or an
  antecedent is looked for.

So a text shorter than one block gives exactly what :func:`cnreport.parse`
gives, and a longer one the same metrics as long as what decides a figure
lies in its block, its head or the context kept. What can differ past a
block boundary: a speaker whose turn began more than ``_TAIL_MAX``
characters before it (the turn's speaker is not carried so far), a
paragraph repeated from an earlier block outside the context (its figures
are given again), a speaker's name first met later in the text (taken for
an entity before), and page numbers before a text's first form feed.
"""
from __future__ import annotations

import codecs
import datetime
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Optional, Union

import attrs

from .currency import check_currency
from .entities import Entities, EntityLike, as_entities
from .model import Metric, NumberMention, Report
from .read import read_file, sniff
from .report import parse

__all__ = ["iter_metrics"]

_HEAD = 50_000  # the head every block is read with (where the document's main entity is counted)
_TAIL_MIN = 4_000  # context kept before a block: a topic or antecedent is looked for 3,000 back
_TAIL_MAX = 30_000  # at most this much, back to the start of the turn or heading in force
_READ = 1 << 20  # bytes or characters read from a file at a time
_PLAIN = (".txt", ".text", ".md", "")  # files read as they come; others (PDF, HTML) whole
_JOIN = "\n\n"  # between the head and the context of a later block


def iter_metrics(text_or_file: Union[str, os.PathLike[str], IO[str], IO[bytes]], *,
                 source: Optional[str] = None, categories: Optional[Mapping[str, str]] = None,
                 reference_date: Optional[datetime.date] = None,
                 entities: Optional[Union[Entities, Iterable[EntityLike]]] = None,
                 currency: Optional[str] = None, encoding: Optional[str] = None,
                 block_chars: int = 500_000) -> Iterator[Metric]:
    """The metrics of a text, a file or an open file, in order, read block by
    block so that memory does not grow with the size of the input.

    A ``str`` is the text itself; a path is read as :func:`cnreport.parse`
    reads it (a plain text file a block at a time, in ``encoding`` or the
    one it is found to be in; a PDF or HTML file whole); an open file is read
    as it comes, bytes decoded as ``encoding`` (UTF-8 by default). The
    keyword arguments are :func:`cnreport.parse`'s. On a text shorter than
    ``block_chars`` the metrics are those of ``parse(text).metrics``; on a
    longer one, each block is read with the head of the text and the lines
    before it, so that the speaker, heading, topic and main entity carry
    across (the docs' performance page says what may differ).

    >>> text = ("丁珂-騰訊公司副總裁\\n截止到2019年5月,已經有超過3.8萬的醫療機構擁有了自己的公眾號\\n\\n"
    ...         "我們的雲服務器總量已經超過100萬臺\\n")
    >>> [(m.mention.text, m.subject, m.speaker.name) for m in iter_metrics(text, block_chars=40)]
    [('超過3.8萬', '醫療機構', '丁珂'), ('超過100萬臺', '雲服務器總量', '丁珂')]
    >>> list(iter_metrics(text, block_chars=40)) == list(parse(text).metrics)
    True
    """
    if isinstance(text_or_file, (bytes, bytearray)):
        raise TypeError("iter_metrics() takes a str, a path or an open file, not bytes; "
                        "decode them first, e.g. data.decode('utf-8')")
    if not isinstance(block_chars, int) or isinstance(block_chars, bool) or block_chars < 1:
        raise ValueError(f"block_chars must be a positive int, not {block_chars!r}")
    if source is not None and not isinstance(source, str):
        raise TypeError(f"source must be a str or None, not {type(source).__name__}")
    check_currency(currency)
    universe = as_entities(entities)  # (once, not once a block)
    pieces, source = _pieces(text_or_file, source, encoding)

    def read(combined: str) -> Report:
        return parse(combined, source=source, categories=categories, reference_date=reference_date,
                     entities=universe, currency=currency)

    return _Reader(read).metrics(_blocks(pieces, block_chars))


def _pieces(given: object, source: Optional[str], encoding: Optional[str]
            ) -> tuple[Iterator[str], Optional[str]]:
    """The text of ``given`` as it comes, and the source to name."""
    if isinstance(given, str):
        return iter((given,)), source
    if isinstance(given, os.PathLike):
        path = Path(given)
        if path.suffix.lower() not in _PLAIN:
            document = read_file(path, encoding=encoding, source=source)
            return iter((document.text,)), document.source
        return _from_path(path, encoding, source or str(path)), source or str(path)
    read = getattr(given, "read", None)
    if not callable(read):
        raise TypeError(f"iter_metrics() takes a str, a path or an open file, not {type(given).__name__}")
    return _from_file(read, encoding), source


def _from_path(path: Path, encoding: Optional[str], name: str) -> Iterator[str]:
    if encoding is None:
        with path.open("rb") as f:
            encoding = sniff(f, source=name).encoding
    with path.open("rb") as f:
        yield from _from_file(f.read, encoding)


def _from_file(read: Callable[[int], Union[str, bytes]], encoding: Optional[str]) -> Iterator[str]:
    decoder = codecs.getincrementaldecoder(encoding or "utf-8")()
    while True:
        data = read(_READ)
        if not data:
            if isinstance(data, bytes):
                yield decoder.decode(b"", final=True)
            return
        yield decoder.decode(data) if isinstance(data, bytes) else data


def _blocks(pieces: Iterator[str], size: int) -> Iterator[str]:
    """The text in blocks of whole lines of about ``size`` characters: each
    cut at the last blank line of its second half, else at its last line
    break, else (a line longer than two blocks) at its last full stop. The
    first block holds the head, whose names every later block reads."""
    buffer = ""
    want = max(size, 2 * _HEAD)  # the first block holds the head whole
    for piece in pieces:
        buffer = buffer + piece if buffer else piece
        start = 0
        while len(buffer) - start >= 2 * want or (len(buffer) - start > want
                                                  and buffer.find("\n", start + want // 2) >= 0):
            cut = _cut(buffer, start, want)
            yield buffer[start:cut]
            start, want = cut, size
        buffer = buffer[start:]
    if buffer:
        yield buffer


def _cut(buffer: str, start: int, size: int) -> int:
    limit = min(len(buffer), start + 2 * size)
    for mark in ("\n\n", "\n", "。"):
        at = buffer.rfind(mark, start + size // 2, limit)
        if at >= 0:
            return at + len(mark)
    return limit


class _Reader:
    """The state carried from one block to the next: the head of the text,
    the context kept before the next block, and the counts of pages and
    tables so far."""

    def __init__(self, read: Callable[[str], Report]) -> None:
        self.read = read
        self.head = ""  # the first _HEAD characters
        self.kept = ""  # the text just before the next block
        self.kept_at = 0  # where it starts in the whole text
        self.at = 0  # where the next block starts
        self.pages = 0  # form feeds before the next block
        self.tables = 0  # tables that start before the next block

    def metrics(self, blocks: Iterator[str]) -> Iterator[Metric]:
        for block in blocks:
            yield from self._block(block)

    def _block(self, block: str) -> list[Metric]:
        if self.kept_at <= len(self.head):  # still in the head: the text so far, whole
            combined = self.head[:self.kept_at] + self.kept + block
            to = _Offsets(0, 0)
        else:
            combined = self.head + _JOIN + self.kept + block
            to = _Offsets(len(self.head), self.kept_at - len(self.head) - len(_JOIN))
        begin = self.at - to.shift  # where the block starts in ``combined``
        report = self.read(combined)
        first_table = sum(1 for t in report.tables if t.start < begin)
        out = [self._moved(m, to, begin, combined, first_table)
               for m in report.metrics if m.mention.start >= begin]
        self._carry(combined, report, to.shift, block)
        return out

    def _moved(self, m: Metric, to: _Offsets, begin: int, combined: str, first_table: int) -> Metric:
        """``m`` of the combined text with offsets into the whole text."""
        change = m.change
        if change is not None:
            change = attrs.evolve(change, start=None if change.start is None else to.mention(change.start),
                                  end=None if change.end is None else to.mention(change.end))
        why = tuple(r if r.start is None or r.end is None else attrs.evolve(r, start=to(r.start), end=to(r.end))
                    for r in m.why)
        page = m.page
        if page is not None or self.pages:
            page = self.pages + combined.count("\f", begin, m.mention.start) + 1
        cell = m.cell
        if cell is not None:
            cell = attrs.evolve(cell, table=self.tables + cell.table - first_table)
        return attrs.evolve(m, mention=to.mention(m.mention), change=change, why=why, page=page, cell=cell)

    def _carry(self, combined: str, report: Report, shift: int, block: str) -> None:
        """Keep the head, and the context of the next block: back to the
        start of the turn or heading in force at its start, at least
        _TAIL_MIN characters, at most _TAIL_MAX, from a line's start."""
        end = len(combined)
        self.pages += block.count("\f")
        self.tables += sum(1 for t in report.tables if t.start >= self.at - shift)
        if len(self.head) < _HEAD:
            self.head += block[:_HEAD - len(self.head)]
        back = end - _TAIL_MIN
        last = report.sections[-1] if report.sections else None
        if last is not None and (last.speaker is not None or last.heading is not None):
            back = min(back, last.start)
            heading = next((s for s in reversed(report.sections) if s.kind == "heading"), None)
            if last.heading is not None and heading is not None:
                back = min(back, heading.start)
        back = max(back, end - _TAIL_MAX, self.kept_at - shift, 0)
        back = combined.rfind("\n", self.kept_at - shift, back) + 1 or max(back, self.kept_at - shift)
        self.kept = combined[back:]
        self.kept_at = back + shift
        self.at += len(block)


@attrs.frozen
class _Offsets:
    """From offsets in a combined text to offsets in the whole text: the
    head (before ``fixed``) is where it was, the rest moves by ``shift``."""

    fixed: int
    shift: int

    def __call__(self, pos: int) -> int:
        return pos if pos < self.fixed else pos + self.shift

    def mention(self, m: NumberMention) -> NumberMention:
        if self.shift == 0 or m.start < self.fixed:
            return m
        return attrs.evolve(m, start=m.start + self.shift, end=m.end + self.shift)
