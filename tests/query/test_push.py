"""`graphbuilder push` into a real Oxigraph server (PyPI ``oxigraph``), started per module."""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest

ENTITIES = "https://w3id.org/graphbuilder/id/graph/entities"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    """Base URL of an Oxigraph server on a free local port, data in a temporary folder."""
    binary = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    assert binary, "the oxigraph server is installed with the test extra (pip install oxigraph)"
    port = free_port()
    process = subprocess.Popen([binary, "serve", "--location", str(tmp_path_factory.mktemp("oxigraph")),
                                "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=2).read()
            break
        except OSError:
            assert process.poll() is None, process.stderr.read().decode()
            time.sleep(0.1)
    yield base
    process.terminate()
    process.wait(30)


def server_counts(base: str) -> dict[str, int]:
    """Triples per named graph on the server."""
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    req = urllib.request.Request(f"{base}/query?query={urllib.parse.quote(query)}",
                                 headers={"Accept": "application/sparql-results+json"})
    rows = json.loads(urllib.request.urlopen(req, timeout=60).read())["results"]["bindings"]
    return {r["g"]["value"]: int(r["n"]["value"]) for r in rows}


def build_counts(out: Path) -> dict[str, int]:
    store = ox.Store()
    store.bulk_load(path=str(out / "graph.trig"), format=ox.RdfFormat.TRIG)
    return {g.value: sum(1 for _ in store.quads_for_pattern(None, None, None, g)) for g in store.named_graphs()}


def test_push_twice_never_duplicates(run_cli, seeds_out, oxigraph):
    expected = build_counts(seeds_out)
    for _ in range(2):
        done = run_cli("push", seeds_out, "--endpoint", f"{oxigraph}/store")
        assert done.returncode == 0, done.stderr
        assert server_counts(oxigraph) == expected
    assert f"pushed {len(expected)} graphs, {sum(expected.values())} triples" in done.stderr
    assert ENTITIES in expected and len(expected) > 30


def test_each_document_graph_is_replaced(run_cli, seeds_out, oxigraph):
    expected = build_counts(seeds_out)
    document = next(g for g in expected if g != ENTITIES)
    stale = f"<https://x/stale> <https://x/p> \"from an older build\" ."
    req = urllib.request.Request(f"{oxigraph}/store?graph={urllib.parse.quote(document, safe='')}",
                                 data=stale.encode(), method="POST", headers={"Content-Type": "application/n-triples"})
    urllib.request.urlopen(req, timeout=60).read()
    assert server_counts(oxigraph)[document] == expected[document] + 1
    done = run_cli("push", seeds_out, "--endpoint", f"{oxigraph}/store", "-v")
    assert done.returncode == 0 and f"  {document}: {expected[document]} triples" in done.stderr
    assert server_counts(oxigraph) == expected


def test_unreachable_or_refusing_server(run_cli, seeds_out, oxigraph):
    done = run_cli("push", seeds_out, "--endpoint", f"http://127.0.0.1:{free_port()}/store")
    assert done.returncode == 1 and "cannot reach the server" in done.stderr and "Traceback" not in done.stderr
    done = run_cli("push", seeds_out, "--endpoint", f"{oxigraph}/query")   # not a graph store
    assert done.returncode == 1 and "refused with HTTP" in done.stderr


def server_quads(base: str) -> set:
    """Every quad on the server (the whole dataset as N-Quads)."""
    req = urllib.request.Request(f"{base}/store", headers={"Accept": "application/n-quads"})
    return set(ox.parse(urllib.request.urlopen(req, timeout=60).read(), format=ox.RdfFormat.N_QUADS))


def clear_server(base: str) -> None:
    req = urllib.request.Request(f"{base}/update", data=b"DROP ALL", method="POST",
                                 headers={"Content-Type": "application/sparql-update"})
    urllib.request.urlopen(req, timeout=60).read()


def test_partitions_are_pushed_one_graph_each(run_cli, oxigraph, tmp_path):
    """A --nquads build (as on Dask) is pushed from its partitions: exactly graph.trig's quads."""
    out = tmp_path / "out"
    done = run_cli("build", "seeds", "--out", out, "-q", "--no-validate", "--nquads", "--workers", "2")
    assert done.returncode == 0, done.stderr
    parts = sorted((out / "nquads").glob("part-*.nq"))
    built = set(ox.parse(path=str(out / "graph.trig"), format=ox.RdfFormat.TRIG))
    clear_server(oxigraph)
    for _ in range(2):
        done = run_cli("push", out, "--endpoint", f"{oxigraph}/store")
        assert done.returncode == 0, done.stderr
        assert f"pushed {len(parts)} graphs, {len(built)} triples, from {len(parts)} N-Quads partitions" \
               in done.stderr
        assert server_quads(oxigraph) == built
        assert sum(server_counts(oxigraph).values()) == len(built)      # no quad twice


def test_a_build_without_partitions_removes_stale_ones(run_cli, oxigraph, seed_paths, tmp_path):
    out = tmp_path / "out"
    assert run_cli("build", seed_paths["000"], "--out", out, "-q", "--no-validate",
                   "--nquads").returncode == 0
    assert list((out / "nquads").glob("part-*.nq"))
    assert run_cli("build", "seeds", "--out", out, "-q", "--no-validate").returncode == 0
    assert not list((out / "nquads").glob("part-*.nq"))
    done = run_cli("push", out, "--endpoint", f"{oxigraph}/store")
    assert done.returncode == 0 and "from graph.trig" in done.stderr


def test_a_broken_partition_is_named(run_cli, oxigraph, tmp_path):
    out = tmp_path / "out"
    (out / "nquads").mkdir(parents=True)
    (out / "nquads" / "part-00000.nq").write_text("<urn:s> <urn:p> <urn:o> <urn:g1> .\n"
                                                  "<urn:s> <urn:p> <urn:o> <urn:g2> .\n")
    done = run_cli("push", out, "--endpoint", f"{oxigraph}/store")
    assert done.returncode == 1 and "part-00000.nq: a partition holds exactly one graph" in done.stderr
