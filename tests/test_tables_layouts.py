"""Statement layouts as annual reports print them: rows labelled in two
columns, notes columns, per-share amounts in cents, rows counted by a ratio.

Every table here is written for the tests, with invented figures.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

import cnreport


def records(text: str) -> list[tuple[object, ...]]:
    """(printed, value, unit, subject, period, parents) of every metric."""
    return [(m.mention.text, m.mention.value, m.mention.unit, m.subject, m.period,
             m.cell.parents if m.cell is not None else None)
            for m in cnreport.parse(text).metrics]


SEGMENTS_UNROLLED = """单位：元
| 行业分类 | 项目 | 2023年 | 2022年 |
|---|---|---|---|
| 电子元件 | 直接材料 | 1,200.00 | 1,000.00 |
| 电子元件 | 直接人工 | 300.00 | 250.00 |
| 模具 | 直接材料 | 80.00 | 90.00 |
"""

SEGMENTS_MERGED = """单位：元
<table><tr><td>行业分类</td><td>项目</td><td>2023年</td><td>2022年</td></tr>
<tr><td rowspan="2">电子元件</td><td>直接材料</td><td>1,200.00</td><td>1,000.00</td></tr>
<tr><td>直接人工</td><td>300.00</td><td>250.00</td></tr>
<tr><td>模具</td><td>直接材料</td><td>80.00</td><td>90.00</td></tr></table>
"""

SEGMENTS = [
    ("1,200.00", 1200, "元", "电子元件 直接材料", "2023年", ()),
    ("1,000.00", 1000, "元", "电子元件 直接材料", "2022年", ()),
    ("300.00", 300, "元", "电子元件 直接人工", "2023年", ()),
    ("250.00", 250, "元", "电子元件 直接人工", "2022年", ()),
    ("80.00", 80, "元", "模具 直接材料", "2023年", ()),
    ("90.00", 90, "元", "模具 直接材料", "2022年", ()),
]

PRODUCTS = """单位：元
| 产品分类 | 项目 | 2023年 | 2022年 |
|---|---|---|---|
| 传感器 | 营业成本 | 500.00 | 400.00 |
| 连接器 | 营业成本 | 60.00 | 70.00 |
"""

ADJUSTED = """单位：元
| 报表日 | 报表项目 | 调整前 | 调整数 |
|---|---|---|---|
| 2023年12月31日 | 递延所得税资产 | 1,000.00 | 100.00 |
| 2023年12月31日 | 递延所得税负债 | 800.00 | 50.00 |
"""

HOLDERS = """单位：股
| 股东名称 | 股东性质 | 期末持股数量 |
|---|---|---|
| 甲某 | 境内自然人 | 1,000 |
| 乙投资有限公司 | 境内非国有法人 | 2,000 |
| 丙某 | 境内自然人 | 3,000 |
"""


@pytest.mark.parametrize("text, want", [
    # the first label column groups the rows, as a parser unrolls a merged cell or keeps it merged
    (SEGMENTS_UNROLLED, SEGMENTS),
    (SEGMENTS_MERGED, SEGMENTS),
    # the second label column says the same in every row: the rows are named by both
    (PRODUCTS, [
        ("500.00", 500, "元", "传感器 营业成本", "2023年", ()),
        ("400.00", 400, "元", "传感器 营业成本", "2022年", ()),
        ("60.00", 60, "元", "连接器 营业成本", "2023年", ()),
        ("70.00", 70, "元", "连接器 营业成本", "2022年", ()),
    ]),
    # a date in a label column is no part of the name: the item names the row
    (ADJUSTED, [
        ("1,000.00", 1000, "元", "递延所得税资产", None, ()),
        ("100.00", 100, "元", "递延所得税资产", None, ()),
        ("800.00", 800, "元", "递延所得税负债", None, ()),
        ("50.00", 50, "元", "递延所得税负债", None, ()),
    ]),
    # a second text column that describes the first is no part of the label
    (HOLDERS, [
        ("1,000", 1000, "股", "甲某", "期末", ()),
        ("2,000", 2000, "股", "乙投资有限公司", "期末", ()),
        ("3,000", 3000, "股", "丙某", "期末", ()),
    ]),
])
def test_rows_labelled_in_two_columns(text: str, want: list[tuple[object, ...]]) -> None:
    assert records(text) == want


NOTES_MARKDOWN = """單位：人民幣千元

