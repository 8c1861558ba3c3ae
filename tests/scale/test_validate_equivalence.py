"""The compiled SHACL check reports exactly what pySHACL reports, result for result.

Each case breaks one constraint of ``shapes.ttl`` in a small built graph (hand-made
records from seed lines, ``tests/rdf/rdf_samples.py``); both engines must find the same
multiset of (constraint component, focus node, path, value) results.
"""
import sys
from collections import Counter
from pathlib import Path

import pyshacl
import pytest
from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, SH

from graphbuilder.paths import ontology_dir
from graphbuilder.rdf.ns import GB
from graphbuilder.rdf.triples import build_dataset
from graphbuilder.rdf.validate import load_shapes, union, validate

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "rdf"))
from rdf_samples import all_results  # noqa: E402

SHAPES = ontology_dir() / "shapes.ttl"


@pytest.fixture(scope="module")
def graph() -> Graph:
    return union(build_dataset(all_results()))


def first(graph: Graph, cls) -> URIRef:
    return sorted(graph.subjects(RDF.type, cls))[0]


def pyshacl_results(graph: Graph) -> Counter:
    _, report, _ = pyshacl.validate(graph, shacl_graph=load_shapes(SHAPES.resolve()), inference="none",
                                    advanced=True)
    found = Counter()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        component = str(report.value(result, SH.sourceConstraintComponent)).rsplit("#", 1)[1]
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        value = report.value(result, SH.value)
        found[component, str(focus), str(path or ""), as_text(value if value is not None else focus)] += 1
    return found


def as_text(node) -> str:
    return str(node) if isinstance(node, (URIRef, BNode)) else node.n3()


def sparql_results(graph: Graph) -> Counter:
    from graphbuilder.rdf import shacl_sparql
    from graphbuilder.rdf.quads import to_store

    store = to_store(graph)
    checks = shacl_sparql.compile_shapes(load_shapes(SHAPES.resolve()), shacl_sparql.has_subclasses(store))
    found = Counter()
    for f in shacl_sparql.run_checks(store, checks):
        value = f.value if f.value == f.focus else as_text(node_from_nt(f.value))
        found[f.component, f.focus, f.path, value] += 1
    return found


def node_from_nt(text: str):
    """An Oxigraph literal's N-Triples text (or an IRI) back as an rdflib term."""
    if not text.startswith('"'):
        return URIRef(text.strip("<>"))
    return next(iter(Graph().parse(data=f"<urn:s> <urn:p> {text} .", format="nt").objects()))


def mutate(graph: Graph, edit) -> Graph:
    copy = Graph()
    for triple in graph:
        copy.add(triple)
    edit(copy)
    return copy


def set_value(cls, predicate, value):
    def edit(g: Graph):
        node = first(g, cls)
        g.remove((node, predicate, None))
        if value is not None:
            g.add((node, predicate, value))
    return edit


def add_value(cls, predicate, value):
    return lambda g: g.add((first(g, cls), predicate, value))


CASES = {
    "minCount quote": set_value(GB.Membership, GB.quote, None),
    "maxCount quote": add_value(GB.Membership, GB.quote, Literal("second quote")),
    "minLength quote": set_value(GB.Assignment, GB.quote, Literal("")),
    "lessThan start": set_value(GB.AppointmentEvent, GB.startOffset, Literal(10 ** 6)),
    "minInclusive start": set_value(GB.Task, GB.startOffset, Literal(-1)),
    "in action": set_value(GB.AppointmentEvent, GB.action, Literal("promote")),
    "in kind": set_value(GB.Assignment, GB.kind, Literal("other")),
    "datatype end as text": set_value(GB.Task, GB.endOffset, Literal("12")),
    "ill-typed integer": set_value(GB.Commendation, GB.line, Literal("abc", datatype=URIRef("http://www.w3.org/2001/XMLSchema#integer"))),
    "minInclusive line": set_value(GB.Commendation, GB.line, Literal(0)),
    "class person literal": set_value(GB.AppointmentEvent, GB.person, Literal("安伟")),
    "class post untyped": set_value(GB.AppointmentEvent, GB.post, URIRef("https://example.org/post")),
    "document number missing": set_value(GB.SourceDocument, GB.documentNumber, None),
    "date as text": set_value(GB.SourceDocument, DCTERMS.date, Literal("2019-01-31")),
    "person name empty": set_value(GB.Person, GB.name, Literal("")),
    "boolean as text": set_value(GB.Commendation, GB.recipientIsUnit, Literal("yes")),
    "two organisations of a post": add_value(GB.Post, ORG.postIn, URIRef("https://example.org/org")),
    "xone both": lambda g: g.add((sorted(m for m in g.subjects(RDF.type, GB.Membership)
                                         if g.value(m, ORG.member))[0], GB.heldByPosition, Literal("市长"))),
    "xone neither": lambda g: g.remove((sorted(m for m in g.subjects(RDF.type, GB.Membership)
                                               if g.value(m, ORG.member))[0], ORG.member, None)),
    "fact as blank node": lambda g: [g.add((BNode("b1"), RDF.type, GB.Task)), g.add((BNode("b1"), GB.path, Literal("一、")))],
    "language-tagged name": set_value(GB.Person, GB.name, Literal("安伟", lang="zh")),
}


def test_conforming_graph_has_no_results_in_either_engine(graph):
    assert pyshacl_results(graph) == Counter() == sparql_results(graph)
    assert validate(graph).conforms and validate(graph).engine == "sparql"


@pytest.mark.parametrize("case", sorted(CASES))
def test_same_results_as_pyshacl(graph, case):
    broken = mutate(graph, CASES[case])
    expected = pyshacl_results(broken)
    assert expected, f"{case}: the mutation should break a shape"
    assert sparql_results(broken) == expected
    result = validate(broken)
    assert not result.conforms and result.violations == sum(expected.values())


def test_shapes_beyond_the_compiler_go_to_pyshacl(graph, tmp_path):
    extra = tmp_path / "shapes.ttl"
    extra.write_text(SHAPES.read_text(encoding="utf-8") + """
gbsh:NamedPersonShape a sh:NodeShape ;
    sh:targetSubjectsOf gb:personName ;
    sh:property [ sh:path gb:personName ; sh:pattern "^[\\\\u4e00-\\\\u9fff]{2,4}$" ] .
""", encoding="utf-8")
    result = validate(graph, extra)
    assert result.engine == "pyshacl" and result.conforms
