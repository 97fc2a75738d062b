"""The library's whole output on fixed inputs, against the golden files of
tests/fixtures/golden (written by tools/golden.py).

A failure prints the diff of the records that moved. When a change is
meant, rewrite the files with ``python tools/golden.py`` and say in the
commit message which figures changed and why.
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import golden

sys.path.remove(str(ROOT / "tools"))
_HOW = "\n(meant? run python tools/golden.py and say why in the commit)"


@pytest.mark.parametrize("name", ["seeds.jsonl"])
def test_whole_output_is_the_golden_one(name: str) -> None:
    lines = golden.diff(name)
    assert not lines, "\n".join(lines[:80]) + _HOW


def _cases() -> dict[str, list[dict[str, object]]]:
    by_table: dict[str, list[dict[str, object]]] = defaultdict(list)
    text = (ROOT / "tests" / "fixtures" / "golden" / "lexicon.jsonl").read_text(encoding="utf-8")
    for line in text.splitlines():
        case = json.loads(line)
        by_table[case["table"]].append(case)
    return by_table


CASES = _cases()


@pytest.mark.parametrize("table", sorted(CASES))
def test_each_lexicon_row_decides_its_sentence(table: str) -> None:
    """Each row's sentence (stored with what was read in it) reads the same
    today: deleting or changing a row changes what its sentence reads."""
    moved = []
    for case in CASES[table]:
        read = json.loads(json.dumps(golden.read_case(table, str(case["text"])), ensure_ascii=False))
        if read != case["read"]:
            moved.append(f"{case['row']}: {case['text']!r}\n  was   {case['read']}\n  today {read}")
    assert not moved, "\n".join(moved[:30]) + _HOW


def test_every_lexicon_row_has_its_sentence() -> None:
    """A row added to a table needs its case in the golden file, and a case
    whose row is gone is stale."""
    stored = {(table, str(case["row"])) for table, cases in CASES.items() for case in cases}
    rows = {(table, word) for table, word, _ in golden.lexicon_cases()}
    assert rows - stored == set(), "rows without a case" + _HOW
    assert stored - rows == set(), "cases without a row" + _HOW
