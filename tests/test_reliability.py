"""The reliability contract of docs/reliability.md, one test per promise."""
from __future__ import annotations

import errno
import json
import pickle
import subprocess
import sys
import threading
from decimal import Decimal
from pathlib import Path

import pytest

import cnreport
from cnreport import ParseError, find_numbers, parse, parse_many, parse_number, segment, tag_metrics
from cnreport.cli import main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]

HOSTILE = [
    "",
    "\x00",
    "共\x003家\x00",
    "\ud800一百\udfff",                     # lone surrogates
    "".join(chr(c) for c in range(32)),    # control characters
    "\u202e超過100萬臺\u202c",               # bidirectional controls
    "１００萬臺，約３．８％ 100万台 ١٢٣ ๑๒๓",  # mixed scripts and widths
    "\r\n\r\n问：\r答：\x0b\x0c",
    "萬" * 5000,
    "1," * 5000,
    "第" * 5000 + "一",
    "9" * 5000 + "元",
    "一点" + "一" * 5000,
]


@pytest.mark.parametrize("text", HOSTILE)
def test_every_str_is_read(text: str) -> None:
    for m in find_numbers(text):
        assert text[m.start:m.end] == m.text
    sections = segment(text)
    assert "".join(s.text for s in sections) == text
    report = parse(text)
    report.to_records()  # every value prints
    report.to_jsonl()


def test_a_ten_megabyte_line() -> None:
    text = "市场" * 2_500_000 + "共有3家" + "增長" * 2_500_000
    assert [m.text for m in find_numbers(text)] == ["3家"]
    assert len(segment(text)) == 1
    assert [m.mention.text for m in parse(text).metrics] == ["3家"]


def test_giant_and_tiny_values_stay_exact() -> None:
    assert parse_number("九千九百九十九萬億億億") == 9999 * 10 ** 28
    assert parse_number("0.000000001億") == Decimal("0.1")
    thirty = "123456789012345678901234567890"
    assert parse_number(thirty) == int(thirty)
    assert find_numbers(thirty + "元")[0].value == int(thirty)
    assert type(parse_number("0.000000001億")) is Decimal


def test_digit_runs_beyond_a_hundred_are_not_quantities() -> None:
    assert find_numbers("9" * 100 + "元")[0].value == int("9" * 100)
    assert find_numbers("9" * 101 + "元，共3家")[0].text == "3家"


@pytest.mark.parametrize("call", [
    lambda: find_numbers(b"3"),
    lambda: segment(None),
    lambda: parse(3),
    lambda: parse_number(3.5),
    lambda: tag_metrics(b"", [], []),
    lambda: list(parse_many("one text")),
])
def test_non_str_input_is_a_type_error_that_says_what_to_pass(call) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TypeError, match="str"):
        call()


def test_parse_error_carries_input_and_position_and_pickles() -> None:
    with pytest.raises(ParseError) as info:
        parse_number("3萬元")
    err = info.value
    assert isinstance(err, ValueError)
    assert (err.text, err.position) == ("3萬元", 2)
    again = pickle.loads(pickle.dumps(err))
    assert (type(again), again.text, again.position, str(again)) == (ParseError, "3萬元", 2, str(err))


def test_results_pickle() -> None:
    report = parse(SEED_TEXTS[0], source="seed")
    assert pickle.loads(pickle.dumps(report)) == report
    assert pickle.loads(pickle.dumps(report.metrics[0])) == report.metrics[0]
    assert pickle.loads(pickle.dumps(report.sections[0])) == report.sections[0]


def test_caller_data_is_not_mutated() -> None:
    categories = {"日活": "users"}
    texts = ["日活3億", "收入1.1億元"]
    sources = ["a", "b"]
    reports = list(parse_many(texts, sources=sources, categories=categories))
    assert reports[0].metrics[0].category == "users"
    assert categories == {"日活": "users"} and texts == ["日活3億", "收入1.1億元"] and sources == ["a", "b"]


def test_import_has_no_side_effects(tmp_path: Path) -> None:
    probe = (
        "import logging, sys\n"
        "before = list(logging.root.handlers)\n"
        "import cnreport\n"
        "print(logging.root.handlers == before, 'jieba' in sys.modules, 'cn2an' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True,
                         check=True)
    handlers_same, jieba_loaded, cn2an_loaded = out.stdout.split()
    assert (handlers_same, jieba_loaded, cn2an_loaded) == ("True", "False", "False")
    assert out.stderr == ""
    assert list(tmp_path.iterdir()) == []  # no files written
    # (import time is a benchmark figure, docs/performance.md, never asserted)


