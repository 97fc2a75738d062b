"""Statement tables: layouts, scale declarations, cells as metrics.

Every table here is written for the tests, with invented figures.
"""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cnreport
from cnreport.tables import (
    find_scales,
    find_tables,
    header_period,
    read_cell,
    read_scale,
)


def figures(text: str) -> list[tuple[str, object, object, object, object]]:
    """(printed, value, unit, subject, period) of every table figure."""
    return [(m.mention.text, m.mention.value, m.mention.unit, m.subject, m.period)
            for m in cnreport.parse(text).metrics if m.cell is not None]


HTML = """示范材料股份有限公司 2023 年年度报告
单位：万元 币种：人民币
<table><tr><td rowspan="2">项目</td><td colspan="2">本报告期</td></tr>
<tr><td>2023年</td><td>2022年</td></tr>
<tr><td>营业收入</td><td>1,026.53</td><td>(12.5)</td></tr>
<tr><td>其中：海外<br>收入</td><td>-</td><td>3</td></tr>
<tr><td>毛利率(%)</td><td>23.10</td><td>21.00</td></tr>
<tr><td>基本每股收益</td><td>0.35</td><td>0.30</td></tr></table>
"""


def test_html_table_cells_are_scaled_metrics() -> None:
    assert figures(HTML) == [
        ("1,026.53", 10265300, "元", "营业收入", "2023年"),
        ("(12.5)", -125000, "元", "营业收入", "2022年"),
        ("3", 30000, "元", "海外收入", "2022年"),
        ("23.10", Decimal("23.1"), "%", "毛利率(%)", "2023年"),
        ("21.00", 21, "%", "毛利率(%)", "2022年"),
        ("0.35", Decimal("0.35"), "元/股", "基本每股收益", "2023年"),
        ("0.30", Decimal("0.3"), "元/股", "基本每股收益", "2022年"),
    ]


def test_a_metric_says_which_cell_it_came_from() -> None:
    report = cnreport.parse(HTML)
    m = report.metrics[0]
    assert (m.entity, m.mention.currency, m.mention.kind) == ("示范材料股份有限公司", "CNY", "money")
    assert HTML[m.mention.start:m.mention.end] == "1,026.53"
    ref = m.cell
    assert ref is not None
    assert (ref.table, ref.row, ref.column, ref.text, ref.row_label, ref.column_label) == (
        0, 2, 1, "1,026.53", "营业收入", "本报告期 2023年")
    assert ref.scale is not None and (ref.scale.text, ref.scale.factor) == ("单位：万元 币种：人民币", 10000)
    sub = report.metrics[2].cell
    assert sub is not None and sub.parents == ("营业收入",) and sub.row_label == "其中：海外收入"
    [table] = report.tables
    assert (table.format, table.rows, table.columns, table.header_rows) == ("html", 6, 3, 2)
    assert table.cell(3, 1) is not None and table.cell(3, 1).nil  # type: ignore[union-attr]


def test_a_declaration_is_never_a_figure() -> None:
    text = "單位：人民幣千元\n\n| 項目 | RMB'000 |\n|---|---|\n| 收益 | 5,000 |\n"
    report = cnreport.parse(text)
    assert [(n.text, n.value) for n in report.numbers] == [("5,000", 5000000)]
    assert [(s.text, s.where) for s in report.scales] == [("單位：人民幣千元", "line"), ("RMB'000", "header")]


MARKDOWN = """（除另有註明外，以人民幣千元列示）

| | 附註 | 2023年<br>人民幣千元 | 2022年<br>人民幣千元 |
|---|---|---|---|
| 收益 | 5 | 57,521 | 60,002 |
| 銷售成本 |  | (41,000) | （38,500） |
| 本年度利潤 |  | 2, 100 | — |
"""


def test_markdown_table_in_thousands_with_a_notes_column() -> None:
    assert figures(MARKDOWN) == [
        ("57,521", 57521000, "元", "收益", "2023年"),
        ("60,002", 60002000, "元", "收益", "2022年"),
        ("(41,000)", -41000000, "元", "銷售成本", "2023年"),
        ("（38,500）", -38500000, "元", "銷售成本", "2022年"),
        ("2, 100", 2100000, "元", "本年度利潤", "2023年"),
    ]


