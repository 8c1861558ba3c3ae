"""What the build counts once so that no canned query aggregates the whole corpus.

Two questions analysts ask of the whole corpus, with no entity to start from, mean
counting over every duty list or every roster: which pairs of agencies share the most
tasks (Σ units² pairs per task) and which persons sit on the most groups. On a
gazette-shaped graph of 1e6 triples Oxigraph needs about 1.4 s and 70 ms to aggregate
them at query time (`benchmarks/RESULTS.md`); counted in Python from the build's fact
records (entities resolved as the graph resolves them), they cost milliseconds. The
build writes the top of each ranking (`TOP` rows, what the canned queries return) into
a named graph of its own, ``graph/summaries``, which every build recomputes whole: a new
gazette changes counts, ranks and periods, never a document's facts.

"Who sits on most groups on a date" cannot be ranked ahead for every date, so the same
graph holds the roster periods it is counted from: a group's roster as one notice lists
it, in force from the notice's date until the group is next listed. Counting a few
hundred periods in force on the date replaces testing every roster line against every
later listing (`bridging_persons.rq`, 65 → 37 ms at 1e6).

Counting follows the canned queries' definitions (`agencies_shared_tasks.rq`,
`bridging_persons.rq`; the tests compare both ways on the seeds): a task is shared by two
resolved organisations assigned to it; "both lead" when each is assigned as lead;
ranks order by count (descending), then IRI. Nodes are keyed by what they stand for
(the two agencies; the person; the group and notice), so they keep their IRIs.
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
from graphbuilder.rdf.literals import integer
from graphbuilder.rdf.ns import GB
from graphbuilder.records import Assignment, DocumentResult, Group, Membership

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


@dataclass(frozen=True, slots=True)
class RosterPeriod:
    """A group's roster as one notice lists it, in force from the notice's date until the
    group is next listed (a later notice's roster replaces it); undated notices: no dates."""
    group: str
    document: str          # document number
    start: str             # ISO date, "" when the notice is undated
    until: str             # ISO date of the group's next listing, "" when none is later
    persons: frozenset[str]


def summary_triples(results: Iterable[DocumentResult], resolve: Resolver) -> Iterator[Triple]:
    """The rankings and roster periods of a build's facts, entities resolved as the graph resolves them."""
    results = list(results)
    yield from partnership_triples(rank_partnerships(assignment_rows(results, resolve)))
    rows = list(membership_rows(results, resolve))
    yield from bridge_triples(rank_bridges((person, group) for person, group, _, _ in rows))
    yield from period_triples(roster_periods(rows, listing_rows(results, resolve)))


def assignment_rows(results: Iterable[DocumentResult], resolve: Resolver) -> Iterator[tuple[str, str, str, str]]:
    """(task, unit, kind, document) IRIs of every assignment, as ``triples.assignment_triples``
    writes them (``Resolver.resolve``: the same memoised answer, not logged a second time)."""
    from graphbuilder.rdf.triples import task_iri, value_of     # triples imports this module

    for result in results:
        document = result.document
        place = jurisdiction(resolve, document)
        for fact in result.facts:
            if isinstance(fact, Assignment):
                unit = resolve.resolve(fact.unit, document.date, place).iri
                yield (str(task_iri(document, fact.task)), str(unit), value_of(fact.kind),
                       str(doc_iri(document.number)))


def membership_rows(results: Iterable[DocumentResult], resolve: Resolver) -> Iterator[tuple[str, str, str, str]]:
    """(person, group, document number, date) of every roster line held by a person, IRIs as
    ``triples.membership_triples`` writes them."""
    for result in results:
        document = result.document
        place = jurisdiction(resolve, document)
        for fact in result.facts:
            if isinstance(fact, Membership) and fact.person:
                person = resolve.person(fact.person, place, document.number, fact.source.start)
                group = group_entity(resolve, fact.group, document).iri
                yield str(person.iri), str(group), document.number, document.date


def listing_rows(results: Iterable[DocumentResult], resolve: Resolver) -> Iterator[tuple[str, str]]:
    """(group, date) of every dated listing of a group (``triples.group_triples``)."""
    for result in results:
        document = result.document
        for fact in result.facts:
            if isinstance(fact, Group) and document.date:
                yield str(group_entity(resolve, fact.name, document).iri), document.date


def roster_periods(memberships: Iterable[tuple[str, str, str, str]],
                   listings: Iterable[tuple[str, str]]) -> list[RosterPeriod]:
    """One period per group and notice listing its members; it ends at the group's first
    listing dated after the notice (the rule of ``bridging_persons.rq``'s dated form)."""
    listed: dict[str, list[str]] = defaultdict(list)
    for group, date in listings:
        listed[group].append(date)
    persons: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for person, group, number, date in memberships:
        persons[group, number, date].add(person)
    periods = []
    for (group, number, date), members in sorted(persons.items()):
        later = [when for when in listed[group] if date and when > date]
        periods.append(RosterPeriod(group, number, date, min(later, default=""), frozenset(members)))
    return periods


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


def period_triples(periods: list[RosterPeriod]) -> Iterator[Triple]:
    for period in periods:
        node = make_iri("roster_period", period.group, period.document)
        yield node, RDF.type, GB.RosterPeriod
        yield node, GB.periodGroup, URIRef(period.group)
        yield node, GB.listedIn, doc_iri(period.document)
        if period.start:
            yield node, GB.inForceFrom, Literal(period.start, datatype=XSD.date)
        if period.until:
            yield node, GB.inForceUntil, Literal(period.until, datatype=XSD.date)
        for person in sorted(period.persons):
            yield node, GB.listsPerson, URIRef(person)

