"""`graphbuilder push OUT --endpoint URL`: replace each named graph on a Graph Store server.

    graphbuilder push out/ --endpoint http://localhost:7878/store          # Oxigraph
    graphbuilder push out/ --endpoint http://fuseki:3030/gazettes/data --user admin:secret

Exit 0 when every graph was accepted, 1 when the build cannot be read or the server
refused a graph (the graphs before it are already replaced; push again to finish).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path


def command_push(args: argparse.Namespace) -> int:
    from graphbuilder.query.push import PushError, push, source_of
    from graphbuilder.query.store import StoreError

    started = time.perf_counter()
    auth = args.user or os.environ.get("GRAPHBUILDER_PUSH_USER")
    show = (lambda p: print(f"  {p.graph}: {p.triples} triples (HTTP {p.status})", file=sys.stderr)) \
        if args.verbose else None
    try:
        pushed = push(Path(args.out), args.endpoint, auth, args.timeout, on_graph=show)
    except (FileNotFoundError, StoreError, PushError) as error:
        print(f"graphbuilder push: {error}", file=sys.stderr)
        return 1
    triples = sum(p.triples for p in pushed)
    print(f"pushed {len(pushed)} graphs, {triples} triples, from {source_of(Path(args.out))} to {args.endpoint} "
          f"in {time.perf_counter() - started:.1f}s (each graph replaced)", file=sys.stderr)
    return 0


def register(commands) -> None:
    push = commands.add_parser("push", help="load a build's named graphs into a SPARQL Graph Store server",
                               description=__doc__.split("\n\n")[0])
    push.add_argument("out", nargs="?", default="out", help="the build folder (default: out)")
    push.add_argument("--endpoint", required=True, help="the Graph Store Protocol URL (Oxigraph: http://HOST:PORT/store)")
    push.add_argument("--user", metavar="USER:PASSWORD",
                      help="HTTP basic auth (or $GRAPHBUILDER_PUSH_USER)")
    push.add_argument("--timeout", type=float, default=300.0, help="seconds per graph (default 300)")
    push.add_argument("-v", "--verbose", action="store_true", help="one line per graph")
    push.set_defaults(run=command_push)
