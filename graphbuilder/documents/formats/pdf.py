"""PDF text layer → gazette text in reading order, with the offset where each page starts.

pdfplumber (on pdfminer.six) gives every character with its box; the layout is
rebuilt from those boxes rather than taken in content-stream order, because
producers draw headers, columns and table cells in any order they like:

1. characters → rows (same baseline) → segments (split at gaps of 1.5 em or dot
   leaders, which become a tab: ``政府工作报告\\t1``);
2. ruled tables (pdfplumber's ``find_tables``) leave the flow and come back as
   rows of tab-separated cells, wrapped cell text joined;
3. running headers and page numbers (the same line on most pages, ``— 3 —``) go;
4. a band of rows split by a gutter at the page centre, whose left column runs up
   to the gutter, is read left column first (two-column pages);
5. rows are joined into paragraphs: a row that reaches the right edge of its
   column continues on the next (also across columns and pages) unless that one
   is indented; a wider gap or an indent starts a paragraph (blank line).

Steps 1–3 are here, 4–5 in `pdf_layout.py`. The result looks like the plain-text
gazettes: one line per paragraph, blank lines between paragraphs, table rows and roster
lines one per line.
"""
from __future__ import annotations

import io
import re
import statistics
from collections import Counter

from graphbuilder.documents.formats import Extracted, problem
from graphbuilder.documents.formats.pdf_layout import Bounds, Page, Row, Segment, Table, join, reading_order
from graphbuilder.records import Severity

SEGMENT_GAP = 1.5        # em: a wider horizontal gap separates cells / columns (a tab)
WORD_GAP = 0.25          # em: a narrower gap inside a segment is kerning, wider is a space
SAME_ROW = 0.5           # em: characters whose tops differ less share a row
FURNITURE_SHARE = 0.5    # a first/last line on this share of pages is a running header
MARGIN_ZONE = 0.08       # × page height: the top and bottom bands where headers and folios sit
RE_LEADER = re.compile(r"\s*(?:…{3,}|[.．·•]{4,}|…+[.．·]+)\s*")
RE_PAGE_NUMBER = re.compile(r"^[—–\-－_\s]*(?:第\s*)?\d{1,4}(?:\s*页)?[—–\-－_\s]*$")
RE_DIGITS = re.compile(r"\d+")
RE_CONTROL = re.compile(r"^[\x00-\x08\x0b-\x1f\x7f]+$")


