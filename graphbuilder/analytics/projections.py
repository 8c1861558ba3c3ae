"""Typed rows → networkx graphs: the four views an analyst of these gazettes asks for.

Nodes are entity IRIs; every node has ``kind`` (person, group, agency, post) and
``label`` (its canonical name), every edge a ``kind`` (membership, co_membership,
co_responsibility, tenure, post_in). Values that are several (roles, documents,
spells) are tuples, sorted, so that two runs give equal graphs; exporters that take
only scalars (GraphML) flatten them. Nodes and edges are added in sorted order, which
is what makes the seeded community detection repeatable.

- person–group (bipartite): who sits on which group, with role, notices and dates;
- person–person co-membership: weight = number of groups two persons share;
- agency–agency co-responsibility: weight = number of tasks two agencies share,
  split into both leading, one leading and one supporting, both supporting;
- person–post over time: tenures as edges with their (start, end) spells.
"""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import Iterable

import networkx as nx

from graphbuilder.analytics.rows import AssignmentRow, MembershipRow, TenureRow

LEAD, SUPPORT = "lead", "support"


def person_group_graph(memberships: Iterable[MembershipRow]) -> nx.Graph:
    """Bipartite graph: persons (``bipartite=0``) and groups (``bipartite=1``).

    One edge per person × group, however many roster lines say so: ``role`` is the
    role of the earliest line (earliest notice, then roster order), ``roles``,
    ``documents`` and ``dates`` all of them, ``start`` the earliest notice date.
    """
    by_pair: dict[tuple[str, str], list[MembershipRow]] = defaultdict(list)
    graph = nx.Graph(name="person–group memberships")
    for row in sorted(memberships, key=lambda r: (r.date or "9999", r.doc, r.start, r.membership)):
        by_pair[row.person, row.group].append(row)
    for person, group in sorted(by_pair):
        rows = by_pair[person, group]
        first = rows[0]
        graph.add_node(person, kind="person", label=first.person_name, bipartite=0)
        graph.add_node(group, kind="group", label=first.group_name, group_kind=first.group_kind,
                       parent=first.parent, bipartite=1)
        dates = tuple(sorted({r.date for r in rows if r.date}))
        graph.add_edge(person, group, kind="membership", role=first.role,
                       roles=tuple(sorted({r.role for r in rows if r.role})),
                       documents=tuple(sorted({r.doc for r in rows})), dates=dates,
                       start=dates[0] if dates else None, memberships=len(rows))
    return graph


def persons_of(graph: nx.Graph) -> list[str]:
    return sorted(n for n, kind in graph.nodes(data="kind") if kind == "person")


def co_membership_graph(bipartite: nx.Graph) -> nx.Graph:
    """Persons joined when they sit on a group together; ``weight`` = groups shared."""
    graph = nx.Graph(name="person–person co-membership")
    for person in persons_of(bipartite):
        graph.add_node(person, kind="person", label=bipartite.nodes[person]["label"],
                       groups=bipartite.degree(person))
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    for group in sorted(n for n, kind in bipartite.nodes(data="kind") if kind == "group"):
        for a, b in combinations(sorted(bipartite.neighbors(group)), 2):
            shared[a, b].append(group)
    for (a, b), groups in sorted(shared.items()):
        graph.add_edge(a, b, kind="co_membership", weight=len(groups),
                       groups=tuple(sorted(bipartite.nodes[g]["label"] for g in groups)))
    return graph


def co_responsibility_graph(assignments: Iterable[AssignmentRow], collectives: bool = False) -> nx.Graph:
    """Agencies joined when they are assigned the same task; ``weight`` = tasks shared.

    An agency both leading and supporting one task counts as leading it. Collective
    units (各县（市、区）政府) stand for many bodies, so they are left out unless
    ``collectives`` is true. Node attributes: ``lead`` and ``support`` (tasks), edge
    attributes ``both_lead``, ``lead_support``, ``both_support`` (tasks).
    """
    roles: dict[str, dict[str, str]] = defaultdict(dict)      # task -> agency -> lead|support
    names: dict[str, str] = {}
    for row in assignments:
        if row.collective and not collectives:
            continue
        names.setdefault(row.unit, row.unit_name)
        if roles[row.task].get(row.unit) != LEAD:
            roles[row.task][row.unit] = row.kind
    graph = nx.Graph(name="agency–agency co-responsibility")
    load: dict[str, dict[str, int]] = defaultdict(lambda: {LEAD: 0, SUPPORT: 0})
    pairs: dict[tuple[str, str], dict[str, int]] = defaultdict(
        lambda: {"both_lead": 0, "lead_support": 0, "both_support": 0})
    for task in sorted(roles):
        units = roles[task]
        for unit, kind in units.items():
            load[unit][kind] += 1
        for a, b in combinations(sorted(units), 2):
            kinds = {units[a], units[b]}
            pairs[a, b]["both_lead" if kinds == {LEAD} else "both_support" if kinds == {SUPPORT}
                        else "lead_support"] += 1
    for agency in sorted(names):
        graph.add_node(agency, kind="agency", label=names[agency], lead=load[agency][LEAD],
                       support=load[agency][SUPPORT])
    for (a, b), counts in sorted(pairs.items()):
        graph.add_edge(a, b, kind="co_responsibility", weight=sum(counts.values()), **counts)
    return graph


def person_post_graph(tenures: Iterable[TenureRow]) -> nx.DiGraph:
    """Persons → posts they held, and posts → the agency they sit in.

    A tenure edge carries ``spells``: one ``(start, end)`` per tenure of that person in
    that post, ``None`` where a bound is unknown, plus ``start`` and ``end`` of the
    whole span (``None`` when open or unknown), ``first_evidence`` and ``last_evidence``
    (the dates notices attest it, ``None`` if the graph does not say) and the notices
    that opened, closed or observed it.
    """
    by_pair: dict[tuple[str, str], list[TenureRow]] = defaultdict(list)
    for row in tenures:
        by_pair[row.person, row.post].append(row)
    graph = nx.DiGraph(name="person–post tenures")
    for person, post in sorted(by_pair):
        rows = sorted(by_pair[person, post], key=lambda r: (r.start or r.end, r.tenure))
        first = rows[0]
        graph.add_node(person, kind="person", label=first.person_name)
        graph.add_node(post, kind="post", label=first.post_name, organization=first.organization_name)
        spells = tuple((r.start or None, r.end or None) for r in rows)
        starts = [s for s, _ in spells if s]
        ends = [e for _, e in spells if e]
        open_ended = any(e is None for _, e in spells)
        graph.add_edge(person, post, kind="tenure", spells=spells,
                       start=min(starts) if starts else None,
                       end=None if open_ended or not ends else max(ends),
                       first_evidence=min((r.first_evidence for r in rows if r.first_evidence), default=None),
                       last_evidence=max((r.last_evidence for r in rows if r.last_evidence), default=None),
                       documents=tuple(sorted({d for r in rows for d in (r.opened_doc, r.closed_doc, *r.observed_docs)
                                               if d})))
        if first.organization:
            graph.add_node(first.organization, kind="agency", label=first.organization_name)
            graph.add_edge(post, first.organization, kind="post_in")
    return graph
