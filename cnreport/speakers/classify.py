"""Each line classified in its context: speaker lines, speakers named on two
lines, headings, boilerplate.
"""
from __future__ import annotations

from .headings import _DELIMITER, _colon_headings, _delimited_headings, _heading_line, _next_text, _repeated_headers
from .lines import _boilerplate_line, _byline, _count_short_labels, _Line, _speaker_line
from .names import _is_name, _is_title, _speaker


def _classify(lines: list[_Line]) -> None:
    short_labels = _count_short_labels(lines)
    for line in lines:
        f = line.folded
        if not f.strip():
            line.role = "blank"
        elif _DELIMITER.fullmatch(f):
            line.role = "delimiter"
        elif _boilerplate_line(line):
            line.role = "boilerplate"
        elif f.lstrip()[:1].isdigit() and _byline(line):
            line.role = "byline"  # (2024年12月1日　某某财经　记者：某某: a dated credit, no speaker's label)
        elif _speaker_line(line, short_labels):
            line.role = "speaker"
        elif _byline(line):
            line.role = "byline"
        elif _heading_line(line):
            line.role = "heading"
    _two_line_speakers(lines)
    _colon_headings(lines)
    _delimited_headings(lines)
    _repeated_headers(lines)


_OPEN_BEFORE = ("blank", "delimiter", "heading", "boilerplate")
_MIN_PARAGRAPH = 10  # characters of the paragraph a two-line speaker introduces


def _two_line_speakers(lines: list[_Line]) -> None:
    """A title and a name on two lines of their own (腾讯公司副总裁 / 林松涛,
    or the name first), standing apart and followed by a paragraph, open a
    speech. The name must be a name alone (not a common word)."""
    for i in range(len(lines) - 1):
        a, b = lines[i], lines[i + 1]
        if a.role != "plain" or b.role != "plain" or (i > 0 and lines[i - 1].role not in _OPEN_BEFORE):
            continue
        fa, fb = a.folded.strip(), b.folded.strip()
        if _is_title(fa) and _is_name(fb, strict=True):
            name, title = b.raw.strip(), a.raw.strip()
        elif _is_title(fb) and _is_name(fa, strict=True):
            name, title = a.raw.strip(), b.raw.strip()
        else:
            continue
        nxt = _next_text(lines, i + 1)
        if nxt is None or nxt == i + 1 or lines[nxt].role != "plain" \
                or len(lines[nxt].folded.strip()) < _MIN_PARAGRAPH:
            continue
        a.role, a.turn_kind = "speaker", "speech"
        a.speaker = _speaker(name, title, a.raw + " " + b.raw)
