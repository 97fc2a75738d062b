"""Periods as data: normalize_period and Metric.when."""
from __future__ import annotations

import datetime
from typing import Optional

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cnreport
from cnreport.model import Period
from cnreport.periods import normalize_period

D = datetime.date
REF = D(2024, 3, 15)


@pytest.mark.parametrize(("text", "label", "start", "end", "instant"), [
    ("2023年", "2023", D(2023, 1, 1), D(2023, 12, 31), False),
    ("二〇一六年", "2016", D(2016, 1, 1), D(2016, 12, 31), False),
    ("民國112年", "2023", D(2023, 1, 1), D(2023, 12, 31), False),
    ("2023年第三季度", "2023Q3", D(2023, 7, 1), D(2023, 9, 30), False),
    ("2023年三季度", "2023Q3", D(2023, 7, 1), D(2023, 9, 30), False),
    ("3Q23", "2023Q3", D(2023, 7, 1), D(2023, 9, 30), False),
    ("2024Q1", "2024Q1", D(2024, 1, 1), D(2024, 3, 31), False),
    ("1H24", "2024H1", D(2024, 1, 1), D(2024, 6, 30), False),
    ("2023年上半年", "2023H1", D(2023, 1, 1), D(2023, 6, 30), False),
    ("2023年半年度", "2023H1", D(2023, 1, 1), D(2023, 6, 30), False),  # a report's half-year
    ("2023年下半年", "2023H2", D(2023, 7, 1), D(2023, 12, 31), False),
    ("2022年前三季度", "2022Q1/2022Q3", D(2022, 1, 1), D(2022, 9, 30), False),
    # the months that end at a date, as Hong Kong statements name them
    ("截至2025年6月30日止六個月", "2025H1", D(2025, 1, 1), D(2025, 6, 30), False),
    ("截至2025年9月30日止三個月", "2025Q3", D(2025, 7, 1), D(2025, 9, 30), False),
    ("截至2025年9月30日止九个月", "2025Q1/2025Q3", D(2025, 1, 1), D(2025, 9, 30), False),
    ("截至2025年10月31日止十個月", "2025-01/2025-10", D(2025, 1, 1), D(2025, 10, 31), False),
    ("截至二零二五年十二月三十一日止十二個月", "2025", D(2025, 1, 1), D(2025, 12, 31), False),
    # the year that ends at a date: the calendar year, or a fiscal year that says its end
    ("截至2025年12月31日止年度", "2025", D(2025, 1, 1), D(2025, 12, 31), False),
    ("截至二零二五年十二月三十一日止年度", "2025", D(2025, 1, 1), D(2025, 12, 31), False),
    ("截至2025年3月31日止年度", "FY2025", D(2024, 4, 1), D(2025, 3, 31), False),
    ("截至2025年6月30日止財政年度", "FY2025", D(2024, 7, 1), D(2025, 6, 30), False),
    ("截至2024年2月29日止之年度", "FY2024", D(2023, 3, 1), D(2024, 2, 29), False),
    ("2023年1-10月", "2023-01/2023-10", D(2023, 1, 1), D(2023, 10, 31), False),
    ("2023年5月", "2023-05", D(2023, 5, 1), D(2023, 5, 31), False),
    ("112年11月", "2023-11", D(2023, 11, 1), D(2023, 11, 30), False),
    ("2024年2月", "2024-02", D(2024, 2, 1), D(2024, 2, 29), False),
    ("2023年5月21日", "2023-05-21", D(2023, 5, 21), D(2023, 5, 21), False),
    ("2021年至2023年", "2021/2023", D(2021, 1, 1), D(2023, 12, 31), False),
    ("2024-2026年", "2024/2026", D(2024, 1, 1), D(2026, 12, 31), False),
    ("2025E", "2025E", D(2025, 1, 1), D(2025, 12, 31), False),
    ("2020A", "2020A", D(2020, 1, 1), D(2020, 12, 31), False),
    # instants: the period ends where it is read
    ("截至2019年3月底", "2019-03-31", D(2019, 3, 31), D(2019, 3, 31), True),
    ("截至2023年12月31日", "2023-12-31", D(2023, 12, 31), D(2023, 12, 31), True),
    ("2023年末", "2023-12-31", D(2023, 12, 31), D(2023, 12, 31), True),
    ("2023年底", "2023-12-31", D(2023, 12, 31), D(2023, 12, 31), True),
    ("截至二零二三年六月三十日", "2023-06-30", D(2023, 6, 30), D(2023, 6, 30), True),
])
def test_calendar_periods(text: str, label: str, start: D, end: D, instant: bool) -> None:
    assert normalize_period(text) == Period(text, label, start, end, instant, False)


