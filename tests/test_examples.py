"""The examples run and produce what they promise."""
from __future__ import annotations

import runpy
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def test_chart_metrics_writes_a_png(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("matplotlib", reason="the chart example needs matplotlib")
    out = tmp_path / "chart.png"
    sys.path.insert(0, str(EXAMPLES))
    try:
        import chart_metrics
    finally:
        sys.path.remove(str(EXAMPLES))
    counts = chart_metrics.metrics_per_speaker(ROOT / "seeds")
    assert list(counts)[:2] == ["劉熾平", "湯道生"]
    assert counts["邱躍鵬"]["infrastructure"] >= 3
    assert chart_metrics.main([str(ROOT / "seeds"), str(out)]) == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "figures from" in capsys.readouterr().out


def test_walkthrough_runs(capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(EXAMPLES / "walkthrough.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert "劉熾平" in out and "服務器總量" in out and "林敬华" in out


def test_benchmark_prints_its_table(capsys: pytest.CaptureFixture[str]) -> None:
    """The benchmark runs from a checkout and prints speed beside accuracy (no speed is asserted)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import run
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    assert run.main(["--repeat", "1"]) == 0
    out = capsys.readouterr().out
    for name in ("cnreport find_numbers", "cnreport segment", "cnreport parse", "regex floor",
                 "seed gold (find_numbers): exact recall 0.9"):
        assert name in out
