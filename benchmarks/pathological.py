"""Hostile input against real text of the same length: does any form cost
more than a few times an ordinary report?

    python benchmarks/pathological.py              # 100,000 characters per case
    python benchmarks/pathological.py --size 1000000

Each case is one string of ``--size`` characters: a run of one numeral form
(萬 repeated, digits, ``1,`` repeated, 分之, 第, ``5~``…), a soup of random
numeral characters. The reference is the seed reports, each taken whole,
their time per character scaled to ``--size`` (see ``per_char_on_reports``).
Every function is timed on every case (best of ``--repeat``) and the table
gives the time and its ratio to the reference. A ratio that grows with ``--size``
would mean super-linear time; the same ratio at every size is linear.
"""
from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from pathlib import Path

import cnreport

ROOT = Path(__file__).resolve().parent.parent


def cases(size: int) -> dict[str, str]:
    rnd = random.Random(0)
    soup = "".join(rnd.choice("0123456789一二三四五六七八九十百千万亿萬億零点.,%~-到至分之第多余几两")
                   for _ in range(size))

    def fill(unit: str) -> str:
        return (unit * (size // len(unit) + 1))[:size]

    return {
        "萬 repeated": fill("萬"),
        "十 repeated": fill("十"),
        "一 repeated": fill("一"),
        "digits": fill("1"),
        "1, repeated": fill("1,"),
        "1. repeated": fill("1."),
        "1 and space": fill("1 "),
        "分之 repeated": fill("分之"),
        "三分之 repeated": fill("三分之"),
        "百分之 repeated": fill("百分之"),
        "第 repeated": fill("第"),
        "5~ repeated": fill("5~"),
        "2019年 repeated": fill("2019年"),
        "code list (代码1、)": "代码" + fill("1、"),
        "分别 list": "营收分别为" + fill("1、"),
        "changes (从1增长到2，)": fill("从1增长到2，"),
        "numeral soup": soup,
        "no numerals": fill("市场规模持续扩大，"),
    }


def _reports() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]


def per_char_on_reports(fn: Callable[[str], object], reports: list[str], repeat: int) -> float:
    """Seconds per character of ``fn`` on the seed reports, each taken whole.

    The reports are not repeated to the case size: a repeated paragraph is
    a duplicate, whose figures ``parse`` leaves untagged, so a report
    repeated ten times costs ``parse`` far less than ten reports would.
    Time is linear in the length (``scaling.py``), so the time per character
    of the real reports, times the case size, is what real text of that
    length costs."""
    return sum(best_of(fn, r, repeat) for r in reports) / sum(map(len, reports))


def best_of(fn: Callable[[str], object], text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000, help="characters per case")
    parser.add_argument("--repeat", type=int, default=3, help="runs per case; the best counts")
    args = parser.parse_args()
    texts = cases(args.size)
    reports = _reports()
    functions = {"find_numbers": cnreport.find_numbers, "segment": cnreport.segment,
                 "parse": cnreport.parse}
    for report in reports:
        cnreport.parse(report)  # lexicons load outside the timing
    print(f"{args.size:,} characters per case, best of {args.repeat}; the reference is "
          f"the seed reports' time per character times {args.size:,}")
    print(f"{'case':20}" + "".join(f"{name:>24}" for name in functions))
    reference = {name: per_char_on_reports(fn, reports, args.repeat) * args.size
                 for name, fn in functions.items()}
    worst = dict.fromkeys(functions, 0.0)
    for case, text in {"real text (seeds)": "", **texts}.items():
        cells = []
        for name, fn in functions.items():
            took = reference[name] if not text else best_of(fn, text, args.repeat)
            ratio = took / reference[name]
            worst[name] = max(worst[name], ratio)
            cells.append(f"{took * 1000:10.1f} ms  x{ratio:8.2f}")
        print(f"{case:20}" + "".join(f"{c:>24}" for c in cells))
    print("worst ratio: " + ", ".join(f"{name} x{r:.1f}" for name, r in worst.items()))


if __name__ == "__main__":
    main()
