"""iter_metrics: the metrics of parse, read block by block.

The texts are invented: a headline and a dateline, a company that declares
its short name, then turns of a meeting under headings, each paragraph with
its own figures, so that no paragraph repeats. They are longer than the head
every block is read with, so that later blocks are read with context.
"""
from __future__ import annotations

import io

import pytest

from cnreport import iter_metrics, parse

_TURN = [
    "{k}年，该公司营业收入为{a}.{b}亿元，同比增长{c}%。其中海外收入{d}亿元，占比约{c}成。",
    "我们的门店数量已经超过{a}{b}家，会员人数达到{d}万人，比去年同期增加{c}万人。",
    "截至{k}年底，星河物流共有员工{a}{b}{c}人，仓储面积从{d}万平方米增长到{a}{d}万平方米。",
    "本季度净利润{a}{c}.{d}亿元，毛利率为{b}{c}.{a}%，较上一季度提高{d}个百分点。",
]
_HEADINGS = ["一、经营情况", "二、业务进展", "三、问答环节"]


def _meeting(turns: int) -> str:
    lines = ["星河物流发布年度业绩", "新华网北京3月18日电", "",
             "星河物流股份有限公司（以下简称“星河物流”）今日召开业绩说明会。", ""]
    for k in range(turns):
        if k % 40 == 0:
            lines += [_HEADINGS[(k // 40) % len(_HEADINGS)], ""]
        speaker = ("李明 星河物流首席执行官" if k == 0 else "李明：") if k % 3 else "王芳：" if k > 1 else "王芳 星河物流财务总监"
        lines.append(speaker)
        for j in range(3):
            n = 3 * k + j
            template = _TURN[n % len(_TURN)]
            lines.append(template.format(k=1990 + n % 35, a=n % 9 + 1, b=n // 9 % 10, c=n // 90 % 10 + 1, d=n % 97 + 2)
                         + f"第{n + 1}项措施已经落实。")
        lines.append("")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def meeting() -> str:
    text = _meeting(1200)
    assert len(text) > 150_000  # (past the first block, which holds the head whole)
    return text


@pytest.fixture(scope="module")
def parsed(meeting: str) -> list[object]:
    return list(parse(meeting).metrics)


@pytest.mark.parametrize("block_chars", [2_000, 25_000])
def test_blocks_give_the_metrics_of_parse(meeting: str, parsed: list[object], block_chars: int) -> None:
    assert list(iter_metrics(meeting, block_chars=block_chars)) == parsed


def test_a_text_shorter_than_a_block_is_parse_itself() -> None:
    text = _meeting(6)
    assert list(iter_metrics(text)) == list(parse(text).metrics)


def test_files_and_open_files_read_as_the_text(tmp_path, meeting: str, parsed: list[object]) -> None:
    path = tmp_path / "meeting.txt"
    path.write_bytes(meeting.encode("gb18030"))
    expected = [(m.mention.start, m.mention.text, m.subject, m.entity) for m in parsed]
    assert [(m.mention.start, m.mention.text, m.subject, m.entity)
            for m in iter_metrics(path, block_chars=30_000)] == expected
    with path.open("rb") as f:
        assert [(m.mention.start, m.mention.text) for m in iter_metrics(f, encoding="gb18030")] == \
            [e[:2] for e in expected]
    assert [m.mention.start for m in iter_metrics(io.StringIO(meeting), block_chars=30_000)] == \
        [e[0] for e in expected]


def test_offsets_index_the_whole_text(meeting: str) -> None:
    for m in iter_metrics(meeting, block_chars=5_000):
        assert meeting[m.mention.start:m.mention.end] == m.mention.text
        for r in m.why:
            assert r.start is None or r.end is not None and 0 <= r.start <= r.end <= len(meeting)


@pytest.mark.parametrize("given", [b"\xe6\x94\xb6", 12, None])
def test_what_is_no_text_is_a_type_error(given: object) -> None:
    with pytest.raises(TypeError, match="iter_metrics"):
        iter_metrics(given)  # type: ignore[arg-type]


@pytest.mark.parametrize("block_chars", [0, -5, 1.5, True])
def test_a_block_size_must_be_a_positive_int(block_chars: object) -> None:
    with pytest.raises(ValueError, match="block_chars"):
        iter_metrics("收入1亿元", block_chars=block_chars)  # type: ignore[arg-type]


def test_the_command_line_streams_a_large_file_to_the_same_rows(tmp_path, monkeypatch, meeting: str) -> None:
    import json

    from cnreport import cli

    path = tmp_path / "meeting.txt"
    path.write_text(meeting, encoding="utf-8")

    def rows(name: str) -> list[dict[str, object]]:
        out = tmp_path / name
        assert cli.main(["parse", str(path), "--format", "jsonl", "-o", str(out), "--no-progress"]) == 0
        return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]

    whole = rows("whole.jsonl")
    monkeypatch.setattr(cli, "_STREAM", 1_000)  # (any file larger is read block by block,
    monkeypatch.setattr(cli, "_STREAM_BLOCK", 20_000)  # in blocks of 20,000 characters)
    assert rows("streamed.jsonl") == whole
    assert len(whole) > 1_000
