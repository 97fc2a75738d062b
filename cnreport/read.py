"""Files to text: encodings, HTML and markdown, PDF through an optional extra.

Chinese reports come as UTF-8, as GB18030 (GBK, GB2312) from the mainland,
as Big5 from Taiwan and Hong Kong, and now and then as UTF-16 with a byte
order mark. The encoding is decided in this order, and each step says how
sure it is:

1. a byte order mark (UTF-8, UTF-16, UTF-32): certain;
2. NUL bytes, a file signature (PNG, ZIP, PDF …) or many control bytes: a
   binary file, refused by name (:class:`~cnreport.BinaryFileError`);
3. valid UTF-8: certain (legacy Chinese text is never valid UTF-8 by
   chance beyond a few characters);
4. for HTML, the ``charset`` its ``<meta>`` declares, when it decodes;
5. GB18030 and Big5, each decoded strictly: when only one decodes, it is
   the one (GB18030 text almost never decodes as Big5); when both do (Big5
   text nearly always decodes as GB18030 too), the reading whose characters
   are likelier Chinese wins, under a model of how often each character
   occurs in the words of jieba's dictionary. A wrong reading is made of
   rare characters and symbols and scores some 8 nats a character below
   the right one. The guess is reported as doubtful (``Decoded.doubt``)
   when fewer than 10 Chinese characters decide it or the readings are
   within 2 nats a character.

>>> decode("營收新臺幣5,469億元，較上季增加13.6%，每股盈餘8.14元。".encode("big5")).encoding
'big5'
>>> decode("公司上半年实现营业收入12.5亿元，同比增长18%，净利润3.2亿元。".encode("gb18030")).encoding
'gb18030'
>>> decode(b"\\xef\\xbb\\xbf100\\xe5\\x85\\x83").text
'100元'

HTML keeps its markup for the table reader, with what no reader sees
blanked (comments, scripts, styles); ``Document.plain`` has the tags blanked
too, a block tag leaving a line break. Every offset into one is an offset
into the file as written; markdown is read as it is.
"""
from __future__ import annotations

import codecs
import html
import importlib
import io
import math
import os
import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import BinaryIO, Literal, Optional, Union

import attrs

from .errors import BinaryFileError, ReadError
from .normalize import fold
from .words import jieba_counts

__all__ = ["Decoded", "Document", "Format", "decode", "pdf_available", "read_bytes", "read_file",
           "sniff", "suffixes", "visible_text", "without_hidden"]

Format = Literal["text", "markdown", "html", "pdf"]

_SAMPLE = 1 << 20  # bytes measured by the detector, and read at a time
_MAX_HTML = 64 << 20  # characters of markup read at most (HTML is untrusted)
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
# Legacy Chinese encodings, the first name that decodes is kept: Big5-HKSCS
# is Big5 with Hong Kong's extra characters, tried when plain Big5 fails.
_LEGACY = ("gb18030", "big5", "big5hkscs")
_SIGNATURES = ((b"%PDF-", "a PDF file"), (b"PK\x03\x04", "a ZIP archive, such as .docx or .xlsx"),
               (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
               (b"GIF8", "a GIF image"), (b"\xd0\xcf\x11\xe0", "an Office 97-2003 file"),
               (b"\x1f\x8b", "a gzip archive"), (b"\x7fELF", "a program"),
               (b"MZ", "a Windows program"))
_CONTROL = frozenset(range(0x01, 0x09)) | frozenset(range(0x0E, 0x1B)) | frozenset(range(0x1C, 0x20))
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{2,40})",
                           re.IGNORECASE)
_SCORED = 1 << 16  # bytes whose characters the likelihood test scores
_FEW_CHARACTERS = 10  # fewer Chinese characters than this are little to tell two encodings by
_CLEAR = 2.0  # nats a character the better reading must win by to be sure


