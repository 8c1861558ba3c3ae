"""Check a built graph against ``ontology/shapes.ttl``.

Violations are a report, not an exception (pySHACL's own habit): the build records the
result and decides what to do with it. The data are validated as the union of all named
graphs, because facts in a document's graph point to entities described in the
entities graph.

The shapes are compiled into SPARQL queries run on Oxigraph (``shacl_sparql.py``),
which reports the same results as pySHACL in a fraction of the time; shapes that use
SHACL beyond what the compiler knows are checked by pySHACL itself.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
import pyshacl
from rdflib import RDF, Graph
from rdflib.namespace import SH

from graphbuilder.paths import ontology_dir
from graphbuilder.rdf import shacl_sparql
from graphbuilder.rdf.quads import quads, to_store


@dataclass(frozen=True, slots=True)
class ValidationResult:
    conforms: bool
    text: str            # a human-readable report (pySHACL's layout)
    violations: int      # results of severity sh:Violation
    engine: str = "sparql"   # "sparql" (compiled shapes on Oxigraph) or "pyshacl"


@lru_cache(maxsize=4)
def load_shapes(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


def union(graph) -> Graph:
    """All triples of a Dataset's graphs (or an Oxigraph store's) in one rdflib Graph."""
    if isinstance(graph, ox.Store):
        triples = {ox.Triple(q.subject, q.predicate, q.object) for q in graph}
        return Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")
    if type(graph) is Graph:
        return graph
    merged = Graph()
    for s, p, o, _ in quads(graph):
        merged.add((s, p, o))
    return merged


def validate(graph, shapes: Path | None = None) -> ValidationResult:
    """Validate ``graph`` (an rdflib Graph or Dataset, or an Oxigraph store) against the shapes."""
    shapes_graph = load_shapes((shapes or ontology_dir() / "shapes.ttl").resolve())
    store = to_store(graph)
    try:
        checks = shacl_sparql.compile_shapes(shapes_graph, shacl_sparql.has_subclasses(store))
    except shacl_sparql.Unsupported:
        return validate_with_pyshacl(union(graph), shapes_graph)
    findings = shacl_sparql.run_checks(store, checks)
    return ValidationResult(not findings, report_text(findings), len(findings))


def validate_with_pyshacl(graph: Graph, shapes_graph: Graph) -> ValidationResult:
    conforms, report, text = pyshacl.validate(graph, shacl_graph=shapes_graph, inference="none", advanced=True)
    violations = sum(1 for result in report.subjects(RDF.type, SH.ValidationResult)
                     if (result, SH.resultSeverity, SH.Violation) in report)
    return ValidationResult(bool(conforms), text, violations, "pyshacl")


def report_text(findings: list[shacl_sparql.Finding]) -> str:
    """The report in pySHACL's layout: a header, then one paragraph per result."""
    lines = ["Validation Report", f"Conforms: {not findings}"]
    if findings:
        lines.append(f"Results ({len(findings)}):")
    for f in findings:
        lines += [f"Constraint Violation in {f.component} (http://www.w3.org/ns/shacl#{f.component}):",
                  "\tSeverity: sh:Violation", f"\tSource Shape: {f.shape}", f"\tFocus Node: <{f.focus}>"]
        if f.path:
            lines.append(f"\tResult Path: <{f.path}>")
        if f.value != f.focus:
            lines.append(f"\tValue Node: {f.value}")
    return "\n".join(lines) + "\n"
