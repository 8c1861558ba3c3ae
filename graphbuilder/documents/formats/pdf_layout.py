"""PDF layout: the rows `pdf.py` found on each page → columns → paragraphs.

A page's rows are read top to bottom; a band of rows none of which crosses the centre,
with a gutter there and a left column that runs up to it, is read left column first.
Rows are then joined into paragraphs across columns and pages: a row that reaches the
right edge of its column goes on in the next unless that one is indented; a wider step
than the usual line pitch, or an indent, starts a paragraph (blank line); otherwise the
next row is the next line of the same block (rosters, lists).
"""
from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field

FULL_LINE = 1.0          # em: a row ending closer to its column's right edge is wrapped
INDENT = 1.5             # em: a row starting this far right of its column is a first line
WIDE_PITCH = 1.3         # × the usual line pitch: a wider step between rows ends a paragraph
TYPICAL_PITCH = 1.7      # em: the pitch assumed when a document has too few lines to measure it


@dataclass
class Segment:
    x0: float
    x1: float            # end of the last visible character
    text: str
    reach: float = 0.0   # end of the last character, a drawn trailing space included


@dataclass
class Row:
    top: float
    size: float
    segments: list[Segment]
    left: float = 0.0    # bounds of the column the row belongs to
    right: float = 0.0

    @property
    def x0(self) -> float:
        return self.segments[0].x0

    @property
    def x1(self) -> float:
        return self.segments[-1].x1

    @property
    def reach(self) -> float:
        return max(self.segments[-1].reach, self.x1)

    @property
    def text(self) -> str:
        return "\t".join(s.text for s in self.segments)


@dataclass
class Table:
    top: float
    rows: list[list[str]]

    @property
    def text(self) -> str:
        return "\n".join("\t".join(cells) for cells in self.rows)


@dataclass
class Page:
    number: int
    height: float
    width: float
    items: list[Row | Table] = field(default_factory=list)
    scanned: bool = False
    unmapped: int = 0    # glyphs with no Unicode mapping


