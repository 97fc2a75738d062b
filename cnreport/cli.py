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
import codecs
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Optional, TextIO

from .__about__ import __version__
from .export import COLUMNS as _METRIC_COLUMNS
from .export import csv_row, csv_writer, write_bom
from .numbers import find_numbers
from .report import parse
from .speakers import segment

__all__ = ["main"]

Record = dict[str, object]
Producer = Callable[[str, str, int], list[Record]]

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


def _metric_records(name: str, text: str, offset: int = 0) -> list[Record]:
    return parse(text, source=name).to_records()


def _number_records(name: str, text: str, offset: int = 0) -> list[Record]:
    """The numbers of ``text``, a block of whole lines that starts at
    character ``offset`` of the file."""
    records = []
    for m in find_numbers(text):
        record = {"file": name, **m.to_dict()}
        record["start"], record["end"] = m.start + offset, m.end + offset
        records.append(record)
    return records


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
        def produce(name: str, text: str, offset: int = 0) -> list[Record]:
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
        write_bom(sys.stdout)
    return _process(args, produce, columns, sys.stdout)


def _process(args: argparse.Namespace, produce: Producer, columns: Sequence[str],
             out: TextIO) -> int:
    writer = _Writer(out, args.format, columns)
    status = 0
    inputs = list(_inputs(args.paths))
    # Numbers never span a line break, so the numbers command reads a file in
    # blocks of lines and its memory stays the same for any file size; the
    # others need the whole text (speakers and headings carry across lines).
    in_blocks = produce is _number_records
    for name, path in _progress(inputs, args):
        blocks = _texts(path, args.encoding, in_blocks)
        while True:
            try:
                block = next(blocks, None)
            except (OSError, UnicodeDecodeError, LookupError) as err:
                print(f"cnreport: {name}: {err}", file=sys.stderr)
                status = 1
                break
            if block is None:
                break
            try:
                records = produce(name, block[1], block[0])
            except Exception as err:  # a bug of ours must not cost the other files
                print(f"cnreport: {name}: internal error, please report it: {err!r}", file=sys.stderr)
                status = 1
                break
            # outside the input's error handling: a failing output stops the run (status 2)
            for record in records:
                writer.write(record)
    writer.close()
    return status


_BLOCK = 1 << 20  # characters (or bytes) read at a time from a large file


def _texts(path: Optional[Path], encoding: Optional[str], in_blocks: bool) -> Iterator[tuple[int, str]]:
    """(offset, text) of a file: the whole text, or blocks of whole lines."""
    if path is None:
        yield 0, _decode(sys.stdin.buffer.read(), encoding)
        return
    if not in_blocks:
        yield 0, _decode(path.read_bytes(), encoding)
        return
    encoding = encoding or _utf8_or_gb18030(path)
    offset = 0
    lines: list[str] = []
    size = 0
    with path.open(encoding=encoding, newline="\n") as f:  # line breaks as written
        for line in f:
            lines.append(line)
            size += len(line)
            if size >= _BLOCK:
                yield offset, "".join(lines)
                offset, lines, size = offset + size, [], 0
    if lines:
        yield offset, "".join(lines)


def _utf8_or_gb18030(path: Path) -> str:
    """UTF-8 when the whole file decodes as UTF-8 (checked a block at a time),
    else GB18030: the choice _decode makes, without holding the file."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as f:
        try:
            for block in iter(lambda: f.read(_BLOCK), b""):
                decoder.decode(block)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "gb18030"
    return "utf-8-sig"


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
        self.file = os.fdopen(fd, "w", encoding="utf-8", newline="")
        if bom:
            write_bom(self.file)

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
