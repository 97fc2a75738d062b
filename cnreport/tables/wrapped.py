"""Rows of aligned text whose cells wrap over several lines.

A PDF's narrow column wraps a long amount (``123,456,789.`` over ``12``,
``12,345,`` over ``678.90``) and a long label (``预付长期`` over ``资产购置``
over ``款项``) inside one row, and centres the cells that fit on one line
between the halves: ``pdftotext -layout`` prints the first half of a wrapped
amount on the line above the row's line and the rest on the line below, at
the same place (``12,345,678`` over ``.90`` too). A line of such halves is no row of its own: its pieces are
joined to the cells of the row's line, the halves of an amount when together
they make one grouped figure (``123,456,789.12``), and the label lines just
above and below such a row, as many above as below, are the rest of its
label (lines of one width, but its last: a wrapped label fills its column).
"""
from __future__ import annotations

from typing import NamedTuple, Optional

import regex

from .cells import read_cell

__all__ = ["Band", "joins", "unwrap"]

Span = tuple[int, int]

# An amount as one cell prints it; the halves of a wrapped one must join into this.
_WHOLE = regex.compile(r"[(（]?[-−－]?\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?[)）]?%?")
# The first half of a wrapped amount: cut after a separator or inside a group.
_CUT = regex.compile(r"[(（]?[-−－]?\d{1,3}(?:,\d{3})*(?:,\d{0,2}|\.)")
_INDENT = 8  # columns: a field that starts further in is not a label
_LAST_DIGIT = regex.compile(r"[(（]?[-−－]?\d{1,3}(?:,\d{3})+\.\d")  # 12,345,678.9 over 1
# Whole groups whose cents a narrow column put on the next line with the point (12,345,678 over .90).
_GROUPS = regex.compile(r"[(（]?[-−－]?\d{1,3}(?:,\d{3})+")


class Band(NamedTuple):
    """A printed line with the pieces of the lines around it joined: for each
    field, its horizontal span on the line and the spans of its pieces in the
    text, top to bottom."""

    start: int
    fields: list[Span]
    parts: list[list[Span]]


def unwrap(text: str, lines: list[tuple[int, list[Span]]]) -> list[Band]:
    """``lines`` (offset and field spans of each line) with the lines of
    wrapped halves joined to the row's line between them."""
    bands = [Band(pos, list(fields), [[(pos + a, pos + b)] for a, b in fields]) for pos, fields in lines]
    out: list[Band] = []
    joined: set[int] = set()  # indices in ``out`` of rows that took the lines around them
    k = 0
    while k < len(bands):
        pairs = _halves(text, bands, k, k + 2) if k + 2 < len(bands) and bands[k + 1].fields else None
        if pairs is None:
            out.append(bands[k])
            k += 1
            continue
        row = _join(bands[k + 1], bands[k], bands[k + 2], pairs)
        after = k + 3
        widths: list[int] = []  # of the label lines taken above: a wrapped label fills its column
        while out and after < len(bands) and len(out) - 1 not in joined \
                and _label_line(text, out[-1]) and _label_line(text, bands[after]):
            width = len(_text(text, out[-1], 0).strip())
            if widths and (abs(width - widths[-1]) > 1 or not _label_alone(out[-1]) or not _label_alone(bands[after])):
                break  # (past the first, lines of the label column only)
            widths.append(width)
            row = _join(row, out.pop(), bands[after], [])  # the label lines around it: its label wrapped
            after += 1
        joined.add(len(out))
        out.append(row)
        k = after
    return out


