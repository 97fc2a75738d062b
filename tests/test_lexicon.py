"""Every lexicon row is well formed, folded, and its example works."""
from __future__ import annotations

from decimal import Decimal

import pytest

from cnreport import find_numbers
from cnreport.lexicon import t2s_pairs, table
from cnreport.normalize import fold
from cnreport.words import lexicalized_words

UNITS = table("units.tsv", 4)
QUALIFIERS = table("qualifiers.tsv", 4)


@pytest.mark.parametrize(("word", "kind", "currency", "example"), [r.cells for r in UNITS])
def test_unit_example(word: str, kind: str, currency: str, example: str) -> None:
    assert fold(word) == word
    mentions = find_numbers(example)
    assert mentions, example
    m = mentions[-1]
    assert m.text == example and m.end == len(example)
    if kind == "money":
        assert m.kind == "money"


@pytest.mark.parametrize(("word", "symbol", "position", "note"), [r.cells for r in QUALIFIERS])
def test_qualifier_row(word: str, symbol: str, position: str, note: str) -> None:
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


@pytest.mark.parametrize(("label", "kind"), [r.cells for r in table("speaker_labels.tsv", 2)])
def test_speaker_label_row(label: str, kind: str) -> None:
    from cnreport import segment
    section = segment(f"{label}:收入多少")[0]
    assert section.speaker is not None and section.speaker.name == label
    assert section.kind == kind


@pytest.mark.parametrize(("text", "match", "is_list"), [r.cells for r in table("boilerplate.tsv", 3)])
def test_boilerplate_row(text: str, match: str, is_list: str) -> None:
    from cnreport import segment
    line = text if match == "line" else text + "：见下方"
    sections = segment(line + "\n短链接一则\n" + "正文很长，" * 12)
    assert sections[0].kind == "boilerplate"
    assert (sections[0].text.count("短链接") == 1) == (is_list == "yes")


# Each grammar word of scales.tsv in a declaration of its own: the figures after it are thousands of
# Hong Kong dollars (a currency label next to a unit line gives that line its currency).
_SCALE_SENTENCES = {
    "label": "{}：千港元\n",
    "currency_label": "单位：千元 年度报告\n{}：港元\n",
    "unless": "（{}注明外，以港元千元列示）\n",
    "unless_verb": "（除另有{}外，以港元千元列示）\n",
    "closing": "（以港元千元{}）\n",
}


@pytest.mark.parametrize(("kind", "word"), [(r.cells[0], r.cells[1]) for r in table("scales.tsv", 4)
                                             if r[0] in _SCALE_SENTENCES])
def test_scale_grammar_row_declares_a_scale(kind: str, word: str) -> None:
    from cnreport.tables import find_scales, scale_in_force
    text = _SCALE_SENTENCES[kind].format(word) + "营业收入 1,026.53"
    found = scale_in_force(find_scales(text), len(text))
    assert found is not None and (found.factor, found.currency) == (1000, "HKD")



def _table_figures(label: str, header: str = "2023年") -> list[tuple[int, object, object, object, str]]:
    """(column, value, unit, change, subject) of each figure of an invented table in 万元 whose
    second row is labelled ``label`` and whose last column is headed ``header``."""
    import cnreport
    text = (f"单位：万元\n\n| 项目 | 2022年 | {header} |\n|---|---|---|\n"
            f"| 营业收入 | 1,000 | 1,200 |\n| {label} | 2 | 3 |\n")
    return [(m.cell.column, m.mention.value, m.mention.unit,
             (m.change.direction, m.change.basis) if m.change else None, m.subject)
            for m in cnreport.parse(text).metrics if m.cell is not None]


def _titled(title: str) -> list[tuple[object, object]]:
    """(entity, period label) of the figure of an invented table under ``title``, in a column 期末."""
    import cnreport
    text = f"{title}\n单位：万元\n\n| 项目 | 期末 |\n|---|---|\n| 营业收入 | 1,200 |\n"
    return [(m.entity, m.when.label if m.when else None) for m in cnreport.parse(text).metrics]


# A column header with a word of these roles, and the period its figures are of.
_PERIOD_HEADERS = {
    "period_ended": ("{}六月三十日止六個月 2024年", "2024H1"),
    "period_until": ("截至六月三十日{}六個月 2024年", "2024H1"),
    "whole_year": ("截至2024年12月31日止{}", "2024"),
    "era": ("{}113年度", "2024"),
}