| | 附註 | 二零二三年 | 二零二二年 |
|---|---|---|---|
| 物業、廠房及設備 | 14 | 1,234 | 1,100 |
| 存貨 | 17(a) | 567 | 432 |
"""

NOTES_HTML = """<table><tr><td></td><td>Notes</td><td>2023<br>HK$'000</td><td>2022<br>HK$'000</td></tr>
<tr><td>收益</td><td>5</td><td>8,765</td><td>7,654</td></tr>
<tr><td>銷售成本</td><td>6</td><td>(4,321)</td><td>(3,210)</td></tr></table>
"""


@pytest.mark.parametrize("text, want", [
    (NOTES_MARKDOWN, [
        ("1,234", 1234000, "元", "物業、廠房及設備", "二零二三年", ()),
        ("1,100", 1100000, "元", "物業、廠房及設備", "二零二二年", ()),
        ("567", 567000, "元", "存貨", "二零二三年", ()),
        ("432", 432000, "元", "存貨", "二零二二年", ()),
    ]),
    (NOTES_HTML, [
        ("8,765", 8765000, "港元", "收益", "2023", ()),
        ("7,654", 7654000, "港元", "收益", "2022", ()),
        ("(4,321)", -4321000, "港元", "銷售成本", "2023", ()),
        ("(3,210)", -3210000, "港元", "銷售成本", "2022", ()),
    ]),
])
def test_a_notes_column_refers_and_states_no_figure(text: str, want: list[tuple[object, ...]]) -> None:
    assert records(text) == want
    assert [n.text for n in cnreport.parse(text).numbers] == [w[0] for w in want]


def test_a_row_counted_by_a_ratio_is_an_amount() -> None:
    text = ("单位：元\n| 项目 | 期末余额 | 期初余额 |\n|---|---|---|\n"
            "| 按持股比例计算的净资产份额 | 4,500.00 | 4,000.00 |\n"
            "| 持股比例 | 45.00 | 40.00 |\n")
    assert records(text) == [
        ("4,500.00", 4500, "元", "按持股比例计算的净资产份额", "期末", ()),
        ("4,000.00", 4000, "元", "按持股比例计算的净资产份额", "期初", ()),
        ("45.00", 45, "%", "持股比例", "期末", ()),
        ("40.00", 40, "%", "持股比例", "期初", ()),
    ]


@pytest.mark.parametrize("label, header, want", [
    ("每股基本盈利（人民幣分）", "2023年", ("12.34", Decimal("0.1234"), "元/股")),
    ("每股股息（港仙）", "2023年", ("12.34", Decimal("0.1234"), "港元/股")),
    ("每股末期股息（仙）", "2023年", ("12.34", Decimal("0.1234"), "港元/股")),
    ("每股收益（分）", "2023年", ("12.34", Decimal("0.1234"), "元/股")),
    ("Basic earnings per share (RMB cents)", "2023", ("12.34", Decimal("0.1234"), "元/股")),
    ("Dividend per share (US cents)", "2023", ("12.34", Decimal("0.1234"), "美元/股")),
    ("每股盈利", "2023年 人民幣分", ("12.34", Decimal("0.1234"), "元/股")),
    # per share in the currency unit, and a row that is not per share
    ("每股收益", "2023年", ("12.34", Decimal("12.34"), "元/股")),
    ("分部收益（分）", "2023年", ("12.34", 12340, "元")),
])
def test_per_share_amounts_in_cents(label: str, header: str, want: tuple[object, ...]) -> None:
    text = f"單位：人民幣千元\n\n| 項目 | {header} |\n|---|---|\n| {label} | 12.34 |\n"
    [m] = cnreport.parse(text).metrics
    assert (m.mention.text, m.mention.value, m.mention.unit) == want


@pytest.mark.parametrize("text, revenue, label", [
    ("單位：人民幣千元\n\n| 項目 | 2023年 |\n|---|---|\n| 收益 | 4,321 |\n| 每股盈利（人民幣元） | 0.56 |\n",
     ("4,321", 4321000, "元", "收益", "2023年", ()), "每股盈利（人民幣元）"),
    ("单位：万元\n\n| 项目 | 2023年 |\n|---|---|\n| 收益 | 4,321 |\n| 基本每股收益（元/股） | 0.56 |\n",
     ("4,321", 43210000, "元", "收益", "2023年", ()), "基本每股收益（元/股）"),
    ("单位：万元\n\n| 项目 | 2023年 |\n|---|---|\n| 收益 | 4,321 |\n| 稀释每股收益(元) | 0.56 |\n",
     ("4,321", 43210000, "元", "收益", "2023年", ()), "稀释每股收益(元)"),
])
def test_a_per_share_row_that_names_its_currency_is_per_share_and_unscaled(
        text: str, revenue: tuple[object, ...], label: str) -> None:
    got = records(text)
    assert got == [revenue, ("0.56", Decimal("0.56"), "元/股", label, "2023年", ())]
    assert type(got[1][1]) is Decimal


def test_a_per_share_row_in_hong_kong_dollars() -> None:
    text = "人民幣千元\n\n| | 2023年 | 2022年 |\n|---|---|---|\n| 每股攤薄盈利（港元） | 0.78 | 0.65 |\n"
    assert records(text) == [
        ("0.78", Decimal("0.78"), "港元/股", "每股攤薄盈利（港元）", "2023年", ()),
        ("0.65", Decimal("0.65"), "港元/股", "每股攤薄盈利（港元）", "2022年", ()),
    ]


def test_a_notes_header_over_amounts_heads_a_value_column() -> None:
    # a parser dropped the empty notes cells: the amounts stand under 附注
    text = "单位：元\n| 项目 | 附注 | 期末余额 |\n|---|---|---|\n| 货币资金 | 1,000.00 |\n| 应收账款 | 300.00 |\n"
    assert records(text) == [
        ("1,000.00", 1000, "元", "货币资金", None, ()),
        ("300.00", 300, "元", "应收账款", None, ()),
    ]


ALIGNED_GROUPS = """单位：元
                         期末                                      期初
