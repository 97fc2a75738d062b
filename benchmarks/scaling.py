"""Time and memory of the command line from 1 KB to 100 MB files.

    python benchmarks/scaling.py                        # 1 KB, 100 KB, 10 MB, 100 MB
    python benchmarks/scaling.py --sizes 1e3 1e5 1e7 --plot docs/scaling.png

Each file is the seed reports repeated, in whole lines, to the size asked
(bytes of UTF-8). Every run is a fresh process, ``cnreport numbers FILE`` and
``cnreport parse FILE`` with JSON Lines written to a file, so the figures
include starting Python and loading the lexicons: that start-up dominates
the smallest files. The table gives seconds, microseconds per character and
the peak resident memory of the process; ``--plot`` draws both against the
size (matplotlib).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Runs one command in a fresh interpreter and reports its time and peak memory.
_PROBE = """
import json, resource, sys, time
from cnreport.cli import main
start = time.perf_counter()
status = main(sys.argv[1:])
took = time.perf_counter() - start
print(json.dumps({"status": status, "seconds": took,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def make_file(folder: Path, size: int) -> tuple[Path, int]:
    """A file of about ``size`` bytes of whole lines of the seeds; returns it
    and its length in characters."""
    lines = "".join(p.read_text(encoding="utf-8") + "\n"
                    for p in sorted((ROOT / "seeds").glob("*.txt"))).splitlines(keepends=True)
    path = folder / f"corpus-{size}.txt"
    written = chars = 0
    with path.open("w", encoding="utf-8", newline="") as f:
        k = 0
        while written < size:
            line = lines[k % len(lines)]
            f.write(line)
            written += len(line.encode("utf-8"))
            chars += len(line)
            k += 1
    return path, chars


def run(command: str, path: Path, out: Path) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", _PROBE, command, str(path), "--format", "jsonl",
                           "-o", str(out), "--no-progress"], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def plot(rows: list[dict[str, object]], out: Path) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (speed, memory) = plt.subplots(1, 2, figsize=(10, 4))
    for command, marker in (("numbers", "o"), ("parse", "s")):
        mine = [r for r in rows if r["command"] == command]
        sizes = [r["bytes"] for r in mine]
        speed.plot(sizes, [r["us_per_char"] for r in mine], marker=marker, label=f"cnreport {command}")
        memory.plot(sizes, [r["peak_mb"] for r in mine], marker=marker, label=f"cnreport {command}")
    for ax, label in ((speed, "microseconds per character"), (memory, "peak memory (MB)")):
        ax.set_xscale("log")
        ax.set_xlabel("file size (bytes of UTF-8)")
        ax.set_ylabel(label)
        ax.grid(True, which="both", alpha=0.3)
        ax.legend()
    speed.set_yscale("log")
    memory.set_yscale("log")
    speed.set_title("Time per character (start-up included)")
    memory.set_title("Peak memory of the process")
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1e3, 1e5, 1e7, 1e8],
                        help="file sizes in bytes")
    parser.add_argument("--plot", type=Path, help="write the curves to this PNG")
    args = parser.parse_args()
    rows: list[dict[str, object]] = []
    print(f"{'command':8} {'bytes':>12} {'chars':>12} {'seconds':>9} {'us/char':>8} {'peak MB':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for size in (int(s) for s in args.sizes):
            path, chars = make_file(folder, size)
            for command in ("numbers", "parse"):
                got = run(command, path, folder / "out.jsonl")
                row = {"command": command, "bytes": size, "chars": chars, "seconds": got["seconds"],
                       "us_per_char": got["seconds"] / chars * 1e6, "peak_mb": got["peak_mb"]}
                rows.append(row)
                print(f"{command:8} {size:12,} {chars:12,} {got['seconds']:9.2f} "
                      f"{row['us_per_char']:8.2f} {got['peak_mb']:8.0f}", flush=True)
            path.unlink()
    if args.plot:
        plot(rows, args.plot)
        print(f"plot: {args.plot}")


if __name__ == "__main__":
    main()
