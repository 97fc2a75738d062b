"""Time per character and peak memory from 10K to 100M characters of varied text.

    python benchmarks/scaling.py                                   # 1e4 1e5 1e6 1e7
    python benchmarks/scaling.py --sizes 1e5 1e7 --corpus ../shared/corpus/texts --plot docs/scaling.png
    python benchmarks/scaling.py --sizes 3.6e7 --only iter_metrics  # a 100 MB file, streamed

The text is made of the paragraphs of the seed reports (and of ``--corpus``
folders), drawn at random with every digit changed at random, a paragraph
without digits used once only: nothing repeats, so the duplicate detection
of ``parse`` (a repeated paragraph's figures are no metrics) does not
flatter it. Each size and function runs in a fresh process, after a
warm-up on other text of 50,000 characters (the lexicons and jieba's
dictionary load then), so the time is the function's alone: CPU seconds
(``time.process_time``; the machine may be shared) and the peak resident
memory of the process, which includes the text itself. ``iter_metrics``
reads the text from a file, block by block; ``find_numbers`` and ``parse``
take it whole.
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FUNCTIONS = ("find_numbers", "parse", "iter_metrics")

# Times one function on one file in a fresh interpreter; prints its CPU time and peak memory.
_PROBE = """
import json, resource, sys, time
from pathlib import Path
import cnreport
function, path, warm = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]).read_text(encoding="utf-8")
run = {"find_numbers": cnreport.find_numbers, "parse": lambda t: cnreport.parse(t).metrics,
       "iter_metrics": lambda t: list(cnreport.iter_metrics(t))}[function]
run(warm)
start = time.process_time()
if function == "iter_metrics":
    n = sum(1 for _ in cnreport.iter_metrics(path))
else:
    n = len(run(path.read_text(encoding="utf-8")))
took = time.process_time() - start
print(json.dumps({"seconds": took, "found": n,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def paragraphs(folders: list[Path]) -> list[str]:
    out = []
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            out += [p for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
    return out


def varied(paras: list[str], size: int, seed: int) -> str:
    """``size`` characters of paragraphs drawn at random, digits changed,
    a paragraph without digits used once."""
    rnd = random.Random(seed)
    with_digits = [p for p in paras if any("0" <= c <= "9" for c in p)]
    without = [p for p in paras if p not in with_digits]
    rnd.shuffle(without)
    parts: list[str] = []
    written = 0
    while written < size:
        p = without.pop() if without and rnd.random() < 0.3 else rnd.choice(with_digits)
        p = "".join(str(rnd.randrange(10)) if "0" <= c <= "9" else c for c in p) + "\n"
        parts.append(p)
        written += len(p)
    return "".join(parts)[:size]


def write(path: Path, paras: list[str], size: int, seed: int) -> None:
    """The varied text in pieces of 2M characters (so that making 100M fits in memory)."""
    with path.open("w", encoding="utf-8") as f:
        for k, start in enumerate(range(0, size, 2_000_000)):
            f.write(varied(paras, min(2_000_000, size - start), seed * 1000 + k))


def probe(function: str, path: Path, warm: Path) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", _PROBE, function, str(path), str(warm)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def plot(rows: list[dict[str, float | str]], out: Path) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (speed, memory) = plt.subplots(1, 2, figsize=(10, 4))
    for function, marker in zip(FUNCTIONS, "osd", strict=True):
        mine = [r for r in rows if r["function"] == function]
        if mine:
            speed.plot([r["chars"] for r in mine], [r["us_per_char"] for r in mine], marker=marker, label=function)
            memory.plot([r["chars"] for r in mine], [r["peak_mb"] for r in mine], marker=marker, label=function)
    for ax, label in ((speed, "CPU microseconds per character"), (memory, "peak memory of the process (MB)")):
        ax.set_xscale("log")
        ax.set_xlabel("characters of varied text")
        ax.set_ylabel(label)
        ax.set_ylim(bottom=0)
        ax.grid(True, which="both", alpha=0.3)
        ax.legend()
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1e4, 1e5, 1e6, 1e7], help="characters")
    parser.add_argument("--corpus", type=Path, nargs="*", default=[], help="more folders of *.txt paragraphs")
    parser.add_argument("--only", choices=FUNCTIONS, nargs="+", default=list(FUNCTIONS))
    parser.add_argument("--plot", type=Path, help="write the curves to this PNG")
    args = parser.parse_args()
    paras = paragraphs([ROOT / "seeds", *args.corpus])
    rows: list[dict[str, float | str]] = []
    print(f"{'function':13} {'chars':>12} {'CPU s':>9} {'us/char':>8} {'peak MB':>8} {'found':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp) / "warm.txt"
        write(warm, paras, 50_000, seed=0)
        for size in (int(s) for s in args.sizes):
            path = Path(tmp) / f"varied-{size}.txt"
            write(path, paras, size, seed=size % 9973 + 1)
            for function in args.only:
                got = probe(function, path, warm)
                row = {"function": function, "chars": size, "seconds": got["seconds"],
                       "us_per_char": got["seconds"] / size * 1e6, "peak_mb": got["peak_mb"]}
                rows.append(row)
                print(f"{function:13} {size:12,} {got['seconds']:9.2f} {row['us_per_char']:8.3f} "
                      f"{got['peak_mb']:8.0f} {got['found']:9,}", flush=True)
            path.unlink()
    if args.plot:
        plot(rows, args.plot)
        print(f"plot: {args.plot}")


if __name__ == "__main__":
    main()
