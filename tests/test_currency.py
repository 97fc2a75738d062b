"""The currency of a bare 元: the money the document states, else the
caller's default; a figure that names its currency keeps it."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cnreport
from cnreport import find_numbers, parse


def money(text: str, **kw: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.currency) for m in find_numbers(text, **kw) if m.kind == "money"]


# Sentences of ours, with invented figures.
@pytest.mark.parametrize("text, expected", [
    # a Taiwan item names 新臺幣 once, then writes bare 元, also in later paragraphs
    ("鴻海今日公布營收新臺幣5,000億元，年增一成。\n累計前十月營收為4兆元，每股盈餘2.5元。",
     [("新臺幣5,000億元", "TWD"), ("4兆元", "TWD"), ("2.5元", "TWD")]),
    ("某公司去年營收台幣80億元。\n今年目標100億元。", [("台幣80億元", "TWD"), ("100億元", "TWD")]),
    ("股價收在NT$320，市值約8兆元。\n員工分紅每人30萬元。", [("NT$320", "TWD"), ("約8兆元", "TWD"), ("30萬元", "TWD")]),
    # a Hong Kong report under 港元, with one figure in renminbi
    ("除另有註明外，本報告金額以港元列示。\n收入為30億元，內地附屬公司的註冊資本為人民幣1億元。\n純利為5億元。",
     [("30億元", "HKD"), ("人民幣1億元", "CNY"), ("5億元", "HKD")]),
    ("集團收入為港幣12億元。\n股息每股0.8元。", [("港幣12億元", "HKD"), ("0.8元", "HKD")]),
    ("每股作價HK$6。\n翌日收市價為5.5元。", [("HK$6", "HKD"), ("5.5元", "HKD")]),
    ("澳門博彩收入為300億澳門元。\n每名旅客平均消費2,000元。", [("300億澳門元", "MOP"), ("2,000元", "MOP")]),
    # the same paragraph: the last named 元 currency before the figure
    ("股價由港幣6元跌至5元，同日內地股份收報人民幣4元，再跌至3元。",
     [("港幣6元", "HKD"), ("5元", "HKD"), ("人民幣4元", "CNY"), ("3元", "CNY")]),
    # the one named most often in a traditional-script document
    ("營收新臺幣50億元。\n大陸子公司營收人民幣3億元。\n本公司淨利為新臺幣8億元。\n每股盈餘1.2元。",
     [("新臺幣50億元", "TWD"), ("人民幣3億元", "CNY"), ("新臺幣8億元", "TWD"), ("1.2元", "TWD")]),
    # simplified script: a dollar named in another paragraph does not move a bare 元
    ("公司在香港上市，募资50亿港元。\n上半年营收100亿元。", [("50亿港元", "HKD"), ("100亿元", "CNY")]),
    ("公司股价报收30港元，全年营收80亿元。", [("30港元", "HKD"), ("80亿元", "HKD")]),
    # no currency stated: CNY
    ("售價199元", [("199元", "CNY")]),
    # a figure in another currency is not a statement about 元
    ("營收10億美元。\n淨利2億元。", [("10億美元", "USD"), ("2億元", "CNY")]),
])
def test_bare_yuan_by_place(text: str, expected: list[tuple[str, str]]) -> None:
    assert money(text) == expected


@pytest.mark.parametrize("statement, code", [
    ("單位：元 幣種：人民幣", "CNY"),
    ("幣別：新臺幣", "TWD"),
    ("貨幣：港元", "HKD"),
    ("貨幣單位：港元", "HKD"),
    ("單位：新臺幣千元", "TWD"),
    ("金額單位：人民幣萬元", "CNY"),
    ("本公司的記賬本位幣為人民幣", "CNY"),
    ("本公司以港元為本位幣", "HKD"),
    ("本位幣為澳門元", "MOP"),
    ("集團的功能貨幣為港元", "HKD"),
    ("列報貨幣為人民幣", "CNY"),
    ("呈列貨幣為港元", "HKD"),
    ("除另有註明外，金額以港元列示", "HKD"),
    ("財務報表以人民幣列報", "CNY"),
    ("本報告金額以新臺幣千元為單位", "TWD"),
    ("以人民幣為計量單位", "CNY"),
    ("以港元表示", "HKD"),
    ("以港元呈列", "HKD"),
    ("金額均以新臺幣計", "TWD"),
    ("以港元計算", "HKD"),
    ("以人民幣計值", "CNY"),
    ("以港元入賬", "HKD"),
    ("以人民幣編製", "CNY"),
    ("以人民幣為記賬本位幣", "CNY"),
    ("以港元為功能貨幣", "HKD"),
    ("（人民幣千元）", "CNY"),
    ("（千港元）", "HKD"),
    ("(HK$'000)", "HKD"),
    ("（澳門幣百萬元）", "MOP"),
    ("以葡幣列示", "MOP"),
    ("以MOP列示", "MOP"),
    ("以HKD列示", "HKD"),
    ("以NTD列示", "TWD"),
    ("以TWD列示", "TWD"),
    ("以RMB列示", "CNY"),
    ("以CNY列示", "CNY"),
    ("以港圓列示", "HKD"),
    ("以澳門圓列示", "MOP"),
    ("以元人民幣列示", "CNY"),
])
def test_a_statement_puts_its_currency_in_force(statement: str, code: str) -> None:
    """In simplified script too, and before or after the statement."""
    for text in (f"{statement}\n營業收入為1,200萬元。", f"营业收入为1,200万元。\n{statement}"):
        figures = [c for t, c in money(text) if t.startswith(("1,200", "營業", "营业"))]
        assert figures == [code], text


def test_the_last_statement_before_a_figure_is_in_force() -> None:
    text = "幣種：人民幣\n收入為10億元。\n以下金額以港元列示。\n股息總額為2億元。"
    assert money(text) == [("10億元", "CNY"), ("2億元", "HKD")]


def test_the_callers_currency_where_the_document_states_none() -> None:
    assert money("售價199元", currency="TWD") == [("199元", "TWD")]
    assert money("這碗麵賣45塊，加蛋5毛。", currency="TWD") == [("45塊", "TWD"), ("5毛", "TWD")]
    # Singapore writes its dollar as 元 too
    assert money("組屋轉售價50萬元", currency="SGD") == [("50萬元", "SGD")]
    # what the document states comes first
    assert money("營收新臺幣5億元。\n淨利1億元。", currency="HKD") == [("新臺幣5億元", "TWD"), ("1億元", "TWD")]


def test_parse_and_parse_many_take_the_currency() -> None:
    text = "公司去年營收為80億元。"
    assert parse(text, currency="HKD").to_records()[0]["currency"] == "HKD"
    assert [r.numbers[0].currency for r in cnreport.parse_many([text, text], currency="MOP")] == ["MOP", "MOP"]


@pytest.mark.parametrize("bad, error", [
    ("NT$", ValueError), ("twd", ValueError), ("", ValueError), ("TWDX", ValueError), (840, TypeError),
])
def test_a_currency_that_is_no_iso_code_is_refused(bad: object, error: type[Exception]) -> None:
    with pytest.raises(error, match="ISO 4217"):
        find_numbers("售價199元", currency=bad)  # type: ignore[arg-type]
    with pytest.raises(error, match="ISO 4217"):
        parse("售價199元", currency=bad)  # type: ignore[arg-type]


_PARTS = ["營收新臺幣5億元。", "收入港幣3億元，", "註冊資本人民幣1億元。", "淨利200萬美元。", "HK$12，", "NT$300，",
          "售價99元，", "以港元列示。", "幣種：人民幣", "單位：新臺幣千元", "每股1.5元。", "\n", "营收8亿元，", "約30萬元"]


@given(st.lists(st.sampled_from(_PARTS), max_size=12), st.sampled_from([None, "TWD", "HKD", "SGD"]))
def test_a_figure_that_names_its_currency_keeps_it(parts: list[str], default: str | None) -> None:
    text = "".join(parts)
    named = {"新臺幣": "TWD", "港幣": "HKD", "人民幣": "CNY", "美元": "USD", "HK$": "HKD", "NT$": "TWD"}
    for m in find_numbers(text, currency=default):
        for name, code in named.items():
            if name in m.text:
                assert m.currency == code, (text, m)
