"""PDF input: pages generated here with reportlab's built-in CJK font, invented figures."""
from __future__ import annotations

import io
from decimal import Decimal

import pytest

pytest.importorskip("pdfplumber")
reportlab = pytest.importorskip("reportlab")

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Table, TableStyle

import cnreport
from cnreport.pdf import PdfError, ScannedPageWarning, read_pdf, read_pdf_pages

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def _table(c: canvas.Canvas, rows: list[list[str]], y: float, spans: tuple[tuple[int, int, int, int], ...] = ()) -> None:
    t = Table(rows)
    style = [("FONT", (0, 0), (-1, -1), FONT, 9), ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
    style += [("SPAN", (a, b), (cc, d)) for a, b, cc, d in spans]
    t.setStyle(TableStyle(style))
    _, h = t.wrapOn(c, 500, 300)
    t.drawOn(c, 60, y - h)


def _report() -> bytes:
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    c.setFont(FONT, 10)
    c.drawString(60, 800, "示范材料股份有限公司 2023 年年度报告")
    c.drawString(60, 770, "单位：万元 币种：人民币")
    _table(c, [["项目", "本报告期", ""], ["", "2023年", "2022年"], ["营业收入", "1,026.53", "(12.5)"],
               ["毛利率(%)", "23.10", "21.00"]], 760, spans=((0, 0, 0, 1), (1, 0, 2, 0)))
    c.showPage()
    c.setFont(FONT, 10)
    c.drawString(60, 800, "单位：元")
    _table(c, [["项目", "期末余额", "期初余额"], ["货币资金", "5,000.00", "-"]], 790)
    c.drawString(60, 700, "本年共有员工1,200人。")
    c.showPage()
    c.save()
    return out.getvalue()


def test_pdf_tables_become_scaled_metrics_with_their_page() -> None:
    text = read_pdf(_report(), source="r.pdf")
    report = cnreport.parse(text, source="r.pdf")
    got = [(m.mention.value, m.mention.unit, m.subject, m.period, m.page)
           for m in report.metrics if m.cell is not None]
    assert got == [(10265300, "元", "营业收入", "2023年", 1), (-125000, "元", "营业收入", "2022年", 1),
                   (Decimal("23.1"), "%", "毛利率(%)", "2023年", 1), (21, "%", "毛利率(%)", "2022年", 1),
                   (5000, "元", "货币资金", "期末", 2)]
    assert [p.number for p in report.pages] == [1, 2]
    prose = [m for m in report.metrics if m.cell is None and m.mention.value == 1200]
    assert [(m.mention.unit, m.page) for m in prose] == [("人", 2)]
    ref = report.metrics[0].cell
    assert ref is not None and (ref.column_label, ref.scale and ref.scale.factor) == ("本报告期 2023年", 10000)


def test_pdf_from_a_path_keeps_its_pages(tmp_path: object) -> None:
    import pathlib
    path = pathlib.Path(str(tmp_path)) / "r.pdf"
    path.write_bytes(_report())
    pages = read_pdf_pages(path)
    assert [(p.number, pages.text[p.start:p.end].splitlines()[0]) for p in pages.pages] == [
        (1, "示范材料股份有限公司 2023 年年度报告"), (2, "单位：元")]
    assert pages.scanned == ()


def _image_only(pages: int) -> bytes:
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    for _ in range(pages):
        c.rect(100, 100, 300, 300, fill=1)  # a picture of a page: no characters
        c.showPage()
    c.save()
    return out.getvalue()


def test_a_scanned_pdf_is_said_to_be_one() -> None:
    with pytest.raises(PdfError, match="scanned images"):
        read_pdf(_image_only(2), source="scan.pdf")


def test_a_scanned_page_among_text_pages_is_warned_of() -> None:
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    c.setFont(FONT, 10)
    c.drawString(60, 800, "营业收入100万元")
    c.showPage()
    c.rect(100, 100, 300, 300, fill=1)
    c.showPage()
    c.save()
    with pytest.warns(ScannedPageWarning, match="pages 2 have no text layer"):
        pages = read_pdf_pages(out.getvalue(), source="mixed.pdf")
    assert pages.scanned == (2,)


@pytest.mark.parametrize("data, message", [
    (b"<html>no</html>", "not a PDF"), (b"%PDF-1.4\n%%EOF", "cannot be read"),
])
def test_bad_pdfs_are_clear_errors(data: bytes, message: str) -> None:
    with pytest.raises(PdfError, match=message) as err:
        read_pdf(data, source="bad.pdf")
    assert err.value.source == "bad.pdf" and isinstance(err.value, ValueError)


def test_too_many_pages_is_an_error() -> None:
    with pytest.raises(PdfError, match="2 pages; read at most 1"):
        read_pdf_pages(_report(), max_pages=1)


def test_parse_a_pdf_path_and_the_command_line_csv(tmp_path: object) -> None:
    import csv
    import pathlib

    from cnreport.cli import main
    path = pathlib.Path(str(tmp_path)) / "r.pdf"
    path.write_bytes(_report())
    report = cnreport.parse(path)
    assert report.metrics[0].source == str(path) and report.metrics[0].page == 1
    out = pathlib.Path(str(tmp_path)) / "out.csv"
    assert main(["parse", str(path), "--format", "csv", "-o", str(out), "--no-progress"]) == 0
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    cells = [(r["printed"], r["value"], r["page"], r["row"], r["column"], r["scale"]) for r in rows if r["table"]]
    assert cells[0] == ("1,026.53", "10265300", "1", "2", "1", "单位：万元 币种：人民币")
    assert ("5,000.00", "5000", "2", "1", "1", "单位：元") in cells
    assert any(r["text"] == "1,200人" and r["page"] == "2" and not r["table"] for r in rows)


def test_one_page_is_a_page() -> None:
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    c.setFont(FONT, 10)
    c.drawString(60, 800, "营业收入100万元")
    c.showPage()
    c.save()
    report = cnreport.parse(read_pdf(out.getvalue()))
    assert [(p.number, m.page) for p, m in zip(report.pages, report.metrics)] == [(1, 1)]


def test_a_hong_kong_and_a_taiwan_statement_in_a_pdf() -> None:
    # traditional script in ruled tables: a notes column, a period spanning the years, items under a
    # per-share line; then 民國 years over paired 金額 and % columns in thousands of New Taiwan dollars
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    c.setFont(FONT, 10)
    c.drawString(60, 800, "簡明綜合損益表")
    _table(c, [["", "", "截至六月三十日止六個月", ""], ["", "附註", "二零二四年", "二零二三年"],
               ["", "", "人民幣千元", "人民幣千元"], ["收益", "4", "1,234,567", "(1,100)"],
               ["每股盈利", "", "", ""], ["－基本（人民幣元）", "10", "0.23", "0.20"]], 790, spans=((2, 0, 3, 0),))
    c.showPage()
    c.setFont(FONT, 10)
    c.drawString(60, 800, "單位：新台幣仟元")
    _table(c, [["", "113年度", "", "112年度", ""], ["項目", "金額", "%", "金額", "%"],
               ["營業收入", "5,678,901", "100", "5,123,456", "100"]], 790, spans=((1, 0, 2, 0), (3, 0, 4, 0)))
    c.showPage()
    c.save()
    report = cnreport.parse(read_pdf(out.getvalue()))
    assert [(m.mention.value, m.mention.unit, m.subject, m.period, m.when.label if m.when else None, m.page)
            for m in report.metrics if m.cell is not None] == [
        (1234567000, "元", "收益", "二零二四年", "2024H1", 1), (-1100000, "元", "收益", "二零二三年", "2023H1", 1),
        (Decimal("0.23"), "元/股", "基本（人民幣元）", "二零二四年", "2024H1", 1),
        (Decimal("0.2"), "元/股", "基本（人民幣元）", "二零二三年", "2023H1", 1),
        (5678901000, "新台币", "營業收入", "113年度", "2024", 2), (100, "%", "營業收入", "113年度", "2024", 2),
        (5123456000, "新台币", "營業收入", "112年度", "2023", 2), (100, "%", "營業收入", "112年度", "2023", 2),
    ]


def _unruled_statement() -> bytes:
    # a Hong Kong statement as such reports print it: no rulings, the figures set right in their columns
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    c.setFont(FONT, 10)
    c.drawString(50, 800, "簡明綜合損益表")
    c.drawString(50, 770, "本期收益增長至1,234,567千元。")
    c.setFont(FONT, 8)
    c.drawCentredString(445, 740, "截至六月三十日止六個月")
    lines = [("", "附註", "二零二四年", "二零二三年"), ("", "", "人民幣千元", "人民幣千元"),
             ("收益", "4", "1,234,567", "1,100,321"), ("財務成本", "6", "(12,345)", "—"),
             ("每股盈利", "", "", ""), ("－基本（人民幣元）", "10", "0.23", "0.20")]
    for n, row in enumerate(lines):
        y = 726 - 14 * n
        c.drawString(40, y, row[0])
        for right, text in zip((316, 425, 535), row[1:]):
            c.drawRightString(right, y, text)
    c.showPage()
    c.save()
    return out.getvalue()


def test_a_statement_without_rulings_keeps_its_columns() -> None:
    text = read_pdf(_unruled_statement())
    report = cnreport.parse(text)
    assert [(m.mention.value, m.mention.unit, m.subject, m.period, m.when.label if m.when else None)
            for m in report.metrics if m.cell is not None] == [
        (1234567000, "元", "收益", "二零二四年", "2024H1"), (1100321000, "元", "收益", "二零二三年", "2023H1"),
        (-12345000, "元", "財務成本", "二零二四年", "2024H1"),
        (Decimal("0.23"), "元/股", "基本（人民幣元）", "二零二四年", "2024H1"),
        (Decimal("0.2"), "元/股", "基本（人民幣元）", "二零二三年", "2023H1"),
    ]
    # prose stays as the page prints it
    assert "本期收益增長至1,234,567千元。" in text.splitlines()
