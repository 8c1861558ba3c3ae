"""`graphbuilder stats OUT_DIR`: network measures of a built graph, as tables or JSON.

Prints who bridges most groups, which agencies carry most duties, the communities of
agencies that work together, the core members of the command bodies and turnover per
agency and year. ``--write`` also records them in ``OUT_DIR/analytics.trig`` for SPARQL.
Exit 1 when the build cannot be read.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import unicodedata
from pathlib import Path

TABLES = ("bridging", "duties", "communities", "command_core", "turnover")
TITLES = {
    "bridging": "Bridging persons (betweenness on co-membership)",
    "duties": "Agencies by tasks led and supported",
    "communities": "Communities of agencies sharing tasks (Louvain)",
    "command_core": "Core members of command bodies (指挥部)",
    "turnover": "Turnover per agency and year",
}
MEMBERS_SHOWN = 6


def width(text: str) -> int:
    """Columns the text takes on a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, columns: int, right: bool) -> str:
    fill = " " * (columns - width(text))
    return fill + text if right else text + fill


def render_table(title: str, header: list[str], rows: list[list[object]]) -> str:
    """An aligned plain-text table; numbers right-aligned."""
    cells = [[str(v) for v in row] for row in rows]
    numeric = [all(isinstance(row[i], (int, float)) for row in rows) for i in range(len(header))]
    widths = [max([width(header[i])] + [width(row[i]) for row in cells]) for i in range(len(header))]
    lines = [title, "  ".join(pad(h, w, r) for h, w, r in zip(header, widths, numeric)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(pad(c, w, r) for c, w, r in zip(row, widths, numeric)) for row in cells]
    if not rows:
        lines.append("(none)")
    return "\n".join(line.rstrip() for line in lines)


def title(name: str, year: int | None) -> str:
    return TITLES[name] + (f", notices of {year}" if name == "command_core" and year is not None else "")


def table_rows(name: str, results: list) -> tuple[list[str], list[list[object]]]:
    if name == "bridging":
        return (["#", "person", "betweenness", "groups", "contacts"],
                [[i, r.name, round(r.betweenness, 4), r.groups, r.contacts] for i, r in enumerate(results, 1)])
    if name == "duties":
        return (["#", "agency", "lead", "support", "total"],
                [[i, r.name, r.lead, r.support, r.total] for i, r in enumerate(results, 1)])
    if name == "communities":
        return (["#", "agencies", "shared tasks", "members (strongest ties first)"],
                [[r.rank, r.size, r.internal_weight,
                  "、".join(n for _, n in r.members[:MEMBERS_SHOWN]) + ("…" if r.size > MEMBERS_SHOWN else "")]
                 for r in results])
    if name == "command_core":
        return (["#", "person", "command bodies", "roles"],
                [[i, r.name, r.bodies, "、".join(r.roles)] for i, r in enumerate(results, 1)])
    return (["#", "agency", "year", "appointments", "removals"],
            [[i, r.name or "(agency not resolved)", r.year or "undated", r.appointments, r.removals]
             for i, r in enumerate(results, 1)])


def as_json(results: list) -> list[dict]:
    """Dataclass fields plus the derived figures shown in the tables."""
    rows = []
    for result in results:
        row = dataclasses.asdict(result)
        for extra in ("total", "size", "anchor"):
            if hasattr(result, extra):
                row[extra] = getattr(result, extra)
        rows.append(row)
    return rows


def command_stats(args: argparse.Namespace) -> int:
    from graphbuilder.analytics import compute_stats
    from graphbuilder.analytics.annotate import write_analytics
    from graphbuilder.analytics.measures import command_core
    from graphbuilder.analytics.rows import read_memberships
    from graphbuilder.query.store import StoreError, open_output

    try:
        store = open_output(args.out_dir)
    except (StoreError, OSError, SyntaxError, ValueError) as error:     # each message names the file
        print(f"graphbuilder stats: cannot read the build: {error}", file=sys.stderr)
        return 1
    stats = compute_stats(store)
    shown = stats
    if args.year is not None:     # the tables only: what --write records covers every year
        shown = dataclasses.replace(stats, command_core=command_core(read_memberships(store), year=args.year))
    top = args.top if args.top > 0 else None
    if args.format == "json":
        print(json.dumps({name: as_json(getattr(shown, name)[:top]) for name in TABLES},
                         ensure_ascii=False, indent=2))
    else:
        print("\n\n".join(render_table(title(name, args.year), *table_rows(name, getattr(shown, name)[:top]))
                          for name in TABLES))
    if args.write:
        print(f"wrote {write_analytics(stats, args.out_dir)}", file=sys.stderr)
    return 0


def positive_or_zero(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 (all) or more, got {value}")
    return value


def register(commands) -> None:
    stats = commands.add_parser("stats", help="network measures of a built graph (tables or JSON)")
    stats.add_argument("out_dir", type=Path, metavar="OUT_DIR", help="a folder written by `graphbuilder build`")
    stats.add_argument("--format", choices=("table", "json"), default="table", help="output format (default: table)")
    stats.add_argument("--top", type=positive_or_zero, default=10, metavar="N",
                       help="rows per table (default: 10; 0 for all)")
    stats.add_argument("--year", type=int, help="count command bodies from the notices of this year only")
    stats.add_argument("--write", action="store_true",
                       help="also write the measures as triples to OUT_DIR/analytics.trig")
    stats.set_defaults(run=command_stats)
