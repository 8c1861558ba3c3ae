"""The streamed graph writer (export/streamed.py) prints what the whole-graph writers print.

A build makes, prints and loads one document graph at a time; its files must be the
bytes ``rdf_files.SortedGraph`` writes from the whole graph, whether the Oxigraph copy
is in memory or on disk and whether the Turtle blocks stay in memory or go through
sorted run files.
"""
from __future__ import annotations

import pytest

import graphbuilder.cli.build as build_command
import graphbuilder.export.facts as facts
import graphbuilder.export.streamed as streamed
from graphbuilder import pipeline
from graphbuilder.cli import main
from graphbuilder.export.rdf_files import SortedGraph, own_text
from graphbuilder.export.key_text import nquads_of_key, turtle_of_key
from graphbuilder.rdf.quads import key_of, nquads_term

FILES = ("graph.ttl", "graph.trig", "facts.jsonl", "report.json")


def test_whole_graph_writers_agree(corpus, single_build):
    """The streamed files equal SortedGraph's rendering of the whole QuadIndex."""
    build = pipeline.extract_corpus([corpus.gazettes], workers=1)
    whole = SortedGraph(pipeline.build_index(build))
    assert (single_build / "graph.ttl").read_text(encoding="utf-8") == whole.turtle()
    assert (single_build / "graph.trig").read_text(encoding="utf-8") == whole.trig()


@pytest.mark.parametrize("on_disk_facts, run_bytes", [(0, 10_000), (0, 10**9), (10**9, 5_000)])
def test_disk_store_and_runs_give_the_same_bytes(corpus, single_build, tmp_path, monkeypatch,
                                                 on_disk_facts, run_bytes):
    monkeypatch.setattr(build_command, "ON_DISK_FACTS", on_disk_facts)
    monkeypatch.setattr(streamed, "RUN_BYTES", run_bytes)
    monkeypatch.setattr(facts, "RUN_CHARS", run_bytes)
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


def test_graphs_must_come_in_order(tmp_path):
    import pyoxigraph as ox

    writer = streamed.StreamedGraph(tmp_path, ox.Store(), on_disk=False)
    writer.add_graph("https://w3id.org/graphbuilder/id/document/b/graph", {})
    with pytest.raises(ValueError):
        writer.add_graph("https://w3id.org/graphbuilder/id/document/a/graph", {})
