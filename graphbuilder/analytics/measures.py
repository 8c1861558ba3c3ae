"""Measures with a meaning for this field, computed on the projections.

- bridging persons: betweenness on the co-membership graph, the officials through whom
  the most shortest paths between other members run (hop count; weights are tie
  strengths, not distances, so they are not used as lengths);
- duty loads: tasks each agency leads and supports;
- agency communities: Louvain on the co-responsibility graph with a fixed seed, so the
  same graph gives the same communities;
- command core: persons on the most command bodies (gb:CommandHQ), in a year or overall;
- turnover: appointments and removals per agency per year (nominations are not
  turnover and are counted apart).

Every result is a frozen dataclass; lists come sorted, largest first, ties by name, so
tables and the triples written back are stable.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable

import networkx as nx

from graphbuilder.analytics.projections import LEAD, SUPPORT
from graphbuilder.analytics.rows import AppointmentRow, MembershipRow

LOUVAIN_SEED = 42
LOUVAIN_RESOLUTION = 1.0


@dataclass(frozen=True, slots=True)
class BridgingPerson:
    person: str
    name: str
    betweenness: float      # normalised, 0..1
    groups: int             # groups the person sits on
    contacts: int           # persons met on any group


@dataclass(frozen=True, slots=True)
class DutyLoad:
    agency: str
    name: str
    lead: int               # tasks led
    support: int            # tasks supported (and not led)

    @property
    def total(self) -> int:
        return self.lead + self.support


@dataclass(frozen=True, slots=True)
class AgencyCommunity:
    rank: int                           # 1 = largest
    members: tuple[tuple[str, str], ...]  # (iri, name), strongest tie-holder first
    internal_weight: int                # tasks shared inside the community, summed over pairs

    @property
    def size(self) -> int:
        return len(self.members)

    @property
    def anchor(self) -> str:
        return self.members[0][1]


@dataclass(frozen=True, slots=True)
class CoreMember:
    person: str
    name: str
    bodies: int                     # distinct command bodies
    roles: tuple[str, ...]
    groups: tuple[str, ...]         # their names


@dataclass(frozen=True, slots=True)
class Turnover:
    agency: str
    name: str
    year: int | None                # None for undated notices
    appointments: int
    removals: int
    nominations: int

    @property
    def total(self) -> int:
        return self.appointments + self.removals


def bridging_persons(co_membership: nx.Graph) -> list[BridgingPerson]:
    """Persons by betweenness on the co-membership graph, highest first."""
    scores = nx.betweenness_centrality(co_membership, normalized=True)
    people = [BridgingPerson(p, data["label"], round(scores[p], 6), data["groups"], co_membership.degree(p))
              for p, data in co_membership.nodes(data=True)]
    return sorted(people, key=lambda b: (-b.betweenness, -b.groups, b.name, b.person))


def duty_loads(co_responsibility: nx.Graph) -> list[DutyLoad]:
    """Agencies by tasks led and supported (the node counts of the co-responsibility graph)."""
    loads = [DutyLoad(a, data["label"], data[LEAD], data[SUPPORT])
             for a, data in co_responsibility.nodes(data=True)]
    return sorted(loads, key=lambda d: (-d.total, -d.lead, d.name, d.agency))


def agency_communities(co_responsibility: nx.Graph, seed: int = LOUVAIN_SEED,
                       resolution: float = LOUVAIN_RESOLUTION) -> list[AgencyCommunity]:
    """Communities of agencies that share tasks (Louvain, weighted, fixed seed).

    Agencies that share no task with any other form no community and are left out.
    """
    linked = co_responsibility.subgraph(n for n in co_responsibility if co_responsibility.degree(n) > 0)
    if linked.number_of_edges() == 0:
        return []
    found = nx.community.louvain_communities(linked, weight="weight", resolution=resolution, seed=seed)
    communities = []
    for members in found:
        inside = linked.subgraph(members)
        strength = dict(inside.degree(weight="weight"))
        order = sorted(members, key=lambda a: (-strength[a], linked.nodes[a]["label"], a))
        communities.append((tuple((a, linked.nodes[a]["label"]) for a in order),
                            int(inside.size(weight="weight"))))
    communities.sort(key=lambda c: (-len(c[0]), -c[1], c[0][0][1]))
    return [AgencyCommunity(rank, members, weight) for rank, (members, weight) in enumerate(communities, 1)]


def command_core(memberships: Iterable[MembershipRow], year: int | None = None,
                 kind: str = "command_hq") -> list[CoreMember]:
    """Persons by the number of distinct groups of ``kind`` they sit on (notices of ``year`` only)."""
    groups: dict[str, dict[str, str]] = defaultdict(dict)
    roles: dict[str, set[str]] = defaultdict(set)
    names: dict[str, str] = {}
    for row in memberships:
        if row.group_kind != kind or (year is not None and row.year != year):
            continue
        groups[row.person][row.group] = row.group_name
        roles[row.person].add(row.role)
        names[row.person] = row.person_name
    core = [CoreMember(p, names[p], len(groups[p]), tuple(sorted(roles[p] - {""})),
                       tuple(sorted(groups[p].values()))) for p in groups]
    return sorted(core, key=lambda c: (-c.bodies, c.name, c.person))


def turnover(appointments: Iterable[AppointmentRow]) -> list[Turnover]:
    """Appointments, removals and nominations per agency (of the post) per year.

    Events whose post has no resolved agency are counted under the agency name "".
    """
    counts: dict[tuple[str, int | None], Counter] = defaultdict(Counter)
    names: dict[str, str] = {}
    for row in appointments:
        counts[row.organization, row.year][row.action] += 1
        names.setdefault(row.organization, row.organization_name)
    rows = [Turnover(agency, names[agency], year, c["appoint"], c["remove"], c["nominate"])
            for (agency, year), c in counts.items()]
    return sorted(rows, key=lambda t: (-t.total, -t.appointments, t.year or 0, t.name, t.agency))
