"""Aligned text (``pdftotext -layout``) whose cells wrap over several lines:
an amount cut over the lines around its row's line, a label wrapped over
three lines, a header label centred between header lines.

Every table here is written for the tests, with invented figures.
"""
from __future__ import annotations

from decimal import Decimal

import cnreport
from cnreport.tables import find_tables


def at(*pieces: tuple[int, str]) -> str:
    """One line of aligned text: each piece starts at its column."""
    out = ""
    for column, piece in pieces:
        out = out.ljust(column) + piece
    return out


def records(text: str) -> list[tuple[object, ...]]:
    """(mention, value, unit, subject, period, the cell's text) of every metric."""
    return [(m.mention.text, m.mention.value, m.mention.unit, m.subject, m.period,
             m.cell.text if m.cell is not None else None)
            for m in cnreport.parse(text).metrics]


# Two label columns, a year over each pair of columns, amounts cut in two:
# the first half above the row's line, the rest below it.
COST_TABLE = "\n".join([
    at((60, "单位：元")),
    "",
    at((22, "2023 年"), (50, "2022 年")),
    at((4, "分部"), (12, "项目"), (34, "占收入比"), (62, "占收入比"), (72, "同比增减")),
    at((20, "金额"), (48, "金额")),
    at((37, "重"), (65, "重")),
    at((16, "123,456,789."), (44, "98,765,432.")),
    at((0, "电子元件"), (10, "直接材料"), (35, "41.20%"), (63, "40.10%"), (73, "1.10%")),
    at((26, "12"), (53, "10")),
    at((16, "7,654,321.5")),
    at((0, "电子元件"), (10, "直接人工"), (35, "12.30%"), (43, "6,543,210.98"), (63, "11.80%"), (73, "0.50%")),
    at((26, "0")),
    "",
])


def test_an_amount_cut_over_the_lines_around_its_row_is_read_whole() -> None:
    got = records(COST_TABLE)
    material, labour = "电子元件 直接材料", "电子元件 直接人工"
    assert got == [
        ("123,456,789.", Decimal("123456789.12"), "元", material, "2023年", "123,456,789.\n12"),
        ("98,765,432.", Decimal("98765432.1"), "元", material, "2022年", "98,765,432.\n10"),
        ("41.20%", Decimal("41.2"), "%", material, "2023年", "41.20%"),
        ("40.10%", Decimal("40.1"), "%", material, "2022年", "40.10%"),
        ("1.10%", Decimal("1.1"), "%", material, "2022年", "1.10%"),
        ("7,654,321.5", Decimal("7654321.5"), "元", labour, "2023年", "7,654,321.5\n0"),
        ("12.30%", Decimal("12.3"), "%", labour, "2023年", "12.30%"),
        ("6,543,210.98", Decimal("6543210.98"), "元", labour, "2022年", "6,543,210.98"),
        ("11.80%", Decimal("11.8"), "%", labour, "2022年", "11.80%"),
        ("0.50%", Decimal("0.5"), "%", labour, "2022年", "0.50%"),
    ]
    assert all(type(r[1]) is Decimal for r in got)


def test_the_halves_of_an_amount_are_no_numbers_of_their_own() -> None:
    report = cnreport.parse(COST_TABLE)
    assert [n.text for n in report.numbers] == [m.mention.text for m in report.metrics]
    for m in report.metrics:
        assert COST_TABLE[m.mention.start:m.mention.end] == m.mention.text


# A narrow column: amounts cut after a comma, labels wrapped over three lines
# (the row's line is the middle one), a section line between the rows.
NARROW = "\n".join([
    at((66, "单位：元")),
    at((14, "期末余额"), (42, "期初余额")),
    at((1, "类别"), (12, "金额"), (24, "比例"), (40, "金额"), (52, "比例")),
    "其中：",
    "按组合",
    at((7, "12,345,"), (35, "11,111,")),
    at((0, "计提坏"), (21, "100.00%"), (49, "100.00%")),
    at((8, "678.90"), (36, "222.00")),
    "账准备",
    at((5, "12,345,"), (33, "11,111,")),
    at((0, "合计"), (21, "100.00%"), (49, "100.00%")),
    at((6, "678.90"), (34, "222.00")),
    "",
    "",
])


