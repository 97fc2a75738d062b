"""Parse a directory of reports with dask.bag and write the metrics as Parquet.

    pip install 'cnreport[dask]'
    python examples/dask_corpus.py REPORTS_DIR metrics.parquet
    python examples/dask_corpus.py REPORTS_DIR metrics.parquet --scheduler threads

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

import dask
import dask.bag as db
import dask.dataframe as dd
import pandas as pd

import cnreport
from cnreport.export import COLUMNS

OUT_COLUMNS = (*COLUMNS, "error")
# Exact values stay strings (value, low, high); value_float is for arithmetic.
_TYPES = dict.fromkeys(OUT_COLUMNS, "string")
_TYPES.update({"start": "Int64", "end": "Int64", "value_float": "float64"})


def read_text(path: str) -> str:
    """The file as text: UTF-8, else GB18030, as the command line reads it."""
    data = Path(path).read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def parse_files(paths: Iterable[str]) -> pd.DataFrame:
    """The metrics of some files, one row each, and one row per bad file."""
    rows: list[dict[str, object]] = []
    for path in paths:
        try:
            text = read_text(path)
        except (OSError, UnicodeDecodeError) as err:
            rows.append({"source": path, "error": f"{type(err).__name__}: {err}"})
            continue
        rows.extend(cnreport.parse(text, source=path).to_records())
    return pd.DataFrame(rows, columns=list(OUT_COLUMNS)).astype(_TYPES)


def run(folder: Path, out: Path, *, scheduler: str = "processes", partitions: int = 32) -> dd.DataFrame:
    """Parse every ``*.txt`` under ``folder`` and write ``out`` (a Parquet
    directory); returns the written dataset, read back lazily."""
    paths = sorted(str(p) for p in folder.rglob("*.txt"))
    if not paths:
        raise SystemExit(f"no *.txt files under {folder}")
    bag = db.from_sequence(paths, npartitions=min(len(paths), partitions))
    frames = [dask.delayed(parse_files)(part) for part in bag.to_delayed()]
    metrics = dd.from_delayed(frames, meta=parse_files([]))
    with dask.config.set(scheduler=scheduler):
        metrics.to_parquet(out, write_index=False, overwrite=True)
    return dd.read_parquet(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("out", type=Path, help="Parquet directory to write")
    parser.add_argument("--scheduler", default="processes",
                        help="dask scheduler: processes, threads or synchronous")
    args = parser.parse_args()
    written = run(args.folder, args.out, scheduler=args.scheduler).compute()
    bad = written[written["error"].notna()]
    print(f"{len(written) - len(bad)} metrics from {written['source'].nunique() - len(bad)} files "
          f"written to {args.out}")
    for row in bad.itertuples():
        print(f"not read: {row.source}: {row.error}")


if __name__ == "__main__":
    main()
