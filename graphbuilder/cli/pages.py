"""`graphbuilder pages OUT_DIR`: interactive network pages of a built graph in OUT_DIR/pages/.

Reads OUT_DIR/graph.trig (written by `graphbuilder build`). Exit 1 when there is no
readable graph there; the previous pages, if any, are left as they were.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def command_pages(args: argparse.Namespace) -> int:
    from graphbuilder.pages import write_site
    from graphbuilder.query.store import GRAPH_FILE, StoreError, open_output

    out = Path(args.out)
    try:
        store = open_output(out)
    except FileNotFoundError as error:
        print(f"{error}", file=sys.stderr)
        return 1
    except (StoreError, SyntaxError, ValueError, OSError) as error:
        print(f"{out / GRAPH_FILE}: not a readable TriG graph: {error}", file=sys.stderr)
        return 1
    summary = write_site(store, out / "pages")
    print(f"wrote {summary.pages} pages ({summary.nodes} nodes drawn) in {summary.seconds:.1f}s "
          f"→ {summary.index}", file=sys.stderr)
    return 0


def register(commands) -> None:
    pages = commands.add_parser("pages", help="write interactive network pages of a built graph to OUT_DIR/pages/")
    pages.add_argument("out", metavar="OUT_DIR", help="a build folder holding graph.trig (e.g. out)")
    pages.set_defaults(run=command_pages)