def test_a_narrow_column_and_a_label_wrapped_over_three_lines() -> None:
    row = "按组合计提坏账准备"
    assert records(NARROW) == [  # in the order they are printed: the amounts start on the line above
        ("12,345,", Decimal("12345678.9"), "元", row, "期末", "12,345,\n678.90"),
        ("11,111,", 11111222, "元", row, "期初", "11,111,\n222.00"),
        ("100.00%", 100, "%", row, "期末", "100.00%"),
        ("100.00%", 100, "%", row, "期初", "100.00%"),
        ("12,345,", Decimal("12345678.9"), "元", "合计", "期末", "12,345,\n678.90"),
        ("11,111,", 11111222, "元", "合计", "期初", "11,111,\n222.00"),
        ("100.00%", 100, "%", "合计", "期末", "100.00%"),
        ("100.00%", 100, "%", "合计", "期初", "100.00%"),
    ]
    assert [type(r[1]) for r in records(NARROW)[:2]] == [Decimal, int]


def test_rows_of_one_decimal_are_never_joined() -> None:
    # 12,345.6 could take one more digit, but the row's line below prints its own figure there
    text = "\n".join([
        at((0, "项目"), (14, "2023年"), (28, "2022年")),
        at((0, "产品甲"), (12, "12,345.6"), (26, "11,000.0")),
        at((0, "产品乙"), (13, "2,345.6"), (27, "2,000.0")),
        at((0, "产品丙"), (19, "7"), (33, "6")),
        "",
    ])
    assert [(r[0], r[1], r[3], r[4]) for r in records(text)] == [
        ("12,345.6", Decimal("12345.6"), "产品甲", "2023年"),
        ("11,000.0", Decimal("11000.0"), "产品甲", "2022年"),
        ("2,345.6", Decimal("2345.6"), "产品乙", "2023年"),
        ("2,000.0", Decimal("2000.0"), "产品乙", "2022年"),
        ("7", 7, "产品丙", "2023年"),
        ("6", 6, "产品丙", "2022年"),
    ]


def test_a_header_label_between_header_lines_and_a_header_left_of_its_figures() -> None:
    # pdftotext prints Chinese headers left of the figures they head
    text = "\n".join([
        at((50, "单位：元")),
        at((30, "期末余额")),
        at((2, "名称")),
        at((22, "账面余额"), (42, "坏账准备")),
        at((0, "1 年以内"), (26, "1,234.56"), (48, "61.73")),
        at((0, "合计"), (26, "1,234.56"), (48, "61.73")),
        "",
    ])
    assert records(text) == [
        ("1,234.56", Decimal("1234.56"), "元", "1年以内", "期末", "1,234.56"),
        ("61.73", Decimal("61.73"), "元", "1年以内", "期末", "61.73"),
        ("1,234.56", Decimal("1234.56"), "元", "合计", "期末", "1,234.56"),
        ("61.73", Decimal("61.73"), "元", "合计", "期末", "61.73"),
    ]


