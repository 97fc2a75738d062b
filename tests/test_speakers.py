"""Speaker segmentation: title lines, Q&A turns, headings, boilerplate, identity."""
from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Optional

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import cnreport
from cnreport import Section, Speaker, same_speaker, segment

ROOT = Path(__file__).resolve().parent.parent
GOLD = [json.loads(line) for line in
        (ROOT / "tests" / "fixtures" / "seed-speakers.jsonl").read_text(encoding="utf-8").splitlines()]


def _speakers(text: str) -> list[tuple[str, str, Optional[str], Optional[str]]]:
    return [(s.kind, s.speaker.name, s.speaker.title, s.speaker.org)
            for s in segment(text) if s.speaker is not None]


# (text, [(kind, name, title, org)] of the speaker sections)
SPEAKER_LINES = [
    ("劉熾平-騰訊公司總裁\n\n過去一兩年", [("speech", "劉熾平", "騰訊公司總裁", "騰訊")]),
    ("湯道生—騰訊高級執行副總裁、雲與智慧產業事業群總裁\n放眼中國",
     [("speech", "湯道生", "騰訊高級執行副總裁、雲與智慧產業事業群總裁", "騰訊")]),
    ("马化腾｜腾讯董事会主席兼首席执行官\n今天", [("speech", "马化腾", "腾讯董事会主席兼首席执行官", "腾讯")]),
    ("马化腾|腾讯董事会主席\n今天", [("speech", "马化腾", "腾讯董事会主席", "腾讯")]),
    ("张勇－阿里巴巴集团CEO\n今天", [("speech", "张勇", "阿里巴巴集团CEO", "阿里巴巴")]),
    ("张勇：阿里巴巴集团董事局主席\n今天", [("speech", "张勇", "阿里巴巴集团董事局主席", "阿里巴巴")]),
    ("張三（騰訊副總裁）：我們今年很好。", [("speech", "張三", "騰訊副總裁", "騰訊")]),
    ("石怡佳（司儀）：\n今天來熱烈", [("speech", "石怡佳", "司儀", None)]),
    ("腾讯副总裁林敬华：我们今年很好。", [("speech", "林敬华", "腾讯副总裁", "腾讯")]),
    ("### 行政院唐鳳政委：\n謝謝。", [("speech", "唐鳳", "行政院政委", "行政院")]),
    ("### 茶語軒林佳慧品牌總監：\n我們", [("speech", "林佳慧", "茶語軒品牌總監", "茶語軒")]),
    ("### 林宇聲：\n剛剛提到", [("speech", "林宇聲", None, None)]),
    ("**王小明**：今年收入一亿。", [("speech", "王小明", None, None)]),
    ("以下为林敬华发言实录:\n腾讯作为一家互联网公司", [("speech", "林敬华", None, None)]),
    ("以下是马化腾在大会上的演讲实录：\n大家好。", [("speech", "马化腾", None, None)]),
    ("问:为什么投资?\n林敬华:首先我们是投资。",
     [("question", "问", None, None), ("answer", "林敬华", None, None)]),
    ("問：為什麼？\n答：因為。", [("question", "問", None, None), ("answer", "答", None, None)]),
    ("Q:收入多少?\nA:一亿元。", [("question", "Q", None, None), ("answer", "A", None, None)]),
    ("记者：请问今年的目标是什么？\n张勇：今年GMV增长30%。",
     [("question", "记者", None, None), ("answer", "张勇", None, None)]),
    ("提问:腾讯会赢吗?\n林敬华:我们从来没有从赢的角度看。",
     [("question", "提问", None, None), ("answer", "林敬华", None, None)]),
    ("主持人：欢迎各位。\n主持人：第一个问题是什么？\n张三：好。",
     [("speech", "主持人", None, None), ("question", "主持人", None, None),
      ("answer", "张三", None, None)]),
    ("黃委員國昌：請問部長，今年預算多少？\n林部長佳龍：大約100億。",
     [("question", "黃國昌", "委員", None), ("answer", "林佳龍", "部長", None)]),
    ("主持人（张三）：欢迎各位。", [("speech", "张三", "主持人", None)]),
    ("腾讯总裁(刘炽平)：大家好", [("speech", "刘炽平", "腾讯总裁", "腾讯")]),
    # A surname and a title, as people are addressed.
    ("王院长：今年增长了30%。\n李总：对。", [("speech", "王院长", "院长", None), ("speech", "李总", "总", None)]),
    # A title and a name on two lines of their own, either order.
    ("腾讯公司副总裁\n林松涛\n\n我们今年的收入增长了30%。", [("speech", "林松涛", "腾讯公司副总裁", "腾讯")]),
    ("林松涛\n腾讯公司副总裁\n\n我们今年的收入增长了30%。", [("speech", "林松涛", "腾讯公司副总裁", "腾讯")]),
    # One-letter surname labels count in a transcript that uses them.
    ("朱:今年收入一亿。\n王:好的。\n朱:谢谢。",
     [("speech", "朱", None, None), ("speech", "王", None, None), ("speech", "朱", None, None)]),
]


