"""The seed documents against their hand-checked gold (tests/fixtures)."""
from __future__ import annotations

import json
from collections import defaultdict
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from cnreport import find_numbers

ROOT = Path(__file__).resolve().parent.parent
GOLD = [json.loads(line) for line in
        (ROOT / "tests" / "fixtures" / "seed-numbers.jsonl").read_text(encoding="utf-8").splitlines()]
# The gold figures the finder misses today: an indefinite 一 + measure word
# that the gold counts. A fix removes its line; a new miss fails.
KNOWN_MISSES = [
    "000_f7e51955b27f69e8.txt: 一個 not found",
    "000_f7e51955b27f69e8.txt: 一個 not found",
    "004_972747a4cc52b858.txt: 一家 not found",
    "004_972747a4cc52b858.txt: 一套 not found",
]


def _exact(v: object) -> object:
    """Numbers as Fractions (the gold writes "1/8", "0.5" or 13); dates stay text."""
    if v is None or isinstance(v, (int, Decimal, Fraction)):
        return None if v is None else Fraction(v)
    text = str(v)
    return text if text[:1] == "-" or text.count("-") else Fraction(text)


def _score() -> tuple[int, int, int, list[str]]:
    by_file: dict[str, list[dict[str, object]]] = defaultdict(list)
    for g in GOLD:
        by_file[str(g["file"])].append(g)
    exact = predicted = matched = 0
    misses = []
    for name, items in by_file.items():
        text = (ROOT / "seeds" / name).read_text(encoding="utf-8")
        mentions = find_numbers(text)
        predicted += len(mentions)
        hit = set()
        pos = 0
        for g in items:
            a = text.find(str(g["surface"]), pos)
            b = a + len(str(g["surface"]))
            pos = b
            cands = [(i, m) for i, m in enumerate(mentions) if m.start < b and a < m.end]
            if not cands:
                misses.append(f"{name}: {g['surface']} not found")
                continue
            i, m = max(cands, key=lambda im: min(b, im[1].end) - max(a, im[1].start))
            hit.add(i)
            ok = (_exact(m.value) == _exact(g["value"])
                  and (g["low"] is None or _exact(m.low) == _exact(g["low"]))
                  and (g["high"] is None or _exact(m.high) == _exact(g["high"]))
                  and m.unit == g["unit"] and m.qualifier == g["qualifier"])
            exact += ok
            if not ok:
                misses.append(f"{name}: {g['surface']} -> {m}")
        matched += len(hit)
    return exact, matched, predicted, misses


def test_seed_gold_misses_exactly_the_known_ones() -> None:
    """Every gold figure is found exactly but the known misses, and every
    figure found is a gold one (precision 1)."""
    exact, matched, predicted, misses = _score()
    assert misses == KNOWN_MISSES
    assert exact == len(GOLD) - len(KNOWN_MISSES)
    assert matched == predicted


@pytest.mark.parametrize("name", ["000_f7e51955b27f69e8.txt", "004_972747a4cc52b858.txt"])
def test_seed_spans_are_honest(name: str) -> None:
    text = (ROOT / "seeds" / name).read_text(encoding="utf-8")
    for m in find_numbers(text):
        assert text[m.start:m.end] == m.text
