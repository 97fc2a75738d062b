"""parse_number and to_chinese: exact values with exact types."""
from __future__ import annotations

import pickle
from decimal import Decimal
from fractions import Fraction

import pytest

from cnreport import ParseError, parse_number, to_chinese
from cnreport.numerals import Numeral, scan_numeral

CASES = [
    # Chinese, in both scripts, with 零 and abbreviated tails
    ("一百零一", 101), ("一千零十", 1010), ("一万零一百一十一", 10111), ("十万零一千", 101000),
    ("三万五", 35000), ("一百二", 120), ("两千六", 2600), ("兩千六", 2600), ("九十二萬四", 924000),
    ("百二萬", 1200000), ("千三", 1300), ("廿二", 22), ("五百卅四", 534), ("零十", 10),
    ("五兆六十二亿四万五千二", 5006200045200), ("一亿五千万零六千三百五十五", 150006355),
    # financial
    ("壹拾壹", 11), ("玖仟陆佰陆拾伍", 9665), ("參拾參", 33), ("壹佰萬零伍拾肆", 1000054),
    # mixed and Arabic
    ("1萬7千", 17000), ("3.8萬", 38000), ("1.1億", 110000000), ("2.5萬億", 2500000000000),
    ("3兆8090億", 3809000000000), ("三八○億", 38000000000), ("1,234万", 12340000),
    ("3.5百万", 3500000), ("25百万", 25000000), ("100万三千", 1003000), ("200亿零四千230", 20000004230),
    # a group holding a magnitude, times the same magnitude again
    ("两万两千万", 220000000), ("1万2千万", 120000000), ("三万五千五百万", 355000000), ("一万五千亿", 1500000000000),
    ("1百01", 101), ("１００萬", 1000000), ("4.78萬億", 4780000000000), ("10万万", 1000000000),
    # digit by digit
    ("二〇〇二", 2002), ("一七二零", 1720), ("零零三", 3), ("幺八九", 189),
    # decimals and signs: Decimal unless whole
    ("十七點四四", Decimal("17.44")), ("一七二零点一", Decimal("1720.1")), ("两千三点一", Decimal("2300.1")),
    ("1.23456万", Decimal("12345.6")), ("负3.5", Decimal("-3.5")), ("負三十二", -32),
    ("0.000000001億", Decimal("0.1")), ("两千万点五五四四", Decimal("20000000.5544")),
    ("十二点零", 12),
    # fractions
    ("八分之一", Fraction(1, 8)), ("三分之二", Fraction(2, 3)), ("一半", Fraction(1, 2)),
    ("三百五又三分之一", Fraction(1051, 3)), ("负一又二分之一", Fraction(-3, 2)),
    # huge
    ("九千九百九十九萬億億億", 9999 * 10 ** 28),
    ("123456789012345678901234567890", 123456789012345678901234567890),
]


@pytest.mark.parametrize(("text", "value"), CASES)
def test_parse_number_is_exact(text: str, value: object) -> None:
    got = parse_number(text)
    assert got == value
    assert type(got) is type(value)


@pytest.mark.parametrize(("text", "position"), [
    ("三百块", 2), ("", 0), ("   ", 0), ("abc", 0), ("十幾", 0), ("30多", 0), ("1.1億元", 4),
])
def test_parse_number_rejects_with_position(text: str, position: int) -> None:
    with pytest.raises(ParseError) as info:
        parse_number(text)
    assert info.value.text == text
    assert info.value.position == position
    assert isinstance(info.value, ValueError)


def test_parse_error_pickles() -> None:
    with pytest.raises(ParseError) as info:
        parse_number("三百块")
    again = pickle.loads(pickle.dumps(info.value))
    assert (again.text, again.position, str(again)) == (info.value.text, info.value.position, str(info.value))


@pytest.mark.parametrize("bad", [b"123", 123, None, ["一"]])
def test_parse_number_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="str"):
        parse_number(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(("value", "text"), [
    (0, "零"), (10, "一十"), (101, "一百零一"), (1000054, "一百万零五十四"), (10 ** 16, "一亿亿"),
    (Decimal("-3.05"), "负三点零五"),
])
def test_to_chinese(value: object, text: str) -> None:
    assert to_chinese(value) == text  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [1.5, True, "12", None])
def test_to_chinese_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="to_chinese"):
        to_chinese(bad)  # type: ignore[arg-type]


def test_to_chinese_financial_traditional() -> None:
    assert to_chinese(34507, financial=True, traditional=True) == "叁萬肆仟伍佰零柒"


def test_parse_error_says_what_and_where() -> None:
    with pytest.raises(ParseError) as caught:
        parse_number("abc")
    assert str(caught.value) == "not a number (in 'abc' at position 0)"


@pytest.mark.parametrize(("text", "expected"), [
    # 几 and a pair of digits (七八) are ranges already: no point goes on from
    # them, nor 多 from a pair; 多 after 几 doubles its vagueness and adds none
    ("二十几多", Numeral(start=0, end=4, lo=21, hi=29, decimal=False, more=None, suffix_mults=(10,),
                      has_magnitude=False, arabic=False, chinese=4, tokens=4, only_digit=None, digit_string=False)),
    ("七八多", Numeral(start=0, end=2, lo=7, hi=8, decimal=False, more=None, suffix_mults=(),
                     has_magnitude=False, arabic=False, chinese=2, tokens=2, only_digit=None, digit_string=False)),
    ("20几点5", Numeral(start=0, end=3, lo=21, hi=29, decimal=False, more=None, suffix_mults=(),
                      has_magnitude=False, arabic=True, chinese=1, tokens=2, only_digit=None, digit_string=False)),
    # one Chinese digit alone: one Chinese character, one token
    ("三", Numeral(start=0, end=1, lo=3, hi=3, decimal=False, more=None, suffix_mults=(),
                  has_magnitude=False, arabic=False, chinese=1, tokens=1, only_digit="三", digit_string=False)),
    # Arabic digits with Chinese places are an Arabic numeral
    ("3万5", Numeral(start=0, end=3, lo=35000, hi=35000, decimal=False, more=None, suffix_mults=(10000,),
                    has_magnitude=True, arabic=True, chinese=1, tokens=3, only_digit=None, digit_string=False)),
    ("5千", Numeral(start=0, end=2, lo=5000, hi=5000, decimal=False, more=None, suffix_mults=(1000,),
                   has_magnitude=False, arabic=True, chinese=1, tokens=2, only_digit=None, digit_string=False)),
])
def test_scan_numeral_reads_where_the_numeral_ends(text: str, expected: Numeral) -> None:
    assert scan_numeral(text, 0) == expected
