"""From many reports to one dataset: facts keyed by entity, measure, period
and kind, restatements joined, conflicts side by side, series, Parquet."""
from __future__ import annotations

import json
import random
from decimal import Decimal
from pathlib import Path
from typing import Optional

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cnreport
from cnreport.cli import main
from cnreport.dataset import Dataset, Observation

CORPUS = Path(__file__).resolve().parent / "fixtures" / "dataset"


def _pairs() -> list[tuple[str, str]]:
    """The test corpus (invented companies and figures): two annual reports'
    tables under 万元, news in both scripts in 亿元, a chief executive's
    speech, two half-year items, and a bank's results over two years."""
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(CORPUS.iterdir())]


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return cnreport.collect(_pairs())


_SOURCE = ("source", "start", "end", "text", "value", "low", "high", "qualifier", "quantum", "form", "as_of", "subject",
           "entity", "period_text", "page", "table", "row", "column", "scale", "speaker", "sentence")


def _row(key: tuple[str, str, str, str, str, str, Optional[str]], entity: str, dates: tuple[Optional[str], Optional[str]],
         *sources: tuple[object, ...], low: Optional[str] = None, high: Optional[str] = None,
         qualifier: Optional[str] = None, scope: Optional[str] = None, conflict: bool = False, preferred: bool = True,
         rule: Optional[str] = None) -> dict[str, object]:
    """A whole fact record: the key (entity key, measure, period, kind,
    value, unit, currency), the entity as written, the period's dates, and
    every source as a tuple of :data:`_SOURCE`."""
    entity_key, measure, period, kind, value, unit, currency = key
    return {"entity_key": entity_key, "entity": entity, "measure": measure, "period": period,
            "period_start": dates[0], "period_end": dates[1], "relative": scope is not None, "scope": scope,
            "kind": kind, "value": value, "low": low, "high": high, "qualifier": qualifier, "unit": unit,
            "currency": currency, "value_float": float(value), "conflict": conflict, "preferred": preferred,
            "rule": rule, "n_sources": len(sources), "sources": [dict(zip(_SOURCE, s)) for s in sources]}


