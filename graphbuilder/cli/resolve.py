"""`graphbuilder resolve MENTION... [--on DATE] [--in JURISDICTION]`: how names resolve, as JSON."""
from __future__ import annotations

import argparse
import json
import sys

from graphbuilder.cli._common import valid_date



def command_resolve(args: argparse.Namespace) -> int:
    from graphbuilder.entities.resolve import Resolver

    resolver = Resolver()
    jurisdiction = (resolver.jurisdiction_of(args.issuer) if args.issuer else
                    args.jurisdiction if args.jurisdiction is not None else home_jurisdiction(resolver))
    answers = [{**resolver.resolve(mention, args.on or "", jurisdiction).as_json(),
                "jurisdiction": jurisdiction, "on": args.on or ""} for mention in args.mentions]
    json.dump(answers if len(answers) > 1 else answers[0], sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


def home_jurisdiction(resolver) -> str:
    """The jurisdiction most of the lexicon's agencies belong to: the corpus's own city."""
    from collections import Counter

    counts = Counter(a.jurisdiction for a in resolver.lexicon.agencies.values() if a.jurisdiction)
    return counts.most_common(1)[0][0] if counts else ""


def register(commands) -> None:
    resolve = commands.add_parser("resolve", help="show the canonical organisation a name resolves to (JSON)")
    resolve.add_argument("mentions", nargs="+", metavar="MENTION", help="organisation names as printed")
    resolve.add_argument("--on", type=valid_date, help="the date of the notice (YYYY-MM-DD)")
    where = resolve.add_mutually_exclusive_group()
    where.add_argument("--in", dest="jurisdiction",
                       help="jurisdiction whose 市/县 the names are read in (default: the lexicon's own city)")
    where.add_argument("--issuer", help="or the issuer of the notice (三门峡市人民政府办公室)")
    resolve.set_defaults(run=command_resolve)
