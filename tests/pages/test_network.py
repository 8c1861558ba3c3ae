"""Network records and layout: repeats merge, limits hold, positions are stable and sensible."""
import math
import random

import pytest

from graphbuilder.pages.corpus import Evidence
from graphbuilder.pages.layout import PHYSICS_LIMIT, compute_positions, uses_physics
from graphbuilder.pages.network import Fact, NetworkBuilder, bounded

EVIDENCE = Evidence("三政办文〔2020〕2号", "2020-01-21", "安 伟（市长）", 680)


def star_network(groups: int, members_per_group: int, shared: int = 0):
    """Groups with their own members, plus ``shared`` persons sitting in two groups."""
    builder = NetworkBuilder()
    for g in range(groups):
        builder.node(f"g{g}", f"group {g}", "group")
        for m in range(members_per_group):
            builder.edge(builder.node(f"p{g}-{m}", f"person {g}-{m}", "person"), f"g{g}", "member")
    for s in range(shared):
        node = builder.node(f"s{s}", f"shared {s}", "person")
        builder.edge(node, f"g{s % groups}", "member")
        builder.edge(node, f"g{(s + 1) % groups}", "member")
    return builder.build()


def test_repeated_facts_merge_into_one_node_and_edge():
    builder = NetworkBuilder()
    builder.node("p", "柴贵海", "person", tone="member", fact=Fact("成员", EVIDENCE))
    builder.node("p", "柴贵海", "person", tone="deputy", fact=Fact("副组长", EVIDENCE))
    builder.node("g", "领导小组", "group")
    builder.edge("p", "g", "member", label="副组长", fact=Fact("副组长", EVIDENCE))
    builder.edge("p", "g", "member", label="办公室主任", fact=Fact("办公室主任", EVIDENCE))
    builder.edge("p", "g", "member", label="副组长", fact=Fact("副组长", EVIDENCE))
    network = builder.build()
    [person, _] = network.nodes
    assert person.tone == "deputy" and [f.text for f in person.facts] == ["成员", "副组长"]
    [edge] = network.edges
    assert edge.labels == ("副组长", "办公室主任") and len(edge.facts) == 2 and edge.weight == 3


def test_an_edge_to_a_missing_node_is_an_error():
    builder = NetworkBuilder()
    builder.node("a", "a", "person")
    builder.edge("a", "ghost", "member")
    with pytest.raises(ValueError, match="ghost"):
        builder.build()


def test_long_names_are_shortened_in_labels_only():
    builder = NetworkBuilder()
    builder.node("g", "陇海铁路三门峡段取直改造及物流园项目建设指挥部", "group")
    [node] = builder.build().nodes
    assert node.label == "陇海铁路三门峡段取直改造及…" and len(node.label) == 14
    assert node.name == "陇海铁路三门峡段取直改造及物流园项目建设指挥部"


def test_bounded_keeps_the_subject_and_the_best_connected():
    network = star_network(groups=5, members_per_group=10)
    builder = NetworkBuilder()
    for node in network.nodes:
        builder.node(node.id, node.name, node.kind, is_subject=node.id == "p4-9")
    for edge in network.edges:
        builder.edge(edge.source, edge.target, edge.relation)
    small = bounded(builder.build(), 8)
    ids = {node.id for node in small.nodes}
    assert len(ids) == 8 and "p4-9" in ids and {f"g{g}" for g in range(5)} <= ids
    assert all(e.source in ids and e.target in ids for e in small.edges)
    assert "47 of 55 nodes" in small.note


def test_every_node_gets_a_position_and_the_same_one_each_time():
    network = star_network(groups=30, members_per_group=12, shared=20)
    first, second = compute_positions(network), compute_positions(network)
    assert first == second and set(first) == {node.id for node in network.nodes}
    assert len(set(first.values())) == len(first)                 # no two nodes on one spot


@pytest.mark.parametrize("shared", [0, 40, 200])    # 40 separate stars; stars chained by shared members
def test_members_sit_around_their_own_group(shared):
    network = star_network(groups=40, members_per_group=10, shared=shared)
    positions = compute_positions(network)
    for g in range(40):
        own = [math.dist(positions[f"p{g}-{m}"], positions[f"g{g}"]) for m in range(10)]
        others = [math.dist(positions[f"p{g}-0"], positions[f"g{h}"]) for h in range(40) if h != g]
        assert max(own) < min(others)


def test_isolated_nodes_and_pairs_are_placed_too():
    builder = NetworkBuilder()
    rng = random.Random(3)
    for n in range(50):
        builder.node(f"n{n}", str(n), "agency")
    for n in range(0, 20, 2):
        builder.edge(f"n{n}", f"n{n + 1}", "shared_tasks")
    for _ in range(30):
        a, b = rng.sample(range(20, 50), 2)
        builder.edge(f"n{a}", f"n{b}", "shared_tasks")
    positions = compute_positions(builder.build())
    assert len(positions) == 50 and len(set(positions.values())) == 50


def test_physics_only_for_small_networks():
    assert uses_physics(star_network(groups=10, members_per_group=10))
    assert not uses_physics(star_network(groups=PHYSICS_LIMIT // 10, members_per_group=10))
