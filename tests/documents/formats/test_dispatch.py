"""What a file is comes from its bytes: sniffing, suffix mismatches, formats we cannot read."""
from __future__ import annotations

import codecs
import io
import zipfile

import pytest

from graphbuilder.documents.formats import sniff
from graphbuilder.documents.read import find_inputs, read_issue
from graphbuilder.records import Severity

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600


def zipped(name: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize("raw, kind", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "pdf"),
    (b"\r\n\r\njunk before the header %PDF-1.4\n", "pdf"),
    (zipped("word/document.xml"), "docx"),
    (zipped("xl/workbook.xml"), "zip"),
    (OLE, "ole"),
    (b"<!DOCTYPE html><html><body><p>\xe4\xbb\xbb</p></body></html>", "html"),
    (codecs.BOM_UTF8 + b"\n  <html lang='zh'><head><meta charset='utf-8'>", "html"),
    (codecs.BOM_UTF16_LE + "<html><body>任命</body></html>".encode("utf-16-le"), "html"),
    (b"<div class='zoom'><p>\xe4\xbb\xbb</p></div>", "html"),
    ("三门峡市人民政府\n关于任命的通知\n".encode("gb18030"), "text"),
    ("《三门峡市人民政府公报》<内部资料>\n".encode("utf-8"), "text"),
])
def test_sniff(raw, kind):
    assert sniff(raw) == kind


def test_pdf_named_txt_is_read_as_pdf(rendered, tmp_path):
    path = tmp_path / "gazette.txt"
    path.write_bytes(rendered["002.pdf"].read_bytes())
    issue, diagnostics = read_issue(path)
    assert [(d.code, d.severity) for d in diagnostics] == [("GB110", Severity.INFO)]
    assert "content is PDF, not text as the name says: read as PDF" in diagnostics[0].message
    assert issue.encoding == "pdf" and "三政办〔2020〕6号" in issue.text


def test_text_named_pdf_is_read_as_text(seed_paths, tmp_path):
    path = tmp_path / "gazette.pdf"
    path.write_bytes(seed_paths["002"].read_bytes())
    issue, diagnostics = read_issue(path)
    assert [d.code for d in diagnostics] == ["GB110"]
    assert issue.text == seed_paths["002"].read_text(encoding="utf-8")


@pytest.mark.parametrize("name, raw, words", [
    ("notice.doc", OLE, "legacy Word/WPS/Excel file"),
    ("notice.docx", zipped("xl/workbook.xml"), "not a Word document"),
    ("notice.ofd", zipped("OFD.xml"), "not a Word document"),
])
def test_unreadable_containers_say_what_to_do(tmp_path, name, raw, words):
    path = tmp_path / name
    path.write_bytes(raw)
    issue, diagnostics = read_issue(path)
    assert issue is None and diagnostics[-1].code == "GB104" and words in diagnostics[-1].message
    assert str(diagnostics[-1]).startswith(f"{path}: GB104 warning: format not supported")


def test_html_saved_as_doc_is_read(tmp_path):
    """Sites often serve an HTML page as a .doc download."""
    path = tmp_path / "notice.doc"
    path.write_bytes("<html><body><p>任命詹传江为三门峡市财政局副局长。</p></body></html>".encode("utf-8"))
    issue, diagnostics = read_issue(path)
    assert diagnostics == [] and issue.text == "任命詹传江为三门峡市财政局副局长。\n"


def test_damaged_docx_is_an_error_not_a_traceback(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(zipped("word/document.xml"))         # a document part that is not WordprocessingML
    issue, diagnostics = read_issue(path)
    assert issue is None and [(d.code, d.severity) for d in diagnostics] == [("GB109", Severity.ERROR)]
    assert "cannot read this Word (.docx) file" in diagnostics[0].message


def test_folders_take_every_readable_format(tmp_path):
    for name in ["a.txt", "b.pdf", "c.HTML", "d.htm", "e.docx", "f.doc", "g.png", "h.md", "sub/i.pdf"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    files, diagnostics = find_inputs([tmp_path])
    assert [f.relative_to(tmp_path).as_posix() for f in files] == [
        "a.txt", "b.pdf", "c.HTML", "d.htm", "e.docx", "f.doc", "sub/i.pdf"]
    assert sorted((d.code, d.severity) for d in diagnostics) == [("GB105", Severity.INFO)] * 2
