"""Reading the built dataset once: the fast quad walk, the Oxigraph copy and the writers agree."""
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from graphbuilder.export.rdf_files import SortedGraph, trig_text, turtle_text
from graphbuilder.query.store import load_store
from graphbuilder.rdf.quads import quads, to_store, write_partitions
from graphbuilder.rdf.triples import build_dataset

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "rdf"))
from rdf_samples import all_results  # noqa: E402


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return build_dataset(all_results())


def test_fast_walk_yields_what_rdflib_iteration_yields(dataset):
    public = {(s, p, o, g) for s, p, o, g in dataset.quads((None, None, None, None))}
    assert set(quads(dataset)) == public
    plain = Graph()
    plain.add((URIRef("urn:a"), URIRef("urn:p"), Literal("一")))
    assert list(quads(plain)) == [(URIRef("urn:a"), URIRef("urn:p"), Literal("一"), None)]


def test_oxigraph_copy_equals_the_query_store_loader(dataset):
    store = to_store(dataset)
    assert set(store) == set(load_store(dataset))
    assert to_store(store) is store


def test_writers_read_a_store_as_they_read_the_dataset(dataset):
    store = to_store(dataset)
    assert SortedGraph(store).trig() == trig_text(dataset)
    assert SortedGraph(store).turtle() == turtle_text((s, p, o) for s, p, o, _ in dataset.quads((None, None, None, None)))


def test_partitions_hold_each_graph_once(dataset, tmp_path):
    store = to_store(dataset)
    (tmp_path / "part-00099.nq").write_text("stale")
    parts = write_partitions(store, tmp_path)
    assert sorted(tmp_path.glob("part-*.nq")) == parts
    read = [list(ox.parse(path=str(p), format=ox.RdfFormat.N_QUADS)) for p in parts]
    assert sum(len(r) for r in read) == len(store)
    assert {q for r in read for q in r} == set(store)
    assert len({r[0].graph_name for r in read}) == len(parts)


def test_index_loads_into_oxigraph_term_for_term(dataset):
    from graphbuilder.rdf.quads import QuadIndex

    assert set(QuadIndex(dataset).to_store()) == set(load_store(dataset))
    tricky = Dataset()
    graph = tricky.graph(URIRef("urn:g"))
    for value in (Literal('引号"和\\反斜杠\n换行\r\t制表'), Literal("zh", lang="zh"), Literal(7), Literal(True),
                  Literal("2019-01-31", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date"))):
        graph.add((URIRef("urn:s"), URIRef("urn:p"), value))
    tricky.add((URIRef("urn:s"), URIRef("urn:p"), Literal("默认图")))
    assert set(QuadIndex(tricky).to_store(batch=2)) == set(load_store(tricky))
