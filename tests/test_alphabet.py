"""The numeral alphabet (``lexicon/numerals.tsv``) and the affixes of
numbers inside dictionary words (the ``word_*`` roles of
``lexicon/number_words.tsv``), each role read through what it makes of a
sentence: deleting a row these sentences rely on changes their numbers."""
from __future__ import annotations

from decimal import Decimal as D
from fractions import Fraction as F

import pytest
from hypothesis import given

from cnreport import find_numbers, parse_number, to_chinese
from cnreport.testing import mixed_numerals

ALPHABET = [
    # digit: read one by one after the point and in a digit string
    ("圆周率约为三点一四", [("三点一四", D("3.14"), None, None, None, None, "cardinal")]),
    ("拨打幺零零八六", [("幺零零八六", 10086, None, None, None, None, "cardinal")]),
    ("一九九八年", [("一九九八年", 1998, None, None, "年", None, "year")]),
    # counting_digit: 两 counts (两千零五十) but is no digit after the point
    ("两千零五十", [("两千零五十", 2050, None, None, None, None, "cardinal")]),
    ("两百点两", [("两百点", 200, None, None, "点", None, "cardinal")]),
    # financial: a number with its place units, no number alone
    ("营收叁拾万元", [("叁拾万元", 300000, None, None, "元", None, "money")]),
    ("营收壹佰万元", [("壹佰万元", 1000000, None, None, "元", None, "money")]),
    ("陆地面积很大", []),
    ("来了五十陆续入场", [("五十", 50, None, None, None, None, "cardinal")]),
    ("有一百陆地", [("一百", 100, None, None, None, None, "cardinal")]),
    # tens
    ("廿三年前", [("廿三年", 23, None, None, "年", None, "duration")]),
    ("卅五岁", [("卅五岁", 35, None, None, "岁", None, "duration")]),
    ("卌年", [("卌年", 40, None, None, "年", None, "duration")]),
    # big_unit, small_unit
    ("净利润为五千万元", [("五千万元", 50000000, None, None, "元", None, "money")]),
    ("三兆八千亿", [("三兆八千亿", 3800000000000, None, None, None, None, "cardinal")]),
    # ascii_magnitude
    ("工资15k起", [("15k", 15000, None, None, None, None, "cardinal")]),
    ("月薪2w", [("2w", 20000, None, None, None, None, "cardinal")]),
    # negative, vague_digit
    ("负五度", [("负五度", -5, None, None, "度", None, "cardinal")]),
    ("几十人", [("几十人", None, 20, 90, "人", None, "cardinal")]),
    # several_before: 数 before these measure words is "several", not in 数据 or 数位
    ("股价涨了数倍", [("数倍", None, 2, 9, "倍", None, "multiple")]),
    ("数年来", [("数年", None, 2, 9, "年", None, "duration")]),
    ("数据显示", []),
    ("数位化", []),
    # thousands_of: 千 before these currencies is the reporting unit
    ("收入1,234,567千元", [("1,234,567千元", 1234567000, None, None, "元", None, "money")]),
    ("共计3,456千港元", [("3,456千港元", 3456000, None, None, "港元", None, "money")]),
    ("共计3,456千件", [("3,456", 3456, None, None, None, None, "cardinal"),
                   ("千件", 1000, None, None, "件", None, "cardinal")]),
]

AFFIXES = [
    # word_affix: a dictionary word made of a numeral and one of these stays a number
    ("五分之一的股东", [("五分之一", F(1, 5), None, None, None, None, "fraction")]),
    ("七成的客户", [("七成", 70, None, None, "成", None, "percent")]),
    ("全场打八折", [("八折", 80, None, None, "折", None, "percent")]),
    ("跻身百强", [("百强", 100, None, None, None, None, "cardinal")]),
    ("其二是渠道", [("其二", 2, None, None, None, None, "ordinal")]),
    ("之一的股份", [("之一", 1, None, None, None, None, "cardinal")]),
    ("八大行业", [("八大", 8, None, None, None, None, "cardinal")]),
    ("三毛钱", [("三毛钱", D("0.3"), None, None, "毛", None, "money")]),
    ("负一层", [("负一层", -1, None, None, "层", None, "cardinal")]),
    # word_mark: 多, 余, 来 and 个 inside such a word leave it a number
    ("停靠十多艘船", [("十多艘", 10, 10, 20, "艘", ">", "cardinal")]),
    ("发放万余张券", [("万余张", 10000, 10000, 20000, "张", ">", "cardinal")]),
    ("十来天后", [("十来天", 10, None, None, "天", "~", "duration")]),
    ("上万个网点", [("上万个", 10000, 10000, None, "个", ">=", "cardinal")]),
    # word_numeral: 几 and 半 inside a word of no quantity
    ("几乎所有门店", []),
    ("大半个月", []),
]


def _read(text: str) -> list[tuple[object, ...]]:
    return [(m.text, m.value, m.low, m.high, m.unit, m.qualifier, m.kind) for m in find_numbers(text)]


@pytest.mark.parametrize(("text", "expected"), ALPHABET, ids=[t for t, _ in ALPHABET])
def test_numeral_alphabet(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(("text", "expected"), AFFIXES, ids=[t for t, _ in AFFIXES])
def test_number_inside_a_dictionary_word(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(("number", "options", "written"), [
    (1234567809, {}, "一十二亿三千四百五十六万七千八百零九"),
    (1234567809, {"financial": True}, "壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰零玖"),
    (10**12 + 5, {"traditional": True}, "一萬億零五"),
    (D("-0.5"), {}, "负零点五"),
    (D("-20.07"), {"financial": True, "traditional": True}, "負贰拾點零柒"),
])
def test_numbers_are_written_with_the_alphabet(number: int | D, options: dict[str, bool], written: str) -> None:
    """The write_* rows: what to_chinese writes, and parse_number reads it back."""
    assert to_chinese(number, **options) == written
    assert parse_number(written) == number


@given(mixed_numerals())
def test_generated_magnitudes_read_back(case: tuple[str, object]) -> None:
    """The generated_magnitude rows: 3.8万, 12萬, 0.5千万 read as the strategy says."""
    text, value = case
    assert parse_number(text) == value
