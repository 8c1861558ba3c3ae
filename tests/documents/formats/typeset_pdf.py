"""Typeset gazette text as a PDF issue (reportlab), and the block model the fixtures share.

Part of `make_fixtures.py` (see there). WenQuanYi Micro Hei from Debian's
``fonts-wqy-microhei`` is a TrueType font, which reportlab embeds (Noto CJK is CFF and
cannot be embedded by reportlab).
"""
from __future__ import annotations

import io
import random
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

FONT_NAME = "WQY"
FONT_FILES = (Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),)   # fonts-wqy-microhei
RE_TOC_ENTRY = re.compile(r"^(?P<title>.+?)\t(?P<page>\d{1,3})$")
RE_MD_RULE = re.compile(r"^\|?[\s|:-]+\|?$")

PAGE_W, PAGE_H = 595.0, 842.0          # A4 in points
MARGIN_X, TOP, BOTTOM = 70.0, 770.0, 72.0
SIZE, LEADING, PARA_GAP = 12.0, 19.0, 10.0
GUTTER = 24.0
CELL_PAD = 4.0


# --- blocks ---------------------------------------------------------------------------

@dataclass
class Block:
    kind: str                      # text | toc | table
    lines: list[str]
    line_no: int                   # 1-based line of the block's first line in the seed

    @property
    def rows(self) -> list[list[str]]:
        """Cells of a table block; markdown tables lose their rule row and outer pipes."""
        rows = []
        for line in self.lines:
            if line.lstrip().startswith("|"):
                if RE_MD_RULE.match(line.strip()):
                    continue
                rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
            else:
                rows.append(line.split("\t"))
        width = max(len(row) for row in rows)
        return [row + [""] * (width - len(row)) for row in rows]


def blocks_of(text: str) -> list[Block]:
    """Blank-line separated groups of lines, classified by what a typesetter would do."""
    blocks, current, first = [], [], 0
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip():
            if not current:
                first = number
            current.append(line)
        elif current:
            blocks.append(_classify(current, first))
            current = []
    if current:
        blocks.append(_classify(current, first))
    return blocks


def _classify(lines: list[str], first: int) -> Block:
    if all(RE_TOC_ENTRY.match(line) for line in lines):
        return Block("toc", lines, first)
    if any("\t" in line for line in lines) or all(line.lstrip().startswith("|") for line in lines):
        return Block("table", lines, first)
    return Block("text", lines, first)


# --- PDF ------------------------------------------------------------------------------

def font_file() -> Path:
    for path in FONT_FILES:
        if path.exists():
            return path
    found = subprocess.run(["fc-match", "-f", "%{file}", "WenQuanYi Micro Hei"],
                           capture_output=True, text=True, check=False).stdout.strip()
    if found and "wqy" in found.lower():
        return Path(found)
    raise FileNotFoundError("CJK font WenQuanYi Micro Hei not found: run scripts/install-system-packages "
                            "(Debian package fonts-wqy-microhei)")


def register_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT_NAME, str(font_file()), subfontIndex=0))


class Widths:
    """Glyph advance widths, cached: the layout measures every character."""

    def __init__(self, size: float):
        from reportlab.pdfbase.pdfmetrics import stringWidth
        self.size, self._measure, self._cache = size, stringWidth, {}

    def __call__(self, text: str) -> float:
        total = 0.0
        for ch in text:
            width = self._cache.get(ch)
            if width is None:
                width = self._cache[ch] = self._measure(ch, FONT_NAME, self.size)
            total += width
        return total


def wrap(text: str, width: float, measure: Widths, indent: float = 0.0) -> list[str]:
    """Break a line anywhere a CJK typesetter would; a space at a break stays on its line."""
    lines, current, used, limit = [], "", 0.0, width - indent
    for ch in text:
        w = measure(ch)
        if current and used + w > limit and not ch.isspace():
            lines.append(current)
            current, used, limit = "", 0.0, width
        current += ch
        used += w
    lines.append(current)
    return lines