def test_a_column_period_is_read_against_the_year_of_the_report() -> None:
    text = ("示范材料股份有限公司 2023 年年度报告\n单位：元\n| 项目 | 期末余额 | 上年同期 |\n|---|---|---|\n"
            "| 货币资金 | 1.00 | 2.00 |\n")
    whens = [(m.period, m.when and m.when.label) for m in cnreport.parse(text).metrics]
    assert whens == [("期末", "2023-12-31"), ("上年同期", "2022")]


def test_unknown_scale_is_said_not_guessed() -> None:
    text = "| 项目 | 期末余额 |\n|---|---|\n| 应收账款 | 1,200.00 |\n"
    [m] = cnreport.parse(text).metrics
    assert (m.mention.value, m.mention.unit, m.period) == (1200, None, "期末")
    assert m.cell is not None and (m.cell.scale, m.cell.scale_known) == (None, False)
    assert m.to_record()["scale"] == "unknown"


def _scaled(text: str) -> list[tuple[object, ...]]:
    return [(m.subject, m.mention.value, m.mention.unit, m.cell.scale_known if m.cell else None)
            for m in cnreport.parse(text).metrics]


ONE = "| 项目 | 2023年 |\n|---|---|\n| 收入 | 1,000.00 |\n"
TWO = "| 項目 | 2023年 |\n|---|---|\n| 成本 | 800.00 |\n"


def test_a_declaration_over_two_tables_nothing_parts_is_the_seconds() -> None:
    # a parser lifted the declaration printed between them above both, or split one
    # table in two: the second is counted in it, the first cannot be told
    want = [("收入", 1000, None, False), ("成本", 800, "元", True)]
    assert _scaled(f"单位：元\n\n{ONE}\n{TWO}") == want
    html = ("单位：元 币种：人民币\n<html><body><table><tr><td>项目</td><td>2023年</td></tr>"
            "<tr><td>收入</td><td>1,000.00</td></tr></table></body></html>\n\n<html><body><table>"
            "<tr><td>項目</td><td>2023年</td></tr><tr><td>成本</td><td>800.00</td></tr></table></body></html>\n")
    assert _scaled(html) == want


def test_a_declaration_stays_in_force_over_tables_with_text_between() -> None:
    assert _scaled(f"单位：元\n\n{ONE}\n说明：无\n\n{TWO}") == [("收入", 1000, "元", True), ("成本", 800, "元", True)]
    # a piece of a header set apart as a table of its own parts nothing
    stray = "<table><tr><td>重大变动说</td></tr><tr><td>明</td></tr></table>\n"
    assert _scaled(f"单位：元\n{ONE}\n{stray}") == [("收入", 1000, "元", True)]
    # a table that a page break cuts in two, and a declaration printed between two tables
    both = [("收入", 1000, "元", True), ("成本", 800, "元", True)]
    assert _scaled(f"单位：元\n\n{ONE}\f{TWO}") == both
    assert _scaled(f"单位：元\n\n{ONE}\n单位：元\n{TWO}") == both


def test_a_count_unit_ending_a_line_of_words_declares_nothing_below() -> None:
    # the tail of a label set apart from its table is no declaration over the next table
    text = ("单位：股\n\n| 项目 | 数量 |\n|---|---|\n| 股东总数 | 1,234 |\n\n其中境外股东总数（户）\n\n"
            "| 股东名称 | 2023年末 |\n|---|---|\n| 甲公司 | 5,000,000 |\n")
    assert [(m.subject, m.mention.value, m.mention.unit) for m in cnreport.parse(text).metrics
            if m.cell is not None] == [("股东总数", 1234, "股"), ("甲公司", 5000000, "股")]
    # a money unit ending a caption declares the table below it
    caption = "主要财务数据（万元）\n\n| 项目 | 2023年 |\n|---|---|\n| 营业收入 | 1,234.5 |\n"
    assert _scaled(caption) == [("营业收入", 12345000, "元", True)]