@attrs.frozen
class Decoded:
    """Text decoded from bytes, the encoding used, and ``doubt``: why the
    encoding is a guess that may be wrong (``None`` when it is sure)."""

    text: str
    encoding: str
    doubt: Optional[str] = None


@attrs.frozen
class Guess:
    """The encoding of some bytes, and why it may be wrong (``doubt``)."""

    encoding: str
    doubt: Optional[str] = None


@attrs.frozen
class Document:
    """A file read as text.

    ``raw`` is the file decoded as written. ``text`` is what
    :func:`cnreport.parse` reads: for HTML, the markup with what no reader
    sees blanked (comments, scripts, styles), the tags kept for the table
    reader; else ``raw`` itself. ``plain`` is the text with every tag
    blanked too (a block tag as a line break), for readers of prose alone
    (``find_numbers``, ``segment``). All three have the same length, so an
    offset into one is an offset into the others. ``doubt`` says why the
    encoding is a guess, ``None`` when it is sure.
    """

    source: str
    text: str
    raw: str
    format: Format
    encoding: str
    doubt: Optional[str] = None

    @property
    def plain(self) -> str:
        """The text without markup, of the same length (see :func:`visible_text`)."""
        return visible_text(self.text) if self.format == "html" else self.text


def decode(data: bytes, *, encoding: Optional[str] = None, source: Optional[str] = None,
           html_charset: bool = False) -> Decoded:
    """Bytes to text, the encoding named or found as the module says.

    Raises :class:`~cnreport.ReadError` (a ``ValueError``) when the bytes
    are not text in an encoding that can be told, or not in ``encoding``;
    :class:`~cnreport.BinaryFileError` for a binary file.

    >>> d = decode("營收50億元".encode("big5"))
    >>> (d.text, d.encoding, d.doubt is not None)
    ('營收50億元', 'big5', True)
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"decode() takes bytes, not {type(data).__name__}")
    data = bytes(data)
    guess = Guess(_codec(encoding, source), None) if encoding else sniff(io.BytesIO(data), source=source,
                                                                         html_charset=html_charset)
    try:
        return Decoded(data.decode(guess.encoding), guess.encoding, guess.doubt)
    except UnicodeDecodeError as err:
        raise ReadError(f"not valid {guess.encoding}: byte 0x{data[err.start]:02x} at {err.start} "
                        f"({err.reason})", source) from None


def sniff(stream: BinaryIO, *, source: Optional[str] = None, html_charset: bool = False) -> Guess:
    """The encoding of a binary stream, read to its end a block at a time
    (memory stays the same for any size).

    >>> import io
    >>> sniff(io.BytesIO("收入1.1亿元".encode("utf-8")))
    Guess(encoding='utf-8', doubt=None)
    """
    head = stream.read(_SAMPLE)
    for bom, name in _BOMS:
        if head.startswith(bom):
            return Guess(name)
    binary = _binary(head)
    if binary:
        raise BinaryFileError(f"a binary file ({binary}), not text", source)
    alive = {name: codecs.getincrementaldecoder(name)() for name in ("utf-8", *_LEGACY)}
    failed: dict[str, tuple[int, int]] = {}  # codec: (position, byte) of its first error
    block, offset = head, 0
    while alive:
        final = not block
        for name, decoder in list(alive.items()):
            try:
                decoder.decode(block, final=final)
            except UnicodeDecodeError as err:
                # err.object is what the decoder held over from the last block, then this one
                held = len(err.object) - len(block)
                failed[name] = (offset - held + err.start, err.object[err.start])
                del alive[name]
        if final:
            break
        offset += len(block)
        block = stream.read(_SAMPLE)
    if "utf-8" in alive:
        return Guess("utf-8")
    declared = _declared(head) if html_charset else None
    if declared == "big5" and "big5" not in alive:
        declared = "big5hkscs"
    if declared is not None and declared in alive:
        return Guess(declared)
    return _legacy(head, [name for name in _LEGACY if name in alive], failed, source)


def _legacy(head: bytes, alive: list[str], failed: dict[str, tuple[int, int]],
            source: Optional[str]) -> Guess:
    """GB18030 or Big5, of those whose decoders lasted to the end."""
    if "big5" in alive and "big5hkscs" in alive:
        alive.remove("big5hkscs")
    if not alive:
        # the encoding that lasted longest says most about where it breaks
        name, (at, byte) = max(failed.items(), key=lambda item: item[1][0])
        raise ReadError(f"not UTF-8, GB18030 or Big5 ({_names([name])[0].replace('utf-8', 'UTF-8')} "
                        f"breaks at byte {at}, 0x{byte:02x}); name its encoding", source)
    sample = _whole_lines(head)
    if len(alive) == 1:
        return Guess(alive[0])
    scores = sorted(((_likelihood(sample.decode(name)), name) for name in alive), reverse=True)
    (best, chars), name = scores[0]
    margin = best - scores[1][0][0]
    both = " and ".join(_names(alive))
    if chars < _FEW_CHARACTERS:
        return Guess(name, f"{both} both decode it, and only {chars} Chinese characters tell them apart")
    if margin < _CLEAR:
        return Guess(name, f"{both} both decode it and read almost as well")
    return Guess(name)


def _likelihood(text: str) -> tuple[float, int]:
    """The mean log-probability of the Chinese characters of ``text`` under
    a model of Chinese (how often each character occurs in the words of
    jieba's dictionary, traditional folded to simplified), and how many there
    are. A wrong decoding is made of rare characters and symbols: it scores
    some 8 nats a character below the right one."""
    counts, floor = _character_model()
    total = 0.0
    n = 0
    for c in fold(text):
        if c > "\x7f" and not c.isspace():
            total += counts.get(c, floor)
            n += 1
    return (total / n if n else 0.0), n


@lru_cache(maxsize=1)
def _character_model() -> tuple[dict[str, float], float]:
    """Log-probability of each character, and the one of a character that
    the dictionary never uses."""
    counts: Counter[str] = Counter()
    for word, count in jieba_counts():
        for c in word:
            counts[c] += count
    total = sum(counts.values()) or 1
    return {c: math.log(k / total) for c, k in counts.items()}, math.log(0.5 / total)


def _names(names: list[str]) -> list[str]:
    return [{"gb18030": "GB18030", "big5": "Big5", "big5hkscs": "Big5-HKSCS"}.get(c, c) for c in names]


def _whole_lines(head: bytes) -> bytes:
    """The sample cut after its last line break (0x0A is never the second
    byte of a GB18030 or Big5 character), so that no character is cut."""
    if len(head) <= _SCORED:
        return head
    cut = head.rfind(b"\n", 0, _SCORED)
    return head[:cut + 1] if cut > 0 else head


def _binary(head: bytes) -> Optional[str]:
    """What a binary file is, or ``None`` for text."""
    for signature, what in _SIGNATURES:
        if head.startswith(signature):
            return what
    if b"\x00" in head:
        odd = head[1::2].count(0)
        even = head[0::2].count(0)
        if max(odd, even) > len(head) // 4 and min(odd, even) < max(odd, even) // 8:
            return "it looks like UTF-16 without a byte order mark: name utf-16-le or utf-16-be"
        return "it holds NUL bytes"
    control = sum(1 for b in head[:65536] if b in _CONTROL)
    if control * 20 > min(len(head), 65536):
        return "one byte in twenty is a control character"
    return None


def _declared(head: bytes) -> Optional[str]:
    found = _META_CHARSET.search(head[:4096])
    if found is None:
        return None
    try:
        name = codecs.lookup(found.group(1).decode("ascii")).name
    except LookupError:
        return None
    # GB2312 and GBK pages are read as GB18030, their superset
    return {"gb2312": "gb18030", "gbk": "gb18030"}.get(name, name)


def _codec(encoding: str, source: Optional[str]) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise ReadError(f"unknown encoding {encoding!r}", source) from None


_SUFFIX_FORMATS: dict[str, Format] = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".pdf": "pdf",
}


def suffixes() -> tuple[str, ...]:
    """The file name endings a directory is searched for: text, markdown and
    HTML, and ``.pdf`` where the PDF reader is installed.

    >>> suffixes()[:4]
    ('.txt', '.text', '.md', '.markdown')
    """
    return tuple(s for s, f in _SUFFIX_FORMATS.items() if f != "pdf" or pdf_available())


def read_file(path: Union[str, os.PathLike[str]], *, encoding: Optional[str] = None,
         source: Optional[str] = None) -> Document:
    """A file as a :class:`Document`; its format from its name, else from
    its first bytes (``<html`` or ``<!DOCTYPE html``).

    Raises :class:`~cnreport.ReadError` (with ``OSError`` left as it is for
    a file that cannot be opened).

    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.html"
    >>> _ = p.write_bytes("<p>營收<b>50億元</b></p>".encode("big5"))
    >>> doc = read_file(p)
    >>> (doc.format, doc.text == doc.raw, doc.plain.split(), doc.raw[doc.plain.index("50"):][:5])
    ('html', True, ['營收', '50億元'], '50億元<')
    """
    path = Path(path)
    name = source if source is not None else str(path)
    data = path.read_bytes()
    return read_bytes(data, source=name, encoding=encoding, format=_format(path, data))


def read_bytes(data: bytes, *, source: str = "-", encoding: Optional[str] = None,
               format: Optional[Format] = None) -> Document:
    """Bytes (a file's, standard input's) as a :class:`Document`; the format
    from the name in ``source``, else from the first bytes.

    >>> read_bytes("<html><body>收入<br>1.1亿元</body></html>".encode("gb18030")).plain.split()
    ['收入', '1.1亿元']
    """
    fmt = format or _format(Path(source) if source != "-" else None, data)
    if fmt == "pdf":
        raw = _read_pdf(data, source)
        return Document(source, raw, raw, "pdf", "pdf")
    decoded = decode(data, encoding=encoding, source=source, html_charset=fmt == "html")
    text = decoded.text
    if fmt == "html":
        if len(text) > _MAX_HTML:
            raise ReadError(f"HTML of {len(text):,} characters; read at most {_MAX_HTML:,}", source)
        text = without_hidden(text)
    return Document(source, text, decoded.text, fmt, decoded.encoding, decoded.doubt)


def _format(path: Optional[Path], data: bytes) -> Format:
    if path is not None and path.suffix.lower() in _SUFFIX_FORMATS:
        return _SUFFIX_FORMATS[path.suffix.lower()]
    if data.startswith(b"%PDF-"):
        return "pdf"
    start = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return "html" if start.startswith((b"<!doctype html", b"<html")) else "text"


# Tags after which a browser starts a new line: they become a line break,
# so that titles, paragraphs and table rows stay lines for the readers.
_BLOCKS = frozenset((
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt", "figcaption",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
    "pre", "section", "table", "tbody", "thead", "title", "tr", "ul"))
_CELLS = frozenset(("td", "th"))  # a cell starts with a tab: a row stays one line
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)[^<>]*>|<![^<>]*>|<\?[^<>]*>")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_RAW_TEXT = ("script", "style", "noscript", "template")


def visible_text(markup: str) -> str:
    """HTML to the text a reader sees, of the same length: tags, comments,
    scripts and styles are blanked with spaces (a block tag with a line
    break), an entity becomes its character followed by spaces.

    >>> visible_text("<tr><td>營收</td><td>1&#44;000</td></tr>")
    '\\n   \\t   營收     \\t   1,    000     \\n    '
    """
    out = list(markup)
    for start, end in _hidden(markup):
        for k in range(start, end):
            if out[k] != "\n":
                out[k] = " "
    for m in _TAG.finditer(markup):
        if _blank_at(out, m.start()):
            continue  # inside a comment or a script, blanked already
        for k in range(m.start(), m.end()):
            if out[k] != "\n":
                out[k] = " "
        name = (m.group(1) or "").lower()
        if name in _BLOCKS:
            out[m.start()] = "\n"
        elif name in _CELLS and markup[m.start() + 1] != "/":
            out[m.start()] = "\t"
    for m in _ENTITY.finditer(markup):
        if out[m.start()] != "&":
            continue
        char = html.unescape(m.group()).replace("\xa0", " ")
        if char != m.group() and len(char) <= len(m.group()):
            out[m.start():m.end()] = list(char.ljust(len(m.group())))
    return "".join(out)


def has_markup(text: str) -> bool:
    """Whether ``text`` holds HTML block or cell tags (a scraped page, or the
    HTML a PDF parser wrote), whose lines a reader sees only once the tags
    are blanked by :func:`visible_text`.

    >>> has_markup("<p>主持人：欢迎。</p>"), has_markup("收入 < 5亿元")
    (True, False)
    """
    return any((m.group(1) or "").lower() in _BLOCKS or (m.group(1) or "").lower() in _CELLS
               for m in _TAG.finditer(text))


def without_hidden(markup: str) -> str:
    """HTML with comments and the contents of scripts and styles blanked
    with spaces (line breaks kept), the tags left as they are.

    >>> without_hidden("<p>收入5億元</p><!-- 舊稿100元 --><script>x=2</script>")
    '<p>收入5億元</p>                <script>   </script>'
    """
    out = list(markup)
    for start, end in _hidden(markup):
        for k in range(start, end):
            if out[k] != "\n":
                out[k] = " "
    return "".join(out)


def _blank_at(out: list[str], k: int) -> bool:
    return out[k] in (" ", "\n")


def _hidden(markup: str) -> Iterator[tuple[int, int]]:
    """Spans of comments and of script and style contents, in one pass of
    ``str.find`` (an unclosed one runs to the end, as in a browser)."""
    lower = markup.lower()
    k = 0
    n = len(markup)
    while k < n:
        k = lower.find("<", k)
        if k < 0:
            return
        if lower.startswith("<!--", k):
            end = lower.find("-->", k + 4)
            end = n if end < 0 else end + 3
            yield k, end
            k = end
            continue
        name = next((t for t in _RAW_TEXT if lower.startswith(t, k + 1)
                     and not lower[k + 1 + len(t):k + 2 + len(t)].isalnum()), None)
        if name is None:
            k += 1
            continue
        close = lower.find(f"</{name}", k + 1)
        end = n if close < 0 else close
        open_end = lower.find(">", k)
        yield (open_end + 1 if 0 <= open_end < end else k), end
        k = end if close >= 0 else n


def pdf_available() -> bool:
    """Whether PDF files can be read: the PDF reader (``cnreport.pdf``) and
    the packages of its extra are installed."""
    return _pdf_module() is not None


def _pdf_module() -> Optional[ModuleType]:
    # The PDF reader is its own module with its own optional dependencies;
    # it raises ImportError at import when they are not installed. Its
    # contract here: read_pdf(data: bytes, *, source: str) -> str.
    try:
        return importlib.import_module(f"{__package__}.pdf")
    except ImportError:
        return None


def _read_pdf(data: bytes, source: str) -> str:
    module = _pdf_module()
    if module is None:
        raise ReadError("a PDF file, and the PDF reader is not installed "
                        "(pip install 'cnreport[pdf]')", source)
    try:
        text: str = module.read_pdf(data, source=source)
    except ValueError as err:  # the PDF reader's own error: one kind of error for a caller
        raise ReadError(getattr(err, "message", str(err)), source) from err
    return text
