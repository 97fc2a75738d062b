"""Time and peak memory of collecting a dataset of facts from many reports.

    python benchmarks/collect.py                          # 10,000 reports of 20,000 characters, 2 processes
    python benchmarks/collect.py --reports 250 1000       # the sizes docs/performance.md gives
    python benchmarks/collect.py --reports 500 2000 --jobs 1

The reports are written for the benchmark (invented companies and figures,
seeded, so every run reads the same corpus): each is one company's report
for one period, in simplified or traditional script, with a key-figure
table under ``万元`` (this period and the one before, so the next report
restates it, now and then revised), news-style paragraphs in ``亿元`` about
the company over this year and the three before (restated, rounded, now and
then a different figure), and narrative paragraphs without figures, to about ``--chars``
characters. About 20 reports are about each company, so the facts join
across reports.

Each size is a fresh ``cnreport collect DIR -o facts.parquet --jobs N``
process; the table gives its seconds (wall clock), the CPU seconds of it and
its workers (on a machine shared with other work, the wall clock is the
larger), characters per second, the facts and their sources, and the peak
resident memory of the main process and of the largest worker. The corpus is written to a temporary folder (``--keep DIR``
keeps it) and is about 60 KB a report.
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

_PROBE = """
import json, resource, sys, time
from cnreport.cli import main
start = time.perf_counter()
status = main(sys.argv[1:])
took = time.perf_counter() - start
me, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"status": status, "seconds": took,
                  "cpu_seconds": me.ru_utime + me.ru_stime + workers.ru_utime + workers.ru_stime,
                  "peak_mb": me.ru_maxrss / 1024, "worker_peak_mb": workers.ru_maxrss / 1024}))
