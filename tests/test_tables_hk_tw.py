"""Statement tables as Hong Kong and Taiwan reports print them: traditional
script, periods named by the day they end (截至六月三十日止六個月), bilingual
headers (``Notes 附註``, ``2024 二零二四年``), notes columns, items under a
per-share line (每股盈利 over －基本), Taiwan's 新台幣仟元 and years of the
Republic of China (民國113年度) with paired 金額 and % columns.

Every table here is written for the tests, with invented companies and figures.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

import cnreport


def records(text: str) -> list[tuple[object, ...]]:
    """(printed, value, unit, subject, period, period label, parents) of every table figure."""
    return [(m.mention.text, m.mention.value, m.mention.unit, m.subject, m.period,
             m.when.label if m.when else None, m.cell.parents if m.cell else None)
            for m in cnreport.parse(text).metrics if m.cell is not None]


INTERIM_MARKDOWN = """簡明綜合損益表

| | | 截至六月三十日止六個月 | |
|---|---|---|---|
| | 附註 | 二零二四年 | 二零二三年 |
| | | 人民幣千元 | 人民幣千元 |
| | | (未經審核) | (未經審核) |
| 收益 | 4 | 1,234,567 | 1,100,321 |
| 財務成本 | 6 | (12,345) | — |
| 每股盈利 | | | |
| －基本（人民幣元） | 10 | 0.23 | 0.20 |
| －攤薄（人民幣元） | 10 | 0.22 | 0.19 |
"""

INTERIM_HTML = ("<table><tr><td></td><td></td><td colspan=\"2\">截至六月三十日止六個月</td></tr>"
                "<tr><td></td><td>附註</td><td>二零二四年<br>人民幣千元<br>(未經審核)</td>"
                "<td>二零二三年<br>人民幣千元<br>(未經審核)</td></tr>"
                "<tr><td>收益</td><td>4</td><td>1,234,567</td><td>1,100,321</td></tr>"
                "<tr><td>財務成本</td><td>6</td><td>(12,345)</td><td>—</td></tr>"
                "<tr><td>每股盈利</td><td></td><td></td><td></td></tr>"
                "<tr><td>－基本（人民幣元）</td><td>10</td><td>0.23</td><td>0.20</td></tr>"
                "<tr><td>－攤薄（人民幣元）</td><td>10</td><td>0.22</td><td>0.19</td></tr></table>")

INTERIM_ALIGNED = """ 簡明綜合損益表
                    截至六月三十日止六個月
              附註    二零二四年         二零二三年
                    人民幣千元         人民幣千元
                    (未經審核)        (未經審核)
