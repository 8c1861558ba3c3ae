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
from typing import Iterable

from rdflib import RDF, XSD, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDFS, SKOS, TIME

from graphbuilder.entities.keys import BASE
from graphbuilder.rdf.ns import GB

STANDARD_PREFIXES = {
    "dcterms": str(DCTERMS), "foaf": str(FOAF), "gb": str(GB._NS), "org": str(ORG), "owl": str(OWL),
    "prov": str(PROV), "rdf": str(RDF), "rdfs": str(RDFS), "skos": str(SKOS), "time": str(TIME),
    "xsd": str(XSD),
}
RE_LOCAL = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?$")
RE_KIND = re.compile(r"^[a-z][a-z_]*$")
BARE = {str(XSD.integer): re.compile(r"^[+-]?\d+$"), str(XSD.boolean): re.compile(r"^(true|false)$")}
ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path``, then rename: readers never see half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~current_umask())   # mkstemp makes 0600; outputs are shared files
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
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
        if isinstance(term, URIRef) and term.startswith(BASE):
            kind, _, rest = term[len(BASE):].partition("/")
            if RE_KIND.match(kind) and rest and kind not in prefixes:
                prefixes[kind] = BASE + kind + "/"
    return dict(sorted(prefixes.items()))


def escape(text: str) -> str:
    return "".join(ESCAPES.get(ch) or (f"\\u{ord(ch):04X}" if ord(ch) < 0x20 else ch) for ch in text)


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


def subject_blocks(triples: Iterable[tuple], prefixes: dict[str, str], indent: str = "") -> list[str]:
    """Turtle blocks, one per subject, fully sorted."""
    by_subject: dict = {}
    for s, p, o in triples:
        by_subject.setdefault(s, {}).setdefault(p, set()).add(o)
    blocks = []
    for subject in sorted(by_subject, key=str):
        predicates = by_subject[subject]
        order = sorted(predicates, key=lambda p: (p != RDF.type, str(p)))
        lines = []
        for predicate in order:
            name = "a" if predicate == RDF.type else term_text(predicate, prefixes)
            objects = sorted(term_text(o, prefixes) for o in predicates[predicate])
            lines.append(f"{indent}    {name} {', '.join(objects)}")
        blocks.append(f"{indent}{term_text(subject, prefixes)}\n" + " ;\n".join(lines) + " .\n")
    return blocks


def prefix_header(prefixes: dict[str, str]) -> str:
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in prefixes.items()) + "\n"


def turtle_text(triples: Iterable[tuple]) -> str:
    """Sorted Turtle for a set of triples."""
    triples = set(triples)
    prefixes = prefixes_for(term for triple in triples for term in triple)
    return prefix_header(prefixes) + "\n".join(subject_blocks(triples, prefixes))


def trig_text(dataset) -> str:
    """Sorted TriG: graphs in IRI order, each graph's triples sorted as in Turtle."""
    quads = {(s, p, o, g) for s, p, o, g in dataset.quads((None, None, None, None))}
    prefixes = prefixes_for(term for quad in quads for term in quad)
    graphs: dict = {}
    for s, p, o, g in quads:
        graphs.setdefault(g, set()).add((s, p, o))
    parts = [prefix_header(prefixes)]
    for graph in sorted(graphs, key=lambda g: (g is not None and str(g) != "urn:x-rdflib:default", str(g))):
        name = "" if graph is None or str(graph) == "urn:x-rdflib:default" else term_text(graph, prefixes) + " "
        parts.append(f"{name}{{\n" + "\n".join(subject_blocks(graphs[graph], prefixes, "    ")) + "}\n\n")
    return "".join(parts).rstrip("\n") + "\n"


def write_turtle(dataset, path: Path) -> Path:
    """All named graphs merged into one Turtle file."""
    write_atomic(path, turtle_text((s, p, o) for s, p, o, _ in dataset.quads((None, None, None, None)))
                 .encode("utf-8"))
    return Path(path)


def write_trig(dataset, path: Path) -> Path:
    write_atomic(path, trig_text(dataset).encode("utf-8"))
    return Path(path)


def write_rdf_files(dataset, out_dir: Path) -> list[Path]:
    """``graph.ttl`` and ``graph.trig`` in ``out_dir``."""
    out_dir = Path(out_dir)
    return [write_turtle(dataset, out_dir / "graph.ttl"), write_trig(dataset, out_dir / "graph.trig")]