def test_change_columns_state_a_change() -> None:
    text = ("单位：元\n| 项目 | 本报告期 | 上年同期 | 本报告期比上年同期增减(%) |\n|---|---|---|---|\n"
            "| 营业收入 | 500.00 | 400.00 | 25.00 |\n| 净利润 | 80.00 | 100.00 | -20.00 |\n"
            "| 毛利率 | 30.5% | 31.76% | 减少1.26个百分点 |\n")
    rows = [(m.mention.value, m.mention.unit, m.period, m.change and m.change.direction)
            for m in cnreport.parse(text).metrics]
    assert rows == [
        (500, "元", "本报告期", None), (400, "元", "上年同期", None), (25, "%", "本报告期", "up"),
        (80, "元", "本报告期", None), (100, "元", "上年同期", None), (-20, "%", "本报告期", "down"),
        (Decimal("30.5"), "%", "本报告期", None), (Decimal("31.76"), "%", "上年同期", None),
        (Decimal("-1.26"), "个百分点", "本报告期", "down"),
    ]


def test_a_row_or_header_declaration_governs_its_own_figures() -> None:
    text = ("单位：元\n| 姓名 | 职务 | 报酬总额(万元) | 持股数(股) |\n|---|---|---|---|\n"
            "| 甲某 | 董事长 | 120.5 | 10,000 |\n")
    assert [(m.mention.value, m.mention.unit, m.subject) for m in cnreport.parse(text).metrics] == [
        (1205000, "元", "甲某"), (10000, "股", "甲某")]


def test_a_sequence_column_is_neither_label_nor_figure() -> None:
    text = ("| 序号 | 客户名称 | 销售额（元） | 占比 |\n|---|---|---|---|\n"
            "| 1 | 甲客户 | 1,000.00 | 10.00% |\n| 2 | 乙客户 | 900.00 | 9.00% |\n")
    assert [(m.mention.value, m.mention.unit, m.subject) for m in cnreport.parse(text).metrics] == [
        (1000, "元", "甲客户"), (10, "%", "甲客户"), (900, "元", "乙客户"), (9, "%", "乙客户")]


def test_a_split_label_joins_its_row_and_a_section_heads_the_rows_below() -> None:
    text = ("单位：人\n| 项目 | 人数 |\n|---|---|\n| 期末在职员工总数 | 120 |\n| (含退休返聘) |  |\n"
            "| 学历构成： |  |\n| 硕士 | 20 |\n| 本科 | 100 |\n")
    got = [(m.mention.value, m.mention.unit, m.subject, m.cell and m.cell.parents)
           for m in cnreport.parse(text).metrics]
    assert got == [(120, "人", "期末在职员工总数(含退休返聘)", ()), (20, "人", "硕士", ("学历构成",)),
                   (100, "人", "本科", ("学历构成",))]


def test_a_count_named_in_a_label_or_header_is_its_unit() -> None:
    text = ("| 项目 | 人数 |\n|---|---|\n| 生产人员 | 1,200 |\n\n"
            "| 项目 | 2023年 |\n|---|---|\n| 股东户数 | 15,000 |\n")
    assert [(m.mention.value, m.mention.unit) for m in cnreport.parse(text).metrics] == [
        (1200, "人"), (15000, "户")]


def test_a_header_inside_a_table_of_one_value_column() -> None:
    text = ("<table><tr><td>在职员工总数</td><td>500</td></tr>"
            "<tr><td>学历</td><td>数量（人）</td></tr><tr><td>本科</td><td>300</td></tr></table>")
    assert [(m.mention.value, m.mention.unit, m.subject) for m in cnreport.parse(text).metrics] == [
        (500, "人", "在职员工总数"), (300, "人", "本科")]