@pytest.mark.parametrize(("text", "label"), [
    ("FY24", "FY2024"),
    ("2023财年", "FY2023"),
    ("2023/24財年", "FY2023/24"),  # one fiscal year across two calendar years
])
def test_fiscal_years_have_labels_not_dates(text: str, label: str) -> None:
    # a fiscal year need not run with the calendar: no dates are made up
    assert normalize_period(text) == Period(text, label, None, None, False, False)


@pytest.mark.parametrize(("text", "label", "resolved", "start", "end"), [
    ("今年", "Y+0", "2024", D(2024, 1, 1), D(2024, 12, 31)),
    ("去年", "Y-1", "2023", D(2023, 1, 1), D(2023, 12, 31)),
    ("前年", "Y-2", "2022", D(2022, 1, 1), D(2022, 12, 31)),
    ("明年", "Y+1", "2025", D(2025, 1, 1), D(2025, 12, 31)),
    ("今年上半年", "Y+0H1", "2024H1", D(2024, 1, 1), D(2024, 6, 30)),
    ("去年第四季度", "Y-1Q4", "2023Q4", D(2023, 10, 1), D(2023, 12, 31)),
    ("今年首8個月", "Y+0-01/Y+0-08", "2024-01/2024-08", D(2024, 1, 1), D(2024, 8, 31)),
    ("今年5月", "Y+0-05", "2024-05", D(2024, 5, 1), D(2024, 5, 31)),
    ("上月", "M-1", "2024-02", D(2024, 2, 1), D(2024, 2, 29)),
    ("去年同期", "Y-1", "2023", D(2023, 1, 1), D(2023, 12, 31)),
    ("过去一年", "P1Y", "2023-03-16/2024-03-15", D(2023, 3, 16), D(2024, 3, 15)),
    ("過去12個月", "P12M", "2023-03-16/2024-03-15", D(2023, 3, 16), D(2024, 3, 15)),
    ("近三年", "P3Y", "2021-03-16/2024-03-15", D(2021, 3, 16), D(2024, 3, 15)),
])
def test_relative_periods_resolve_against_the_date_of_writing(
        text: str, label: str, resolved: str, start: D, end: D) -> None:
    assert normalize_period(text) == Period(text, label, None, None, False, True)
    assert normalize_period(text, reference=REF) == Period(text, resolved, start, end, False, False)


@pytest.mark.parametrize(("text", "label", "resolved", "day"), [
    ("目前", "now", "2024-03-15", REF),
    ("截至目前", "now", "2024-03-15", REF),
    ("上年末", "Y-1-end", "2023-12-31", D(2023, 12, 31)),
    ("年初", "Y+0-start", "2024-01-01", D(2024, 1, 1)),
    ("截至年底", "Y+0-end", "2024-12-31", D(2024, 12, 31)),  # the year's end, not now
    ("去年年底", "Y-1-end", "2023-12-31", D(2023, 12, 31)),
    ("今早", "now", "2024-03-15", REF),
    ("今天", "now", "2024-03-15", REF),
])
def test_relative_instants(text: str, label: str, resolved: str, day: D) -> None:
    assert normalize_period(text) == Period(text, label, None, None, True, True)
    assert normalize_period(text, reference=REF) == Period(text, resolved, day, day, True, False)