@dataclass
class Bounds:
    """Left and right edges of the text area, taken over the whole document (a page with
    only short lines says little about where lines end)."""
    left: float
    right: float
    gutter: tuple[float, float] | None = None     # of the last two-column band seen

    @classmethod
    def of(cls, pages: list[Page]) -> "Bounds":
        """The text area's edges: where most lines start, and where full lines end. With too
        few lines ending together to tell, or a text area narrower than half the page (a
        short notice of short lines), the right margin is taken to mirror the left one."""
        rows = [item for page in pages for item in page.items if isinstance(item, Row)]
        if not rows:                                  # tables only
            return cls(0.0, max(p.width for p in pages))
        starts = sorted(r.x0 for r in rows)
        ends = sorted(r.x1 for r in rows)
        left, right = starts[len(starts) // 20], ends[len(ends) * 19 // 20]
        width = statistics.median(p.width for p in pages)
        at_edge = sum(r.x1 > right - FULL_LINE * r.size for r in rows if len(r.segments) == 1)
        if at_edge < max(5, len(rows) // 10) or right - left < width / 2:
            right = max(right, width - left)
        return cls(left, right)


def reading_order(items: list[Row | Table], bounds: Bounds) -> list[Row | Table]:
    """Set each row's column bounds; read two-column bands left column first."""
    out: list[Row | Table] = []
    band: list[Row] = []
    for item in items + [None]:
        if isinstance(item, Row) and not _crosses_centre(item, bounds):
            band.append(item)
            continue
        out += _band(band, bounds)
        band = []
        if item is not None:
            if isinstance(item, Row):
                item.left, item.right = bounds.left, bounds.right
                bounds.gutter = None
            out.append(item)
    return out


def _crosses_centre(row: Row, bounds: Bounds) -> bool:
    centre, slack = (bounds.left + bounds.right) / 2, 0.02 * (bounds.right - bounds.left)
    return any(s.x0 < centre - slack and s.x1 > centre + slack for s in row.segments)


def _band(rows: list[Row], bounds: Bounds) -> list[Row]:
    """Rows none of which crosses the centre: two columns if a gutter is evident (or the
    previous band was two columns and these rows keep to them), else one column."""
    if not rows:
        return rows
    gutter = _gutter(rows, bounds) or _kept_gutter(rows, bounds)
    bounds.gutter = gutter
    if gutter is None:
        for row in rows:
            row.left, row.right = bounds.left, bounds.right
        return rows
    gutter_left, gutter_right = gutter
    columns: tuple[list[Row], list[Row]] = ([], [])
    for row in rows:
        for side, (lo, hi) in enumerate(((bounds.left, gutter_left), (gutter_right, bounds.right))):
            segments = [s for s in row.segments if (s.x0 >= gutter_right - 1) == bool(side)]
            if segments:
                columns[side].append(Row(row.top, row.size, segments, lo, hi))
    return columns[0] + columns[1]


def _gutter(rows: list[Row], bounds: Bounds) -> tuple[float, float] | None:
    """(right edge of the left column, left edge of the right column), when the band is two columns.

    Evidence: at least three rows start a segment just right of the centre, and the
    left column's text runs up to near the gutter on several rows (which tells a
    column of prose from the first column of a borderless table).
    """
    width, centre = bounds.right - bounds.left, (bounds.left + bounds.right) / 2
    starts = [s.x0 for r in rows for s in r.segments if centre <= s.x0 <= centre + 0.12 * width]
    if len(starts) < 3:
        return None
    gutter_right = min(starts)
    left_ends = [max(s.x1 for s in r.segments if s.x0 < gutter_right) for r in rows
                 if any(s.x0 < gutter_right for s in r.segments)]
    if not left_ends:
        return None
    gutter_left = max(left_ends)
    size = statistics.median(r.size for r in rows)
    reaching = sum(end > gutter_left - FULL_LINE * size for end in left_ends)
    if gutter_left < centre - 0.12 * width or reaching < max(2, len(left_ends) // 4):
        return None
    return gutter_left, gutter_right


def _kept_gutter(rows: list[Row], bounds: Bounds) -> tuple[float, float] | None:
    """The previous band's gutter, when every row here stays inside one of its columns
    (the last page of a two-column notice may fill the left column only)."""
    if bounds.gutter is None:
        return None
    gutter_left, gutter_right = bounds.gutter
    size = statistics.median(r.size for r in rows)
    fits = all(r.x1 <= gutter_left + size or r.x0 >= gutter_right - size for r in rows)
    return bounds.gutter if fits else None


def join(pages: list[Page]) -> tuple[str, list[int]]:
    """Paragraphs from rows across columns and pages; the text offset where each page starts."""
    pitch = _usual_pitch(pages)
    parts: list[str] = []
    length = 0
    starts: list[int] = []
    previous: Row | Table | None = None
    previous_page = 0
    for page in pages:
        start = None
        for item in page.items:
            if previous is not None:
                sep = _separator(previous, item, previous_page == page.number, pitch)
                parts.append(sep)
                length += len(sep)
            start = length if start is None else start
            parts.append(item.text)
            length += len(item.text)
            previous, previous_page = item, page.number
        starts.append(length if start is None else start)
    return "".join(parts) + "\n", starts


def _usual_pitch(pages: list[Page]) -> float:
    steps = Counter()
    for page in pages:
        rows = [item for item in page.items if isinstance(item, Row)]
        for a, b in zip(rows, rows[1:]):
            if a.left == b.left and 0 < b.top - a.top < 3 * a.size:
                steps[round(b.top - a.top)] += 1
    return float(steps.most_common(1)[0][0]) if sum(steps.values()) >= 3 else 0.0


def _separator(a: Row | Table, b: Row | Table, same_page: bool, pitch: float) -> str:
    """"" (a wrapped line goes on), "\\n" (next line of a block) or "\\n\\n" (next paragraph)."""
    if isinstance(a, Table) and isinstance(b, Table) and not same_page and _same_shape(a, b):
        return "\n"                                  # a table continued on the next page
    if isinstance(a, Table) or isinstance(b, Table):
        return "\n\n"
    size = a.size
    same_column = same_page and a.left == b.left
    wide = same_column and (b.top - a.top) > WIDE_PITCH * (pitch or TYPICAL_PITCH * size)
    indented = b.x0 - b.left >= INDENT * size
    full = len(a.segments) == 1 and a.reach > a.right - FULL_LINE * size
    if (full or _wrapped_entry(a, b)) and not indented and not wide:
        return ""
    return "\n\n" if wide or indented or not same_column else "\n"


def _wrapped_entry(a: Row, b: Row) -> bool:
    """A contents title wrapped before the page-number column: a row without a number,
    then a row ending in one, aligned on the left, the first reaching further right."""
    return (len(a.segments) == 1 and len(b.segments) >= 2 and b.segments[-1].text.strip().isdigit()
            and abs(a.x0 - b.x0) < a.size / 2 and a.x1 > b.segments[0].x1)


def _same_shape(a: Table, b: Table) -> bool:
    return bool(a.rows and b.rows) and len(a.rows[-1]) == len(b.rows[0])