# Every fact of the test corpus, whole, in the dataset's order: the 2023 revenue of two
# annual-report tables under 万元 and an article in 億元 is one fact (the chief executive's
# 11.2億 beside it); the 2023 net profit restated by the 2024 report is preferred over the
# 2023 report's and the article's; 去年 stays scoped to its article.
EXPECTED_ROWS = [
    _row(('星云科技', 'profit', '2022', 'level', '100251000', '元', 'CNY'), '星云科技股份有限公司', ('2022-01-01', '2022-12-31'),
         ('xingyun-2023-annual.md', 178, 187, '10,025.10', '100251000', None, None, None, '100', 'table', '2023-12-31', '归属于上市公司股东的净利润', '星云科技股份有限公司', '2022年', None, 0, 2, 2, 10000, None, '归属于上市公司股东的净利润 | 12,480.35 | 10,025.10 | 24.49')),
    _row(('星云科技', 'profit', '2023', 'change', '24.49', '%', None), '星云科技股份有限公司', ('2023-01-01', '2023-12-31'),
         ('xingyun-2023-annual.md', 190, 195, '24.49', '24.49', None, None, None, '0.01', 'table', '2023-12-31', '归属于上市公司股东的净利润', '星云科技股份有限公司', '本年', None, 0, 2, 3, 1, None, '归属于上市公司股东的净利润 | 12,480.35 | 10,025.10 | 24.49')),
    _row(('星云科技', 'profit', '2023', 'level', '123103500', '元', 'CNY'), '星云科技股份有限公司', ('2023-01-01', '2023-12-31'),
         ('xingyun-2024-annual.md', 179, 188, '12,310.35', '123103500', None, None, None, '100', 'table', '2024-12-31', '归属于上市公司股东的净利润', '星云科技股份有限公司', '2023年', None, 0, 2, 2, 10000, None, '归属于上市公司股东的净利润 | 14,102.00 | 12,310.35 | 14.55'),
         conflict=True, rule='later: as of 2024-12-31 over 2023-12-31'),
    _row(('星云科技', 'profit', '2023', 'level', '124803500', '元', 'CNY'), '星云科技股份有限公司', ('2023-01-01', '2023-12-31'),
         ('xingyun-2023-annual.md', 166, 175, '12,480.35', '124803500', None, None, None, '100', 'table', '2023-12-31', '归属于上市公司股东的净利润', '星云科技股份有限公司', '2023年', None, 0, 2, 1, 10000, None, '归属于上市公司股东的净利润 | 12,480.35 | 10,025.10 | 24.49'),
         ('xingyun-results-news.txt', 51, 57, '1.25億元', '125000000', None, None, None, '1000000', 'prose', '2023-12-31', '淨利潤', '星雲科技', '2023年', None, None, None, None, None, None, '星雲科技2023年營收為11.03億元，按年增長15.8%；淨利潤為1.25億元。'),
         conflict=True, preferred=False, rule='later: as of 2024-12-31 over 2023-12-31'),
    _row(('星云科技', 'profit', '2024', 'change', '14.55', '%', None), '星云科技股份有限公司', ('2024-01-01', '2024-12-31'),
         ('xingyun-2024-annual.md', 191, 196, '14.55', '14.55', None, None, None, '0.01', 'table', '2024-12-31', '归属于上市公司股东的净利润', '星云科技股份有限公司', '本年', None, 0, 2, 3, 1, None, '归属于上市公司股东的净利润 | 14,102.00 | 12,310.35 | 14.55')),
    _row(('星云科技', 'profit', '2024', 'level', '141020000', '元', 'CNY'), '星云科技股份有限公司', ('2024-01-01', '2024-12-31'),
         ('xingyun-2024-annual.md', 167, 176, '14,102.00', '141020000', None, None, None, '100', 'table', '2024-12-31', '归属于上市公司股东的净利润', '星云科技股份有限公司', '2024年', None, 0, 2, 1, 10000, None, '归属于上市公司股东的净利润 | 14,102.00 | 12,310.35 | 14.55')),
    _row(('星云科技', 'profit', '2024H1', 'level', '73000000', '元', 'CNY'), '星云科技', ('2024-01-01', '2024-06-30'),
         ('xingyun-2024h1-news.txt', 44, 51, '7,300万元', '73000000', None, None, None, '10000', 'prose', '2024-06-30', '净利润', '星云科技', '2024年上半年', None, None, None, None, None, None, '星云科技2024年上半年营业收入6.2亿元，同比增长12%；净利润7,300万元。')),
    _row(('星云科技', 'revenue', '2022', 'level', '952186000', '元', 'CNY'), '星云科技股份有限公司', ('2022-01-01', '2022-12-31'),
         ('xingyun-2023-annual.md', 128, 137, '95,218.60', '952186000', None, None, None, '100', 'table', '2023-12-31', '营业收入', '星云科技股份有限公司', '2022年', None, 0, 1, 2, 10000, None, '营业收入 | 110,253.47 | 95,218.60 | 15.79')),
    _row(('星云科技', 'revenue', '2023', 'change', '15.79', '%', None), '星云科技股份有限公司', ('2023-01-01', '2023-12-31'),
         ('xingyun-2023-annual.md', 140, 145, '15.79', '15.79', None, None, None, '0.01', 'table', '2023-12-31', '营业收入', '星云科技股份有限公司', '本年', None, 0, 1, 3, 1, None, '营业收入 | 110,253.47 | 95,218.60 | 15.79'),
         ('xingyun-results-news.txt', 41, 46, '15.8%', '15.8', None, None, None, '0.1', 'prose', '2023-12-31', '營收', '星雲科技', '2023年', None, None, None, None, None, None, '星雲科技2023年營收為11.03億元，按年增長15.8%；淨利潤為1.25億元。')),
    _row(('星云科技', 'revenue', '2023', 'level', '1102534700', '元', 'CNY'), '星云科技股份有限公司', ('2023-01-01', '2023-12-31'),
         ('xingyun-2024-annual.md', 128, 138, '110,253.47', '1102534700', None, None, None, '100', 'table', '2024-12-31', '营业收入', '星云科技股份有限公司', '2023年', None, 0, 1, 2, 10000, None, '营业收入 | 126,830.00 | 110,253.47 | 15.04'),
         ('xingyun-2023-annual.md', 115, 125, '110,253.47', '1102534700', None, None, None, '100', 'table', '2023-12-31', '营业收入', '星云科技股份有限公司', '2023年', None, 0, 1, 1, 10000, None, '营业收入 | 110,253.47 | 95,218.60 | 15.79'),
         ('xingyun-results-news.txt', 29, 36, '11.03億元', '1103000000', None, None, None, '1000000', 'prose', '2023-12-31', '營收', '星雲科技', '2023年', None, None, None, None, None, None, '星雲科技2023年營收為11.03億元，按年增長15.8%；淨利潤為1.25億元。'),
         conflict=True, rule='formal: table over quote'),
    _row(('星云科技', 'revenue', '2023', 'level', '1120000000', '元', 'CNY'), '星雲科技', ('2023-01-01', '2023-12-31'),
         ('xingyun-call-2024-03.txt', 31, 37, '11.2億元', '1120000000', None, None, None, '10000000', 'quote', '2023-12-31', '收入', '星雲科技', '2023年', None, None, None, None, None, '陳立峰', '2023年，我們的收入達到11.2億元，全年新增客戶超過300家。'),
         conflict=True, preferred=False, rule='formal: table over quote'),
    _row(('星云科技', 'revenue', '2024', 'change', '15.04', '%', None), '星云科技股份有限公司', ('2024-01-01', '2024-12-31'),
         ('xingyun-2024-annual.md', 141, 146, '15.04', '15.04', None, None, None, '0.01', 'table', '2024-12-31', '营业收入', '星云科技股份有限公司', '本年', None, 0, 1, 3, 1, None, '营业收入 | 126,830.00 | 110,253.47 | 15.04')),
    _row(('星云科技', 'revenue', '2024', 'level', '1268300000', '元', 'CNY'), '星云科技股份有限公司', ('2024-01-01', '2024-12-31'),
         ('xingyun-2024-annual.md', 115, 125, '126,830.00', '1268300000', None, None, None, '100', 'table', '2024-12-31', '营业收入', '星云科技股份有限公司', '2024年', None, 0, 1, 1, 10000, None, '营业收入 | 126,830.00 | 110,253.47 | 15.04')),
    _row(('星云科技', 'revenue', '2024H1', 'change', '12', '%', None), '星云科技', ('2024-01-01', '2024-06-30'),
         ('xingyun-2024h1-news.txt', 37, 40, '12%', '12', None, None, None, '1', 'prose', '2024-06-30', '营业收入', '星云科技', '2024年上半年', None, None, None, None, None, None, '星云科技2024年上半年营业收入6.2亿元，同比增长12%；净利润7,300万元。')),
    _row(('星云科技', 'revenue', '2024H1', 'level', '620000000', '元', 'CNY'), '星云科技', ('2024-01-01', '2024-06-30'),
         ('xingyun-2024h1-news.txt', 27, 32, '6.2亿元', '620000000', None, None, None, '10000000', 'prose', '2024-06-30', '营业收入', '星云科技', '2024年上半年', None, None, None, None, None, None, '星云科技2024年上半年营业收入6.2亿元，同比增长12%；净利润7,300万元。')),
    _row(('星云科技', 'revenue', 'Y-1', 'level', '1100000000', '元', 'CNY'), '星云科技', (None, None),
         ('xingyun-2024h1-news.txt', 62, 66, '11亿元', '1100000000', None, None, None, '100000000', 'prose', '2024-06-30', '营收', '星云科技', '去年全年', None, None, None, None, None, None, '去年全年，公司营收为11亿元。'),
         scope='xingyun-2024h1-news.txt'),
    _row(('星云科技', '客户', '2023', 'change', '300', '家', None), '星雲科技', ('2023-01-01', '2023-12-31'),
         ('xingyun-call-2024-03.txt', 44, 50, '超過300家', '300', '300', None, '>', '1', 'quote', '2023-12-31', '客戶', '星雲科技', '全年', None, None, None, None, None, '陳立峰', '2023年，我們的收入達到11.2億元，全年新增客戶超過300家。'),
         low='300', qualifier='>'),
    _row(('海岳银行', 'loans', '2023', 'share', '1.12', '%', None), '海岳銀行', ('2023-01-01', '2023-12-31'),
         ('haiyue-bank-2023.txt', 53, 58, '1.12%', '1.12', None, None, None, '0.01', 'prose', '2023-12-31', '不良貸款率', '海岳銀行', '2023年', None, None, None, None, None, None, '海岳銀行2023年淨利潤為人民幣35.6億元，按年增長8.2%；不良貸款率為1.12%。')),
    _row(('海岳银行', 'loans', '2024H1', 'share', '1.09', '%', None), '海岳银行', ('2024-01-01', '2024-06-30'),
         ('haiyue-bank-2024h1.txt', 57, 62, '1.09%', '1.09', None, None, None, '0.01', 'prose', '2024-06-30', '不良贷款率', '海岳银行', '2024年上半年', None, None, None, None, None, None, '海岳银行2024年上半年净利润为人民币19.1亿元，同比增长6.5%，不良贷款率为1.09%。')),
    _row(('海岳银行', 'profit', '2022', 'level', '3290000000', '元', 'CNY'), '海岳銀行', ('2022-01-01', '2022-12-31'),
         ('haiyue-bank-2023.txt', 71, 77, '32.9億元', '3290000000', None, None, None, '10000000', 'prose', '2023-12-31', '淨利潤', '海岳銀行', '2022年', None, None, None, None, None, None, '2022年，該行淨利潤為32.9億元。')),
    _row(('海岳银行', 'profit', '2023', 'change', '8.2', '%', None), '海岳銀行', ('2023-01-01', '2023-12-31'),
         ('haiyue-bank-2023.txt', 42, 46, '8.2%', '8.2', None, None, None, '0.1', 'prose', '2023-12-31', '淨利潤', '海岳銀行', '2023年', None, None, None, None, None, None, '海岳銀行2023年淨利潤為人民幣35.6億元，按年增長8.2%；不良貸款率為1.12%。')),
    _row(('海岳银行', 'profit', '2023', 'level', '3560000000', '元', 'CNY'), '海岳銀行', ('2023-01-01', '2023-12-31'),
         ('haiyue-bank-2023.txt', 28, 37, '人民幣35.6億元', '3560000000', None, None, None, '10000000', 'prose', '2023-12-31', '淨利潤', '海岳銀行', '2023年', None, None, None, None, None, None, '海岳銀行2023年淨利潤為人民幣35.6億元，按年增長8.2%；不良貸款率為1.12%。')),
    _row(('海岳银行', 'profit', '2024H1', 'change', '6.5', '%', None), '海岳银行', ('2024-01-01', '2024-06-30'),
         ('haiyue-bank-2024h1.txt', 46, 50, '6.5%', '6.5', None, None, None, '0.1', 'prose', '2024-06-30', '净利润', '海岳银行', '2024年上半年', None, None, None, None, None, None, '海岳银行2024年上半年净利润为人民币19.1亿元，同比增长6.5%，不良贷款率为1.09%。')),
    _row(('海岳银行', 'profit', '2024H1', 'level', '1910000000', '元', 'CNY'), '海岳银行', ('2024-01-01', '2024-06-30'),
         ('haiyue-bank-2024h1.txt', 32, 41, '人民币19.1亿元', '1910000000', None, None, None, '10000000', 'prose', '2024-06-30', '净利润', '海岳银行', '2024年上半年', None, None, None, None, None, None, '海岳银行2024年上半年净利润为人民币19.1亿元，同比增长6.5%，不良贷款率为1.09%。')),
]


