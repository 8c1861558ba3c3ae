"""What several commands share: progress on a terminal, printing diagnostics."""
from __future__ import annotations

import sys

from graphbuilder.records import Severity


def progress(enabled: bool):
    """A tqdm bar over files on a terminal; silent otherwise (CI logs, pipes)."""
    if not enabled or not sys.stderr.isatty():
        return None
    from tqdm import tqdm
    bar = tqdm(unit="file", desc="gazettes", file=sys.stderr, leave=False)
    return lambda path: (bar.set_postfix_str(path.name[:30]), bar.update(1))


def print_diagnostics(diagnostics, quiet: bool) -> None:
    for diagnostic in diagnostics:
        if diagnostic.severity is Severity.INFO and quiet:
            continue
        print(diagnostic, file=sys.stderr)


def valid_date(text: str) -> str:
    """argparse type for YYYY-MM-DD dates."""
    import argparse
    from datetime import date

    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def print_rows(rows: list[dict], columns: list[str], fmt: str, out=None) -> None:
    """Rows as an aligned table (wide characters count double), CSV, TSV or JSON."""
    import csv
    import json
    import unicodedata

    out = out or sys.stdout
    if fmt == "json":
        json.dump([{c: r.get(c, "") for c in columns} for r in rows], out, ensure_ascii=False, indent=2)
        print(file=out)
        return
    if fmt in ("csv", "tsv"):
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[r.get(c, "") for c in columns] for r in rows])
        return

    def width(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

    cells = [[str(r.get(c, "")).replace("\n", " ") for c in columns] for r in rows]
    widths = [max([width(c)] + [width(row[i]) for row in cells]) for i, c in enumerate(columns)]
    for row in [columns, ["-" * w for w in widths], *cells]:
        print("  ".join(v + " " * (w - width(v)) for v, w in zip(row, widths)).rstrip(), file=out)


def add_output_arguments(parser, default_out: str = "out") -> None:
    parser.add_argument("--out", default=default_out, help=f"a built output folder (default: {default_out})")
    parser.add_argument("--format", choices=("table", "json", "csv", "tsv"), default="table",
                        help="output format (default: table)")


def open_built(out: str):
    """The store of a build folder, or a one-line error (exit 2) when there is none."""
    from graphbuilder.query.store import StoreError, open_output

    try:
        return open_output(out)
    except (StoreError, OSError, SyntaxError, ValueError) as error:
        print(f"graphbuilder: {error}", file=sys.stderr)
        raise SystemExit(2) from None
