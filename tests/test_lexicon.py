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
    with pytest.raises(ValueError, match=r"units\.tsv:"):
        table.__wrapped__("units.tsv", 2)


@pytest.mark.parametrize("title", [r[0] for r in table("titles.tsv", 1)])
def test_title_row_makes_a_title_line(title: str) -> None:
    from cnreport import segment
    assert fold(title) == title
    speaker = segment(f"王小明-某某公司{title}\n正文")[0].speaker
    assert speaker is not None and speaker.title == f"某某公司{title}"


@pytest.mark.parametrize("surname", [r[0] for r in table("surnames.tsv", 1)])
def test_surname_row_makes_a_name(surname: str) -> None:
    from cnreport import segment
    assert fold(surname) == surname and 1 <= len(surname) <= 2
    speaker = segment(f"{surname}晓-某某公司总裁\n正文")[0].speaker
    assert speaker is not None and speaker.name == f"{surname}晓"


@pytest.mark.parametrize("row", table("speaker_labels.tsv", 2), ids=lambda r: r[0])
def test_speaker_label_row(row: object) -> None:
    from cnreport import segment
    label, kind = row.cells  # type: ignore[attr-defined]
    section = segment(f"{label}:收入多少")[0]
    assert section.speaker is not None and section.speaker.name == label
    assert section.kind == kind


@pytest.mark.parametrize("row", table("boilerplate.tsv", 3), ids=lambda r: r[0])
def test_boilerplate_row(row: object) -> None:
    from cnreport import segment
    text, match, is_list = row.cells  # type: ignore[attr-defined]
    line = text if match == "line" else text + "：见下方"
    sections = segment(line + "\n短链接一则\n" + "正文很长，" * 12)
    assert sections[0].kind == "boilerplate"
    assert (sections[0].text.count("短链接") == 1) == (is_list == "yes")
