"""`graphbuilder export OUT_DIR --format F [--to PATH]`: a build in the formats analysts' tools read.

    graphbuilder export out --format csv                 # out/tables/appointments.csv …
    graphbuilder export out --format popolo --to popolo.json
    graphbuilder export out --format jsonld              # out/graph.jsonld + context.jsonld
    graphbuilder export out --format gexf                # Gephi, with tenure/membership dynamics
    graphbuilder export out --format graphml             # scalar attributes only

Every file is written atomically: a failed export leaves no partial file. Exit 1 when
the build cannot be read or the export fails, 2 for usage.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

DEFAULT_TARGETS = {"csv": "tables", "popolo": "popolo.json", "jsonld": "graph.jsonld",
                   "gexf": "graph.gexf", "graphml": "graph.graphml"}


def write(fmt: str, out: Path, target: Path) -> list[Path]:
    """Run one exporter; the network formats come from export/networks.py."""
    from graphbuilder.query.store import open_output

    if fmt == "jsonld":
        from graphbuilder.export.jsonld import write_jsonld
        return write_jsonld(out, target)
    store = open_output(out)
    if fmt == "csv":
        from graphbuilder.export.tables import write_tables
        return write_tables(store, target)
    if fmt == "popolo":
        from graphbuilder.export.popolo import write_popolo
        return [write_popolo(store, target)]
    from graphbuilder.export import networks   # written with the analytics (issue 9)
    writer = networks.write_gexf if fmt == "gexf" else networks.write_graphml
    result = writer(store, target)
    return [Path(result)] if isinstance(result, (str, Path)) else [target]


def command_export(args: argparse.Namespace) -> int:
    from graphbuilder.query.store import StoreError

    out = Path(args.out)
    target = Path(args.to) if args.to else out / DEFAULT_TARGETS[args.format]
    try:
        paths = write(args.format, out, target)
    except (FileNotFoundError, StoreError) as error:
        print(f"graphbuilder export: {error}", file=sys.stderr)
        return 1
    except (OSError, ValueError) as error:
        print(f"graphbuilder export: {args.format} export to {target} failed, nothing written: {error}",
              file=sys.stderr)
        return 1
    print(f"exported {args.format}: " + ", ".join(map(str, paths)), file=sys.stderr)
    return 0


def register(commands) -> None:
    export = commands.add_parser("export", help="write a build as CSV tables, Popolo, JSON-LD, GEXF or GraphML",
                                 description=__doc__.split("\n\n")[0])
    export.add_argument("out", help="the build folder")
    export.add_argument("--format", required=True, choices=sorted(DEFAULT_TARGETS))
    export.add_argument("--to", metavar="PATH", help="file (a folder for csv); default inside the build folder")
    export.set_defaults(run=command_export)
