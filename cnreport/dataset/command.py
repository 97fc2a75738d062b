"""``cnreport collect``: a folder of reports into one dataset of facts.

    cnreport collect reports/ -o facts.parquet        # Parquet (pip install 'cnreport[parquet]')
    cnreport collect reports/ --format jsonl -o facts.jsonl
    cnreport collect reports/                         # a table of the facts on the terminal

The format follows ``-o``'s extension (``.parquet``, ``.jsonl``, ``.json``,
``.csv``, ``.tsv``) unless ``--format`` says it. A file that cannot be read
is named on standard error and the others are collected (exit status 1).
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path
from typing import Any

from ..writers import FORMATS, OutputFile, Writer
from .collect import collect
from .tables import COLUMNS

__all__ = ["add_parser", "run"]

_TABLE = ("entity_key", "measure", "period", "kind", "value", "unit", "conflict", "preferred", "n_sources")
_SUFFIXES = {".parquet": "parquet", ".jsonl": "jsonl", ".json": "json", ".csv": "csv", ".tsv": "tsv"}


def add_parser(sub: Any) -> None:
    """The ``collect`` command's options, on the command line's subparsers."""
    text = "one row per fact across reports: entity, measure, period, kind, value, and every source"
    cmd = sub.add_parser("collect", help=text, description=text)
    cmd.add_argument("paths", nargs="+", metavar="PATH", help="files or folders of reports (subfolders too)")
    cmd.add_argument("-o", "--output", metavar="FILE",
                     help="write here (.parquet, .jsonl, .json, .csv or .tsv); FILE is replaced only "
                          "when the run ends")
    cmd.add_argument("--format", choices=(*FORMATS, "parquet"),
                     help="parquet needs pyarrow; jsonl and json nest the sources, csv and tsv write "
                          "them as JSON text; table (the default without -o) shows a few columns")
    cmd.add_argument("--entities", metavar="FILE",
                     help="your own entities (CSV or tab-separated: name, aliases separated by |, code)")
    cmd.add_argument("--currency", metavar="CODE", help="the currency of a bare 元 where a report states none")
    cmd.add_argument("--jobs", type=int, default=1, metavar="N", help="parse in N processes (default 1)")
    cmd.add_argument("--width", type=int, metavar="N", help="the width the table fits")


def run(args: argparse.Namespace) -> int:
    """Collect, write, and say what was not read; the exit status."""
    fmt = args.format or (_SUFFIXES.get(Path(args.output).suffix.lower(), "jsonl") if args.output else "table")
    missing = [p for p in args.paths if not Path(p).exists()]
    for p in missing:
        print(f"cnreport: {p}: no such file or folder", file=sys.stderr)
    try:
        dataset = collect([Path(p) for p in args.paths if p not in missing], entities=_entities(args.entities),
                          currency=args.currency.upper() if args.currency else None, n_process=args.jobs)
    except (OSError, ValueError, TypeError) as err:
        print(f"cnreport: {err}", file=sys.stderr)
        return 2
    for source, reason in dataset.errors:
        print(f"cnreport: {source}: {reason}", file=sys.stderr)
    try:
        _write(dataset, fmt, args)
    except BrokenPipeError:
        raise  # (the command line's main stops quietly)
    except ImportError as err:
        print(f"cnreport: {err}", file=sys.stderr)
        return 2
    except OSError as err:
        print(f"cnreport: {args.output}: {err.strerror or err}", file=sys.stderr)
        return 2
    conflicts = len(dataset.conflicts())
    print(f"cnreport: {len(dataset)} facts ({conflicts} in conflict) from "
          f"{len({s.source for f in dataset for s in f.sources})} files", file=sys.stderr)
    return 1 if dataset.errors or missing else 0


def _entities(path: Any) -> Any:
    if path is None:
        return None
    from ..entities import Entities
    return Entities.from_file(path)


def _write(dataset: Any, fmt: str, args: argparse.Namespace) -> None:
    if fmt == "parquet":
        if not args.output:
            raise OSError("Parquet is written to a file: give -o FILE.parquet")
        dataset.to_parquet(args.output)
        return
    records = dataset.to_records()
    if fmt not in ("jsonl", "json"):
        for r in records:
            r["sources"] = json.dumps(r["sources"], ensure_ascii=False)
    columns = _TABLE if fmt == "table" else COLUMNS
    width = args.width or shutil.get_terminal_size().columns
    if not args.output or args.output == "-":
        writer = Writer(sys.stdout, fmt, columns, width=width)
        for r in records:
            writer.write(r)
        writer.finish()
        return
    out = OutputFile(Path(args.output), bom=False)
    try:
        writer = Writer(out.file, fmt, columns, width=width)
        for r in records:
            writer.write(r)
        writer.finish()
        out.commit()
    except BaseException:
        out.discard()
        raise
