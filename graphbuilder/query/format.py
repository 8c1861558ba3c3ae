"""Query answers as text: an aligned table for a terminal, CSV, TSV, JSON; SPARQL result formats.

``Table`` holds plain Python values (``store.to_python``) for the command line.
The endpoint needs the W3C result formats instead (``application/sparql-results+json``,
``+xml``, ``text/csv``, ``text/tab-separated-values``) written from pyoxigraph terms,
row by row, so that it can stop at a row limit: ``write_solutions``.
"""
from __future__ import annotations

import csv
import io
import json
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Iterator
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from graphbuilder.query.store import to_python

FORMATS = ("table", "csv", "tsv", "json")
MAX_CELL = 60            # a table cell longer than this is cut with … (CSV/TSV/JSON keep it whole)


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]

    @classmethod
    def from_dicts(cls, columns: Iterable[str], dicts: Iterable[dict[str, object]]) -> "Table":
        columns = tuple(columns)
        return cls(columns, tuple(tuple(d.get(c, "") for c in columns) for d in dicts))

    @classmethod
    def from_solutions(cls, solutions: ox.QuerySolutions) -> "Table":
        columns = tuple(v.value for v in solutions.variables)
        return cls(columns, tuple(tuple(to_python(s[c]) for c in columns) for s in solutions))


def cell_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def display_width(text: str) -> int:
    """Columns on a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def clip(text: str, width: int = MAX_CELL) -> str:
    text = " ".join(text.split())
    if display_width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        used += display_width(ch)
        if used > width - 1:
            break
        out.append(ch)
    return "".join(out) + "…"


def pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def format_table(table: Table) -> str:
    """Columns aligned by display width, a rule under the header, a row count at the end."""
    cells = [[clip(cell_text(v)) for v in row] for row in table.rows]
    widths = [max([display_width(c)] + [display_width(row[i]) for row in cells])
              for i, c in enumerate(table.columns)]
    lines = ["  ".join(pad(c, w) for c, w in zip(table.columns, widths)).rstrip(),
             "  ".join("─" * w for w in widths)]
    lines += ["  ".join(pad(v, w) for v, w in zip(row, widths)).rstrip() for row in cells]
    lines.append(f"({len(table.rows)} row{'s' if len(table.rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def format_delimited(table: Table, delimiter: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(table.columns)
    writer.writerows([cell_text(v) for v in row] for row in table.rows)
    return buffer.getvalue()


def format_tsv(table: Table) -> str:
    """Tab-separated, one line per row: tabs and newlines inside values become spaces."""
    def clean(value: object) -> str:
        return " ".join(cell_text(value).replace("\t", " ").splitlines())
    return "".join("\t".join(map(clean, row)) + "\n" for row in (table.columns, *table.rows))


def format_json(table: Table) -> str:
    return json.dumps([dict(zip(table.columns, row)) for row in table.rows], ensure_ascii=False, indent=1) + "\n"


def format_rows(table: Table, fmt: str) -> str:
    if fmt == "table":
        return format_table(table)
    if fmt == "csv":
        return format_delimited(table, ",")
    if fmt == "tsv":
        return format_tsv(table)
    if fmt == "json":
        return format_json(table)
    raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")


# --- W3C SPARQL result formats, for the endpoint ------------------------------------

RESULT_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}


def term_json(term) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


def term_xml(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
    return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"


def write_solutions(solutions: ox.QuerySolutions, fmt: str, limit: int) -> tuple[bytes, int, bool]:
    """(body, rows written, truncated) in a W3C result format, at most ``limit`` rows."""
    names = [v.value for v in solutions.variables]
    rows: list = []
    truncated = False
    for solution in solutions:
        if len(rows) == limit:
            truncated = True
            break
        rows.append([solution[name] for name in names])
    return b"".join(serialize_rows(names, rows, fmt)), len(rows), truncated


def serialize_rows(names: list[str], rows: list, fmt: str) -> Iterator[bytes]:
    if fmt == "json":
        bindings = [{n: term_json(t) for n, t in zip(names, row) if t is not None} for row in rows]
        yield json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}}, ensure_ascii=False).encode()
    elif fmt == "xml":
        yield ('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>'
               + "".join(f"<variable name={quoteattr(n)}/>" for n in names) + "</head><results>").encode()
        for row in rows:
            yield ("<result>" + "".join(f"<binding name={quoteattr(n)}>{term_xml(t)}</binding>"
                                        for n, t in zip(names, row) if t is not None) + "</result>").encode()
        yield b"</results></sparql>"
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(names)
        writer.writerows(["" if t is None else t.value for t in row] for row in rows)
        yield buffer.getvalue().encode()
    elif fmt == "tsv":
        yield ("\t".join(f"?{n}" for n in names) + "\n").encode()
        for row in rows:
            yield ("\t".join("" if t is None else str(t) for t in row) + "\n").encode()
    else:
        raise ValueError(f"unknown result format {fmt!r}")


def write_boolean(value: bool, fmt: str) -> bytes:
    if fmt == "xml":
        return (f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/>'
                f"<boolean>{'true' if value else 'false'}</boolean></sparql>").encode()
    if fmt in ("csv", "tsv"):
        return b"true\n" if value else b"false\n"
    return json.dumps({"head": {}, "boolean": bool(value)}).encode()
