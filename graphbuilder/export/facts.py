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
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox
import rdflib

from graphbuilder.export.rdf_files import write_atomic
from graphbuilder.paths import queries_dir

XSD = "http://www.w3.org/2001/XMLSchema#"
DEFAULT_GRAPH = "urn:x-rdflib:default"
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
COMMON_EXTRAS = ("iri", "src_line", "quote", "start", "end")
OMIT_WHEN_EMPTY = frozenset({"gender", "by_position", "deadline"})


def read_query(name: str) -> str:
    return (queries_dir() / f"{name}.rq").read_text(encoding="utf-8")


def to_oxigraph(term) -> ox.NamedNode | ox.Literal:
    """An rdflib IRI or literal as a pyoxigraph term (the graph has no blank nodes)."""
    if isinstance(term, rdflib.Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or XSD + "string")))
    return ox.NamedNode(str(term))


def load_store(dataset) -> ox.Store:
    """An in-memory oxigraph store holding every quad of an rdflib Dataset (or a Store as is)."""
    if isinstance(dataset, ox.Store):
        return dataset
    store = ox.Store()
    store.extend(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o),
                         ox.DefaultGraph() if g is None or str(g) == DEFAULT_GRAPH else to_oxigraph(g))
                 for s, p, o, g in dataset.quads((None, None, None, None)))
    return store


def to_python(term) -> object:
    """A SPARQL result term as a JSON value: integers and booleans typed, the rest as text."""
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if datatype == XSD + "integer":
            return int(term.value)
        if datatype == XSD + "boolean":
            return term.value in ("true", "1")
    return term.value


def run_query(store: ox.Store, name: str, doc: str | None = None) -> list[dict[str, object]]:
    """Run a shipped query over the union of all graphs; ``doc`` binds ``?doc``."""
    substitutions = {ox.Variable("doc"): ox.Literal(doc)} if doc else None
    solutions = store.query(read_query(name), use_default_graph_as_union=True,
                            substitutions=substitutions)
    names = [variable.value for variable in solutions.variables]
    return [{n: to_python(solution[n]) for n in names} for solution in solutions]


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
