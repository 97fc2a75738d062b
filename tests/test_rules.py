"""The precision rules are named and listed; each is seen deciding in a
sentence of its own, and asking for the decisions changes no answer."""
from __future__ import annotations

import contextlib
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cnreport import find_numbers
from cnreport.numbers import decisions, precision_rules, rule_for, scan

_DECIDED = [
    ("官网是163.com", "163", "latin_after", False),
    ("详见2.3.1节", "2.3.1", "chain", False),
    ("会议在15:00开始", "15:00", "clock_time", False),
    ("零售业务很好", "零", "lone_in_word", False),
    ("有一个很好的想法", "一", "article", False),
    ("十十", "十十", "ill_formed", False),
    ("《一线》杂志", "一线", "in_name", False),
    ("一半以上", "一半以上", "fixed_form", True),
    ("说了一半儿", "一半", "fraction_in_word", False),
    ("十一期间客流增长", "十一", "holiday", False),
    ("两位数增长", "两位", "digit_count", False),
    ("九十年代", "九十年", "decade", False),
    ("2023Q4", "2023", "year_of_quarter", True),
    ("在2023、2024两年", "2023", "bare_year", True),
    ("MP3播放器", "3", "after_latin", False),
    ("新药CY-201获批", "201", "after_latin", False),
    ("5G手机", "5", "latin_after", False),
    ("版本2.0上线", "2.0", "version", False),
    ("见实425直播", "425", "glued", False),
    ("股票代码600519", "600519", "identifier", False),
    ("中芯国际(688981)", "688981", "bracketed", False),
    ("国发〔2015〕40号", "40号", "document_number", False),
    ("1对1辅导", "1对", "one_to_one", False),
    ("他们是95后", "95", "cohort", False),
    ("他说十分重要", "十", "in_word", False),
    ("一是降本", "一", "single_digit", True),
]


@pytest.mark.parametrize(("text", "span", "rule", "kept"), _DECIDED)
def test_each_rule_decides_in_a_sentence(text: str, span: str, rule: str, kept: bool) -> None:
    found = [(d.text, d.rule, d.kept) for d in decisions(text)]
    assert (span, rule, kept) in found
    start = text.index(span)
    assert rule_for(text, start, start + len(span)) == rule


def test_every_listed_rule_is_seen_deciding() -> None:
    names = [name for name, _ in precision_rules()]
    assert len(names) == len(set(names))
    seen = {rule for _, _, rule, _ in _DECIDED}
    assert set(names) == seen


def test_a_span_not_looked_at_has_no_rule() -> None:
    assert rule_for("营收42亿元", 0, 2) is None


def test_decisions_take_a_str() -> None:
    with pytest.raises(TypeError):
        decisions(b"42")  # type: ignore[arg-type]


@given(st.text(alphabet="0123456789.一二三十百万亿年月日号个位元%后期间统零售代码是的，G", max_size=20))
def test_asking_changes_no_answer(text: str) -> None:
    before = find_numbers(text)
    made = decisions(text)
    assert find_numbers(text) == before
    names = {name for name, _ in precision_rules()} | {"no rule"}
    assert all(d.rule in names and text[d.start:d.end] == d.text for d in made)


_SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
_REPORT_LIKE = st.lists(st.sampled_from(
    [*"一二三四五六七八九十百千万亿两几半数零统一些个次种位件家年月日号第前约近超过是的和了在有，。、",
     "一个", "一次", "统一", "一起", "零售", "万达", "人数", "一些", "一直", "其一", "之一", "可能", "就要",
     "80万元", "以上", "左右", "3"]), max_size=30).map("".join)


def _without_short_paths() -> contextlib.ExitStack:
    stack = contextlib.ExitStack()
    stack.enter_context(mock.patch.object(scan, "_lone_in_word", lambda *args: False))
    stack.enter_context(mock.patch.object(scan, "_article", lambda *args: False))
    stack.enter_context(mock.patch.object(scan, "_plain_arabic", lambda *args: None))
    return stack


@given(_REPORT_LIKE)
@example("些一个以上")  # (一个 with a qualifier after it is a count, not the article)
@example("人数十")  # (the 数 of a count noun)
def test_short_paths_answer_as_the_full_read(text: str) -> None:
    """The decisions taken before reading (a numeral alone in a word, the
    article 一个) and the plain-number path give what the full read and the
    precision rules give."""
    fast = find_numbers(text)
    with _without_short_paths():
        assert find_numbers(text) == fast


@pytest.mark.parametrize("path", _SEEDS, ids=[p.name for p in _SEEDS])
def test_short_paths_answer_as_the_full_read_on_real_text(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fast = find_numbers(text)
    with _without_short_paths():
        assert find_numbers(text) == fast
