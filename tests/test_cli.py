"""The cnreport command line, run as a user runs it: in a subprocess."""
from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cnreport.cli import _parser, main
from cnreport.export import COLUMNS
from cnreport.writers import display_width

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
# Sentences of ours, with invented figures.
TAIWAN = ("本公司董事會今日通過去年財務報告，全年營收新臺幣1,280億元，較前一年增加百分之十二，"
          "稅後淨利為新臺幣96億元，每股盈餘3.2元，董事會並擬配發現金股利每股2元。\n")
MAINLAND = "公司上半年实现营业收入12.5亿元，同比增长18%，净利润3.2亿元，经营活动现金流量净额为2.1亿元。\n"


def cnreport(*args: str, cwd: Path | None = None, stdin: bytes | None = None,
             env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cnreport", *args], cwd=cwd, input=stdin.decode("latin-1") if stdin else None,
                          capture_output=True, text=True, encoding="utf-8", timeout=300,
                          env={**os.environ, "COLUMNS": "80", **(env or {})})


def jsonl(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines()]


def test_big5_and_gb18030_files_are_read_as_written(tmp_path: Path) -> None:
    (tmp_path / "tw.txt").write_bytes(TAIWAN.encode("big5"))
    (tmp_path / "cn.txt").write_bytes(MAINLAND.encode("gb18030"))
    run = cnreport("numbers", str(tmp_path), "--format", "jsonl")
    assert run.returncode == 0 and run.stderr == ""
    rows = jsonl(run.stdout)
    assert [(r["source"][-6:], r["text"]) for r in rows if r["kind"] == "money"][:3] == [
        ("cn.txt", "12.5亿元"), ("cn.txt", "3.2亿元"), ("cn.txt", "2.1亿元")]
    assert [r["text"] for r in rows if r["source"].endswith("tw.txt")][:2] == ["新臺幣1,280億元", "百分之十二"]


def test_a_short_legacy_file_is_read_with_a_named_guess(tmp_path: Path) -> None:
    (tmp_path / "short.txt").write_bytes("營收50億元".encode("big5"))
    run = cnreport("numbers", str(tmp_path / "short.txt"), "--format", "jsonl")
    assert run.returncode == 0
    assert jsonl(run.stdout)[0]["text"] == "50億元"
    assert "read as big5, a guess" in run.stderr and "--encoding" in run.stderr
    assert len(run.stderr.splitlines()) == 1


def test_a_binary_file_is_named_as_binary_and_the_others_are_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "b.txt").write_text(MAINLAND, encoding="utf-8")
    run = cnreport("numbers", str(tmp_path), "--format", "jsonl")
    assert run.returncode == 1
    assert run.stderr == f"cnreport: {tmp_path / 'a.txt'}: a binary file (a PNG image), not text\n"
    assert {r["source"] for r in jsonl(run.stdout)} == {str(tmp_path / "b.txt")}


