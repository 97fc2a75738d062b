"""Mutation testing of the numeral, number and metric cores on a seeded
random sample of mutants (run by ``tools/mutation.sh``).

mutmut (configured under ``[tool.mutmut]`` in ``pyproject.toml``) writes
every mutant of the cores; this draws ``--sample`` of them per core with a
fixed seed, has mutmut judge only those, and prints caught/total per core
and overall (caught: a test failed on the mutant, or the tests ran past
their time limit). The same commit, seed and sample size always check the
same mutants.

    python tools/mutation.py --sample 150 --seed 1 --cores metrics
    python tools/mutation.py --sample 0          # every mutant of every core
    python tools/mutation.py --survivors         # also print each survivor's diff
    python tools/mutation.py --tally             # the verdicts recorded so far, judging nothing

Mutants listed in ``tools/mutation-equivalent.txt`` (no change of behaviour
is possible) are counted apart and left out of the score; a listed mutant
whose mutated line no longer matches is not left out and is named as stale.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORES = {"numerals": "cnreport/numerals", "numbers": "cnreport/numbers", "metrics": "cnreport/metrics"}
EQUIVALENT = ROOT / "tools" / "mutation-equivalent.txt"
# a mutant is caught when a test fails on it, or runs past its time limit (a
# mutant that loops forever makes the tests hang, which fails a run as surely)
CAUGHT = ("killed", "timeout")


def generate(jobs: int) -> None:
    """mutmut's first step of ``run``: copy the tree to mutants/ and write every mutant."""
    from mutmut.__main__ import create_mutants
    from mutmut.mutation.trampoline import set_mutant_under_test
    from mutmut.utils.file_utils import copy_also_copy_files, copy_src_dir, setup_source_paths
    set_mutant_under_test("mutant_generation")
    os.makedirs("mutants", exist_ok=True)
    refresh_data()
    copy_src_dir()
    copy_also_copy_files()
    setup_source_paths()
    create_mutants(jobs)


def refresh_data() -> None:
    """Copy again the data files of the package (lexicon tables) that changed
    since mutants/ was written: mutmut copies a file that is not Python only
    when mutants/ has none, so the tests would meet the old tables."""
    import shutil
    for source in (ROOT / "cnreport").rglob("*"):
        target = ROOT / "mutants" / source.relative_to(ROOT)
        if (source.is_file() and source.suffix != ".py" and "__pycache__" not in source.parts
                and target.exists() and target.read_bytes() != source.read_bytes()):
            shutil.copy2(source, target)


def mutants_by_core() -> dict[str, list[str]]:
    """Every mutant's name, sorted, by core."""
    found: dict[str, list[str]] = {}
    for core, folder in CORES.items():
        names: list[str] = []
        for meta in sorted((ROOT / "mutants" / folder).glob("*.py.meta")):
            names += json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        found[core] = sorted(names)
    return found


def draw(names: list[str], size: int, seed: int) -> list[str]:
    """A sample of ``size`` names (all of them for 0): those whose hash with
    the seed is smallest, so that a mutant's draw depends on its own name and
    the seed only, and a change elsewhere in the code leaves it drawn."""
    if size <= 0 or size >= len(names):
        return list(names)
    return sorted(sorted(names, key=lambda n: hashlib.sha256(f"{seed}:{n}".encode()).digest())[:size])


def statuses() -> dict[str, str]:
    from mutmut.stats import status_by_exit_code
    found: dict[str, str] = {}
    for meta in (ROOT / "mutants" / "cnreport").rglob("*.py.meta"):
        for name, code in json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"].items():
            found[name] = status_by_exit_code[code]
    return found


def mutated_line(name: str) -> str:
    """The first added line of the mutant's diff, stripped: what the mutant changes."""
    from mutmut.mutation.diff_apply import find_mutant, get_diff_for_mutant
    diff = get_diff_for_mutant(name, path=find_mutant(name).path)
    added = [line[1:].strip() for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]
    return added[0] if added else ""


