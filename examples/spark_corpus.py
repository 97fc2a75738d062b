"""Parse a directory of reports with PySpark and write the metrics as Parquet.

    pip install cnreport pyspark pandas pyarrow     # and a Java runtime
    python examples/spark_corpus.py REPORTS_DIR metrics.parquet

Spark reads every ``*.txt`` file whole (``wholetext``), and ``mapInPandas``
hands each executor batches of (path, text) rows; the executor's Python
worker imports cnreport once and loads its lexicons at its first text. The
exact values stay strings, as in every cnreport export; ``value_float`` is
there for aggregation. Spark decodes the files as UTF-8: convert GB18030 or
Big5 files first (the command line and examples/dask_corpus.py read GB18030
themselves).
"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from cnreport.export import COLUMNS

_INTEGERS = {"start", "end"}
_FLOATS = {"value_float"}
# The Spark schema of the rows, as a DDL string.
SCHEMA = ", ".join(
    f"{name} {'INT' if name in _INTEGERS else 'DOUBLE' if name in _FLOATS else 'STRING'}"
    for name in COLUMNS)


def parse_batches(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """mapInPandas function: (path, value) rows in, one row per metric out."""
    import cnreport  # imported in the executor, once per Python worker

    for batch in batches:
        rows: list[dict[str, object]] = []
        for path, text in zip(batch["path"], batch["value"], strict=True):
            rows.extend(cnreport.parse(text, source=path).to_records())
        frame = pd.DataFrame(rows, columns=list(COLUMNS))
        yield frame.astype({name: "Int32" if name in _INTEGERS else "float64" if name in _FLOATS
                            else "object" for name in COLUMNS})


def run(folder: Path, out: Path) -> int:
    """Parse every ``*.txt`` under ``folder`` into ``out``; returns the
    number of metrics written."""
    from pyspark.sql import SparkSession
    from pyspark.sql.functions import input_file_name

    # Local mode: the workers run this interpreter, where cnreport is installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (SparkSession.builder.master("local[2]").appName("cnreport")
             .config("spark.ui.enabled", "false").getOrCreate())
    try:
        texts = (spark.read.text(str(folder), wholetext=True, pathGlobFilter="*.txt",
                                 recursiveFileLookup=True)
                 .withColumn("path", input_file_name()))
        metrics = texts.select("path", "value").mapInPandas(parse_batches, schema=SCHEMA)
        metrics.write.mode("overwrite").parquet(str(out))
        return spark.read.parquet(str(out)).count()
    finally:
        spark.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("out", type=Path, help="Parquet directory to write")
    args = parser.parse_args()
    print(f"{run(args.folder.resolve(), args.out.resolve())} metrics written to {args.out}")


if __name__ == "__main__":
    main()
