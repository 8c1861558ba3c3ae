"""Facts and SHACL batch by batch (export/checked.py) give what one store of the whole graph gives.

The build spools its quads as the shared graphs plus batches of document graphs; the checks
read one batch beside the shared graphs. These tests spool the synthetic corpus in small
batches, break it where a whole-graph check would notice (a shared node, a document node,
a shared node pointing at a document node), and compare with ``validate`` and the facts
export of one store holding everything.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pyoxigraph as ox
import pytest

import graphbuilder.export.graph_stage as graph_stage
from graphbuilder import pipeline
from graphbuilder.export.checked import check_spooled
from graphbuilder.export.facts import write_store_facts
from graphbuilder.rdf.validate import validate

GB = "https://w3id.org/graphbuilder/ontology#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


@pytest.fixture(scope="module")
def spooled(corpus, tmp_path_factory):
    """The corpus's graph spooled in batches of two documents each."""
    folder = tmp_path_factory.mktemp("spool")
    build = pipeline.extract_corpus([corpus.gazettes], workers=1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(graph_stage, "GRAPHS_A_PART", 2)
        writer = pipeline.stream_graph(build, folder)
    assert len(writer.spooled.batches) > 3
    return writer.spooled


@pytest.fixture(autouse=True)
def small_tasks(monkeypatch):
    """Tasks of one or two batches, so that every test reads several in turn."""
    import graphbuilder.export.checked as checked

    monkeypatch.setattr(checked, "TASK_BYTES", (1, 30_000))


def test_tasks_group_consecutive_batches(monkeypatch):
    import graphbuilder.export.checked as checked

    # 50,000 bytes over 2 workers x 2 tasks: 12,500 a task, so two batches of 10,000 each
    assert checked.tasks_of([10_000] * 5, workers=2) == [[0, 1], [2, 3], [4]]
    assert checked.tasks_of([], workers=2) == []
    monkeypatch.setattr(checked, "TASK_BYTES", (1_000, 10**9))
    assert checked.tasks_of([10] * 5, workers=2) == [[0, 1, 2, 3, 4]]            # at least TASK_BYTES[0]
    monkeypatch.setattr(checked, "TASK_BYTES", (1, 150))
    assert checked.tasks_of([100] * 4, workers=1) == [[0, 1], [2, 3]]            # at most about TASK_BYTES[1]


def whole_store(spooled) -> ox.Store:
    store = ox.Store()
    for path in [spooled.base, *(batch.path for batch in spooled.batches)]:
        store.load(path=str(path), format=ox.RdfFormat.N_QUADS)
    return store


def test_spool_files_load_leniently_as_strictly(spooled):
    """The check pass skips IRI validation on the spool (``load_spooled``): it is the build's own
    N-Quads, so a strict parse reads every file to the same quads."""
    from graphbuilder.export.checked import load_spooled

    paths = [spooled.base, spooled.reachable, *(batch.path for batch in spooled.batches), *spooled.types_linked()]
    for path in paths:
        strict, lenient = ox.Store(), ox.Store()
        strict.load(path=str(path), format=ox.RdfFormat.N_QUADS)
        load_spooled(lenient, path)
        assert len(strict) > 0 and set(strict) == set(lenient), path


def drop_lines(path: Path, test, limit: int) -> int:
    """Remove up to ``limit`` lines for which ``test`` holds; how many were removed."""
    kept, dropped = [], 0
    for line in path.read_bytes().decode("utf-8").splitlines(keepends=True):
        if dropped < limit and test(line):
            dropped += 1
            continue
        kept.append(line)
    path.write_bytes("".join(kept).encode("utf-8"))
    return dropped


@pytest.mark.parametrize("workers", [1, 2])
def test_a_sound_graph_checks_as_one_store(spooled, tmp_path, workers):
    checked = check_spooled(spooled, tmp_path / "facts.jsonl", tmp_path, workers=workers)
    whole = whole_store(spooled)
    write_store_facts(whole, tmp_path / "whole.jsonl")
    assert (tmp_path / "facts.jsonl").read_bytes() == (tmp_path / "whole.jsonl").read_bytes()
    assert checked.validation == validate(whole) and checked.validation.conforms
    assert spooled.quads == len(whole)


def test_broken_nodes_are_found_where_they_live(spooled, tmp_path):
    import shutil

    broken = dataclasses.replace(spooled, folder=tmp_path / "broken",
                                 batches=[dataclasses.replace(batch, path=tmp_path / "broken" / batch.path.name)
                                          for batch in spooled.batches])
    shutil.copytree(spooled.folder, broken.folder)
    # shared nodes: persons without a name
    assert drop_lines(broken.base, lambda line: f"<{GB}name>" in line and "/id/person/" in line[:60], 3) == 3
    # document nodes: facts without their source, in two batches
    for batch in broken.batches[:2]:
        assert drop_lines(batch.path, lambda line: "wasDerivedFrom" in line, 2) == 2
    # a shared node pointing at a document node: a listed document loses its type everywhere
    listed = next(line.split()[2] for line in broken.base.read_text(encoding="utf-8").splitlines()
                  if f"<{GB}listedIn>" in line)
    untyped = lambda line: line.startswith(listed) and RDF_TYPE in line and "SourceDocument" in line  # noqa: E731
    assert sum(drop_lines(path, untyped, 1) for path in [*(batch.path for batch in broken.batches),
                                                              broken.types_of("document")]) == 2

    checked = check_spooled(broken, tmp_path / "facts.jsonl", tmp_path, workers=2)
    expected = validate(whole_store(broken))
    assert not expected.conforms and expected.violations >= 8
    assert checked.validation == expected


def test_partitions_hold_every_graph_once(spooled, tmp_path):
    check_spooled(spooled, tmp_path / "facts.jsonl", tmp_path, validate=False, partitions=tmp_path / "nq")
    parts = sorted((tmp_path / "nq").glob("part-*.nq"))
    names = [name for batch in spooled.batches for name in batch.graphs] + spooled.base_graphs
    assert len(parts) == len(names)
    store = ox.Store()
    for k, part in enumerate(parts):
        graphs = {quad.graph_name.value for quad in ox.parse(path=str(part), format=ox.RdfFormat.N_QUADS)}
        assert graphs == {names[k]}, part
        store.load(path=str(part), format=ox.RdfFormat.N_QUADS)
    assert len(store) == len(whole_store(spooled))


def test_shapes_beyond_the_compiler_read_the_whole_graph(spooled, tmp_path, monkeypatch):
    """When a shape needs pySHACL, the graph is validated whole and the facts come from it."""
    from graphbuilder.rdf import shacl_sparql

    def unsupported(*args, **kwargs):
        raise shacl_sparql.Unsupported("a shape the compiler does not know")

    monkeypatch.setattr(shacl_sparql, "compile_shapes", unsupported)
    checked = check_spooled(spooled, tmp_path / "facts.jsonl", tmp_path, partitions=tmp_path / "nq")
    assert checked.validation.engine == "pyshacl" and checked.validation.conforms
    whole = whole_store(spooled)
    write_store_facts(whole, tmp_path / "whole.jsonl")
    assert (tmp_path / "facts.jsonl").read_bytes() == (tmp_path / "whole.jsonl").read_bytes()
    graphs = sum(len(batch.graphs) for batch in spooled.batches) + len(spooled.base_graphs)
    assert len(list((tmp_path / "nq").glob("part-*.nq"))) == graphs


def test_batches_are_read_beside_what_documents_can_reach(spooled):
    """reachable.nq: persons, agencies, posts, groups, roles; not tenures or rankings."""
    def subject_kinds(path: Path) -> set[str]:
        return {line.split(" ", 1)[0].split("/id/")[1].split("/")[0]
                for line in path.read_text(encoding="utf-8").splitlines() if "/id/" in line.split(" ", 1)[0]}

    reachable, shared = subject_kinds(spooled.reachable), subject_kinds(spooled.base)
    assert {"person", "organization", "post", "group", "role"} <= reachable
    assert {"tenure", "interval", "roster_period", "partnership"} <= shared - reachable


def test_reachable_kinds_follow_triples_forward():
    from graphbuilder.export.streamed import reachable_kinds

    base = "https://w3id.org/graphbuilder/id/"
    entities = {base + "post/1": {"p": base + "organization/1"},
                base + "organization/1": {"q": {base + "organization/2", ("\x00literal", "x", "", "")}},
                base + "tenure/1": {"r": {base + "post/1", base + "interval/1"}},
                base + "interval/1": {"s": base + "instant/1"}}
    assert reachable_kinds({"post", "person"}, [entities]) == {"post", "organization", "person"}
    assert reachable_kinds({"tenure"}, [entities]) == {"tenure", "post", "organization", "interval", "instant"}
