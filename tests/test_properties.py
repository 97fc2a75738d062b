"""Laws that hold for every input: round trips, honest spans, no exceptions."""
from __future__ import annotations

import pickle
from decimal import Decimal
from fractions import Fraction

import cn2an
from hypothesis import assume, example, given
from hypothesis import strategies as st

from cnreport import ParseError, find_numbers, parse_number, to_chinese
from cnreport.testing import exact_numbers, numerals

# Text that looks like reports: numerals, units, qualifiers and filler.
_PIECES = st.sampled_from([*"零一二三四五六七八九十百千万亿萬億兩幾数多余半点點分之第前约近超过以上下左右元块个家%％.,，",
                           *"、-~到至年月日底的是和0123456789０１２ 　\n",
                           "超過", "百分之", "個百分點", "人民幣", "以上", "不到"])
report_like = st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=40).map("".join)


@given(numerals())
def test_round_trip(pair: tuple[str, object]) -> None:
    text, value = pair
    got = parse_number(text)
    assert got == value and type(got) is type(value)


@given(exact_numbers(), st.booleans(), st.booleans())
def test_to_chinese_round_trip(value: object, financial: bool, traditional: bool) -> None:
    text = to_chinese(value, financial=financial, traditional=traditional)  # type: ignore[arg-type]
    got = parse_number(text)
    assert got == value and type(got) is type(value)


@given(st.integers(min_value=0, max_value=10 ** 15))
def test_reads_what_cn2an_writes(value: int) -> None:
    """An independent writer: cn2an's an2cn in its plain and financial styles."""
    for mode in ("low", "up"):
        assert parse_number(cn2an.an2cn(value, mode)) == value


@given(exact_numbers(max_digits=12))
def test_found_in_a_sentence(value: object) -> None:
    text = to_chinese(value)  # type: ignore[arg-type]
    [m] = find_numbers(f"收入为{text}元，")
    assert m.value == value and m.unit == "元" and m.kind == "money"


@given(st.lists(st.integers(min_value=0, max_value=10 ** 30) | st.decimals(
    min_value=0, max_value=10 ** 6, places=2, allow_nan=False), min_size=1, max_size=20),
    st.sampled_from(["，", "；", "。", "/ ", "：", "|"]))
@example([20, Decimal("300.00")], "；")
def test_every_number_of_a_table_row_is_read(values: list[object], separator: str) -> None:
    """A row of plain numbers (a table, a list of figures): each is one
    mention, in order, with its exact value. (Not 20，300.00 with the Chinese
    comma: that is one amount, 20300.00.)"""
    assume(not (separator == "，" and any(isinstance(v, Decimal) for v in values[1:])))
    written = [str(v) for v in values]
    text = "数据" + separator.join(written) + "。"
    found = find_numbers(text)
    assert [m.text for m in found] == written
    for m, v in zip(found, values, strict=True):
        assert m.value == v and type(m.value) is (int if isinstance(v, int) or v == v.to_integral_value() else Decimal)


def _check_mentions(text: str) -> None:
    mentions = find_numbers(text)
    end = 0
    for m in mentions:
        assert text[m.start:m.end] == m.text
        assert end <= m.start < m.end
        end = m.end
        for v in (m.value, m.low, m.high):
            assert v is None or type(v) in (int, Decimal, Fraction, str)
        assert isinstance(m.value, str) == (m.kind == "date" and m.value is not None)
        assert pickle.loads(pickle.dumps(m)) == m


@given(st.text())
@example("\ud800一百")
@example("萬" * 300)
@example("1," * 200)
@example("分之" * 100)
def test_any_text(text: str) -> None:
    _check_mentions(text)


@given(report_like)
@example("超過 650億次")
@example("5~6億-7億")
@example("第第第一")
@example("2.07年")  # four characters before 年 that are no year (once a ValueError)
def test_report_like_text(text: str) -> None:
    _check_mentions(text)


@given(st.text())
def test_parse_number_raises_only_parse_error(text: str) -> None:
    try:
        value = parse_number(text)
    except ParseError as err:
        assert err.text == text and 0 <= err.position <= len(text)
    else:
        assert type(value) in (int, Decimal, Fraction)


@given(report_like)
def test_input_not_mutated_and_deterministic(text: str) -> None:
    copy = str(text)
    first = find_numbers(text)
    assert text == copy
    assert find_numbers(text) == first