def test_an_undecodable_file_says_so_and_how_to_name_its_encoding(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfa" * 3)
    run = cnreport("parse", str(tmp_path / "bad.txt"))
    assert run.returncode == 1
    assert "bad.txt: not valid utf-16" in run.stderr


def test_bare_yuan_takes_the_currency_the_document_states(tmp_path: Path) -> None:
    (tmp_path / "tw.txt").write_text(TAIWAN, encoding="utf-8")
    run = cnreport("numbers", str(tmp_path / "tw.txt"), "--format", "jsonl")
    money = [(r["text"], r["currency"]) for r in jsonl(run.stdout) if r["kind"] == "money"]
    assert money == [("新臺幣1,280億元", "TWD"), ("新臺幣96億元", "TWD"), ("3.2元", "TWD"), ("2元", "TWD")]


def test_currency_option_sets_the_currency_of_an_unstated_yuan(tmp_path: Path) -> None:
    (tmp_path / "hk.txt").write_text("這間茶餐廳的奶茶售價28元，菠蘿包12元。\n", encoding="utf-8")
    default = cnreport("numbers", str(tmp_path / "hk.txt"), "--format", "jsonl")
    given = cnreport("numbers", str(tmp_path / "hk.txt"), "--format", "jsonl", "--currency", "hkd")
    assert [r["currency"] for r in jsonl(default.stdout)] == ["CNY", "CNY"]
    assert [r["currency"] for r in jsonl(given.stdout)] == ["HKD", "HKD"]
    wrong = cnreport("numbers", str(tmp_path / "hk.txt"), "--currency", "HK$")
    assert wrong.returncode == 2 and "ISO 4217" in wrong.stderr


def test_table_fits_the_terminal_with_the_default_columns() -> None:
    run = cnreport("parse", str(SEEDS))
    lines = run.stdout.splitlines()
    assert run.returncode == 0 and run.stderr == ""
    assert lines[0].split() == ["source", "text", "value", "unit", "subject", "period", "speaker"]
    assert max(display_width(line) for line in lines) <= 80
    assert any("超過100萬臺" in line and "1000000" in line and "邱躍鵬" in line for line in lines)
    # the columns line up: every value ends where the header's value column ends
    value_end = display_width(lines[0][:lines[0].index("value") + len("value")])
    row = next(line for line in lines if "超過100萬臺" in line)
    assert display_width(row[:row.index("1000000") + len("1000000")]) == value_end


def test_width_option_and_columns_option(tmp_path: Path) -> None:
    run = cnreport("numbers", str(SEEDS), "--width", "50", "--columns", "text,value,unit")
    lines = run.stdout.splitlines()
    assert lines[0].split() == ["text", "value", "unit"]
    assert max(display_width(line) for line in lines) <= 50
    bad = cnreport("numbers", str(SEEDS), "--columns", "text,colour")
    assert bad.returncode == 2 and "unknown column colour" in bad.stderr and "currency" in bad.stderr


def test_tsv_is_the_wide_form_with_every_column() -> None:
    run = cnreport("parse", str(SEEDS), "--format", "tsv")
    header, *rows = run.stdout.splitlines()
    assert header.split("\t") == list(COLUMNS)
    assert rows and all(len(row.split("\t")) == len(COLUMNS) for row in rows)


def test_one_name_for_the_file_column_in_every_command() -> None:
    for command in ("parse", "numbers", "speakers"):
        for fmt in ("table", "tsv", "csv"):
            out = cnreport(command, str(SEEDS), "--format", fmt).stdout
            assert out.split()[0].split(",")[0] == "source", (command, fmt)


def test_every_option_has_help() -> None:
    parser = _parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, command in sub.choices.items():
        for action in command._actions:
            assert action.help, (name, action.option_strings or action.dest)


def test_a_directory_is_read_by_glob_any_case(tmp_path: Path) -> None:
    (tmp_path / "B.TXT").write_text("營收1.1億元\n", encoding="utf-8")
    (tmp_path / "c.md").write_text("# 年報\n\n| 項目 | 金額 |\n|---|---|\n| 營收 | 3億元 |\n", encoding="utf-8")
    (tmp_path / "d.html").write_text("<html><body><p>員工<b>4萬</b>人</p></body></html>", encoding="utf-8")
    (tmp_path / "e.csv").write_text("營收,5億元\n", encoding="utf-8")
    run = cnreport("numbers", str(tmp_path), "--format", "jsonl")
    rows = jsonl(run.stdout)
    assert [(Path(str(r["source"])).name, r["text"]) for r in rows] == [
        ("B.TXT", "1.1億元"), ("c.md", "3億元"), ("d.html", "4萬")]
    html = next(r for r in rows if str(r["source"]).endswith("d.html"))
    raw = (tmp_path / "d.html").read_text(encoding="utf-8")
    assert raw[int(str(html["start"])):int(str(html["end"]))] == "4萬"  # offsets into the file as written
    only = cnreport("numbers", str(tmp_path), "--glob", "*.CSV", "--format", "jsonl")
    assert [r["text"] for r in jsonl(only.stdout)] == ["5億元"]


def test_nothing_to_read_says_so(tmp_path: Path) -> None:
    run = cnreport("parse", str(tmp_path))
    assert run.returncode == 1 and run.stdout == ""
    assert "nothing to read" in run.stderr and "--glob" in run.stderr


def test_an_empty_file_says_so(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    run = cnreport("parse", str(tmp_path / "empty.txt"))
    assert run.returncode == 0
    assert run.stderr.splitlines() == [f"cnreport: {tmp_path / 'empty.txt'}: empty, nothing to read",
                                       "cnreport: no metrics in 1 file"]


def _many_lines(n: int) -> str:
    return "".join(f"第{i}家門店去年營收{i * 7 % 1000 + 1}萬元，員工{i % 300 + 2}人，同比增長{i % 37 + 1}%。\n"
                   for i in range(n))


def test_progress_moves_within_one_large_file(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(_many_lines(20000), encoding="utf-8")
    run = cnreport("numbers", str(big), "--progress", "-o", str(tmp_path / "out.csv"), "--format", "csv")
    assert run.returncode == 0
    # tqdm redraws the bar with \r: the bytes read go up in steps within the file
    counts = set(re.findall(r"([0-9.]+[kM]?)/[0-9.]+M ", run.stderr))
    assert len(counts) >= 4, run.stderr


def test_ctrl_c_keeps_the_finished_files_in_a_partial_file(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for k in range(2):
        (corpus / f"a{k}.txt").write_text(MAINLAND * 3, encoding="utf-8")
    (corpus / "z.txt").write_text(_many_lines(200000), encoding="utf-8")
    whole = cnreport("parse", str(corpus / "a0.txt"), str(corpus / "a1.txt"), "--format", "csv")
    out = tmp_path / "out.csv"
    out.write_text("the old output\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "cnreport", "parse", str(corpus), "-o", str(out),
                             "--format", "csv"], stderr=subprocess.PIPE, text=True, encoding="utf-8")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        # the two small files' rows are written once each file is read; then z.txt is being read
        temporary = list(tmp_path.glob(".out.csv.*.tmp"))
        if temporary and temporary[0].stat().st_size >= len(whole.stdout.encode("utf-8")):
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    partial = tmp_path / "out.partial.csv"
    assert proc.returncode == 130
    assert err == f"cnreport: interrupted; the rows of the 2 files finished are in {partial}; {out} is untouched\n"
    assert out.read_text(encoding="utf-8") == "the old output\n"
    with partial.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows == list(csv.DictReader(io.StringIO(whole.stdout)))
    assert not list(tmp_path.glob(".*.tmp"))


def test_stdin_is_read_and_its_encoding_found() -> None:
    run = subprocess.run([sys.executable, "-m", "cnreport", "numbers", "-", "--format", "jsonl"],
                         input="收入八分之一".encode("gb18030") * 4, capture_output=True, timeout=120)
    assert run.returncode == 0
    assert [r["value"] for r in jsonl(run.stdout.decode("utf-8"))] == ["1/8"] * 4


def test_json_and_jsonl_keep_only_the_columns_asked_for(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("騰訊4萬多員工", encoding="utf-8")
    assert main(["parse", str(tmp_path / "a.txt"), "--format", "json", "--columns", "text,subject"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"text": "4萬多", "subject": "員工"}]


def test_speakers_csv_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "speakers.csv"
    assert main(["speakers", str(SEEDS), "--format", "csv", "--bom", "-o", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == 20
    assert (rows[0]["name"], rows[0]["title"], rows[0]["org"]) == ("劉熾平", "騰訊公司總裁", "騰訊")
    assert [r["kind"] for r in rows[-6:]] == ["question", "answer"] * 3
    assert not list(tmp_path.glob(".*.tmp"))
    assert out.stat().st_mode & 0o077 == 0o666 & ~_umask() & 0o077  # not private like a temporary file


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


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
    bad.write_bytes("營收".encode("gb18030") + b"\xff\xfe")
    good = tmp_path / "good.txt"
    good.write_text("騰訊4萬多員工", encoding="utf-8")
    status = main(["parse", str(bad), str(good), "--format", "json", "--encoding", "utf-8"])
    out, err = capsys.readouterr()
    assert status == 1 and "bad.txt: not valid utf-8" in err
    assert [r["subject"] for r in json.loads(out)] == ["員工"]


def test_an_html_file_keeps_its_tables_for_parse_and_its_prose_for_numbers(tmp_path: Path) -> None:
    page = ("<html><body><p>本公司年報</p><table><tr><th>項目</th><th>2023年</th></tr>"
            "<tr><td>營業收入</td><td>1,200</td></tr></table><!-- 舊稿 900 --></body></html>")
    (tmp_path / "report.html").write_bytes(page.encode("big5"))
    parsed = cnreport("parse", str(tmp_path / "report.html"), "--format", "jsonl")
    assert [(r["text"], r["subject"], r["period"]) for r in jsonl(parsed.stdout)] == [("1,200", "營業收入", "2023年")]
    numbers = cnreport("numbers", str(tmp_path / "report.html"), "--format", "jsonl")
    assert [(r["text"], page[int(str(r["start"])):int(str(r["end"]))]) for r in jsonl(numbers.stdout)] == [
        ("2023年", "2023年"), ("1,200", "1,200")]


def test_pdf_files_are_read_where_the_pdf_reader_is_installed(tmp_path: Path) -> None:
    from cnreport.read import pdf_available

    (tmp_path / "a.PDF").write_bytes(b"%PDF-1.4\nnot really a PDF\n")
    (tmp_path / "b.txt").write_text("營收1.1億元\n", encoding="utf-8")
    run = cnreport("numbers", str(tmp_path), "--format", "jsonl")
    assert [r["text"] for r in jsonl(run.stdout)] == ["1.1億元"]
    if pdf_available():  # read as a PDF, and a damaged one is named with the reason
        assert run.returncode == 1 and run.stderr.startswith(f"cnreport: {tmp_path / 'a.PDF'}: ")
    else:  # not searched for
        assert run.returncode == 0 and run.stderr == ""


def test_parse_with_your_own_entities_keys_them_as_you_do(tmp_path: Path) -> None:
    universe = tmp_path / "entities.csv"
    universe.write_text("name,aliases,code\n星雲科技,Nebula Tech|星云,NBT\n", encoding="utf-8")
    report = tmp_path / "call.txt"
    report.write_text("陳立峰 星雲科技首席執行官\n第三季度，我們的總收入達到86.4億元。\n", encoding="utf-8")
    done = cnreport("parse", str(report), "--entities", str(universe), "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(r["text"], r["entity"], r["entity_key"], r["why"]) for r in rows] == [
        ("86.4億元", "星雲科技", "NBT", "subject:before entity:clause period:before")]


def test_parse_explain_says_why_in_words(tmp_path: Path) -> None:
    report = tmp_path / "news.txt"
    report.write_text("東岳精密公佈業績。公司去年營收為52億元。\n", encoding="utf-8")
    done = cnreport("parse", str(report), "--explain", "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["why"] == \
        "subject 營收 (before: 營收); entity 東岳精密 (anaphora: 東岳精密); period 去年 (before: 去年)"


def test_a_bad_entities_file_is_a_usage_error(tmp_path: Path) -> None:
    missing = cnreport("parse", "-", "--entities", str(tmp_path / "none.csv"), stdin="營收1億元".encode())
    assert missing.returncode == 2
    assert "none.csv" in missing.stderr and "Traceback" not in missing.stderr
    nameless = tmp_path / "nameless.tsv"
    nameless.write_text("name\taliases\tcode\n\t別名\tX1\n", encoding="utf-8")
    bad = cnreport("parse", "-", "--entities", str(nameless), stdin="營收1億元".encode())
    assert bad.returncode == 2
    assert "line" in bad.stderr and "Traceback" not in bad.stderr