def test_the_corpus_gives_exactly_the_expected_dataset(dataset: Dataset) -> None:
    assert dataset.to_records() == EXPECTED_ROWS
    assert [type(f.value) for f in dataset][:3] == [int, Decimal, int]  # exact, never float
    assert dataset.errors == ()


def test_every_source_points_at_its_figure_as_printed(dataset: Dataset) -> None:
    texts = dict(_pairs())
    for f in dataset:
        for s in f.sources:
            assert texts[s.source][s.start:s.end] == s.text
            assert s.sentence and s.text in s.sentence


def test_a_conflict_is_two_whole_records_side_by_side(dataset: Dataset) -> None:
    """The 2023 revenue: two annual-report tables under 万元 and an article
    rounding it to 11.03億 state one value; the chief executive's 11.2億 is
    another, kept beside it; the table is preferred over the quote."""
    records = [r for r in dataset.to_records()
               if (r["measure"], r["period"], r["kind"]) == ("revenue", "2023", "level")]
    assert [(r["value"], r["conflict"], r["preferred"], r["rule"], [s["form"] for s in r["sources"]])  # type: ignore[attr-defined]
            for r in records] == [("1102534700", True, True, "formal: table over quote", ["table", "table", "prose"]),
                                  ("1120000000", True, False, "formal: table over quote", ["quote"])]
    assert records == [r for r in EXPECTED_ROWS if (r["measure"], r["period"], r["kind"]) == ("revenue", "2023", "level")]