class Ink:
    """The canvas calls the layout makes, kept per page and written at the page's end,
    in order or shuffled: producers do not draw in reading order (headers last, tables
    by column, text boxes as created), so a reader cannot trust the content stream."""

    def __init__(self, canvas, shuffle: bool = False):
        self.canvas, self.shuffle, self.ops, self.page = canvas, shuffle, [], 0
        self.font, self.width = (FONT_NAME, SIZE), 1.0

    def setFont(self, name: str, size: float) -> None:
        self.font = (name, size)

    def setLineWidth(self, width: float) -> None:
        self.width = width

    def __getattr__(self, name: str):
        if name not in ("drawString", "drawRightString", "drawCentredString", "rect", "line"):
            raise AttributeError(name)
        return lambda *args: self.ops.append((name, args, self.font, self.width))

    def showPage(self) -> None:
        ops = list(self.ops)
        if self.shuffle:
            random.Random(self.page).shuffle(ops)
        for name, args, font, width in ops:
            self.canvas.setFont(*font)
            self.canvas.setLineWidth(width)
            getattr(self.canvas, name)(*args)
        self.canvas.showPage()
        self.ops, self.page = [], self.page + 1


@dataclass
class PdfLayout:
    """A page-filling cursor over a reportlab canvas, one or two columns."""
    canvas: object
    header: str
    measure: Widths = field(default_factory=lambda: Widths(SIZE))
    page: int = 1
    y: float = TOP
    columns: int = 1
    column: int = 0
    band_top: float = TOP
    page_texts: list[str] = field(default_factory=lambda: [""])

    def start(self) -> None:
        self._furniture()

    def _furniture(self) -> None:
        c = self.canvas
        c.setFont(FONT_NAME, 10.5)
        c.drawCentredString(PAGE_W / 2, 800, self.header)
        c.setLineWidth(0.8)
        c.line(MARGIN_X, 792, PAGE_W - MARGIN_X, 792)
        c.drawCentredString(PAGE_W / 2, 40, f"— {self.page} —")
        c.setFont(FONT_NAME, SIZE)

    @property
    def left(self) -> float:
        if self.columns == 1:
            return MARGIN_X
        return MARGIN_X + self.column * (self.col_width + GUTTER)

    @property
    def col_width(self) -> float:
        full = PAGE_W - 2 * MARGIN_X
        return full if self.columns == 1 else (full - GUTTER) / 2

    def new_page(self) -> None:
        self.canvas.showPage()
        self.page += 1
        self.page_texts.append("")
        self.y = self.band_top = TOP
        self.column = 0
        self._furniture()

    def need(self, height: float) -> None:
        """Move to the next column or page unless `height` fits below the cursor."""
        if self.y - height >= BOTTOM:
            return
        if self.columns == 2 and self.column == 0:
            self.column, self.y = 1, self.band_top
        else:
            self.new_page()

    def set_columns(self, columns: int) -> None:
        """Start a band of `columns` columns below the cursor (switching back is not needed)."""
        if columns == self.columns:
            return
        self.columns, self.column = columns, 0
        self.band_top = self.y

    def text_line(self, text: str, x_offset: float = 0.0) -> None:
        self.need(LEADING)
        self.y -= LEADING
        self.canvas.drawString(self.left + x_offset, self.y + 4, text)
        self.page_texts[-1] += text

    def text_block(self, block: Block) -> None:
        for index, line in enumerate(block.lines):
            indent = 2 * SIZE if index == 0 and not line[:1].isspace() else 0.0
            for k, part in enumerate(wrap(line, self.col_width, self.measure, indent)):
                self.text_line(part, indent if k == 0 else 0.0)
            self.page_texts[-1] += "\n"
        self.y -= PARA_GAP

    def toc_block(self, block: Block) -> None:
        """Contents entries: title, dot leaders, right-aligned page number."""
        right = self.left + self.col_width
        for line in block.lines:
            match = RE_TOC_ENTRY.match(line)
            number_w = self.measure(match["page"])
            parts = wrap(match["title"], self.col_width - 4 * SIZE, self.measure)
            for part in parts[:-1]:
                self.text_line(part)
                self.page_texts[-1] = self.page_texts[-1][:-len(part)]   # recorded whole below
            self.need(LEADING)
            self.y -= LEADING
            last = parts[-1]
            self.canvas.drawString(self.left, self.y + 4, last)
            dots_from = self.left + self.measure(last) + SIZE / 2
            dot = "…"
            count = int((right - number_w - SIZE / 2 - dots_from) // self.measure(dot))
            self.canvas.drawString(dots_from, self.y + 4, dot * max(count, 2))
            self.canvas.drawRightString(right, self.y + 4, match["page"])
            self.page_texts[-1] += line + "\n"
        self.y -= PARA_GAP

    def table_block(self, block: Block) -> None:
        rows = block.rows
        widths = self._column_widths(rows)
        for row in rows:
            cells = [wrap(cell, w - 2 * CELL_PAD, self.measure) if cell else [""] for cell, w in zip(row, widths)]
            height = max(len(lines) for lines in cells) * LEADING + 2 * CELL_PAD
            self.need(height)
            top, x = self.y, self.left
            c = self.canvas
            c.setLineWidth(0.6)
            for lines, w in zip(cells, widths):
                c.rect(x, top - height, w, height)
                for k, part in enumerate(lines):
                    c.drawString(x + CELL_PAD, top - CELL_PAD - (k + 1) * LEADING + 4, part)
                x += w
            self.y = top - height
            self.page_texts[-1] += "\t".join(row) + "\n"
        self.y -= PARA_GAP

    def _column_widths(self, rows: list[list[str]]) -> list[float]:
        """Natural widths, the widest capped at a common limit so the table fits the column."""
        natural = [max(max(self.measure(row[k]) for row in rows) + 2 * CELL_PAD + 1, 2 * SIZE + 2 * CELL_PAD)
                   for k in range(len(rows[0]))]
        total = self.col_width
        if sum(natural) <= total:
            return natural
        low, high = 0.0, max(natural)
        for _ in range(40):         # bisect the cap: sum(min(w, cap)) == total
            cap = (low + high) / 2
            low, high = (cap, high) if sum(min(w, cap) for w in natural) < total else (low, cap)
        return [min(w, low) for w in natural]


def render_pdf(text: str, path: Path, header: str = "三门峡市人民政府公报",
               two_columns_from: str | None = None, shuffle: bool = False) -> list[str]:
    """Typeset `text` as a gazette PDF; return the seed text that went on each page.

    From the first block whose first line matches the regex `two_columns_from` to the
    end, the text is set in two columns (below whatever the page already holds).
    `shuffle` writes each page's text runs and rules in a random order.
    """
    from reportlab.pdfgen import canvas as pdf_canvas

    register_font()
    canvas = pdf_canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1)
    canvas.setTitle(header)
    ink = Ink(canvas, shuffle)
    layout = PdfLayout(ink, header)
    layout.start()
    for block in blocks_of(text):
        if two_columns_from and re.search(two_columns_from, block.lines[0]):
            layout.set_columns(2)
        {"text": layout.text_block, "toc": layout.toc_block, "table": layout.table_block}[block.kind](block)
    ink.showPage()
    canvas.save()
    return layout.page_texts


def render_scan_pdf(text: str, path: Path, pages: int = 2) -> None:
    """A scanned issue: each page is a picture of text, with no text layer at all."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas as pdf_canvas

    font = ImageFont.truetype(str(font_file()), 28)
    canvas = pdf_canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1)
    lines = [line for line in text.split("\n") if line.strip()]
    for page in range(pages):
        image = Image.new("L", (1240, 1754), 255)
        draw = ImageDraw.Draw(image)
        for k, line in enumerate(lines[page * 40:(page + 1) * 40]):
            draw.text((120, 120 + k * 38), line[:38], font=font, fill=0)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        buffer.seek(0)
        canvas.drawImage(ImageReader(buffer), 0, 0, PAGE_W, PAGE_H)
        canvas.showPage()
    canvas.save()