def _column_when(header: str) -> list[object]:
    """The period label of the figure of an invented table under a column headed ``header``."""
    import cnreport
    text = f"单位：万元\n\n| 项目 | {header} |\n|---|---|\n| 营业收入 | 1,200 |\n"
    return [m.when.label if m.when else None for m in cnreport.parse(text).metrics]


# A label that holds a word of these roles gives its figures a unit and leaves them unscaled.
_LABELS = {
    "per_share": ("基本{}收益", "元/股"), "turnover": ("存货{}", "次"), "ratio": ("流动{}", None),
    "rate_end": ("毛利{}", "%"), "rate": ("销售{}", "%"),
}


@pytest.mark.parametrize(("role", "word"), [(r.cells[1], r.cells[0]) for r in table("table_words.tsv", 3)])
def test_table_word_row(role: str, word: str) -> None:
    from cnreport.tables import header_period, read_cell
    if role in _LABELS:
        form, unit = _LABELS[role]
        label = f"Gross {word}" if word.isascii() and word[0].isalpha() else form.format(word)
        assert _table_figures(label)[2:] == [(1, 2, unit, None, label), (2, 3, unit, None, label)]
    elif role == "counted_by":  # a ratio the row is counted by: the row holds amounts, scaled
        label = f"按持股比例{word}的份额"
        assert _table_figures(label)[2:] == [(1, 20000, "元", None, label), (2, 30000, "元", None, label)]
    elif role == "sub_label":  # 其中：海外收入: the label names the part, not the word
        assert [f[4] for f in _table_figures(f"{word}：海外收入")[2:]] == ["海外收入", "海外收入"]
    elif role == "skip_header":  # the column's numbers (a note's, a row's) are no figures of the table
        import cnreport
        text = f"单位：万元\n\n| 项目 | 2022年 | {word} |\n|---|---|---|\n| 营业收入 | 1,000 | 5 |\n| 净利润 | 2 | 7 |\n"
        assert [(m.cell and m.cell.column, m.mention.value) for m in cnreport.parse(text).metrics] == [
            (1, 10000000), (1, 20000)]
    elif role == "change_header":  # a column of changes
        assert [f[3] is not None for f in _table_figures("净利润", word) if f[0] == 2] == [True, True]
    elif role == "basis":  # what the changes of the column compare against
        changes = [f[3] for f in _table_figures("净利润", f"比{word}增减") if f[0] == 2]
        assert changes == [("up", f"比{word}"), ("up", f"比{word}")]
    elif role in ("share_column", "share_total"):  # a column of shares, in %, unscaled
        header = word if role == "share_column" else f"占营业收入{word}"
        assert [f[1:3] for f in _table_figures("净利润", header) if f[0] == 2] == [(1200, "%"), (3, "%")]
    elif role == "not_applicable":
        assert read_cell(word).nil and read_cell(f" {word.upper()} ").nil
    elif role in ("point_up", "point_down"):  # a change in percentage points, and its direction
        cell = read_cell(f"{word}1.5个百分点")
        want = ("up", Decimal("1.5")) if role == "point_up" else ("down", Decimal("-1.5"))
        assert (cell.direction, cell.value, cell.unit) == (*want, "个百分点")
    elif role == "year_part":  # the column covers that part of the year
        assert header_period(f"2023年{word}") == f"2023年{word}"
    elif role in ("issuer_form", "report_part", "report_word"):  # a report's title: whose report, which year
        title = {"issuer_form": f"示范材料{word} 2023 年年度报告", "report_part": f"示范材料股份有限公司 2023 年{word}报告",
                 "report_word": f"示范材料股份有限公司 2023 年年度{word}"}[role]
        issuer = f"示范材料{word}" if role == "issuer_form" else "示范材料股份有限公司"
        assert _titled(title) == [(issuer, "2023-12-31")]
    elif role in _PERIOD_HEADERS:  # a column header that names its period: which period it is
        header, label = _PERIOD_HEADERS[role]
        assert _column_when(header.format(word)) == [label]
    elif role == "per_share_part":  # a row under a per-share line: its amount per share, unscaled
        import cnreport
        text = (f"单位：万元\n\n| 项目 | 2023年 |\n|---|---|\n| 营业收入 | 1,200 |\n| 每股盈利（元） | |\n"
                f"| {word} | 0.5 |\n")
        assert [(m.mention.value, m.mention.unit) for m in cnreport.parse(text).metrics] == [
            (12000000, "元"), (Decimal("0.5"), "元/股")]
    else:
        assert role == "point_unit"
        cell = read_cell(f"增加1.5{word}")
        assert (cell.direction, cell.value, cell.unit) == ("up", Decimal("1.5"), "个百分点")
