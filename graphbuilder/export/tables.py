"""Graph → one CSV table per fact type (appointments.csv, memberships.csv, …) for spreadsheets.

The rows are the facts export's (``export/facts.py``: the graph read back through the
shipped ``facts_*.rq`` queries), so a table and ``facts.jsonl`` never disagree. The
columns are the schema's fields, then the extras (resolved ids, quote, offsets).
Lists (qualifiers) are joined with "；"; booleans are ``true``/``false``. Files are
UTF-8 with a byte-order mark, which spreadsheet programs need to read Chinese; every
table is built in memory first and written atomically.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from graphbuilder.export.facts import COMMON_EXTRAS, EXTRAS, FIELDS, TYPES, export_facts
from graphbuilder.export.rdf_files import write_atomic

LIST_SEPARATOR = "；"
FILE_NAMES = {kind: f"{kind}s.csv" for kind in TYPES}


def columns(kind: str) -> list[str]:
    return ["doc", "date", *FIELDS[kind], *(c for c in EXTRAS[kind] if c not in FIELDS[kind]), *COMMON_EXTRAS]


def cell(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(map(str, value))
    return "" if value is None else str(value)


def table_text(kind: str, rows: list[dict[str, object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    names = columns(kind)
    writer.writerow(names)
    writer.writerows([cell(row.get(name, "")) for name in names] for row in rows if row["type"] == kind)
    return buffer.getvalue()


def tables(dataset) -> dict[str, str]:
    """File name → CSV text, one per fact type (a type without facts gets its header row)."""
    rows = export_facts(dataset)
    return {FILE_NAMES[kind]: table_text(kind, rows) for kind in TYPES}


def write_tables(dataset, out_dir: Path) -> list[Path]:
    """Write every table into ``out_dir``; nothing is written unless every table was built."""
    built = tables(dataset)
    paths = []
    for name, text in built.items():
        path = Path(out_dir) / name
        write_atomic(path, ("\ufeff" + text).encode("utf-8"))
        paths.append(path)
    return paths
