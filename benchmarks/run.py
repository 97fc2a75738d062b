"""Speed and accuracy of cnreport next to the other Chinese number libraries.

    python benchmarks/run.py                                  # the seeds
    python benchmarks/run.py --corpus DIR --repeat 10
    python benchmarks/run.py --peer-cases ../shared/peer-cases \\
        --scorer ../shared/tools/score_peer_cases.py

Every function runs over the same texts in one process, interleaved round by
round, so that a slow moment of the machine hurts all of them alike. The
table gives characters per second, the ratio to the fastest peer and to the
regex floor (a bare scan for numeral characters, the least any Python scanner
must do), and the peak memory of one pass (tracemalloc). Peers that are not
installed are listed as missing: ``pip install -r benchmarks/requirements.txt``.

``--compiled PYTHON`` runs the same timing in a second process with the
Python of another environment, one where the compiled wheel is installed
(``tools/build_wheels.sh``, see docs/performance.md), and prints the ratios
of both builds to the peers side by side: each build against the peers
timed in its own process, so that the machine's hour weighs on both sides of
each ratio alike.

Accuracy is printed beside the speed: exact recall and precision on the
seed gold (``tests/fixtures/seed-numbers.jsonl``, one cursor per file as its
README prescribes), and, with ``--peer-cases``, cnreport's pass rates on the
other projects' suites.
"""
from __future__ import annotations

import argparse
import decimal
import json
import os
import shutil
import subprocess
import sys
import time
import tracemalloc
import warnings
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Optional

import regex

import cnreport

ROOT = Path(__file__).resolve().parent.parent
_FLOOR = regex.compile(r"[0-9零〇一二三四五六七八九十百千万亿兆两壹贰叁肆伍陆柒捌玖拾佰仟萬億兩]+")

Runner = Callable[[str], object]


def _peers() -> tuple[dict[str, Runner], list[str]]:
    """The comparable function of each peer that imports, and the missing ones."""
    found: dict[str, Runner] = {}
    missing = []
    try:
        import cn2an
        found["cn2an.transform"] = lambda t: cn2an.transform(t, "cn2an")
    except ImportError:
        missing.append("cn2an")
    try:
        from jionlp.algorithm.ner import extract_money
        found["JioNLP extract_money"] = lambda t: extract_money(t, with_parsing=True)
    except ImportError:
        missing.append("jionlp")
    # Recognizers-Text sets the decimal precision of the thread to 15 digits
    # when it is imported; cnreport's Decimals (and whatever else runs in this
    # process) keep the precision they had.
    context = decimal.getcontext().copy()
    try:
        from recognizers_number import NumberRecognizer
        from recognizers_text import Culture
        model = NumberRecognizer(Culture.Chinese).get_number_model()
        found["Recognizers-Text number"] = model.parse
    except ImportError:
        missing.append("recognizers-text-suite")
    finally:
        decimal.setcontext(context)
    try:
        import duckling  # pyduckling-native-phihos
        context = duckling.Context(duckling.parse_ref_time(
            duckling.load_time_zones("/usr/share/zoneinfo"), "Asia/Shanghai", 0),
            duckling.parse_locale("ZH_CN", None))
        dims = duckling.parse_dimensions(["number", "amount-of-money"])
        found["Duckling"] = lambda t: duckling.parse(t, context, dims, False)
    except (ImportError, AttributeError, RuntimeError, OSError):
        missing.append("pyduckling-native-phihos")
    return found, missing


def _time(runners: dict[str, Runner], texts: list[str], repeat: int) -> dict[str, float]:
    spent = dict.fromkeys(runners, 0.0)
    for run in runners.values():  # warm-up: lazy lexicons and dictionaries
        for t in texts:
            run(t)
    for _ in range(repeat):
        for name, run in runners.items():
            start = time.perf_counter()
            for t in texts:
                run(t)
            spent[name] += time.perf_counter() - start
    chars = sum(map(len, texts)) * repeat
    return {name: chars / s for name, s in spent.items()}


def _compiled() -> bool:
    """Whether the cnreport imported here is the compiled build."""
    from cnreport.numbers import scan
    return not (scan.__file__ or "").endswith(".py")


# The ratios the compiled build is judged by: each of ours against the peer
# that does the nearest job.
_AGAINST = [("cnreport find_numbers", "JioNLP extract_money"), ("cnreport parse", "cn2an.transform"),
            ("cnreport segment", "cn2an.transform")]


def _other_build(python: str, corpus: Path, repeat: int) -> dict[str, object]:
    """The speeds measured by ``python`` (another environment's), as :func:`main` with ``--json``
    prints them. Run from this folder, so that the source tree is not on its path."""
    python = os.path.abspath(python) if os.sep in python else (shutil.which(python) or python)
    done = subprocess.run([python, str(Path(__file__).resolve()), "--corpus", str(corpus.resolve()),
                           "--repeat", str(repeat), "--json"], capture_output=True, text=True, check=False,
                          cwd=Path(__file__).resolve().parent)
    if done.returncode:
        raise SystemExit(f"{python} benchmarks/run.py failed:\n{done.stderr[-2000:]}")
    # (JioNLP prints its banner to stdout: the speeds are the last line)
    found: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def _print_builds(builds: dict[str, dict[str, float]]) -> None:
    print(f"\n{'build':10} " + " ".join(f"{ours.split()[1] + ' / ' + peer.split()[0]:>24}" for ours, peer in _AGAINST))
    for build, speed in builds.items():
        cells = [f"{speed[ours] / speed[peer]:24.2f}" if peer in speed else f"{'-':>24}" for ours, peer in _AGAINST]
        print(f"{build:10} " + " ".join(cells))
    if len(builds) == 2:
        (_, pure), (_, compiled) = builds.items()
        gains = [f"{(compiled[o] / compiled[p]) / (pure[o] / pure[p]):23.2f}x" if p in pure and p in compiled
                 else f"{'-':>24}" for o, p in _AGAINST]
        print(f"{'gain':10} " + " ".join(gains))


