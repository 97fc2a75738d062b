"""Roles of ``lexicon/number_words.tsv`` that number and currency reading
decide by, each read through what it makes of a sentence: deleting a row
these sentences rely on changes what they read."""
from __future__ import annotations

import pytest

from cnreport import find_numbers
from cnreport.currency import stated_currencies

FORMS = [
    # per_one_next: 一 before a measure word or period is "one" of a rate, not a last digit
    ("月薪二十万一个月", [("二十万", 200000, None, None, None, None, None, "cardinal")]),
    ("三万五一年", [("三万五", 35000, None, None, None, None, None, "cardinal"),
               ("一年", 1, None, None, "年", None, None, "duration")]),
    # per_one_verb: what one of them costs is said, so 一台 is the article
    ("这种设备一台就要8万元", [("8万元", 80000, None, None, "元", None, "CNY", "money")]),
    ("这种设备一台8万元", [("一台", 1, None, None, "台", None, None, "cardinal"),
                    ("8万元", 80000, None, None, "元", None, "CNY", "money")]),
    # bare_yuan: a bare 元 or 块钱 takes the local dollar named before it; cny_name does not
    ("港币6元，随后跌穿5元", [("港币6元", 6, None, None, "元", None, "HKD", "money"),
                      ("5元", 5, None, None, "元", None, "HKD", "money")]),
    ("新台币30元，随后跌至28块钱", [("新台币30元", 30, None, None, "元", None, "TWD", "money"),
                          ("28块钱", 28, None, None, "块钱", None, "TWD", "money")]),
    ("港币6元，人民币5元", [("港币6元", 6, None, None, "元", None, "HKD", "money"),
                    ("人民币5元", 5, None, None, "元", None, "CNY", "money")]),
    # list_joiner: a bare number before 、 shares the next figure's unit
    ("分别为12、15亿元", [("12", 1200000000, None, None, "元", None, "CNY", "money"),
                    ("15亿元", 1500000000, None, None, "元", None, "CNY", "money")]),
    # bound_joiner, between_joiner: the two bounds make one interval
    ("大于10并且小于20", [("大于10并且小于20", None, 10, 20, None, None, None, "cardinal")]),
    ("大于10的同时小于20", [("大于10的同时小于20", None, 10, 20, None, None, None, "cardinal")]),
    ("在20和30之间", [("20和30之间", None, 20, 30, None, None, None, "cardinal")]),
    # date_qualifier: 约 and 近 may stand before a year
    ("约2023年", [("约2023年", 2023, None, None, "年", "~", None, "year")]),
    ("近2023年", [("近2023年", 2023, None, 2023, "年", "<", None, "year")]),
    # declared_currency, declared_unit: a unit declaration is no figure
    ("单位：港币千元", []),
    ("单位：人民币千元", []),
    ("单位：千股", []),
    # spoken_point: after a verb of change, 个点 is percentage points
    ("毛利率提升了两个点", [("两个点", 2, None, None, "点", None, None, "percent")]),
    ("净利率提升了一个多点", [("一个多点", 1, 1, 2, "点", ">", None, "percent")]),
    # quarter_unit: right after a numeral, the quarter (an ordinal), not three quarters' time
    ("公司3季度营收增长", [("3季度", 3, None, None, "季度", None, None, "ordinal")]),
    ("公司2财季营收增长", [("2财季", 2, None, None, "财季", None, None, "ordinal")]),
    # plain_money_unit: a currency named after 元, 块 or 圆 is the figure's
    ("营收518亿元人民币", [("518亿元人民币", 51800000000, None, None, "元", None, "CNY", "money")]),
    ("售价50块人民币", [("50块人民币", 50, None, None, "块", None, "CNY", "money")]),
    ("奖金3000圆人民币", [("3000圆人民币", 3000, None, None, "圆", None, "CNY", "money")]),
    # fiscal_year: a fiscal year across two calendar years
    ("2023/24财年", [("2023/24财年", None, 2023, 2024, "财年", None, None, "year")]),
    ("2023-2024财政年度", [("2023-2024财政年度", None, 2023, 2024, "财政年度", None, None, "year")]),
    ("2023/24年度", [("2023/24年度", None, 2023, 2024, "年度", None, None, "year")]),
]


def _read(text: str) -> list[tuple[object, ...]]:
    return [(m.text, m.value, m.low, m.high, m.unit, m.qualifier, m.currency, m.kind) for m in find_numbers(text)]


@pytest.mark.parametrize(("text", "expected"), FORMS, ids=[t for t, _ in FORMS])
def test_number_word_roles(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("（人民币百万元）", [(1, "CNY")]),          # statement_magnitude 百万
    ("收入以港币十亿元计", [(3, "HKD")]),         # statement_magnitude 十亿
    ("金额以人民币千元列示", [(3, "CNY")]),
])
def test_a_statement_names_its_currency(text: str, expected: list[tuple[int, str]]) -> None:
    assert stated_currencies(text) == expected
