"""Measures written back as triples: analytics.trig, loaded beside the build, seen by SPARQL."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import OWL, RDF, Graph, URIRef

from graphbuilder.analytics import compute_stats
from graphbuilder.analytics.annotate import (ANALYTICS_FILE, ANALYTICS_GRAPH, analytics_dataset, load_analytics,
                                             write_analytics)
from graphbuilder.paths import ontology_dir
from graphbuilder.query.store import open_output, select

GB = "https://w3id.org/graphbuilder/ontology#"
PREFIX = f"PREFIX gb: <{GB}>\n"


@pytest.fixture(scope="module")
def annotated(seeds_out, seeds_store, tmp_path_factory):
    """A copy of the seeds build with analytics.trig written and loaded."""
    out = tmp_path_factory.mktemp("annotated")
    (out / "graph.trig").write_bytes((seeds_out / "graph.trig").read_bytes())
    stats = compute_stats(seeds_store)
    path = write_analytics(stats, out)
    store = open_output(out)
    assert load_analytics(store, out)
    return stats, path, store


def test_every_gb_term_written_is_in_the_ontology(tiny_store):
    ontology = Graph().parse(ontology_dir() / "graphbuilder.ttl")
    defined = {s for s in ontology.subjects(RDF.type, None) if str(s).startswith(GB)}
    used = {term for quad in analytics_dataset(compute_stats(tiny_store)).quads((None, None, None, None))
            for term in quad[:3] if isinstance(term, URIRef) and str(term).startswith(GB)}
    assert used and used <= defined
    assert (URIRef(GB + "AgencyCommunity"), RDF.type, OWL.Class) in ontology


def test_tiny_graph_measures_as_triples(tiny_store, tmp_path):
    write_analytics(compute_stats(tiny_store), tmp_path)
    store = ox.Store()
    store.load(path=str(tmp_path / ANALYTICS_FILE), format=ox.RdfFormat.TRIG)
    rows = select(store, PREFIX + "SELECT ?person ?b WHERE { ?person gb:betweenness ?b } ORDER BY DESC(?b) ?person")
    assert [(r["person"].rsplit("/", 1)[1], float(r["b"])) for r in rows[:2]] == [("B", 0.666667), ("D", 0.5)]
    graphs = {q.graph_name.value for q in store.quads_for_pattern(None, None, None)}
    assert graphs == {str(ANALYTICS_GRAPH)}


def test_sparql_sees_the_measures_beside_the_facts(annotated):
    stats, _, store = annotated
    rows = select(store, PREFIX + """
        SELECT ?name ?bodies WHERE { ?p gb:commandBodyCount ?bodies ; gb:name ?name }
        ORDER BY DESC(?bodies) ?name LIMIT 1""")
    assert rows == [{"name": "刘向东", "bodies": 12}]
    rows = select(store, PREFIX + """
        SELECT ?name ?lead ?support WHERE { ?o gb:leadTaskCount ?lead ; gb:supportTaskCount ?support ;
                                               gb:name ?name }
        ORDER BY DESC(?lead + ?support) LIMIT 1""")
    assert rows == [{"name": "三门峡市发展和改革委员会", "lead": 59, "support": 59}]
    rows = select(store, PREFIX + """
        SELECT ?rank (COUNT(?o) AS ?size) WHERE { ?o gb:inCommunity ?c . ?c gb:communityRank ?rank }
        GROUP BY ?rank ORDER BY ?rank""")
    assert [(r["rank"], r["size"]) for r in rows] == [(c.rank, c.size) for c in stats.communities]
    rows = select(store, PREFIX + """
        SELECT ?name ?year ?a ?r WHERE { ?t a gb:YearlyTurnover ; gb:agency/gb:name ?name ; gb:year ?year ;
                                          gb:appointmentCount ?a ; gb:removalCount ?r }
        ORDER BY DESC(?a + ?r) DESC(?a) LIMIT 1""")
    assert rows == [{"name": "三门峡经济开发区管理委员会", "year": 2019, "a": 3, "r": 2}]


def test_analytics_file_is_stable(annotated, seeds_store, tmp_path):
    _, path, _ = annotated
    again = write_analytics(compute_stats(seeds_store), tmp_path)
    assert again.read_bytes() == path.read_bytes()
    assert not list(tmp_path.glob(".*"))            # no temporary file left behind


def test_no_analytics_file_loads_nothing(tmp_path):
    assert load_analytics(ox.Store(), tmp_path) is False