def _halves(text: str, bands: list[Band], h: int, t: int) -> Optional[list[tuple[int, int]]]:
    """Pairs (field on line ``h``, field on line ``t``) of halves of one
    amount, when every figure on the two lines is such a half; else ``None``."""
    upper, lower = bands[h], bands[t]
    row = bands[h + 1].fields
    pairs: list[tuple[int, int]] = []
    for n, (a, b) in enumerate(upper.fields):
        head = _text(text, upper, n)
        if _over(row, (a, b)) is not None:
            continue  # (the row's line prints nothing where a wrapped amount stands)
        for j, (c, d) in enumerate(lower.fields):
            if c >= a - 1 and d <= b + 2 and joins(head, _text(text, lower, j)):
                pairs.append((n, j))
                break
    if not pairs:
        return None
    paired_upper = {n for n, _ in pairs}
    paired_lower = {j for _, j in pairs}
    for band, paired in ((upper, paired_upper), (lower, paired_lower)):
        for n in range(len(band.fields)):
            if n not in paired and read_cell(_text(text, band, n)).value is not None:
                return None  # a figure of its own: a row, not the halves of one
    return pairs


def joins(head: str, tail: str) -> bool:
    """``head`` and ``tail`` are the halves of one amount a narrow column cut:
    ``123,456,789.`` and ``12``, ``12,345,`` and ``678.90``, ``12,345,678``
    and ``.90``.

    >>> (joins("12,345,", "678.90"), joins("12,345,678", ".90"), joins("12,345", "678"))
    (True, True, False)
    """
    cut = _CUT.fullmatch(head) or _LAST_DIGIT.fullmatch(head) or _GROUPS.fullmatch(head)
    return bool(cut) and tail.replace(".", "").isdigit() and _whole(head, tail)


def _whole(head: str, tail: str) -> bool:
    if _GROUPS.fullmatch(head) and not tail.startswith("."):
        return False  # whole groups take only their cents, point first
    if _LAST_DIGIT.fullmatch(head) and not _CUT.fullmatch(head) and len(tail) != 1:
        return False  # 12,345,678.9 takes one more digit of cents, no more
    return _WHOLE.fullmatch(head + tail) is not None


def _join(row: Band, upper: Band, lower: Band, pairs: list[tuple[int, int]]) -> Band:
    """``row`` with the fields of the lines above and below joined to the
    field of ``row`` they stand over (a field of their own where none does)."""
    fields = list(row.fields)
    parts = [list(p) for p in row.parts]
    below = dict(pairs)  # field above -> its other half below
    pieces: list[tuple[Span, list[Span], bool]] = []
    for n, span in enumerate(upper.fields):
        joined = list(upper.parts[n]) + (list(lower.parts[below[n]]) if n in below else [])
        pieces.append((span, joined, True))
    taken = set(below.values())
    pieces += [(span, lower.parts[j], False) for j, span in enumerate(lower.fields) if j not in taken]
    for span, joined, above in pieces:
        at = _over(fields, span)
        if at is None:
            fields.append(span)
            parts.append(joined)
            order = sorted(range(len(fields)), key=lambda i: fields[i][0])
            fields = [fields[i] for i in order]
            parts = [parts[i] for i in order]
        elif above:
            parts[at] = joined + parts[at]
        else:
            parts[at] = parts[at] + joined
    return Band(row.start, fields, parts)


def _over(fields: list[Span], span: Span) -> Optional[int]:
    """The field that ``span`` overlaps most, if any."""
    best, most = None, 0
    for n, (a, b) in enumerate(fields):
        overlap = min(b, span[1]) - max(a, span[0])
        if overlap > most:
            best, most = n, overlap
    return best


def _text(text: str, band: Band, n: int) -> str:
    return "".join(text[a:b] for a, b in band.parts[n])


def _label_only(text: str, band: Band) -> bool:
    """Text and no figure, whole or cut: a label's line, or a text cell's."""
    cells = [_text(text, band, n) for n in range(len(band.fields))]
    return bool(cells) and all(read_cell(c).value is None and not _CUT.fullmatch(c) for c in cells)


def _label_line(text: str, band: Band) -> bool:
    """A line of a label or text cell, no section's title (``其中：``)."""
    return _label_only(text, band) and not _section(text, band)


def _label_alone(band: Band) -> bool:
    return len(band.fields) == 1 and band.fields[0][0] <= _INDENT


def _section(text: str, band: Band) -> bool:
    return _text(text, band, len(band.fields) - 1).rstrip().endswith((":", "："))
