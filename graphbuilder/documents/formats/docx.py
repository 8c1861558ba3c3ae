"""A Word (.docx) file → gazette text: paragraphs and tables in document order.

python-docx reads the body; a paragraph is a line of text (a soft line break inside
it a line break, a tab a tab), paragraphs are separated by blank lines as in the text
gazettes, empty paragraphs (spacing typed with Enter) are dropped, and a table
becomes tab-separated rows, one per line, merged cells written once with empty cells
after or below them. Headers, footers, comments and text boxes are not read: they
carry page furniture, not the notice.
"""
from __future__ import annotations

import io

from graphbuilder.documents.formats import Extracted

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(raw: bytes) -> Extracted:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(raw))
    blocks: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == f"{_W}p":
            text = _paragraph_text(Paragraph(child, document))
            if text.strip():
                blocks.append(text)
        elif child.tag == f"{_W}tbl":
            rows = table_rows(Table(child, document))
            if any(any(cell for cell in row) for row in rows):
                blocks.append("\n".join("\t".join(row) for row in rows))
    return Extracted("\n\n".join(blocks) + "\n" if blocks else "", "docx")


def _paragraph_text(paragraph) -> str:
    """python-docx gives <w:br/> as \\n and <w:tab/> as \\t; Word's line endings as typed."""
    return paragraph.text.replace("\r\n", "\n").replace("\r", "\n")


def table_rows(table) -> list[list[str]]:
    """One string per grid cell: a horizontally merged cell is written once, then empty
    cells; a vertically merged cell's continuation is empty (as in the text gazettes)."""
    rows = []
    for row in table.rows:
        cells: list[str] = []
        for tc in row._tr.tc_lst:
            continued = tc.vMerge is not None and tc.vMerge != "restart"
            text = "" if continued else _cell_text(tc, table)
            cells += [text] + [""] * (tc.grid_span - 1)
        rows.append(cells)
    return rows


def _cell_text(tc, table) -> str:
    """A cell is one value: its paragraphs' lines joined (CJK wraps without spaces)."""
    from docx.table import _Cell

    cell = _Cell(tc, table)
    parts = [p.text for p in cell.paragraphs] + ["\t".join(r) for t in cell.tables for r in table_rows(t)]
    return "".join(part.replace("\n", "") for part in parts).strip()
