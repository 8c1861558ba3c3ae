"""Network analytics on a built graph: projections into networkx, measures, write-back.

    store = graphbuilder.query.store.open_output("out")
    stats = compute_stats(store)
    stats.bridging[:5], stats.duties[:5], stats.communities, stats.command_core, stats.turnover

``rows`` reads the graph with the SPARQL in ``queries/``; ``projections`` builds the
networkx graphs; ``measures`` computes the answers as dataclasses; ``annotate`` writes
them back as triples in ``analytics.trig`` so that SPARQL sees them.
"""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from graphbuilder.analytics import measures, projections, rows
from graphbuilder.analytics.measures import (AgencyCommunity, BridgingPerson, CoreMember, DutyLoad,
                                             Turnover)

__all__ = ["AgencyCommunity", "BridgingPerson", "CoreMember", "DutyLoad", "Projections", "Stats", "Turnover",
           "compute_stats", "project"]


@dataclass(frozen=True)
class Projections:
    person_group: nx.Graph
    co_membership: nx.Graph
    co_responsibility: nx.Graph
    person_post: nx.DiGraph


@dataclass(frozen=True)
class Stats:
    bridging: list[BridgingPerson]
    duties: list[DutyLoad]
    communities: list[AgencyCommunity]
    command_core: list[CoreMember]
    turnover: list[Turnover]


def project(store) -> Projections:
    """The four projections of the graph in ``store`` (a pyoxigraph Store)."""
    return projections_of(rows.read_memberships(store), store)


def projections_of(memberships: list[rows.MembershipRow], store) -> Projections:
    person_group = projections.person_group_graph(memberships)
    return Projections(person_group, projections.co_membership_graph(person_group),
                       projections.co_responsibility_graph(rows.read_assignments(store)),
                       projections.person_post_graph(rows.read_tenures(store)))


def compute_stats(store, seed: int = measures.LOUVAIN_SEED) -> Stats:
    """Every measure over the whole graph in ``store``."""
    memberships = rows.read_memberships(store)
    views = projections_of(memberships, store)
    return Stats(bridging=measures.bridging_persons(views.co_membership),
                 duties=measures.duty_loads(views.co_responsibility),
                 communities=measures.agency_communities(views.co_responsibility, seed=seed),
                 command_core=measures.command_core(memberships),
                 turnover=measures.turnover(rows.read_appointments(store)))