def test_a_label_wrapped_over_many_lines_around_a_wrapped_row() -> None:
    # six label lines, as many above the row's amounts as below; the row's own line has no label
    text = "\n".join([
        at((66, "单位：元")),
        at((14, "期末余额"), (42, "期初余额")),
        at((1, "类别"), (12, "金额"), (24, "比例"), (40, "金额"), (52, "比例")),
        "单项金额",
        "重大并单",
        at((0, "独计提坏"), (7, "12,345,"), (35, "11,111,")),
        at((21, "50.00%"), (49, "40.00%")),
        at((0, "账准备的"), (8, "678.90"), (36, "222.00")),
        "应收款项",
        "组合",
        at((0, "合计"), (8, "1,234.00"), (22, "100.00%"), (36, "2,222.00"), (50, "100.00%")),
        "",
    ])
    row = "单项金额重大并单独计提坏账准备的应收款项组合"
    assert records(text) == [
        ("12,345,", Decimal("12345678.9"), "元", row, "期末", "12,345,\n678.90"),
        ("11,111,", 11111222, "元", row, "期初", "11,111,\n222.00"),
        ("50.00%", 50, "%", row, "期末", "50.00%"),
        ("40.00%", 40, "%", row, "期初", "40.00%"),
        ("1,234.00", 1234, "元", "合计", "期末", "1,234.00"),
        ("100.00%", 100, "%", "合计", "期末", "100.00%"),
        ("2,222.00", 2222, "元", "合计", "期初", "2,222.00"),
        ("100.00%", 100, "%", "合计", "期初", "100.00%"),
    ]


CUSTOMERS = "\n".join([
    "前五名客户合计销售金额（元）" + " " * 30 + "1,700.00",
    "前五名客户合计销售金额占年度销售总额比例" + " " * 24 + "17.00%",
    "",
    "公司前 2 大客户资料",
    "",
    at((7, "序号"), (25, "客户名称"), (45, "销售额（元）"), (70, "占年度销售总额比例")),
    at((7, "1"), (15, "甲客户"), (50, "1,000.00"), (80, "10.00%")),
    at((7, "2"), (15, "乙客户"), (52, "700.00"), (80, "7.00%")),
    at((7, "合计"), (27, "--"), (50, "1,700.00"), (80, "17.00%")),
    "",
])


def test_a_title_between_blank_lines_ends_a_table_and_a_total_under_the_numbers_is_a_row() -> None:
    got = [(m.mention.text, m.mention.value, m.mention.unit, m.subject, m.cell.column_label if m.cell else None)
           for m in cnreport.parse(CUSTOMERS).metrics if m.cell is not None]
    assert got == [
        ("1,700.00", 1700, "元", "前五名客户合计销售金额（元）", None),
        ("17.00%", 17, "%", "前五名客户合计销售金额占年度销售总额比例", None),
        ("1,000.00", 1000, "元", "甲客户", "销售额（元）"),
        ("10.00%", 10, "%", "甲客户", "占年度销售总额比例"),
        ("700.00", 700, "元", "乙客户", "销售额（元）"),
        ("7.00%", 7, "%", "乙客户", "占年度销售总额比例"),
        ("1,700.00", 1700, "元", "合计", "销售额（元）"),
        ("17.00%", 17, "%", "合计", "占年度销售总额比例"),
    ]


def test_a_dash_in_a_label_column_names_no_row() -> None:
    text = ("| 序号 | 客户名称 | 销售额（元） |\n|---|---|---|\n| 1 | 甲客户 | 1,000.00 |\n"
            "| 2 | 乙客户 | 700.00 |\n| 合计 | -- | 1,700.00 |\n")
    assert [(m.mention.value, m.mention.unit, m.subject) for m in cnreport.parse(text).metrics] == [
        (1000, "元", "甲客户"), (700, "元", "乙客户"), (1700, "元", "合计")]


# Narrow columns of amounts cut in two, with a share between them; pdftotext
# prints the total's row a few characters left of the rows above it, so that
# its fields overlap two columns of the others.
SHIFTED_TOTAL = "\n".join([
    "按组合",
    at((9, "21,436,5"), (30, "3,102,84"), (54, "11,223,3")),
    at((0, "计提坏"), (20, "95.10%"), (41, "14.47%")),
    at((12, "87.25"), (34, "6.10"), (57, "44.00")),
    "账准备",
    "其",
    "中：",
    "账龄",
    at((9, "21,436,5"), (30, "3,102,84"), (54, "11,223,3")),
    at((0, "分析"), (20, "95.10%"), (41, "14.47%")),
    at((12, "87.25"), (34, "6.10"), (57, "44.00")),
    "组合",
    at((5, "22,540,1"), (22, "3,200,00"), (54, "11,223,3")),
    at((0, "合计"), (14, "100.00%"), (41, "14.20%")),
    at((8, "12.25"), (26, "0.00"), (57, "44.00")),
    "",
    "",
])