收益              4    1,234,567     1,100,321
財務成本            6     (12,345)            —
每股盈利
－基本（人民幣元）      10         0.23          0.20
－攤薄（人民幣元）      10         0.22          0.19
"""

INTERIM_SIMPLIFIED = INTERIM_MARKDOWN.replace("簡明綜合損益表\n\n", "")
for _t, _s in (("個", "个"), ("附註", "附注"), ("人民幣", "人民币"), ("未經審核", "未经审核"), ("財務", "财务"),
               ("攤薄", "摊薄")):
    INTERIM_SIMPLIFIED = INTERIM_SIMPLIFIED.replace(_t, _s)


def _interim(finance: str, basic: str, diluted: str, eps: str = "每股盈利") -> list[tuple[object, ...]]:
    return [
        ("1,234,567", 1234567000, "元", "收益", "二零二四年", "2024H1", ()),
        ("1,100,321", 1100321000, "元", "收益", "二零二三年", "2023H1", ()),
        ("(12,345)", -12345000, "元", finance, "二零二四年", "2024H1", ()),
        ("0.23", Decimal("0.23"), "元/股", basic, "二零二四年", "2024H1", (eps,)),
        ("0.20", Decimal("0.2"), "元/股", basic, "二零二三年", "2023H1", (eps,)),
        ("0.22", Decimal("0.22"), "元/股", diluted, "二零二四年", "2024H1", (eps,)),
        ("0.19", Decimal("0.19"), "元/股", diluted, "二零二三年", "2023H1", (eps,)),
    ]


@pytest.mark.parametrize("text, want", [
    (INTERIM_MARKDOWN, _interim("財務成本", "基本（人民幣元）", "攤薄（人民幣元）")),
    (INTERIM_HTML, _interim("財務成本", "基本（人民幣元）", "攤薄（人民幣元）")),
    (INTERIM_ALIGNED, _interim("財務成本", "基本（人民幣元）", "攤薄（人民幣元）")),
    (INTERIM_SIMPLIFIED, _interim("财务成本", "基本（人民币元）", "摊薄（人民币元）")),
])
def test_an_interim_statement_under_the_six_months_to_june(text: str, want: list[tuple[object, ...]]) -> None:
    # the notes column's 4, 6 and 10 are no figures; the declaration in each column's header is no figure
    assert records(text) == want
    assert [n.text for n in cnreport.parse(text).numbers] == [w[0] for w in want]


BILINGUAL_HTML = ("於二零二四年十二月三十一日\n"
                  "<table><tr><td></td><td>Notes 附註</td><td>2024 二零二四年</td><td>2023 二零二三年</td></tr>"
                  "<tr><td></td><td></td><td>HK$'000 港幣千元</td><td>HK$'000 港幣千元</td></tr>"
                  "<tr><td>非流動資產</td><td></td><td></td><td></td></tr>"
                  "<tr><td>物業、廠房及設備</td><td>12</td><td>2,345,678</td><td>2,100,456</td></tr>"
                  "<tr><td>遞延稅項資產</td><td>24</td><td>8,901</td><td>—</td></tr></table>")

BILINGUAL_ALIGNED = """ 於二零二四年十二月三十一日
                 Notes 附註    2024 二零二四年        2023 二零二三年
                            HK$'000 港幣千元      HK$'000 港幣千元
非流動資產
物業、廠房及設備               12         2,345,678         2,100,456
遞延稅項資產                 24            8,901                —
"""


@pytest.mark.parametrize("text", [BILINGUAL_HTML, BILINGUAL_ALIGNED])
def test_bilingual_headers_notes_and_hong_kong_dollars(text: str) -> None:
    assert records(text) == [
        ("2,345,678", 2345678000, "港元", "物業、廠房及設備", "2024", "2024", ()),
        ("2,100,456", 2100456000, "港元", "物業、廠房及設備", "2023", "2023", ()),
        ("8,901", 8901000, "港元", "遞延稅項資產", "2024", "2024", ()),
    ]


HIGHLIGHTS = """財務摘要
（除另有說明外，以百萬港元列示）

