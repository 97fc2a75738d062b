"""Write the metrics that ``parse`` gives on the seeds and the metric cases,
as the expectation ``tests/test_metric_outputs.py`` compares exactly.

    python tools/expected_metrics.py          # rewrite tests/fixtures/expected-metrics.jsonl
    python tools/expected_metrics.py --check  # say which texts differ, write nothing

A change to any field of any figure shows in the test as a diff; a change
that is a fix is accepted by running this and saying why in the commit.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import cnreport  # noqa: E402

EXPECTED = ROOT / "tests" / "fixtures" / "expected-metrics.jsonl"


def inputs() -> list[tuple[str, str]]:
    """(name, text) of every input: the seeds, then the metric cases."""
    found = [(p.name, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    with (ROOT / "tests" / "fixtures" / "metric-cases.jsonl").open(encoding="utf-8") as lines:
        found += [(f"case {n}", json.loads(line)["text"]) for n, line in enumerate(lines, start=1)]
    return found


def record(m: cnreport.Metric) -> dict[str, object]:
    """The fields of a metric that the expectation holds."""
    c = m.change
    return {
        "figure": m.mention.text, "start": m.mention.start, "subject": m.subject, "category": m.category,
        "entity": m.entity, "entity_key": m.entity_key, "period": m.period,
        "period_label": m.when.label if m.when else None,
        "change": [c.direction, c.start.text if c.start else None, c.end.text if c.end else None, c.basis,
                   c.text] if c else None,
        # each reason with the span of text it was read from (None: no span)
        "why": [f"{r.field}:{r.rule}" + (f"@{r.start}-{r.end}" if r.start is not None else "") for r in m.why],
    }


def outputs() -> list[dict[str, object]]:
    return [{"input": name, "metrics": [record(m) for m in cnreport.parse(text).metrics]}
            for name, text in inputs()]


def main(argv: list[str]) -> int:
    got = outputs()
    if "--check" in argv:
        want = [json.loads(line) for line in EXPECTED.read_text(encoding="utf-8").splitlines()]
        changed = [g["input"] for g, w in zip(got, want) if g != w]
        print(f"{len(changed)} of {len(got)} inputs differ: {changed[:20]}")
        return 1 if changed or len(got) != len(want) else 0
    EXPECTED.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in got), encoding="utf-8")
    print(f"wrote {EXPECTED.relative_to(ROOT)}: {len(got)} inputs, {sum(len(g['metrics']) for g in got)} metrics")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
