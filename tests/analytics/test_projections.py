"""Projections: rows read by SPARQL become networkx graphs with typed attributes."""
from __future__ import annotations

import networkx as nx
import pytest

from graphbuilder.analytics import project
from graphbuilder.analytics.rows import read_assignments, read_memberships

T = "https://example.org/tiny/"


@pytest.fixture(scope="module")
def tiny(tiny_store):
    return project(tiny_store)


@pytest.fixture(scope="module")
def seeds(seeds_store):
    return project(seeds_store)


# the hand-made graph ----------------------------------------------------------------------

def test_memberships_leave_out_positions(tiny_store):
    rows = read_memberships(tiny_store)
    assert len(rows) == 9                      # m9 names a position, not a person
    assert {r.membership for r in rows} == {f"{T}m{i}" for i in range(1, 11)} - {f"{T}m9"}
    h2 = next(r for r in rows if r.membership == T + "m5")
    assert (h2.group_kind, h2.parent, h2.year, h2.doc) == ("command_hq", T + "H1", 2019, "测政〔2019〕1号")


def test_person_group_is_bipartite_with_role_and_dates(tiny):
    graph = tiny.person_group
    persons = {n for n, d in graph.nodes(data=True) if d["bipartite"] == 0}
    assert persons == {T + p for p in "ABCDE"}
    assert nx.bipartite.is_bipartite_node_set(graph, persons)
    assert graph.number_of_nodes() == 9 and graph.number_of_edges() == 8
    edge = graph.edges[T + "B", T + "H1"]
    assert edge["role"] == "副指挥长"            # first in roster order, before 秘书长
    assert edge["roles"] == ("副指挥长", "秘书长")
    assert (edge["memberships"], edge["documents"], edge["start"]) == (2, ("测政〔2019〕1号",), "2019-06-06")
    assert graph.nodes[T + "H2"] == {"kind": "group", "label": "乙指挥部", "group_kind": "command_hq",
                                     "parent": T + "H1", "bipartite": 1}


def test_co_membership_weights_shared_groups(tiny):
    graph = tiny.co_membership
    assert sorted(graph.edges) == sorted([(T + "A", T + "B"), (T + "A", T + "C"), (T + "B", T + "C"),
                                          (T + "B", T + "D"), (T + "D", T + "E")])
    assert graph.edges[T + "A", T + "B"] == {"kind": "co_membership", "weight": 1, "groups": ("甲指挥部",)}
    assert graph.nodes[T + "E"]["groups"] == 2      # 丙领导小组 and 丁指挥部


def test_co_responsibility_counts_lead_and_support(tiny, tiny_store):
    graph = tiny.co_responsibility
    assert sorted(graph.nodes) == [T + f"O{i}" for i in range(1, 6)]        # the collective unit left out
    assert graph.edges[T + "O1", T + "O2"] == {"kind": "co_responsibility", "weight": 2, "both_lead": 1,
                                               "lead_support": 1, "both_support": 0}
    assert graph.edges[T + "O2", T + "O3"]["both_support"] == 1
    assert graph.nodes[T + "O1"]["lead"] == 2 and graph.nodes[T + "O1"]["support"] == 0
    assert not graph.has_edge(T + "O3", T + "O4")
    from graphbuilder.analytics.projections import co_responsibility_graph
    with_collectives = co_responsibility_graph(read_assignments(tiny_store), collectives=True)
    assert with_collectives.nodes[T + "CU"] == {"kind": "agency", "label": "各县（市、区）人民政府",
                                                "lead": 0, "support": 1}


def test_person_post_has_spells(tiny):
    graph = tiny.person_post
    assert graph.number_of_nodes() == 8 and graph.number_of_edges() == 6
    twice = graph.edges[T + "A", T + "P1"]
    assert twice["spells"] == (("2019-01-31", "2021-02-24"), ("2022-03-01", None))
    assert (twice["start"], twice["end"]) == ("2019-01-31", None)           # open again since 2022
    removed = graph.edges[T + "C", T + "P2"]
    assert (removed["spells"], removed["start"], removed["end"]) == (((None, "2019-01-31"),), None, "2019-01-31")
    assert graph.edges[T + "P2", T + "O1"] == {"kind": "post_in"}
    assert graph.nodes[T + "P1"] == {"kind": "post", "label": "一局局长", "organization": "一局"}
    observed = graph.edges[T + "E", T + "P3"]                  # seen on a roster only: no bounds
    assert observed["spells"] == ((None, None),) and observed["start"] is observed["end"] is None
    assert (observed["first_evidence"], observed["last_evidence"]) == ("2020-01-21", "2020-01-21")
    assert observed["documents"] == ("测政办〔2020〕2号",)
    assert twice["documents"] == ("测政任〔2019〕1号", "测政任〔2021〕1号", "测政任〔2022〕1号")


# the seeds --------------------------------------------------------------------------------

def test_seed_projections_cover_the_facts(seeds, seeds_store):
    named = [r for r in read_memberships(seeds_store)]
    # every roster line naming a person becomes (part of) one person–group edge
    assert sum(d["memberships"] for _, _, d in seeds.person_group.edges(data=True)) == len(named)
    assert nx.is_bipartite(seeds.person_group)
    # 三政〔2019〕9号 lists 刘向东 on the 总指挥部 and its eleven special HQs
    liu = next(n for n, d in seeds.co_membership.nodes(data=True) if d["label"] == "刘向东")
    assert seeds.co_membership.nodes[liu]["groups"] == 12
    tenures = [d for _, _, d in seeds.person_post.edges(data=True) if d["kind"] == "tenure"]
    assert all(d["spells"] for d in tenures)
    assert all(d["kind"] == "agency" for n, d in seeds.co_responsibility.nodes(data=True))
