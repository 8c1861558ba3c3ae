"""A government web page → the notice's text, with its title, document number and date.

lxml parses the page (libxml2's HTML parser copes with the tag soup of CMS pages and
is fast). The article is found by text density, not by a list of CMS selectors:
navigation, headers, footers, scripts, forms and link lists are dropped, then from
<body> we step into the container holding most of the remaining Chinese text for as
long as one holds more than half of it. The article is written out like the text gazettes:
a paragraph per block element, <br> as a line break, tables as tab-separated rows
(colspan and rowspan keep their empty cells).

Sites move the title, the document number (文号) and the date out of the article
into the page header, a metadata table or <meta> tags; when the article lacks them
they are put back where a gazette prints them (title and number first, the date
last), so segmentation finds the notice as it would in the printed issue.
"""
from __future__ import annotations

import codecs
import re

from graphbuilder.documents.formats import Extracted, problem
from graphbuilder.documents.normalize import squash
from graphbuilder.records import Severity

BOILERPLATE_TAGS = ("script", "style", "noscript", "template", "iframe", "form", "nav", "header",
                    "footer", "aside", "select", "button", "input", "object", "svg")
BLOCK_TAGS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
                        "blockquote", "pre", "section", "article", "center", "address", "figure",
                        "figcaption", "hr", "main", "tr"})
# class / id words of page furniture on Chinese government sites (当前位置, 分享, 相关文章 …)
RE_FURNITURE = re.compile(r"(?:^|[\s_-])(?:nav|menu|header|footer|foot|breadcrumbs?|crumbs?|position|"
                          r"location|share|related|relate|sidebar|side|copyright|toolbar|print|search|"
                          r"top-bar|topbar|banner|logo|pager|pagination)(?:$|[\s_-])", re.I)
RE_CJK = re.compile(r"[\u3400-\u9fff]")
RE_SPACES = re.compile(r"[ \t\r\n\f]+")
RE_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w-]+)", re.I)
RE_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
RE_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}\s*[〔［\[（(]\s*(?:19|20)\d{2}\s*[〕］\]）)]\s*\d{1,4}\s*号")
RE_DATE = re.compile(r"((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?")
RE_DATE_LINE = re.compile(r"^\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$", re.M)
LABELS = {   # field → labels a site prints before it
    "number": r"(?:文\s*号|发文字号)",
    "written": r"(?:成文日期|印发日期|签发日期)",
    "published": r"(?:发布日期|发布时间|公开日期|发文日期)",
}
META_NAMES = {"title": ("ArticleTitle", "og:title", "title"), "published": ("PubDate", "pubdate")}
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030"}


def read_html(raw: bytes) -> Extracted:
    import lxml.html

    text, encoding, damaged = decode(raw)
    root = lxml.html.document_fromstring(RE_XML_DECLARATION.sub("", text) or "<html></html>")
    fields = page_fields(root)
    for element in list(root.iter(*BOILERPLATE_TAGS)):
        _drop(element)
    for element in [e for e in root.iter() if isinstance(e.tag, str) and _is_furniture(e)]:
        _drop(element)
    body = root.find("body")
    blocks = write_blocks(content_root(body if body is not None else root))
    text = compose(blocks, **fields)
    problems = (problem("GB107", f"page is not valid {encoding}: bad bytes replaced by U+FFFD",
                        Severity.WARNING),) if damaged else ()
    return Extracted(text, f"html/{encoding}", (), problems)


