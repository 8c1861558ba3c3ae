"""The streamed graph writer (export/streamed.py) prints what the whole-graph writers print.

A build makes, prints and loads one document graph at a time; its files must be the
bytes ``rdf_files.SortedGraph`` writes from the whole graph, whether the Oxigraph copy
is in memory or on disk and whether the Turtle blocks stay in memory or go through
sorted run files.
"""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Literal, URIRef

import graphbuilder.export.checked as checked
import graphbuilder.export.facts as facts
import graphbuilder.export.graph_stage as graph_stage
import graphbuilder.export.streamed as streamed
from graphbuilder import pipeline
from graphbuilder.cli import main
from graphbuilder.entities.keys import BASE
from graphbuilder.export.key_text import iri_of_key, nquads_of_key, turtle_of_key
from graphbuilder.export.rdf_files import SortedGraph, _iri_text, own_text, prefixes_for
from graphbuilder.rdf.quads import key_of, nquads_term

FILES = ("graph.ttl", "graph.trig", "facts.jsonl", "report.json")


def test_whole_graph_writers_agree(corpus, single_build):
    """The streamed files equal SortedGraph's rendering of the whole QuadIndex."""
    build = pipeline.extract_corpus([corpus.gazettes], workers=1)
    whole = SortedGraph(pipeline.build_index(build))
    assert (single_build / "graph.ttl").read_text(encoding="utf-8") == whole.turtle()
    assert (single_build / "graph.trig").read_text(encoding="utf-8") == whole.trig()


@pytest.mark.parametrize("graphs_a_part, task_bytes, run_bytes", [(2, 20_000, 10_000), (10**6, 10**9, 10**9),
                                                                 (1, 1, 5_000)])
def test_batches_and_runs_give_the_same_bytes(corpus, single_build, tmp_path, monkeypatch, graphs_a_part,
                                              task_bytes, run_bytes):
    """Document graphs spooled and checked in many small batches or in one, Turtle and facts
    through run files or in memory: the same files."""
    monkeypatch.setattr(graph_stage, "GRAPHS_A_PART", graphs_a_part)
    monkeypatch.setattr(checked, "TASK_BYTES", (1, task_bytes))
    monkeypatch.setattr(streamed, "RUN_BYTES", run_bytes)
    monkeypatch.setattr(facts, "RUN_CHARS", run_bytes)
    monkeypatch.setattr(checked, "RUN_CHARS", run_bytes)
    out = tmp_path / "out"
    assert main(["build", str(corpus.gazettes), "--out", str(out), "-q", "--workers", "1"]) == 0
    for name in FILES:
        assert (out / name).read_bytes() == (single_build / name).read_bytes(), name


def test_keys_render_as_their_terms():
    from rdflib import Literal, URIRef
    from rdflib.namespace import XSD

    terms = [URIRef("https://w3id.org/graphbuilder/id/person/00ff"), URIRef("http://example.org/a b"),
             Literal("两行\n\"引号\"\t"), Literal("2020-01-02", datatype=XSD.date), Literal(3),
             Literal(True), Literal("zh", lang="zh"), Literal("x", datatype=XSD.string),
             Literal("1.5", datatype=XSD.decimal)]
    for term in terms:
        assert turtle_of_key(key_of(term)) == own_text(term), term
        assert nquads_of_key(key_of(term)) == nquads_term(term), term


IRI_PARTS = st.text(alphabet="abz_-./:#%0123456789人", max_size=12)


@given(st.sampled_from(["person", "org", "time", "Person", "", "a_b", "x1"]), IRI_PARTS,
       st.sampled_from([BASE, "https://w3id.org/graphbuilder/ontology#", "http://example.org/"]))
def test_iris_under_base_render_as_under_their_prefix_map(kind, local, base):
    """``iri_of_key`` reads a ``BASE`` IRI's prefix off the IRI (kinds named like a standard
    prefix, odd locals and other namespaces included): the text the full prefix map gives."""
    iri = f"{base}{kind}/{local}"
    assert iri_of_key(iri) == _iri_text.__wrapped__(iri, tuple(prefixes_for((URIRef(iri),)).items()))


@given(st.lists(st.tuples(st.sampled_from(range(3)), st.sampled_from(range(3)), IRI_PARTS), max_size=20))
def test_key_triples_are_each_terms_key(picks):
    """Keys reused for a repeated subject object and looked up by predicate identity equal
    the keys made term by term."""
    subjects = [URIRef(f"{BASE}person/{n}") for n in range(3)]
    predicates = [URIRef(f"http://example.org/p{n}") for n in range(3)]
    triples = [(subjects[s], predicates[p], Literal(text)) for s, p, text in picks]
    assert list(streamed.key_triples(triples)) == [tuple(map(key_of, triple)) for triple in triples]