def read_pdf(raw: bytes) -> Extracted:
    """The text of a PDF's text layer, or a diagnostic when it has none or cannot be parsed."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            pages = [read_page(page) for page in pdf.pages]
    except (PdfminerException, PDFSyntaxError, ValueError, KeyError, TypeError) as err:
        cause = err.args[0] if err.args and isinstance(err.args[0], Exception) else err
        if isinstance(cause, PDFPasswordIncorrect):
            return Extracted.failed(problem("GB109", "encrypted PDF that needs a password: save a copy"
                                                     " without it (e.g. qpdf --decrypt) and read that"))
        why = " ".join(str(cause).split())[:200] or type(cause).__name__
        return Extracted.failed(problem("GB109", f"damaged PDF, cannot read it ({why}): open and re-save"
                                                 " it, or download it again"))
    return assemble(pages)


def read_page(page) -> Page:
    """Rows and tables of one page, top to bottom, columns resolved."""
    result = Page(page.page_number, float(page.height), float(page.width))
    chars = [_mapped(c, result) for c in page.chars]
    if not chars:
        result.scanned = bool(page.images)
        return result
    tables = _tables(page) if (page.rects or page.lines) else []
    boxes = [t.bbox for t in tables]
    flow = [c for c in chars if not any(_inside(c, box) for box in boxes)]
    result.items = [*_rows(flow), *(Table(t.bbox[1], _cells(t, chars)) for t in tables)]
    result.items.sort(key=lambda item: item.top)
    return result


def _mapped(char: dict, page: Page) -> dict:
    """A glyph without a Unicode mapping (no ToUnicode entry) comes out as a control
    character; show it as U+FFFD and count it rather than pass a NUL downstream."""
    if RE_CONTROL.match(char["text"]):
        page.unmapped += 1
        return {**char, "text": "\ufffd"}
    return char


def _tables(page) -> list:
    """Ruled tables with at least two cells; a lone rule under a header is not a table."""
    return [t for t in page.find_tables() if len(t.cells) >= 2]


def _inside(char: dict, box: tuple[float, float, float, float]) -> bool:
    x = (char["x0"] + char["x1"]) / 2
    y = (char["top"] + char["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _cells(table, chars: list[dict]) -> list[list[str]]:
    """Cell texts from the cells' own characters (spaces kept, as in the flow), wrapped
    lines joined: a cell is one value however narrow its column."""
    inside = [c for c in chars if _inside(c, table.bbox)]
    rows = []
    for row in table.rows:
        cells = []
        for box in row.cells:
            lines = _rows([c for c in inside if _inside(c, box)]) if box else []
            cells.append("".join(" ".join(s.text for s in line.segments) for line in lines).strip())
        rows.append(cells)
    return rows


def _rows(chars: list[dict]) -> list[Row]:
    rows: list[list[dict]] = []
    for char in sorted(chars, key=lambda c: (round(c["top"], 1), c["x0"])):
        if rows and abs(char["top"] - rows[-1][0]["top"]) < SAME_ROW * char["size"]:
            rows[-1].append(char)
        else:
            rows.append([char])
    return [row for row in map(_row, rows) if row.segments]


def _row(chars: list[dict]) -> Row:
    chars.sort(key=lambda c: c["x0"])
    size = statistics.median(c["size"] for c in chars)
    leaders = _leader_positions("".join(c["text"][:1] or " " for c in chars))
    segments: list[Segment] = []
    text, start, end, reach, last, broken = "", None, 0.0, 0.0, None, False
    for index, char in enumerate(chars):
        if index in leaders:
            broken = True
            continue
        if last and char["text"] == last["text"] and abs(char["x0"] - last["x0"]) < 0.1 * size:
            continue                                 # overprinted (fake bold) glyph
        gap = char["x0"] - last["x1"] if last else 0.0
        if last and (broken or gap >= SEGMENT_GAP * size) and not char["text"].isspace():
            if text.strip():
                segments.append(Segment(start, end, text, reach))
            text, start = "", None
        elif last and gap > WORD_GAP * size and not (char["text"].isspace() or last["text"].isspace()):
            text += " "
        broken = False
        if start is None:
            start = char["x0"]
        text += char["text"]
        reach = char["x1"]            # a drawn space counts: the line is as full as it looks
        if not char["text"].isspace():
            end = char["x1"]
        last = char
    if text.strip():
        segments.append(Segment(start, end, text, reach))
    return Row(chars[0]["top"], size, segments)


def _leader_positions(text: str) -> set[int]:
    """Indexes of dot-leader characters (政府工作报告 ………… 1) and the spaces around them."""
    return {k for match in RE_LEADER.finditer(text) for k in range(match.start(), match.end())}


# --- the whole document ---------------------------------------------------------------

def assemble(pages: list[Page]) -> Extracted:
    if not any(page.items for page in pages):
        scanned = sum(page.scanned for page in pages)
        what = (f"no text layer: {scanned} of {len(pages)} page(s) are images only (a scan?)"
                if scanned else "no text on any page")
        return Extracted.failed(problem("GB108", f"{what}; OCR is not supported: run it first"
                                                 " (e.g. ocrmypdf) or use the text edition"))
    _drop_furniture(pages)
    bounds = Bounds.of(pages)
    for page in pages:
        page.items = reading_order(page.items, bounds)
    text, starts = join(pages)
    problems = []
    scans = [str(page.number) for page in pages if page.scanned]
    if scans:
        problems.append(problem("GB108", f"page(s) {', '.join(scans)} have no text layer (images only):"
                                         " their text is missing; OCR is not supported", Severity.WARNING))
    unmapped = {page.number: page.unmapped for page in pages if page.unmapped}
    if unmapped:
        where = ", ".join(map(str, list(unmapped)[:5])) + (" …" if len(unmapped) > 5 else "")
        problems.append(problem("GB107", f"{sum(unmapped.values())} glyph(s) without a Unicode mapping in"
                                         f" the font, replaced by U+FFFD (page {where})", Severity.WARNING))
    return Extracted(text, "pdf", tuple(starts), tuple(problems))


def _furniture_key(row: Row) -> str:
    return " ".join(RE_DIGITS.sub("#", row.text).split())


def _drop_furniture(pages: list[Page]) -> None:
    """Remove running headers and footers from the top and bottom of each page: rows that
    recur there on most pages (page numbers masked), page numbers in the margin, and in a
    document too short to show repetition, anything in the margin."""
    edge_rows = Counter()
    for page in pages:
        rows = [item for item in page.items if isinstance(item, Row)]
        edge_rows.update({_furniture_key(row) for row in rows[:2] + rows[-2:]})
    threshold = max(2, FURNITURE_SHARE * len(pages))
    running = {key for key, count in edge_rows.items() if count >= threshold}
    short = len(pages) < 3

    def furniture(item: Row | Table, page: Page) -> bool:
        if not isinstance(item, Row):
            return False
        in_margin = item.top < MARGIN_ZONE * page.height or item.top + item.size > (1 - MARGIN_ZONE) * page.height
        return _furniture_key(item) in running or (in_margin and (short or bool(RE_PAGE_NUMBER.match(item.text))))

    for page in pages:
        items = page.items
        head = next((k for k, item in enumerate(items[:2]) if not furniture(item, page)), min(2, len(items)))
        rest = items[head:]
        tail = next((k for k, item in enumerate(reversed(rest[-2:])) if not furniture(item, page)),
                    min(2, len(rest)))
        page.items = rest[:len(rest) - tail]
