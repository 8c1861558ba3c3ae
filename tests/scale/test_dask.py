"""The same per-file extraction on a Dask cluster (a LocalCluster of two worker processes).

The build equals the local one, and the N-Quads partitions parse and hold, together,
exactly the graph of graph.trig.
"""
import pyoxigraph as ox
import pytest

from graphbuilder import pipeline
from graphbuilder.cli import main
from graphbuilder.query.store import open_output

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def test_cluster_extraction_equals_local(corpus, scheduler):
    local = pipeline.extract_corpus([corpus.gazettes])
    remote = pipeline.extract_corpus([corpus.gazettes], scheduler=scheduler)
    assert remote.issues == local.issues and remote.diagnostics == local.diagnostics
    assert [(r.document, r.facts) for r in remote.results] == [(r.document, r.facts) for r in local.results]


def test_cluster_build_writes_the_same_files_and_partitions(corpus, single_build, scheduler, tmp_path):
    assert main(["build", str(corpus.gazettes), "--out", str(tmp_path), "-q",
                 "--executor", "dask", "--scheduler", scheduler]) == 0
    for name in ("graph.ttl", "graph.trig", "facts.jsonl", "report.json"):
        assert (tmp_path / name).read_bytes() == (single_build / name).read_bytes(), name
    parts = sorted((tmp_path / "nquads").glob("part-*.nq"))
    graphs = set(open_output(tmp_path).named_graphs())
    assert len(parts) == len(graphs)         # one file per named graph (documents + entities)
    quads = [set(ox.parse(path=str(part), format=ox.RdfFormat.N_QUADS)) for part in parts]
    assert all(len({q.graph_name for q in part}) == 1 for part in quads)
    assert set().union(*quads) == set(open_output(tmp_path))


def test_dask_needs_a_scheduler(capsys):
    assert main(["build", "seeds", "--executor", "dask", "-q"]) == 2
    assert "--scheduler" in capsys.readouterr().err