| | 二零二四年 | 二零二三年 | 變動 |
|---|---|---|---|
| 收益 | 12,345.6 | 11,234.5 | 9.9% |
| 毛利率 | 37.0% | 35.7% | 1.3個百分點 |
| 股東應佔溢利 | 1,234.5 | (234.5) | 不適用 |
| 每股基本盈利（港仙） | 45.6 | (8.7) | 不適用 |
"""


def test_highlights_in_millions_of_hong_kong_dollars() -> None:
    assert records(HIGHLIGHTS) == [
        ("12,345.6", 12345600000, "港元", "收益", "二零二四年", "2024", ()),
        ("11,234.5", 11234500000, "港元", "收益", "二零二三年", "2023", ()),
        ("9.9%", Decimal("9.9"), "%", "收益", None, None, ()),
        ("37.0%", 37, "%", "毛利率", "二零二四年", "2024", ()),
        ("35.7%", Decimal("35.7"), "%", "毛利率", "二零二三年", "2023", ()),
        ("1.3個百分點", Decimal("1.3"), "个百分点", "毛利率", None, None, ()),
        ("1,234.5", 1234500000, "港元", "股東應佔溢利", "二零二四年", "2024", ()),
        ("(234.5)", -234500000, "港元", "股東應佔溢利", "二零二三年", "2023", ()),
        ("45.6", Decimal("0.456"), "港元/股", "每股基本盈利（港仙）", "二零二四年", "2024", ()),
        ("(8.7)", Decimal("-0.087"), "港元/股", "每股基本盈利（港仙）", "二零二三年", "2023", ()),
    ]
    points = [m for m in cnreport.parse(HIGHLIGHTS).metrics if m.mention.unit == "个百分点"]
    assert [(m.change.direction if m.change else None) for m in points] == ["up"]


@pytest.mark.parametrize("header, period, label", [
    ("截至二零二四年十二月三十一日止年度", "截至二零二四年十二月三十一日止年度", "2024"),
    ("截至2024年12月31日止年度", "截至2024年12月31日止年度", "2024"),
    ("截至二零二四年六月三十日止六個月", "截至二零二四年六月三十日止六個月", "2024H1"),
    ("截至二零二四年九月三十日止九個月", "截至二零二四年九月三十日止九個月", "2024Q1/2024Q3"),
    ("截至三月三十一日止三個月 2024年", "2024年", "2024Q1"),
    ("截至十二月三十一日止年度 二零二四年", "二零二四年", "2024"),
    ("於二零二四年十二月三十一日", "二零二四年十二月三十一日", "2024-12-31"),
    ("民國113年度", "民國113年度", "2024"),
    ("113年度", "113年度", "2024"),
    ("113年12月31日", "113年12月31日", "2024-12-31"),
    ("民国113年度", "民国113年度", "2024"),
    ("民國113年上半年", "民國113年上半年", "2024H1"),
    # from the first day of a month to the last of a later one: the months between
    ("113年1月1日至6月30日", "113年1月1日至6月30日", "2024-01/2024-06"),
    ("民國113年1月1日至12月31日", "民國113年1月1日至12月31日", "2024"),
    ("2024年1月1日至12月31日", "2024年1月1日至12月31日", "2024"),
])
def test_a_column_headed_by_the_day_its_period_ends_or_a_year_of_the_republic(
        header: str, period: str, label: str) -> None:
    text = f"(以人民幣千元列示)\n\n| | {header} |\n|---|---|\n| 分部收益 | 567,890 |\n"
    assert records(text) == [("567,890", 567890000, "元", "分部收益", period, label, ())]


TAIWAN_MARKDOWN = """單位：新台幣仟元

| | 113年度 | | 112年度 | |
|---|---|---|---|---|
| 項目 | 金額 | % | 金額 | % |
| 營業收入 | 5,678,901 | 100 | 5,123,456 | 100 |
| 營業成本 | (3,456,789) | (61) | (3,210,987) | (63) |
| 基本每股盈餘（元） | 7.89 | | 6.54 | |
"""

TAIWAN_ALIGNED = """ 單位：新台幣仟元
                          113年度                112年度
