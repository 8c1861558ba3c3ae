"""Graph → ``graph.ttl`` (all named graphs merged) and ``graph.trig``, byte-identical across runs.

rdflib's Turtle serializer gave identical bytes for shuffled inputs when checked,
but its TriG serializer writes named graphs in store order, which follows the order
documents were added, so a shuffled input gives different bytes. These writers therefore print sorted Turtle
themselves: subjects in IRI order, ``rdf:type`` first then predicates in IRI order,
objects sorted, one escaped single-line literal per value, so that a diff of two
builds shows only what changed. The graph has no blank nodes (IRIs are hashes of
keys), which is what makes plain sorting canonical.
"""
from __future__ import annotations

import os
import re
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from rdflib import RDF, XSD, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDFS, SKOS, TIME

from graphbuilder.entities.keys import BASE, kind_and_local
from graphbuilder.rdf.literals import escaper
from graphbuilder.rdf.ns import GB

STANDARD_PREFIXES = {
    "dcterms": str(DCTERMS), "foaf": str(FOAF), "gb": str(GB._NS), "org": str(ORG), "owl": str(OWL),
    "prov": str(PROV), "rdf": str(RDF), "rdfs": str(RDFS), "skos": str(SKOS), "time": str(TIME),
    "xsd": str(XSD),
}
RE_LOCAL = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?$")
RDF_TYPE = str(RDF.type)
BARE = {str(XSD.integer): re.compile(r"^[+-]?\d+$"), str(XSD.boolean): re.compile(r"^(true|false)$")}
ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes | Iterable[str]) -> None:
    """Write to a temporary file beside ``path``, then rename: readers never see half a file.

    ``data`` is bytes, or pieces of text written (UTF-8) as they come, so that a large
    file never has to exist whole in memory.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~current_umask())   # mkstemp makes 0600; outputs are shared files
        with os.fdopen(fd, "wb") as fh:
            if isinstance(data, (bytes, bytearray)):
                fh.write(data)
            else:
                for piece in data:
                    fh.write(piece.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def prefixes_for(terms: Iterable) -> dict[str, str]:
    """The standard prefixes plus one per IRI kind under ``id/`` (person:, task: …)."""
    prefixes = dict(STANDARD_PREFIXES)
    for term in terms:
        split = kind_and_local(term) if isinstance(term, URIRef) else None
        if split and split[0] not in prefixes:
            prefixes[split[0]] = BASE + split[0] + "/"
    return dict(sorted(prefixes.items()))


ESCAPE_TABLE = str.maketrans({**{chr(c): f"\\u{c:04X}" for c in range(0x20)}, **ESCAPES})


escape = escaper(ESCAPE_TABLE)


def iri_text(iri: URIRef, prefixes: dict[str, str]) -> str:
    """``prefix:local`` under the longest matching namespace when the local part is a safe name."""
    return _iri_text(str(iri), tuple(prefixes.items()))


@lru_cache(maxsize=200_000)
def _iri_text(iri: str, prefixes: tuple[tuple[str, str], ...]) -> str:
    matches = [(len(ns), prefix, iri[len(ns):]) for prefix, ns in prefixes
               if iri.startswith(ns) and RE_LOCAL.match(iri[len(ns):])]
    if not matches:
        return f"<{iri}>"
    _, prefix, local = max(matches)
    return f"{prefix}:{local}"


def term_text(term, prefixes: dict[str, str]) -> str:
    if isinstance(term, URIRef):
        return iri_text(term, prefixes)
    if not isinstance(term, Literal):
        raise TypeError(f"only IRIs and literals can be written, got {term!r} (no blank nodes)")
    lexical = str(term)
    datatype = str(term.datatype or "")
    if datatype in BARE and BARE[datatype].match(lexical):
        return lexical
    text = f'"{escape(lexical)}"'
    if term.language:
        return f"{text}@{term.language}"
    if datatype and datatype != str(XSD.string):
        return f"{text}^^{iri_text(URIRef(datatype), prefixes)}"
    return text


class Renderer(dict):
    """term → its Turtle text under fixed prefixes, each distinct term rendered once."""

    def __init__(self, prefixes: dict[str, str]):
        super().__init__()
        self.prefixes = prefixes

    def __missing__(self, term) -> str:
        text = self[term] = term_text(term, self.prefixes)
        return text


def group_by_subject(triples: Iterable[tuple]) -> dict:
    """subject → predicate → set of objects."""
    by_subject: dict = {}
    for s, p, o in triples:
        by_subject.setdefault(s, {}).setdefault(p, set()).add(o)
    return by_subject


def block(subject, predicates: dict, render, indent: str = "") -> str:
    """One subject's Turtle: ``rdf:type`` first, then predicates in IRI order, objects sorted."""
    lines = []
    for predicate in sorted(predicates, key=lambda p: (str(p) != RDF_TYPE, str(p))):
        name = "a" if str(predicate) == RDF_TYPE else render[predicate]
        objects = sorted([render[o] for o in predicates[predicate]])
        lines.append(f"{indent}    {name} {', '.join(objects)}")
    return f"{indent}{render[subject]}\n" + " ;\n".join(lines) + " .\n"