def test_a_total_printed_off_the_columns_of_the_rows_above_keeps_them_apart() -> None:
    rows = [(r[1], r[3]) for r in records(SHIFTED_TOTAL)]
    group, aged = "按组合计提坏账准备", "账龄分析组合"
    assert rows == [
        (Decimal("21436587.25"), group), (Decimal("3102846.1"), group), (Decimal("11223344"), group),
        (Decimal("95.1"), group), (Decimal("14.47"), group),
        (Decimal("21436587.25"), aged), (Decimal("3102846.1"), aged), (Decimal("11223344"), aged),
        (Decimal("95.1"), aged), (Decimal("14.47"), aged),
        (Decimal("22540112.25"), "合计"), (Decimal("3200000"), "合计"), (Decimal("11223344"), "合计"),
        (100, "合计"), (Decimal("14.2"), "合计"),
    ]


# A table of one row whose amounts wrap in narrow columns: whole groups over
# their cents (the point goes with them), or a point over the cents.
SUBSIDY = "\n".join([
    at((70, "单位：元")),
    at((0, "项目"), (11, "期初余额"), (24, "本期新增"), (40, "本期摊销"), (61, "期末余额"), (73, "相关性")),
    at((9, "12,345,678"), (38, "2,345,678."), (59, "10,000,000")),
    at((0, "递延收益"), (73, "与资产相关")),
    at((16, ".90"), (47, "12"), (66, ".78")),
    "",
    "",
])


def test_a_table_of_one_row_with_cents_wrapped_under_whole_groups() -> None:
    assert records(SUBSIDY) == [
        ("12,345,678", Decimal("12345678.9"), "元", "递延收益", "期初", "12,345,678\n.90"),
        ("2,345,678.", Decimal("2345678.12"), "元", "递延收益", "本期", "2,345,678.\n12"),
        ("10,000,000", Decimal("10000000.78"), "元", "递延收益", "期末", "10,000,000\n.78"),
    ]


def test_one_figure_set_apart_in_a_sentence_is_no_table() -> None:
    text = "\n".join([
        at((0, "本公司"), (10, "于报告期内"), (24, "收到补助")),
        at((0, "递延收益余额"), (30, "1,234,567.00")),
        "",
    ])
    assert [m.cell for m in cnreport.parse(text).metrics] == [None]


# A parser that makes two rows of an amount's two lines: the first halves in
# the row's cells, the rest in a row below, its empty cells dropped.
SPILLED = ('<table><tr><td>项目</td><td>期初余额</td><td>本期增加</td><td>本期摊销</td>'
           '<td>期末余额</td><td>相关性</td></tr>'
           '<tr><td rowspan="2">递延收益</td><td>12, 345,678</td><td></td><td>2,345,678.</td>'
           '<td>10, 000,000</td><td rowspan="2">与资产相关</td></tr>'
           '<tr><td>.90</td><td></td><td>12</td><td>.78</td></tr></table>')


def test_the_rest_of_an_amount_a_parser_set_in_the_row_below_joins_it() -> None:
    text = "单位：元\n" + SPILLED
    assert records(text) == [
        ("12, 345,678", Decimal("12345678.9"), "元", "递延收益", "期初", "12, 345,678\n.90"),
        ("2,345,678.", Decimal("2345678.12"), "元", "递延收益", "本期", "2,345,678.\n12"),
        ("10, 000,000", Decimal("10000000.78"), "元", "递延收益", "期末", "10, 000,000\n.78"),
    ]
    assert [n.text for n in cnreport.parse(text).numbers] == ["12, 345,678", "2,345,678.", "10, 000,000"]


