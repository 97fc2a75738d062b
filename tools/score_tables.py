#!/usr/bin/env python3
"""Score the table figures of ``cnreport.parse`` against hand-annotated cells.

    python tools/score_tables.py --gold CELLS.jsonl --pages DIR [--split heldout] [--misses 20]

``DIR`` holds report pages as PDF parsers render them, one folder per parser
(``marker/NAME.md``, ``magic-pdf/NAME.md``, ``dots-ocr/NAME.json``, and
``pdf/NAME.pdf``, read by cnreport when ``cnreport[pdf]`` is installed and by
``pdftotext -layout`` when poppler is). The gold is JSON Lines,
one line per figure cell that a reader of the page can see::

    {"page": NAME, "split": "dev" | "heldout", "printed": "1,026.53", "value": "10265300",
     "unit": "元" | null, "row": "营业收入", "period": "2023年" | null}

``value`` is the exact scaled value as a string, ``unit`` the unit without
its magnitude (null when the page declares none), ``row`` the row label and
``period`` the column's period as printed (null when no header shows one).

Each gold cell is matched to a metric of the same page whose printed digits
are the cell's (its mention's, or its whole cell's for a cell printed in
pieces over lines), the nearest unused one after the previous match in
reading order (a table's figures row by row, the others where they are
mentioned: a wrapped row prints its amounts' first pieces on the line above
its shares, and the gold lists them as the row reads). Figures
(over all gold cells, a cell that no metric reads counts as wrong):

  found    a metric reads the cell
  value    its value is the gold value, exactly
  unit     its unit is the gold unit (null for null)
  row      its subject or row label matches the row: equal, or one holds the
           other with at most three more characters (spaces left out)
  period   its period matches the same way, over cells whose gold has one
  declarations read as figures: scale and currency declarations of the
           rendered text (单位：…, 币种：…, (…千元), RMB'000) that a number
           of the report overlaps
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Optional

import cnreport

_DECLARATION = re.compile(
    r"(?:单位|單位|币种|幣種)\s*[:：]\s*(?:<br>)?\s*[^\s|<\"]{1,10}"
    r"|[(（][^()（）\n]{0,12}(?:千元|万元|萬元|百万元|百萬元|亿元|億元)[^()（）\n]{0,6}[)）]"
    r"|(?:RMB|HK\$|US\$)\s*['’]000|(?:人民币|人民幣)(?:千|万|萬|百万|百萬)元")


def digits(s: str) -> str:
    return "".join(c for c in s if c.isdigit())


def printed(m: Any) -> str:
    """The digits of a metric's cell when the cell is printed in pieces over
    lines (an amount wrapped around its row's line is mentioned by its first
    piece), else of its mention."""
    if m.cell is not None and "\n" in m.cell.text and digits(m.cell.text).startswith(digits(m.mention.text)):
        return digits(m.cell.text)
    return digits(m.mention.text)


def squeeze(s: Optional[str]) -> Optional[str]:
    return None if s is None else "".join(s.split()).replace("（", "(").replace("）", ")")


def close(pred: Optional[str], gold: Optional[str]) -> bool:
    p, g = squeeze(pred), squeeze(gold)
    if not p or not g:
        return False
    return p == g or ((g in p or p in g) and abs(len(p) - len(g)) <= 3)


def exact_text(v: object) -> Optional[str]:
    if v is None:
        return None
    return format(v, "f") if hasattr(v, "as_tuple") else str(v)


def renderings(pages: Path, name: str) -> dict[str, Any]:
    """The texts (or PDF path) of one page, by parser."""
    out: dict[str, Any] = {}
    for parser, ext in (("marker", "md"), ("magic-pdf", "md")):
        p = pages / parser / f"{name}.{ext}"
        if p.exists():
            out[parser] = p.read_text(encoding="utf-8")
    p = pages / "dots-ocr" / f"{name}.json"
    if p.exists():
        raw = p.read_text(encoding="utf-8")
        out["dots-ocr"] = "\n\n".join(b.get("text", "") for b in json.loads(raw))
        out["dots-ocr-json"] = raw
    p = pages / "pdf" / f"{name}.pdf"
    if p.exists() and shutil.which("pdftotext"):  # aligned columns, as poppler prints them
        run = subprocess.run(["pdftotext", "-layout", str(p), "-"], capture_output=True, timeout=60)
        out["pdftotext"] = run.stdout.decode("utf-8", "replace")
    if p.exists():
        try:
            import cnreport.pdf  # noqa: F401
            out["pdf"] = p
        except ImportError:
            pass
    return out


def read(thing: Any) -> tuple[str, Any]:
    if isinstance(thing, Path):
        from cnreport.pdf import read_pdf
        text = read_pdf(thing)
        return text, cnreport.parse(text)
    return thing, cnreport.parse(thing)


def reading_order(report: Any) -> list[Any]:
    """The metrics in the order a reader reads the page: a table's figures
    row by row, at the start of their row (a cell printed in pieces over
    lines stands on its row, not where its first piece is printed), the
    others where they are mentioned."""
    rows: dict[tuple[int, int], int] = {}
    for t, table in enumerate(report.tables):
        for cell in table.cells:
            rows[t, cell.row] = min(rows.get((t, cell.row), cell.start), cell.start)

    def key(m: Any) -> tuple[int, int, int]:
        if m.cell is not None:
            return (rows.get((m.cell.table, m.cell.row), m.mention.start), m.cell.column, m.mention.start)
        return (m.mention.start, -1, m.mention.start)
    return sorted(report.metrics, key=key)


def score_page(gold: list[dict[str, Any]], text: str, report: Any, c: Counter[str],
               misses: list[tuple[str, ...]], tag: str) -> None:
    metrics = reading_order(report)
    used: set[int] = set()
    cursor = 0
    for g in gold:
        c["gold"] += 1
        c["period_gold"] += g["period"] is not None
        want = digits(g["printed"])
        cands = [i for i, m in enumerate(metrics) if i not in used and want in (digits(m.mention.text), printed(m))]
        if not cands:
            misses.append((tag, g["printed"], "not read"))
            continue
        i = min(cands, key=lambda j: (j < cursor, abs(j - cursor)))
        used.add(i)
        cursor = i
        m = metrics[i]
        c["found"] += 1
        ok_value = exact_text(m.mention.value) == g["value"]
        ok_unit = m.mention.unit == g["unit"]
        label = m.cell.row_label if m.cell is not None else None
        ok_row = close(m.subject, g["row"]) or close(label, g["row"])
        c["value"] += ok_value
        c["unit"] += ok_unit
        c["row"] += ok_row
        if g["period"] is not None:
            ok_period = close(m.period, g["period"])
            c["period"] += ok_period
            if not ok_period:
                misses.append((tag, g["printed"], f"period {m.period!r} want {g['period']!r}"))
        if not ok_value:
            misses.append((tag, g["printed"], f"value {exact_text(m.mention.value)} want {g['value']}"))
        if not ok_unit:
            misses.append((tag, g["printed"], f"unit {m.mention.unit!r} want {g['unit']!r}"))
        if not ok_row:
            misses.append((tag, g["printed"], f"row {m.subject!r} want {g['row']!r}"))
    for d in _DECLARATION.finditer(text):
        c["declarations"] += 1
        if any(n.start < d.end() and d.start() < n.end for n in report.numbers):
            c["declarations_as_figures"] += 1
            misses.append((tag, d.group(0), "declaration read as a figure"))


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", required=True, type=Path)
    ap.add_argument("--pages", required=True, type=Path)
    ap.add_argument("--split", default="", help="only gold lines of this split")
    ap.add_argument("--misses", type=int, default=0)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    by_page: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in a.gold.read_text(encoding="utf-8").splitlines():
        if line.strip():
            g = json.loads(line)
            if not a.split or g.get("split") == a.split:
                by_page[g["page"]].append(g)
    results: dict[str, Counter[str]] = defaultdict(Counter)
    misses: list[tuple[str, ...]] = []
    for name, gold in by_page.items():
        for parser, thing in renderings(a.pages, name).items():
            text, report = read(thing)
            score_page(gold, text, report, results[parser], misses, f"{parser}:{name}")
    table = {}
    for parser, c in sorted(results.items()):
        def r(k: str, n: str = "gold", c: Counter[str] = c) -> float:
            return round(c[k] / c[n], 4) if c[n] else 0.0
        table[parser] = {"cells": c["gold"], "found": r("found"), "value": r("value"), "unit": r("unit"),
                         "row": r("row"), "period": r("period", "period_gold"),
                         "declarations": c["declarations"],
                         "declarations_as_figures": c["declarations_as_figures"]}
    if a.json:
        print(json.dumps(table, ensure_ascii=False))
    else:
        for parser, row in table.items():
            print(f"{parser:14}", ", ".join(f"{k}={v}" for k, v in row.items()))
        for x in misses[:a.misses]:
            print("   miss:", *x)
    return 0


if __name__ == "__main__":
    sys.exit(main())