def test_a_sign_note_in_a_label_is_the_one_the_statement_prints() -> None:
    # parsers print the quotes and dash of （损失以“－”号填列） in many ways
    text = ("单位：元\n| 项目 | 本期发生额 | 上期发生额 |\n|---|---|---|\n"
            '| 投资收益(损失以"一"号填列) | 1,200.00 | -300.00 |\n'
            "| 营业利润（亏损以“_”号填列) | 4,500.00 | 3,900.00 |\n")
    assert [(f[1], f[3]) for f in figures(text)] == [
        (1200, "投资收益（损失以“－”号填列）"), (-300, "投资收益（损失以“－”号填列）"),
        (4500, "营业利润（亏损以“－”号填列）"), (3900, "营业利润（亏损以“－”号填列）")]


def test_an_empty_column_before_the_labels_is_passed_over() -> None:
    # a PDF's rulings can make a column that holds nothing in any row
    text = ("单位：元\n<table><tr><td></td><td>项目</td><td>2023年</td><td>2022年</td></tr>"
            "<tr><td></td><td>营业收入</td><td>8,800.00</td><td>7,700.00</td></tr>"
            "<tr><td></td><td>营业成本</td><td>(5,100.00)</td><td>4,600.00</td></tr></table>\n")
    assert figures(text) == [
        ("8,800.00", 8800, "元", "营业收入", "2023年"), ("7,700.00", 7700, "元", "营业收入", "2022年"),
        ("(5,100.00)", -5100, "元", "营业成本", "2023年"), ("4,600.00", 4600, "元", "营业成本", "2022年")]


def test_an_empty_trailing_column_leaves_a_table_of_one_value_column() -> None:
    # a parser added a column that holds nothing: the text row is still a header
    text = ("| 在职员工总数 | 640 |  |\n|---|---|---|\n| 学历类别 | 数量（人） |  |\n"
            "| 硕士 | 52 |  |\n| 本科 | 388 |  |\n")
    assert [(m.mention.value, m.mention.unit, m.subject) for m in cnreport.parse(text).metrics] == [
        (640, "人", "在职员工总数"), (52, "人", "硕士"), (388, "人", "本科")]


def test_a_share_of_a_total_column_is_percent() -> None:
    # 占…合计数 heads shares even when a parser dropped the 比例(%) after it
    text = ("单位：元\n| 单位名称 | 期末余额 | 占应收账款期末余额合计数 |\n|---|---|---|\n"
            "| 客户甲 | 3,000,000.00 | 21.40 |\n")
    assert [(f[1], f[2]) for f in figures(text)] == [(3000000, "元"), (Decimal("21.40"), "%")]


def test_a_figure_merged_across_columns_takes_the_header_over_them() -> None:
    # a ruled PDF table: the header centred in the middle of three grid columns
    text = ("单位：元\n<table><tr><td>项目</td><td></td><td>本期发生额</td><td></td>"
            "<td></td><td>上期发生额</td><td></td></tr>"
            '<tr><td>印花税</td><td colspan="3">12,300.00</td><td colspan="3">9,800.00</td></tr></table>\n')
    assert [(f[1], f[4]) for f in figures(text)] == [(12300, "本期"), (9800, "上期")]


def test_repeated_sub_headers_take_the_header_printed_over_their_run() -> None:
    # a centred header that a parser wrote over the last of its two columns
    text = ("单位：元\n| 账龄 |  | 期末余额 | 期初余额 |  |\n|---|---|---|---|---|\n"
            "|  | 金额 | 比例 | 金额 | 比例 |\n| 1年以内 | 6,400.00 | 80.00% | 5,100.00 | 75.00% |\n")
    assert [(f[1], f[2], f[4]) for f in figures(text)] == [
        (6400, "元", "期末"), (80, "%", "期末"), (5100, "元", "期初"), (75, "%", "期初")]


def test_an_english_name_is_no_ratio_row() -> None:
    text = "单位：股\n| 股东名称 | 持股数量 |\n|---|---|\n| Example Corporation | 1,000 |\n"
    assert [(m.mention.value, m.mention.unit) for m in cnreport.parse(text).metrics] == [(1000, "股")]


