"""`graphbuilder person NAME`: a career timeline (posts, tenures, groups, honours) with documents."""
from __future__ import annotations

import argparse
import sys

from graphbuilder.cli._common import add_output_arguments, open_built, print_rows

COLUMNS = ["date", "kind", "what", "detail", "doc"]


def command_person(args: argparse.Namespace) -> int:
    from graphbuilder.query.answers import career

    rows = career(open_built(args.out), args.name)
    if not rows:
        print(f"no person named {args.name!r} in {args.out}/", file=sys.stderr)
        return 1
    if args.format != "table":
        print_rows(rows, ["person_iri", "name", *COLUMNS, "quote"], args.format)
        return 0
    persons = list(dict.fromkeys(r["person_iri"] for r in rows))
    for person in persons:
        mine = [r for r in rows if r["person_iri"] == person]
        print(f"{mine[0]['name']}  <{person}>" + ("  (one of namesakes kept apart)" if len(persons) > 1 else ""))
        print_rows(mine, COLUMNS, "table")
        print()
    return 0


def register(commands) -> None:
    person = commands.add_parser("person", help="a person's career timeline (from the built graph)")
    person.add_argument("name", metavar="NAME", help="the person's name (spaces ignored) or IRI")
    add_output_arguments(person)
    person.set_defaults(run=command_person)
