"""Every lexicon row is well formed, folded, and its example works."""
from __future__ import annotations

import pytest

from cnreport import find_numbers
from cnreport.lexicon import t2s_pairs, table
from cnreport.normalize import fold
from cnreport.words import lexicalized_words

UNITS = table("units.tsv", 4)
QUALIFIERS = table("qualifiers.tsv", 4)


@pytest.mark.parametrize("row", UNITS, ids=lambda r: r[0])
def test_unit_example(row: object) -> None:
    word, kind, _, example = row.cells  # type: ignore[attr-defined]
    assert fold(word) == word
    mentions = find_numbers(example)
    assert mentions, example
    m = mentions[-1]
    assert m.text == example and m.end == len(example)
    if kind == "money":
        assert m.kind == "money"


@pytest.mark.parametrize("row", QUALIFIERS, ids=lambda r: r[0])
def test_qualifier_row(row: object) -> None:
    word, symbol, position, _ = row.cells  # type: ignore[attr-defined]
    assert symbol in (">", ">=", "<", "<=", "~")
    text = f"{word}300家" if position == "before" else f"300家{word}"
    if word in ("过", "上"):
        text = f"{word}千家"
    [m] = find_numbers(text)
    assert (m.text, m.qualifier) == (text, symbol)


def test_not_numbers_are_folded_and_loaded() -> None:
    words = lexicalized_words()
    for row in table("not_numbers.tsv", 2):
        assert fold(row[0]) == row[0]
        assert row[0] in words


def test_fold_keeps_length() -> None:
    pairs = t2s_pairs()
    assert all(len(k) == len(v) == 1 for k, v in pairs.items())
    sample = "".join(pairs) + "１２３．％，"
    assert len(fold(sample)) == len(sample)
    assert fold("，") == "，"  # the Chinese comma is not a thousands separator


def test_table_error_names_file_and_line() -> None:
    with pytest.raises(ValueError, match="units.tsv:"):
        table.__wrapped__("units.tsv", 2)