项目           账面余额        账面价值   受限类型          账面余额        账面价值   受限类型
定期存单     1,000.00        1,000.00   质押              2,000.00        2,000.00   质押
维修基金        40.00           40.00   其他                 30.00           30.00   其他
"""

ALIGNED_STATEMENT = """                         示范材料股份有限公司 2023 年年度报告
                                              2022 年度
     项目                  股本          资本公积          未分配利润
一、上年年末余额         1,000.00        200.00          300.00
加：会计政策变更
    前期差错更正
（一）综合收益总额                                        50.00
（二）所有者投入和减少资本
1．所有者投入的普通股
2．其他权益工具持有者投入资本
3．股份支付计入所有者权益的金额
4．其他
（三）利润分配                                          -20.00
三、本期期末余额         1,000.00        200.00          330.00
"""

ALIGNED_LABELS_FIRST = """单位：元 币种：人民币
                                             计入当期非经常性
      项目          本期发生额       上期发生额
                                              损益的金额
非流动资产处置损失合计
其中：固定资产处置损失
对外捐赠            100.00          80.00         100.00
其他                 20.00          10.00          20.00
"""


@pytest.mark.parametrize("text, want", [
    # a header centred over a group of columns heads each of them
    (ALIGNED_GROUPS, [
        ("1,000.00", 1000, "元", "定期存单", "期末", ()),
        ("1,000.00", 1000, "元", "定期存单", "期末", ()),
        ("2,000.00", 2000, "元", "定期存单", "期初", ()),
        ("2,000.00", 2000, "元", "定期存单", "期初", ()),
        ("40.00", 40, "元", "维修基金", "期末", ()),
        ("40.00", 40, "元", "维修基金", "期末", ()),
        ("30.00", 30, "元", "维修基金", "期初", ()),
        ("30.00", 30, "元", "维修基金", "期初", ()),
    ]),
    # the running title is no header, a period alone on its line heads every column, and the
    # table goes on over a run of rows with no figure; a numbered row is a row of its own
    (ALIGNED_STATEMENT, [
        ("1,000.00", 1000, None, "上年年末余额", "2022年度", ()),
        ("200.00", 200, None, "上年年末余额", "2022年度", ()),
        ("300.00", 300, None, "上年年末余额", "2022年度", ()),
        ("50.00", 50, None, "综合收益总额", "2022年度", ()),
        ("-20.00", -20, None, "利润分配", "2022年度", ()),
        ("1,000.00", 1000, None, "本期期末余额", "2022年度", ()),
        ("200.00", 200, None, "本期期末余额", "2022年度", ()),
        ("330.00", 330, None, "本期期末余额", "2022年度", ()),
    ]),
    # rows with no figure between the header and the first figures; a header wrapped
    # around the line of the others heads its own column only
    (ALIGNED_LABELS_FIRST, [
        ("100.00", 100, "元", "对外捐赠", "本期", ()),
        ("80.00", 80, "元", "对外捐赠", "上期", ()),
        ("100.00", 100, "元", "对外捐赠", None, ()),
        ("20.00", 20, "元", "其他", "本期", ()),
        ("10.00", 10, "元", "其他", "上期", ()),
        ("20.00", 20, "元", "其他", None, ()),
    ]),
])
def test_aligned_text_headers(text: str, want: list[tuple[object, ...]]) -> None:
    assert records(text) == want