@pytest.mark.parametrize("texts", [
    ["星雲科技2023年營收為1.1億元。", "星云科技2023年营收为110,000,000元。",
     "星云科技股份有限公司 2023 年年度报告\n单位：万元\n| 项目 | 2023年 |\n|---|---|\n| 营业收入 | 11,000 |\n"],
    ["星雲科技2023年營收為一億一千萬元。", "星云科技2023年营收约1.1亿元。"],
])
def test_one_value_in_any_script_scale_or_numeral_is_one_fact(texts: list[str]) -> None:
    facts = cnreport.collect(texts).facts
    assert [(f.key.entity_key, f.key.measure, f.key.period, f.value, f.key.unit, f.conflict) for f in facts] == [
        ("星云科技", "revenue", "2023", 110000000, "元", False)]
    assert sorted(s.source for s in facts[0].sources) == [f"#{n}" for n in range(len(texts))]


def test_a_figure_rounded_for_print_agrees_and_one_at_the_same_precision_does_not() -> None:
    d = cnreport.collect(["星云科技2023年营收为11.03亿元。", "星雲科技2023年營收約11億元。", "星云科技2023年营收为11.2亿元。",
                          "星云科技2023年营收超过10亿元。"], sources=["a", "b", "c", "d"])
    assert [(f.value, f.conflict, f.preferred, sorted(s.source for s in f.sources)) for f in d] == [
        (1103000000, True, True, ["a", "b", "d"]), (1120000000, True, False, ["c"])]
    assert d.facts[0].rule == "first: by source name and place"


