"""Graph → the flat facts export (``shared/facts-schema.md``), one JSON object per line.

The rows come from the built graph through the SPARQL queries shipped in
``query/queries/facts_*.rq``, never from the extractor records, so a fact the graph
lost is missing here too and the scorer sees exactly what the graph holds.

The queries run on pyoxigraph rather than rdflib's SPARQL engine: rdflib evaluates
the OPTIONAL-heavy joins in pure Python and takes seconds to minutes on a full
gazette build, while oxigraph answers in milliseconds, supports binding ``?doc``
by substitution, and is the store the query endpoint uses, so analysts and the
export run the same engine. Loading copies the quads term by term.
"""
from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Iterable, Iterator

from graphbuilder.export.rdf_files import write_atomic
from graphbuilder.export.runs import SortedRuns
from graphbuilder.query.store import load_store, read_query, run_query, run_sparql, to_python

QUALIFIER_SEPARATOR = "\x1f"
TYPES = ("appointment", "membership", "office", "assignment", "commendation")
FIELDS = {   # the schema's own fields, after type, doc and date
    "appointment": ("person", "action", "post", "qualifiers"),
    "membership": ("group", "person", "role", "stated_post"),
    "office": ("group", "unit"),
    "assignment": ("task", "task_title", "unit", "kind"),
    "commendation": ("recipient", "affiliation", "award"),
}
EXTRAS = {   # ignored by the scorer; written after the schema's fields
    "appointment": ("gender",),
    "membership": ("qualifiers", "by_position"),
    "office": ("unit_id", "unit_name"),
    "assignment": ("unit_printed", "list_label", "deadline", "unit_id", "unit_name"),
    "commendation": ("award_text",),
}
RUN_CHARS = 16_000_000     # characters of lines held before a sorted run is written out
COMMON_EXTRAS = ("iri", "src_line", "quote", "start", "end", "page")
OMIT_WHEN_EMPTY = frozenset({"gender", "by_position", "deadline", "page"})   # page: PDF sources only


def order_qualifiers(joined: str, quote: str) -> list[str]:
    """Split GROUP_CONCAT output and restore text order: RDF keeps a set, the text an order."""
    values = [v for v in joined.split(QUALIFIER_SEPARATOR) if v]
    flat = "".join(quote.split())
    return sorted(set(values), key=lambda v: (flat.find(v) if v in flat else len(flat), v))


def make_row(kind: str, result: dict[str, object]) -> dict[str, object]:
    """Order a query result's fields as the schema does: type, doc, date, fields, extras."""
    if "qualifiers" in result:
        result = {**result, "qualifiers": order_qualifiers(str(result["qualifiers"]), str(result["quote"]))}
    row: dict[str, object] = {"type": kind, "doc": result["doc"], "date": result["date"]}
    for name in (*FIELDS[kind], *EXTRAS[kind], *COMMON_EXTRAS):
        if name in row or (name in OMIT_WHEN_EMPTY and not result.get(name)):
            continue
        row[name] = result.get(name, "")
    return row


def sort_key(row: dict[str, object]) -> tuple:
    """Notice by notice, then text order; the fact IRI breaks ties."""
    return (row["doc"], row["start"], row["end"], TYPES.index(row["type"]), row["iri"])


def export_facts(dataset, doc: str | None = None) -> list[dict[str, object]]:
    """Every fact of the graph as a facts-schema row, sorted deterministically."""
    store = load_store(dataset)
    rows = [make_row(kind, result) for kind in TYPES
            for result in run_query(store, f"facts_{kind}", doc)]
    return sorted(rows, key=sort_key)


def facts_jsonl(rows: Iterable[dict[str, object]]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n" for row in rows)


def write_facts_jsonl(rows: Iterable[dict[str, object]], path: Path) -> Path:
    """Write rows as JSON lines, atomically (temporary file, then rename)."""
    write_atomic(Path(path), facts_jsonl(rows).encode("utf-8"))
    return Path(path)


def keyed_fact_lines(store) -> Iterator[tuple[tuple, str]]:
    """Each fact of an Oxigraph store as (sort key, JSON line), kind by kind in query order:
    each query solution becomes its line at once (a row's dict of Python values was ~2 KB
    a fact)."""
    for kind in TYPES:
        solutions = run_sparql(store, read_query(f"facts_{kind}"))
        names = [variable.value for variable in solutions.variables]
        for solution in solutions:      # a solution iterates its values in variable order
            row = make_row(kind, dict(zip(names, map(to_python, solution))))
            yield sort_key(row), json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n"


def fact_runs(store, folder: Path, name: str = "facts", tag: tuple = ()) -> SortedRuns:
    """The store's facts lines held for sorting through run files in ``folder``
    (``runs.SortedRuns``), keyed (sort key, *tag, running number): the number keeps equal
    keys in query order, as the sort of rows does; ``tag`` orders the stores of a build."""
    lines = SortedRuns(folder, name, RUN_CHARS, unique=False)
    for number, (key, line) in enumerate(keyed_fact_lines(store)):
        lines.add((key, *tag, number), line)
    return lines


def fact_lines(store, folder: Path) -> Iterator[str]:
    """:func:`export_facts` as JSON lines, sorted the same way, in bounded memory."""
    return fact_runs(store, folder).merged()


def write_store_facts(store, path: Path) -> Path:
    """The facts export of an Oxigraph store, written line by line, atomically."""
    with tempfile.TemporaryDirectory(prefix="graphbuilder-facts-") as folder:
        write_atomic(Path(path), fact_lines(store, Path(folder)))
    return Path(path)
