"""`graphbuilder candidates`: pairs of entities to review, with the evidence on each side.

Namesakes the resolver kept apart (conflicting gender or exclusive posts on one date)
and pairs judged "unsure" in the judgements file. Record a verdict by adding a row to
the judgements file (see ``graphbuilder/entities/judgements.py``) and rebuild.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def command_candidates(args: argparse.Namespace) -> int:
    from graphbuilder.cli._common import open_built, print_rows
    from graphbuilder.entities.judgements import Judgements
    from graphbuilder.paths import ontology_dir
    from graphbuilder.query.answers import candidates

    judgements, problems = Judgements.load(Path(args.judgements) if args.judgements
                                           else ontology_dir() / "judgements.tsv")
    for problem in problems:
        print(problem, file=sys.stderr)
    found = candidates(Path(args.out), judgements, open_built(args.out))
    if args.format == "json":
        json.dump([c.as_json() for c in found], sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    if not found:
        print("no candidate pairs: no namesakes were kept apart and no pair is judged unsure")
    for number, candidate in enumerate(found, start=1):
        print(f"{number}. {candidate.left}  ↔  {candidate.right}\n   {candidate.why}: {candidate.evidence}")
        print_rows(list(candidate.facts), ["side", "doc", "date", "kind", "quote"], "table")
        print()
    return 0


def register(commands) -> None:
    found = commands.add_parser("candidates", help="pairs of persons or organisations to review")
    found.add_argument("--out", default="out", help="a built output folder (default: out)")
    found.add_argument("--judgements", help="judgements file (default: ontology/judgements.tsv)")
    found.add_argument("--format", choices=("table", "json"), default="table")
    found.set_defaults(run=command_candidates)
