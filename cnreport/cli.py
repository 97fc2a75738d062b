"""The ``cnreport`` command: structured data from files, directories or stdin.

    cnreport parse seeds/                  # one row per metric, as a table
    cnreport parse seeds/ --format csv --bom -o metrics.csv
    cnreport numbers report.txt --format jsonl
    cnreport speakers report.txt --columns source,name,title
    cnreport collect reports/ -o facts.parquet   # one row per fact across reports
    cat report.txt | cnreport parse -

Results go to standard output (or ``-o FILE``), diagnostics to standard
error. A directory is searched for ``--glob`` patterns (default: ``*.txt``,
``*.md``, ``*.html`` and the like, any case, and ``*.pdf`` where the PDF
reader is installed). A file that cannot be read or decoded is named with
the reason and the others are still read; a guessed encoding is named with
``--encoding`` to set it.

Exit status: 0 when every input was read; 1 when some were not, or when
there was nothing to read; 2 for a usage error or when the output could not
be written (then ``FILE`` is left as it was); 130 when interrupted (Ctrl-C):
with ``-o``, the rows of the files finished by then are kept in
``NAME.partial.EXT`` and ``FILE`` is left as it was.
"""
from __future__ import annotations

import argparse
import codecs
import contextlib
import fnmatch
import functools
import os
import shutil
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO, Optional

from .__about__ import __version__
from .currency import check_currency
from .entities import Entities
from .errors import ReadError
from .export import COLUMNS as _METRIC_COLUMNS
from .export import write_bom
from .numbers import find_numbers
from .read import Document, read_bytes, read_file, sniff, suffixes
from .report import parse
from .speakers import segment
from .stream import iter_metrics
from .writers import FORMATS, OutputFile, Writer

__all__ = ["main"]

Record = dict[str, object]

_NUMBER_COLUMNS = ("source", "start", "end", "text", "value", "low", "high", "unit", "qualifier",
                   "kind", "currency")
_SPEAKER_COLUMNS = ("source", "start", "end", "kind", "name", "title", "org", "key", "heading",
                    "duplicate_of", "first_words")
# What the table shows unless --columns says otherwise: enough to read a row
# on an 80-column terminal; every other format has every column.
_TABLE_COLUMNS = {
    "parse": ("source", "text", "value", "unit", "subject", "period", "speaker"),
    "numbers": ("source", "start", "text", "value", "unit", "qualifier", "kind", "currency"),
    "speakers": ("source", "start", "kind", "name", "title", "org", "first_words"),
}
_ALL_COLUMNS = {"parse": tuple(_METRIC_COLUMNS), "numbers": _NUMBER_COLUMNS, "speakers": _SPEAKER_COLUMNS}
_COMMANDS = {
    "parse": "one row per metric: the figure, its value and unit, subject, period, speaker",
    "numbers": "one row per numeric expression: value, bounds, unit, qualifier, kind",
    "speakers": "one row per speaker section: who speaks, with title and organisation",
}
_BLOCK = 1 << 18  # bytes of a large text file the numbers command reads at a time
_STREAM = 1 << 22  # bytes from which the parse command reads a text file block by block (iter_metrics)
_STREAM_BLOCK = 500_000  # characters of such a block


