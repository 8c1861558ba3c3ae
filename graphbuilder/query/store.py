"""The query store: built graphs in Oxigraph (pyoxigraph), and SPARQL over them.

Every reader of a built graph goes through here: the facts export, the named queries,
the command-line answers (``holders``, ``person``), pages and analytics. Oxigraph
answers the OPTIONAL-heavy joins of our queries in milliseconds where rdflib's
pure-Python engine takes seconds, and it is what the query endpoint serves.

Measured against rdflib's in-memory store on gazette-shaped graphs of 1e4–1e6 triples
(``benchmarks/stores.py``, ``benchmarks/RESULTS.md``), Oxigraph is the default; an
analyst who wants rdflib's Graph API gets the same store through ``as_rdflib``
(the oxrdflib store plugin). ``--store DIR`` keeps a loaded build on disk
(``open_output(out, store_dir)``) so that large builds are parsed once.
"""
from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path
from typing import Mapping

import pyoxigraph as ox
import rdflib

from graphbuilder.paths import queries_dir
from graphbuilder.query.bindings import bind_values

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_INTEGER, XSD_BOOLEAN = XSD + "integer", XSD + "boolean"
DEFAULT_GRAPH = "urn:x-rdflib:default"
GRAPH_FILE = "graph.trig"
STAMP_FILE = "graphbuilder-store.json"   # in a --store DIR: which graph.trig it holds
RE_POSITION = re.compile(r"^error at (\d+):(\d+): ?")


class QueryError(ValueError):
    """A query the engine refused: ``where`` is ``line:column`` when the parser gave one."""

    def __init__(self, message: str, where: str = ""):
        super().__init__(f"{where}: {message}" if where else message)
        self.message, self.where = message, where


class StoreError(RuntimeError):
    """A build folder or store directory that cannot be read (message names the path)."""


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


def open_output(out: str | Path, store_dir: str | Path | None = None) -> ox.Store:
    """A store holding a build folder's ``graph.trig``: in memory, or persisted in ``store_dir``.

    A store directory remembers the digest of the ``graph.trig`` it was loaded from and
    is reloaded only when the build changed; otherwise it opens in milliseconds.
    """
    path = Path(out) / GRAPH_FILE
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no built graph here (run `graphbuilder build` first)")
    if store_dir is not None:
        return open_persistent(path, Path(store_dir))
    store = ox.Store()
    load_trig(store, path)
    return store


def load_trig(store: ox.Store, path: Path, on_disk: bool = False) -> None:
    """Parse ``path`` into ``store``. In memory, ``load`` beats ``bulk_load`` (1e6 triples:
    2.0 s and 360 MB against 2.4 s and 570 MB); on disk, ``bulk_load`` writes RocksDB's
    files directly (11 s against 24 s). benchmarks/RESULTS.md has the figures."""
    try:
        if on_disk:
            store.bulk_load(path=str(path), format=ox.RdfFormat.TRIG)
        else:
            store.load(path=str(path), format=ox.RdfFormat.TRIG)
    except SyntaxError as error:
        raise StoreError(f"{path}:{position_of(str(error)) or '?'}: not valid TriG: "
                         f"{RE_POSITION.sub('', str(error))}") from None


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def open_persistent(graph: Path, store_dir: Path) -> ox.Store:
    """The on-disk store in ``store_dir``, (re)loaded from ``graph`` when it changed."""
    stamp_path = store_dir / STAMP_FILE
    wanted = {"graph": str(graph.resolve()), "sha256": file_digest(graph)}
    if store_dir.exists() and not stamp_path.is_file() and any(store_dir.iterdir()):
        raise StoreError(f"{store_dir}: not a graphbuilder store (no {STAMP_FILE}); "
                         f"choose an empty or new directory")
    try:
        if stamp_path.is_file() and json.loads(stamp_path.read_text(encoding="utf-8")) == wanted:
            return ox.Store.read_only(str(store_dir))
        shutil.rmtree(store_dir, ignore_errors=True)
        store_dir.mkdir(parents=True)
        store = ox.Store(str(store_dir))
        load_trig(store, graph, on_disk=True)
        store.flush()
    except OSError as error:
        raise StoreError(f"{store_dir}: cannot open the store ({error})") from None
    stamp_path.write_text(json.dumps(wanted), encoding="utf-8")
    return store


def as_rdflib(store: ox.Store) -> rdflib.Dataset:
    """The same quads behind rdflib's Dataset API (oxrdflib), for notebooks; no copy is made.

    ``dataset.query(...)`` runs on Oxigraph; the union of the named graphs is the default graph.
    """
    from oxrdflib import OxigraphStore

    return rdflib.Dataset(store=OxigraphStore(store=store), default_union=True)


def to_python(term) -> object:
    """A SPARQL result term as a JSON value: integers and booleans typed, the rest as text."""
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if datatype == XSD_INTEGER:
            return int(term.value)
        if datatype == XSD_BOOLEAN:
            return term.value in ("true", "1")
    return term.value


def select(store: ox.Store, sparql: str, bindings: Mapping[str, object] | None = None) -> list[dict[str, object]]:
    """Rows of a SELECT over the union of all graphs; ``bindings`` pre-bind variables.

    A binding that is an ``ox`` term is used as is; a string starting ``http`` becomes
    an IRI, anything else a plain literal. Bindings become a VALUES block at the head
    of the WHERE group (``query/bindings.py`` says why); a variable left out is unbound.
    """
    solutions = run_sparql(store, sparql, bindings)
    if not isinstance(solutions, ox.QuerySolutions):
        raise QueryError("not a SELECT query")
    names = [variable.value for variable in solutions.variables]
    return [{n: to_python(solution[n]) for n in names} for solution in solutions]


def run_sparql(store: ox.Store, sparql: str, bindings: Mapping[str, object] | None = None):
    """Any query form over the union of all graphs: pyoxigraph's solutions, triples or boolean.

    A query the parser rejects raises QueryError with the line and column of the
    text as given (not as bound).
    """
    terms = {name: str(as_term(value)) for name, value in (bindings or {}).items() if value is not None}
    try:
        text = bind_values(sparql, terms)
    except ValueError as error:
        check_syntax(sparql)
        raise QueryError(str(error)) from None
    try:
        return store.query(text, use_default_graph_as_union=True)
    except SyntaxError as error:
        check_syntax(sparql)
        raise QueryError(RE_POSITION.sub("", str(error)), position_of(str(error))) from None


def check_syntax(sparql: str) -> None:
    """Raise QueryError (with line:column) if ``sparql`` does not parse."""
    try:
        ox.Store().query(sparql)
    except SyntaxError as error:
        raise QueryError(RE_POSITION.sub("", str(error)), position_of(str(error))) from None


def position_of(message: str) -> str:
    """``line:column`` from a pyoxigraph parser message (``error at 3:14: …``), or ""."""
    match = RE_POSITION.match(message)
    return f"{match.group(1)}:{match.group(2)}" if match else ""


def as_term(value: object):
    if isinstance(value, (ox.NamedNode, ox.Literal)):
        return value
    text = str(value)
    return ox.NamedNode(text) if text.startswith(("http://", "https://")) else ox.Literal(text)


def run_query(store: ox.Store, name: str, doc: str | None = None) -> list[dict[str, object]]:
    """Run a shipped query; ``doc`` binds ``?doc`` (a document number)."""
    return select(store, read_query(name), {"doc": doc} if doc else None)
