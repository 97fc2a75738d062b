"""Behaviour a user relies on that no other test would miss if it broke."""
from __future__ import annotations

from pathlib import Path

import pytest

from cnreport import parse
from cnreport.cli import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(("text", "period"), [
    ("公司营收120亿元于2023年取得", "2023年"),
    ("营收增加了20亿元在2023年", "2023年"),
    ("营收增加了20亿元在2021年至2022年", "2021年至2022年"),  # grown on across 至 to the end of the range
])
def test_a_period_after_the_figure_is_read(text: str, period: str) -> None:
    """With no period before it, a figure takes the one after it in its clause."""
    [metric] = parse(text).metrics
    assert metric.period == period


def test_no_period_across_a_clause_break() -> None:
    [metric] = parse("营收120亿元，2023年新开门店").metrics[:1]
    assert metric.period is None


def test_cli_writes_a_bom_to_stdout_when_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "a.txt"
    source.write_text("营收1.1亿元，增长15%。", encoding="utf-8")
    assert main(["parse", str(source), "--format", "csv", "--bom", "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("\ufeffsource,") and out.count("\ufeff") == 1
    assert main(["parse", str(source), "--format", "csv", "--no-progress"]) == 0
    assert not capsys.readouterr().out.startswith("\ufeff")


def test_cli_writes_a_bom_to_a_file_when_asked(tmp_path: Path) -> None:
    source, out = tmp_path / "a.txt", tmp_path / "out.csv"
    source.write_text("营收1.1亿元。", encoding="utf-8")
    assert main(["numbers", str(source), "--format", "csv", "--bom", "-o", str(out), "--no-progress"]) == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\xef\xbb\xbf") == 1
