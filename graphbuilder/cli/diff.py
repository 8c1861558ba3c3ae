"""`graphbuilder diff OLD_OUT NEW_OUT`: what facts a new build added, removed or changed.

    graphbuilder diff out-2020-05 out-2020-06            # per document and type
    graphbuilder diff old/ new/ --format json > changes.json

Exit 0 whether or not anything changed, 1 when a build cannot be read.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def command_diff(args: argparse.Namespace) -> int:
    from graphbuilder.export.diff import DiffError, compare, report_json, report_text

    try:
        changes = compare(Path(args.old), Path(args.new))
    except DiffError as error:
        print(f"graphbuilder diff: {error}", file=sys.stderr)
        return 1
    if args.format == "json":
        sys.stdout.write(report_json(changes))
    else:
        sys.stdout.write(report_text(changes, Path(args.old), Path(args.new), args.detail))
    return 0


def register(commands) -> None:
    diff = commands.add_parser("diff", help="facts added, removed and changed between two builds",
                               description=__doc__.split("\n\n")[0])
    diff.add_argument("old", help="the earlier build folder")
    diff.add_argument("new", help="the later build folder")
    diff.add_argument("--format", choices=("text", "json"), default="text")
    diff.add_argument("--detail", type=int, default=20, help="facts listed per document and kind (default 20)")
    diff.set_defaults(run=command_diff)