@pytest.mark.parametrize(("text", "year", "label"), [
    ("5月", 2023, "2023-05"),
    ("10月份", 2022, "2022-10"),
    ("三季度", 2023, "2023Q3"),
    ("第二季度", 2021, "2021Q2"),
    ("当年", 2019, "2019"),
    ("次年", 2019, "2020"),
])
def test_a_part_of_a_year_takes_the_year_in_context(text: str, year: int, label: str) -> None:
    assert normalize_period(text, year=year).label == label


def test_a_deadline_at_a_point_of_the_year_is_that_point() -> None:
    day = D(2030, 12, 31)
    assert normalize_period("2030年底前") == Period("2030年底前", "2030-12-31", day, day, True, False)


def test_since_runs_to_the_date_of_writing() -> None:
    assert normalize_period("自2019年以来") == Period("自2019年以来", "2019/now", D(2019, 1, 1), None, False, True)
    assert normalize_period("自2019年以来", reference=REF) == \
        Period("自2019年以来", "2019/2024-03-15", D(2019, 1, 1), REF, False, False)


@pytest.mark.parametrize("text", ["每年", "每月", "兩年", "三年前", "2月30日", "", "收入",
                                  # before or after a time is no calendar period of its own
                                  "2030年前", "2019年之後", "2019年以后", "半年后"])
def test_no_calendar_period(text: str) -> None:
    assert normalize_period(text) == Period(text)


@pytest.mark.parametrize(("text", "label"), [("本报告期", "report"), ("報告期末", "report-end")])
def test_the_report_period_stays_relative(text: str, label: str) -> None:
    assert normalize_period(text).label == label
    assert normalize_period(text).relative


def test_wrong_types_are_type_errors() -> None:
    with pytest.raises(TypeError):
        normalize_period(2023)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        normalize_period("今年", reference="2024-03-15")  # type: ignore[arg-type]


@given(st.text(max_size=30))
def test_any_text_gives_a_period_of_itself(text: str) -> None:
    p = normalize_period(text)
    assert p.text == text
    assert (p.start is None) == (p.end is None) or p.label is not None
    if p.start is not None and p.end is not None:
        assert p.start <= p.end


def _when(text: str, figure: str, **kw: object) -> Optional[Period]:
    got = {m.mention.text: m.when for m in cnreport.parse(text, **kw).metrics}  # type: ignore[arg-type]
    return got[figure]


def test_metric_when_is_resolved_against_the_dateline() -> None:
    text = "本報記者 2024年3月15日\n今年前兩個月，某市社會消費品零售總額為810億元。"
    assert _when(text, "810億元") == Period("今年前兩個月", "2024-01/2024-02", D(2024, 1, 1), D(2024, 2, 29),
                                        False, False)


def test_metric_when_takes_the_callers_date() -> None:
    text = "公司去年营收为120亿元。"
    assert _when(text, "120亿元") == Period("去年", "Y-1", None, None, False, True)
    assert _when(text, "120亿元", reference_date=D(2021, 6, 1)) == \
        Period("去年", "2020", D(2020, 1, 1), D(2020, 12, 31), False, False)


def test_a_month_alone_takes_the_year_named_before_it() -> None:
    text = "2023年，公司全年销量为52万辆。其中12月份销量为6.1万辆。"
    assert _when(text, "6.1万辆") == Period("12月份", "2023-12", D(2023, 12, 1), D(2023, 12, 31), False, False)


def test_a_date_inside_a_sentence_is_no_dateline() -> None:
    text = "截至2024年3月31日，该行总资产为1.2万亿元，较今年年初增长3%。"
    assert _when(text, "1.2万亿元") == Period("截至2024年3月31日", "2024-03-31", D(2024, 3, 31), D(2024, 3, 31),
                                            True, False)
