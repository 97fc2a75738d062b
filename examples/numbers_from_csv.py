"""Every number in one column of a CSV file, one row per number.

    python examples/numbers_from_csv.py comments.csv 内容 -o numbers.csv
    python examples/numbers_from_csv.py comments.csv 内容 --keep id,日期

Each output row names the input row (its line number, counting the header
as 1, and the ``--keep`` columns), then the number: its text, exact value
(a digit string: nothing is rounded), bounds, unit, qualifier and kind.
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import cnreport

NUMBER_COLUMNS = ("text", "value", "low", "high", "unit", "qualifier", "kind", "currency")


def rows_of_numbers(reader: csv.DictReader, column: str, keep: list[str]):  # type: ignore[type-arg]
    if reader.fieldnames is None or column not in reader.fieldnames:
        raise SystemExit(f"no column {column!r}; the columns are {reader.fieldnames}")
    for line, row in enumerate(reader, start=2):
        for m in cnreport.find_numbers(row[column] or ""):
            number = m.to_dict()
            yield {"line": line, **{k: row.get(k) for k in keep},
                   **{k: number[k] for k in NUMBER_COLUMNS}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", type=Path)
    parser.add_argument("column", help="the column that holds the text")
    parser.add_argument("--keep", default="", help="input columns to copy, comma-separated")
    parser.add_argument("-o", "--output", type=Path, help="CSV to write (default: standard output)")
    args = parser.parse_args()
    keep = [k for k in args.keep.split(",") if k]
    out = args.output.open("w", encoding="utf-8", newline="") if args.output else sys.stdout
    with args.csv.open(encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(out, fieldnames=["line", *keep, *NUMBER_COLUMNS])
        writer.writeheader()
        writer.writerows(rows_of_numbers(csv.DictReader(f), args.column, keep))
    if args.output:
        out.close()


if __name__ == "__main__":
    main()