def equivalents() -> dict[str, str]:
    """Listed equivalent mutants: name -> the mutated line as it was judged."""
    found: dict[str, str] = {}
    if EQUIVALENT.exists():
        for line in EQUIVALENT.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                name, _, rest = line.partition(" | ")
                found[name.strip()] = rest.partition(" | ")[0].strip()
    return found


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=150, help="mutants per core (0: all)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cores", default=",".join(CORES), help="comma-separated, of " + ", ".join(CORES))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--unjudged", action="store_true",
                    help="judge only the sampled mutants not caught yet (after a test was added)")
    ap.add_argument("--survivors", action="store_true", help="print the diff of every survivor")
    ap.add_argument("--tally", action="store_true",
                    help="judge nothing: count the verdicts recorded so far (after a run that was stopped)")
    args = ap.parse_args(argv)
    os.chdir(ROOT)
    cores = [c.strip() for c in args.cores.split(",") if c.strip()]
    unknown = [c for c in cores if c not in CORES]
    if unknown:
        ap.error(f"unknown core {unknown}: choose among {list(CORES)}")

    stats = ROOT / "mutants" / "mutmut-stats.json"
    tests = [p for p in (ROOT / "tests").rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    if stats.exists() and any(p.stat().st_mtime > stats.stat().st_mtime for p in tests):
        stats.unlink()  # which tests reach which function: taken again when a test changed or went
    generate(args.jobs)
    every = mutants_by_core()
    sample = {core: draw(every[core], args.sample, args.seed) for core in cores}
    names = [n for core in cores for n in sample[core]]
    if args.unjudged:
        known = statuses()
        names = [n for n in names if known.get(n) not in CAUGHT]
    mutmut = Path(sys.executable).with_name("mutmut")
    # mutmut judges each named mutant by the tests that reach its function; a
    # survivor exits 0, so its exit status says nothing about the score.
    for start in range(0, 0 if args.tally else len(names), 400):
        subprocess.run([str(mutmut), "run", "--max-children", str(args.jobs), *names[start:start + 400]], check=False)

    status = statuses()
    listed = equivalents()
    stale = sorted(n for n in listed if n in status and mutated_line(n) != listed[n])
    rows, lines = [], []
    totals: Counter[str] = Counter()
    for core in cores:
        counts = Counter("equivalent" if n in listed and n not in stale else status.get(n, "not checked")
                         for n in sample[core])
        judged = len(sample[core]) - counts["equivalent"]
        caught = counts["killed"] + counts["timeout"]
        rows.append(f"{core:9} {caught:5} of {judged:5} caught  {100 * caught / max(judged, 1):5.1f}%  "
                    f"(of {len(every[core])} mutants; {dict(sorted(counts.items()))})")
        totals.update(counts)
        totals["judged"] += judged
        lines += [n for n in sample[core] if status.get(n) not in CAUGHT and not (n in listed and n not in stale)]
    caught = totals["killed"] + totals["timeout"]
    print(f"\nseed {args.seed}, {args.sample or 'all'} per core, {date.today().isoformat()}")
    print("\n".join(rows))
    print(f"{'overall':9} {caught:5} of {totals['judged']:5} caught  {100 * caught / max(totals['judged'], 1):5.1f}%")
    for name in stale:
        print(f"stale entry in {EQUIVALENT.name} (its mutant changed): {name}")
    Path("mutants/survivors.txt").write_text("".join(f"{n}: {status.get(n)}\n" for n in lines), encoding="utf-8")
    print(f"{len(lines)} not caught, listed in mutants/survivors.txt")
    if args.survivors:
        from mutmut.mutation.diff_apply import find_mutant, get_diff_for_mutant
        for name in lines:
            print(f"\n# {name}: {status.get(name)}")
            print(get_diff_for_mutant(name, path=find_mutant(name).path))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