def test_graphs_must_come_in_order(tmp_path):
    writer = streamed.StreamedGraph(tmp_path)
    writer.add_graph("https://w3id.org/graphbuilder/id/document/b/graph", {})
    with pytest.raises(ValueError):
        writer.add_graph("https://w3id.org/graphbuilder/id/document/a/graph", {})


def test_parts_and_subject_runs_in_processes_give_the_same_bytes(corpus, single_build, tmp_path, monkeypatch):
    """Document graphs one per task and the entities graph in many runs of subjects, rendered in
    two processes and merged in order: still the bytes one process writes."""
    monkeypatch.setattr(graph_stage, "GRAPHS_A_PART", 1)
    monkeypatch.setattr(streamed, "SUBJECT_RUNS_A_WORKER", 50)
    monkeypatch.setattr(checked, "TASK_BYTES", (1, 25_000))   # many batches, checked in two processes
    out = tmp_path / "out"
    assert main(["build", str(corpus.gazettes), "--out", str(out), "-q", "--workers", "2"]) == 0
    for name in FILES:
        assert (out / name).read_bytes() == (single_build / name).read_bytes(), name


def test_worker_parts_leave_the_resolution_log_to_the_parent(corpus, tmp_path):
    """render_part hands back what it logged and leaves the resolver's own log untouched;
    the part's quads are in its spool batch, only their types come back."""
    import pyoxigraph as ox

    from graphbuilder.entities.resolve import Resolver
    from graphbuilder.rdf.triples import results_by_graph

    build = pipeline.extract_corpus([corpus.gazettes], workers=1)
    resolver = Resolver()
    by_graph = results_by_graph(build.results, resolver)
    before = dict(resolver.log)
    names = sorted(by_graph)[:3]
    part = graph_stage.render_part((7, names), by_graph, resolver, set(), tmp_path)
    assert dict(resolver.log) == before
    assert sum(part.log.values()) > 0
    assert [graph.name for graph in part.graphs] == names
    assert part.batch == tmp_path / "batch-000007.nq" and part.size == part.batch.stat().st_size
    quads = list(ox.parse(path=str(part.batch), format=ox.RdfFormat.N_QUADS))
    assert len(quads) == part.quads and {q.graph_name.value for q in quads} == set(names)
    assert all(graph.nquads == b"" for graph in part.graphs) and part.types["document"].count(b"\n") == len(names)
    again = graph_stage.render_part((8, names), by_graph, resolver, {key for key in part.entities}, tmp_path)
    assert again.entities == [] and again.batch.read_bytes() == part.batch.read_bytes()


@pytest.mark.parametrize("workers", [1, 2])
def test_tenures_made_in_groups_of_persons_are_the_tenures_of_all_events(corpus, workers):
    """A tenure joins one person's events: groups of persons, apart, give every tenure triple."""
    from graphbuilder.entities.resolve import Resolver
    from graphbuilder.rdf.tenures import events_tenures
    from graphbuilder.rdf.triples import document_graph, results_by_graph

    build = pipeline.extract_corpus([corpus.gazettes], workers=1)
    resolver = Resolver()
    by_graph = results_by_graph(build.results, resolver)
    events = [event for name in sorted(by_graph) for event in document_graph(name, by_graph[name], resolver)[1]]
    assert len({event.person for event in events}) > 4
    whole = graph_stage.keys_of(events_tenures(events))
    grouped = [key for keys in graph_stage.tenures_in_processes(events, workers) for key in keys]
    assert sorted(grouped) == sorted(whole) and len(whole) > len(events)


def test_shared_graphs_render_in_runs_of_subjects_with_one_worker():
    """One worker renders a shared graph a run of subjects at a time, the text unchanged."""
    from graphbuilder.export.streamed import render_graph, render_in_processes

    subjects = {f"https://w3id.org/graphbuilder/id/person/{n:04d}": {
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#type": "https://w3id.org/graphbuilder/ontology#Person"}
        for n in range(40)}
    name = "https://w3id.org/graphbuilder/id/graph/entities"
    pieces = list(render_in_processes(name, subjects, workers=1))
    whole = render_graph(name, subjects, *streamed.key_texts())
    assert len(pieces) == 8
    assert "\n".join(piece.trig for piece in pieces) == whole.trig
    assert [pair for piece in pieces for pair in piece.turtle] == whole.turtle
    assert b"".join(piece.nquads for piece in pieces) == whole.nquads
