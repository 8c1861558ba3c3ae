"""Gazettes as users have them: PDF, HTML and Word files, turned into gazette text.

Each reader takes the file's bytes and returns an `Extracted`: the text laid out as
the plain-text gazettes are (a line per paragraph, blank lines between paragraphs,
table rows as tab-separated cells), so segmentation and extraction run unchanged.
What a file *is* comes from its content (`sniff`), not from its name.
"""
from __future__ import annotations

import codecs
import io
import re
import zipfile
from dataclasses import dataclass
from typing import Callable

from graphbuilder.records import Diagnostic, Severity

__all__ = ["Extracted", "problem", "sniff", "reader_for", "KINDS_BY_SUFFIX", "UNREADABLE"]

KINDS_BY_SUFFIX = {".txt": "text", ".pdf": "pdf", ".html": "html", ".htm": "html", ".docx": "docx"}
# Containers we recognise but cannot read, with what to do instead.
UNREADABLE = {
    "ole": "a legacy Word/WPS/Excel file (.doc/.wps/.xls): save it as .docx or PDF",
    "zip": "a ZIP archive that is not a Word document (.xlsx, .ofd …): unpack it or export it as PDF",
}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_START = re.compile(rb"^\s*<(?:!doctype\s+html|html|head|body|meta|title|\?xml[^>]*>\s*<html)\b", re.I)
_HTML_TAG = re.compile(rb"<(?:html|head|body|meta|div|p|table)\b", re.I)


@dataclass(frozen=True, slots=True)
class Extracted:
    """What a format reader found: the text, where pages start, and path-less diagnostics."""
    text: str
    encoding: str                         # reported as Issue.encoding: "pdf", "docx", "html/gb18030"
    page_starts: tuple[int, ...] = ()     # offset in `text` of each page's first character
    problems: tuple[Diagnostic, ...] = ()

    @classmethod
    def failed(cls, *problems: Diagnostic) -> "Extracted":
        return cls("", "", (), problems)


def problem(code: str, message: str, severity: Severity = Severity.ERROR, line: int = 0) -> Diagnostic:
    """A diagnostic without a path: `read.read_issue` names the file."""
    return Diagnostic(path="", line=line, code=code, message=message, severity=severity)


def sniff(raw: bytes) -> str:
    """The kind of content: pdf, docx, html, text, or an UNREADABLE container."""
    if b"%PDF-" in raw[:1024]:            # the header may follow up to 1 KB of junk
        return "pdf"
    if raw.startswith(b"PK\x03\x04"):
        return "docx" if _is_docx(raw) else "zip"
    if raw.startswith(_OLE_MAGIC):
        return "ole"
    return "html" if _looks_html(raw[:2048]) else "text"


def _is_docx(raw: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def _looks_html(head: bytes) -> bool:
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            head = head[len(bom):].decode(codec, "ignore").encode("utf-8")
    head = head.removeprefix(codecs.BOM_UTF8)
    return bool(_HTML_START.match(head)) or (head.lstrip().startswith(b"<") and
                                              len(_HTML_TAG.findall(head)) >= 2)


def reader_for(kind: str) -> Callable[[bytes], Extracted]:
    """The reader of a sniffed kind; imported on demand (pdfplumber takes a moment to load)."""
    if kind == "pdf":
        from graphbuilder.documents.formats.pdf import read_pdf
        return read_pdf
    if kind == "html":
        from graphbuilder.documents.formats.html import read_html
        return read_html
    if kind == "docx":
        from graphbuilder.documents.formats.docx import read_docx
        return read_docx
    raise KeyError(f"no reader for {kind!r}")
