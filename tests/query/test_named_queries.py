"""Every named query on the seeds build, checked against the facts the same build exported.

The expected answers are computed here from ``facts.jsonl`` (the printed names, roles,
units and documents), so a query that joins the wrong way, or loses rows, is caught;
a few well-known rows are spelled out as well.
"""
from __future__ import annotations

from collections import defaultdict

import pytest

from graphbuilder.query.catalogue import load_catalogue, run_named

COMMAND = "三门峡市人民政府应急救援总指挥部"   # 三政〔2019〕9号, 46 roster lines
FINANCE = "市财政局"


def facts_of(facts, kind):
    return [f for f in facts if f["type"] == kind]


def test_catalogue_has_the_issue_queries():
    names = set(load_catalogue())
    assert {"group_members", "person_groups", "agency_tasks", "agencies_shared_tasks", "bridging_persons",
            "person_documents", "post_holders", "person_career"} <= names


def test_group_members_lists_the_roster_in_rank_order(seeds_store, seeds_facts):
    rows = run_named(seeds_store, "group_members", {"group": COMMAND})
    expected = [f for f in facts_of(seeds_facts, "membership") if f["group"] == COMMAND]
    assert len(rows) == len(expected) == 46
    assert {(r["role"], r["member"], r["stated_post"]) for r in rows} == \
        {(f["role"], f["person"], f["stated_post"]) for f in expected}
    assert (rows[0]["role"], rows[0]["member"], rows[0]["stated_post"]) == ("总指挥长", "安伟", "市长")
    assert {r["doc"] for r in rows} == {"三政〔2019〕9号"} and {r["date"] for r in rows} == {"2019-06-06"}
    assert [r["role"] for r in rows[:3]] == ["总指挥长", "副总指挥长", "副总指挥长"]


def test_group_members_by_short_name_iri_and_date(seeds_store):
    by_full = run_named(seeds_store, "group_members", {"group": COMMAND})
    by_short = run_named(seeds_store, "group_members", {"group": COMMAND.removeprefix("三门峡")})
    assert {r["membership"] for r in by_short} == {r["membership"] for r in by_full}
    group_iri = seeds_store.query(
        'SELECT ?g WHERE { ?g <http://www.w3.org/2004/02/skos/core#altLabel> "%s" }' % COMMAND,
        use_default_graph_as_union=True).__next__()["g"].value
    assert {r["membership"] for r in run_named(seeds_store, "group_members", {"group": group_iri})} == \
        {r["membership"] for r in by_full}
    assert run_named(seeds_store, "group_members", {"group": COMMAND, "on": "2019-06-05"}) == []
    assert len(run_named(seeds_store, "group_members", {"group": COMMAND, "on": "2019-06-06"})) == 46


def test_person_groups_matches_the_rosters(seeds_store, seeds_facts):
    rows = run_named(seeds_store, "person_groups", {"person": "刘向东"})
    expected = {(f["group"], f["role"]) for f in facts_of(seeds_facts, "membership") if f["person"] == "刘向东"}
    assert {(r["group_name"], r["role"]) for r in rows} == expected
    assert len({r["group_name"] for r in rows}) == 12
    assert run_named(seeds_store, "person_groups", {"person": "刘向东", "on": "2019-01-01"}) == []


def test_agency_tasks_are_the_assignments_of_the_agency(seeds_store, seeds_facts):
    rows = run_named(seeds_store, "agency_tasks", {"agency": FINANCE})
    finance = {f["unit_id"] for f in facts_of(seeds_facts, "assignment") if f["unit"] == FINANCE}
    assert len(finance) == 1
    expected = {f["iri"] for f in facts_of(seeds_facts, "assignment") if f["unit_id"] in finance}
    assert {r["assignment"] for r in rows if r["via"] == ""} == expected
    assert "促进利用外资与对外投资相结合" in {r["task_title"] for r in rows}
    leads = run_named(seeds_store, "agency_tasks", {"agency": FINANCE, "kind": "lead"})
    assert leads and {r["duty"] for r in leads} == {"lead"}
    assert {r["assignment"] for r in leads} < {r["assignment"] for r in rows}


def test_agency_tasks_through_a_collective(seeds_store, seeds_facts):
    rows = run_named(seeds_store, "agency_tasks", {"agency": "渑池县人民政府"})
    collective = [f for f in facts_of(seeds_facts, "assignment") if f["unit_name"] == "各县（市、区）人民政府"]
    assert collective and {r["via"] for r in rows} >= {"各县（市、区）人民政府"}
    assert {r["assignment"] for r in rows if r["via"]} == {f["iri"] for f in collective}


def test_agencies_shared_tasks_counts_common_tasks(seeds_store, seeds_facts):
    rows = run_named(seeds_store, "agencies_shared_tasks", {"agency": FINANCE})
    tasks = defaultdict(set)
    for f in facts_of(seeds_facts, "assignment"):
        if f["unit_id"]:
            tasks[f["unit_id"]].add((f["doc"], f["task"]))
    finance = next(f["unit_id"] for f in seeds_facts if f.get("unit") == FINANCE)
    shared = {unit: len(tasks[finance] & mine) for unit, mine in tasks.items() if unit != finance}
    assert {r["iri_a"] for r in rows} == {finance}
    assert rows[0]["shared_tasks"] == max(shared.values())
    assert all(r["shared_tasks"] == shared[r["iri_b"]] for r in rows)
    everyone = run_named(seeds_store, "agencies_shared_tasks")
    assert len(everyone) == 100 and everyone[0]["shared_tasks"] >= rows[0]["shared_tasks"]
    assert all(r["iri_a"] < r["iri_b"] for r in everyone)