@pytest.mark.parametrize(("text", "expected"), SPEAKER_LINES, ids=[c[0][:12] for c in SPEAKER_LINES])
def test_speaker_lines(text: str, expected: list[tuple[str, str, Optional[str], Optional[str]]]) -> None:
    assert _speakers(text) == expected


NARRATIVE = [
    "我們認為:“人-車-店-廠”關係發生變化",
    "第一個演化:從“開放生態”演化到“生態開放”。",
    "第一,市場增長從人口紅利驅動,轉向創新驅動。",
    "高效運營:提升效率",
    "方向:向上",
    "王者荣耀:收入超过100亿",
    "金额:100万元",
    "尊敬的各位來賓:\n大家好",
    "感谢:张三、李四",
    "1. 收入:100亿\n2. 利润:20亿",
    "林敬华表示,ToB业务是公司的长期战略布局。",
    "林静华在致辞中表示,目前的零售业态主要是线下门店加线上电商的“双模式”。",
    "腾讯副总裁林敬华在2018中国零售数字化创新大会上介绍“智慧零售”概念",
    "朱:只有一个这样的冒号行。",
    "王者:我们今年很好。",
    "总经理\n方法\n\n我们今年的收入增长了30%，用户超过1亿。",   # 方法 is a word, not a name
    "会议纪要\n总裁\n林松涛\n我们今年的收入增长了30%。",       # not standing apart
]


@pytest.mark.parametrize("text", NARRATIVE)
def test_not_speaker_lines(text: str) -> None:
    assert _speakers(text) == []


def test_headings_and_turns() -> None:
    doc = ("//\n\n數字生態\n\n//\n\n湯道生-騰訊高級執行副總裁\n\n放眼中國\n\n"
           "邱躍鵬-騰訊副總裁、騰訊雲總裁\n\n騰訊雲\n\n//\n\n小編感觸\n\n//\n\n下一個時代是什麼?\n")
    got = [(s.kind, s.heading, s.speaker and s.speaker.name) for s in segment(doc)]
    assert got == [("heading", "數字生態", None), ("speech", "數字生態", "湯道生"),
                   ("speech", "數字生態", "邱躍鵬"), ("heading", "小編感觸", None),
                   ("narrative", "小編感觸", None)]


@pytest.mark.parametrize(("text", "heading"), [
    ("【嘉宾观点】\n李彦宏：百度今年投入AI研发", "嘉宾观点"),
    ("## 圆桌讨论\n李彦宏：百度今年投入AI研发", "圆桌讨论"),
    ("主持人问答环节记录:\n问:为什么?\n林敬华:因为。", "主持人问答环节记录"),
])
def test_heading_forms(text: str, heading: str) -> None:
    assert segment(text)[0].kind == "heading"
    assert all(s.heading == heading for s in segment(text))


def test_numbered_heading_keeps_the_speaker() -> None:
    doc = "张勇-阿里巴巴CEO\n大家好。\n一、市场概况\n今年收入增长。\n"
    got = [(s.kind, s.heading, s.speaker and s.speaker.name) for s in segment(doc)]
    assert got == [("speech", None, "张勇"), ("heading", "一、市场概况", None),
                   ("speech", "一、市场概况", "张勇")]


@pytest.mark.parametrize(("text", "author"), [
    ("腾讯《一线》作者孙宏超\n正文", "孙宏超"),
    ("文/王小明\n正文", "王小明"),
    ("编辑：李四", "李四"),
    ("记者 张三 李四\n正文", "张三 李四"),
    # a date and an outlet before the credit, with no speaker's label in its colon
    ("2026年12月1日\u3000信川財經新聞\u3000記者：馮浩然\n正文", "馮浩然"),
])
def test_bylines_are_metadata(text: str, author: str) -> None:
    first = segment(text)[0]
    assert (first.kind, first.byline, first.speaker) == ("byline", author, None)


def test_a_company_name_that_heads_and_signs_an_announcement_is_no_page_header() -> None:
    doc = "恆海國際控股有限公司\n\n盈利警告\n\n本集團預期錄得虧損。\n\n承董事會命\n恆海國際控股有限公司\n主席\n"
    assert all(s.kind != "boilerplate" for s in segment(doc))


