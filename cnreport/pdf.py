"""PDF to text, with the statement tables kept as tables.

Needs the ``pdf`` extra (``pip install 'cnreport[pdf]'``): pdfplumber, on
pdfminer.six. Importing this module without it raises ``ImportError``.

Each page's ruled tables become HTML ``<table>`` with ``rowspan`` and
``colspan`` from the rulings, so that the tables reader sees merged header
cells as they are printed; the rest of the page is its lines of text, in
reading order from the top, the fields of a table without rulings set apart
in columns as ``pdftotext -layout`` sets them. Every page ends with a form feed (``\\f``), as
``pdftotext`` writes it, which gives every figure its page.

A PDF is untrusted input: at most ``MAX_BYTES`` bytes and ``MAX_PAGES``
pages are read, within ``MAX_SECONDS``; a page without a text layer (a
scanned image) is said to be one, and a file of nothing else is an error.

>>> read_pdf(b"not a pdf", source="a.pdf")
Traceback (most recent call last):
...
cnreport.pdf.PdfError: a.pdf: not a PDF file (it does not start with %PDF-)
"""
from __future__ import annotations

import html
import io
import os
import time
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Optional, Union

import attrs

try:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
except ImportError as err:  # pragma: no cover - depends on the environment
    raise ImportError("reading PDF needs the pdf extra: pip install 'cnreport[pdf]'") from err

from .errors import CnreportError
from .model import Page

__all__ = ["MAX_BYTES", "MAX_PAGES", "MAX_SECONDS", "PdfError", "PdfText", "ScannedPageWarning",
           "read_pdf", "read_pdf_pages"]

MAX_BYTES = 256 << 20
MAX_PAGES = 2000
MAX_SECONDS = 600.0


