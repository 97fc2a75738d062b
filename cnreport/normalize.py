"""The length-preserving fold that every matcher reads.

``fold(text)`` returns a string of exactly the same length in which
full-width digits and the full-width ``．％＋－～`` become ASCII and traditional
characters become their simplified form (one character for one, from
OpenCC's table). Offsets found in the folded text are therefore offsets into
the original. The source is never NFKC-normalised: that changes lengths
(``㈠`` → ``(一)``) and turns the Chinese comma ``，`` into ``,``, which would
then read as a thousands separator.
"""
from __future__ import annotations

from functools import lru_cache

from .lexicon import t2s_pairs

__all__ = ["fold"]

# Only characters whose folded form means the same to a number reader; the
# Chinese comma and the ideographic full stop stay as they are on purpose.
_WIDTH = {chr(0xFF10 + d): str(d) for d in range(10)}
_WIDTH.update({
    "．": ".", "％": "%", "＋": "+", "－": "-", "～": "~", "〜": "~",
    "−": "-", "﹪": "%", "＄": "$", "￥": "¥", "／": "/", "：": ":",
})


# Characters mapped to themselves in the table: str.translate keeps a
# character that is missing from its table by catching a LookupError, which
# costs more than finding it (a third of the time on Chinese text).
_COMMON = ((0x20, 0x7F), (0x3000, 0x3040), (0x4E00, 0xA000), (0xFF00, 0xFFF0))


@lru_cache(maxsize=1)
def _table() -> dict[int, int]:
    table: dict[int, int] = {c: c for a, b in _COMMON for c in range(a, b)}
    # code points rather than one-character strings: translate writes them
    # without a string look-up
    table.update({ord(k): ord(v) for k, v in t2s_pairs().items()})
    table.update({ord(k): ord(v) for k, v in _WIDTH.items()})
    return table


def fold(text: str) -> str:
    """Fold width and script variants, keeping the length.

    >>> fold("１００萬臺，約３．８％")
    '100万台，约3.8%'
    >>> len(fold("騰訊")) == len("騰訊")
    True
    """
    return text.translate(_table())