def test_boilerplate_and_duplicates() -> None:
    header = "实时动态,深度解析,把握行业脉搏\n"
    para = "作为开幕嘉宾,腾讯副总裁林敬华在21日的全体会议上发言,首次阐述了腾讯智慧零售的理念。\n"
    doc = (header + header + para + "应对用户消费数字化\n" + para
           + "標題標題標題標題\n相關推薦\n23個問題追出小遊戲掙錢背後祕密\n100萬用戶付費每天收入15萬\n")
    sections = segment(doc)
    kinds = [(s.kind, s.duplicate_of) for s in sections]
    assert kinds[:2] == [("boilerplate", None), ("boilerplate", 0)]
    copies = [s for s in sections if s.duplicate_of is not None and s.kind == "narrative"]
    assert len(copies) == 1 and doc[copies[0].duplicate_of:].startswith(para)
    assert copies[0].text == para
    tail = doc.index("標題標題")
    assert all(s.kind == "boilerplate" for s in sections if s.start >= tail)


def test_link_list_ends_at_a_long_line() -> None:
    long_line = "这是一段很长的正文，" * 8 + "\n"
    doc = "相关推荐\n短链接一\n" + long_line
    assert [s.kind for s in segment(doc)] == ["boilerplate", "narrative"]


def test_seed_gold() -> None:
    """Every speaker turn of the seeds, with exact name, title, org and heading."""
    for name in sorted({g["file"] for g in GOLD}):
        text = (ROOT / "seeds" / name).read_text(encoding="utf-8")
        got = [s for s in segment(text) if s.speaker is not None]
        gold = [g for g in GOLD if g["file"] == name]
        assert len(got) == len(gold)
        for s, g in zip(got, gold, strict=True):
            body = s.text.split("\n", 1)[1].lstrip() if s.text.count("\n") else s.text
            if s.text.startswith(g["name"] + ":"):
                body = s.text[len(g["name"]) + 1:]
            assert body.startswith(g["first_words"]), (s.text[:40], g)
            assert (s.speaker.name, s.speaker.title, s.speaker.org, s.heading) == (
                g["name"], g["title"], g["org"], g["heading"]) or (g["heading"] is None and (
                s.speaker.name, s.speaker.title, s.speaker.org) == (g["name"], g["title"], g["org"]))


@pytest.mark.parametrize(("a", "b", "same"), [
    ("林璟驊", "林敬华", True),
    ("林敬华", "林静华", True),
    ("林静华", "林景华", True),
    ("林敬华", "林敬華", True),
    ("林敬华", "李敬华", False),
    ("林敬华", "林敬", False),
    ("欧阳娜娜", "歐陽娜娜", True),
    ("问", "問", True),
    ("Q", "q", True),
])
def test_same_speaker_names(a: str, b: str, same: bool) -> None:
    assert same_speaker(a, b) is same
    assert same_speaker(b, a) is same


def test_same_speaker_org_breaks_the_tie() -> None:
    tencent = Speaker(name="林敬华", title="腾讯副总裁", org="腾讯")
    other = Speaker(name="林静华", title="阿里巴巴副总裁", org="阿里巴巴")
    unknown = Speaker(name="林景华")
    assert same_speaker(tencent, unknown) and same_speaker(other, unknown)
    assert not same_speaker(tencent, other)
    assert Speaker(name="林璟驊").key == tencent.key == unknown.key == "林:jing-hua"


def test_same_speaker_type_error() -> None:
    with pytest.raises(TypeError, match="Speaker or str"):
        same_speaker("林敬华", 3)  # type: ignore[arg-type]


def test_type_error() -> None:
    with pytest.raises(TypeError, match="decode bytes"):
        segment(b"abc")  # type: ignore[arg-type]


def test_empty_and_blank() -> None:
    assert segment("") == []
    assert [(s.kind, s.text) for s in segment("\n\n")] == [("narrative", "\n\n")]


def test_results_pickle_and_export() -> None:
    sections = segment("问:为什么?\n林敬华:因为。")
    assert pickle.loads(pickle.dumps(sections)) == sections
    d = sections[1].to_dict()
    assert d["speaker"]["name"] == "林敬华" and d["speaker"]["key"] == "林:jing-hua"
    assert json.dumps(d, ensure_ascii=False)


def test_public_names() -> None:
    assert {"segment", "same_speaker", "Section", "Speaker"} <= set(cnreport.__all__)


_LINES = st.lists(st.sampled_from([
    "劉熾平-騰訊公司總裁", "问:为什么?", "林敬华:因为。", "//", "數字生態", "相关推荐",
    "实时动态,深度解析", "作者孙宏超", "一、概况", "收入1.1億元。", "", "\r", "朱:好", "## 标题",
    "以下为林敬华发言实录:", "【观点】",
]), max_size=30).map("\n".join)


