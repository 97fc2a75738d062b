"""From many reports to one dataset: facts keyed by entity, measure, period
and kind, restatements joined, conflicts side by side, series, Parquet."""
from __future__ import annotations

import json
import random
from decimal import Decimal
from pathlib import Path

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


# (entity_key, measure, period, kind, unit, currency, scope, value, conflict, preferred, rule,
#  [(source, printed, form)]): every fact of the corpus, in the dataset's order.
EXPECTED = [
    ('星云科技', 'profit', '2022', 'level', '元', 'CNY', '', 100251000, False, True, None,
     [('xingyun-2023-annual.md', '10,025.10', 'table')]),
    ('星云科技', 'profit', '2023', 'change', '%', '', '', Decimal('24.49'), False, True, None,
     [('xingyun-2023-annual.md', '24.49', 'table')]),
    ('星云科技', 'profit', '2023', 'level', '元', 'CNY', '', 123103500, True, True, 'later: as of 2024-12-31 over 2023-12-31',
     [('xingyun-2024-annual.md', '12,310.35', 'table')]),
    ('星云科技', 'profit', '2023', 'level', '元', 'CNY', '', 124803500, True, False, 'later: as of 2024-12-31 over 2023-12-31',
     [('xingyun-2023-annual.md', '12,480.35', 'table'), ('xingyun-results-news.txt', '1.25億元', 'prose')]),
    ('星云科技', 'profit', '2024', 'change', '%', '', '', Decimal('14.55'), False, True, None,
     [('xingyun-2024-annual.md', '14.55', 'table')]),
    ('星云科技', 'profit', '2024', 'level', '元', 'CNY', '', 141020000, False, True, None,
     [('xingyun-2024-annual.md', '14,102.00', 'table')]),
    ('星云科技', 'profit', '2024H1', 'level', '元', 'CNY', '', 73000000, False, True, None,
     [('xingyun-2024h1-news.txt', '7,300万元', 'prose')]),
    ('星云科技', 'revenue', '2022', 'level', '元', 'CNY', '', 952186000, False, True, None,
     [('xingyun-2023-annual.md', '95,218.60', 'table')]),
    ('星云科技', 'revenue', '2023', 'change', '%', '', '', Decimal('15.79'), False, True, None,
     [('xingyun-2023-annual.md', '15.79', 'table'), ('xingyun-results-news.txt', '15.8%', 'prose')]),
    ('星云科技', 'revenue', '2023', 'level', '元', 'CNY', '', 1102534700, True, True, 'formal: table over quote',
     [('xingyun-2024-annual.md', '110,253.47', 'table'), ('xingyun-2023-annual.md', '110,253.47', 'table'), ('xingyun-results-news.txt', '11.03億元', 'prose')]),
    ('星云科技', 'revenue', '2023', 'level', '元', 'CNY', '', 1120000000, True, False, 'formal: table over quote',
     [('xingyun-call-2024-03.txt', '11.2億元', 'quote')]),
    ('星云科技', 'revenue', '2024', 'change', '%', '', '', Decimal('15.04'), False, True, None,
     [('xingyun-2024-annual.md', '15.04', 'table')]),
    ('星云科技', 'revenue', '2024', 'level', '元', 'CNY', '', 1268300000, False, True, None,
     [('xingyun-2024-annual.md', '126,830.00', 'table')]),
    ('星云科技', 'revenue', '2024H1', 'change', '%', '', '', 12, False, True, None,
     [('xingyun-2024h1-news.txt', '12%', 'prose')]),
    ('星云科技', 'revenue', '2024H1', 'level', '元', 'CNY', '', 620000000, False, True, None,
     [('xingyun-2024h1-news.txt', '6.2亿元', 'prose')]),
    ('星云科技', 'revenue', 'Y-1', 'level', '元', 'CNY', 'xingyun-2024h1-news.txt', 1100000000, False, True, None,
     [('xingyun-2024h1-news.txt', '11亿元', 'prose')]),
    ('星云科技', '客户', '2023', 'level', '家', '', '', 300, False, True, None,
     [('xingyun-call-2024-03.txt', '超過300家', 'quote')]),
    ('海岳银行', 'loans', '2023', 'share', '%', '', '', Decimal('1.12'), False, True, None,
     [('haiyue-bank-2023.txt', '1.12%', 'prose')]),
    ('海岳银行', 'loans', '2024H1', 'share', '%', '', '', Decimal('1.09'), False, True, None,
     [('haiyue-bank-2024h1.txt', '1.09%', 'prose')]),
    ('海岳银行', 'profit', '2022', 'level', '元', 'CNY', '', 3290000000, False, True, None,
     [('haiyue-bank-2023.txt', '32.9億元', 'prose')]),
    ('海岳银行', 'profit', '2023', 'change', '%', '', '', Decimal('8.2'), False, True, None,
     [('haiyue-bank-2023.txt', '8.2%', 'prose')]),
    ('海岳银行', 'profit', '2023', 'level', '元', 'CNY', '', 3560000000, False, True, None,
     [('haiyue-bank-2023.txt', '人民幣35.6億元', 'prose')]),
    ('海岳银行', 'profit', '2024H1', 'change', '%', '', '', Decimal('6.5'), False, True, None,
     [('haiyue-bank-2024h1.txt', '6.5%', 'prose')]),
    ('海岳银行', 'profit', '2024H1', 'level', '元', 'CNY', '', 1910000000, False, True, None,
     [('haiyue-bank-2024h1.txt', '人民币19.1亿元', 'prose')]),
]