def test_a_fall_is_a_negative_change_and_a_share_is_its_own_kind() -> None:
    d = cnreport.collect(["星云科技2023年营收为9亿元，同比下降5.2%，毛利率为30.5%。"])
    assert [(f.key.measure, f.key.kind, f.value, f.key.unit) for f in d] == [
        ("profit", "share", Decimal("30.5"), "%"), ("revenue", "change", Decimal("-5.2"), "%"),
        ("revenue", "level", 900000000, "元")]


def test_relative_periods_are_kept_marked_and_never_joined_across_sources() -> None:
    d = cnreport.collect(["星云科技去年营收为11亿元。", "星云科技去年营收为12亿元。"], sources=["a", "b"])
    assert [(f.key.period, f.key.scope, f.relative, f.value, f.conflict) for f in d] == [
        ("Y-1", "a", True, 1100000000, False), ("Y-1", "b", True, 1200000000, False)]
    assert [r["relative"] for r in d.to_records()] == [True, True]
    assert d.series("星云科技", "revenue") == []


def test_a_later_report_restating_a_table_is_preferred_and_says_why(dataset: Dataset) -> None:
    profit = [f for f in dataset
              if (f.key.entity_key, f.key.measure, f.key.period, f.key.kind) == ("星云科技", "profit", "2023", "level")]
    assert [(f.value, f.preferred, f.sources[0].as_of.isoformat()) for f in profit] == [  # type: ignore[union-attr]
        (123103500, True, "2024-12-31"), (124803500, False, "2023-12-31")]
    assert {f.rule for f in profit} == {"later: as of 2024-12-31 over 2023-12-31"}


def test_a_series_and_the_wide_view(dataset: Dataset) -> None:
    assert [(p.period, p.value, p.conflict) for p in dataset.series("星云科技", "revenue")] == [
        ("2022", 952186000, False), ("2023", 1102534700, True), ("2024H1", 620000000, False),
        ("2024", 1268300000, False)]
    wide = dataset.to_frame(wide=True)
    assert list(wide.columns) == ["2022", "2023", "2024H1", "2024"]
    assert wide.loc[("星云科技", "revenue", "level", "元", "CNY")].tolist() == [
        952186000, 1102534700, 620000000, 1268300000]
    assert wide.loc[("海岳银行", "profit", "level", "元", "CNY")].tolist() == [
        3290000000, 3560000000, 1910000000, None]


def test_the_narrow_frame_keeps_exact_values_as_strings(dataset: Dataset) -> None:
    frame = dataset.to_frame()
    assert len(frame) == len(dataset)
    row = frame.iloc[0]
    assert (row["value"], row["value_float"], str(frame["value"].dtype), str(frame["conflict"].dtype)) == (
        "100251000", 100251000.0, "string", "boolean")


def _shuffled_partitions(seed: int, parts: int) -> list[list[tuple[str, str]]]:
    pairs = _pairs()
    random.Random(seed).shuffle(pairs)
    return [pairs[k::parts] for k in range(parts)]