class _Run:
    """The state of one command: its options, what it produces, the output."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.command: str = args.command
        self.failed = 0
        self.finished = 0
        self.rows = 0

    def records(self, doc: Document, text: str, offset: int) -> list[Record]:
        """The rows of ``text``, a part of ``doc`` starting at ``offset``."""
        if self.command == "parse":
            report = parse(text, source=doc.source, currency=self.args.currency, entities=self.args.entities)
            records = report.to_records()
            if self.args.explain:  # (the words each field was read from, in the why column)
                for record, metric in zip(records, report.metrics, strict=True):
                    record["why"] = "; ".join(" ".join(line.split()) for line in metric.explain(text).splitlines())
            return records
        # numbers and speakers read prose alone: an HTML file's tags blanked
        prose = doc.plain if doc.format == "html" else text
        if self.command == "numbers":
            return _number_records(doc.source, prose, offset, self.args.currency)
        return _speaker_records(doc.source, prose, everything=self.args.all)


def _number_records(name: str, text: str, offset: int, currency: Optional[str]) -> list[Record]:
    records = []
    for m in find_numbers(text, currency=currency):
        record: Record = {"source": name, **m.to_dict()}
        record["start"], record["end"] = m.start + offset, m.end + offset
        records.append(record)
    return records


def _speaker_records(name: str, text: str, *, everything: bool = False) -> list[Record]:
    rows: list[Record] = []
    for s in segment(text):
        if s.speaker is None and not everything:
            continue
        sp = s.speaker
        rows.append({"source": name, "start": s.start, "end": s.end, "kind": s.kind,
                     "name": sp.name if sp else None, "title": sp.title if sp else None,
                     "org": sp.org if sp else None, "key": sp.key if sp else None,
                     "heading": s.heading, "duplicate_of": s.duplicate_of,
                     "first_words": " ".join(s.text.split())[:30]})
    return rows


def _columns(value: str, command: str) -> tuple[str, ...]:
    known = _ALL_COLUMNS[command]
    if value == "all":
        return known
    wanted = tuple(c.strip() for c in value.split(",") if c.strip())
    unknown = [c for c in wanted if c not in known]
    if unknown or not wanted:
        raise argparse.ArgumentTypeError(
            f"unknown column {', '.join(unknown) or repr(value)}; the columns of {command} are: "
            f"{', '.join(known)}")
    return wanted


def _entities(value: str) -> Entities:
    try:
        return Entities.from_file(value)
    except OSError as err:
        raise argparse.ArgumentTypeError(f"{value}: {err.strerror or err}") from None
    except (ValueError, TypeError) as err:  # (a ParseError names the line)
        raise argparse.ArgumentTypeError(str(err)) from None


def _currency(value: str) -> str:
    try:
        return check_currency(value.upper()) or ""
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cnreport", description="Structured data from Chinese business reports.",
        epilog="Run 'cnreport COMMAND --help' for a command's options. Exit status: 0 all read, "
               "1 some input not read or none found, 2 usage or output error, 130 interrupted.")
    parser.add_argument("--version", action="version", version=f"cnreport {__version__}",
                        help="print the version and exit")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    patterns = ", ".join(f"*{s}" for s in suffixes())
    for name, text in _COMMANDS.items():
        cmd = sub.add_parser(name, help=text, description=text)
        cmd.add_argument("paths", nargs="+", metavar="PATH",
                         help="a file, a directory (searched with --glob, subfolders too) or - for "
                              "standard input")
        cmd.add_argument("--format", choices=FORMATS, default="table",
                         help="table: aligned columns that fit the terminal (default); tsv: every "
                              "column, tab-separated; csv; jsonl: one JSON object a line; json: one "
                              "JSON array")
        cmd.add_argument("--columns", metavar="A,B,...", type=functools.partial(_columns, command=name),
                         help=f"the columns to write, in order, or 'all' (default: "
                              f"{','.join(_TABLE_COLUMNS[name])} for the table, all for the other "
                              f"formats); the columns are: {', '.join(_ALL_COLUMNS[name])}")
        cmd.add_argument("-o", "--output", metavar="FILE",
                         help="write here instead of standard output; FILE is replaced only when "
                              "the run ends, and an interrupted run keeps its finished rows in "
                              "FILE's name with .partial before the extension")
        cmd.add_argument("--bom", action="store_true",
                         help="start the output with a UTF-8 byte order mark (for spreadsheets)")
        cmd.add_argument("--glob", action="append", metavar="PATTERN",
                         help=f"the file names read in a directory, any case; repeat for more "
                              f"(default: {patterns})")
        cmd.add_argument("--encoding", metavar="NAME",
                         help="the encoding of every input (utf-8, gb18030, big5, utf-16 ...); by "
                              "default it is found per file and a guess is named on stderr")
        cmd.add_argument("--currency", metavar="CODE", type=_currency,
                         help="the currency of a bare 元 where a document states none, as an ISO "
                              "4217 code: TWD, HKD, MOP (default: CNY)")
        cmd.add_argument("--width", type=int, metavar="N",
                         help="the width the table fits (default: the terminal's, or $COLUMNS)")
        progress = cmd.add_mutually_exclusive_group()
        progress.add_argument("--progress", action="store_true", default=None,
                              help="show a progress bar, counted in bytes read (default: when "
                                   "stderr is a terminal)")
        progress.add_argument("--no-progress", dest="progress", action="store_false",
                              help="never show the progress bar")
        cmd.set_defaults(progress=None)
        if name == "parse":
            cmd.add_argument("--entities", metavar="FILE", type=_entities,
                             help="your own entities, recognised and keyed as you key them: a CSV or "
                                  "tab-separated file with the columns name, aliases (separated by |) "
                                  "and code")
            cmd.add_argument("--explain", action="store_true",
                             help="say in the why column which rule set each field and from which words "
                                  "(shown in the table too)")
        if name == "speakers":
            cmd.add_argument("--all", action="store_true",
                             help="list every section, narrative and boilerplate included")
    from .dataset.command import add_parser as add_collect
    add_collect(sub)  # (facts across reports: the dataset's own options)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    if args.command == "collect":
        from .dataset.command import run as run_collect
        return run_collect(args)
    run = _Run(args)
    columns = args.columns or (_TABLE_COLUMNS[args.command] if args.format == "table"
                               else _ALL_COLUMNS[args.command])
    if getattr(args, "explain", False):
        columns = (*columns, *(c for c in ("entity", "why") if c not in columns))
    try:
        return _to_output(run, columns)
    except BrokenPipeError:
        # the reader (head, less) went away: stop quietly, as other filters do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _to_output(run: _Run, columns: Sequence[str]) -> int:
    args = run.args
    width = args.width or shutil.get_terminal_size().columns
    if not args.output or args.output == "-":
        if args.bom:
            write_bom(sys.stdout)
        writer = Writer(sys.stdout, args.format, columns, width=width)
        try:
            return _process(run, writer, lambda: None)
        except KeyboardInterrupt:
            sys.stdout.flush()
            print(f"cnreport: interrupted after {_files(run.finished)}", file=sys.stderr)
            return 130
    try:
        out = OutputFile(Path(args.output), bom=args.bom)
    except OSError as err:
        print(f"cnreport: {args.output}: {err.strerror or err}", file=sys.stderr)
        return 2
    try:
        writer = Writer(out.file, args.format, columns, width=width)
        status = _process(run, writer, lambda: out.mark(run.rows))
        out.commit()
        return status
    except KeyboardInterrupt:
        kept = out.keep_partial("\n]\n" if args.format == "json" and run.rows else
                                "]\n" if args.format == "json" else "")
        where = (f"the rows of the {_files(run.finished)} finished are in {kept}" if kept
                 else "no file was finished")
        print(f"cnreport: interrupted; {where}; {args.output} is untouched", file=sys.stderr)
        return 130
    except OSError as err:
        out.discard()
        print(f"cnreport: {args.output}: {err.strerror or err}", file=sys.stderr)
        return 2
    except BaseException:
        out.discard()
        raise


def _files(n: int) -> str:
    return f"{n} file" if n == 1 else f"{n} files"


def _process(run: _Run, writer: Writer, mark: Callable[[], None]) -> int:
    """Read every input, write its rows; ``mark`` after each finished file."""
    args = run.args
    inputs = list(_inputs(args.paths, args.glob))
    if not inputs:
        print(f"cnreport: nothing to read: {', '.join(args.paths)} holds no file matching "
              f"{', '.join(_patterns(args.glob))} (--glob to choose)", file=sys.stderr)
        writer.finish()
        return 1
    bar = _progress(inputs, args)
    try:
        for name, path in inputs:
            for record in _read_one(run, name, path, bar):
                writer.write(record)
                run.rows += 1
            run.finished += 1
            writer.mark()
            mark()
    finally:
        if bar is not None:
            bar.close()
    writer.finish()
    if run.rows == 0 and args.format == "table":
        what = {"parse": "metrics", "numbers": "numbers", "speakers": "speaker sections"}[run.command]
        print(f"cnreport: no {what} in {_files(len(inputs) - run.failed)}", file=sys.stderr)
    return 1 if run.failed else 0


def _read_one(run: _Run, name: str, path: Optional[Path], bar: Any) -> Iterator[Record]:
    """The rows of one input; a file that cannot be read is named on stderr."""
    try:
        if path is not None and _streams(run, path):
            yield from _streamed(run, name, path, bar)
            return
        for doc, text, offset, size in _documents(run, name, path):
            if offset == 0 and doc.doubt:
                print(f"cnreport: {name}: read as {doc.encoding}, a guess ({doc.doubt}); if the text "
                      f"looks wrong, name the encoding with --encoding", file=sys.stderr)
            if offset == 0 and not text.strip():
                print(f"cnreport: {name}: empty, nothing to read", file=sys.stderr)
            try:
                records = run.records(doc, text, offset)
            except Exception as err:  # a bug of ours must not cost the other files
                print(f"cnreport: {name}: internal error, please report it: {err!r}", file=sys.stderr)
                run.failed += 1
                return
            if bar is not None:
                bar.update(size)
            yield from records
    except ReadError as err:
        print(f"cnreport: {name}: {err.message}", file=sys.stderr)
        run.failed += 1
    except OSError as err:
        print(f"cnreport: {name}: {err.strerror or err}", file=sys.stderr)
        run.failed += 1


def _streams(run: _Run, path: Path) -> bool:
    """Whether the parse command reads ``path`` block by block: a large
    plain text file (``--explain`` quotes the whole text, so reads it whole)."""
    return run.command == "parse" and not run.args.explain and path.suffix.lower() in (".txt", ".text", ".md") \
        and path.stat().st_size > _STREAM


def _streamed(run: _Run, name: str, path: Path, bar: Any) -> Iterator[Record]:
    """The metric rows of a large text file, read block by block with
    :func:`cnreport.iter_metrics`, so that memory does not grow with it."""
    encoding = run.args.encoding
    if encoding is None:
        with path.open("rb") as f:
            guess = sniff(f, source=name)
        encoding = guess.encoding
        if guess.doubt:
            print(f"cnreport: {name}: read as {encoding}, a guess ({guess.doubt}); if the text "
                  f"looks wrong, name the encoding with --encoding", file=sys.stderr)
    metrics = iter_metrics(path, source=name, encoding=encoding, currency=run.args.currency,
                           entities=run.args.entities, block_chars=_STREAM_BLOCK)
    try:
        for metric in metrics:
            yield metric.to_record()
    except UnicodeDecodeError as err:
        raise ReadError(f"not valid {encoding} ({err.reason})", name) from None
    except (ReadError, OSError):
        raise  # (named on stderr by the caller)
    except Exception as err:  # a bug of ours must not cost the other files
        print(f"cnreport: {name}: internal error, please report it: {err!r}", file=sys.stderr)
        run.failed += 1
        return
    if bar is not None:
        bar.update(path.stat().st_size)


def _documents(run: _Run, name: str, path: Optional[Path]
               ) -> Iterator[tuple[Document, str, int, int]]:
    """(document, text, offset, bytes) of an input: the whole text, or for
    the numbers command on a large plain text file, blocks of whole lines
    (numbers never span a line break), so that memory stays the same and
    the progress bar moves within the file."""
    encoding = run.args.encoding
    if path is None:
        data = sys.stdin.buffer.read()
        doc = read_bytes(data, source="-", encoding=encoding)
        yield doc, doc.text, 0, len(data)
        return
    size = path.stat().st_size
    if run.command != "numbers" or size <= _BLOCK or path.suffix.lower() not in (".txt", ".text", ".md"):
        doc = read_file(path, encoding=encoding, source=name)
        yield doc, doc.text, 0, size
        return
    with path.open("rb") as f:
        guess = sniff(f, source=name) if encoding is None else None
    codec = codecs.lookup(encoding or (guess.encoding if guess else "utf-8")).name
    if codec.startswith(("utf-16", "utf-32")):  # its line breaks are not the byte 0x0A
        doc = read_file(path, encoding=codec, source=name)
        yield doc, doc.text, 0, size
        return
    doc = Document(name, "", "", "text", codec, guess.doubt if guess else None)
    decoder = codecs.getincrementaldecoder(codec)()
    offset = 0
    with path.open("rb") as f:
        for block, last in _line_blocks(f):
            try:
                text = decoder.decode(block, final=last)
            except UnicodeDecodeError as err:
                raise ReadError(f"not valid {codec} near byte {err.start} of a block", name) from None
            yield doc, text, offset, len(block)
            offset += len(text)


def _line_blocks(f: BinaryIO) -> Iterator[tuple[bytes, bool]]:
    """Blocks of whole lines of a file (0x0A is a line break in UTF-8,
    GB18030 and Big5, never a part of another character), and whether the
    block is the last."""
    rest = b""
    while True:
        data = f.read(_BLOCK)
        if not data:
            yield rest, True
            return
        data = rest + data
        cut = data.rfind(b"\n") + 1
        if cut == 0:
            rest = data
            continue
        yield data[:cut], False
        rest = data[cut:]


def _patterns(globs: Optional[list[str]]) -> list[str]:
    return globs or [f"*{s}" for s in suffixes()]


def _inputs(paths: Sequence[str], globs: Optional[list[str]]) -> Iterator[tuple[str, Optional[Path]]]:
    patterns = [p.lower() for p in _patterns(globs)]
    for p in paths:
        if p == "-":
            yield "-", None
            continue
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if not hidden and child.is_file() and any(
                        fnmatch.fnmatchcase(child.name.lower(), pattern) for pattern in patterns):
                    yield str(child), child
        else:
            yield p, path


def _progress(inputs: list[tuple[str, Optional[Path]]], args: argparse.Namespace) -> Any:
    """A bar on stderr counting the bytes read, or ``None``."""
    if args.progress is False or (args.progress is None and not sys.stderr.isatty()):
        return None
    total = 0
    for _, path in inputs:
        with contextlib.suppress(OSError):  # a file that vanished is reported when it is read
            total += path.stat().st_size if path is not None else 0
    from tqdm import tqdm  # type: ignore[import-untyped,unused-ignore]
    return tqdm(total=total or None, desc=f"cnreport {args.command}", unit="B", unit_scale=True,
                file=sys.stderr, mininterval=0.2)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
