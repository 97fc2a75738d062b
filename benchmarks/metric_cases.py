"""How right each metric field is on tests/fixtures/metric-cases.jsonl,
the hand-annotated sentences written for the library (rules in
metric-cases.md). Prints the share of figures right per field.

    python benchmarks/metric_cases.py [--misses]
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import cnreport  # noqa: E402

FIELDS = ("subject", "entity", "period", "direction")


def field(metric: cnreport.Metric, name: str) -> object:
    if name == "direction":
        return metric.change.direction if metric.change else None
    return getattr(metric, name)


def main(argv: list[str]) -> int:
    right = dict.fromkeys(FIELDS, 0)
    total = 0
    with (ROOT / "tests" / "fixtures" / "metric-cases.jsonl").open(encoding="utf-8") as lines:
        cases = [json.loads(line) for line in lines]
    for case in cases:
        metrics = cnreport.parse(case["text"]).metrics
        k = 0
        for want in case["figures"]:
            total += 1
            while k < len(metrics) and metrics[k].mention.text != want["surface"]:
                k += 1
            if k == len(metrics):
                if "--misses" in argv:
                    print(f"  missing {want['surface']}: {case['text']}")
                continue
            for name in FIELDS:
                ok = field(metrics[k], name) == want[name]
                right[name] += ok
                if not ok and "--misses" in argv:
                    print(f"  {name} {want['surface']}: {field(metrics[k], name)!r} want {want[name]!r}: {case['text']}")
            k += 1
    print(f"{total} figures in {len(cases)} texts: " + ", ".join(f"{n} {right[n] / total:.3f}" for n in FIELDS))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
