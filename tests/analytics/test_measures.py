"""Each measure on the hand-made graph (answers worked out in data/tiny.trig) and on the seeds."""
from __future__ import annotations

import json
from collections import defaultdict

import pytest

from graphbuilder.analytics import compute_stats, measures, project
from graphbuilder.analytics.rows import read_appointments, read_memberships

T = "https://example.org/tiny/"


@pytest.fixture(scope="module")
def tiny(tiny_store):
    return compute_stats(tiny_store)


@pytest.fixture(scope="module")
def seeds(seeds_store):
    return compute_stats(seeds_store)


def names(results) -> list[str]:
    return [r.name for r in results]


# bridging persons -------------------------------------------------------------------------

def test_bridging_on_tiny_graph(tiny):
    # co-membership A–B, A–C, B–C, B–D, D–E: B lies on the shortest paths A–D, A–E, C–D, C–E
    # (4 of the 6 pairs not touching B), D on A–E, C–E, B–E (3 of 6).
    assert [(b.name, b.betweenness, b.groups, b.contacts) for b in tiny.bridging] == [
        ("乙某", 0.666667, 2, 3), ("丁某", 0.5, 2, 2),
        ("戊某", 0.0, 2, 1), ("丙某", 0.0, 1, 2), ("甲某", 0.0, 1, 2)]


def test_bridging_on_seeds(seeds):
    # 高永瑞 and 聂建英 sit on the 2019 森林防火 and 防汛抗旱 HQs and on both 2020 leading groups
    # (天然氧吧城市创建, 脱贫攻坚普查): every path between the two clusters runs through them.
    top = seeds.bridging[:3]
    assert sorted(names(top[:2])) == ["聂建英", "高永瑞"]
    assert top[0].betweenness == top[1].betweenness > top[2].betweenness
    assert (top[2].name, top[2].groups) == ("刘向东", 12)
    assert all(0 <= b.betweenness <= 1 for b in seeds.bridging)


# duties -----------------------------------------------------------------------------------

def test_duties_on_tiny_graph(tiny):
    assert [(d.name, d.lead, d.support) for d in tiny.duties] == [
        ("一局", 2, 0), ("二局", 1, 1), ("三局", 0, 2), ("四局", 1, 0), ("五局", 0, 1)]


def test_duties_on_seeds_match_the_facts_export(seeds, seeds_out):
    """Tasks per agency counted again from facts.jsonl, the flat export, by (document, task path)."""
    kinds: dict[str, dict[tuple, str]] = defaultdict(dict)
    for line in (seeds_out / "facts.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["type"] == "assignment" and row["unit_id"]:
            task = (row["doc"], row["task"], row["task_title"])
            if kinds[row["unit_name"]].get(task) != "lead":
                kinds[row["unit_name"]][task] = row["kind"]
    for load in seeds.duties[:10]:
        counted = list(kinds[load.name].values())
        assert (load.lead, load.support) == (counted.count("lead"), counted.count("support")), load.name
    assert seeds.duties[0].name == "三门峡市发展和改革委员会"
    assert (seeds.duties[0].lead, seeds.duties[0].support) == (59, 59)   # 三政办〔2019〕8号 八、3.: 责任部门 beside 主要责任部门 supports
    assert "各县（市、区）人民政府" not in names(seeds.duties)        # a collective, not an agency


# communities ------------------------------------------------------------------------------

def test_communities_on_tiny_graph(tiny):
    assert [(c.rank, [n for _, n in c.members], c.internal_weight) for c in tiny.communities] == [
        (1, ["一局", "三局", "二局"], 6), (2, ["五局", "四局"], 1)]


def test_communities_on_seeds_group_agencies_by_field(seeds):
    community = {name: c.rank for c in seeds.communities for _, name in c.members}
    economy = {community["三门峡市发展和改革委员会"], community["三门峡市财政局"], community["三门峡市商务局"]}
    social = {community["三门峡市卫生健康委员会"], community["三门峡市教育局"], community["三门峡市民政局"]}
    building = {community["三门峡市住房和城乡建设局"], community["三门峡市自然资源和规划局"],
                community["三门峡市交通运输局"]}
    assert len(economy) == len(social) == len(building) == 1
    assert len(economy | social | building) == 3


def test_communities_are_deterministic(seeds_store, seeds):
    again = measures.agency_communities(project(seeds_store).co_responsibility)
    assert again == seeds.communities
    other_seed = measures.agency_communities(project(seeds_store).co_responsibility, seed=7)
    assert sum(c.size for c in other_seed) == sum(c.size for c in seeds.communities)


# command bodies ---------------------------------------------------------------------------

def test_command_core_on_tiny_graph(tiny, tiny_store):
    assert [(c.name, c.bodies) for c in tiny.command_core] == [
        ("乙某", 2), ("丁某", 1), ("丙某", 1), ("戊某", 1), ("甲某", 1)]
    assert tiny.command_core[0].roles == ("副指挥长", "指挥长", "秘书长")
    rows = read_memberships(tiny_store)
    assert [(c.name, c.bodies) for c in measures.command_core(rows, year=2020)] == [("戊某", 1)]
    assert [c.name for c in measures.command_core(rows, kind="leading_group")] == ["丁某", "戊某"]


def test_command_core_on_seeds_2019(seeds_store):
    """三政〔2019〕9号 names 刘向东 (市应急局局长) on the 应急救援总指挥部 and all eleven 专项应急指挥部
    (seed 000, lines 554–743): no one else sits on more than five."""
    core = measures.command_core(read_memberships(seeds_store), year=2019)
    first, second = core[:2]
    assert (first.name, first.bodies) == ("刘向东", 12)
    assert {"副指挥长", "秘书长", "成员"} <= set(first.roles)
    assert "市防汛抗旱应急指挥部" in first.groups and "市人民政府应急救援总指挥部" in first.groups
    assert (second.name, second.bodies) == ("李杰", 5)


# turnover ---------------------------------------------------------------------------------

def test_turnover_on_tiny_graph(tiny):
    assert [(t.name, t.year, t.appointments, t.removals, t.nominations) for t in tiny.turnover] == [
        ("一局", 2019, 1, 1, 0), ("一局", 2022, 1, 0, 0), ("一局", 2021, 0, 1, 1)]


def test_turnover_on_seeds(seeds, seeds_store):
    """三政任〔2019〕1号 (seed 001, lines 975–1031): 马占方, 李毅 and 李瑞霞 appointed to the
    经济开发区管委会, 刘益 and 王振江 removed from it."""
    first = seeds.turnover[0]
    assert (first.name, first.year, first.appointments, first.removals) == ("三门峡经济开发区管理委员会", 2019, 3, 2)
    events = read_appointments(seeds_store)
    assert sum(t.appointments + t.removals + t.nominations for t in seeds.turnover) == len(events)