項目                              金額        %          金額        %
營業收入                       5,678,901    100     5,123,456    100
營業成本                      (3,456,789)   (61)   (3,210,987)   (63)
基本每股盈餘（元）                       7.89                 6.54
"""

TAIWAN_HTML = ("單位：新台幣千元\n<table><tr><td></td><td colspan=\"2\">113年度</td><td colspan=\"2\">112年度</td></tr>"
               "<tr><td>項目</td><td>金額</td><td>%</td><td>金額</td><td>%</td></tr>"
               "<tr><td>營業收入</td><td>5,678,901</td><td>100</td><td>5,123,456</td><td>100</td></tr>"
               "<tr><td>營業成本</td><td>(3,456,789)</td><td>(61)</td><td>(3,210,987)</td><td>(63)</td></tr>"
               "<tr><td>基本每股盈餘（元）</td><td>7.89</td><td></td><td>6.54</td><td></td></tr></table>")

TAIWAN_SIMPLIFIED = TAIWAN_MARKDOWN.replace("單位：新台幣仟元", "单位：新台币仟元").replace(
    "項目", "项目").replace("營業收入", "营业收入").replace("營業成本", "营业成本").replace("基本每股盈餘", "基本每股盈余")


def _taiwan(revenue: str, cost: str, eps: str) -> list[tuple[object, ...]]:
    return [
        ("5,678,901", 5678901000, "新台币", revenue, "113年度", "2024", ()),
        ("100", 100, "%", revenue, "113年度", "2024", ()),
        ("5,123,456", 5123456000, "新台币", revenue, "112年度", "2023", ()),
        ("100", 100, "%", revenue, "112年度", "2023", ()),
        ("(3,456,789)", -3456789000, "新台币", cost, "113年度", "2024", ()),
        ("(61)", -61, "%", cost, "113年度", "2024", ()),
        ("(3,210,987)", -3210987000, "新台币", cost, "112年度", "2023", ()),
        ("(63)", -63, "%", cost, "112年度", "2023", ()),
        ("7.89", Decimal("7.89"), "新台币/股", eps, "113年度", "2024", ()),
        ("6.54", Decimal("6.54"), "新台币/股", eps, "112年度", "2023", ()),
    ]


@pytest.mark.parametrize("text, want", [
    (TAIWAN_MARKDOWN, _taiwan("營業收入", "營業成本", "基本每股盈餘（元）")),
    (TAIWAN_ALIGNED, _taiwan("營業收入", "營業成本", "基本每股盈餘（元）")),
    (TAIWAN_HTML, _taiwan("營業收入", "營業成本", "基本每股盈餘（元）")),
    (TAIWAN_SIMPLIFIED, _taiwan("营业收入", "营业成本", "基本每股盈余（元）")),
])
def test_a_taiwan_statement_in_thousands_of_new_taiwan_dollars(text: str, want: list[tuple[object, ...]]) -> None:
    # the amounts are thousands, the % beside them is not scaled, 113年度 is 2024
    assert records(text) == want


@pytest.mark.parametrize("section, rows, want", [
    # a per-share line in cents over its basic and diluted rows, with no dash
    ("每股盈利（人民幣分）", ("基本", "攤薄"), [("12.3", Decimal("0.123"), "元/股"), ("12.1", Decimal("0.121"), "元/股")]),
    ("每股收益（元）", ("基本", "稀释"), [("12.3", Decimal("12.3"), "元/股"), ("12.1", Decimal("12.1"), "元/股")]),
    ("Earnings per share (HK cents)", ("Basic", "Diluted"),
     [("12.3", Decimal("0.123"), "港元/股"), ("12.1", Decimal("0.121"), "港元/股")]),
    # a line that is not per share: its rows are amounts, in the table's thousands
    ("歸屬於：", ("本公司擁有人", "非控股權益"), [("12.3", 12300, "元"), ("12.1", 12100, "元")]),
])
def test_rows_under_a_per_share_line(section: str, rows: tuple[str, str], want: list[tuple[object, ...]]) -> None:
    text = (f"單位：人民幣千元\n\n| | 2024年 |\n|---|---|\n| 收益 | 1,000 |\n| {section} | |\n"
            f"| {rows[0]} | 12.3 |\n| {rows[1]} | 12.1 |\n")
    got = cnreport.parse(text).metrics
    assert [(m.mention.text, m.mention.value, m.mention.unit) for m in got] == [("1,000", 1000000, "元"), *want]
    assert [m.cell.parents if m.cell else None for m in got] == [(), (section.rstrip("："),), (section.rstrip("："),)]


@pytest.mark.parametrize("declaration, figure", [
    ("單位：新台幣仟元", (1234000, "新台币", "TWD")),
    ("单位：新台币千元", (1234000, "新台币", "TWD")),
    ("單位：新台幣佰萬元", (1234000000, "新台币", "TWD")),
    ("單位：港元千元", (1234000, "港元", "HKD")),
    ("港幣千元", (1234000, "港元", "HKD")),
    ("百萬港元", (1234000000, "港元", "HKD")),
    ("（除另有說明外，以百萬港元列示）", (1234000000, "港元", "HKD")),
    ("（除另有说明外，以人民币千元列示）", (1234000, "元", "CNY")),
    ("RMB million", (1234000000, "元", "CNY")),
])
def test_a_declaration_scales_the_table_and_is_no_figure(declaration: str, figure: tuple[object, ...]) -> None:
    text = f"{declaration}\n\n| 項目 | 2024年 |\n|---|---|\n| 收益 | 1,234 |\n"
    report = cnreport.parse(text)
    assert [(n.text, n.value, n.unit, n.currency) for n in report.numbers] == [("1,234", *figure)]
