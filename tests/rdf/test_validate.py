"""Built graphs conform to shapes.ttl; broken ones do not."""
import sys
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal
from rdflib.namespace import ORG

from graphbuilder.rdf.ns import GB
from graphbuilder.rdf.triples import build_dataset
from graphbuilder.rdf.validate import union, validate

sys.path.insert(0, str(Path(__file__).resolve().parent))
from rdf_samples import all_results  # noqa: E402


@pytest.fixture(scope="module")
def graph() -> Graph:
    return union(build_dataset(all_results()))


def broken(graph: Graph, cls, predicate, value=None) -> Graph:
    """A copy of graph where one node of class cls lost (or had replaced) a predicate's value."""
    copy = Graph()
    for triple in graph:
        copy.add(triple)
    node = sorted(copy.subjects(RDF.type, cls))[0]
    copy.remove((node, predicate, None))
    if value is not None:
        copy.add((node, predicate, value))
    return copy


def test_built_graph_conforms(graph):
    result = validate(graph)
    assert result.conforms, result.text
    assert result.violations == 0


def test_a_dataset_is_validated_as_the_union_of_its_graphs():
    assert validate(build_dataset(all_results())).conforms


@pytest.mark.parametrize("cls, predicate, value", [
    (GB.Membership, GB.quote, None),
    (GB.Assignment, GB.quote, Literal("")),
    (GB.AppointmentEvent, GB.startOffset, Literal(10 ** 6)),
    (GB.AppointmentEvent, GB.action, Literal("promote")),
    (GB.Assignment, GB.kind, Literal("other")),
    (GB.Commendation, GB.line, None),
    (GB.Task, GB.endOffset, Literal("12")),
    (GB.SourceDocument, GB.documentNumber, None),
    (GB.Person, GB.name, Literal("")),
    (GB.AppointmentEvent, GB.post, None),
    (GB.Assignment, GB.task, None),
], ids=lambda v: str(v).rsplit("#", 1)[-1] if not isinstance(v, Literal) else repr(str(v)))
def test_broken_graph_does_not_conform(graph, cls, predicate, value):
    result = validate(broken(graph, cls, predicate, value))
    assert not result.conforms
    assert result.violations >= 1


def test_membership_needs_exactly_one_of_person_or_position(graph):
    with_person = sorted(m for m in graph.subjects(RDF.type, GB.Membership) if graph.value(m, ORG.member))[0]
    copy = broken(graph, GB.Membership, GB.quote, Literal("x"))   # a valid copy
    copy.add((with_person, GB.heldByPosition, Literal("市长")))
    assert not validate(copy).conforms, "both a person and a position"
    copy.remove((with_person, ORG.member, None))
    assert validate(copy).conforms
    copy.remove((with_person, GB.heldByPosition, None))
    assert not validate(copy).conforms, "neither a person nor a position"