def _peak(run: Runner, texts: list[str]) -> int:
    tracemalloc.start()
    try:
        for t in texts:
            run(t)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _seed_accuracy() -> tuple[float, float]:
    """Exact recall and precision of find_numbers on the seed gold."""
    rows = [json.loads(x) for x in
            (ROOT / "tests" / "fixtures" / "seed-numbers.jsonl").open(encoding="utf-8")]
    exact = predicted = matched = 0
    for name in sorted({r["file"] for r in rows}):
        text = (ROOT / "seeds" / name).read_text(encoding="utf-8")
        found = {(m.start, m.end): m for m in cnreport.find_numbers(text)}
        predicted += len(found)
        cursor = 0
        for r in (r for r in rows if r["file"] == name):
            a = text.find(r["surface"], cursor)
            cursor = a + len(r["surface"])
            m = found.get((a, cursor))
            if m is None:
                continue
            matched += 1
            # The gold gives bounds for ranges only; ours also carry open ends (超過100 → low 100).
            keys = ("value",) if r["value"] is not None else ("value", "low", "high")
            exact += all(_same(getattr(m, k), r[k]) for k in keys) and \
                (m.unit, m.qualifier, m.kind) == (r["unit"], r["qualifier"], r["kind"])
    return exact / len(rows), matched / max(predicted, 1)


def _same(mine: object, gold: object) -> bool:
    if mine is None or gold is None or isinstance(mine, str) or (isinstance(gold, str) \
            and ("-" in gold[1:] or gold.startswith("-"))):
        return mine == gold
    return Fraction(str(mine)) == Fraction(str(gold))


def _peer_suites(cases: Path, scorer: Path) -> dict[str, str]:
    """cnreport's TOTAL line on each peer suite, from the shared scorer."""
    out = {}
    for path in sorted(cases.glob("*.jsonl")):
        done = subprocess.run([sys.executable, str(scorer), str(path), "cnreport:find_numbers",
                               "--cjk-only"], capture_output=True, text=True, check=False)
        total = [line for line in done.stdout.splitlines() if line.startswith("TOTAL")]
        out[path.stem] = total[-1] if total else f"scorer failed: {done.stderr.strip()[-200:]}"
    return out


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "seeds", help="folder of *.txt files")
    ap.add_argument("--repeat", type=int, default=5, help="rounds over the corpus")
    ap.add_argument("--peer-cases", type=Path, help="folder of peer-case JSONL files")
    ap.add_argument("--scorer", type=Path, help="score_peer_cases.py, to score --peer-cases")
    ap.add_argument("--compiled", metavar="PYTHON",
                    help="the Python of an environment with the compiled build, to time it too")
    ap.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # (what --compiled reads)
    args = ap.parse_args(argv)
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.corpus.glob("*.txt"))]
    if not texts:
        ap.error(f"no *.txt files in {args.corpus}")
    warnings.simplefilter("ignore")  # cn2an warns on every unreadable numeral
    ours: dict[str, Runner] = {"cnreport find_numbers": cnreport.find_numbers,
                               "cnreport segment": cnreport.segment,
                               "cnreport parse": cnreport.parse}
    peers, missing = _peers()
    floor = {"regex floor": _FLOOR.findall}
    speed = _time({**ours, **peers, **floor}, texts, args.repeat)
    if args.json:
        print(json.dumps({"speed": speed, "compiled": _compiled(), "missing": missing}))
        return 0
    fastest_peer = max((speed[p] for p in peers), default=None)
    chars = sum(map(len, texts))
    print(f"corpus: {args.corpus} ({len(texts)} files, {chars} chars), {args.repeat} rounds, "
          f"Python {sys.version.split()[0]}")
    print(f"{'function':28} {'chars/s':>12} {'x fastest peer':>15} {'% of floor':>11} {'peak MB':>8}")
    for name in [*ours, *peers, *floor]:
        ratio = f"{speed[name] / fastest_peer:.2f}" if fastest_peer else "-"
        print(f"{name:28} {speed[name]:12,.0f} {ratio:>15} {100 * speed[name] / speed['regex floor']:10.1f}% "
              f"{_peak(({**ours, **peers, **floor})[name], texts) / 1e6:8.1f}")
    for name in missing:
        print(f"{name:28} {'not installed':>12}")
    builds = {"compiled" if _compiled() else "pure": speed}
    if args.compiled:
        other = _other_build(args.compiled, args.corpus, args.repeat)
        if not other["compiled"]:
            raise SystemExit(f"{args.compiled} imports the pure build of cnreport, not the compiled one")
        builds["compiled"] = other["speed"]  # type: ignore[assignment]
    print(f"\nratios to the peers, each build in its own process ({next(iter(builds))} above):", end="")
    _print_builds(builds)
    recall, precision = _seed_accuracy()
    print(f"\nseed gold (find_numbers): exact recall {recall:.4f} (value, bounds, unit, qualifier"
          f" and kind), precision {precision:.4f}")
    if args.peer_cases and args.scorer:
        print("peer suites, cnreport, --cjk-only (cases, strict, lenient, value-only, errors):")
        for suite, line in _peer_suites(args.peer_cases, args.scorer).items():
            print(f"  {suite:18} {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