def test_a_row_of_small_figures_under_whole_amounts_is_a_row() -> None:
    text = ('单位：元\n<table><tr><td>项目</td><td>2023年</td><td>2022年</td></tr>'
            '<tr><td>营业收入</td><td>1,234,567</td><td>1,200,000</td></tr>'
            '<tr><td>门店数</td><td>12</td><td>10</td></tr></table>')
    assert [(r[1], r[3]) for r in records(text)] == [
        (1234567, "营业收入"), (1200000, "营业收入"), (12, "门店数"), (10, "门店数")]


def test_two_digits_under_whole_groups_in_one_cell_are_their_cents() -> None:
    # a parser that keeps the cell's two lines but loses the point between them
    text = "单位：元\n| 项目 | 期初余额 | 期末余额 |\n|---|---|---|\n| 递延收益 | 12, 345, 678<br>90 | 1,234<br>56 |\n"
    got = [(r[1], r[3]) for r in records(text)]
    assert got[0] == (Decimal("12345678.9"), "递延收益") and type(got[0][0]) is Decimal
    # one group over two digits may be two figures of a merged cell: not joined
    assert find_tables(text)[0].cell(1, 2).value is None


def test_the_last_rows_label_wrapped_around_its_figures_is_read_whole() -> None:
    text = "\n".join([
        at((60, "单位：元")),
        at((30, "2023年"), (46, "2022年")),
        "研发投入金额",
        at((28, "4,500.00"), (44, "3,900.00")),
        "（元）",
        "研发投入占营业",
        at((30, "8.10%"), (46, "7.25%")),
        "收入的比例",
        "",
        "研发人员的构成",
    ])
    assert [(r[1], r[3], r[4]) for r in records(text)] == [
        (4500, "研发投入金额（元）", "2023年"), (3900, "研发投入金额（元）", "2022年"),
        (Decimal("8.1"), "研发投入占营业收入的比例", "2023年"),
        (Decimal("7.25"), "研发投入占营业收入的比例", "2022年"),
    ]


def test_a_label_that_opens_a_bracket_on_the_line_above_its_figures_is_read_whole() -> None:
    text = "\n".join([
        at((60, "单位：元")),
        at((30, "期末余额"), (50, "期初余额")),
        at((0, "2026 年"), (28, "1,000.00"), (48, "900.00")),
        "2027 年及以后（适用",
        at((0, "于高新技术企业的"), (28, "2,000.00"), (46, "1,800.00")),
        "五年期限）",
        at((0, "合计"), (28, "3,000.00"), (46, "2,700.00")),
        "",
    ])
    longer = "2027年及以后（适用于高新技术企业的五年期限）"
    assert [(r[1], r[3], r[4]) for r in records(text)] == [
        (1000, "2026年", "期末"), (900, "2026年", "期初"),
        (2000, longer, "期末"), (1800, longer, "期初"),
        (3000, "合计", "期末"), (2700, "合计", "期初"),
    ]


def test_amounts_a_crowded_column_printed_one_space_apart_are_two_cells() -> None:
    text = "\n".join([
        at((50, "单位：元")),
        at((16, "项目"), (40, "期末余额"), (56, "期初余额")),
        at((0, "一、现金"), (36, "1,234,567,890.12"), (53, "98,765,432.10")),
        at((2, "可随时用于支付的银行存款"), (38, "1,234,000,000.00"), (56, "98,000,000.00")),
        "",
    ])
    assert [(r[1], r[3], r[4]) for r in records(text)] == [
        (Decimal("1234567890.12"), "现金", "期末"), (Decimal("98765432.1"), "现金", "期初"),
        (1234000000, "可随时用于支付的银行存款", "期末"), (98000000, "可随时用于支付的银行存款", "期初"),
    ]