def decode(raw: bytes) -> tuple[str, str, bool]:
    """(text, encoding, damaged): BOM, then the declared charset, then UTF-8 and GB18030."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if raw.startswith(bom):
            return raw[len(bom):].decode(codec, "replace"), codec, False
    declared = RE_CHARSET.search(raw[:4096])
    candidates = [declared.group(1).decode("ascii").lower()] if declared else []
    for name in [*candidates, "utf-8", "gb18030"]:
        codec = _ALIASES.get(name, name)
        try:
            return raw.decode(codec), codec, False
        except (UnicodeDecodeError, LookupError):
            continue
    return raw.decode("utf-8", "replace"), "utf-8", True


def _drop(element) -> None:
    """Remove an element but keep its tail text (it belongs to the parent)."""
    parent = element.getparent()
    if parent is not None:
        element.drop_tree()


def _is_furniture(element) -> bool:
    words = f"{element.get('class', '')} {element.get('id', '')}"
    return element.tag not in ("html", "body") and bool(RE_FURNITURE.search(words))


def _weight(element) -> int:
    """Chinese characters an element holds outside links (menus and lists are links)."""
    total = len(RE_CJK.findall(element.text_content()))
    links = sum(len(RE_CJK.findall(a.text_content())) for a in element.iter("a"))
    return total - links


def content_root(element):
    """Step into the child holding most of the text while one does, but only into
    containers (elements with block children): a long paragraph is not the article."""
    while True:
        weight = _weight(element)
        containers = [c for c in element if isinstance(c.tag, str) and c.tag != "p" and _has_blocks(c)]
        best = max(containers, key=_weight, default=None)
        if best is None or weight == 0 or _weight(best) <= 0.5 * weight:
            return element
        element = best


def _has_blocks(element) -> bool:
    return any(isinstance(c.tag, str) and (c.tag in BLOCK_TAGS or c.tag in ("table", "tbody")) for c in element)


# --- DOM → blocks of lines ------------------------------------------------------------

class _Writer:
    """Collects paragraphs (lists of lines) while walking the tree."""

    def __init__(self) -> None:
        self.blocks: list[list[str]] = []
        self.lines: list[str] = []

    def text(self, value: str | None) -> None:
        if value:
            if not self.lines:
                self.lines.append("")
            self.lines[-1] += value

    def line_break(self) -> None:
        if self.lines:
            self.lines.append("")

    def end_block(self) -> None:
        """Close the paragraph; an empty line inside it (<br><br>) splits it in two."""
        current: list[str] = []
        for line in self.lines:
            line = RE_SPACES.sub(" ", line).strip(" ").replace("\xa0", " ")
            if line.strip():
                current.append(line)
            elif current:
                self.blocks.append(current)
                current = []
        if current:
            self.blocks.append(current)
        self.lines = []

    def table(self, rows: list[list[str]]) -> None:
        self.end_block()
        if any(any(cell for cell in row) for row in rows):
            self.blocks.append(["\t".join(row) for row in rows])


def write_blocks(element) -> list[list[str]]:
    writer = _Writer()
    _walk(element, writer)
    writer.end_block()
    return writer.blocks


def _walk(element, writer: _Writer) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag == "table":
        writer.table(table_rows(element))
        return
    if tag == "br":
        writer.line_break()
        return
    block = tag in BLOCK_TAGS
    if block:
        writer.end_block()
    if tag:
        writer.text(element.text)
        for child in element:
            _walk(child, writer)
            writer.text(child.tail)
    if block:
        writer.end_block()


def table_rows(table) -> list[list[str]]:
    """Rows of cells; a colspan adds empty cells after, a rowspan empty cells below."""
    rows: list[list[str]] = []
    pending: dict[int, int] = {}          # column → rows still covered by a rowspan above
    for tr in table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"):
        row: list[str] = []
        for cell in tr.xpath("./td|./th"):
            while pending.get(len(row), 0):
                pending[len(row)] -= 1
                row.append("")
            span = _span(cell, "rowspan")
            for k in range(_span(cell, "colspan")):
                if span > 1:
                    pending[len(row)] = span - 1
                row.append(cell_text(cell) if k == 0 else "")
        while pending.get(len(row), 0):
            pending[len(row)] -= 1
            row.append("")
        rows.append(row)
    return rows


def _span(cell, name: str) -> int:
    try:
        return max(1, min(int(cell.get(name, "1")), 50))
    except ValueError:
        return 1


def cell_text(cell) -> str:
    """A cell is one value: its lines joined (CJK text wraps without spaces)."""
    blocks = write_blocks(cell)
    return "".join("".join(lines) for lines in blocks)


# --- page fields and composition -------------------------------------------------------

def page_fields(root) -> dict[str, str]:
    """Title, document number and dates from <meta> tags and labelled fields of the page."""
    metas = {(m.get("name") or m.get("property") or "").lower(): (m.get("content") or "").strip()
             for m in root.iter("meta")}
    title = next((metas[n.lower()] for n in META_NAMES["title"] if metas.get(n.lower())), "")
    if not title:
        heading = next(iter(root.iter("h1")), None)
        page_title = root.find(".//title")
        title = (heading.text_content() if heading is not None else
                 re.split(r"[_|－-]", page_title.text_content())[0] if page_title is not None else "")
    body = root.find("body")
    lines = "\n".join(line for lines in write_blocks(root if body is None else body) for line in lines)
    number = _labelled(lines, "number", RE_NUMBER)
    written = _labelled(lines, "written", RE_DATE)
    published = _labelled(lines, "published", RE_DATE) or next(
        (m.group() for n in META_NAMES["published"] if (m := RE_DATE.search(metas.get(n.lower(), "")))), "")
    return {"title": " ".join(title.split()), "number": number, "date": _gazette_date(written or published)}


def _labelled(lines: str, field: str, value: re.Pattern) -> str:
    """The value printed after a field's label (same cell or the next), if it has the right form."""
    for match in re.finditer(LABELS[field] + r"\s*[:：]?[\s\t]*(?P<value>[^\t\n]*)", lines):
        found = value.search(match["value"])
        if found:
            return "".join(found.group().split())
    return ""


def _gazette_date(value: str) -> str:
    match = RE_DATE.search(value)
    return f"{match[1]}年{int(match[2])}月{int(match[3])}日" if match else ""


def compose(blocks: list[list[str]], title: str, number: str, date: str) -> str:
    """The article as gazette text, with title and number before it and the date after it
    when the article itself does not print them."""
    paragraphs = ["\n".join(lines) for lines in blocks]
    flat = [squash(p) for p in paragraphs]
    head: list[str] = []
    if title and not any(squash(title) in f for f in flat[:6]):
        head.append(title)
    if number and squash(number) not in flat:
        head.append(number)
    body = "\n\n".join(paragraphs)
    tail = [date] if date and not RE_DATE_LINE.search(body) else []
    return "\n\n".join([*head, body, *tail]).strip("\n") + "\n"
