"""Increments: adding a gazette adds triples and changes no existing IRI or fact.

The four earliest seeds are built, then all five (the next gazette of the series added);
every IRI of the first build must exist in the second, every document's named graph
(its facts with their provenance) must come back unchanged, and the entities graph may
only revise what summarises the evidence of a tenure so far (its status, first and last
evidence dates), which a later removal or roster legitimately updates. The summaries
graph (rdf/summaries.py: the top of two corpus-wide rankings) is recomputed whole by
every build; a pair or person may leave the top, so its IRIs are not required to stay.
"""
from __future__ import annotations

import pytest
from rdflib import RDF, URIRef

from graphbuilder.entities.keys import BASE
from graphbuilder.rdf.ns import GB
from graphbuilder.rdf.summaries import SUMMARIES_GRAPH

# What a new notice may revise about an existing tenure: summaries of all evidence so far.
EVIDENCE_SUMMARIES = {GB.tenureStatus, GB.firstEvidence, GB.lastEvidence}


def graphs(dataset) -> dict[str, set]:
    return {str(g.identifier): set(g) for g in dataset.graphs() if len(g)}


def iris(graph_sets: dict[str, set]) -> set[URIRef]:
    return {term for name, triples in graph_sets.items() if name != str(SUMMARIES_GRAPH)
            for triple in triples for term in triple
            if isinstance(term, URIRef) and term.startswith(BASE)} | {URIRef(g) for g in graph_sets}


def entities_graph(graph_sets: dict[str, set]) -> str:
    [name] = [g for g in graph_sets if g.endswith("/entities")]
    return name


@pytest.fixture(scope="module")
def chronological(build_seeds):
    """(graphs of seeds 000–003, graphs of all five seeds)."""
    return graphs(build_seeds("000", "001", "002", "003")[1]), graphs(build_seeds()[1])


@pytest.fixture(scope="module")
def inserted(build_seeds):
    """(graphs of the seeds without 001, graphs of all five): a gazette from the middle added."""
    return graphs(build_seeds("000", "002", "003", "004")[1]), graphs(build_seeds()[1])


@pytest.mark.parametrize("case", ["chronological", "inserted"])
def test_document_graphs_come_back_unchanged(case, request):
    before, after = request.getfixturevalue(case)
    entities = entities_graph(before)
    documents = [g for g in before if g not in (entities, str(SUMMARIES_GRAPH))]
    assert len(documents) >= 20 and len(after) > len(before)
    for name in documents:
        assert before[name] == after[name], name


@pytest.mark.parametrize("case", ["chronological", "inserted"])
def test_a_new_gazette_adds_triples(case, request):
    before, after = request.getfixturevalue(case)
    assert sum(map(len, after.values())) > sum(map(len, before.values()))
    assert set(before) < set(after)


def test_next_gazette_keeps_every_iri(chronological):
    before, after = chronological
    assert iris(before) - iris(after) == set()
    assert len(iris(after)) > len(iris(before))


@pytest.mark.parametrize("case", ["chronological", "inserted"])
def test_a_new_gazette_only_revises_tenure_evidence(case, request):
    before, after = request.getfixturevalue(case)
    entities = entities_graph(before)
    revised = before[entities] - after[entities]
    tenures = {s for s, p, o in after[entities] if p == RDF.type and o == GB.Tenure}
    assert {p for _, p, _ in revised} <= EVIDENCE_SUMMARIES, sorted(revised)[:5]
    assert {s for s, _, _ in revised} <= tenures


def test_inserted_gazette_keeps_every_iri(inserted):
    """Seed 001 brings the appointments that opened tenures 002–004 knew only from rosters
    or from their removal: the tenures gain a beginning and keep their IRIs."""
    before, after = inserted
    assert iris(before) - iris(after) == set()
    assert len(iris(after)) > len(iris(before))
