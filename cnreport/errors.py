"""Every exception cnreport raises.

Errors carry the input and the position that made them, and survive pickling
so that they can travel back from worker processes.
"""
from __future__ import annotations

__all__ = ["BinaryFileError", "CnreportError", "ParseError", "ReadError"]


class CnreportError(Exception):
    """Base class of every cnreport error: catch it to handle all of them.

    >>> from cnreport import CnreportError, parse_number
    >>> try:
    ...     parse_number("幾千")
    ... except CnreportError as err:
    ...     type(err).__name__
    'ParseError'
    """


class ParseError(CnreportError, ValueError):
    """A string that was meant to be one number is not one.

    >>> from cnreport import parse_number, ParseError
    >>> try:
    ...     parse_number("三百块")
    ... except ParseError as err:
    ...     (err.text, err.position)
    ('三百块', 2)
    """

    def __init__(self, message: str, text: str, position: int) -> None:
        super().__init__(message)
        self.message = message
        self.text = text
        self.position = position

    def __reduce__(self) -> tuple[type[ParseError], tuple[str, str, int]]:
        return (type(self), (self.message, self.text, self.position))

    def __str__(self) -> str:
        return f"{self.message} (in {self.text!r} at position {self.position})"


class ReadError(CnreportError, ValueError):
    """A file or a byte string that cannot be read as text: not in an
    encoding cnreport can tell, or not decodable in the one asked for.

    >>> from cnreport.read import decode
    >>> try:
    ...     decode(b"\\xff\\xfe\\x00\\xd8", source="bad.txt")
    ... except ReadError as err:
    ...     err.source
    'bad.txt'
    """

    def __init__(self, message: str, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def __reduce__(self) -> tuple[type[ReadError], tuple[str, str | None]]:
        return (type(self), (self.message, self.source))

    def __str__(self) -> str:
        return f"{self.source}: {self.message}" if self.source else self.message


class BinaryFileError(ReadError):
    """The input is not text at all (an image, an archive, a program).

    >>> from cnreport.read import decode
    >>> try:
    ...     decode(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00", source="chart.txt")
    ... except BinaryFileError as err:
    ...     str(err)
    'chart.txt: a binary file (a PNG image), not text'
    """
