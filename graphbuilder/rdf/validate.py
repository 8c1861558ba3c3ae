"""Check a built graph against ``ontology/shapes.ttl`` with pySHACL.

Violations are a report, not an exception (pySHACL's own habit): the build records the
result and decides what to do with it. The data are validated as the union of all named
graphs, because facts in a document's graph point to entities described in the
entities graph; pySHACL would otherwise check each named graph on its own.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyshacl
from rdflib import RDF, Graph
from rdflib.namespace import SH

from graphbuilder.paths import ontology_dir


@dataclass(frozen=True, slots=True)
class ValidationResult:
    conforms: bool
    text: str            # pySHACL's human-readable report
    violations: int      # results of severity sh:Violation


@lru_cache(maxsize=4)
def load_shapes(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


def union(graph: Graph) -> Graph:
    """All triples of a Dataset's graphs in one Graph (a plain Graph is returned as is)."""
    if not hasattr(graph, "quads") or type(graph) is Graph:
        return graph
    merged = Graph()
    for s, p, o, _ in graph.quads((None, None, None, None)):
        merged.add((s, p, o))
    return merged


def validate(graph: Graph, shapes: Path | None = None) -> ValidationResult:
    """Validate ``graph`` (a Graph or Dataset) against the project's SHACL shapes."""
    shapes_graph = load_shapes((shapes or ontology_dir() / "shapes.ttl").resolve())
    conforms, report, text = pyshacl.validate(union(graph), shacl_graph=shapes_graph,
                                              inference="none", advanced=True)
    violations = sum(1 for result in report.subjects(RDF.type, SH.ValidationResult)
                     if (result, SH.resultSeverity, SH.Violation) in report)
    return ValidationResult(bool(conforms), text, violations)