def test_tab_separated_and_aligned_columns() -> None:
    tsv = "单位：千元\n项目\t2023年\t2022年\n营业收入\t1,500\t1,200\n营业成本\t(700)\t-\n"
    aligned = ("单位：千元\n"
               "项目                 2023年          2022年\n"
               "营业收入              1,500           1,200\n"
               "营业成本              (700)               -\n")
    want = [("1,500", 1500000, "元", "营业收入", "2023年"), ("1,200", 1200000, "元", "营业收入", "2022年"),
            ("(700)", -700000, "元", "营业成本", "2023年")]
    assert figures(tsv) == want
    assert figures(aligned) == want
    assert [t.format for t in find_tables(tsv)] == ["tsv"]
    assert [t.format for t in find_tables(aligned)] == ["aligned"]


def test_aligned_labels_wrapped_around_their_row() -> None:
    text = ("单位：股\n"
            "股东名称              期末持股数量               比例(%)\n"
            "示范投资\n"
            "                    1,000,000           10.00\n"
            "有限公司\n"
            "乙某                  500,000            5.00\n")
    assert [(m.mention.value, m.mention.unit, m.subject) for m in cnreport.parse(text).metrics] == [
        (1000000, "股", "示范投资有限公司"), (10, "%", "示范投资有限公司"), (500000, "股", "乙某"),
        (5, "%", "乙某")]


def test_a_declaration_scales_the_bare_amounts_of_its_prose() -> None:
    text = "单位：万元\n本年实现营业收入1,026.53，另有补贴收入300万元。"
    found = [(n.text, n.value, n.unit) for n in cnreport.parse(text).numbers]
    assert found == [("1,026.53", 10265300, "元"), ("300万元", 3000000, "元")]


@pytest.mark.parametrize("printed, value, nil", [
    ("(1,234)", -1234, False), ("（1,234）", -1234, False), ("-1,234.50", Decimal("-1234.5"), False),
    ("-", None, True), ("—", None, True), ("–", None, True), ("", None, True), ("不适用", None, True),
    ("12, 793.95", Decimal("12793.95"), False), ("2,855,702,313. 77", Decimal("2855702313.77"), False),
    ("451, 680, 716.64", Decimal("451680716.64"), False), ("14. 19", Decimal("14.19"), False),
    ("9,027,695.1\n3", Decimal("9027695.13"), False), ("12\n34", None, False), ("冻结", None, False),
    ("2023年", None, False), ("0", 0, False), ("$-345, 540.80$", Decimal("-345540.8"), False),
    ("$-0.62\\%$", Decimal("-0.62"), False), ("4, 906, 526, 00", 4906526, False), ("12,50", None, False),
    ("28.034.441.89", Decimal("28034441.89"), False),
])
def test_cell_forms(printed: str, value: object, nil: bool) -> None:
    r = read_cell(printed)
    assert (r.value, r.nil) == (value, nil) and type(r.value) is type(value)


@pytest.mark.parametrize("text, want", [
    ("单位：元", (1, "元", "CNY")), ("單位：人民幣千元", (1000, "元", "CNY")),
    ("(以人民幣千元列示)", (1000, "元", "CNY")), ("(百万元)", (1000000, "元", "CNY")),
    ("RMB'000", (1000, "元", "CNY")), ("HK$'000", (1000, "港元", "HKD")),
    ("US$ million", (1000000, "美元", "USD")), ("(Expressed in Renminbi)", (1, "元", "CNY")),
    ("(in thousands of Hong Kong dollars)", (1000, "港元", "HKD")), ("单位：万股", (10000, "股", None)),
    ("币种：人民币", (1, "元", "CNY")), ("比例(%)", (1, "%", None)),
])
def test_declarations(text: str, want: tuple[int, str, object]) -> None:
    [s] = find_scales(text)
    assert (s.factor, s.unit, s.currency) == want


@pytest.mark.parametrize("text", ["营业收入100万元", "人民币", "RMB 5 million", "千人千面", "收入(1,000)"])
def test_no_declaration(text: str) -> None:
    assert find_scales(text) == []


@pytest.mark.parametrize("header, period", [
    ("2023年12月31日", "2023年12月31日"), ("本报告期", "本报告期"), ("上年同期", "上年同期"),
    ("年初至报告期末", "年初至报告期末"), ("二零一六年", "二零一六年"), ("2020A", "2020A"),
    ("2025E", "2025E"), ("期初余额", "期初"), ("本期发生额", "本期"), ("账面价值", None),
])
def test_column_periods(header: str, period: object) -> None:
    assert header_period(header) == period


