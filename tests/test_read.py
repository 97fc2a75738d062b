"""Files to text: encodings told apart, binary refused by name, HTML read
to a text of the same length."""
from __future__ import annotations

import codecs
import io
import pickle
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cnreport import BinaryFileError, ReadError
from cnreport.read import Decoded, decode, read_bytes, read_file, sniff, suffixes, visible_text

# Sentences of ours, with invented figures.
TW = "本公司今年第一季合併營收為新臺幣三百二十億元，較去年同期成長百分之八，毛利率維持在四成左右。"
HK = "本集團截至十二月三十一日止年度之收入為港幣十二億元，股東應佔溢利較去年增長兩成，董事會建議派發末期股息。"
CN = "公司上半年实现营业收入十二亿元，同比增长百分之十八，净利润三亿元，研发投入占营业收入的比例为百分之六。"


@pytest.mark.parametrize("text, data, encoding", [
    (CN, CN.encode("utf-8"), "utf-8"),
    (CN, codecs.BOM_UTF8 + CN.encode("utf-8"), "utf-8-sig"),
    (TW, TW.encode("utf-16"), "utf-16"),
    (TW, codecs.BOM_UTF16_BE + TW.encode("utf-16-be"), "utf-16"),
    (CN, CN.encode("gb18030"), "gb18030"),
    (TW, TW.encode("gb18030"), "gb18030"),  # traditional characters in GB18030
    (TW, TW.encode("big5"), "big5"),
    (HK, HK.encode("big5"), "big5"),
    ("深水埗的舖頭" + HK, ("深水埗的舖頭" + HK).encode("big5hkscs"), "big5hkscs"),
    ("Revenue rose 12%.", b"Revenue rose 12%.", "utf-8"),
    ("", b"", "utf-8"),
])
def test_encodings_are_told_apart(text: str, data: bytes, encoding: str) -> None:
    assert decode(data) == Decoded(text, encoding, None)


def test_short_legacy_text_is_read_right_but_called_a_guess() -> None:
    for text, encoding in (("營收50億元", "big5"), ("收入1.1亿元", "gb18030"), ("員工4萬人", "big5")):
        decoded = decode(text.encode(encoding))
        assert (decoded.text, decoded.encoding) == (text, encoding)
        assert decoded.doubt is not None and "Chinese characters" in decoded.doubt


@pytest.mark.parametrize("data, what", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
    (b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive, such as .docx or .xlsx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Office 97-2003 file"),
    (b"\x7fELF\x02\x01\x01", "a program"),
    (b"abc\x00def" * 10, "it holds NUL bytes"),
    (bytes(range(1, 9)) * 50, "one byte in twenty is a control character"),
    ("Revenue rose 12%, 營收".encode("utf-16-le"), "it looks like UTF-16 without a byte order mark: "
                                       "name utf-16-le or utf-16-be"),
])
def test_binary_files_are_named(data: bytes, what: str) -> None:
    with pytest.raises(BinaryFileError) as err:
        decode(data, source="x.txt")
    assert str(err.value) == f"x.txt: a binary file ({what}), not text"


def test_undecodable_and_wrongly_named_input() -> None:
    with pytest.raises(ReadError, match="not valid utf-16"):
        decode(b"\xff\xfe\x00\xd8")
    with pytest.raises(ReadError, match=r"not valid utf-8: byte 0xb9 at 0"):
        decode(CN.encode("gb18030"), encoding="utf-8")
    with pytest.raises(ReadError, match="unknown encoding 'klingon'"):
        decode(b"abc", encoding="klingon")
    with pytest.raises(TypeError):
        decode("already text")  # type: ignore[arg-type]


def test_errors_pickle() -> None:
    err = BinaryFileError("a binary file (a PNG image), not text", "a.txt")
    again = pickle.loads(pickle.dumps(err))
    assert (type(again), str(again), again.source) == (BinaryFileError, str(err), "a.txt")
    assert isinstance(again, ValueError)


def test_a_large_file_is_sniffed_a_block_at_a_time() -> None:
    # The error that makes it Big5 is past the first megabyte.
    data = ("營收" + "，" * 10).encode("big5") * 60000 + TW.encode("big5")
    assert len(data) > 1 << 20
    guess = sniff(io.BytesIO(data))
    assert guess.encoding == "big5"
    valid_until_the_end = CN.encode("utf-8") * 40000 + "收入".encode("gb18030")
    with pytest.raises(ReadError) as err:
        sniff(io.BytesIO(valid_until_the_end), source="mixed.txt")
    at = len(valid_until_the_end) - 4
    assert str(err.value) == (f"mixed.txt: not UTF-8, GB18030 or Big5 (UTF-8 breaks at byte {at}, "
                              "0xca); name its encoding")


def test_an_html_file_keeps_offsets_and_its_declared_charset(tmp_path: Path) -> None:
    page = ('<html><head><meta charset="big5"><title>年報</title><style>td{color:red}</style></head>'
            '<body><!-- 舊的數字 100元 --><table><tr><td>營收</td><td>5&#44;000萬元</td></tr></table>'
            '<p>員工&nbsp;<b>4萬</b>人</p><script>var n = "<p>9萬</p>";</script></body></html>')
    path = tmp_path / "report.HTML"
    path.write_bytes(page.encode("big5"))
    doc = read_file(path)
    assert (doc.format, doc.encoding, doc.doubt, doc.raw) == ("html", "big5", None, page)
    assert len(doc.text) == len(doc.plain) == len(doc.raw)
    assert "<table><tr><td>營收</td>" in doc.text and "舊的數字" not in doc.text and "9萬" not in doc.text
    assert doc.plain.split() == ["年報", "營收", "5,", "000萬元", "員工", "4萬", "人"]
    start = doc.plain.index("4萬")
    assert doc.raw[start:start + 2] == "4萬" == doc.text[start:start + 2]


def test_markdown_and_unnamed_html() -> None:
    md = "# 年報\n\n| 項目 | 金額 |\n|---|---|\n| 營收 | 3億元 |\n"
    doc = read_bytes(md.encode("utf-8"), format="markdown")
    assert doc.text == doc.plain == doc.raw == md
    assert read_bytes(b"<!DOCTYPE html><p>\xe6\x94\xb6\xe5\x85\xa5</p>").format == "html"


def test_pdf_needs_its_reader() -> None:
    if ".pdf" in suffixes():
        pytest.skip("the PDF reader is installed here")
    with pytest.raises(ReadError, match=r"PDF reader is not installed"):
        read_bytes(b"%PDF-1.7\n", source="a.pdf")


@given(st.text(alphabet=st.sampled_from(list("<>/!-&#;ap tdrbscriptstyle=\"'\n營收5億元")), max_size=200))
def test_visible_text_keeps_the_length_and_never_raises(markup: str) -> None:
    text = visible_text(markup)
    assert len(text) == len(markup)
    assert all(c == m or c in " \n\t" or m == "&" for c, m in zip(text, markup) if c != m)


@given(st.text(max_size=300))
def test_any_text_in_utf8_comes_back(text: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    try:
        decoded = decode(data)
    except BinaryFileError:
        return  # control characters and NUL make it binary, by name
    except ReadError:
        assert any(0xD800 <= ord(c) <= 0xDFFF for c in text)
        return
    assert decoded.text == text.removeprefix("\ufeff")
