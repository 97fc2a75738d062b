"""``parse_many`` on a corpus with one worker process and with several.

    python benchmarks/parallel.py                 # 20 MB, 1 and 2 processes
    python benchmarks/parallel.py --mb 5 --processes 1 2 4

The corpus is the seed reports repeated into texts of about 16,000
characters each (the size of a long report) up to ``--mb`` megabytes of
UTF-8. Each run starts its workers afresh, so their lexicon loading (about a
second per process) is part of the time, as it is for a real batch.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import cnreport

ROOT = Path(__file__).resolve().parent.parent


def corpus(megabytes: float) -> list[str]:
    doc = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    size = len(doc.encode("utf-8"))
    return [doc] * max(1, round(megabytes * 1_000_000 / size))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in megabytes of UTF-8")
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--batch-size", type=int, default=8)
    args = parser.parse_args()
    texts = corpus(args.mb)
    chars = sum(map(len, texts))
    print(f"{len(texts)} texts, {chars:,} characters")
    baseline = None
    for n in args.processes:
        start = time.perf_counter()
        metrics = sum(len(r.metrics) for r in cnreport.parse_many(texts, n_process=n,
                                                                  batch_size=args.batch_size))
        took = time.perf_counter() - start
        baseline = baseline or took
        print(f"n_process={n}: {took:7.1f} s  {chars / took:12,.0f} chars/s  "
              f"x{baseline / took:4.2f}  ({metrics:,} metrics)")


if __name__ == "__main__":
    main()