class PdfError(CnreportError, ValueError):
    """A PDF that cannot be read: not a PDF, encrypted, damaged, too large,
    too slow, or only scanned images."""

    def __init__(self, message: str, source: Optional[str] = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def __reduce__(self) -> tuple[type[PdfError], tuple[str, Optional[str]]]:
        return (type(self), (self.message, self.source))

    def __str__(self) -> str:
        return f"{self.source}: {self.message}" if self.source else self.message


class ScannedPageWarning(UserWarning):
    """Some pages of a PDF have no text layer: they are images, and cnreport
    reads no images (run OCR on them first)."""


@attrs.frozen
class PdfText:
    """The text of a PDF, its pages, and the pages without a text layer."""

    text: str
    pages: tuple[Page, ...]
    scanned: tuple[int, ...] = ()


def read_pdf(data: Union[bytes, str, os.PathLike[str]], *, source: Optional[str] = None) -> str:
    """The text of a PDF (its bytes, or a path): pages separated by ``\\f``,
    ruled tables as HTML tables. Scanned pages are warned of
    (:class:`ScannedPageWarning`); raises :class:`PdfError`."""
    return read_pdf_pages(data, source=source).text


def read_pdf_pages(data: Union[bytes, str, os.PathLike[str]], *, source: Optional[str] = None,
                   max_pages: int = MAX_PAGES, max_seconds: float = MAX_SECONDS) -> PdfText:
    """:func:`read_pdf` with the span of each page and the scanned pages."""
    if isinstance(data, (str, os.PathLike)):
        path = Path(data)
        source = source if source is not None else str(path)
        if path.stat().st_size > MAX_BYTES:
            raise PdfError(f"a PDF of {path.stat().st_size:,} bytes; read at most {MAX_BYTES:,}", source)
        data = path.read_bytes()
    if not isinstance(data, bytes):
        raise TypeError(f"read_pdf() takes bytes or a path, not {type(data).__name__}")
    if len(data) > MAX_BYTES:
        raise PdfError(f"a PDF of {len(data):,} bytes; read at most {MAX_BYTES:,}", source)
    if not data.lstrip()[:5] == b"%PDF-":
        raise PdfError("not a PDF file (it does not start with %PDF-)", source)
    try:
        return _read(data, source, max_pages, max_seconds)
    except PdfError:
        raise
    except PDFPasswordIncorrect as err:
        raise PdfError("the PDF is encrypted", source) from err
    except Exception as err:  # pdfminer raises many kinds on a damaged file
        raise PdfError(f"the PDF cannot be read ({type(err).__name__}: {err})", source) from err


def _read(data: bytes, source: Optional[str], max_pages: int, max_seconds: float) -> PdfText:
    started = time.monotonic()
    texts: list[str] = []
    scanned: list[int] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        if len(pdf.pages) > max_pages:
            raise PdfError(f"{len(pdf.pages):,} pages; read at most {max_pages:,}", source)
        for n, page in enumerate(pdf.pages, start=1):
            if time.monotonic() - started > max_seconds:
                raise PdfError(f"still reading page {n} after {max_seconds:g} seconds", source)
            if not page.chars:
                scanned.append(n)
                texts.append("")
                continue
            texts.append(page_text(page))
            page.close()  # frees the page's parsed objects
    if scanned and len(scanned) == len(texts):
        raise PdfError("no page has a text layer: the PDF holds scanned images, and cnreport "
                       "reads no images (run OCR on it first)", source)
    if scanned:
        warnings.warn(f"{source or 'PDF'}: pages {', '.join(map(str, scanned))} have no text layer "
                      "(scanned images) and were left out", ScannedPageWarning, stacklevel=3)
    pages = []
    start = 0
    for n, t in enumerate(texts, start=1):
        pages.append(Page(n, start, start + len(t)))
        start += len(t) + 1
    # every page ends with a form feed, as pdftotext writes it: one page is a page too
    return PdfText("".join(t + "\f" for t in texts), tuple(pages), tuple(scanned))


def page_text(page: Any) -> str:
    """One page: its lines and its ruled tables, from the top down."""
    tables = [t for t in page.find_tables() if len(t.rows) >= 2]
    boxes = [t.bbox for t in tables]

    def outside(obj: dict[str, Any]) -> bool:
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

    blocks: list[tuple[float, str]] = [(t.bbox[1], _html(t)) for t in tables]
    rest = page.filter(outside) if boxes else page
    lines = rest.extract_text_lines()
    left = min((line["x0"] for line in lines), default=0.0)
    blocks.extend((line["top"], _laid_out(line, left)) for line in lines)
    blocks.sort(key=lambda b: b[0])
    return "\n".join(text for _, text in blocks)


def _laid_out(line: dict[str, Any], left: float) -> str:
    """A line outside the ruled tables. A row of a table printed without
    rulings (as Hong Kong statements are) keeps its columns apart: each
    field after the first ends where the page ends it, counted in half ems
    (the width of a digit), so that the figures of a column end together
    as ``pdftotext -layout`` prints them; a line indented far, such as a
    header over the columns, keeps its indent. Prose, a title and a
    section's number before its name stay as they are."""
    fields = _fields(line)
    if fields is None:
        return str(line["text"])
    unit = _size(line["chars"]) / 2
    indent = fields[0][1] - left
    figures = any(ch.isdigit() for text, _, _ in fields[1:] for ch in text)
    if indent < 8 * unit and not figures and len(fields) < 3:
        return str(line["text"])
    out = ""
    for n, (text, _, x1) in enumerate(fields):
        if n == 0:
            start = round(indent / unit) if indent >= 8 * unit else 0
        else:
            start = max(len(out) + 2, round((x1 - left) / unit) - len(text))
        out += " " * (start - len(out)) + text
    return out


def _size(chars: Sequence[dict[str, Any]]) -> float:
    return max((float(c.get("size") or 0) for c in chars), default=0.0) or 10.0


def _fields(line: dict[str, Any]) -> Optional[list[tuple[str, float, float]]]:
    """The line's text cut where the page leaves a gap of an em or more,
    each piece with where it starts and ends; ``None`` when the characters
    do not follow the text."""
    text = str(line["text"])
    chars = [c for c in line["chars"] if str(c["text"]).strip()]
    em = _size(chars)
    out: list[tuple[str, float, float]] = []
    start = k = 0
    first: Optional[dict[str, Any]] = None
    prev: Optional[dict[str, Any]] = None
    for i, ch in enumerate(text):
        if ch.isspace():
            continue
        if k >= len(chars) or chars[k]["text"] != ch:
            return None
        c = chars[k]
        k += 1
        if prev is not None and first is not None and c["x0"] - prev["x1"] >= em:
            out.append((text[start:i].strip(), float(first["x0"]), float(prev["x1"])))
            start, first = i, c
        first = first or c
        prev = c
    if prev is None or first is None:
        return None
    out.append((text[start:].strip(), float(first["x0"]), float(prev["x1"])))
    return out


def _html(table: Any) -> str:
    """A pdfplumber table as HTML: the spans of a merged cell from the
    rulings it crosses, its lines joined with ``<br>``."""
    cells = list(table.cells)
    xs = sorted({round(c[0], 1) for c in cells})
    ys = sorted({round(c[1], 1) for c in cells})
    texts = table.extract()
    out = ["<table>"]
    for r, row in enumerate(table.rows):
        out.append("<tr>")
        for k, box in enumerate(row.cells):
            if box is None:
                continue
            colspan = _crossed(xs, box[0], box[2])
            rowspan = _crossed(ys, box[1], box[3])
            text = texts[r][k] if r < len(texts) and k < len(texts[r]) else ""
            spans = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (f' colspan="{colspan}"' if colspan > 1 else "")
            out.append(f"<td{spans}>{_cell(text)}</td>")
        out.append("</tr>")
    out.append("</table>")
    return "".join(out)


def _crossed(edges: Sequence[float], a: float, b: float) -> int:
    """How many grid columns (or rows) a cell from ``a`` to ``b`` covers."""
    return max(1, sum(1 for e in edges if a - 0.5 <= e < b - 0.5))


def _cell(text: Optional[str]) -> str:
    return "<br>".join(html.escape(line) for line in (text or "").splitlines())
