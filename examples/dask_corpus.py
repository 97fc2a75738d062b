"""Parse a directory of reports with dask.bag and write the metrics as Parquet.

    pip install 'cnreport[dask]'
    python examples/dask_corpus.py REPORTS_DIR metrics.parquet
    python examples/dask_corpus.py REPORTS_DIR metrics.parquet --scheduler threads
    python examples/dask_corpus.py REPORTS_DIR facts.parquet --facts

With ``--facts`` it builds the dataset of facts across reports instead
(:func:`cnreport.collect`): each partition collects its files into a
dataset and the partitions' datasets are merged in a tree
(``Bag.reduction``), with the same answer as one process.

The file names are spread over the partitions of a bag; each partition is
read and parsed in a worker and becomes one pandas DataFrame, and the frames
are written as one Parquet dataset. Each worker process imports cnreport once
and loads its lexicons (jieba's dictionary, about a second) at its first
text; after that a text costs only its parse. Reports and cnreport's errors
pickle, so they can travel between processes as they are.

A file that cannot be read or decoded is not lost silently: it becomes one
row with its name in ``source`` and the reason in ``error``.
"""
from __future__ import annotations

import argparse
from collections.abc import Iterable
from pathlib import Path
from typing import Optional

import dask
import dask.bag as db
import dask.dataframe as dd
import pandas as pd

import cnreport
from cnreport.export import COLUMNS
from cnreport.read import suffixes

OUT_COLUMNS = (*COLUMNS, "error")
# Exact values stay strings (value, low, high); value_float is for arithmetic.
_TYPES = dict.fromkeys(OUT_COLUMNS, "string")
_TYPES.update({"start": "Int64", "end": "Int64", "value_float": "Float64"})  # as to_frame() has them


def parse_files(paths: Iterable[str], currency: Optional[str] = None) -> pd.DataFrame:
    """The metrics of some files, one row each, and one row per bad file.

    Each file is read as the command line reads it (:func:`cnreport.read_file`:
    UTF-8, GB18030, Big5 or UTF-16, HTML and markdown); one that cannot be
    read is a row with its reason in ``error``.
    """
    rows: list[dict[str, object]] = []
    for path in paths:
        try:
            doc = cnreport.read_file(path)
        except (OSError, cnreport.ReadError) as err:
            rows.append({"source": path, "error": f"{type(err).__name__}: {err}"})
            continue
        rows.extend(cnreport.parse(doc.text, source=path, currency=currency).to_records())
    return pd.DataFrame(rows, columns=list(OUT_COLUMNS)).astype(_TYPES)


def run(folder: Path, out: Path, *, scheduler: str = "processes", partitions: int = 32) -> dd.DataFrame:
    """Parse every text, markdown and HTML file under ``folder`` and write
    ``out`` (a Parquet directory); returns the written dataset, read back
    lazily."""
    paths = sorted(str(p) for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in suffixes())
    if not paths:
        raise SystemExit(f"no {', '.join(suffixes())} files under {folder}")
    bag = db.from_sequence(paths, npartitions=min(len(paths), partitions))
    frames = [dask.delayed(parse_files)(part) for part in bag.to_delayed()]
    metrics = dd.from_delayed(frames, meta=parse_files([]))
    with dask.config.set(scheduler=scheduler):
        metrics.to_parquet(out, write_index=False, overwrite=True)
    return dd.read_parquet(out)


def collect_partition(paths: Iterable[str]) -> cnreport.Dataset:
    """The dataset of one partition's files."""
    return cnreport.collect([Path(p) for p in paths])


def merge_partitions(parts: Iterable[cnreport.Dataset]) -> cnreport.Dataset:
    """One dataset of the partitions' datasets (in any order, any grouping)."""
    return cnreport.Dataset.merge(*parts)


def collect_facts(folder: Path, out: Optional[Path] = None, *, scheduler: str = "processes",
                  partitions: int = 32) -> cnreport.Dataset:
    """The dataset of facts of every report under ``folder``, collected in
    partitions and merged; written to ``out`` as Parquet when given."""
    from cnreport.dataset import files_under

    paths = [str(p) for p in files_under(folder)]
    if not paths:
        raise SystemExit(f"no {', '.join(suffixes())} files under {folder}")
    bag = db.from_sequence(paths, npartitions=min(len(paths), partitions))
    with dask.config.set(scheduler=scheduler):
        dataset: cnreport.Dataset = bag.reduction(collect_partition, merge_partitions).compute()
    if out is not None:
        dataset.to_parquet(out)
    return dataset


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("out", type=Path, help="Parquet directory to write")
    parser.add_argument("--scheduler", default="processes",
                        help="dask scheduler: processes, threads or synchronous")
    parser.add_argument("--facts", action="store_true",
                        help="write the dataset of facts across reports (one Parquet file) instead")
    args = parser.parse_args()
    if args.facts:
        dataset = collect_facts(args.folder, args.out, scheduler=args.scheduler)
        print(f"{len(dataset)} facts ({len(dataset.conflicts())} in conflict) written to {args.out}")
        for source, reason in dataset.errors:
            print(f"not read: {source}: {reason}")
        return
    written = run(args.folder, args.out, scheduler=args.scheduler).compute()
    bad = written[written["error"].notna()]
    print(f"{len(written) - len(bad)} metrics from {written['source'].nunique() - len(bad)} files "
          f"written to {args.out}")
    for row in bad.itertuples():
        print(f"not read: {row.source}: {row.error}")


if __name__ == "__main__":
    main()