def test_the_corpus_gives_exactly_the_expected_facts(dataset: Dataset) -> None:
    got = [(f.key.entity_key, f.key.measure, f.key.period, f.key.kind, f.key.unit, f.key.currency, f.key.scope,
            f.value, f.conflict, f.preferred, f.rule, [(s.source, s.text, s.form) for s in f.sources])
           for f in dataset]
    assert got == EXPECTED
    assert [type(f.value) for f in dataset][:3] == [int, Decimal, int]  # exact, never float
    assert dataset.errors == ()


CONFLICT_RECORDS = [{'entity_key': '星云科技', 'entity': '星云科技股份有限公司', 'measure': 'revenue', 'period': '2023', 'period_start': '2023-01-01', 'period_end': '2023-12-31', 'relative': False, 'scope': None, 'kind': 'level', 'value': '1102534700', 'low': None, 'high': None, 'qualifier': None, 'unit': '元', 'currency': 'CNY', 'conflict': True, 'preferred': True, 'rule': 'formal: table over quote', 'n_sources': 3, 'sources': [{'source': 'xingyun-2024-annual.md', 'start': 128, 'end': 138, 'text': '110,253.47', 'value': '1102534700', 'low': None, 'high': None, 'qualifier': None, 'quantum': '100', 'form': 'table', 'as_of': '2024-12-31', 'subject': '营业收入', 'entity': '星云科技股份有限公司', 'period_text': '2023年', 'page': None, 'table': 0, 'row': 1, 'column': 2, 'scale': 10000, 'speaker': None, 'sentence': '营业收入 | 126,830.00 | 110,253.47 | 15.04'}, {'source': 'xingyun-2023-annual.md', 'start': 115, 'end': 125, 'text': '110,253.47', 'value': '1102534700', 'low': None, 'high': None, 'qualifier': None, 'quantum': '100', 'form': 'table', 'as_of': '2023-12-31', 'subject': '营业收入', 'entity': '星云科技股份有限公司', 'period_text': '2023年', 'page': None, 'table': 0, 'row': 1, 'column': 1, 'scale': 10000, 'speaker': None, 'sentence': '营业收入 | 110,253.47 | 95,218.60 | 15.79'}, {'source': 'xingyun-results-news.txt', 'start': 29, 'end': 36, 'text': '11.03億元', 'value': '1103000000', 'low': None, 'high': None, 'qualifier': None, 'quantum': '1000000', 'form': 'prose', 'as_of': '2023-12-31', 'subject': '營收', 'entity': '星雲科技', 'period_text': '2023年', 'page': None, 'table': None, 'row': None, 'column': None, 'scale': None, 'speaker': None, 'sentence': '星雲科技2023年營收為11.03億元，按年增長15.8%；淨利潤為1.25億元。'}], 'value_float': 1102534700.0}, {'entity_key': '星云科技', 'entity': '星雲科技', 'measure': 'revenue', 'period': '2023', 'period_start': '2023-01-01', 'period_end': '2023-12-31', 'relative': False, 'scope': None, 'kind': 'level', 'value': '1120000000', 'low': None, 'high': None, 'qualifier': None, 'unit': '元', 'currency': 'CNY', 'conflict': True, 'preferred': False, 'rule': 'formal: table over quote', 'n_sources': 1, 'sources': [{'source': 'xingyun-call-2024-03.txt', 'start': 31, 'end': 37, 'text': '11.2億元', 'value': '1120000000', 'low': None, 'high': None, 'qualifier': None, 'quantum': '10000000', 'form': 'quote', 'as_of': '2023-12-31', 'subject': '收入', 'entity': '星雲科技', 'period_text': '2023年', 'page': None, 'table': None, 'row': None, 'column': None, 'scale': None, 'speaker': '陳立峰', 'sentence': '2023年，我們的收入達到11.2億元，全年新增客戶超過300家。'}], 'value_float': 1120000000.0}]


def test_a_conflict_is_two_whole_records_side_by_side(dataset: Dataset) -> None:
    """The 2023 revenue: two annual-report tables under 万元 and an article
    rounding it to 11.03億 state one value; the chief executive's 11.2億 is
    another, kept beside it; the table is preferred over the quote."""
    records = [r for r in dataset.to_records()
               if (r["measure"], r["period"], r["kind"]) == ("revenue", "2023", "level")]
    assert records == CONFLICT_RECORDS


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
