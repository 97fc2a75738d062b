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
    assert lines[0].startswith("file\tstart\tend\ttext\tvalue")
    assert any("\t超過100萬臺\t1000000\t1000000\t\t臺\t>\tcardinal\t" in line for line in lines)


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


def test_speakers_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "speakers.csv"
    assert main(["speakers", str(SEEDS), "--format", "csv", "--bom", "-o", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith("\ufeff".encode())
    import csv
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == 20
    assert (rows[0]["name"], rows[0]["title"], rows[0]["org"]) == ("劉熾平", "騰訊公司總裁", "騰訊")
    assert [r["kind"] for r in rows[-6:]] == ["question", "answer"] * 3
    assert not list(tmp_path.glob(".*.tmp"))


def test_output_to_a_missing_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["speakers", str(SEEDS), "-o", str(tmp_path / "no" / "such.tsv")])
    assert status == 2
    assert "such.tsv" in capsys.readouterr().err


def test_parse_command_csv_opens_in_pandas(tmp_path: Path) -> None:
    import pandas as pd
    out = tmp_path / "metrics.csv"
    assert main(["parse", str(SEEDS), "--format", "csv", "--bom", "-o", str(out)]) == 0
    frame = pd.read_csv(out, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    row = frame[frame["text"] == "超過100萬臺"].iloc[0]
    assert (row["value"], row["unit"], row["qualifier"], row["subject"], row["speaker"]) == (
        "1000000", "臺", ">", "服務器總量", "邱躍鵬")
    assert len(frame) == len({(r["source"], r["start"]) for _, r in frame.iterrows()})


def test_parse_command_json_and_a_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xfa" * 3)
    good = tmp_path / "good.txt"
    good.write_text("騰訊4萬多員工", encoding="utf-8")
    status = main(["parse", str(bad), str(good), "--format", "json", "--encoding", "utf-8"])
    out, err = capsys.readouterr()
    assert status == 1 and "bad.txt" in err
    assert [r["subject"] for r in json.loads(out)] == ["員工"]
