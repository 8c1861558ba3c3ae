"""`graphbuilder holders POST --on DATE`: who held a post on a date, with the evidence."""
from __future__ import annotations

import argparse
import sys

from graphbuilder.cli._common import add_output_arguments, open_built, print_rows, valid_date

COLUMNS = ["name", "post_name", "start", "end", "first_evidence", "last_evidence", "status", "certainty",
           "opened_in", "closed_in", "holder"]


def command_holders(args: argparse.Namespace) -> int:
    from graphbuilder.query.answers import holders

    rows = holders(open_built(args.out), args.post, args.on)
    if not rows and args.format == "table":
        print(f"no tenure of {args.post!r} covers {args.on} in {args.out}/", file=sys.stderr)
        return 0
    print_rows(rows, COLUMNS, args.format)
    return 0


def register(commands) -> None:
    holders = commands.add_parser("holders", help="who held a post on a date (from the built graph)")
    holders.add_argument("post", metavar="POST", help="the post as printed (市水利局局长), its canonical name or IRI")
    holders.add_argument("--on", type=valid_date, required=True, help="the date (YYYY-MM-DD)")
    add_output_arguments(holders)
    holders.set_defaults(run=command_holders)
