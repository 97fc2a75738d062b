"""Every exception cnreport raises.

Errors carry the input and the position that made them, and survive pickling
so that they can travel back from worker processes.
"""
from __future__ import annotations

__all__ = ["CnreportError", "ParseError"]


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
