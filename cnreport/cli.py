"""The ``cnreport`` command: structured data from files, directories or stdin.

    cnreport parse seeds/                  # one row per metric, every *.txt below seeds/
    cnreport parse seeds/ --format csv --bom -o metrics.csv
    cnreport numbers report.txt --format jsonl
    cnreport speakers report.txt
    cat report.txt | cnreport parse -

Results go to standard output (or ``-o FILE``, written whole or not at all),
diagnostics to standard error. A file that cannot be read or decoded is
reported with its name and the others are still processed. Exit status: 0
when every file was read, 1 when some were not, 2 when the output could not
be written (then ``FILE`` is left as it was).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Optional, TextIO

from .__about__ import __version__
from .export import COLUMNS as _METRIC_COLUMNS
from .export import csv_row, csv_writer
from .numbers import find_numbers
from .report import parse
from .speakers import segment

__all__ = ["main"]

Record = dict[str, object]
Producer = Callable[[str, str], list[Record]]

_NUMBER_COLUMNS = ("file", "start", "end", "text", "value", "low", "high", "unit", "qualifier",
                   "kind", "currency")
_SPEAKER_COLUMNS = ("file", "start", "end", "kind", "name", "title", "org", "key", "heading",
                    "duplicate_of", "first_words")


def _decode(data: bytes, encoding: Optional[str]) -> str:
    if encoding:
        return data.decode(encoding)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def _inputs(paths: Sequence[str]) -> Iterator[tuple[str, Optional[Path]]]:
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


def _metric_records(name: str, text: str) -> list[Record]:
    return parse(text, source=name).to_records()


def _number_records(name: str, text: str) -> list[Record]:
    return [{"file": name, **m.to_dict()} for m in find_numbers(text)]


def _speaker_records(name: str, text: str, *, everything: bool = False) -> list[Record]:
    rows = []
    for s in segment(text):
        if s.speaker is None and not everything:
            continue
        sp = s.speaker
        rows.append({"file": name, "start": s.start, "end": s.end, "kind": s.kind,
                     "name": sp.name if sp else None, "title": sp.title if sp else None,
                     "org": sp.org if sp else None, "key": sp.key if sp else None,
                     "heading": s.heading, "duplicate_of": s.duplicate_of,
                     "first_words": _first_words(s.text)})
    return rows


def _first_words(text: str, n: int = 30) -> str:
    return " ".join(text.split())[:n]


class _Writer:
    """Writes records as a table, CSV, JSON Lines or one JSON array."""

    def __init__(self, out: TextIO, fmt: str, columns: Sequence[str]) -> None:
        self.out, self.fmt, self.columns = out, fmt, tuple(columns)
        self.count = 0
        if fmt == "csv":
            self.csv = csv_writer(out, self.columns)
        elif fmt == "table":
            out.write("\t".join(self.columns) + "\n")
        elif fmt == "json":
            out.write("[")

    def write(self, record: Record) -> None:
        if self.fmt == "jsonl":
            self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif self.fmt == "json":
            self.out.write(("," if self.count else "") + "\n"
                           + json.dumps(record, ensure_ascii=False))
        elif self.fmt == "csv":
            self.csv.writerow(csv_row(record, self.columns))
        else:
            self.out.write("\t".join(_cell(record.get(k)).replace("\t", " ").replace("\n", " ")
                                     for k in self.columns) + "\n")
        self.count += 1

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("\n]\n" if self.count else "]\n")


def _cell(v: object) -> str:
    return "" if v is None else str(v)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cnreport",
                                     description="Structured data from Chinese business reports.")
    parser.add_argument("--version", action="version", version=f"cnreport {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    commands = {
        "parse": "one row per metric: value, unit, qualifier, subject, period, speaker",
        "numbers": "every numeric expression, with value, unit and qualifier",
        "speakers": "who speaks where: one row per speaker section",
    }
    for name, text in commands.items():
        cmd = sub.add_parser(name, help=text, description=text)
        cmd.add_argument("paths", nargs="+", help="files, directories (their *.txt files) or - for stdin")
        cmd.add_argument("--format", choices=("table", "csv", "jsonl", "json"), default="table")
        cmd.add_argument("-o", "--output", help="write here instead of standard output")
        cmd.add_argument("--bom", action="store_true",
                         help="start the output with a UTF-8 byte order mark (for spreadsheets)")
        cmd.add_argument("--encoding", help="input encoding (default: UTF-8, then GB18030)")
        cmd.add_argument("--no-progress", action="store_true",
                         help="no progress bar (it is shown only when stderr is a terminal)")
        if name == "speakers":
            cmd.add_argument("--all", action="store_true",
                             help="list every section, narrative and boilerplate included")
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    if args.command == "parse":
        produce: Producer = _metric_records
        columns: Sequence[str] = _METRIC_COLUMNS
    elif args.command == "numbers":
        produce = _number_records
        columns = _NUMBER_COLUMNS
    else:
        def produce(name: str, text: str) -> list[Record]:
            return _speaker_records(name, text, everything=args.all)
        columns = _SPEAKER_COLUMNS
    try:
        return _run(args, produce, columns)
    except BrokenPipeError:
        # the reader (head, less) went away: stop quietly, as other filters do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _run(args: argparse.Namespace, produce: Producer, columns: Sequence[str]) -> int:
    if args.output and args.output != "-":
        try:
            with _AtomicFile(Path(args.output), bom=args.bom) as out:
                return _process(args, produce, columns, out)
        except OSError as err:
            print(f"cnreport: {args.output}: {err.strerror or err}", file=sys.stderr)
            return 2
    if args.bom:
        sys.stdout.write("\ufeff")
    return _process(args, produce, columns, sys.stdout)


def _process(args: argparse.Namespace, produce: Producer, columns: Sequence[str],
             out: TextIO) -> int:
    writer = _Writer(out, args.format, columns)
    status = 0
    inputs = list(_inputs(args.paths))
    for name, path in _progress(inputs, args):
        try:
            data = sys.stdin.buffer.read() if path is None else path.read_bytes()
            text = _decode(data, args.encoding)
        except (OSError, UnicodeDecodeError, LookupError) as err:
            print(f"cnreport: {name}: {err}", file=sys.stderr)
            status = 1
            continue
        try:
            records = produce(name, text)
        except Exception as err:  # a bug of ours must not cost the other files
            print(f"cnreport: {name}: internal error, please report it: {err!r}", file=sys.stderr)
            status = 1
            continue
        for record in records:
            writer.write(record)
    writer.close()
    return status


def _progress(inputs: list[tuple[str, Optional[Path]]], args: argparse.Namespace
              ) -> Iterator[tuple[str, Optional[Path]]]:
    """A bar on stderr for batches; tqdm leaves it out when stderr is not a terminal."""
    if args.no_progress or len(inputs) < 2:
        return iter(inputs)
    from tqdm import tqdm
    return iter(tqdm(inputs, desc=f"cnreport {args.command}", unit="file", disable=None,
                     file=sys.stderr))


class _AtomicFile:
    """A text file written beside ``path`` and renamed over it on success, so
    that ``path`` is the whole output or untouched, never a part of it."""

    def __init__(self, path: Path, *, bom: bool) -> None:
        fd, self.tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        self.path = path
        self.file = os.fdopen(fd, "w", encoding="utf-8-sig" if bom else "utf-8", newline="")

    def __enter__(self) -> TextIO:
        return self.file

    def __exit__(self, kind: object, err: object, tb: object) -> None:
        try:
            self.file.close()
            if kind is None:
                os.replace(self.tmp, self.path)
        finally:
            if os.path.exists(self.tmp):
                os.unlink(self.tmp)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
