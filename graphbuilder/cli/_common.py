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
