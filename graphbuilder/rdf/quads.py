"""The built rdflib dataset as quads, once: into Oxigraph, as N-Quads files, counted.

A build reads its graph several times (Turtle and TriG, the facts export, SHACL, the
triple count). Iterating an rdflib ``Dataset`` quad by quad resolves each triple's
graphs again, and converting term by term makes a new Oxigraph term for every
occurrence. Here each named graph is walked once, each distinct term converted once
(a graph names the same entities, predicates and classes over and over), and the
quads are handed to Oxigraph in bulk.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from graphbuilder.rdf.literals import escaper

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
DEFAULT_GRAPH_IRI = "urn:x-rdflib:default"


def named_graphs(dataset) -> Iterator[tuple[object, Graph]]:
    """(graph name or None for the default graph, graph) of a Dataset; a plain Graph as the default."""
    if isinstance(dataset, Graph) and not hasattr(dataset, "graphs") and not hasattr(dataset, "contexts"):
        yield None, dataset
        return
    if not isinstance(dataset, Graph):
        raise TypeError(f"not an rdflib graph or dataset: {type(dataset).__name__}")
    graphs = dataset.graphs() if hasattr(dataset, "graphs") else dataset.contexts()
    for graph in graphs:
        name = graph.identifier
        yield (None if str(name) == DEFAULT_GRAPH_IRI else name), graph


class TermCache(dict):
    """rdflib term → Oxigraph term, each made once."""

    def __missing__(self, node):
        kind = type(node)
        if kind is URIRef or (kind is not Literal and isinstance(node, URIRef)):
            made = ox.NamedNode(str(node))
        elif kind is Literal or isinstance(node, Literal):
            if node.language:
                made = ox.Literal(str(node), language=node.language)
            else:
                made = ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype or XSD_STRING)))
        elif isinstance(node, BNode):
            made = ox.BlankNode(str(node))
        elif node is None:
            made = ox.DefaultGraph()
        else:
            raise TypeError(f"cannot convert {node!r} to an Oxigraph term")
        self[node] = made
        return made


def graph_triples(graph: Graph) -> Iterable[tuple]:
    """The triples of one graph, read straight from rdflib's in-memory index when it is one.

    ``Graph.__iter__`` on the Memory store works out every triple's graphs as it goes
    (most of its cost, ~10 µs a triple); the store keeps each graph's triples in a set,
    which is what iteration returns, so read that set. Other stores (or a future rdflib
    without that index) take the public path.
    """
    index = getattr(graph.store, "_Memory__contextTriples", None)
    if type(graph.store).__name__ != "Memory" or not isinstance(index, dict):
        return graph
    identifier = graph.identifier
    return index.get(f"{type(identifier).__name__}:{identifier}", ())


def quads(dataset) -> Iterator[tuple]:
    """(s, p, o, graph name or None) as rdflib terms, for every triple of every graph.

    ``dataset`` is an rdflib Graph or Dataset, or an Oxigraph store (its terms converted
    to rdflib terms, each distinct term once).
    """
    if isinstance(dataset, ox.Store):
        yield from store_quads(dataset)
        return
    for name, graph in named_graphs(dataset):
        for s, p, o in graph_triples(graph):
            yield s, p, o, name


class RdflibTerms(dict):
    """Oxigraph term → rdflib term, each made once."""

    def __missing__(self, node):
        if isinstance(node, ox.NamedNode):
            made = URIRef(node.value)
        elif isinstance(node, ox.Literal):
            made = Literal(node.value, lang=node.language) if node.language else \
                Literal(node.value, datatype=None if node.datatype.value == XSD_STRING else URIRef(node.datatype.value),
                        normalize=False)
        elif isinstance(node, ox.BlankNode):
            made = BNode(node.value)
        else:
            made = None             # the default graph
        self[node] = made
        return made


def store_quads(store: ox.Store) -> Iterator[tuple]:
    terms = RdflibTerms()
    for quad in store:
        yield terms[quad.subject], terms[quad.predicate], terms[quad.object], terms[quad.graph_name]


def oxigraph_quads(dataset) -> Iterator[ox.Quad]:
    """Every quad of an rdflib Graph or Dataset as an Oxigraph quad."""
    terms = TermCache()
    for s, p, o, name in quads(dataset):
        yield ox.Quad(terms[s], terms[p], terms[o], terms[name])


def to_store(dataset) -> ox.Store:
    """An in-memory Oxigraph store of an rdflib Graph or Dataset (an Oxigraph store as is)."""
    if isinstance(dataset, ox.Store):
        return dataset
    if isinstance(dataset, QuadIndex):
        return dataset.to_store()
    store = ox.Store()
    store.bulk_extend(oxigraph_quads(dataset))
    return store


LITERAL = "\x00literal"      # first item of a literal's key, which no IRI key equals


def key_of(term) -> str | tuple:
    """A term as a plain, fast-hashing key: an IRI's string; a literal's lexical form, datatype, language."""
    kind = type(term)
    if kind is URIRef or (kind is not Literal and isinstance(term, URIRef)):
        return str(term)
    if kind is Literal or isinstance(term, Literal):
        return LITERAL, str(term), str(term.datatype or ""), term.language or ""
    return term               # a blank node stays itself


class QuadIndex:
    """A dataset's quads indexed once by plain strings: graph → subject → predicate → object keys.

    rdflib terms compare and hash in Python; strings and tuples of strings do it in C.
    The writers sort and render from this index, and the Oxigraph copy is made from it,
    so the rdflib dataset is walked once per build.
    """

    def __init__(self, source):
        """From an rdflib Graph or Dataset, an Oxigraph store, or (s, p, o, graph) rdflib terms."""
        readable = hasattr(source, "quads") or isinstance(source, ox.Store)
        self.terms: dict = {}        # key → its (first seen) rdflib term
        self.graphs: dict = {}       # graph IRI (None: the default graph) → subject → predicate → objects
        terms = self.terms
        for s, p, o, g in (quads(source) if readable else source):
            subject, predicate, value = key_of(s), key_of(p), key_of(o)
            graph = None if g is None or str(g) == DEFAULT_GRAPH_IRI else str(g)
            for key, term in ((subject, s), (predicate, p), (value, o), (graph, g)):
                if key not in terms:
                    terms[key] = term
            subjects = self.graphs.get(graph)
            if subjects is None:
                subjects = self.graphs[graph] = {}
            predicates = subjects.get(subject)
            if predicates is None:
                predicates = subjects[subject] = {}
            objects = predicates.get(predicate)
            if objects is None:
                predicates[predicate] = {value}
            else:
                objects.add(value)

    def __len__(self) -> int:
        return sum(len(objects) for subjects in self.graphs.values()
                   for predicates in subjects.values() for objects in predicates.values())

    def to_store(self, batch: int = 200_000, release: bool = False) -> ox.Store:
        """An Oxigraph store of the quads, loaded as N-Quads text in batches.

        Oxigraph parses and inserts a quad in ~3 µs; making Python term and quad objects
        first costs twice that again, while each distinct key's N-Quads text is made once.
        ``release`` empties the index graph by graph as the store fills, so that the
        two copies are not held whole at once (the index is then empty).
        """
        text = {key: nquads_term(term) for key, term in self.terms.items()}
        if release:
            self.terms = {}
        store, lines = ox.Store(), []
        for g in list(self.graphs):
            subjects = self.graphs.pop(g) if release else self.graphs[g]
            graph = f" {text[g]} .\n" if g is not None else " .\n"
            for s, predicates in subjects.items():
                subject = text[s] + " "
                for p, objects in predicates.items():
                    head = subject + text[p] + " "
                    lines.extend(head + text[o] + graph for o in objects)
                if len(lines) >= batch:
                    store.load("".join(lines).encode("utf-8"), format=ox.RdfFormat.N_QUADS)
                    lines = []
        if lines:
            store.load("".join(lines).encode("utf-8"), format=ox.RdfFormat.N_QUADS)
        return store


NQUADS_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
nquads_escape = escaper(NQUADS_ESCAPES)


def nquads_term(term) -> str:
    """A term in N-Quads syntax (the default graph, None, has none)."""
    kind = type(term)
    if term is None:
        return ""
    if kind is URIRef or (kind is not Literal and isinstance(term, URIRef)):
        return f"<{term}>"
    if kind is Literal or isinstance(term, Literal):
        quoted = '"' + nquads_escape(str(term)) + '"'
        if term.language:
            return f"{quoted}@{term.language}"
        datatype = str(term.datatype or XSD_STRING)
        return quoted if datatype == XSD_STRING else f"{quoted}^^<{datatype}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    raise TypeError(f"cannot write {term!r} as N-Quads")


PARTITIONS = "nquads"             # the build folder's sub-folder of N-Quads partitions
PARTITION_GLOB = "part-*.nq"


def partition_files(folder: Path) -> list[Path]:
    """The N-Quads partitions in ``folder``, in the order they were written."""
    return sorted(Path(folder).glob(PARTITION_GLOB))


def remove_partitions(folder: Path) -> None:
    """Delete the partitions an earlier build left, so that none outlives its graph."""
    for stale in partition_files(folder):
        stale.unlink()


def write_partitions(store: ox.Store, folder: Path) -> list[Path]:
    """One N-Quads file per named graph (``part-00000.nq`` … in graph-name order), for loaders.

    A SPARQL server loads the folder file by file (``graphbuilder push``); together the
    files hold exactly the store's quads.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    remove_partitions(folder)
    names = sorted(store.named_graphs(), key=lambda g: g.value)
    defaults = next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None)
    graphs = ([ox.DefaultGraph()] if defaults is not None else []) + names
    return write_graph_partitions(store, graphs, folder)


def write_graph_partitions(store: ox.Store, graphs: list, folder: Path, first: int = 0) -> list[Path]:
    """``part-NNNNN.nq`` for each of ``graphs`` (names or terms) in ``store``, numbered from
    ``first``: a build writes its batches' graphs from one store at a time."""
    from graphbuilder.export.rdf_files import write_atomic

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for k, graph in enumerate(graphs, start=first):
        graph = ox.NamedNode(graph) if isinstance(graph, str) else graph
        quads = sorted(store.quads_for_pattern(None, None, None, graph), key=str)
        path = folder / f"part-{k:05d}.nq"
        write_atomic(path, ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
        written.append(path)
    return written
