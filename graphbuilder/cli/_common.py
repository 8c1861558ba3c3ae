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


def print_rows(rows: list[dict], columns: list[str], fmt: str) -> None:
    """Rows as an aligned table, CSV, TSV or JSON: query/format.py's writers, as `query` prints."""
    from graphbuilder.query.format import Table, format_rows

    sys.stdout.write(format_rows(Table.from_dicts(columns, rows), fmt))


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