def test_bridging_persons_counts_groups(seeds_store, seeds_facts):
    rows = run_named(seeds_store, "bridging_persons")
    groups = defaultdict(set)
    for f in facts_of(seeds_facts, "membership"):
        if f["person"]:
            groups[f["person"]].add(f["group"])
    assert rows[0]["person_name"] == "刘向东" and rows[0]["groups"] == 12 == len(groups["刘向东"])
    assert all(r["groups"] >= 2 for r in rows)
    assert {r["person_name"] for r in rows} == {p for p, g in groups.items() if len(g) >= 2}
    assert set(rows[0]["group_names"].split("；")) == {g.removeprefix("三门峡") for g in groups["刘向东"]}
    early = run_named(seeds_store, "bridging_persons", {"on": "2019-12-31"})
    assert {r["person_name"] for r in early} < {r["person_name"] for r in rows}


@pytest.mark.parametrize("name", ["agencies_shared_tasks", "bridging_persons"])
def test_the_build_ranking_answers_as_the_query_counting_it(seeds_store, name):
    """Without its parameter the query reads the ranking the build counted (graph/summaries);
    its own text counts the same at query time: the two answers must agree row for row
    (lists joined by GROUP_CONCAT compared as sets: their order is the engine's)."""
    from graphbuilder.query.catalogue import find_query
    from graphbuilder.query.store import select

    query = find_query(name)
    assert query.text_for({}) != query.text
    ranked, counted = run_named(seeds_store, name), select(seeds_store, query.text)
    assert len(ranked) == len(counted) > 10

    def comparable(row):
        return {k: set(v.split("；")) if k in ("group_names", "roles") else v for k, v in row.items()}
    assert [comparable(r) for r in ranked] == [comparable(r) for r in counted]


@pytest.mark.parametrize("on", ["2019-06-06", "2019-12-31", "2020-03-01", "2020-06-30", "2021-12-31"])
def test_bridging_on_a_date_counts_as_the_roster_lines_say(seeds_store, on):
    """The dated form counts the build's roster periods; the reference counts every roster
    line against every later listing of its group (the same rule, straight from the facts)."""
    from pathlib import Path

    from graphbuilder.query.store import select

    reference = (Path(__file__).parent / "data" / "bridging_persons_from_rosters.rq").read_text(encoding="utf-8")
    rows = run_named(seeds_store, "bridging_persons", {"on": on})
    expected = select(seeds_store, reference, {"on": on})

    def comparable(row):
        return {k: set(v.split("；")) if k in ("group_names", "roles") else v for k, v in row.items()}
    assert [comparable(r) for r in rows] == [comparable(r) for r in expected]


def test_the_ranked_pairs_are_the_pairs_sharing_most_tasks_in_the_facts(seeds_store, seeds_facts):
    units = defaultdict(set)
    for f in facts_of(seeds_facts, "assignment"):
        if f["unit_id"]:
            units[(f["doc"], f["task"])].add(f["unit_id"])
    shared = defaultdict(int)
    for members in units.values():
        for a in members:
            for b in members:
                shared[a, b] += a < b
    rows = run_named(seeds_store, "agencies_shared_tasks")
    assert all(r["shared_tasks"] == shared[r["iri_a"], r["iri_b"]] for r in rows)
    assert sorted((r["shared_tasks"] for r in rows), reverse=True) == sorted(shared.values(), reverse=True)[:100]


def test_person_documents_are_the_notices_naming_the_person(seeds_store, seeds_facts):
    rows = run_named(seeds_store, "person_documents", {"person": "安伟"})
    expected = {f["doc"] for f in seeds_facts if "安伟" in (f.get("person"), f.get("recipient"))}
    assert [r["doc"] for r in rows] == ["三政办文〔2020〕4号", "三政办文〔2020〕2号", "三政〔2019〕9号"]
    assert set(r["doc"] for r in rows) == expected
    assert all("Membership" in r["kinds"].split() for r in rows)


@pytest.mark.parametrize("name", ["post_holders", "person_career"])
def test_the_leads_queries_answer_their_examples(seeds_store, name):
    query = load_catalogue()[name]
    words = query.examples[0].split()
    params = dict(words[i + 1].split("=", 1) for i, w in enumerate(words) if w == "--param")
    rows = run_named(seeds_store, name, params)
    assert rows, f"{name} {params}: no answer on the seeds"
    assert "裴宗杰" in {r.get("name") for r in rows}


def test_every_example_runs(seeds_store):
    for query in load_catalogue().values():
        for example in query.examples:
            words = example.split()
            params = dict(words[i + 1].split("=", 1) for i, w in enumerate(words) if w == "--param")
            assert run_named(seeds_store, query.name, params), example