"""

# Invented company names: a word and a trade, in both scripts.
_WORDS = [("星云", "星雲"), ("海岳", "海岳"), ("青禾", "青禾"), ("远川", "遠川"), ("朗峰", "朗峰"), ("云帆", "雲帆"),
          ("北辰", "北辰"), ("瀚海", "瀚海"), ("启明", "啟明"), ("金桥", "金橋"), ("华澜", "華瀾"), ("鼎泰", "鼎泰"),
          ("松石", "松石"), ("明湖", "明湖"), ("长风", "長風"), ("嘉禾", "嘉禾"), ("银杉", "銀杉"), ("丰源", "豐源"),
          ("蓝湾", "藍灣"), ("锦程", "錦程"), ("安澜", "安瀾"), ("恒川", "恆川"), ("景行", "景行"), ("西岭", "西嶺"),
          ("南溪", "南溪")]
_TRADES = [("科技", "科技"), ("电气", "電氣"), ("药业", "藥業"), ("物流", "物流"), ("食品", "食品"), ("材料", "材料"),
           ("传媒", "傳媒"), ("汽车", "汽車"), ("能源", "能源"), ("软件", "軟件")]

# (simplified, traditional) sentences with no figures, the narrative between the figures.
_NARRATIVE = [
    ("公司继续推进产品结构调整，重点发展高附加值业务。", "公司繼續推進產品結構調整，重點發展高附加值業務。"),
    ("管理层表示，将在稳健经营的前提下扩大海外市场布局。", "管理層表示，將在穩健經營的前提下擴大海外市場佈局。"),
    ("报告期内，公司完善了内部控制体系，提升了运营效率。", "報告期內，公司完善了內部控制體系，提升了營運效率。"),
    ("行业竞争依然激烈，原材料价格波动对成本控制提出了更高要求。", "行業競爭依然激烈，原材料價格波動對成本控制提出了更高要求。"),
    ("公司加强研发团队建设，并与多所高校开展合作。", "公司加強研發團隊建設，並與多所高校開展合作。"),
    ("分析人士认为，需求回暖有助于公司下半年的业绩表现。", "分析人士認為，需求回暖有助於公司下半年的業績表現。"),
    ("董事会审议通过了关于调整组织架构的议案。", "董事會審議通過了關於調整組織架構的議案。"),
    ("公司坚持以客户为中心，持续优化服务流程。", "公司堅持以客戶為中心，持續優化服務流程。"),
]


class Company:
    """A company's true figures, period by period (revenue and net profit
    in 元, a gross margin, employees), drawn once from the seed."""

    def __init__(self, rng: random.Random, n: int) -> None:
        word, trade = _WORDS[n % len(_WORDS)], _TRADES[(n // len(_WORDS)) % len(_TRADES)]
        # past the first 250 names, another word before the name (海岳星云科技):
        # a name is all Chinese, as a reader takes names
        rounds = n // (len(_WORDS) * len(_TRADES))
        lead = ("", "") if rounds == 0 else _WORDS[(n + rounds) % len(_WORDS)]
        self.simplified = lead[0] + word[0] + trade[0]
        self.traditional = lead[1] + word[1] + trade[1]
        base = rng.randint(2_000, 900_000) * 100_000  # 2亿 to 900亿
        self.figures: dict[int, tuple[int, int, int, int]] = {}
        for year in range(2010, 2030):
            base = base * rng.randint(90, 125) // 100 // 10_000 * 10_000
            self.figures[year] = (base, base * rng.randint(3, 18) // 100 // 10_000 * 10_000, rng.randint(150, 650),
                                  rng.randint(300, 60_000))

    def name(self, traditional: bool) -> str:
        return self.traditional if traditional else self.simplified


def _wan(v: int) -> str:
    return f"{Decimal(v) / 10_000:,.2f}"


def _yi(v: int) -> str:
    """In 亿, rounded half up to the million as reports print it."""
    return str((Decimal(v) / 100_000_000).quantize(Decimal("0.01"), ROUND_HALF_UP))


def _table(c: Company, year: int, rng: random.Random) -> str:
    now, before = c.figures[year], c.figures[year - 1]
    revised = before[1] + rng.choice([0] * 9 + [rng.randint(-50, 50) * 10_000])  # now and then restated
    rows = [("营业收入", now[0], before[0]), ("归属于上市公司股东的净利润", now[1], revised)]
    lines = [f"{c.simplified}股份有限公司 {year} 年年度报告", "", "一、主要会计数据和财务指标", "",
             "单位：万元 币种：人民币", "", f"| 项目 | {year}年 | {year - 1}年 | 本年比上年增减(%) |",
             "|---|---|---|---|"]
    for label, a, b in rows:
        lines.append(f"| {label} | {_wan(a)} | {_wan(b)} | {(a - b) * 100 / b:.2f} |")
    return "\n".join(lines) + "\n"


# The parts of a year a paragraph may be about: (simplified, traditional, share of the year in % from-to).
_PARTS = [("", "", (100, 100)), ("上半年", "上半年", (40, 60)), ("第一季度", "第一季度", (18, 32)),
          ("第二季度", "第二季度", (18, 32)), ("第三季度", "第三季度", (18, 32)), ("第四季度", "第四季度", (18, 32))]


def _figures(c: Company, year: int, part: int) -> tuple[int, int, int]:
    """Revenue, net profit and gross margin (per mille) of a part of a year,
    the same in every report that states them."""
    rev, profit, margin, _ = c.figures[year]
    if part == 0:
        return rev, profit, margin
    rng = random.Random(f"{c.simplified}/{year}/{part}")
    share = rng.randint(*_PARTS[part][2])
    return rev * share // 100 // 10_000 * 10_000, profit * share // 100 // 10_000 * 10_000, margin + rng.randint(-30, 30)


def _news(c: Company, year: int, part: int, form: int, traditional: bool, rng: random.Random) -> str:
    """A paragraph about a company's period in one of three forms."""
    rev, profit, margin = _figures(c, year, part)
    before = _figures(c, year - 1, part)
    change = (rev - before[0]) * 100 / before[0]
    grew = (profit - before[1]) * 100 / before[1]
    if rng.random() < 0.002:  # a figure that disagrees with the others
        rev += rng.randint(1, 30) * 10_000_000
    name, when = c.name(traditional), f"{year}年{_PARTS[part][traditional]}"
    if traditional:
        up, down = "按年增長", "按年下跌"
        forms = [f"{name}{when}營收為{_yi(rev)}億元，{up if change >= 0 else down}{abs(change):.1f}%；"
                 f"淨利潤為{_yi(profit)}億元，毛利率為{margin / 10:.1f}%。",
                 f"{when}，{name}錄得營業收入{_yi(rev)}億元，淨利潤{_yi(profit)}億元。",
                 f"{name}{when}股東應佔淨利潤為{_yi(profit)}億元，{up if grew >= 0 else down}{abs(grew):.1f}%。"]
    else:
        up, down = "同比增长", "同比下降"
        forms = [f"{name}{when}营业收入{_yi(rev)}亿元，{up if change >= 0 else down}{abs(change):.1f}%；"
                 f"净利润{_yi(profit)}亿元，毛利率为{margin / 10:.1f}%。",
                 f"{when}，{name}实现营业收入{_yi(rev)}亿元，净利润{_yi(profit)}亿元。",
                 f"{name}{when}归母净利润为{_yi(profit)}亿元，{up if grew >= 0 else down}{abs(grew):.1f}%。"]
    text = forms[form]
    if part == 0 and form == 0:
        staff = c.figures[year][3]
        text += f"截至{year}年底，{name}員工{staff:,}人。" if traditional else f"截至{year}年底，{name}员工共有{staff:,}人。"
    return text


