"""The ``cnreport`` command: numbers from files, directories or standard input.

    cnreport numbers seeds/                # every *.txt below seeds/, as a table
    cnreport numbers report.txt --format jsonl
    cat report.txt | cnreport numbers -

Results go to standard output, diagnostics to standard error. A file that
cannot be read or decoded is reported with its name and the others are still
processed; the exit status is then 1.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from .__about__ import __version__
from .numbers import find_numbers

__all__ = ["main"]


def _decode(data: bytes, encoding: str | None) -> str:
    if encoding:
        return data.decode(encoding)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def _inputs(paths: Sequence[str]) -> Iterator[tuple[str, Path | None]]:
    for p in paths:
        if p == "-":
            yield "-", None
            continue
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*.txt")):
                yield str(child), child
        else:
            yield p, path


def _write_table(out: TextIO, name: str, mentions: list[dict[str, object]]) -> None:
    for m in mentions:
        value = m["value"] if m["value"] is not None else f"{m['low']}..{m['high']}"
        cells = [name, f"{m['start']}-{m['end']}", str(m["text"]), str(value),
                 str(m["unit"] or ""), str(m["qualifier"] or ""), str(m["kind"])]
        out.write("\t".join(cells) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = argparse.ArgumentParser(prog="cnreport", description="Structured data from Chinese business reports.")
    parser.add_argument("--version", action="version", version=f"cnreport {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    numbers = sub.add_parser("numbers", help="every numeric expression, with value, unit and qualifier")
    numbers.add_argument("paths", nargs="+", help="files, directories (their *.txt files) or - for stdin")
    numbers.add_argument("--format", choices=("table", "jsonl"), default="table")
    numbers.add_argument("--encoding", help="input encoding (default: UTF-8, then GB18030)")
    args = parser.parse_args(argv)
    try:
        return _numbers(args)
    except BrokenPipeError:
        # the reader (head, less) went away: stop quietly, as other filters do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _numbers(args: argparse.Namespace) -> int:
    out = sys.stdout
    status = 0
    if args.format == "table":
        out.write("file\tspan\ttext\tvalue\tunit\tqualifier\tkind\n")
    for name, path in _inputs(args.paths):
        try:
            data = sys.stdin.buffer.read() if path is None else path.read_bytes()
            text = _decode(data, args.encoding)
        except (OSError, UnicodeDecodeError, LookupError) as err:
            print(f"cnreport: {name}: {err}", file=sys.stderr)
            status = 1
            continue
        mentions = [m.to_dict() for m in find_numbers(text)]
        if args.format == "jsonl":
            for m in mentions:
                out.write(json.dumps({"file": name, **m}, ensure_ascii=False) + "\n")
        else:
            _write_table(out, name, mentions)
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