@settings(max_examples=8, deadline=None)
@given(seed=st.integers(0, 10_000), parts=st.integers(1, 5))
def test_partitions_merged_in_any_order_give_the_same_dataset(seed: int, parts: int) -> None:
    whole = cnreport.collect(_pairs())
    pieces = [cnreport.collect(p) for p in _shuffled_partitions(seed, parts)]
    assert Dataset.merge(*pieces).to_records() == whole.to_records()


def test_observations_travel_as_flat_records(dataset: Dataset) -> None:
    records = [o.to_record() for o in dataset.observations()]
    assert json.loads(json.dumps(records, ensure_ascii=False)) == records  # JSON-safe
    again = Dataset.from_observations(Observation.from_record(r) for r in reversed(records))
    assert again == dataset


def test_a_folder_with_a_bad_file_keeps_the_others(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("星云科技2023年营收为11亿元。", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / ".hidden.txt").write_text("星云科技2023年营收为99亿元。", encoding="utf-8")
    d = cnreport.collect([tmp_path])
    assert [(f.value, [s.source for s in f.sources]) for f in d] == [(1100000000, [str(tmp_path / "good.txt")])]
    assert [(source, reason.split(":")[0]) for source, reason in d.errors] == [
        (str(tmp_path / "bad.txt"), "BinaryFileError")]


@pytest.mark.parametrize("bad", ["星云科技", b"bytes", 12])
def test_a_wrong_input_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError):
        cnreport.collect(bad if isinstance(bad, (str, bytes)) else [bad])  # type: ignore[arg-type]


def test_parquet_holds_the_records_and_duckdb_reads_it(dataset: Dataset, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "facts.parquet"
    dataset.to_parquet(out)
    rows = pq.read_table(out).to_pylist()
    assert len(rows) == len(dataset) and rows[0]["period_start"].isoformat() == "2022-01-01"
    assert [(r["value"], [s["text"] for s in r["sources"]]) for r in rows if r["conflict"]][:1] == [
        ("123103500", ["12,310.35"])]
    duckdb = pytest.importorskip("duckdb")
    got = duckdb.sql(f"SELECT period, value FROM '{out}' WHERE entity_key = '星云科技' AND measure = 'revenue' "
                     "AND kind = 'level' AND preferred AND NOT relative ORDER BY period_start, period_end").fetchall()
    assert got == [("2022", "952186000"), ("2023", "1102534700"), ("2024H1", "620000000"), ("2024", "1268300000")]


def test_the_collect_command_writes_parquet_and_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      dataset: Dataset) -> None:
    pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    assert main(["collect", str(CORPUS), "-o", str(tmp_path / "facts.parquet")]) == 0
    assert pq.read_table(tmp_path / "facts.parquet").num_rows == len(dataset)
    assert "24 facts (4 in conflict) from 7 files" in capsys.readouterr().err
    assert main(["collect", str(CORPUS), "-o", str(tmp_path / "facts.jsonl")]) == 0
    lines = [json.loads(line) for line in (tmp_path / "facts.jsonl").read_text(encoding="utf-8").splitlines()]
    for line in lines:
        line["scope"] = line["scope"] and Path(line["scope"]).name
        for s in line["sources"]:
            s["source"] = Path(s["source"]).name
    assert [{k: v for k, v in r.items() if k != "value_float"} for r in lines] == [
        {k: v for k, v in r.items() if k != "value_float"} for r in dataset.to_records()]


def test_the_collect_command_names_what_it_could_not_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "good.txt").write_text("星云科技2023年营收为11亿元。", encoding="utf-8")
    out = tmp_path / "facts.csv"
    assert main(["collect", str(tmp_path), str(tmp_path / "missing"), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "bad.txt: BinaryFileError" in err and "missing: no such file or folder" in err
    assert out.read_text(encoding="utf-8").splitlines()[1].startswith("星云科技,星云科技,revenue,2023,")


def test_parquet_written_in_batches_holds_the_same_rows(dataset: Dataset, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    from cnreport.dataset.tables import write_parquet

    write_parquet(dataset, tmp_path / "whole.parquet")
    write_parquet(dataset, tmp_path / "batches.parquet", batch=5)
    assert pq.ParquetFile(tmp_path / "batches.parquet").num_row_groups == 5  # 24 facts, 5 at a time
    assert pq.read_table(tmp_path / "batches.parquet").to_pylist() == pq.read_table(tmp_path / "whole.parquet").to_pylist()
    write_parquet(Dataset(), tmp_path / "empty.parquet")
    assert pq.read_table(tmp_path / "empty.parquet").num_rows == 0
