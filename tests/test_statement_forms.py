"""Numbers as financial statements and filings print them (invented figures)."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cnreport import find_numbers, parse_number


def one(text: str) -> tuple[object, ...]:
    [m] = find_numbers(text)
    return (m.text, m.value, m.unit, m.kind, m.qualifier, m.low, m.high)


@pytest.mark.parametrize("text", ["余额451, 680, 716.64", "合计2,855,702,313. 77元", "同比增长14. 19%"])
def test_a_split_decimal_is_a_decimal(text: str) -> None:
    # a Fraction of the same value would compare equal: the type is the check
    assert type(find_numbers(text)[0].value) is Decimal


@pytest.mark.parametrize("text, want", [
    ("本期净亏损（1,498）", ("（1,498）", -1498, None, "cardinal", None, None, None)),
    ("差额为(2,345.60)", ("(2,345.60)", Decimal("-2345.6"), None, "cardinal", None, None, None)),
    ("收入12, 793.95元", ("12, 793.95元", Decimal("12793.95"), "元", "money", None, None, None)),
    ("合计2,855,702,313. 77元", ("2,855,702,313. 77元", Decimal("2855702313.77"), "元", "money", None, None, None)),
    ("余额451, 680, 716.64", ("451, 680, 716.64", Decimal("451680716.64"), None, "cardinal", None, None, None)),
    ("合计12, 345,678元", ("12, 345,678元", 12345678, "元", "money", None, None, None)),
    ("同比增长14. 19%", ("14. 19%", Decimal("14.19"), "%", "percent", None, None, None)),
    ("回购价格不得低于10元", ("不得低于10元", 10, "元", "money", ">=", 10, None)),
    ("单次不得超过500万元", ("不得超过500万元", 5000000, "元", "money", "<=", None, 5000000)),
    ("连续三十个交易日", ("三十个交易日", 30, "交易日", "duration", None, None, None)),
    ("24-26年归母净利润", ("24-26年", None, "年", "year", None, 2024, 2026)),
    # a figure a parser wrote as inline math: its spaces mean nothing
    ("毛利率下降了 $3 1 . 0 7 \\%$ ，主要", ("$3 1 . 0 7 \\%$", Decimal("31.07"), "%", "percent", None, None, None)),
    ("占比 $45 \\%$", ("$45 \\%$", 45, "%", "percent", None, None, None)),
    ("差额 $-1 2, 408.50$", ("$-1 2, 408.50$", Decimal("-12408.5"), None, "cardinal", None, None, None)),
    ("持股不低于 $5 \\%$ 的股东", ("不低于 $5 \\%$", 5, "%", "percent", ">=", 5, None)),
])
def test_statement_forms(text: str, want: tuple[object, ...]) -> None:
    assert one(text) == want


@pytest.mark.parametrize("text", [
    "单位：人民幣千元", "人民幣千元", "(以人民币千元列示)", "單位：千元", "RMB'000", "HK$’000",
    "公告编号：临2023-045", "2021-021号", "景20转债", "$\\textcircled{3}$ 其他应收款",
])
def test_no_figure(text: str) -> None:
    assert find_numbers(text) == []


@pytest.mark.parametrize("text, want", [
    ("每千元收入的成本", [("千元", 1000)]),  # a rate per thousand yuan is a quantity
    ("1. 2023年收入", [("1", 1), ("2023年", 2023)]),  # a list number and a year stay apart
    ("20-30年的使用期", [("20-30年", None)]),  # a span of years, not the 2020s
    ("(1)收入", [("1", 1)]),  # a list marker is not negative
    ("12, 000元", [("12, 000元", 12000)]),
    ("12, 000万元", [("12", 12), ("000万元", 0)]),
    ("售价$12，另付$3", [("$12", 12), ("$3", 3)]),  # dollars, not math
    ("$x+2$", [("2", 2)]),  # math that is more than a figure is read as text
])
def test_near_forms_stay_as_they_are(text: str, want: list[tuple[str, object]]) -> None:
    assert [(m.text, m.value) for m in find_numbers(text)] == want


def test_parse_number_reads_an_accountants_negative() -> None:
    assert parse_number("(5,514,269)") == -5514269
    assert parse_number("（1,234.50）") == Decimal("-1234.5")


@given(st.integers(min_value=1000, max_value=10**15), st.data())
def test_a_grouped_amount_split_after_any_comma_keeps_its_value(n: int, data: st.DataObject) -> None:
    groups = f"{n:,}".split(",")
    gaps = data.draw(st.lists(st.booleans(), min_size=len(groups) - 1, max_size=len(groups) - 1))
    written = groups[0] + "".join(("," + " " if gap else ",") + g for gap, g in zip(gaps, groups[1:]))
    [m] = find_numbers(f"合计{written}元")
    assert (m.text, m.value, type(m.value)) == (written + "元", n, int)