def test_read_scale_of_a_phrase() -> None:
    assert read_scale("千港元") == (1000, "港元", "HKD")
    assert read_scale("营业收入") is None


def test_hostile_tables_are_bounded() -> None:
    huge = '<table><tr><td colspan="99999999" rowspan="99999">1</td></tr></table>'
    [t] = find_tables(huge)
    assert (t.rows, t.columns) == (1, 200)
    unclosed = "<table><tr><td>收入</td><td>5"
    assert [t.cell(0, 1).value for t in find_tables(unclosed)] == [5]  # type: ignore[union-attr]
    entity = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><table><tr><td>&e;</td><td>1</td></tr></table>'
    [t] = find_tables(entity)
    assert t.cell(0, 0).text == "&e;"  # type: ignore[union-attr]


def test_wrong_types() -> None:
    with pytest.raises(TypeError):
        find_tables(b"<table>")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        find_scales(None)  # type: ignore[arg-type]


_PIECES = st.sampled_from(["<table>", "</table>", "<tr>", "<td>", "</td>", '<td colspan="2">', "|", "\n",
                           "\t", "  ", "1,234", "(5)", "-", "单位：万元", "RMB'000", "2023年", "收入",
                           "<br>", "&amp;", "其中：", "|---|"])


@given(st.lists(_PIECES | st.text(max_size=3), max_size=40).map("".join))
def test_any_text_gives_honest_cells(text: str) -> None:
    report = cnreport.parse(text)
    for m in report.metrics:
        assert text[m.mention.start:m.mention.end] == m.mention.text
    for t in report.tables:
        for c in t.cells:
            assert 0 <= c.start <= c.end <= len(text)
    starts = [n.start for n in report.numbers]
    assert starts == sorted(starts)


def test_a_label_ruled_line_by_line_beside_figures_merged_over_its_lines_is_one_label() -> None:
    # a PDF's table that rules each line of a long label as a cell of its own
    text = ('单位：元\n<table><tr><td>项目</td><td>本期金额</td><td>上期金额</td></tr>'
            '<tr><td>研发费用</td><td>1,200.00</td><td>1,100.00</td></tr>'
            '<tr><td>存货跌价损失（收益以</td><td rowspan="2">-300.00</td><td rowspan="2">250.00</td></tr>'
            '<tr><td>“－”号填列）</td></tr>'
            '<tr><td>其他</td><td>10.00</td><td>5.00</td></tr></table>')
    row = "存货跌价损失（收益以“－”号填列）"
    assert figures(text) == [
        ("1,200.00", 1200, "元", "研发费用", "本期"), ("1,100.00", 1100, "元", "研发费用", "上期"),
        ("-300.00", -300, "元", row, "本期"), ("250.00", 250, "元", row, "上期"),
        ("10.00", 10, "元", "其他", "本期"), ("5.00", 5, "元", "其他", "上期"),
    ]


def test_a_figure_merged_over_two_columns_takes_the_period_over_either() -> None:
    # the period heads the second of the two columns each figure takes, 金额 both; the
    # empty cell before 2023年初 is not 2023年末's, whose colspan ends before it
    text = ('单位：元\n<table><tr><td rowspan="2">项目</td><td></td><td colspan="2">2023年末</td>'
            '<td></td><td colspan="2">2023年初</td></tr>'
            '<tr><td colspan="2">金额</td><td>占比</td><td colspan="2">金额</td><td>占比</td></tr>'
            '<tr><td>货币资金</td><td colspan="2">5,000.00</td><td>25.00%</td>'
            '<td colspan="2">4,000.00</td><td>20.00%</td></tr></table>')
    assert figures(text) == [
        ("5,000.00", 5000, "元", "货币资金", "2023年末"), ("25.00%", 25, "%", "货币资金", "2023年末"),
        ("4,000.00", 4000, "元", "货币资金", "2023年初"), ("20.00%", 20, "%", "货币资金", "2023年初"),
    ]