def subject_blocks(triples: Iterable[tuple], prefixes: dict[str, str], indent: str = "") -> list[str]:
    """Turtle blocks, one per subject, fully sorted."""
    by_subject = group_by_subject(triples)
    render = Renderer(prefixes)
    return [block(subject, by_subject[subject], render, indent) for subject in sorted(by_subject, key=str)]


def prefix_header(prefixes: dict[str, str]) -> str:
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in prefixes.items()) + "\n"


def turtle_text(triples: Iterable[tuple]) -> str:
    """Sorted Turtle for a set of triples."""
    return SortedGraph((s, p, o, None) for s, p, o in triples).turtle()


def is_default(graph) -> bool:
    return graph is None or str(graph) == "urn:x-rdflib:default"


def own_text(term) -> str:
    """A term's Turtle text under the standard prefixes plus its own kind's.

    Under the full prefix map of a file the text is the same: a kind's namespace
    (``…/id/person/``) only matches IRIs of that kind, so the other kinds' prefixes
    never apply to it. That makes rendering independent of the rest of the graph.
    """
    if isinstance(term, Literal) and term.datatype is not None:
        return term_text(term, prefixes_for((term.datatype,)))
    return term_text(term, prefixes_for((term,)))


class SortedGraph:
    """A dataset's quads (a ``QuadIndex``: plain-string keys) rendered for the Turtle and TriG writers.

    Each distinct term is rendered once; grouping and sorting then work on Python
    strings, not rdflib terms, whose comparisons run in Python.
    """

    def __init__(self, source):
        """From a QuadIndex, an rdflib Graph or Dataset, an Oxigraph store, or (s, p, o, graph) terms."""
        from graphbuilder.rdf.quads import QuadIndex

        index = source if isinstance(source, QuadIndex) else QuadIndex(source)
        self.graphs = index.graphs
        self.texts = {key: own_text(term) for key, term in index.terms.items() if key is not None}

    def prefixes(self, with_graph_names: bool) -> dict[str, str]:
        iris = {key for key in self.texts if isinstance(key, str)}
        if not with_graph_names:
            iris -= {g for g in self.graphs if g is not None} - self.named_terms()
        return prefixes_for(URIRef(iri) for iri in iris)

    def named_terms(self) -> set:
        """Keys used as subject, predicate or object (not only as a graph name)."""
        used = set()
        for subjects in self.graphs.values():
            used.update(subjects)
            for predicates in subjects.values():
                used.update(predicates)
                for objects in predicates.values():
                    used.update(objects)
        return used

    def trig(self) -> str:
        """Sorted TriG: graphs in IRI order, each graph's triples sorted as in Turtle."""
        return "".join(self.trig_pieces())

    def trig_pieces(self) -> Iterator[str]:
        """:meth:`trig` a subject block at a time."""
        header = prefix_header(self.prefixes(with_graph_names=True))
        graphs = sorted(self.graphs, key=lambda g: (g is not None, str(g)))
        if not graphs:
            yield header.rstrip("\n") + "\n"
            return
        yield header
        for k, graph in enumerate(graphs):
            subjects = self.graphs[graph]
            yield ("" if graph is None else self.texts[graph] + " ") + "{\n"
            for i, subject in enumerate(sorted(subjects)):
                yield ("\n" if i else "") + block(subject, subjects[subject], self.texts, "    ")
            yield "}\n\n" if k < len(graphs) - 1 else "}\n"

    def turtle(self) -> str:
        """All graphs merged into one sorted Turtle document."""
        return "".join(self.turtle_pieces())

    def turtle_pieces(self) -> Iterator[str]:
        """:meth:`turtle` a subject block at a time."""
        merged: dict = {}
        for subjects in self.graphs.values():
            for subject, predicates in subjects.items():
                if subject not in merged:
                    merged[subject] = predicates
                    continue
                combined = {p: set(objects) for p, objects in merged[subject].items()}
                for predicate, objects in predicates.items():
                    combined.setdefault(predicate, set()).update(objects)
                merged[subject] = combined
        yield prefix_header(self.prefixes(with_graph_names=False))
        for i, subject in enumerate(sorted(merged)):
            yield ("\n" if i else "") + block(subject, merged[subject], self.texts)


def trig_text(dataset) -> str:
    """Sorted TriG: graphs in IRI order, each graph's triples sorted as in Turtle."""
    return SortedGraph(dataset).trig()


def write_turtle(dataset, path: Path) -> Path:
    """All named graphs merged into one Turtle file."""
    write_atomic(path, SortedGraph(dataset).turtle().encode("utf-8"))
    return Path(path)


def write_trig(dataset, path: Path) -> Path:
    write_atomic(path, trig_text(dataset).encode("utf-8"))
    return Path(path)


def write_rdf_files(dataset, out_dir: Path) -> list[Path]:
    """``graph.ttl`` and ``graph.trig`` in ``out_dir``, from one pass over the dataset."""
    out_dir = Path(out_dir)
    graph = SortedGraph(dataset)
    write_atomic(out_dir / "graph.ttl", graph.turtle_pieces())
    write_atomic(out_dir / "graph.trig", graph.trig_pieces())
    return [out_dir / "graph.ttl", out_dir / "graph.trig"]
