"""The corpus rankings the build writes (rdf/summaries.py), counted on rows small enough to check by hand.

Their agreement with the queries that count the same at query time is checked on the
seeds in tests/query/test_named_queries.py.
"""
from __future__ import annotations

from rdflib import RDF, URIRef

from graphbuilder.rdf.ns import GB
from graphbuilder.rdf.summaries import (TOP, Bridge, Partnership, RosterPeriod, bridge_triples,
                                        partnership_triples, period_triples, rank_bridges, rank_partnerships,
                                        roster_periods)

A, B, C, D = "https://x/a", "https://x/b", "https://x/c", "https://x/d"


def test_pairs_count_distinct_tasks_lead_pairs_and_documents():
    rows = [("t1", A, "lead", "d1"), ("t1", B, "support", "d1"), ("t1", C, "lead", "d1"),
            ("t2", A, "lead", "d2"), ("t2", B, "lead", "d2"),
            ("t3", B, "support", "d2"), ("t3", A, "support", "d2"), ("t3", A, "lead", "d2"),
            ("t4", D, "lead", "d3")]                                   # a task with one unit: no pair
    ranked = rank_partnerships(rows)
    assert ranked[0] == Partnership(A, B, tasks=3, lead_tasks=1, documents=2)
    assert set(ranked[1:]) == {Partnership(A, C, 1, 1, 1), Partnership(B, C, 1, 0, 1)}
    assert [p.first < p.second for p in ranked] == [True] * 3


def test_a_unit_named_twice_for_a_task_counts_once():
    ranked = rank_partnerships([("t", A, "lead", "d"), ("t", A, "support", "d"), ("t", B, "lead", "d")])
    assert ranked == [Partnership(A, B, 1, 1, 1)]


def test_ties_are_ordered_by_iri_and_the_ranking_stops_at_top():
    units = [f"https://x/u{k:03d}" for k in range(16)]              # 120 pairs, one task each
    ranked = rank_partnerships([("t", unit, "support", "d") for unit in units])
    assert len(ranked) == TOP and ranked[0] == Partnership(units[0], units[1], 1, 0, 1)
    assert [(p.first, p.second) for p in ranked] == sorted((p.first, p.second) for p in ranked)


def test_bridges_count_distinct_groups_and_need_two():
    rows = [(A, "g1"), (A, "g2"), (A, "g2"), (B, "g1"), (C, "g1"), (C, "g2"), (C, "g3")]
    assert rank_bridges(rows) == [Bridge(C, 3), Bridge(A, 2)]


def test_ranking_nodes_are_keyed_by_what_they_rank():
    first = list(partnership_triples([Partnership(A, B, 3, 1, 2), Partnership(A, C, 1, 1, 1)]))
    again = list(partnership_triples([Partnership(A, C, 5, 1, 1)]))     # a later build: A–C now first
    node_ac = {s for s, p, o in first if p == GB.secondAgency and o == URIRef(C)}
    assert node_ac == {s for s, p, o in again if p == RDF.type}
    ranks = {(s, int(o)) for s, p, o in first if p == GB.rank}
    assert sorted(rank for _, rank in ranks) == [1, 2]
    bridge = list(bridge_triples([Bridge(A, 4)]))
    assert (bridge[0][1], bridge[0][2]) == (RDF.type, GB.GroupBridge)
    assert {(p, int(o)) for _, p, o in bridge if p in (GB.bridgedGroups, GB.rank)} == {(GB.bridgedGroups, 4),
                                                                                    (GB.rank, 1)}


def test_a_roster_period_ends_at_the_groups_next_listing():
    memberships = [(A, "g1", "n1", "2019-01-01"), (B, "g1", "n1", "2019-01-01"),
                   (A, "g1", "n2", "2020-01-01"),                       # re-listed: B left
                   (C, "g2", "n3", "2019-06-01"), (C, "g2", "n9", "")]  # an undated notice
    listings = [("g1", "2019-01-01"), ("g1", "2020-01-01"), ("g1", "2021-05-05"), ("g2", "2019-06-01")]
    periods = {(p.group, p.document): p for p in roster_periods(memberships, listings)}
    assert periods["g1", "n1"] == RosterPeriod("g1", "n1", "2019-01-01", "2020-01-01", frozenset({A, B}))
    assert periods["g1", "n2"].until == "2021-05-05"          # a later listing ends it, members or not
    assert periods["g2", "n3"].until == "" and periods["g2", "n9"] == RosterPeriod("g2", "n9", "", "",
                                                                                    frozenset({C}))


def test_period_triples_leave_unknown_dates_out():
    triples = list(period_triples([RosterPeriod(A, "n1", "", "", frozenset({B, C}))]))
    predicates = [p for _, p, _ in triples]
    assert GB.inForceFrom not in predicates and GB.inForceUntil not in predicates
    assert predicates.count(GB.listsPerson) == 2
