"""The query store: built graphs in Oxigraph (pyoxigraph), and SPARQL over them.

Every reader of a built graph goes through here: the facts export, the named queries,
the command-line answers (``holders``, ``person``), pages and analytics. Oxigraph
answers the OPTIONAL-heavy joins of our queries in milliseconds where rdflib's
pure-Python engine takes seconds, and it is what the query endpoint serves.
"""
from __future__ import annotations

from pathlib import Path
from typing import Mapping

import pyoxigraph as ox
import rdflib

from graphbuilder.paths import queries_dir

XSD = "http://www.w3.org/2001/XMLSchema#"
DEFAULT_GRAPH = "urn:x-rdflib:default"
GRAPH_FILE = "graph.trig"


def read_query(name: str) -> str:
    """The text of a query shipped in ``graphbuilder/query/queries/NAME.rq``."""
    return (queries_dir() / f"{name}.rq").read_text(encoding="utf-8")


def to_oxigraph(term) -> ox.NamedNode | ox.Literal:
    """An rdflib IRI or literal as a pyoxigraph term (our graphs have no blank nodes)."""
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


def open_output(out: str | Path) -> ox.Store:
    """An in-memory store loaded from a build folder's ``graph.trig``."""
    path = Path(out) / GRAPH_FILE
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no built graph here (run `graphbuilder build` first)")
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.TRIG)
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


def select(store: ox.Store, sparql: str, bindings: Mapping[str, object] | None = None) -> list[dict[str, object]]:
    """Rows of a SELECT over the union of all graphs; ``bindings`` pre-bind variables.

    A binding that is an ``ox`` term is used as is; a string starting ``http`` becomes
    an IRI, anything else a plain literal.
    """
    substitutions = {ox.Variable(name): as_term(value) for name, value in (bindings or {}).items()}
    solutions = store.query(sparql, use_default_graph_as_union=True, substitutions=substitutions or None)
    names = [variable.value for variable in solutions.variables]
    return [{n: to_python(solution[n]) for n in names} for solution in solutions]


def as_term(value: object):
    if isinstance(value, (ox.NamedNode, ox.Literal)):
        return value
    text = str(value)
    return ox.NamedNode(text) if text.startswith(("http://", "https://")) else ox.Literal(text)


def run_query(store: ox.Store, name: str, doc: str | None = None) -> list[dict[str, object]]:
    """Run a shipped query; ``doc`` binds ``?doc`` (a document number)."""
    return select(store, read_query(name), {"doc": doc} if doc else None)
