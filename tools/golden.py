"""Write the expected outputs that tests/test_golden.py compares against.

    python tools/golden.py            # rewrite every golden file
    python tools/golden.py --check    # exit 1 and print the diff when one differs

A golden file holds the exact output of the library for fixed inputs, one
JSON record a line, so that a change shows as a readable diff of the figures
it moves. Rewrite them only on purpose, and say in the commit message which
figures changed and why.

- ``seeds.jsonl``: every number and section of the seed documents (their
  metrics are compared by ``tests/test_metric_outputs.py``);
- ``lexicon.jsonl``: for each row of the lexicon tables that number reading
  and speaker reading use, a sentence of our own that the row decides, and
  what the library reads in it (see :func:`lexicon_cases`).
"""
from __future__ import annotations

import difflib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "fixtures" / "golden"


def _line(record: dict[str, object]) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=False)


def seed_records() -> Iterator[str]:
    from cnreport import parse
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        report = parse(path.read_text(encoding="utf-8"), source=path.name)  # (metrics: tests/test_metric_outputs.py)
        for m in report.numbers:
            yield _line({"file": path.name, "number": m.to_dict()})
        for s in report.sections:
            record = s.to_dict()
            record["text"] = str(record["text"])[:40]  # (the start and end say where it is)
            yield _line({"file": path.name, "section": record})


def lexicon_cases() -> Iterator[tuple[str, str, str]]:
    """(table, row word, sentence): a sentence in which the row decides what
    is read, made from the row by a template of its table."""
    from cnreport.lexicon import loaders
    for u in loaders.units().values():
        yield "units.tsv", u.word, f"合计3{u.word}，另有约12.5{u.word}"
    for q in loaders.qualifiers():
        number = "千家" if q.word in ("过", "上") else "300家"
        yield "qualifiers.tsv", q.word, (f"门店{q.word}{number}" if q.position == "before" else f"门店{number}{q.word}")
    for p in loaders.set_phrases():
        yield "set_phrases", p.word, f"今年{p.word}"
    for word in loaders.not_numbers():
        yield "not_numbers.tsv", word, f"他说{word}，收入3亿元"
    for word in loaders.identifiers():
        yield "identifiers.tsv", word, f"{word}6042，共5家"
    for w in loaders.number_words():
        yield "number_words.tsv", f"{w.role}:{w.word}", _number_word_sentence(w.role, w.word, w.value)
    for c in loaders.numeral_alphabet():
        yield "numerals.tsv", f"{c.role}:{c.word}", _numeral_sentence(c.role, c.word)
    for word in loaders.titles():
        yield "titles.tsv", word, f"王小明-某某公司{word}\n正文"
    for word in loaders.surnames():
        yield "surnames.tsv", word, f"{word}晓-某某公司总裁\n正文"
    for label, _ in loaders.speaker_labels():
        yield "speaker_labels.tsv", label, f"{label}:收入多少"
    for word in loaders.address_titles():
        yield "address_titles.tsv", word, f"王{word}：收入增长了三成。"
    for word in loaders.orgs():
        yield "orgs.tsv", word, f"李明-{word}云事业群副总裁\n正文"
    for word in loaders.role_parts():
        yield "role_parts.tsv", word, f"李明-某某集团{word}总裁\n正文"
    for b in loaders.boilerplate():
        yield "boilerplate.tsv", b.text, f"正文第一段。\n{b.text}\n正文第二段。"
    for y in loaders.bylines():
        yield "bylines.tsv", y.word, f"{y.word}：张小明\n正文"
    speaker_templates = {"speech": "以下为林敬华的{}实录:\n收入增长。", "record": "以下为林敬华的演讲{}:\n收入增长。",
                         "heading": "{}:\n收入增长了三成。", "analyst": "高盛{}:收入多少",
                         "company_end": "李明-平安银行{}总裁\n正文",
                         "genre": "{}曜石电池董事长林志远：营收增长三成\n\n林志远：明年营收增长两成。"}
    for w in loaders.speaker_words():
        yield "speaker_words.tsv", f"{w.role}:{w.word}", speaker_templates[w.role].format(w.word)


def _number_word_sentence(role: str, word: str, value: str) -> str:
    templates = {
        "currency_before": f"价格为{word}50", "not_strong": f"排名3{word}", "not_weak": f"三成{word}",
        "not_qualifier": f"第20{word}", "hedge": f"{word}一个机器就要80万元", "article_measure": f"有一{word}好的",
        "article_keeps": f"有一个{word}", "classifier_time": f"用了6个{word}", "respective": f"{word}12.3、15.6亿元",
        "per_unit": f"价格16213元/{word}", "share_word": f"台积电(2330){word}上涨", "among": f"代码{word}，582、620",
        "headcount_noun": f"三百多号{word}", "not_tenths": f"七{word}", "not_decade": f"十年{word}",
        "not_day": f"3{word}", "not_designation": f"3{word}", "not_unit": f"十一{word}", "half_word": f"过{word}",
        "in_a_row": f"外资{word}3日买超", "glue_breaker": f"中{word}1535的", "glue_after": f"中100{word}的",
        "not_first": f"{word}前十", "magnitude_next": f"亿{word}", "word_affix": f"共有七{word}",
        "word_mark": f"十{word}家", "word_time_end": f"十年{word}", "word_numeral": f"{word}十家",
        "spoken_point": f"毛利率提升了两{word}", "quarter_unit": f"公司3{word}营收增长",
        "plain_money_unit": f"营收518亿{word}人民币", "fiscal_year": f"2023/24{word}",
    }
    return templates.get(role, f"{word}3亿元")


def _numeral_sentence(role: str, word: str) -> str:
    templates = {"ascii_magnitude": f"月薪3{word}", "several_before": f"历时数{word}",
                 "thousands_of": f"收入1,234千{word}"}
    return templates.get(role, f"营收三{word}五亿元，员工{word}百人")


_SPEAKER_TABLES = frozenset({"titles.tsv", "surnames.tsv", "speaker_labels.tsv", "address_titles.tsv", "orgs.tsv",
                             "role_parts.tsv", "boilerplate.tsv", "bylines.tsv", "speaker_words.tsv"})


def read_case(table: str, text: str) -> list[object]:
    """What the library reads in a lexicon case: the sections (kind and
    speaker) for a table of speaker reading, else the numbers."""
    from cnreport import find_numbers, segment
    if table in _SPEAKER_TABLES:
        return [[s.kind, s.speaker.name, s.speaker.title, s.speaker.org] if s.speaker else [s.kind]
                for s in segment(text)]
    return [{k: v for k, v in m.to_dict().items() if v is not None} for m in find_numbers(text)]


def lexicon_records() -> Iterator[str]:
    for table, word, sentence in lexicon_cases():
        yield _line({"table": table, "row": word, "text": sentence, "read": read_case(table, sentence)})


FILES = {"seeds.jsonl": seed_records, "lexicon.jsonl": lexicon_records}


def diff(name: str) -> list[str]:
    """The unified diff from the golden file ``name`` to today's output."""
    path = GOLDEN / name
    want = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    have = list(FILES[name]())
    return list(difflib.unified_diff(want, have, f"golden/{name}", "today", lineterm="", n=1))


def main(argv: list[str]) -> int:
    if argv[:1] == ["--check"]:
        lines = [line for name in FILES for line in diff(name)]
        print("\n".join(lines))
        return 1 if lines else 0
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name, records in FILES.items():
        (GOLDEN / name).write_text("".join(line + "\n" for line in records()), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
