"""GEXF (with dynamics) and GraphML exports of the career network, parsed back with networkx."""
from __future__ import annotations

import os
from xml.etree import ElementTree

import networkx as nx
import pytest

from graphbuilder.export import networks
from graphbuilder.export.networks import write_gexf, write_graphml

T = "https://example.org/tiny/"
GEXF = "{http://www.gexf.net/1.2draft}"



@pytest.fixture(scope="module")
def seed_files(seeds_store, tmp_path_factory):
    folder = tmp_path_factory.mktemp("networks")
    return write_gexf(seeds_store, folder / "careers.gexf"), write_graphml(seeds_store, folder / "careers.graphml")


# the hand-made graph: 5 persons, 4 groups, 3 posts, 2 agencies; 8 memberships, 3 tenures, 3 post_in

def test_tiny_gexf_plays_careers(tiny_store, tmp_path):
    path = write_gexf(tiny_store, tmp_path / "tiny.gexf")
    graph = nx.read_gexf(path)
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (14, 14)
    assert graph.graph["mode"] == "dynamic"
    assert graph.nodes[T + "B"] == {"kind": "person", "label": "乙某"}
    twice = graph.edges[T + "A", T + "P1"]                      # appointed 2019, removed 2021, again 2022
    assert twice["spells"][0] == ("2019-01-31", "2021-02-24")
    spells = [s.attrib for s in ElementTree.parse(path).iter(GEXF + "spell")]
    assert spells == [{"start": "2019-01-31", "end": "2021-02-24"}, {"start": "2022-03-01"}]   # open: no end
    removed = graph.edges[T + "C", T + "P2"]                    # known only from its removal
    assert removed["end"] == "2019-01-31" and "start" not in removed
    member = graph.edges[T + "B", T + "H1"]
    assert (member["kind"], member["role"], member["roles"], member["start"]) == (
        "membership", "副指挥长", "副指挥长; 秘书长", "2019-06-06")
    assert graph.edges[T + "P1", T + "O1"]["kind"] == "post_in"
    assert "parent" not in graph.nodes[T + "H1"]                # empty values are left out
    observed = graph.edges[T + "E", T + "P3"]                   # on a roster only: undated, always shown
    assert {k: observed.get(k) for k in ("start", "end", "spells", "last_evidence")} == {
        "start": None, "end": None, "spells": None, "last_evidence": "2020-01-21"}


def test_tiny_graphml_has_scalars_only(tiny_store, tmp_path):
    graph = nx.read_graphml(write_graphml(tiny_store, tmp_path / "tiny.graphml"))
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (14, 14)
    twice = graph.edges[T + "A", T + "P1"]
    assert twice["spells"] == "2019-01-31/2021-02-24; 2022-03-01/.."
    assert twice["start"] == "2019-01-31" and "end" not in twice          # open since 2022
    assert graph.edges[T + "B", T + "H1"]["memberships"] == 2
    assert graph.nodes[T + "H2"]["parent"] == T + "H1"
    values = [v for _, d in graph.nodes(data=True) for v in d.values()]
    values += [v for *_, d in graph.edges(data=True) for v in d.values()]
    assert all(isinstance(v, (str, int, float, bool)) for v in values)


def test_a_failed_export_leaves_no_file(tiny_store, tmp_path, monkeypatch):
    target = tmp_path / "careers.gexf"
    target.write_text("previous", encoding="utf-8")

    def broken(graph, version):
        yield "<gexf>"
        raise RuntimeError("disk full")

    monkeypatch.setattr(networks.nx, "generate_gexf", broken)
    with pytest.raises(RuntimeError):
        write_gexf(tiny_store, target)
    assert target.read_text(encoding="utf-8") == "previous"
    assert os.listdir(tmp_path) == ["careers.gexf"]


# the seeds --------------------------------------------------------------------------------

def test_seed_exports_agree(seed_files, seeds_store):
    gexf, graphml = (nx.read_gexf(seed_files[0]), nx.read_graphml(seed_files[1]))
    network = networks.career_network(seeds_store)
    for graph in (gexf, graphml):
        assert (graph.number_of_nodes(), graph.number_of_edges()) == (
            network.number_of_nodes(), network.number_of_edges())
    kinds = {d["kind"] for *_, d in gexf.edges(data=True)}
    assert kinds == {"membership", "tenure", "post_in"}


def test_seed_gexf_dynamics(seed_files):
    graph = nx.read_gexf(seed_files[0])
    by_label = {d["label"]: n for n, d in graph.nodes(data=True)}
    # 三政〔2019〕9号 of 2019-06-06 puts 刘向东 on twelve command HQs
    liu = [d for _, _, d in graph.out_edges(by_label["刘向东"], data=True) if d["kind"] == "membership"]
    assert len(liu) == 12 and {d["start"] for d in liu} == {"2019-06-06"}
    # 三政任〔2021〕… : 焦露阳 moves from 市公安局政治部主任 to 市公安局副局长 on 2021-02-24
    jiao = {graph.nodes[post]["label"]: d for _, post, d in graph.out_edges(by_label["焦露阳"], data=True)}
    assert jiao["三门峡市公安局副局长"]["start"] == "2021-02-24"
    assert jiao["三门峡市公安局政治部主任"]["end"] == "2021-02-24"
    assert '<graph defaultedgetype="directed" mode="dynamic"' in seed_files[0].read_text(encoding="utf-8")
    assert 'timeformat="date"' in seed_files[0].read_text(encoding="utf-8")


def test_seed_exports_are_byte_stable(seed_files, seeds_store, tmp_path):
    assert write_gexf(seeds_store, tmp_path / "a.gexf").read_bytes() == seed_files[0].read_bytes()
    assert write_graphml(seeds_store, tmp_path / "a.graphml").read_bytes() == seed_files[1].read_bytes()
