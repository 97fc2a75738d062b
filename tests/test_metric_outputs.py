"""Every metric of the seeds and the metric cases, field by field, against
the expectation in tests/fixtures/expected-metrics.jsonl.

A changed field fails with a diff of the figures that changed. When the
change is a fix, rewrite the expectation with ``python
tools/expected_metrics.py`` and say in the commit what it fixes. How right
the fields are is measured against hand annotation by
``benchmarks/metric_cases.py``, not here.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from expected_metrics import EXPECTED, inputs, record

import cnreport

with EXPECTED.open(encoding="utf-8") as _lines:
    WANT = {row["input"]: row["metrics"] for row in map(json.loads, _lines)}
INPUTS = inputs()


def test_every_input_has_an_expectation() -> None:
    assert [name for name, _ in INPUTS] == list(WANT)


@pytest.mark.parametrize(("name", "text"), INPUTS, ids=[name for name, _ in INPUTS])
def test_metrics_as_expected(name: str, text: str) -> None:
    got = [record(m) for m in cnreport.parse(text).metrics]
    want = WANT[name]
    if got != want:
        lines = [f"{name}: {len(want)} metrics expected, {len(got)} read"]
        for g, w in zip(got, want):
            if g != w:
                lines.append(f"  {w['figure']}@{w['start']}: " + ", ".join(
                    f"{k} {w.get(k)!r} -> {g.get(k)!r}" for k in w if g.get(k) != w.get(k)))
        pytest.fail("\n".join(lines))
