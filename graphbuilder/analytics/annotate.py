"""Measures → triples in ``analytics.trig``, one named graph that SPARQL sees beside the build.

The measures describe the entities of the build (persons, agencies), so the triples
use their IRIs as subjects; they live in their own named graph,
``https://w3id.org/graphbuilder/id/graph/analytics``, so that they can be dropped or
recomputed without touching a document's facts. The graph node says how the measures
were computed. Counts of communities and turnovers are nodes keyed by their content
(members; agency and year), never by rank or order, so IRIs survive a re-run.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Iterator

import pyoxigraph as ox
from rdflib import RDF, XSD, Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from graphbuilder.analytics.measures import LOUVAIN_RESOLUTION, LOUVAIN_SEED
from graphbuilder.entities.keys import BASE, make_iri
from graphbuilder.export.rdf_files import trig_text, write_atomic
from graphbuilder.rdf.literals import integer
from graphbuilder.rdf.ns import GB

ANALYTICS_GRAPH = URIRef(BASE + "graph/analytics")
ANALYTICS_FILE = "analytics.trig"
METHOD = (f"graphbuilder.analytics: betweenness (normalised, unweighted) on person co-membership; "
          f"tasks led and supported per agency, collective units left out; Louvain communities on "
          f"agency co-responsibility weighted by shared tasks (seed {LOUVAIN_SEED}, resolution "
          f"{LOUVAIN_RESOLUTION}); command bodies per person; appointments and removals per agency and year")


def analytics_triples(stats) -> Iterator[tuple]:
    """The triples that record ``stats`` (a ``graphbuilder.analytics.Stats``)."""
    yield ANALYTICS_GRAPH, RDF.type, PROV.Entity
    yield ANALYTICS_GRAPH, DCTERMS.description, Literal(METHOD)
    for person in stats.bridging:
        node = URIRef(person.person)
        yield node, GB.betweenness, Literal(Decimal(f"{person.betweenness:.6f}"), datatype=XSD.decimal)
        yield node, GB.groupCount, integer(person.groups)
    for member in stats.command_core:
        yield URIRef(member.person), GB.commandBodyCount, integer(member.bodies)
    for load in stats.duties:
        yield URIRef(load.agency), GB.leadTaskCount, integer(load.lead)
        yield URIRef(load.agency), GB.supportTaskCount, integer(load.support)
    for community in stats.communities:
        node = make_iri("community", *sorted(iri for iri, _ in community.members))
        yield node, RDF.type, GB.AgencyCommunity
        yield node, GB.communityRank, integer(community.rank)
        for iri, _ in community.members:
            yield URIRef(iri), GB.inCommunity, node
    for row in stats.turnover:
        if not row.agency:
            continue        # a post whose agency was not resolved: no node to hang it on
        node = make_iri("turnover", row.agency, str(row.year or "undated"))
        yield node, RDF.type, GB.YearlyTurnover
        yield node, GB.agency, URIRef(row.agency)
        if row.year is not None:
            yield node, GB.year, integer(row.year)
        yield node, GB.appointmentCount, integer(row.appointments)
        yield node, GB.removalCount, integer(row.removals)


def analytics_dataset(stats) -> Dataset:
    dataset = Dataset()
    graph = dataset.graph(ANALYTICS_GRAPH)
    for triple in analytics_triples(stats):
        graph.add(triple)
    return dataset


def write_analytics(stats, out_dir: str | Path) -> Path:
    """``OUT/analytics.trig``, sorted and written atomically."""
    path = Path(out_dir) / ANALYTICS_FILE
    write_atomic(path, trig_text(analytics_dataset(stats)).encode("utf-8"))
    return path


def load_analytics(store: ox.Store, out_dir: str | Path) -> bool:
    """Add ``OUT/analytics.trig`` to ``store`` if it was written; True if it was."""
    path = Path(out_dir) / ANALYTICS_FILE
    if not path.is_file():
        return False
    store.bulk_load(path=str(path), format=ox.RdfFormat.TRIG)
    return True
