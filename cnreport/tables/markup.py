"""The visible text of a stretch of markup, with the offset of each character.

A cell's content may hold tags (``<br>``, ``<b>``, ``<sup>``) and character
references (``&amp;``); the figure and the label are read on what a reader
sees, and every character keeps the offset it came from, so that spans index
the original text.
"""
from __future__ import annotations

import html
from typing import NamedTuple

__all__ = ["Visible", "pieced", "visible"]

_BREAKS = ("br", "br/", "p", "/p", "div", "/div", "li")
_LONGEST_REFERENCE = 32


class Visible(NamedTuple):
    """Visible characters and, for each, its offset in the original text."""

    text: str
    offsets: tuple[int, ...]
    head: int = 0  # the characters of its first piece, when printed in pieces over several lines

    def span(self, a: int, b: int) -> tuple[int, int]:
        """The original span of visible characters ``a`` to ``b`` (``a < b``)."""
        return self.offsets[a], self.offsets[b - 1] + 1


def visible(text: str, start: int, end: int) -> Visible:
    """What ``text[start:end]`` shows: tags left out (a ``<br>`` is a line
    break), character references resolved.

    >>> v = visible("<td>1,234<br>&amp;5</td>", 4, 19)
    >>> v.text
    '1,234\\n&5'
    >>> v.span(6, 8)
    (13, 19)
    """
    chars: list[str] = []
    offsets: list[int] = []
    i = start
    while i < end:
        c = text[i]
        if c == "<":
            close = text.find(">", i + 1, end)
            if close > 0 and _is_tag(text[i + 1:close]):
                name = text[i + 1:close].strip().lower().split(" ")[0].rstrip("/")
                if name in _BREAKS or name + "/" in _BREAKS:
                    chars.append("\n")
                    offsets.append(i)
                i = close + 1
                continue
        elif c == "&":
            semi = text.find(";", i + 1, min(end, i + _LONGEST_REFERENCE))
            if semi > 0:
                resolved = html.unescape(text[i:semi + 1])
                if len(resolved) == 1:
                    chars.append(resolved)
                    offsets.append(i)
                    i = semi + 1
                    continue
        chars.append(c)
        offsets.append(i)
        i += 1
    return Visible("".join(chars), tuple(offsets))


def _is_tag(inner: str) -> bool:
    """``<br>``, ``</td>``, ``<sup>``: a letter or slash opens a tag; ``< 5``
    and ``<5%`` are text."""
    return bool(inner) and ((inner[0].isascii() and inner[0].isalpha()) or inner[0] == "/")


def pieced(text: str, parts: tuple[tuple[int, int], ...]) -> Visible:
    """What a cell printed in pieces on several lines shows: its pieces top
    to bottom, a line break between two (at the offset just before the next).

    >>> v = pieced("12,345.\\nxx 67", ((0, 7), (11, 13)))
    >>> (v.text, v.head, v.span(0, v.head))
    ('12,345.\\n67', 7, (0, 7))
    """
    chars: list[str] = []
    offsets: list[int] = []
    head = 0
    for n, (a, b) in enumerate(parts):
        v = visible(text, a, b)
        if n:
            chars.append("\n")
            offsets.append(a - 1)
        chars.extend(v.text)
        offsets.extend(v.offsets)
        head = head or len(chars)
    return Visible("".join(chars), tuple(offsets), head if len(parts) > 1 else 0)
