"""`graphbuilder query`: a named query, a query file or query text, over a built folder.

    graphbuilder query group_members --param group=三门峡市人民政府应急救援总指挥部
    graphbuilder query --file mine.rq --param doc=三政〔2019〕9号 --format csv
    graphbuilder query --sparql "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    graphbuilder query --list

Exit 0 with an answer (even an empty one), 1 when the query or the build cannot be
read (the parser's line and column are given), 2 for usage (unknown query or parameter).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pyoxigraph as ox

FORMATS = ("table", "csv", "tsv", "json")


def fail(message: str, status: int) -> int:
    print(f"graphbuilder query: {message}", file=sys.stderr)
    return status


def list_catalogue() -> int:
    from graphbuilder.query.catalogue import describe, load_catalogue

    print("\n\n".join(describe(q) for q in load_catalogue().values()))
    return 0


def resolve_query(args) -> tuple[str, str, dict[str, str]]:
    """(source name for messages, SPARQL text, bindings) from the arguments."""
    from graphbuilder.query.catalogue import check_params, find_query, parse_assignments

    params = parse_assignments(args.param)
    if args.sparql is not None:
        return "<--sparql>", args.sparql, params
    if args.file is not None:
        path = Path(args.file)
        try:
            return str(path), path.read_text(encoding="utf-8"), params
        except (OSError, UnicodeDecodeError) as error:
            raise FileNotFoundError(f"{path}: cannot read the query ({error})") from None
    query = find_query(args.name)
    given = check_params(query, params)
    return str(query.path), query.text_for(given), given


def print_answer(result, fmt: str) -> None:
    from graphbuilder.query.format import Table, format_rows

    if isinstance(result, ox.QueryBoolean):
        sys.stdout.write(("true" if bool(result) else "false") + "\n")
    elif isinstance(result, ox.QuerySolutions):
        sys.stdout.write(format_rows(Table.from_solutions(result), fmt))
    else:   # CONSTRUCT / DESCRIBE: the triples as N-Triples
        sys.stdout.write(ox.serialize(result, format=ox.RdfFormat.N_TRIPLES).decode("utf-8"))


def command_query(args: argparse.Namespace) -> int:
    from graphbuilder.query.catalogue import CatalogueError
    from graphbuilder.query.store import QueryError, StoreError, open_output, run_sparql

    if args.list:
        return list_catalogue()
    if sum(x is not None for x in (args.name, args.file, args.sparql)) != 1:
        return fail("give one of NAME, --file Q.rq or --sparql TEXT (or --list)", 2)
    try:
        source, text, bindings = resolve_query(args)
    except CatalogueError as error:
        return fail(str(error), 2)
    except FileNotFoundError as error:
        return fail(str(error), 1)
    try:
        store = open_output(args.out, args.store)
        result = run_sparql(store, text, bindings)
        print_answer(result, args.format)
    except QueryError as error:
        where = f"{source}:{error.where}" if error.where else source
        return fail(f"{where}: SPARQL error: {error.message}", 1)
    except (FileNotFoundError, StoreError) as error:
        return fail(str(error), 1)
    except OSError as error:   # the engine's own evaluation errors (pyoxigraph raises OSError)
        return fail(f"{source}: {error}", 1)
    return 0


def register(commands) -> None:
    query = commands.add_parser("query", help="run a named SPARQL query (or a file, or text) over a build",
                                description=__doc__.split("\n\n")[0])
    query.add_argument("name", nargs="?", help="a named query (see --list)")
    query.add_argument("--param", action="append", metavar="NAME=VALUE", help="bind ?NAME (repeatable)")
    query.add_argument("--file", metavar="Q.rq", help="run the query in this file")
    query.add_argument("--sparql", metavar="TEXT", help="run this query text")
    query.add_argument("--out", default="out", help="the build folder (default: out)")
    query.add_argument("--store", metavar="DIR", help="keep the loaded graph in an on-disk store here (reused)")
    query.add_argument("--format", choices=FORMATS, default="table", help="table (default), csv, tsv or json")
    query.add_argument("--list", action="store_true", help="list the named queries with their parameters")
    query.set_defaults(run=command_query)
