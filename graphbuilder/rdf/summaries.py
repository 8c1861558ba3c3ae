"""Corpus rankings the build counts once, so that no canned query aggregates the whole corpus.

Two questions analysts ask of the whole corpus, with no entity to start from, mean
counting over every duty list or every roster: which pairs of agencies share the most
tasks (Σ units² pairs per task) and which persons sit on the most groups. On a
gazette-shaped graph of 1e6 triples Oxigraph needs about 1.4 s and 70 ms to aggregate
them at query time (`benchmarks/RESULTS.md`); counted in Python from the build's
fact records (entities resolved as the graph resolves them), they cost milliseconds. The build writes the top of each ranking
(`TOP` rows, what the canned queries return) into a named graph of its own,
``graph/summaries``, which every build recomputes whole: a new gazette changes counts and
ranks, never a document's facts. Queries anchored on one agency or on a date still
count at query time (they touch a small part of the graph).

Counting follows the canned queries' definitions exactly (`agencies_shared_tasks.rq`,
`bridging_persons.rq`, whose tests compare both ways): a task is shared by two
resolved organisations assigned to it; "both lead" when each is assigned as lead;
ranks order by count (descending), then IRI. Ranking nodes are keyed by what they rank
(the two agencies; the person), so a pair that stays in the top keeps its IRI.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import Iterable, Iterator

from rdflib import RDF, XSD, Literal, URIRef
from rdflib.term import Node

from graphbuilder.entities.keys import BASE, doc_iri, make_iri
from graphbuilder.entities.resolve import Resolver
from graphbuilder.rdf.entities import group_entity, jurisdiction
from graphbuilder.rdf.ns import GB
from graphbuilder.records import Assignment, DocumentResult, Membership

Triple = tuple[Node, Node, Node]

SUMMARIES_GRAPH = URIRef(BASE + "graph/summaries")
TOP = 100           # rows of each ranking: what the canned queries return
LEAD = "lead"


@dataclass(frozen=True, slots=True)
class Partnership:
    first: str            # agency IRIs, first < second
    second: str
    tasks: int
    lead_tasks: int
    documents: int


@dataclass(frozen=True, slots=True)
class Bridge:
    person: str
    groups: int


def summary_triples(results: Iterable[DocumentResult], resolve: Resolver) -> Iterator[Triple]:
    """The rankings of a build's facts, with entities resolved as the graph resolves them."""
    yield from partnership_triples(rank_partnerships(assignment_rows(results, resolve)))
    yield from bridge_triples(rank_bridges(membership_rows(results, resolve)))


def assignment_rows(results: Iterable[DocumentResult], resolve: Resolver) -> Iterator[tuple[str, str, str, str]]:
    """(task, unit, kind, document) IRIs of every assignment, as ``triples.assignment_triples``
    writes them (``Resolver.resolve``: the same memoised answer, not logged a second time)."""
    from graphbuilder.rdf.triples import task_iri     # triples imports this module

    for result in results:
        document = result.document
        place = jurisdiction(resolve, document)
        for fact in result.facts:
            if isinstance(fact, Assignment):
                unit = resolve.resolve(fact.unit, document.date, place).iri
                yield (str(task_iri(document, fact.task)), str(unit), getattr(fact.kind, "value", fact.kind),
                       str(doc_iri(document.number)))


def membership_rows(results: Iterable[DocumentResult], resolve: Resolver) -> Iterator[tuple[str, str]]:
    """(person, group) IRIs of every roster line held by a person, as ``triples.membership_triples``
    writes them."""
    for result in results:
        document = result.document
        place = jurisdiction(resolve, document)
        for fact in result.facts:
            if isinstance(fact, Membership) and fact.person:
                person = resolve.person(fact.person, place, document.number, fact.source.start)
                yield str(person.iri), str(group_entity(resolve, fact.group, document).iri)


def rank_partnerships(assignments: Iterable[tuple[str, str, str, str]]) -> list[Partnership]:
    """The TOP pairs of organisations by tasks shared, from (task, unit, kind, document) rows."""
    units: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))   # task → unit → kinds
    document: dict[str, str] = {}
    for task, unit, kind, source in assignments:
        units[task][unit].add(kind)
        document[task] = source
    tasks: dict[tuple[str, str], int] = defaultdict(int)
    lead: dict[tuple[str, str], int] = defaultdict(int)
    documents: dict[tuple[str, str], set[str]] = defaultdict(set)
    for task, kinds in units.items():
        for pair in combinations(sorted(kinds), 2):
            tasks[pair] += 1
            lead[pair] += LEAD in kinds[pair[0]] and LEAD in kinds[pair[1]]
            documents[pair].add(document[task])
    top = sorted(tasks, key=lambda pair: (-tasks[pair], pair))[:TOP]
    return [Partnership(a, b, tasks[a, b], lead[a, b], len(documents[a, b])) for a, b in top]


def rank_bridges(memberships: Iterable[tuple[str, str]]) -> list[Bridge]:
    """The TOP persons on two or more groups, by groups, from (person, group) rows."""
    groups: dict[str, set[str]] = defaultdict(set)
    for person, group in memberships:
        groups[person].add(group)
    top = sorted((p for p, g in groups.items() if len(g) >= 2), key=lambda p: (-len(groups[p]), p))[:TOP]
    return [Bridge(person, len(groups[person])) for person in top]


def integer(value: int) -> Literal:
    return Literal(value, datatype=XSD.integer)


def partnership_triples(partnerships: list[Partnership]) -> Iterator[Triple]:
    for rank, pair in enumerate(partnerships, start=1):
        node = make_iri("partnership", pair.first, pair.second)
        yield node, RDF.type, GB.TaskPartnership
        yield node, GB.firstAgency, URIRef(pair.first)
        yield node, GB.secondAgency, URIRef(pair.second)
        yield node, GB.sharedTasks, integer(pair.tasks)
        yield node, GB.sharedLeadTasks, integer(pair.lead_tasks)
        yield node, GB.sharedDocuments, integer(pair.documents)
        yield node, GB.rank, integer(rank)


def bridge_triples(bridges: list[Bridge]) -> Iterator[Triple]:
    for rank, bridge in enumerate(bridges, start=1):
        node = make_iri("bridge", bridge.person)
        yield node, RDF.type, GB.GroupBridge
        yield node, GB.bridgingPerson, URIRef(bridge.person)
        yield node, GB.bridgedGroups, integer(bridge.groups)
        yield node, GB.rank, integer(rank)