def report(companies: list[Company], n: int, chars: int, seed: int) -> str:
    """The ``n``-th report: about ``chars`` characters, its paragraphs about
    its company's year, its parts and the three years before, each stated
    once (a report repeats a paragraph only when it has said all of them)."""
    rng = random.Random(seed * 1_000_003 + n)
    own = companies[n % len(companies)]
    year = 2017 + (n // len(companies)) % 12
    traditional = rng.random() < 0.4
    parts = [_table(own, year, rng) if not traditional else f"{own.traditional}公佈{year}年全年業績\n"]
    size = len(parts[0])
    said: list[tuple[int, int, int]] = []
    while size < chars:
        if rng.random() < 0.45:
            text = "".join(s[traditional] for s in rng.sample(_NARRATIVE, 3))
        else:
            if not said:
                said = [(y, p, f) for y in range(year - 3, year + 1) for p in range(len(_PARTS)) for f in range(3)]
                rng.shuffle(said)
            y, p, f = said.pop()
            text = _news(own, y, p, f, traditional, rng)
        parts.append(text + "\n")
        size += len(text) + 1
    return "\n".join(parts)


def write_corpus(folder: Path, reports: int, chars: int, seed: int = 7) -> int:
    """Write the corpus; returns its characters."""
    rng = random.Random(seed)
    companies = [Company(rng, k) for k in range(max(1, reports // 20))]
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for n in range(reports):
        text = report(companies, n, chars, seed)
        (folder / f"report-{n:05d}.{'md' if '|---|' in text else 'txt'}").write_text(text, encoding="utf-8")
        total += len(text)
    return total


def measure(folder: Path, out: Path, jobs: int) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", _PROBE, "collect", str(folder), "-o", str(out), "--jobs", str(jobs)],
                          capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
    summary = done.stderr.strip().splitlines()[-1]  # "N facts (M in conflict) from K files"
    result["facts"] = int(summary.split()[1])
    result["conflicts"] = int(summary.split("(")[1].split()[0])
    import pyarrow.parquet as pq

    result["sources"] = sum(pq.read_table(out, columns=["n_sources"]).column("n_sources").to_pylist())
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, nargs="+", default=[10_000])
    parser.add_argument("--chars", type=int, default=20_000, help="characters a report (about)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="write the corpora here and keep them")
    args = parser.parse_args()
    print("| reports | characters | seconds | CPU seconds | chars/s | facts | sources | in conflict | peak MB "
          "| worker peak MB |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        for n in args.reports:
            folder = base / f"corpus-{n}"
            started = time.perf_counter()
            chars = write_corpus(folder, n, args.chars)
            print(f"(corpus of {n:,} reports written in {time.perf_counter() - started:.0f} s)", file=sys.stderr)
            r = measure(folder, Path(tmp) / f"facts-{n}.parquet", args.jobs)
            print(f"| {n:,} | {chars:,} | {r['seconds']:.0f} | {r['cpu_seconds']:.0f} | {chars / r['seconds']:,.0f} "
                  f"| {r['facts']:,} "
                  f"| {r['sources']:,} | {r['conflicts']:,} | {r['peak_mb']:,.0f} | {r['worker_peak_mb']:,.0f} |",
                  flush=True)


if __name__ == "__main__":
    main()