@given(st.one_of(st.text(), _LINES))
@example("\r\n\r\n")
@example("//\n//\n//")
@example("\u2028林敬华:因为\x85问:")
@example("\ud800:\udfff")
def test_partition_is_lossless(text: str) -> None:
    sections = segment(text)
    assert "".join(s.text for s in sections) == text
    pos = 0
    for s in sections:
        assert isinstance(s, Section)
        assert s.start == pos and s.end > s.start and text[s.start:s.end] == s.text
        assert s.kind in ("speech", "question", "answer", "narrative", "heading", "byline",
                          "boilerplate")
        assert s.duplicate_of is None or 0 <= s.duplicate_of < s.start
        pos = s.end
    assert pos == len(text)


@pytest.mark.parametrize(("text", "expected"), [
    # a space as the separator
    ("王坚 阿里巴巴集团技术委员会主席\n\n效率提升了15%。", [("speech", "王坚", "阿里巴巴集团技术委员会主席", "阿里巴巴")]),
    ("马化腾：收入增长10%。\nCFO 罗硕瀚：毛利增长22%。",
     [("speech", "马化腾", None, None), ("speech", "罗硕瀚", "CFO", None)]),
    # earnings-call and shareholder labels
    ("刘炽平：游戏很好。\n分析师：请问广告展望？\n管理层：增长20%。",
     [("speech", "刘炽平", None, None), ("question", "分析师", None, None), ("answer", "管理层", None, None)]),
    ("陈磊：利润很好。\n摩根士丹利分析师：请问竞争格局？\n陈磊：依然激烈。",
     [("speech", "陈磊", None, None), ("question", "摩根士丹利分析师", None, None), ("answer", "陈磊", None, None)]),
    ("投资者1：请问分红？\n董秘：每股0.5元。", [("question", "投资者1", None, None), ("speech", "董秘", None, None)]),
    ("问（瑞银分析师）：\n请问PC复苏节奏？", [("question", "问", "瑞银分析师", None)]),
    # a name, then a title; a function or grade before the title names no organisation
    ("### 王國材部長：\n報告委員。", [("speech", "王國材", "部長", None)]),
    ("郑舒（财务总监）：\n毛利率17%。", [("speech", "郑舒", "财务总监", None)]),
    ("张三-中国中化原董事长\n\n增长。", [("speech", "张三", "中国中化原董事长", "中国中化")]),
])
def test_turns_of_reports_and_calls(text: str, expected: list[tuple[object, ...]]) -> None:
    got = [(s.kind, s.speaker.name, s.speaker.title, s.speaker.org)
           for s in segment(text) if s.speaker is not None]
    assert got == expected


def test_page_furniture_after_a_turn_is_boilerplate() -> None:
    text = "张三：今年收入增长了30%。\n来源：新浪科技\n（完）\n- END -\n分享到：\n【纠错】 【责任编辑：李楠】"
    sections = segment(text)
    assert [s.kind for s in sections] == ["speech", "boilerplate"]
    assert sections[0].text == "张三：今年收入增长了30%。\n"


def test_a_turn_printed_twice_counts_once() -> None:
    text = "李斌：我们今年交付了25万台，增长很快。\n\n李斌：我们今年交付了25万台，增长很快。"
    assert [s.duplicate_of for s in segment(text)] == [None, 0]
    assert len(cnreport.parse(text).metrics) == 1


def test_html_transcript_keeps_its_speakers() -> None:
    # A scraped page: each turn in its own <p>, no line breaks in the file.
    page = ('<html><body><h2>年度业绩说明会</h2><p>主持人：欢迎各位参加。</p>'
            '<p style="margin:12px">李明（首席财务官）：今年公司营收18亿元，同比增长12%。</p>'
            '<p>问：海外收入占比多少？</p><p>李明：海外收入占比约三成。</p></body></html>')
    report = cnreport.parse(page)
    turns = [(s.kind, s.speaker.name if s.speaker else None) for s in report.sections if s.kind != "narrative"]
    assert turns == [("speech", "主持人"), ("speech", "李明"), ("question", "问"), ("answer", "李明")]
    figures = [(m.mention.text, m.subject, m.speaker.name if m.speaker else None, m.speaker.title if m.speaker else None)
               for m in report.metrics]
    # (the 12px of a style attribute is markup, not a figure)
    assert figures == [("18亿元", "营收", "李明", "首席财务官"), ("12%", "营收", "李明", "首席财务官"),
                       ("约三成", "海外收入", "李明", "首席财务官")]
    assert all(page[m.mention.start:m.mention.end] == m.mention.text for m in report.metrics)