def test_eight_threads_agree_with_sequential_calls() -> None:
    # A fresh interpreter, so that the lazy tables are built while threads race.
    probe = (
        "import json, sys, threading\n"
        "from pathlib import Path\n"
        "import cnreport\n"
        f"texts = [p.read_text(encoding='utf-8') for p in sorted(Path({str(SEEDS)!r}).glob('*.txt'))]\n"
        "jobs = [texts[i % len(texts)] for i in range(16)]\n"
        "results = [None] * len(jobs)\n"
        "start = threading.Barrier(8)\n"
        "def work(k):\n"
        "    start.wait()\n"
        "    for i in range(k, len(jobs), 8):\n"
        "        results[i] = cnreport.parse(jobs[i]).to_jsonl()\n"
        "threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]\n"
        "[t.start() for t in threads]; [t.join() for t in threads]\n"
        "print(json.dumps(results))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    threaded = json.loads(out.stdout)
    sequential = [parse(SEED_TEXTS[i % len(SEED_TEXTS)]).to_jsonl() for i in range(16)]
    assert threaded == sequential


def test_threads_in_process_agree() -> None:
    expected = [parse(t).to_jsonl() for t in SEED_TEXTS]
    seen: list[list[str]] = [[] for _ in range(8)]

    def work(k: int) -> None:
        seen[k] = [parse(t).to_jsonl() for t in SEED_TEXTS]

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(s == expected for s in seen)


# ---------------------------------------------------------------- command line

def _files(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for k in range(n):
        (folder / f"{k:05d}.txt").write_text(f"第{k}份：收入{k + 1}萬元", encoding="utf-8")
    return folder


def test_a_directory_of_thousands_of_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _files(tmp_path, 2000)
    assert main(["numbers", str(folder), "--format", "jsonl", "--no-progress"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len({r["source"] for r in rows}) == 2000


def test_bad_files_are_named_and_the_rest_are_complete(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    folder = _files(tmp_path, 5)
    (folder / "00002.txt").write_bytes(b"\xff\xfe\xfa\x80 not text")
    (folder / "00003.txt").unlink()
    (folder / "00003.txt").mkdir()  # named like a text file, but a directory: searched, not read
    (folder / "00003.txt" / "inner.txt").write_text("收入5萬元", encoding="utf-8")
    status = main(["numbers", str(folder), str(tmp_path / "gone.txt"), str(folder / "00003.txt" / "gone.txt"),
                   "--encoding", "utf-8", "--format", "jsonl", "--no-progress"])
    out, err = capsys.readouterr()
    assert status == 1
    names = {Path(json.loads(line)["source"]).name for line in out.splitlines()}
    assert names == {"00000.txt", "00001.txt", "00004.txt", "inner.txt"}
    assert [line.split(": ")[1].split("/")[-1] for line in err.splitlines()] == [
        "00002.txt", "gone.txt", "gone.txt"]


@pytest.mark.parametrize("command", ["numbers", "parse"])
def test_a_file_that_vanishes_mid_run(command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    folder = _files(tmp_path, 3)
    victim = folder / "00001.txt"
    real_read, real_open = Path.read_bytes, Path.open

    def vanish(path: Path) -> None:
        if path.name == "00000.txt" and victim.exists():
            victim.unlink()  # gone after the directory was listed

    def read_bytes(self: Path) -> bytes:
        vanish(self)
        return real_read(self)

    def open_(self: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        vanish(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr(Path, "open", open_)
    status = main([command, str(folder), "--format", "jsonl", "--no-progress"])
    out, err = capsys.readouterr()
    assert status == 1 and "00001.txt" in err
    names = {Path(str(r["source"])).name for r in map(json.loads, out.splitlines())}
    assert names == {"00000.txt", "00002.txt"}


def test_numbers_of_a_large_file_are_read_in_blocks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    import cnreport.cli as cli

    text = "".join(f"第{k}行：收入{k + 1}萬元，增長{k % 7}%\r\n" for k in range(3000))
    path = tmp_path / "big.txt"
    path.write_bytes(text.encode("gb18030"))
    monkeypatch.setattr(cli, "_BLOCK", 4096)  # many blocks, and a GB18030 file
    assert main(["numbers", str(path), "--format", "jsonl", "--no-progress"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    expected = [m.to_dict() for m in find_numbers(text)]
    assert [{k: r[k] for k in expected[0]} for r in rows] == expected
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows)


def test_a_full_disk_leaves_the_output_untouched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    folder = _files(tmp_path, 3)
    target = tmp_path / "out.jsonl"
    target.write_text("previous results\n", encoding="utf-8")
    import cnreport.writers as writers

    real_write = writers.Writer.write

    def write(self: writers.Writer, record: dict[str, object]) -> None:
        if str(record["source"]).endswith("00002.txt"):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(self, record)

    monkeypatch.setattr(writers.Writer, "write", write)
    status = main(["numbers", str(folder), "--format", "jsonl", "-o", str(target), "--no-progress"])
    assert status == 2
    assert "No space left on device" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "previous results\n"
    assert not list(tmp_path.glob(".*.tmp"))


def test_an_internal_error_costs_only_its_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    folder = _files(tmp_path, 3)
    import cnreport.cli as cli

    real = cli.find_numbers

    def flaky(text: str, **options: str) -> list[cnreport.NumberMention]:
        if "第1份" in text:
            raise RuntimeError("boom")
        return real(text, **options)

    monkeypatch.setattr(cli, "find_numbers", flaky)
    status = main(["numbers", str(folder), "--format", "jsonl", "--no-progress"])
    out, err = capsys.readouterr()
    assert status == 1 and "00001.txt" in err and "boom" in err
    assert {Path(json.loads(line)["source"]).name for line in out.splitlines()} == {"00000.txt", "00002.txt"}
