"""The cnreport command line."""
from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from cnreport.cli import main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_table_on_seeds(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["numbers", str(SEEDS)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("file\tspan\ttext")
    assert any("超過100萬臺\t1000000\t臺\t>\tcardinal" in line for line in lines)


def test_jsonl_and_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.txt"
    good.write_text("近300家", encoding="utf-8")
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("收入1.1亿元".encode("gb18030"))
    status = main(["numbers", str(tmp_path / "missing.txt"), str(good), str(gbk), "--format", "jsonl"])
    out, err = capsys.readouterr()
    assert status == 1
    assert "missing.txt" in err
    records = [json.loads(line) for line in out.splitlines()]
    assert [(r["text"], r["value"], r["qualifier"]) for r in records] == [
        ("近300家", "300", "<"), ("1.1亿元", "110000000", None)]


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("八分之一".encode())))
    assert main(["numbers", "-", "--format", "jsonl"]) == 0
    assert json.loads(capsys.readouterr().out)["value"] == "1/8"
